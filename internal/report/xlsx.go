package report

import (
	"io"

	"icsplan/internal/analysis"
	"icsplan/internal/xlsxw"
)

// The workbook: a Summary for the board (tables in £000, a native chart),
// the pence-exact record of every system (Systems) and instalment
// (Repayments), and Notes with the scenario's terms, the units and the
// caveats. Every total is a SUM formula over the rows above it, so Excel
// shows the figure and an auditor can click it; every cell holds the exact
// figure in pounds and pence, rounded once, as the JSON report does.

// The workbook's number formats. Money is in pounds and pence with
// negatives in brackets, as finance teams write them; a £000 table shows the
// same pence-exact cells divided by a thousand (the trailing comma).
const (
	numFmtMoney   = `£#,##0.00;(£#,##0.00)`
	numFmtK       = `#,##0,;(#,##0,);0`
	numFmtCount   = `#,##0`
	numFmtRatio   = `0.0000`
	numFmtPercent = `0.0%`
)

// Sheet names.
const (
	sheetSummary    = "Summary"
	sheetSystems    = "Systems"
	sheetRepayments = "Repayments"
	sheetNotes      = "Notes"
)

// book writes cells into a workbook, sheet by sheet by name; the
// workbook remembers the first error.
type book struct {
	w      *xlsxw.Book
	sheets map[string]*xlsxw.Sheet
	last   *xlsxw.Sheet // the sheet last written, found without the map
}

// newBook starts a workbook with the sheets named, the first active, its
// document properties those of a report titled title, and every formula
// calculated by Excel on opening.
func newBook(title string, sheets ...string) *book {
	b := &book{w: xlsxw.New(), sheets: map[string]*xlsxw.Sheet{}}
	for _, s := range sheets {
		b.sheets[s] = b.w.AddSheet(s)
	}
	b.w.Props = xlsxw.Props{
		Title:    title,
		Creator:  "icsplan",
		Created:  "2006-09-16T00:00:00Z", // fixed, so the same analysis gives the same bytes
		Modified: "2006-09-16T00:00:00Z",
	}
	return b
}

// write writes the workbook to w.
func (b *book) write(w io.Writer) error {
	_, err := b.w.WriteTo(w)
	return err
}

func (b *book) sheet(name string) *xlsxw.Sheet {
	if b.last == nil || b.last.Name() != name {
		b.last = b.sheets[name]
	}
	return b.last
}

func cell(col, row int) string { return xlsxw.CellName(col, row) }

func colName(col int) string { return xlsxw.ColumnName(col) }

// text writes a text cell; it is stored as text, so a value starting with
// "=" is never a formula.
func (b *book) text(sheet string, col, row int, s string) {
	b.sheet(sheet).Text(col, row, s, 0)
}

func (b *book) bold(sheet string, col, row int, s string) {
	b.sheet(sheet).Text(col, row, s, b.w.Style("", true))
}

// boolean writes a TRUE or FALSE cell.
func (b *book) boolean(sheet string, col, row int, v bool) {
	b.sheet(sheet).Bool(col, row, v, 0)
}

// number writes a decimal string as a number cell with a number format,
// without passing it through a float.
func (b *book) number(sheet string, col, row int, v, format string, bold bool) {
	b.sheet(sheet).Number(col, row, v, b.w.Style(format, bold))
}

func (b *book) money(sheet string, col, row int, v string, bold bool) {
	b.number(sheet, col, row, v, numFmtMoney, bold)
}

// sum writes a SUM formula over a column's rows first to last, in bold:
// a totals cell an auditor can click.
func (b *book) sum(sheet string, col, first, last int, format string) {
	b.formula(sheet, col, last+1, "SUM("+cell(col, first)+":"+cell(col, last)+")", format, true)
}

// formula writes a formula cell with a number format. It has no cached
// value: the workbook asks Excel to calculate on opening.
func (b *book) formula(sheet string, col, row int, f, format string, bold bool) {
	b.sheet(sheet).Formula(col, row, f, b.w.Style(format, bold))
}

// value writes a decimal string as a number cell that takes its column's
// style (set with columns).
func (b *book) value(sheet string, col, row int, v string) {
	b.sheet(sheet).Number(col, row, v, 0)
}

// columns gives columns (by 1-based index) a number format.
func (b *book) columns(sheet, format string, cols ...int) {
	st := b.w.Style(format, false)
	for _, c := range cols {
		b.sheet(sheet).ColStyle(c, c, st)
	}
}

// width sets columns first to last (by 1-based index) to a width in
// characters.
func (b *book) width(sheet string, first, last int, w float64) {
	b.sheet(sheet).ColWidth(first, last, w)
}

// freeze keeps a sheet's first rows in view as it scrolls.
func (b *book) freeze(sheet string, rows int) {
	b.sheet(sheet).FreezeRows(rows)
}

// renderXLSX writes the report as a workbook whose figures equal the JSON
// report's to the penny.
func renderXLSX(w io.Writer, r analysis.Result) error {
	j := buildJSONHead(r) // the systems are made one at a time, by xlsxSystems
	b := newBook(j.Scenario.Title, sheetSummary, sheetSystems, sheetRepayments, sheetNotes)
	xlsxSummary(b, r, j)
	xlsxSystems(b, r)
	xlsxNotes(b, r, j)
	return b.write(w)
}
