package xlsxw

import (
	"fmt"
	"slices"
	"unsafe"
)

// Sheet is a worksheet of a Book. Cells may be written in any order; a cell
// written twice holds what was written last.
type Sheet struct {
	book   *Book
	name   string
	rows   [][]cell // rows[r-1] holds row r's cells, in the order written
	cols   map[int]*column
	freeze int // rows kept in view
	charts []Chart
	width  int // the most cells a row has had, a new row's first capacity
	// values holds the cells' values one after another, in blocks of
	// blockSize bytes (a longer value has a block of its own). A byte once
	// written is never changed nor moved, so a value may be read as a
	// string in place; and the cells hold no pointers, which the garbage
	// collector would have to follow, millions of them in a big sheet.
	values [][]byte
	slab   []cell // room for rows to come
}

// A cell's off is its value's block (from bit blockBits up) and where in
// the block it begins.
const (
	blockBits = 20
	blockSize = 1 << blockBits
	maxBlocks = 1 << (32 - blockBits)
)

// cell is one cell: its column, style, kind and where its value is in the
// sheet's values (a decimal string, text, a formula, or "1"/"0" for a
// boolean).
type cell struct {
	col   int32
	style int32 // a Style
	off   uint32
	n     uint32
	kind  kind
}

// bytes is a cell's value, in place.
func (s *Sheet) bytes(c cell) []byte {
	b := s.values[c.off>>blockBits]
	at := c.off & (blockSize - 1)
	return b[at : at+c.n : at+c.n]
}

// value is a cell's value, read in place.
func (s *Sheet) value(c cell) string {
	if c.n == 0 {
		return ""
	}
	return unsafe.String(&s.bytes(c)[0], int(c.n))
}

// store adds v to the values and returns where it is, or false when the
// sheet has no more room.
func (s *Sheet) store(v string) (off uint32, ok bool) {
	k := len(s.values) - 1
	if k < 0 || len(s.values[k])+len(v) > cap(s.values[k]) {
		if len(s.values) == maxBlocks || uint64(len(v)) > 1<<32-1 {
			return 0, false
		}
		s.values = append(s.values, make([]byte, 0, max(blockSize, len(v))))
		k++
	}
	off = uint32(k<<blockBits | len(s.values[k]))
	s.values[k] = append(s.values[k], v...)
	return off, true
}

type kind uint8

const (
	kindNumber kind = iota
	kindText
	kindBool
	kindFormula
)

// column is what a sheet says of a column: its width (0 for Excel's
// default) and the style of the cells written in it without one.
type column struct {
	width float64
	style Style
}

// Name is the sheet's name.
func (s *Sheet) Name() string { return s.name }

// put stores a cell with the value v, or records why it cannot be.
func (s *Sheet) put(col, row int, c cell, v string) {
	if col < 1 || col > MaxCols || row < 1 || row > MaxRows {
		s.book.fail(fmt.Errorf("xlsx: sheet %s: no cell at column %d, row %d (a sheet has %d columns and %d rows)",
			s.name, col, row, MaxCols, MaxRows))
		return
	}
	if c.style < 0 || int(c.style) >= len(s.book.styles.xfs) {
		s.book.fail(fmt.Errorf("xlsx: sheet %s!%s: style %d is not one of this book's", s.name, CellName(col, row), c.style))
		return
	}
	off, ok := s.store(v)
	if !ok {
		s.book.fail(fmt.Errorf("xlsx: sheet %s: more values than a sheet can hold (%d MiB)", s.name, maxBlocks))
		return
	}
	if row > len(s.rows) {
		s.rows = grow(s.rows, row)
	}
	c.col, c.off, c.n = int32(col), off, uint32(len(v))
	r := s.rows[row-1]
	if n := len(r); n > 0 && r[n-1].col == c.col {
		r[n-1] = c
		return
	}
	if r == nil {
		r = s.newRow()
	}
	r = append(r, c)
	s.rows[row-1] = r
	s.width = max(s.width, len(r))
}

// grow returns b with length n (at least its own), its capacity doubled
// when it must grow: append grows a big slice by only a quarter, which
// for a sheet's rows cost several times their size in copies.
func grow[T any](b []T, n int) []T {
	if n <= cap(b) {
		return b[:max(n, len(b))]
	}
	out := make([]T, max(n, len(b)), max(n, 2*cap(b), 64))
	copy(out, b)
	return out
}

