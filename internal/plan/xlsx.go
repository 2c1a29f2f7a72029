package plan

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// MaxUnzipBytes bounds how much a workbook may expand to when unzipped, so a
// small hostile file cannot fill memory. Every part is kept in memory: the
// limit for any one part equals the total, so excelize never spills to
// temporary files.
const MaxUnzipBytes = 64 << 20

// xlsxOptions are the options every workbook is opened with.
func xlsxOptions() excelize.Options {
	return excelize.Options{RawCellValue: true, UnzipSizeLimit: MaxUnzipBytes, UnzipXMLSizeLimit: MaxUnzipBytes}
}

// readXLSX reads the systems table of a workbook; see ReadXLSX. Cells are
// the values stored in the file: numbers as Excel stores them (no number
// format applied, so dates are serial numbers), text as written, and for a
// formula its cached result. A formula cell with no cached result reads as
// "=FORMULA" so that the checks name it. Rows above the header (titles) are
// ignored; short rows are padded with blanks to the header's width.
func readXLSX(file string, data []byte, sheet string) (Table, error) {
	fail := func(format string, a ...any) (Table, error) {
		return Table{}, Problems{{File: file, Message: fmt.Sprintf(format, a...)}}
	}
	f, msg := openWorkbook(data)
	if msg != "" {
		return fail("%s", msg)
	}
	defer f.Close()
	name, msg := pickSheet(f.GetSheetList(), sheet)
	if msg != "" {
		return fail("%s", msg)
	}
	rows, err := f.GetRows(name, xlsxOptions())
	if err != nil {
		return fail("cannot read sheet %q: %v", clip(name), err)
	}
	t := Table{File: file, Sheet: name}
	h := findHeader(rows)
	if h < 0 {
		return t, nil // an empty sheet: ParseSystems says so
	}
	header := trimBlankTail(rows[h])
	t.Header = Row{Line: h + 1, Cells: header}
	formulas := hasFormulas(data)
	for i := h + 1; i < len(rows); i++ {
		if allBlank(rows[i]) {
			continue
		}
		cells := storedCells(f, name, i+1, rows[i], len(header), formulas)
		t.Rows = append(t.Rows, Row{Line: i + 1, Cells: cells})
	}
	return t, nil
}

// openWorkbook opens a workbook held in memory, or says in a message why it
// cannot.
func openWorkbook(data []byte) (*excelize.File, string) {
	if !bytes.HasPrefix(data, zipMagic) {
		if bytes.HasPrefix(data, oleMagic) {
			return nil, "is an old-style .xls workbook or a password-protected one: save it from Excel as an unprotected .xlsx workbook"
		}
		return nil, "is not an Excel .xlsx workbook"
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), xlsxOptions())
	switch {
	case err == nil:
		return f, ""
	case strings.Contains(err.Error(), "unzip size"):
		return nil, fmt.Sprintf("unzips to more than %d MiB, more than icsplan reads: is it really a plans file?", MaxUnzipBytes>>20)
	case errors.Is(err, excelize.ErrWorkbookFileFormat) || errors.Is(err, excelize.ErrWorkbookPassword):
		return nil, "cannot be opened (is it password-protected?): save an unprotected .xlsx copy"
	}
	return nil, fmt.Sprintf("cannot be read as an Excel workbook: %v", err)
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

// storedCells is one data row (row, counted from 1) cut or padded to the
// header's width: a number as Excel holds it (see excelNumber), and a
// formula with no cached result as "=FORMULA" when the workbook has any.
func storedCells(f *excelize.File, sheet string, row int, cells []string, width int, formulas bool) []string {
	if len(cells) > width && allBlank(cells[width:]) {
		cells = cells[:width]
	}
	for len(cells) < width {
		cells = append(cells, "")
	}
	for c := 0; c < width; c++ {
		ref, _ := excelize.CoordinatesToCellName(c+1, row)
		switch {
		case cells[c] != "":
			if v, ok := excelNumber(cells[c]); ok {
				if typ, err := f.GetCellType(sheet, ref); err == nil && (typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset) {
					cells[c] = v
				}
			}
		case formulas:
			if fx, err := f.GetCellFormula(sheet, ref); err == nil && fx != "" {
				cells[c] = "=" + fx
			}
		}
	}
	return cells
}

// hasFormulas reports whether any worksheet of the workbook holds a formula,
// so that looking up formulas cell by cell, which makes excelize decode the
// whole sheet again, is done only when it can find something.
func hasFormulas(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return true
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		r, err := zf.Open()
		if err != nil {
			return true
		}
		b, err := io.ReadAll(io.LimitReader(r, MaxUnzipBytes))
		r.Close()
		if err != nil {
			return true
		}
		// A formula element, with or without a namespace prefix (<x:f>).
		for _, tag := range []string{"<f>", "<f ", ":f>", ":f "} {
			if bytes.Contains(b, []byte(tag)) {
				return true
			}
		}
	}
	return false
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
	if !excelNumberRe.MatchString(s) {
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

var excelNumberRe = regexp.MustCompile(`^-?[0-9]{1,309}(\.[0-9]{1,309})?([eE][-+]?[0-9]{1,3})?$`)

// findHeader is the index of the first row naming both a code column and a
// plan column; failing that, the first row that is not blank; -1 if none.
func findHeader(rows [][]string) int {
	first := -1
	for i, r := range rows {
		if allBlank(r) {
			continue
		}
		if first < 0 {
			first = i
		}
		var code, plan bool
		for _, c := range r {
			col, _, known, _, _ := headerColumn(c)
			code = code || (known && col == colCode)
			plan = plan || (known && col == colPlan)
		}
		if code && plan {
			return i
		}
	}
	return first
}

// trimBlankTail drops blank cells from the end of a row.
func trimBlankTail(cells []string) []string {
	n := len(cells)
	for n > 0 && strings.TrimSpace(cells[n-1]) == "" {
		n--
	}
	return cells[:n]
}

// cellRef names a cell for a message: Plans!F7, or 'My plans'!F7.
func cellRef(sheet string, col, row int) string {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
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
