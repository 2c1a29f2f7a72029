package plan

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"icsplan/internal/money"
)

// totalsRow is a row that adds up systems rather than being one: marked
// Total (or England, Grand total, Sum) in its code or name, or with a
// population and plan that are the sums of the systems above it.
type totalsRow struct {
	line  int
	col   int    // the column that marks it: its label's, or the population's
	label string // the label that marks it; "" when its figures do
	at    int    // how many systems come before it
	figs  [numColumns]Figure
}

// totalsWords are the labels of a totals row, folded.
var totalsWords = map[string]bool{
	"total": true, "totals": true, "england": true, "grand total": true, "sum": true, "subtotal": true,
	"sub-total": true, "england total": true, "total england": true, "national total": true, "overall total": true,
	"all icbs": true, "all systems": true, "all icss": true,
}

// isTotalsLabel reports whether a code or name cell marks a totals row:
// one of totalsWords in any case, or a name starting "Total " or ending
// " total" ("Total (42 ICBs)", "London total").
func isTotalsLabel(cell string) bool {
	if isASCII(cell) && !ContainsFold(cell, "total") && !ContainsFold(cell, "england") && !ContainsFold(cell, "sum") && !ContainsFold(cell, "all") {
		return false // most cells, read without allocating: a label of ASCII alone must hold one of these words
	}
	n := strings.TrimRight(normalHeader(visible(cell)), ":*")
	return totalsWords[n] || strings.HasPrefix(n, "total ") || strings.HasPrefix(n, "total(") ||
		strings.HasSuffix(n, " total") || strings.HasSuffix(n, " totals")
}

// isASCII reports whether every byte of s is ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// totalsByLabel reports whether the row is marked as a totals row; at is
// how many systems precede it.
func (r *rowReader) totalsByLabel(at int) (totalsRow, bool) {
	for _, c := range []column{colCode, colName} {
		i := r.lay.index[c]
		if i < 0 || len(r.row.Cells[i]) > maxHeadingBytes || !isTotalsLabel(r.row.Cells[i]) {
			continue
		}
		return totalsRow{line: r.row.Line, col: i, label: clip(strings.TrimSpace(r.row.Cells[i])), at: at, figs: r.totalsFigures()}, true
	}
	return totalsRow{}, false
}

// figureColumns are the columns a totals row is checked on.
var figureColumns = []column{colPopulation, colWeighted, colPlan, colForecast, colOutturn}

// totalsFigures reads the figures of a totals row where it can: a cell
// that is blank, a formula with no stored result, or otherwise unreadable
// is not checked, and is no problem, since the row is skipped.
func (r *rowReader) totalsFigures() [numColumns]Figure {
	var f [numColumns]Figure
	for _, c := range figureColumns {
		i := r.lay.index[c]
		if i < 0 || len(r.row.Cells[i]) > MaxCellBytes || i < len(r.row.Kinds) && r.row.Kinds[i] != CellPlain {
			continue
		}
		v := strings.TrimSpace(r.row.Cells[i])
		if c.money() {
			if d, err := money.ParseIn(v, r.lay.factor[c]); err == nil && !money.Blank(v) {
				f[c] = Known(d)
			}
		} else if d, msg := parsePositive(v); msg == "" {
			f[c] = Known(d)
		}
	}
	return f
}

// sums are running totals of the systems' figures, one per figure column;
// a forecast or outturn adds to its sum only where it is known.
type sums [numColumns]Figure

func (s *sums) add(sys System) {
	for _, c := range figureColumns {
		f := sys.figure(c)
		if f.Known {
			s[c] = Known(s[c].Value.Add(f.Value))
		}
	}
}

// minus is s less o, column by column: the sums of the systems between two
// running totals.
func (s sums) minus(o sums) sums {
	var d sums
	for _, c := range figureColumns {
		if s[c].Known {
			d[c] = Known(s[c].Value.Sub(o[c].Value))
		}
	}
	return d
}

// figure is the system's figure in a figure column.
func (s System) figure(c column) Figure {
	switch c {
	case colPopulation:
		return Known(decimal.NewFromInt(s.Population))
	case colWeighted:
		return Known(s.WeightedPopulation)
	case colForecast:
		return s.Forecast
	case colOutturn:
		return s.Outturn
	}
	return Known(s.Plan)
}

