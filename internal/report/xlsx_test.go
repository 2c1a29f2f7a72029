package report

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"testing"

	"icsplan/internal/money"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// openXLSX renders r as a workbook and opens it again.
func openXLSX(t *testing.T, c shipped) (*excelize.File, jsonReport) {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, c.res, XLSX, Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	var j jsonReport
	if err := json.Unmarshal([]byte(renderString(t, c.res, JSON, Options{})), &j); err != nil {
		t.Fatal(err)
	}
	return f, j
}

// raw reads a cell's stored value, not its formatted text.
func raw(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// samePenny checks a stored number against the JSON report's string.
func samePenny(t *testing.T, where, got, want string) {
	t.Helper()
	g, err := decimal.NewFromString(got)
	if err != nil {
		t.Errorf("%s: %q is not a number", where, got)
		return
	}
	if !g.Equal(decimal.RequireFromString(want)) {
		t.Errorf("%s = %s, JSON says %s", where, got, want)
	}
}

func TestXLSXMatchesJSON(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) {
			f, j := openXLSX(t, c)
			if got := f.GetSheetList(); strings.Join(got, ",") != "Summary,Systems,Repayments,Notes" {
				t.Fatalf("sheets %v", got)
			}
			checkSystemsSheet(t, f, c, j)
			checkSummarySheet(t, f, c, j)
			checkRepaymentsSheet(t, f, j)
		})
	}
}

// calc computes a formula cell as Excel would and checks it is a formula
// (not a value) whose result, rounded to pence, is want.
func calc(t *testing.T, f *excelize.File, sheet, at, want string) {
	t.Helper()
	if formula, err := f.GetCellFormula(sheet, at); err != nil || !strings.HasPrefix(formula, "SUM(") && !strings.Contains(formula, "+") {
		t.Errorf("%s!%s holds %q, not a total formula (%v)", sheet, at, formula, err)
	}
	v, err := f.CalcCellValue(sheet, at, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, at, err)
	}
	got, err := decimal.NewFromString(v)
	if err != nil {
		t.Fatalf("%s!%s computes to %q", sheet, at, v)
	}
	// Excel adds in binary floating point; shown to the penny it is exact.
	if !got.Round(2).Equal(decimal.RequireFromString(want)) {
		t.Errorf("%s!%s computes to %s, the exact total is %s", sheet, at, v, want)
	}
}

// numFmt returns a cell's custom number format.
func numFmt(t *testing.T, f *excelize.File, sheet, at string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, at)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil || st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

