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
	var num []byte
	for i, r := range s.rows {
		if len(r) == 0 {
			continue
		}
		num = strconv.AppendInt(num[:0], int64(i+1), 10)
		w.WriteString(`<row r="`)
		w.Write(num)
		w.WriteString(`">`)
		for _, c := range r {
			writeCell(w, l, c, num)
		}
		w.WriteString(`</row>`)
	}
	w.WriteString(`</sheetData>`)
	if len(s.charts) > 0 {
		w.WriteString(`<drawing r:id="rId1"/>`)
	}
	w.WriteString(`</worksheet>`)
}

// writeCell writes one cell of the row numbered row.
func writeCell(w *bufio.Writer, l *sheetLayout, c cell, row []byte) {
	w.WriteString(`<c r="`)
	w.WriteString(l.colNames[c.col])
	w.Write(row)
	w.WriteByte('"')
	if c.style != 0 {
		w.WriteString(` s="`)
		w.WriteString(l.styleIDs[c.style])
		w.WriteByte('"')
	}
	switch c.kind {
	case kindNumber:
		w.WriteString(`><v>`)
		w.WriteString(c.v)
		w.WriteString(`</v></c>`)
	case kindBool:
		w.WriteString(` t="b"><v>`)
		w.WriteString(c.v)
		w.WriteString(`</v></c>`)
	case kindFormula:
		w.WriteString(` t="str"><f>`)
		writeEscaped(w, c.v, false)
		w.WriteString(`</f></c>`)
	case kindText:
		w.WriteString(` t="inlineStr"><is>`)
		writeT(w, c.v)
		w.WriteString(`</is></c>`)
	}
}

// writeT writes a <t> element holding text.
func writeT(w *bufio.Writer, text string) {
	if needsSpace(text) {
		w.WriteString(`<t xml:space="preserve">`)
	} else {
		w.WriteString(`<t>`)
	}
	writeCellText(w, text)
	w.WriteString(`</t>`)
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
