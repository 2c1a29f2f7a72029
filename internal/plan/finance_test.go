package plan

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// financeWorkbook is a plans sheet as a finance team lays it out: a merged,
// bold title, a source line, a blank row, headings in their own words with
// units written without brackets, numbers in a (1.0) format, a blank row
// and a totals row of SUM formulas whose cached results Excel saved.
// planTotal is the cached result of the plan total (in £m).
func financeWorkbook(t testing.TB, planTotal string) []byte {
	t.Helper()
	const s = "Plans 24-25"
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", s))
	must(f.SetCellStr(s, "A1", "Midlands ICB financial plans 2024/25"))
	must(f.MergeCell(s, "A1", "I1"))
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	must(err)
	must(f.SetCellStyle(s, "A1", "A1", bold))
	must(f.SetCellStr(s, "A2", "Source: ICB board papers, April 2024"))
	header := []any{"ICB Code", "ICB Name", "Registered Population", "Overall weighted population",
		"Plan surplus/(deficit) £m", "Forecast outturn (£m)", "Source", "source_url", "Confidence"}
	must(f.SetSheetRow(s, "A4", &header))
	rows := [][]any{
		{"QUA", "Black Country", 1295518, 1368665.2, -68.8, -70.0, "reported", "https://example.org/bc", "H"},
		{"QJ2", "Derby and Derbyshire", 1115047, 1100100.5, -58.0, -45.25, "reported", "", "medium"},
		{"QK1", "Leicester, Leicestershire and Rutland", 1198000, 1210000, 0, 0, "illustrative breakeven", "", "l"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, 5+i)
		must(f.SetSheetRow(s, cell, &r))
	}
	millions, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("#,##0.0;(#,##0.0)")})
	must(err)
	count, err := f.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
	must(err)
	must(f.SetCellStyle(s, "E5", "F9", millions))
	must(f.SetCellStyle(s, "C5", "D9", count))
	must(f.SetCellStr(s, "B9", "Total"))
	// 1,295,518 + 1,115,047 + 1,198,000 = 3,608,565; −68.8 − 58.0 + 0 = −126.8; −70 − 45.25 + 0 = −115.25.
	for ref, fx := range map[string]string{"C9": "SUM(C5:C7)|3608565", "E9": "SUM(E5:E7)|" + planTotal, "F9": "SUM(F5:F7)|-115.25"} {
		formula, cached, _ := strings.Cut(fx, "|")
		must(f.SetCellFormula(s, ref, formula))
		must(setCached(f, s, ref, cached))
	}
	buf, err := f.WriteToBuffer()
	must(err)
	return buf.Bytes()
}

func ptr[T any](v T) *T { return &v }

func TestFinanceTeamWorkbook(t *testing.T) {
	tab, err := ReadXLSX("plans.xlsx", financeWorkbook(t, "-126.8"), "")
	if err != nil {
		t.Fatal(err)
	}
	if tab.Header.Line != 4 || len(tab.Titles) != 2 || tab.Titles[0].Cells[0] != "Midlands ICB financial plans 2024/25" {
		t.Fatalf("header line %d, titles %+v", tab.Header.Line, tab.Titles)
	}
	ds, err := ParseSystems(tab, "2024/25")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Systems) != 3 {
		t.Fatalf("%d systems (the totals row is not one): %+v", len(ds.Systems), ds.Systems)
	}
	a, b, c := ds.Systems[0], ds.Systems[1], ds.Systems[2]
	// −68.8 £m is −£68,800,000; −45.25 £m is −£45,250,000.
	if a.Code != "QUA" || a.Population != 1295518 || !a.WeightedPopulation.Equal(dec(t, "1368665.2")) || !a.Plan.Equal(dec(t, "-68800000")) ||
		!a.Forecast.Value.Equal(dec(t, "-70000000")) || a.SourceURL != "https://example.org/bc" || a.Confidence != ConfidenceHigh {
		t.Errorf("QUA: %+v", a)
	}
	if !b.Forecast.Value.Equal(dec(t, "-45250000")) || b.Confidence != ConfidenceMedium || b.SourceURL != "" || b.Line != 6 {
		t.Errorf("QJ2: %+v", b)
	}
	if c.Name != "Leicester, Leicestershire and Rutland" || !c.Plan.IsZero() || c.Confidence != ConfidenceLow {
		t.Errorf("QK1: %+v", c)
	}
	want := []string{
		`plans.xlsx:'Plans 24-25'!B9: skipped a totals row ("Total"): it is not a system, and icsplan adds up the systems itself`,
	}
	if strings.Join(ds.Warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(ds.Warnings, "\n"), strings.Join(want, "\n"))
	}

	// A totals row that does not tie is reported with both figures.
	tab, _ = ReadXLSX("plans.xlsx", financeWorkbook(t, "-120"), "")
	ds, err = ParseSystems(tab, "2024/25")
	if err != nil || len(ds.Systems) != 3 {
		t.Fatalf("%v %+v", err, ds)
	}
	mismatch := `plans.xlsx:'Plans 24-25'!E9: column "plan": the totals row says -£120,000,000 but the systems add up to -£126,800,000: check the figures`
	if len(ds.Warnings) != 2 || ds.Warnings[1] != mismatch {
		t.Errorf("warnings:\n%s\nwant second\n%s", strings.Join(ds.Warnings, "\n"), mismatch)
	}
}