func checkSystemsSheet(t *testing.T, f *excelize.File, c shipped, j jsonReport) {
	rows, err := f.GetRows(sheetSystems)
	if err != nil {
		t.Fatal(err)
	}
	head := append(append([]string{}, xlsxHeader...), xlsxTermHeads(c.res)...)
	if c.res.Incentives != nil {
		head = append(head, "Strategy gain", "Marginal price")
	}
	if want := strings.Join(head, ","); strings.Join(rows[0], ",") != want {
		t.Errorf("Systems header %v, want %s", rows[0], want)
	}
	if len(rows) != len(j.Systems)+2 {
		t.Fatalf("Systems sheet has %d rows, want header, %d systems and totals", len(rows), len(j.Systems))
	}
	var pop int64
	plan, received := decimal.Zero, decimal.Zero
	for i, s := range j.Systems {
		received = received.Add(decimal.RequireFromString(s.Received))
		row := i + 2
		at := func(col int) string { return raw(t, f, sheetSystems, cell(col, row)) }
		if at(1) != s.Code || at(2) != xmlText(s.Name) || at(4) != s.Group {
			t.Errorf("row %d: %q %q %q, want %q %q %q", row, at(1), at(2), at(4), s.Code, xmlText(s.Name), s.Group)
		}
		for col, want := range map[int]string{7: s.Plan, 9: s.Allocation, 10: s.PerHead, 11: s.FairShare,
			12: s.Transfer, 14: s.PVRepayments, 15: s.EffectiveGrant, 16: s.GrantElement} {
			samePenny(t, s.Code+" "+xlsxHeader[col-1], at(col), want)
		}
		if s.PrudencePenalty != nil {
			samePenny(t, s.Code+" prudence penalty", at(17), *s.PrudencePenalty)
		} else if at(17) != "" {
			t.Errorf("%s: prudence penalty %q for a deficit system", s.Code, at(17))
		}
		if at(19) != xmlText(s.Source) || at(21) != strconv.Itoa(c.res.Systems[i].Line) {
			t.Errorf("%s: source %q line %q, want %q line %d", s.Code, at(19), at(21), s.Source, c.res.Systems[i].Line)
		}
		pop += s.Population
		plan = plan.Add(decimal.RequireFromString(s.Plan))
	}
	total := len(j.Systems) + 2
	if got := raw(t, f, sheetSystems, cell(1, total)); got != "Total" {
		t.Errorf("no totals row: %q", got)
	}
	at := func(col int) string { return cell(col, total) }
	calc(t, f, sheetSystems, at(5), strconv.FormatInt(pop, 10)+".00")
	calc(t, f, sheetSystems, at(7), money.Fixed2(plan))
	calc(t, f, sheetSystems, at(9), j.Totals.Allocated)
	calc(t, f, sheetSystems, at(11), money.Fixed2(received)) // fair shares share out the cash received
	calc(t, f, sheetSystems, at(12), "0.00")                 // so transfers sum to nothing
	calc(t, f, sheetSystems, at(13), j.Totals.Repayments)
	calc(t, f, sheetSystems, at(14), j.Totals.PVRepayments)
	calc(t, f, sheetSystems, at(15), j.Totals.EffectiveGrant)
	checkTermColumns(t, f, c, j)

	// The pence-exact record: real numbers in a £ format, negatives in brackets.
	if got := numFmt(t, f, sheetSystems, "G2"); got != numFmtMoney {
		t.Errorf("plan cell format %q, want %s", got, numFmtMoney)
	}
	if typ, _ := f.GetCellType(sheetSystems, "I2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Error("allocation is stored as text")
	}
	panes, err := f.GetPanes(sheetSystems)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("Systems header is not frozen: %+v %v", panes, err)
	}
}

