package report

import (
	"strings"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/chart"
	"icsplan/internal/engine"
	"icsplan/internal/plan"
	"icsplan/plans"
)

// regimeResult analyses a regime of the library on one year's shipped plans.
func regimeResult(t *testing.T, dir, name string) analysis.Result {
	t.Helper()
	lib, err := plan.Load(plans.FS, ".", "embedded plans", plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range lib.Years {
		if y.Dir != dir {
			continue
		}
		sc, err := plan.PickRegime(lib.Regimes, name, y)
		if err != nil {
			t.Fatal(err)
		}
		res, err := engine.Analyse(y.Dataset, sc)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	t.Fatalf("no year %s", dir)
	return analysis.Result{}
}

// TestByYearTableCapsAHundredYears: the PDC regime's 100 years of dividends
// show as the first 10 years and one row summing the other 90, in the text
// report and the paper alike, and the chart draws the same 10 years.
func TestByYearTableCapsAHundredYears(t *testing.T) {
	res := regimeResult(t, "2023-24", "pdc-2020")
	var tab *table
	var notes []string
	for _, s := range buildTextDoc(res).sections {
		if s.heading == "Repayments by year" {
			tab, notes = s.table, s.notes
		}
	}
	if tab == nil {
		t.Fatal("no by-year table")
	}
	// The dividend is 3.5% of the £720m of deficits covered: £25.2m a year,
	// 25,200 in £000, from 2024/25 for 100 years to 2123/24. The first 10
	// rows are 2024/25 to 2033/34; the 11th sums 90 × 25,200 = 2,268,000; the
	// total is 100 × 25,200 = 2,520,000.
	if len(tab.rows) != chart.YearsShown+1 {
		t.Fatalf("%d rows, want %d", len(tab.rows), chart.YearsShown+1)
	}
	if tab.rows[0][0] != "2024/25" || tab.rows[9][0] != "2033/34" || tab.rows[0][1] != "25,200" {
		t.Errorf("first rows %q … %q", tab.rows[0], tab.rows[9])
	}
	if got := strings.Join(tab.rows[10], "|"); got != "2034/35 to 2123/24|2,268,000|2,268,000" {
		t.Errorf("summed row %q", got)
	}
	if got := strings.Join(tab.total, "|"); got != "Total|2,520,000|2,520,000" {
		t.Errorf("total %q", got)
	}
	if len(notes) == 0 || notes[0] != "The last row sums the 90 years after the first 10, each as it would be shown." {
		t.Errorf("notes %q", notes)
	}
	text := renderString(t, res, Text, Options{})
	if !strings.Contains(text, "2034/35 to 2123/24") || strings.Contains(text, "2050/51") {
		t.Error("the text report's by-year table is not capped")
	}
	page := htmlText(parseHTML(t, renderString(t, res, HTML, Options{})))
	if !strings.Contains(page, "2034/35 to 2123/24 | 2,268,000 | 2,268,000") || strings.Contains(page, "2050/51") {
		t.Error("the paper's by-year table is not capped")
	}
	rep := chart.Repayments(res)
	checkChartMatchesYears(t, rep, tab)
	if rep.Series[0].Name != "Dividends" {
		t.Errorf("the chart's series is %q, want Dividends", rep.Series[0].Name)
	}
}
