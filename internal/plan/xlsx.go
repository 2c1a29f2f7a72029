package plan

import (
	"bytes"
	"fmt"
	"strings"

	"icsplan/internal/xlsxw"

	"github.com/shopspring/decimal"
)

// MaxUnzipBytes bounds how much a workbook may expand to when unzipped, so a
// small hostile file cannot fill memory.
const MaxUnzipBytes = 64 << 20

// maxSheetWidth bounds the columns of a row kept while the header row is
// looked for: no header is this wide, and a stray cell beyond it is noted,
// not padded to.
const maxSheetWidth = 1000

// readXLSX reads the systems table of a workbook; see ReadXLSX. Cells are
// the values stored in the file: numbers as Excel stores them, text as
// written, TRUE/FALSE and dates marked as such (see xbook.value), and
// for a formula its cached result, or "=FORMULA" when it has none. Rows
// above the header (titles) are kept apart; rows are cut or padded to the
// header's width, a value right of it noted in Row.Beyond. Reading stops
// at the first row over MaxSystems.
func readXLSX(file string, data []byte, sheet string) (Table, error) {
	fail := func(format string, a ...any) (Table, error) {
		return Table{}, Problems{{File: file, Message: fmt.Sprintf(format, a...)}}
	}
	if !bytes.HasPrefix(data, zipMagic) {
		if bytes.HasPrefix(data, oleMagic) {
			return fail("is an old-style .xls workbook or a password-protected one: save it from Excel as an unprotected .xlsx workbook")
		}
		return fail("is not an Excel .xlsx workbook")
	}
	wb, msg := openParts(data)
	if msg != "" {
		return fail("%s", msg)
	}
	names := make([]string, len(wb.sheets))
	for i, s := range wb.sheets {
		names[i] = s.name
	}
	name, msg := pickSheet(names, sheet)
	if msg != "" {
		return fail("%s", msg)
	}
	part := wb.sheets[indexOf(names, name)].part
	if part == "" {
		return fail("sheet %q is a chart or a dialog, not a table of cells: name the sheet with the plans (--sheet)", clip(name))
	}
	b := tableBuilder{t: Table{File: file, Sheet: name}}
	err := wb.readSheet(file, name, part, func(row int, cells []sheetCell) (Problem, bool) {
		width := maxSheetWidth
		if b.placed {
			width = len(b.t.Header.Cells)
		}
		return b.add(denseRow(row, cells, width))
	})
	if err != nil {
		return Table{}, err
	}
	t := b.table()
	t.Header.Cells = trimBlankTail(t.Header.Cells)
	for i := range t.Rows {
		t.Rows[i] = fitRow(t.Rows[i], len(t.Header.Cells))
	}
	return t, nil
}

// indexOf is the index of s in list; list holds it.
func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// denseRow lays a row's cells out by column up to width; the first value
// beyond it is noted in Beyond rather than kept.
func denseRow(row int, cells []sheetCell, width int) Row {
	r := Row{Line: row}
	n := 0
	for _, c := range cells {
		switch {
		case c.col <= width:
			n = c.col
		case r.Beyond == 0 && (!blank(c.text) || c.kind != CellPlain):
			r.Beyond = c.col
		}
	}
	r.Cells = make([]string, n)
	for _, c := range cells {
		if c.col > n {
			break
		}
		r.Cells[c.col-1] = c.text
		if c.kind != CellPlain {
			if r.Kinds == nil {
				r.Kinds = make([]CellKind, n)
			}
			r.Kinds[c.col-1] = c.kind
		}
	}
	return r
}

// fitRow cuts or pads a row to width cells, noting in Beyond the first
// value it cuts off.
func fitRow(r Row, width int) Row {
	if len(r.Cells) > width {
		for i := width; i < len(r.Cells) && r.Beyond == 0; i++ {
			if !blank(r.Cells[i]) || i < len(r.Kinds) && r.Kinds[i] != CellPlain {
				r.Beyond = i + 1
			}
		}
		r.Cells = r.Cells[:width]
		if len(r.Kinds) > width {
			r.Kinds = r.Kinds[:width]
		}
	}
	for len(r.Cells) < width {
		r.Cells = append(r.Cells, "")
	}
	return r
}

