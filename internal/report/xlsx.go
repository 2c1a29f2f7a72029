package report

import (
	"io"
	"strconv"

	"icsplan/internal/analysis"
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// The workbook's number formats. Money is in pounds and pence with negatives
// in brackets, as finance teams write them.
const (
	numFmtMoney   = `£#,##0.00;(£#,##0.00)`
	numFmtCount   = `#,##0`
	numFmtRatio   = `0.0000`
	numFmtPercent = `0.0%`
)

// Sheet names.
const (
	sheetSummary    = "Summary"
	sheetSystems    = "Systems"
	sheetRepayments = "Repayments"
)

// xlsxHeader heads the Systems sheet's columns, which follow the CSV report's.
var xlsxHeader = []string{
	"Code", "Name", "Region", "Group", "Population", "Weighted population", "Plan", "Eligible",
	"Allocation", "Per head", "Fair share", "Transfer", "Repayments due", "PV of repayments",
	"Effective grant", "Grant element", "Prudence penalty", "Prudence plan", "Source", "Illustrative",
}

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

// number writes a decimal string as a number cell with a number format,
// without passing it through a float.
func (b *book) number(sheet string, col, row int, v, format string, bold bool) {
	b.keep(b.f.SetCellDefault(sheet, cell(col, row), v))
	key := format
	st := &excelize.Style{CustomNumFmt: &format}
	if bold {
		key += "/bold"
		st.Font = &excelize.Font{Bold: true}
	}
	b.keep(b.f.SetCellStyle(sheet, cell(col, row), cell(col, row), b.style(key, st)))
}

func (b *book) money(sheet string, col, row int, v string, bold bool) {
	b.number(sheet, col, row, v, numFmtMoney, bold)
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

// renderXLSX writes the report as a workbook: Summary, Systems and
// Repayments sheets whose figures equal the JSON report's to the penny.
func renderXLSX(w io.Writer, r analysis.Result) error {
	j := buildJSON(r)
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, styles: map[string]int{}}
	b.keep(f.SetSheetName("Sheet1", sheetSummary))
	_, err := f.NewSheet(sheetSystems)
	b.keep(err)
	_, err = f.NewSheet(sheetRepayments)
	b.keep(err)
	b.keep(f.SetDocProps(&excelize.DocProperties{
		Title:    j.Scenario.Title,
		Creator:  "icsplan",
		Created:  "2006-09-16T00:00:00Z", // fixed, so the same analysis gives the same bytes
		Modified: "2006-09-16T00:00:00Z",
	}))

	xlsxSummary(b, r, j)
	xlsxSystems(b, j)
	xlsxRepayments(b, j)
	f.SetActiveSheet(0)
	if b.err != nil {
		return b.err
	}
	_, err = f.WriteTo(w)
	return err
}

func xlsxSummary(b *book, r analysis.Result, j jsonReport) {
	const s = sheetSummary
	row := 1
	b.bold(s, 1, row, j.Scenario.Title)
	row++
	b.text(s, 1, row, j.Scenario.Note)
	row += 2
	b.bold(s, 1, row, "Verdict")
	b.bold(s, 2, row, r.Verdict.Label.Words())
	row++
	b.text(s, 2, row, j.Verdict.Text)
	row += 2

	b.bold(s, 1, row, "Headline figures (£)")
	row++
	type line struct{ label, value, format string }
	lines := []line{
		{"Pot", j.Totals.Pot, numFmtMoney},
		{"Allocated", j.Totals.Allocated, numFmtMoney},
		{"Unallocated", j.Totals.Unallocated, numFmtMoney},
		{"Repayments due", j.Totals.Repayments, numFmtMoney},
		{"Present value of repayments", j.Totals.PVRepayments, numFmtMoney},
		{"Effective grant", j.Totals.EffectiveGrant, numFmtMoney},
		{"Grant element", j.Totals.GrantElement, numFmtRatio},
		{"Net transfer to deficit planners", j.NetTransferToDeficit, numFmtMoney},
	}
	if j.PriceOfDeficit != nil {
		lines = append(lines, line{"Price of a deficit (effective grant per £1 of planned deficit)", *j.PriceOfDeficit, numFmtRatio})
	}
	for _, l := range lines {
		b.text(s, 1, row, l.label)
		b.number(s, 2, row, l.value, l.format, false)
		row++
	}
	row++

	heads := []string{"Group", "Systems", "Population", "Planned deficit", "Cash", "Per head", "Effective grant", "Grant per head"}
	for i, h := range heads {
		b.bold(s, i+1, row, h)
	}
	row++
	for _, g := range []struct {
		name string
		g    jsonGroup
	}{{"Deficit plans", j.Groups.Deficit}, {"Balanced plans", j.Groups.Balanced}} {
		b.text(s, 1, row, g.name)
		b.number(s, 2, row, strconv.Itoa(g.g.Systems), numFmtCount, false)
		b.number(s, 3, row, strconv.FormatInt(g.g.Population, 10), numFmtCount, false)
		for i, v := range []string{g.g.PlannedDeficit, g.g.Allocation, g.g.PerHead, g.g.EffectiveGrant, g.g.GrantPerHead} {
			b.money(s, 4+i, row, v, false)
		}
		row++
	}
	row++

	b.bold(s, 1, row, "Assumptions")
	row++
	sc := r.Scenario
	b.text(s, 1, row, "Discount rate")
	b.number(s, 2, row, j.Scenario.Assumptions.DiscountRate, numFmtPercent, false)
	row++
	b.text(s, 1, row, "Chance the balance is never repaid")
	b.number(s, 2, row, j.Scenario.Assumptions.WriteOff, numFmtPercent, false)
	row++
	b.text(s, 1, row, "Balanced threshold")
	b.money(s, 2, row, j.Scenario.Assumptions.BalancedThreshold, false)
	row++
	b.text(s, 1, row, "Eligible")
	b.text(s, 2, row, describeRule(sc))
	row++
	b.text(s, 1, row, "Shared")
	b.text(s, 2, row, describeMethod(sc))
	row++
	b.text(s, 1, row, "Repayment")
	b.text(s, 2, row, describeRepayment(sc))
	row += 2

	b.bold(s, 1, row, "Dataset")
	row++
	b.text(s, 1, row, "Year")
	b.text(s, 2, row, j.Dataset.Year)
	row++
	b.text(s, 1, row, "Path")
	b.text(s, 2, row, j.Dataset.Path)
	row++
	b.text(s, 1, row, "Systems")
	b.number(s, 2, row, strconv.Itoa(j.Dataset.Systems), numFmtCount, false)
	row++
	b.text(s, 1, row, "Illustrative plan figures")
	b.number(s, 2, row, strconv.Itoa(j.Dataset.Illustrative), numFmtCount, false)
	row += 2

	if len(j.Years) > 0 {
		b.bold(s, 1, row, "Repayments by year")
		for i, h := range []string{"Principal", "Interest", "Total"} {
			b.bold(s, 2+i, row, h)
		}
		row++
		for _, y := range j.Years {
			b.text(s, 1, row, y.Year)
			b.money(s, 2, row, y.Principal, false)
			b.money(s, 3, row, y.Interest, false)
			b.money(s, 4, row, y.Total, false)
			row++
		}
		row++
	}

	b.bold(s, 1, row, "Caveats")
	row++
	for _, c := range j.Caveats {
		b.text(s, 1, row, c)
		row++
	}
	b.keep(b.f.SetColWidth(s, "A", "A", 40))
	b.keep(b.f.SetColWidth(s, "B", "H", 18))
}

func xlsxSystems(b *book, j jsonReport) {
	const s = sheetSystems
	for i, h := range xlsxHeader {
		b.bold(s, i+1, 1, h)
	}
	b.columns(s, numFmtCount, 5, 6)
	b.columns(s, numFmtMoney, 7, 9, 10, 11, 12, 13, 14, 15, 17, 18)
	b.columns(s, numFmtRatio, 16)
	var pop int64
	sums := map[int]decimal.Decimal{} // column → Σ of the pence figures shown
	add := func(col int, v string) {
		sums[col] = sums[col].Add(decimal.RequireFromString(v))
	}
	row := 2
	for _, sy := range j.Systems {
		b.text(s, 1, row, sy.Code)
		b.text(s, 2, row, sy.Name)
		b.text(s, 3, row, sy.Region)
		b.text(s, 4, row, sy.Group)
		b.value(s, 5, row, strconv.FormatInt(sy.Population, 10))
		b.value(s, 6, row, sy.WeightedPopulation.String())
		pop += sy.Population
		due := decimal.Zero
		for _, in := range sy.Repayments {
			due = due.Add(decimal.RequireFromString(in.Total))
		}
		for _, c := range []struct {
			col int
			v   string
		}{{7, sy.Plan}, {9, sy.Allocation}, {10, sy.PerHead}, {11, sy.FairShare}, {12, sy.Transfer},
			{13, money.Fixed2(due)}, {14, sy.PVRepayments}, {15, sy.EffectiveGrant}} {
			b.value(s, c.col, row, c.v)
			if c.col != 10 {
				add(c.col, c.v)
			}
		}
		b.keep(b.f.SetCellBool(s, cell(8, row), sy.Eligible))
		b.value(s, 16, row, sy.GrantElement)
		if sy.PrudencePenalty != nil {
			b.value(s, 17, row, *sy.PrudencePenalty)
			b.value(s, 18, row, *sy.PenaltyPlan)
		}
		b.text(s, 19, row, sy.Source)
		b.keep(b.f.SetCellBool(s, cell(20, row), sy.Illustrative))
		row++
	}
	b.bold(s, 1, row, "Total")
	b.number(s, 5, row, strconv.FormatInt(pop, 10), numFmtCount, true)
	for _, col := range []int{7, 9, 11, 12, 13, 14, 15} {
		b.money(s, col, row, money.Fixed2(sums[col]), true)
	}
	b.keep(b.f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	b.keep(b.f.SetColWidth(s, "A", "A", 8))
	b.keep(b.f.SetColWidth(s, "B", "B", 40))
	b.keep(b.f.SetColWidth(s, "C", "C", 24))
	b.keep(b.f.SetColWidth(s, "D", "R", 16))
	b.keep(b.f.SetColWidth(s, "S", "S", 40))
}

func xlsxRepayments(b *book, j jsonReport) {
	const s = sheetRepayments
	for i, h := range []string{"Code", "Name", "Year", "Principal", "Interest", "Total"} {
		b.bold(s, i+1, 1, h)
	}
	b.columns(s, numFmtMoney, 4, 5, 6)
	row := 2
	p, in, t := decimal.Zero, decimal.Zero, decimal.Zero
	for _, sy := range j.Systems {
		for _, r := range sy.Repayments {
			b.text(s, 1, row, sy.Code)
			b.text(s, 2, row, sy.Name)
			b.text(s, 3, row, r.Year)
			b.value(s, 4, row, r.Principal)
			b.value(s, 5, row, r.Interest)
			b.value(s, 6, row, r.Total)
			p = p.Add(decimal.RequireFromString(r.Principal))
			in = in.Add(decimal.RequireFromString(r.Interest))
			t = t.Add(decimal.RequireFromString(r.Total))
			row++
		}
	}
	if row == 2 {
		b.text(s, 1, row, "Nothing is due back: the money is a grant.")
		row++
	}
	b.bold(s, 1, row, "Total")
	b.money(s, 4, row, money.Fixed2(p), true)
	b.money(s, 5, row, money.Fixed2(in), true)
	b.money(s, 6, row, money.Fixed2(t), true)
	b.keep(b.f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	b.keep(b.f.SetColWidth(s, "A", "A", 8))
	b.keep(b.f.SetColWidth(s, "B", "B", 40))
	b.keep(b.f.SetColWidth(s, "C", "F", 16))
}
