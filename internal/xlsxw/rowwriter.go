package xlsxw

import "strconv"

// rowWriter writes a sheet's rows to a tokenWriter as segments, each
// copied from where the same piece was last written when it was: a cell's
// head (the end of the cell before it and <c r="F) from the row above; its
// middle (the row number, the style and the opening of the value) from
// the cell before it in the row, or else the row number from there and
// the rest from the row above; a value from the last segment with its
// bytes. Anything not found is written as literals.
type rowWriter struct {
	s     *Sheet
	z     *tokenWriter
	fixed []byte // markup not yet written
	num   []byte // the row's number
	text  []byte // a cell's escaped text
	head  []int  // head[c]: where column c's head was last written
	mid   []int  // mid[c]: where column c's middle, after the row number, was
	numAt int    // where the row's number was last written
	midAt int    // where the row's last middle was written
	col   int    // the cell being written
}

func (w *rowWriter) markup(s string) { w.fixed = append(w.fixed, s...) }

// flush writes the markup gathered as a segment.
func (w *rowWriter) flush() {
	if len(w.fixed) > 0 {
		w.z.seg(w.fixed)
		w.fixed = w.fixed[:0]
	}
}

// startRow begins row n; its opening tag's end is gathered into the head
// of the row's first cell.
func (w *rowWriter) startRow(n int) {
	w.num = strconv.AppendInt(w.num[:0], int64(n), 10)
	w.markup(`<row r="`)
	w.flush()
	w.numAt = w.z.at()
	w.z.lit(w.num)
	w.midAt = -1
	w.markup(`">`)
}

// startCell writes the markup gathered and <c r="F (open) as column c's
// head, and begins the cell's middle with the row's number.
func (w *rowWriter) startCell(c int, open string) {
	w.fixed = append(w.fixed, open...)
	if c >= len(w.head) {
		w.grow(c)
	}
	at := w.z.at()
	w.z.copyAt(w.fixed, w.head[c])
	w.head[c] = at
	w.fixed = append(w.fixed[:0], w.num...)
	w.col = c
}

func (w *rowWriter) grow(c int) {
	for len(w.head) <= c {
		w.head = append(w.head, -1)
		w.mid = append(w.mid, -1)
	}
}

// value writes the cell's middle, then its value v.
func (w *rowWriter) value(v []byte) {
	w.writeMid()
	if len(v) < minCopiedValue {
		w.z.lit(v)
		return
	}
	w.z.seg(v)
}

// minCopiedValue is the shortest value looked for as a copy: a copy costs
// a length and a distance code, 15 to 30 bits, about what five literal
// digits cost, so a shorter value is not worth the search.
const minCopiedValue = 6

// writeMid writes the cell's middle: a copy of the last cell's when it is
// the same, or the row's number and a copy of the column's middle in the
// row above.
func (w *rowWriter) writeMid() {
	n := len(w.num)
	at := w.z.at()
	if !copyFrom(w.z, w.fixed, w.midAt) {
		w.z.copyAt(w.fixed[:n], w.numAt)
		w.z.copyAt(w.fixed[n:], w.mid[w.col])
	}
	w.mid[w.col] = at + n
	w.numAt, w.midAt = at, at
	w.fixed = w.fixed[:0]
}

// cell writes one cell of the row. A text cell with no text is a blank
// cell: written only if it has a style.
func (w *rowWriter) cell(l *sheetLayout, c cell) {
	if c.kind == kindText && c.n == 0 && c.style == 0 {
		return
	}
	w.startCell(int(c.col), l.colOpens[c.col])
	switch c.kind {
	case kindNumber, kindBool:
		w.markup(l.mids[c.kind][c.style])
		w.value(w.s.bytes(c))
		w.markup(`</v></c>`)
	case kindFormula:
		w.markup(l.mids[c.kind][c.style])
		w.text = appendXML(w.text[:0], w.s.value(c), false, false)
		w.value(w.text)
		w.markup(`</f></c>`)
	case kindText:
		if c.n == 0 {
			w.markup(`"`)
			if c.style != 0 {
				w.markup(` s="` + l.styleIDs[c.style] + `"`)
			}
			w.markup(`/>`)
			return
		}
		w.markup(l.mids[c.kind][c.style])
		v := w.s.value(c)
		if needsSpace(v) {
			w.fixed = append(w.fixed[:len(w.fixed)-1], ` xml:space="preserve">`...)
		}
		w.text = appendCellText(w.text[:0], v)
		w.value(w.text)
		w.markup(`</t></is></c>`)
	}
}