// pickSheet finds the sheet asked for, exactly or else ignoring case, or
// the first sheet when none is asked for; otherwise it says in a message
// which sheets there are.
func pickSheet(sheets []string, sheet string) (string, string) {
	if len(sheets) == 0 {
		return "", "the workbook has no worksheets"
	}
	if sheet == "" {
		return sheets[0], ""
	}
	for _, s := range sheets {
		if s == sheet {
			return s, ""
		}
	}
	for _, s := range sheets {
		if strings.EqualFold(s, sheet) {
			return s, ""
		}
	}
	q := make([]string, len(sheets))
	for i, s := range sheets {
		q[i] = fmt.Sprintf("%q", clip(s))
	}
	return "", fmt.Sprintf("has no sheet named %q: its sheets are %s", clip(sheet), andList(q))
}

// excelSignificant is the precision of an Excel number: it stores doubles
// but calculates and shows 15 significant digits.
const excelSignificant = 15

// excelNumber normalises a number as Excel stores it in a cell: a double
// written with up to 17 significant digits, sometimes with an exponent
// (1.5E-7, 1E+21). Rounded to Excel's 15 significant digits and written out
// in full, -68800.000000000015 (float noise from a formula) is -68800. It
// reports false for anything that needs no change or is not such a number;
// the caller checks the cell is numeric, so text is never altered.
func excelNumber(s string) (string, bool) {
	if !isExcelNumber(s) {
		return "", false
	}
	if !strings.ContainsAny(s, "eE") {
		sig := 0 // significant digits, leading and trailing zeros aside
		first, last := -1, -1
		for i := 0; i < len(s); i++ {
			if c := s[i]; c >= '1' && c <= '9' {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if first >= 0 {
			sig = last - first + 1
			if strings.IndexByte(s[first:last+1], '.') >= 0 {
				sig--
			}
		}
		if sig <= excelSignificant {
			return "", false
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil || d.IsZero() {
		return "", false
	}
	msd := len(d.Coefficient().String()) - 1 + int(d.Exponent()) // power of ten of the leading digit
	if d.IsNegative() {
		msd-- // the coefficient's text has a minus sign
	}
	return d.Round(int32(excelSignificant - 1 - msd)).String(), true
}

// isExcelNumber reports whether s is a number as a worksheet stores one:
// an optional minus, 1 to 309 digits, optionally a point and 1 to 309 more,
// and optionally an exponent of 1 to 3 digits with its sign (the regular
// expression ^-?[0-9]{1,309}(\.[0-9]{1,309})?([eE][-+]?[0-9]{1,3})?$, whose
// compiled form cost every start-up 2 ms; the test holds the two to the
// same answers).
func isExcelNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	n := leadingDigits(s)
	if n < 1 || n > 309 {
		return false
	}
	s = s[n:]
	if rest, ok := strings.CutPrefix(s, "."); ok {
		n = leadingDigits(rest)
		if n < 1 || n > 309 {
			return false
		}
		s = rest[n:]
	}
	if s == "" {
		return true
	}
	if s[0] != 'e' && s[0] != 'E' {
		return false
	}
	s = s[1:]
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	n = leadingDigits(s)
	return n >= 1 && n <= 3 && n == len(s)
}

// leadingDigits counts the ASCII digits s starts with.
func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// trimBlankTail drops blank cells from the end of a row.
func trimBlankTail(cells []string) []string {
	n := len(cells)
	for n > 0 && blank(cells[n-1]) {
		n--
	}
	return cells[:n]
}

// cellRef names a cell for a message: Plans!F7, or 'My plans'!F7.
func cellRef(sheet string, col, row int) string {
	ref := xlsxw.CellName(col, row)
	if ref == "" {
		ref = fmt.Sprintf("R%dC%d", row, col)
	}
	quote := false
	for i, r := range sheet {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' && i > 0) {
			quote = true
			break
		}
	}
	if quote {
		sheet = "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
	}
	return sheet + "!" + ref
}