// sumOfAbove reports whether a system's population and plan are the sums
// of at least two systems above it: all of them, or those since the last
// totals row. Populations are compared first, from running counts, so a
// row costs nothing unless its population is such a sum.
func (rr *rowsReader) sumOfAbove(s System) bool {
	n := len(rr.systems)
	from := []int{0}
	if k := len(rr.totals); k > 0 {
		from = append(from, rr.totals[k-1].at)
	}
	for _, f := range from {
		if n-f < 2 || rr.pops[n]-rr.pops[f] != s.Population {
			continue
		}
		plan := decimal.Zero
		for _, x := range rr.systems[f:n] {
			plan = plan.Add(x.Plan)
		}
		if plan.Equal(s.Plan) {
			return true
		}
	}
	return false
}

// prefix is the sums of the first n systems, kept as the systems are read.
func (rr *rowsReader) prefix(n int) sums {
	for len(rr.prefixes) <= len(rr.systems) {
		i := len(rr.prefixes)
		var s sums
		if i > 0 {
			s = rr.prefixes[i-1]
			s.add(rr.systems[i-1])
		}
		rr.prefixes = append(rr.prefixes, s)
	}
	return rr.prefixes[n]
}

// maxTotalsListed bounds the totals rows a file's warnings list one by one.
const maxTotalsListed = 50

// totalsWarnings says which totals rows were skipped and where one does not
// equal the sum of the systems it totals: all of them, those above it
// since the last totals row, or those below it up to the next.
func (rr *rowsReader) totalsWarnings() []string {
	var out []string
	for k, t := range rr.totals {
		if k == maxTotalsListed {
			more := len(rr.totals) - k
			out = append(out, rr.st.at(t.line, t.col, "", "and %d more totals %s from here on, skipped too", more, plural(more, "row", "rows")).Error())
			break
		}
		why := fmt.Sprintf("(%q)", t.label)
		if t.label == "" {
			why = "(its population and plan are the sums of the systems above it)"
		}
		out = append(out, rr.st.at(t.line, t.col, "", "skipped a totals row %s: it is not a system, and icsplan adds up the systems itself", why).Error())
		out = append(out, rr.totalsMismatch(k)...)
	}
	return out
}

// totalsMismatch checks totals row k against the systems it may total,
// and says, column by column, where it differs from the likeliest span.
func (rr *rowsReader) totalsMismatch(k int) []string {
	t := rr.totals[k]
	n := len(rr.systems)
	prev, next := 0, n
	if k > 0 {
		prev = rr.totals[k-1].at
	}
	if k+1 < len(rr.totals) {
		next = rr.totals[k+1].at
	}
	all := rr.prefix(n).minus(rr.prefix(0))
	above := rr.prefix(t.at).minus(rr.prefix(prev))
	below := rr.prefix(next).minus(rr.prefix(t.at))
	checked := false
	for _, span := range []sums{all, above, below} {
		ok, any := t.matches(span)
		checked = checked || any
		if ok && any {
			return nil
		}
	}
	if !checked {
		return nil
	}
	ref, what := all, "the systems add up to"
	if k > 0 && k < len(rr.totals)-1 && t.at > prev {
		ref, what = above, "the systems above it, since the last totals row, add up to"
	}
	var out []string
	for _, c := range figureColumns {
		if f := t.figs[c]; f.Known && !(ref[c].Known && ref[c].Value.Equal(f.Value)) {
			out = append(out, rr.st.at(t.line, rr.lay.index[c], columnNames[c], "the totals row says %s but %s %s: check the figures",
				shownFigure(c, f.Value), what, shownFigure(c, ref[c].Value)).Error())
		}
	}
	return out
}

// matches reports whether every figure the totals row has equals the
// span's, and whether it has any to compare.
func (t totalsRow) matches(span sums) (ok, any bool) {
	ok = true
	for _, c := range figureColumns {
		if f := t.figs[c]; f.Known {
			any = true
			ok = ok && span[c].Known && span[c].Value.Equal(f.Value)
		}
	}
	return ok, any
}

// shownFigure writes a figure of column c exactly: money in pounds, a
// population as a count.
func shownFigure(c column, d decimal.Decimal) string {
	if c.money() {
		return money.FormatExact(d)
	}
	return money.Grouped(d)
}