// summaryRows finds the Summary's rows by their first cell.
func summaryRows(t *testing.T, f *excelize.File) map[string]int {
	rows, err := f.GetRows(sheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	at := map[string]int{}
	for i, r := range rows {
		if len(r) > 0 {
			if _, dup := at[r[0]]; !dup {
				at[r[0]] = i + 1
			}
		}
	}
	return at
}

func checkSummarySheet(t *testing.T, f *excelize.File, c shipped, j jsonReport) {
	at := summaryRows(t, f)
	v := func(label string) string { return raw(t, f, sheetSummary, cell(2, at[label])) }
	samePenny(t, "Summary pot", v("Pot"), j.Totals.Pot)
	samePenny(t, "Summary allocated", v("Allocated"), j.Totals.Allocated)
	samePenny(t, "Summary effective grant", v("Effective grant"), j.Totals.EffectiveGrant)
	samePenny(t, "Summary net transfer", v("Net transfer to deficit planners"), j.NetTransferToDeficit)
	if got := raw(t, f, sheetSummary, cell(2, at["Verdict"])); got != c.res.Verdict.Label.Words() {
		t.Errorf("Summary verdict %q", got)
	}

	// The group table: £000 formats over pence-exact cells; SUM totals.
	all := at["All systems"]
	if all == 0 || at["Deficit plans"] != all-2 || at["Balanced plans"] != all-1 {
		t.Fatalf("group table rows: %v", at)
	}
	if got := numFmt(t, f, sheetSummary, cell(5, all-2)); got != numFmtK {
		t.Errorf("group cash format %q, want %s (£000)", got, numFmtK)
	}
	samePenny(t, "deficit group cash", raw(t, f, sheetSummary, cell(5, all-2)), money.Fixed2(c.res.Deficit.Received))
	calc(t, f, sheetSummary, cell(2, all), strconv.Itoa(j.Dataset.Systems)+".00")
	calc(t, f, sheetSummary, cell(5, all), money.Fixed2(c.res.Totals.Received))
	calc(t, f, sheetSummary, cell(7, all), j.Totals.EffectiveGrant)
	d, b := decimal.RequireFromString(j.Groups.Deficit.PlannedDeficit), decimal.RequireFromString(j.Groups.Balanced.PlannedDeficit)
	calc(t, f, sheetSummary, cell(4, all), money.Fixed2(d.Add(b)))

	// Repayments by year, £000: each year principal + interest, the total SUMs.
	if len(j.Years) > 0 {
		head := at["Repayments by year (£000)"]
		for i, y := range j.Years {
			calc(t, f, sheetSummary, cell(4, head+1+i), y.Total)
		}
		calc(t, f, sheetSummary, cell(4, head+1+len(j.Years)), j.Totals.Repayments)
	} else if at["Repayments by year (£000)"] != 0 {
		t.Error("a grant has a repayments table")
	}
}

func checkRepaymentsSheet(t *testing.T, f *excelize.File, j jsonReport) {
	r := 2
	for _, s := range j.Systems {
		for _, in := range s.Repayments {
			at := func(col int) string { return raw(t, f, sheetRepayments, cell(col, r)) }
			if at(1) != s.Code || at(3) != in.Year {
				t.Errorf("Repayments row %d: %q %q, want %q %q", r, at(1), at(3), s.Code, in.Year)
			}
			samePenny(t, s.Code+" "+in.Year+" principal", at(4), in.Principal)
			samePenny(t, s.Code+" "+in.Year+" interest", at(5), in.Interest)
			samePenny(t, s.Code+" "+in.Year+" total", at(6), in.Total)
			r++
		}
	}
	if len(j.Years) > 0 {
		calc(t, f, sheetRepayments, cell(6, r), j.Totals.Repayments)
	}
	panes, err := f.GetPanes(sheetRepayments)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("Repayments header is not frozen: %+v %v", panes, err)
	}
}

// TestXLSXNotesAndChart: the Notes sheet says which sheet is in which unit
// and carries the terms and every caveat; the Summary has a native chart
// drawn from its group table.
func TestXLSXNotesAndChart(t *testing.T) {
	for _, c := range cases(t) {
		f, j := openXLSX(t, c)
		rows, err := f.GetRows(sheetNotes)
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, r := range rows {
			all = append(all, strings.Join(r, " | "))
		}
		notes := strings.Join(all, "\n")
		for _, want := range append([]string{"Summary: the tables are in £000", "Systems and Repayments: the pence-exact record",
			"Totals are SUM formulas", "Title | " + xmlText(j.Scenario.Title), "Discount rate | " + pct(c.res.Scenario.Assumptions.DiscountRate),
			"Repayment | " + describeRepayment(c.res.Scenario)}, j.Caveats...) {
			if !strings.Contains(notes, xmlText(want)) {
				t.Errorf("%s: Notes lack %q:\n%s", c.name, want, notes)
			}
		}
		var buf bytes.Buffer
		if err := Render(&buf, c.res, XLSX, Options{}); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		head := summaryRows(t, f)["Group (£000)"]
		var chart string
		for _, zf := range zr.File {
			if zf.Name == "xl/charts/chart1.xml" {
				rc, _ := zf.Open()
				data, _ := io.ReadAll(rc)
				rc.Close()
				chart = strings.ReplaceAll(string(data), "&#39;", "'")
			}
		}
		for _, ref := range []string{"Summary'!$F$" + strconv.Itoa(head+1) + ":$F$" + strconv.Itoa(head+2),
			"Summary'!$H$" + strconv.Itoa(head+1) + ":$H$" + strconv.Itoa(head+2)} {
			if !strings.Contains(chart, ref) {
				t.Errorf("%s: the Summary chart does not plot %s (per head by group)", c.name, ref)
			}
		}
	}
}

