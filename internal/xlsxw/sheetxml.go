package xlsxw

import (
	"slices"
	"strconv"
)

// sheetLayout is what writing a sheet needs to know beforehand: the names
// of its columns and styles, each column's style, the cells' extent.
type sheetLayout struct {
	colNames []string    // colNames[c] is column c's letters
	colOpens []string    // colOpens[c] is <c r=" and column c's letters
	styleIDs []string    // styleIDs[s] is Style s as an attribute's value
	mids     [4][]string // mids[k][s]: a cell's markup of kind k and Style s from the row number to the value
	colStyle []Style     // colStyle[c] is the style of column c's unstyled cells
	minCol   int32
	maxCol   int32
	minRow   int
	maxRow   int
}

// layout sorts every row's cells into column order and measures the sheet.
func (s *Sheet) layout(styleIDs []string) *sheetLayout {
	l := &sheetLayout{styleIDs: styleIDs, minCol: MaxCols + 1}
	for c, col := range s.cols {
		for len(l.colStyle) <= c {
			l.colStyle = append(l.colStyle, 0)
		}
		l.colStyle[c] = col.style
	}
	for i, r := range s.rows {
		if len(r) == 0 {
			continue
		}
		r = sorted(r, l.colStyle)
		s.rows[i] = r
		if l.minRow == 0 {
			l.minRow = i + 1
		}
		l.maxRow = i + 1
		l.minCol = min(l.minCol, r[0].col)
		l.maxCol = max(l.maxCol, r[len(r)-1].col)
	}
	l.colNames = make([]string, l.maxCol+1)
	l.colOpens = make([]string, l.maxCol+1)
	for c := l.minCol; c <= l.maxCol; c++ {
		l.colNames[c] = ColumnName(int(c))
		l.colOpens[c] = `<c r="` + l.colNames[c]
	}
	for k, open := range [4]string{kindNumber: `><v>`, kindText: ` t="inlineStr"><is><t>`, kindBool: ` t="b"><v>`,
		kindFormula: ` t="str"><f>`} {
		l.mids[k] = make([]string, len(styleIDs))
		for st, id := range styleIDs {
			l.mids[k][st] = `"` + open
			if st != 0 {
				l.mids[k][st] = `" s="` + id + `"` + open
			}
		}
	}
	return l
}

// dimension is the range the sheet's cells cover, such as A1:U43.
func (l *sheetLayout) dimension() string {
	if l.maxRow == 0 {
		return "A1"
	}
	from := l.colNames[l.minCol] + strconv.Itoa(l.minRow)
	to := l.colNames[l.maxCol] + strconv.Itoa(l.maxRow)
	if from == to {
		return from
	}
	return from + ":" + to
}

// pieceCells is about how many cells a piece of a worksheet has: the
// pieces are written and compressed side by side.
const pieceCells = 1 << 15

// pieces are the worksheet part in pieces, each written by its function:
// dimension, sheetViews, sheetFormatPr, cols, sheetData and drawing, in the
// schema's order, with the rows cut into pieces of about pieceCells cells.
// The cuts depend only on the rows, so the part's bytes do too.
func (s *Sheet) pieces(l *sheetLayout, selected bool) []func(*tokenWriter) {
	head := s.head(l, selected)
	var out []func(*tokenWriter)
	first, cells := 0, 0
	for i, r := range s.rows {
		if cells += len(r); cells < pieceCells && i < len(s.rows)-1 {
			continue
		}
		out = append(out, s.piece(l, first, i+1, head, nil))
		first, cells, head = i+1, 0, nil
	}
	foot := `</sheetData></worksheet>`
	if len(s.charts) > 0 {
		foot = `</sheetData><drawing r:id="rId1"/></worksheet>`
	}
	return append(out, s.piece(l, len(s.rows), len(s.rows), head, []byte(foot)))
}

// piece writes the rows from first up to end, after head and before foot.
func (s *Sheet) piece(l *sheetLayout, first, end int, head, foot []byte) func(*tokenWriter) {
	return func(z *tokenWriter) {
		z.lit(head)
		rw := rowWriter{s: s, z: z}
		for i, r := range s.rows[first:end] {
			if len(r) == 0 {
				continue
			}
			rw.startRow(first + i + 1)
			for _, c := range r {
				rw.cell(l, c)
			}
			rw.markup(`</row>`)
		}
		rw.flush()
		z.lit(foot)
	}
}

// head is the worksheet part up to its first row.
func (s *Sheet) head(l *sheetLayout, selected bool) []byte {
	h := []byte(xmlHeader + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsOfficeRel + `">`)
	h = append(append(append(h, `<dimension ref="`...), l.dimension()...), `"/>`...)
	h = append(h, `<sheetViews><sheetView workbookViewId="0"`...)
	if selected {
		h = append(h, ` tabSelected="1"`...)
	}
	if s.freeze > 0 {
		h = append(h, `><pane ySplit="`+strconv.Itoa(s.freeze)+`" topLeftCell="A`+strconv.Itoa(s.freeze+1)+
			`" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`...)
	} else {
		h = append(h, `/></sheetViews>`...)
	}
	h = append(h, `<sheetFormatPr defaultRowHeight="15"/>`...)
	return append(s.appendCols(h, l), `<sheetData>`...)
}

// appendCols appends the cols element: a col for each run of neighbouring
// columns alike in width and style.
func (s *Sheet) appendCols(w []byte, l *sheetLayout) []byte {
	if len(s.cols) == 0 {
		return w
	}
	keys := make([]int, 0, len(s.cols))
	for c := range s.cols {
		keys = append(keys, c)
	}
	slices.Sort(keys)
	w = append(w, `<cols>`...)
	for i := 0; i < len(keys); {
		first, c := keys[i], *s.cols[keys[i]]
		j := i + 1
		for j < len(keys) && keys[j] == keys[j-1]+1 && *s.cols[keys[j]] == c {
			j++
		}
		w = append(w, `<col min="`+strconv.Itoa(first)+`" max="`+strconv.Itoa(keys[j-1])+`"`...)
		if c.width > 0 {
			w = append(w, ` width="`+strconv.FormatFloat(c.width, 'f', -1, 64)+`" customWidth="1"`...)
		} else {
			w = append(w, ` width="9.140625"`...)
		}
		if c.style != 0 {
			w = append(w, ` style="`+l.styleIDs[c.style]+`"`...)
		}
		w = append(w, `/>`...)
		i = j
	}
	return append(w, `</cols>`...)
}
