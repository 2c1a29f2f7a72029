// Package xlsxw writes Office Open XML workbooks (.xlsx) for Microsoft
// Excel: text, exact decimal numbers, booleans and formulas in cells, number
// formats and bold, column widths and styles, frozen header rows, document
// properties and native column charts. It is a small streaming writer: the
// cells are kept in memory, sheet by sheet, and the parts are written
// straight into the zip; a worksheet's rows in pieces, each written and
// compressed by a worker of its own (tokenWriter), side by side. It does no
// file I/O; WriteTo writes the whole workbook to an io.Writer.
//
// The parts are those excelize writes (less the shared-string table: text is
// held inline in its cell), in the element order the OOXML schema asks for,
// so Excel opens the file without offering to repair it.
package xlsxw

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Excel's limits on a worksheet's size and on the text a cell holds.
const (
	MaxRows      = 1_048_576
	MaxCols      = 16_384
	MaxCellChars = 32_767 // UTF-16 code units
)

// Props are the document properties: the title and author Excel shows in
// File > Info, and the creation and modification times (W3CDTF, such as
// 2006-09-16T00:00:00Z; fixed times give the same bytes every time).
type Props struct {
	Title, Creator, Created, Modified string
}

// Style is a cell format made with Book.Style; the zero Style is Excel's
// default (General, not bold).
type Style int

// Book is a workbook being written. Its methods record the first error (a
// cell outside the sheet, a number that is not a number) and WriteTo
// returns it, so a caller can write every cell and check once.
type Book struct {
	// Props are written to docProps/core.xml.
	Props Props

	sheets []*Sheet
	active int
	styles styles
	err    error
}

// New returns an empty workbook.
func New() *Book {
	b := &Book{}
	b.styles.init()
	return b
}

// AddSheet appends a worksheet named name; the first sheet is the active
// one unless SetActive says otherwise. Excel's rules for a name (1 to 31
// characters, none of : \ / ? * [ ], no two alike ignoring case) are
// checked.
func (b *Book) AddSheet(name string) *Sheet {
	s := &Sheet{book: b, name: name, cols: map[int]*column{}}
	if err := checkSheetName(name, b.sheets); err != nil {
		b.fail(err)
	}
	b.sheets = append(b.sheets, s)
	return s
}

// SetActive makes the i'th sheet (from 0) the one Excel opens at.
func (b *Book) SetActive(i int) {
	if i < 0 || i >= len(b.sheets) {
		b.fail(fmt.Errorf("xlsx: no sheet %d to make active", i))
		return
	}
	b.active = i
}

// Style returns the cell format with number format numFmt ("" for General)
// in bold or not; asking twice for the same format gives the same Style.
func (b *Book) Style(numFmt string, bold bool) Style {
	return b.styles.get(numFmt, bold)
}

// Err returns the first error the book's methods met, or nil.
func (b *Book) Err() error { return b.err }

func (b *Book) fail(err error) {
	if b.err == nil {
		b.err = err
	}
}

// checkSheetName applies Excel's rules for a sheet's name.
func checkSheetName(name string, others []*Sheet) error {
	n := 0
	for _, r := range name {
		n++
		switch r {
		case ':', '\\', '/', '?', '*', '[', ']':
			return fmt.Errorf("xlsx: sheet name %q has %q, which Excel does not allow", name, r)
		}
	}
	if n == 0 || n > 31 {
		return fmt.Errorf("xlsx: sheet name %q must have 1 to 31 characters", name)
	}
	if name[0] == '\'' || name[len(name)-1] == '\'' {
		return fmt.Errorf("xlsx: sheet name %q may not begin or end with an apostrophe", name)
	}
	for _, o := range others {
		if strings.EqualFold(o.name, name) {
			return fmt.Errorf("xlsx: two sheets are named %q", name)
		}
	}
	if !validXML(name) {
		return errors.New("xlsx: sheet name " + strconv.Quote(name) + " has characters XML cannot hold")
	}
	return nil
}

// ColumnName is a column's letters: 1 is A, 27 is AA. It returns "" for a
// column outside 1 to MaxCols.
func ColumnName(col int) string {
	if col < 1 || col > MaxCols {
		return ""
	}
	var buf [3]byte
	i := len(buf)
	for col > 0 {
		col--
		i--
		buf[i] = byte('A' + col%26)
		col /= 26
	}
	return string(buf[i:])
}

// CellName is a cell's reference: (1, 1) is A1, (28, 5) is AB5. It returns
// "" for a cell outside the sheet.
func CellName(col, row int) string {
	c := ColumnName(col)
	if c == "" || row < 1 || row > MaxRows {
		return ""
	}
	return c + strconv.Itoa(row)
}
