package report

import (
	"io"

	"icsplan/internal/analysis"

	"github.com/xuri/excelize/v2"
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

// book writes cells into an excelize workbook, remembering the first error.
type book struct {
	f      *excelize.File
	err    error
	styles map[string]int
}

func (b *book) style(key string, s *excelize.Style) int {
	if id, ok := b.styles[key]; ok {
		return id
	}
	id, err := b.f.NewStyle(s)
	b.keep(err)
	b.styles[key] = id
	return id
}

func (b *book) keep(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// text writes a text cell; it is stored as text, so a value starting with
// "=" is never a formula.
func (b *book) text(sheet string, col, row int, s string) {
	b.keep(b.f.SetCellStr(sheet, cell(col, row), s))
}

func (b *book) bold(sheet string, col, row int, s string) {
	b.text(sheet, col, row, s)
	b.keep(b.f.SetCellStyle(sheet, cell(col, row), cell(col, row), b.style("bold", &excelize.Style{Font: &excelize.Font{Bold: true}})))
}

// styleCell gives a cell a number format, bold or not.
func (b *book) styleCell(sheet string, col, row int, format string, bold bool) {
	key := format
	st := &excelize.Style{CustomNumFmt: &format}
	if bold {
		key += "/bold"
		st.Font = &excelize.Font{Bold: true}
	}
	b.keep(b.f.SetCellStyle(sheet, cell(col, row), cell(col, row), b.style(key, st)))
}

// number writes a decimal string as a number cell with a number format,
// without passing it through a float.
func (b *book) number(sheet string, col, row int, v, format string, bold bool) {
	b.keep(b.f.SetCellDefault(sheet, cell(col, row), v))
	b.styleCell(sheet, col, row, format, bold)
}

func (b *book) money(sheet string, col, row int, v string, bold bool) {
	b.number(sheet, col, row, v, numFmtMoney, bold)
}

// sum writes a SUM formula over a column's rows first to last, in bold:
// a totals cell an auditor can click.
func (b *book) sum(sheet string, col, first, last int, format string) {
	b.formula(sheet, col, last+1, "SUM("+cell(col, first)+":"+cell(col, last)+")", format)
}

// formula writes a formula cell in bold with a number format. It has no
// cached value: the workbook asks Excel to calculate on opening.
func (b *book) formula(sheet string, col, row int, f, format string) {
	b.keep(b.f.SetCellFormula(sheet, cell(col, row), f))
	b.styleCell(sheet, col, row, format, true)
}

// value writes a decimal string as a number cell that takes its column's
// style (set with columns); much faster than styling cell by cell.
func (b *book) value(sheet string, col, row int, v string) {
	b.keep(b.f.SetCellDefault(sheet, cell(col, row), v))
}

// columns gives columns (by 1-based index) a number format.
func (b *book) columns(sheet, format string, cols ...int) {
	id := b.style(format, &excelize.Style{CustomNumFmt: &format})
	for _, c := range cols {
		name, err := excelize.ColumnNumberToName(c)
		b.keep(err)
		b.keep(b.f.SetColStyle(sheet, name, id))
	}
}

// freeze keeps a sheet's first rows in view as it scrolls.
func (b *book) freeze(sheet string, rows int) {
	b.keep(b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: rows, TopLeftCell: cell(1, rows+1), ActivePane: "bottomLeft"}))
}

// renderXLSX writes the report as a workbook whose figures equal the JSON
// report's to the penny.
func renderXLSX(w io.Writer, r analysis.Result) error {
	j := buildJSON(r)
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, styles: map[string]int{}}
	b.keep(f.SetSheetName("Sheet1", sheetSummary))
	for _, s := range []string{sheetSystems, sheetRepayments, sheetNotes} {
		_, err := f.NewSheet(s)
		b.keep(err)
	}
	b.keep(f.SetDocProps(&excelize.DocProperties{
		Title:    j.Scenario.Title,
		Creator:  "icsplan",
		Created:  "2006-09-16T00:00:00Z", // fixed, so the same analysis gives the same bytes
		Modified: "2006-09-16T00:00:00Z",
	}))
	calc := true
	b.keep(f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &calc}))

	xlsxSummary(b, r, j)
	xlsxSystems(b, r, j)
	xlsxRepayments(b, j)
	xlsxNotes(b, r, j)
	f.SetActiveSheet(0)
	if b.err != nil {
		return b.err
	}
	_, err := f.WriteTo(w)
	return err
}
