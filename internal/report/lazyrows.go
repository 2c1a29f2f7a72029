package report

import "icsplan/internal/analysis"

// lazyRows are a table's n rows made as the paper writes them, so that a
// table of a row a system is never held whole: row fills cells (one a
// column) with row i's and returns the web address its last cell links to.
type lazyRows struct {
	n   int
	row func(i int, cells []string) (link string)
}

// len is how many rows t has.
func (t *table) len() int {
	if t.lazy != nil {
		return t.lazy.n
	}
	return len(t.rows)
}

// allRows is t with its rows made, when they are lazy: for a renderer that
// reads every row before it writes one (the text layout measures them).
func allRows(t table) table {
	if t.lazy == nil {
		return t
	}
	slab := newRowSlab(t.lazy.n, len(t.cols))
	t.rows = make([][]string, t.lazy.n)
	for i := range t.rows {
		t.rows[i] = slab.next()
		t.lazy.row(i, t.rows[i])
	}
	t.lazy = nil
	return t
}

// systemRow makes the Systems table's row i from systems[i] and the footed
// columns c: code, mark, name, group, then plan, cash, per head, fair
// share, transfer and effective grant.
func systemRow(systems []analysis.SystemResult, c systemColumns) func(i int, cells []string) string {
	var cb cellBuf
	return func(i int, cells []string) string {
		s := &systems[i]
		cells[0], cells[1], cells[2], cells[3] = clean(s.Code), "", clean(s.Name), groupLetter(s.Group)
		if s.Illustrative() {
			cells[1] = illustrativeMark
		}
		cb.row(c.plan, i)
		cb.row(c.cash, i)
		cb.pence(s.PerHead)
		cb.row(c.fair, i)
		cb.row(c.transfer, i)
		cb.row(c.grant, i)
		cb.take(cells[4:4])
		return ""
	}
}
