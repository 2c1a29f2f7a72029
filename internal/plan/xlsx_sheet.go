package plan

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// The largest row and column a worksheet can have (XFD1048576).
const (
	maxSheetRows = 1 << 20
	maxSheetCols = 1 << 14
)

// sheetCell is one cell of a worksheet row that holds something.
type sheetCell struct {
	col  int // 1-based
	text string
	kind CellKind
}

// sheetReader streams one worksheet's rows.
type sheetReader struct {
	wb    *xbook
	file  string
	sheet string
	d     *xml.Decoder
	row   int // the last row number read
}

// readSheet streams the rows of a worksheet to fn, each with its cells
// that hold something, in order. fn returns a problem and true to stop. A
// cell reference that is not a cell, rows or cells out of order, and XML
// that is not well formed are Problems naming the sheet and row.
func (wb *xbook) readSheet(file, sheet, part string, fn func(row int, cells []sheetCell) (Problem, bool)) error {
	r, err := wb.open(part)
	if err != nil {
		return Problems{{File: file, Message: partMessage(part, err)}}
	}
	defer r.Close()
	sr := &sheetReader{wb: wb, file: file, sheet: sheet, d: xml.NewDecoder(r)}
	for {
		tok, err := sr.d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return sr.xmlProblem(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "row" {
			continue
		}
		n, cells, err := sr.readRow(se)
		if err != nil {
			return err
		}
		if p, stop := fn(n, cells); stop {
			return Problems{p}
		}
	}
}

// problem is a Problem at a row of the sheet.
func (sr *sheetReader) problem(row int, format string, a ...any) error {
	return Problems{{File: sr.file, Line: row, Message: fmt.Sprintf("sheet %q: ", clip(sr.sheet)) + fmt.Sprintf(format, a...)}}
}

// xmlProblem explains XML that cannot be read, or a sheet over the unzip limit.
func (sr *sheetReader) xmlProblem(err error) error {
	if errors.Is(err, errUnzipLimit) {
		return Problems{{File: sr.file, Message: unzipMessage()}}
	}
	if sr.row == 0 {
		return sr.problem(1, "the sheet's XML is damaged before its first row (%v): save the workbook again from Excel", err)
	}
	return sr.problem(sr.row, "the sheet's XML is damaged in or after row %d (%v): save the workbook again from Excel", sr.row, err)
}

// readRow reads one <row> element and its cells.
func (sr *sheetReader) readRow(se xml.StartElement) (int, []sheetCell, error) {
	n := sr.row + 1
	if v := attr(se, "r"); v != "" {
		r, err := strconv.Atoi(v)
		if err != nil || r < 1 || r > maxSheetRows {
			return 0, nil, sr.problem(n, "row number %q after row %d is not a row: the workbook is damaged; save it again from Excel", clip(v), sr.row)
		}
		n = r
	}
	if n <= sr.row {
		return 0, nil, sr.problem(n, "row %d comes after row %d: the rows are out of order, so the workbook is damaged; save it again from Excel", n, sr.row)
	}
	sr.row = n
	col := 0
	var cells []sheetCell
	for {
		tok, err := sr.d.Token()
		if err != nil {
			return 0, nil, sr.xmlProblem(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "c" {
				if err := sr.d.Skip(); err != nil {
					return 0, nil, sr.xmlProblem(err)
				}
				continue
			}
			c, err := sr.readCell(t, n, col)
			if err != nil {
				return 0, nil, err
			}
			col = c.col
			if c.text != "" || c.kind != CellPlain {
				cells = append(cells, c)
			}
		case xml.EndElement:
			if t.Name.Local == "row" {
				return n, cells, nil
			}
		}
	}
}

// rawCell is a <c> element as stored.
type rawCell struct {
	typ, style      string
	v, f, inline    string
	hasV, hasF, isS bool
}

// readCell reads one <c> element of row; prev is the column of the cell
// before it.
func (sr *sheetReader) readCell(se xml.StartElement, row, prev int) (sheetCell, error) {
	col := prev + 1
	if ref := attr(se, "r"); ref != "" {
		c, r, ok := parseRef(ref)
		switch {
		case !ok:
			return sheetCell{}, sr.problem(row, "cell reference %q is not a cell: the workbook is damaged; save it again from Excel", clip(ref))
		case r != row:
			return sheetCell{}, sr.problem(row, "cell %s is inside row %d: the workbook is damaged; save it again from Excel", ref, row)
		case c <= prev:
			return sheetCell{}, sr.problem(row, "cell %s comes after column %d of its row: the workbook is damaged; save it again from Excel", ref, prev)
		}
		col = c
	}
	if col > maxSheetCols {
		return sheetCell{}, sr.problem(row, "row %d has a cell right of column XFD, the last there is: the workbook is damaged", row)
	}
	rc := rawCell{typ: attr(se, "t"), style: attr(se, "s")}
	if err := sr.cellBody(&rc); err != nil {
		return sheetCell{}, err
	}
	c, msg := sr.wb.value(rc)
	if msg != "" {
		return sheetCell{}, Problems{{File: sr.file, Line: row, Cell: cellRef(sr.sheet, col, row), Message: msg}}
	}
	c.col = col
	return c, nil
}

// cellBody reads a cell's value, formula and inline string.
func (sr *sheetReader) cellBody(rc *rawCell) error {
	for {
		tok, err := sr.d.Token()
		if err != nil {
			return sr.xmlProblem(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				rc.v, err = sr.text(t)
				rc.hasV = true
			case "f":
				rc.f, err = sr.text(t)
				rc.hasF = true
			case "is":
				rc.inline, err = itemText(sr.d, t)
				rc.isS = true
			default:
				err = sr.d.Skip()
			}
			if err != nil {
				return sr.xmlProblem(err)
			}
		case xml.EndElement:
			return nil // the end of <c>: its children were read whole
		}
	}
}

// text reads an element's character data up to its end.
func (sr *sheetReader) text(start xml.StartElement) (string, error) {
	var b strings.Builder
	for {
		tok, err := sr.d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if err := sr.d.Skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			return b.String(), nil
		}
	}
}

// value is a cell's text as icsplan reads it: shared and inline strings as
// written (escapes decoded), TRUE/FALSE for a boolean, a date as
// 2024-01-31 (from a date cell, or a number whose format is a date), an
// error value such as #DIV/0!, a number as Excel holds it (see
// excelNumber), and a formula with no stored result as "=FORMULA". A
// message says why a cell cannot be read.
func (wb *xbook) value(rc rawCell) (sheetCell, string) {
	if !rc.hasV && !rc.isS {
		if rc.hasF {
			return sheetCell{text: "=" + formulaText(rc.f)}, ""
		}
		return sheetCell{}, ""
	}
	v := strings.TrimSpace(rc.v)
	switch rc.typ {
	case "s":
		i, err := strconv.Atoi(v)
		if err != nil || i < 0 || i >= len(wb.strings) {
			return sheetCell{}, fmt.Sprintf("refers to shared string %q, which the workbook does not have: it is damaged; save it again from Excel", clip(v))
		}
		return sheetCell{text: wb.strings[i]}, ""
	case "inlineStr":
		return sheetCell{text: rc.inline}, ""
	case "str":
		return sheetCell{text: decodeEscapes(rc.v)}, ""
	case "b":
		if v == "0" || strings.EqualFold(v, "false") {
			return sheetCell{text: "FALSE", kind: CellBool}, ""
		}
		return sheetCell{text: "TRUE", kind: CellBool}, ""
	case "d":
		if len(v) >= 10 && isoDay(v[:10]) {
			v = v[:10]
		}
		return sheetCell{text: clip(v), kind: CellDate}, ""
	case "e":
		return sheetCell{text: v}, ""
	case "", "n":
		if s, err := strconv.Atoi(rc.style); err == nil && s >= 0 && s < len(wb.dates) && wb.dates[s] {
			return sheetCell{text: serialDate(v, wb.date1904), kind: CellDate}, ""
		}
		if x, ok := excelNumber(v); ok {
			return sheetCell{text: x}, ""
		}
		return sheetCell{text: v}, ""
	}
	return sheetCell{text: decodeEscapes(rc.v)}, ""
}

// formulaText is a formula as a message quotes it; a shared formula's
// later cells store none.
func formulaText(f string) string {
	if f = strings.TrimSpace(f); f == "" {
		return "(formula)"
	}
	return f
}

// isoDay reports whether s is a date written 2024-01-31.
func isoDay(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// serialDate writes an Excel date serial number as 2024-01-31: days since
// 1899-12-30 (with 1900 wrongly a leap year, as Excel counts it), or since
// 1904-01-01 in a workbook on the 1904 date system. Anything that is not a
// date Excel can show stays as it is.
func serialDate(v string, date1904 bool) string {
	d, err := decimal.NewFromString(v)
	if err != nil || d.IsNegative() || d.GreaterThan(decimal.NewFromInt(2_958_465)) {
		return clip(v)
	}
	days := int(d.IntPart())
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	switch {
	case date1904:
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case days == 60:
		return "1900-02-29"
	case days < 60:
		base = base.AddDate(0, 0, 1)
	}
	return base.AddDate(0, 0, days).Format("2006-01-02")
}

// parseRef reads a cell reference such as B7: the column (1-based) and
// row; ok is false unless it is a cell between A1 and XFD1048576.
func parseRef(ref string) (col, row int, ok bool) {
	i := 0
	for ; i < len(ref) && i < 4; i++ {
		c := ref[i] &^ 0x20 // upper case
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A'+1)
	}
	if i == 0 || i > 3 || i == len(ref) || len(ref)-i > 7 || ref[i] == '0' {
		return 0, 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		row = row*10 + int(c-'0')
	}
	return col, row, col <= maxSheetCols && row >= 1 && row <= maxSheetRows
}