// Each way a finance team heads the plan column, with the unit after the
// name in or out of brackets: the cell reads as the pounds worked out in
// the comment.
func TestPlanHeadingForms(t *testing.T) {
	for _, c := range []struct{ heading, cell, want string }{
		{"Plan surplus/(deficit) £m", "-1.5", "-1500000"},       // 1.5 × 1,000,000
		{"Planned surplus/(deficit) (£m)", "(1.5)", "-1500000"}, // brackets are negative
		{"Plan £000", "-1,500", "-1500000"},                     // 1,500 × 1,000
		{"Surplus/(Deficit) £'000", "(1,500)", "-1500000"},
		{"Surplus/(Deficit) £’000", "(1,500)", "-1500000"}, // a curly apostrophe, as Word and Outlook type it
		{"Surplus / (Deficit) £000s", "-1500", "-1500000"},
		{"surplus/deficit (£k)", "-1500", "-1500000"},
		{"Plan (£ 000)", "-1500", "-1500000"},
		{"Plan, £m", "-1.5", "-1500000"},
		{"Plan (£ million)", "-1.5", "-1500000"},
		{"Plan 2024/25 £m", "-1.5", "-1500000"}, // the year is not part of the name
		{"2024-25 Plan (£m)", "-1.5", "-1500000"},
		{"FY24 plan £000", "-1500", "-1500000"},
		{"PLAN\n(£000)", "-1500", "-1500000"},     // Alt+Enter in the heading
		{"Plan\u00a0(£000)", "-1500", "-1500000"}, // a no-break space
		{"Plan (£000)*", "-1500", "-1500000"},     // a footnote mark
		{"Plan £", "-1500", "-1500"},
		{"Plan", "-1500", "-1500"}, // no unit: pounds
	} {
		text := "ICB Code,ICB Name,Registered Population,\"" + c.heading + "\"\nQAA,Alpha,100," + `"` + c.cell + `"` + "\n"
		ds, err := parseCSV(t, text)
		if err != nil {
			t.Errorf("%q: %v", c.heading, err)
			continue
		}
		if got := ds.Systems[0].Plan; !got.Equal(dec(t, c.want)) || len(ds.Warnings) != 0 {
			t.Errorf("%q: plan %s, want %s (warnings %q)", c.heading, got, c.want, ds.Warnings)
		}
	}
}

// A column headed just "ICB" beside "ICB Name" holds the code.
func TestICBHeadingAsCode(t *testing.T) {
	ds := mustCSV(t, "ICB,ICB Name,Registered Population,Plan £m\nQUA,Black Country,1295518,-68.8\n")
	if s := ds.Systems[0]; s.Code != "QUA" || s.Name != "Black Country" || !s.Plan.Equal(dec(t, "-68800000")) {
		t.Errorf("%+v", s)
	}
	ds = mustCSV(t, "Code,ICB,Registered Population,Plan £m\nQUA,Black Country,1295518,-68.8\n")
	if s := ds.Systems[0]; s.Code != "QUA" || s.Name != "Black Country" {
		t.Errorf("ICB beside a code column is the name: %+v", s)
	}
}