// newRow is an empty row with room for as many cells as the widest row
// so far, cut from a slab shared by many rows (a row that outgrows its
// room moves out of it).
func (s *Sheet) newRow() []cell {
	w := max(s.width, 4)
	if len(s.slab) < w {
		s.slab = make([]cell, max(w, 1<<14))
	}
	r := s.slab[:0:w]
	s.slab = s.slab[w:]
	return r
}

// Text writes s as a text cell: it is never read as a number or a formula.
func (s *Sheet) Text(col, row int, v string, st Style) {
	s.put(col, row, cell{style: int32(st), kind: kindText}, v)
}

// Number writes v, a decimal string such as "-1234.50" (an optional minus,
// digits, an optional fraction and exponent), as a number cell exactly as
// written: it never passes through a float.
func (s *Sheet) Number(col, row int, v string, st Style) {
	if !isNumber(v) {
		s.book.fail(fmt.Errorf("xlsx: sheet %s!%s: %q is not a number", s.name, CellName(col, row), v))
		return
	}
	s.put(col, row, cell{style: int32(st), kind: kindNumber}, v)
}

// Bool writes a TRUE or FALSE cell.
func (s *Sheet) Bool(col, row int, v bool, st Style) {
	b := "0"
	if v {
		b = "1"
	}
	s.put(col, row, cell{style: int32(st), kind: kindBool}, b)
}

// Formula writes a formula, such as SUM(B2:B9), without the "=" and with
// no cached value: the book asks Excel to calculate every formula on
// opening.
func (s *Sheet) Formula(col, row int, f string, st Style) {
	s.put(col, row, cell{style: int32(st), kind: kindFormula}, f)
}

// ColStyle gives columns first to last a style, which every cell written in
// them without a style of its own takes, and which Excel gives the cells
// typed into them.
func (s *Sheet) ColStyle(first, last int, st Style) {
	if st < 0 || int(st) >= len(s.book.styles.xfs) {
		s.book.fail(fmt.Errorf("xlsx: sheet %s: style %d is not one of this book's", s.name, st))
		return
	}
	s.eachCol(first, last, func(c *column) { c.style = st })
}

// ColWidth sets columns first to last to width characters.
func (s *Sheet) ColWidth(first, last int, width float64) {
	if width <= 0 || width > 255 {
		s.book.fail(fmt.Errorf("xlsx: sheet %s: column width %g is not between 0 and 255", s.name, width))
		return
	}
	s.eachCol(first, last, func(c *column) { c.width = width })
}

func (s *Sheet) eachCol(first, last int, fn func(*column)) {
	if first < 1 || last > MaxCols || first > last {
		s.book.fail(fmt.Errorf("xlsx: sheet %s: no columns %d to %d", s.name, first, last))
		return
	}
	for i := first; i <= last; i++ {
		c := s.cols[i]
		if c == nil {
			c = &column{}
			s.cols[i] = c
		}
		fn(c)
	}
}

// FreezeRows keeps the sheet's first rows in view as it scrolls.
func (s *Sheet) FreezeRows(rows int) {
	if rows < 0 || rows >= MaxRows {
		s.book.fail(fmt.Errorf("xlsx: sheet %s: cannot freeze %d rows", s.name, rows))
		return
	}
	s.freeze = rows
}

// sorted returns a row's cells in column order, the last written of any
// written twice, each without a style of its own given its column's
// (colStyle[col]).
func sorted(r []cell, colStyle []Style) []cell {
	if !slices.IsSortedFunc(r, func(a, b cell) int { return int(a.col - b.col) }) {
		slices.SortStableFunc(r, func(a, b cell) int { return int(a.col - b.col) })
		out := r[:0]
		for i, c := range r {
			if i+1 < len(r) && r[i+1].col == c.col {
				continue
			}
			out = append(out, c)
		}
		r = out
	}
	for i := range r {
		if c := int(r[i].col); r[i].style == 0 && c < len(colStyle) {
			r[i].style = int32(colStyle[c])
		}
	}
	return r
}

// isNumber reports whether v is -?digits(.digits)?([eE][+-]?digits)?.
func isNumber(v string) bool {
	i := 0
	if i < len(v) && v[i] == '-' {
		i++
	}
	digits := func() bool {
		start := i
		for i < len(v) && '0' <= v[i] && v[i] <= '9' {
			i++
		}
		return i > start
	}
	if !digits() {
		return false
	}
	if i < len(v) && v[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(v) && (v[i] == 'e' || v[i] == 'E') {
		i++
		if i < len(v) && (v[i] == '+' || v[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	return i == len(v)
}