func TestXLSXKeepsTextAsText(t *testing.T) {
	f, _ := openXLSX(t, shipped{name: "fixture", res: fixture()})
	if got := raw(t, f, sheetSystems, "B5"); got != `=HYPERLINK("http://evil","x")` {
		t.Errorf("name cell = %q", got)
	}
	if formula, _ := f.GetCellFormula(sheetSystems, "B5"); formula != "" {
		t.Errorf("a name became a formula: %q", formula)
	}
}

// xmlText is s as a workbook can hold it: characters XML 1.0 forbids become
// U+FFFD (excelize does this when it writes a cell).
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || r >= 0x10000 {
			return r
		}
		return '\uFFFD'
	}, s)
}

// checkTermColumns checks the Systems sheet's terms columns against the
// JSON report, cell by cell, and their SUM totals: received and withheld
// against the totals, each tranche's amounts against the systems' parts.
func checkTermColumns(t *testing.T, f *excelize.File, c shipped, j jsonReport) {
	t.Helper()
	heads := xlsxTermHeads(c.res)
	after := ""
	if c.res.Incentives != nil {
		checkIncentiveColumns(t, f, j, len(xlsxHeader)+len(heads)+1)
		after = "Strategy gain"
	}
	if len(heads) == 0 {
		if got := raw(t, f, sheetSystems, cell(len(xlsxHeader)+1, 1)); got != after {
			t.Errorf("a scenario without terms has a terms column %q", got)
		}
		return
	}
	first := len(xlsxHeader) + 1
	total := len(j.Systems) + 2
	sums := make([]decimal.Decimal, len(heads))
	for i, s := range j.Systems {
		row := i + 2
		at := func(k int) string { return raw(t, f, sheetSystems, cell(first+k, row)) }
		samePenny(t, s.Code+" received", at(0), s.Received)
		samePenny(t, s.Code+" withheld", at(1), s.Withheld)
		for k, tr := range s.Tranches {
			if want := map[bool]string{true: "1", false: "0"}[tr.Passed]; at(5+2*k) != want { // a boolean cell stores 1 or 0
				t.Errorf("%s tranche %d passed %q, want %s", s.Code, k+1, at(5+2*k), want)
			}
			samePenny(t, s.Code+" tranche amount", at(6+2*k), tr.Amount)
		}
		for k := range heads {
			if termMoney(k) {
				sums[k] = sums[k].Add(decimal.RequireFromString(at(k)))
			}
		}
	}
	calc(t, f, sheetSystems, cell(first+1, total), j.Totals.Withheld)
	calc(t, f, sheetSystems, cell(first+2, total), j.Totals.Redistributed)
	calc(t, f, sheetSystems, cell(first+3, total), j.Totals.Deductions)
	calc(t, f, sheetSystems, cell(first+4, total), j.Totals.Bonuses)
	for k := range heads {
		if termMoney(k) {
			calc(t, f, sheetSystems, cell(first+k, total), money.Fixed2(sums[k]))
		}
	}
}

// checkIncentiveColumns: each system's strategy gain and marginal price,
// from column first, are the JSON report's; a system with no gain has an
// empty cell, and the gains have no total.
func checkIncentiveColumns(t *testing.T, f *excelize.File, j jsonReport, first int) {
	t.Helper()
	for i, s := range j.Systems {
		at := func(col int) string { return raw(t, f, sheetSystems, cell(col, i+2)) }
		if s.StrategyGain == nil {
			if at(first) != "" {
				t.Errorf("%s: a gain %q where there is none", s.Code, at(first))
			}
		} else {
			samePenny(t, s.Code+" strategy gain", at(first), *s.StrategyGain)
		}
		if got, err := decimal.NewFromString(at(first + 1)); err != nil || s.MarginalPrice == nil || got.StringFixed(4) != *s.MarginalPrice {
			t.Errorf("%s: marginal price %q, want %v", s.Code, at(first+1), s.MarginalPrice)
		}
	}
	if got := raw(t, f, sheetSystems, cell(first, len(j.Systems)+2)); got != "" {
		t.Errorf("the gains have a total %q", got)
	}
}