// A CSV saved from such a sheet has its title rows and blank rows too.
func TestCSVTitleAndBlankRows(t *testing.T) {
	text := "Midlands ICB plans 2024/25,,,\r\nAll figures in £ thousands,,,\r\n,,,\r\n" +
		"ICB Code,ICB Name,Registered Population,Plan (£000)\r\nQUA,Black Country,\"1,295,518\",\"(68,800)\"\r\n,,,\r\n\r\n" +
		"QJ2,Derby,1115047,\"(58,000)\"\r\n"
	tab, err := ReadCSV("systems.csv", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if tab.Header.Line != 4 || len(tab.Titles) != 2 || len(tab.Rows) != 2 || tab.Rows[1].Line != 8 {
		t.Fatalf("header line %d, %d titles, rows %+v", tab.Header.Line, len(tab.Titles), tab.Rows)
	}
	ds, err := ParseSystems(tab, "2024/25")
	if err != nil || len(ds.Systems) != 2 || !ds.Systems[1].Plan.Equal(dec(t, "-58000000")) {
		t.Fatalf("%v %+v", err, ds)
	}
	// The title says £000 but the heading gives no unit: the figures would
	// be read as pounds, a thousand times too small, so it is refused.
	_, err = parseCSV(t, strings.Replace(text, "Plan (£000)", "Plan", 1))
	wantErr(t, err, `systems.csv:2: the title says "All figures in £ thousands" but "plan" has no unit, so its figures would be read as pounds: put the unit in the heading, like "plan (£000)"`)
}

func TestTotalsRows(t *testing.T) {
	h := "code,name,population,plan\n"
	two := "QAA,Alpha,100,-5\nQBB,Beta,200,0\n"
	skip := func(line, why string) string {
		return "systems.csv:" + line + ": skipped a totals row " + why + ": it is not a system, and icsplan adds up the systems itself"
	}
	for _, c := range []struct {
		name, rows string
		warnings   []string
	}{
		// Today a code "Total" is a third system, doubling the group.
		{"code Total", two + "Total,,300,-5\n", []string{skip("4", `("Total")`)}},
		{"name England", two + ",England,300,-5\n", []string{skip("4", `("England")`)}},
		{"grand total in capitals", two + "GRAND TOTAL,,300,-5\n", []string{skip("4", `("GRAND TOTAL")`)}},
		{"sum", two + ",sum,300,-5\n", []string{skip("4", `("sum")`)}},
		{"total with a count", two + ",Total (2 ICBs),300,-5\n", []string{skip("4", `("Total (2 ICBs)")`)}},
		// Labels the ASCII-only first look must not miss: a no-break space
		// and a soft hyphen (an invisible format character) inside them.
		{"no-break space", two + ",All\u00a0ICBs,300,-5\n", []string{skip("4", `("All\u00a0ICBs")`)}},
		{"soft hyphen", two + ",To\u00adtal,300,-5\n", []string{skip("4", `("To\u00adtal")`)}},
		{"underscore", two + ",all_systems,300,-5\n", []string{skip("4", `("all_systems")`)}},
		{"total at the top", "Total,All,300,-5\n" + two, []string{skip("2", `("Total")`)}},
		{"figures that are the sums", two + ",,300,-5\n", []string{skip("4", "(its population and plan are the sums of the systems above it)")}},
		{"sums under a code", two + "ENG,All of England,300,-5\n", []string{skip("4", "(its population and plan are the sums of the systems above it)")}},
		// 100 + 200 = 300 people; −5 + 0 = −5, not −6.
		{"a total that does not tie", two + "Total,,300,-6\n", []string{skip("4", `("Total")`),
			`systems.csv:4: column "plan": the totals row says -£6 but the systems add up to -£5: check the figures`}},
		{"formulas with no stored result", two + "Total,,=SUM(C2:C3),=SUM(D2:D3)\n", []string{skip("4", `("Total")`)}},
		// London 100 + 200 = 300 and −5; North 400 + 500 = 900 and −7; England 1,200 and −12.
		{"regional subtotals", two + ",London total,300,-5\nQCC,Gamma,400,-7\nQDD,Delta,500,0\n,North total,900,-7\n,England,1200,-12\n",
			[]string{skip("4", `("London total")`), skip("7", `("North total")`), skip("8", `("England")`)}},
	} {
		ds, err := parseCSV(t, h+c.rows)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		n := 2
		if c.name == "regional subtotals" {
			n = 4
		}
		if len(ds.Systems) != n {
			t.Errorf("%s: %d systems, want %d", c.name, len(ds.Systems), n)
		}
		if strings.Join(ds.Warnings, "\n") != strings.Join(c.warnings, "\n") {
			t.Errorf("%s: warnings\n%s\nwant\n%s", c.name, strings.Join(ds.Warnings, "\n"), strings.Join(c.warnings, "\n"))
		}
	}
	// One system is no sum of others, nor are two equal rows.
	ds := mustCSV(t, h+"QAA,Alpha,100,-5\nQBB,Beta,100,-5\n")
	if len(ds.Systems) != 2 {
		t.Errorf("equal rows: %d systems", len(ds.Systems))
	}
}

func TestHeaderNotFound(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"a lost plan column", "Midlands plans 2024/25,,,\n,,,\nICB Code,ICB Name,Registered Population,Deficit\nQAA,A,1,0\n",
			`systems.csv:3: no header row has all of code, name, population and plan: the best candidate, line 3, has "code", "name" and "population" but not "plan"; "icsplan template -o plans.xlsx" writes a file with the headings icsplan reads`},
		{"a misspelt one", "code,name,Populaton,plan\nQAA,A,1,0\n",
			`systems.csv:1: no header row has all of code, name, population and plan: the best candidate, line 1, has "code", "name" and "plan" but not "population"; is "Populaton" meant to be "population"?; "icsplan template -o plans.xlsx" writes a file with the headings icsplan reads`},
		{"no header at all", "QAA,Alpha,100,-5\n",
			`systems.csv:1: found no header row: no line names code, name, population or plan (line 1, the first that is not blank, was taken for the header); "icsplan template -o plans.xlsx" writes a file with the headings icsplan reads`},
	} {
		_, err := parseCSV(t, c.text)
		wantErr(t, err, c.want)
	}
}

