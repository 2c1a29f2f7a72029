package xlsxw

import (
	"bufio"
	"slices"
	"strconv"
)

// sheetLayout is what writing a sheet needs to know beforehand: the names
// of its columns and styles, each column's style, the cells' extent.
type sheetLayout struct {
	colNames []string // colNames[c] is column c's letters
	styleIDs []string // styleIDs[s] is Style s as an attribute's value
	colStyle []Style  // colStyle[c] is the style of column c's unstyled cells
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
	for c := l.minCol; c <= l.maxCol; c++ {
		l.colNames[c] = ColumnName(int(c))
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

// write writes the worksheet part: dimension, sheetViews, sheetFormatPr,
// cols, sheetData and drawing, in the schema's order.
func (s *Sheet) write(w *bufio.Writer, l *sheetLayout, selected bool) {
	w.WriteString(xmlHeader + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsOfficeRel + `">`)
	w.WriteString(`<dimension ref="` + l.dimension() + `"/>`)
	w.WriteString(`<sheetViews><sheetView workbookViewId="0"`)
	if selected {
		w.WriteString(` tabSelected="1"`)
	}
	if s.freeze > 0 {
		w.WriteString(`><pane ySplit="` + strconv.Itoa(s.freeze) + `" topLeftCell="A` + strconv.Itoa(s.freeze+1) +
			`" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`)
	} else {
		w.WriteString(`/></sheetViews>`)
	}
	w.WriteString(`<sheetFormatPr defaultRowHeight="15"/>`)
	s.writeCols(w, l)
	w.WriteString(`<sheetData>`)
	var num, buf []byte
	for i, r := range s.rows {
		if len(r) == 0 {
			continue
		}
		num = strconv.AppendInt(num[:0], int64(i+1), 10)
		buf = append(append(append(buf[:0], `<row r="`...), num...), `">`...)
		for _, c := range r {
			buf = appendCell(buf, l, c, num)
		}
		w.Write(append(buf, `</row>`...))
	}
	w.WriteString(`</sheetData>`)
	if len(s.charts) > 0 {
		w.WriteString(`<drawing r:id="rId1"/>`)
	}
	w.WriteString(`</worksheet>`)
}

// appendCell appends one cell of the row numbered row. A text cell with
// no text is a blank cell: written only if it has a style.
func appendCell(b []byte, l *sheetLayout, c cell, row []byte) []byte {
	if c.kind == kindText && c.v == "" && c.style == 0 {
		return b
	}
	b = append(b, `<c r="`...)
	b = append(b, l.colNames[c.col]...)
	b = append(b, row...)
	b = append(b, '"')
	if c.style != 0 {
		b = append(b, ` s="`...)
		b = append(b, l.styleIDs[c.style]...)
		b = append(b, '"')
	}
	switch c.kind {
	case kindNumber:
		b = append(append(append(b, `><v>`...), c.v...), `</v></c>`...)
	case kindBool:
		b = append(append(append(b, ` t="b"><v>`...), c.v...), `</v></c>`...)
	case kindFormula:
		b = append(appendXML(append(b, ` t="str"><f>`...), c.v, false, false), `</f></c>`...)
	case kindText:
		if c.v == "" {
			return append(b, `/>`...)
		}
		if needsSpace(c.v) {
			b = append(b, ` t="inlineStr"><is><t xml:space="preserve">`...)
		} else {
			b = append(b, ` t="inlineStr"><is><t>`...)
		}
		b = append(appendCellText(b, c.v), `</t></is></c>`...)
	}
	return b
}

// writeCols writes the cols element: a col for each run of neighbouring
// columns alike in width and style.
func (s *Sheet) writeCols(w *bufio.Writer, l *sheetLayout) {
	if len(s.cols) == 0 {
		return
	}
	keys := make([]int, 0, len(s.cols))
	for c := range s.cols {
		keys = append(keys, c)
	}
	slices.Sort(keys)
	w.WriteString(`<cols>`)
	for i := 0; i < len(keys); {
		first, c := keys[i], *s.cols[keys[i]]
		j := i + 1
		for j < len(keys) && keys[j] == keys[j-1]+1 && *s.cols[keys[j]] == c {
			j++
		}
		w.WriteString(`<col min="` + strconv.Itoa(first) + `" max="` + strconv.Itoa(keys[j-1]) + `"`)
		if c.width > 0 {
			w.WriteString(` width="` + strconv.FormatFloat(c.width, 'f', -1, 64) + `" customWidth="1"`)
		} else {
			w.WriteString(` width="9.140625"`)
		}
		if c.style != 0 {
			w.WriteString(` style="` + l.styleIDs[c.style] + `"`)
		}
		w.WriteString(`/>`)
		i = j
	}
	w.WriteString(`</cols>`)
}