func TestMisspeltColumnsWarn(t *testing.T) {
	ds := mustCSV(t, "code,name,population,weighted populaton,plan,forcast\nQAA,A,100,90,0,1\n")
	want := []string{
		`systems.csv:1: column "weighted populaton" is not one icsplan reads: did you mean "weighted population"? it is ignored until it is renamed, so each system's fair share rests on its registered population`,
		`systems.csv:1: column "forcast" is not one icsplan reads: did you mean "forecast"? it is ignored until it is renamed`,
	}
	if strings.Join(ds.Warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(ds.Warnings, "\n"), strings.Join(want, "\n"))
	}
	if s := ds.Systems[0]; !s.WeightedPopulation.Equal(dec(t, "100")) || s.Forecast.Known {
		t.Errorf("%+v", s)
	}
	// A heading near one the file has already is not a misspelling of it.
	ds = mustCSV(t, "code,name,population,plan,plans\nQAA,A,100,0,x\n")
	if want := `systems.csv:1: ignored column "plans" (not a column icsplan reads)`; len(ds.Warnings) != 1 || ds.Warnings[0] != want {
		t.Errorf("warnings %q", ds.Warnings)
	}
}

func TestCodesAndConfidence(t *testing.T) {
	h := "code,name,population,plan,source,source_url,confidence\n"
	_, err := parseCSV(t, h+"\u200b,A,1,0,,,\nQBB,B,1,0,,,maybe\nQCC\u200d,C,1,0,,,\nQCC,D,1,0,,,\n")
	wantErr(t, err, `
systems.csv:2: column "code": holds only invisible characters (such as a zero-width space): every system needs a code
systems.csv:3: column "confidence": "maybe" is not a confidence grade: write H, M or L (or high, medium or low), or leave it blank
systems.csv:5: column "code": "QCC" is on lines 4 and 5: codes must be unique`)
	ds := mustCSV(t, h+"QAA,A,1,0,HSJ,https://www.hsj.co.uk/x,High\nQBB,B,1,0,,,\n")
	if a, b := ds.Systems[0], ds.Systems[1]; a.SourceURL != "https://www.hsj.co.uk/x" || a.Confidence != ConfidenceHigh || b.Confidence != ConfidenceUnknown {
		t.Errorf("%+v %+v", a, b)
	}
}
