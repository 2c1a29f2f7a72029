package report

import (
	"strconv"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/xlsxw"
)

// The Summary sheet: the verdict, the headline figures in pounds and pence,
// the groups and the repayments by year in £000 with SUM totals, and a
// native chart of cash and effective grant per head by group.

func xlsxSummary(b *book, r analysis.Result, j jsonReport) {
	const s = sheetSummary
	b.bold(s, 1, 1, j.Scenario.Title)
	b.text(s, 1, 2, j.Scenario.Note)
	b.bold(s, 1, 4, "Verdict")
	b.bold(s, 2, 4, r.Verdict.Label.Words())
	b.text(s, 2, 5, j.Verdict.Text)
	row := summaryHeadline(b, r, j, 7)
	groups := row + 1
	row = summaryGroups(b, r, j, groups)
	row = summaryYears(b, j, row+1)
	b.text(s, 1, row+1, "The scenario's terms, the units and the caveats are on the Notes sheet; "+
		"every system's figures, to the penny, on the Systems sheet.")
	summaryChart(b, groups)
	b.width(s, 1, 1, 40)
	b.width(s, 2, 8, 16)
}

// summaryHeadline writes the headline figures from row on and returns the
// row after them.
func summaryHeadline(b *book, r analysis.Result, j jsonReport, row int) int {
	const s = sheetSummary
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
	for _, l := range xlsxTermHeadlines(r, j) {
		lines = append(lines, line{l[0], l[1], numFmtMoney})
	}
	for _, l := range xlsxIncentiveHeadlines(j) {
		lines = append(lines, line{l[0], l[1], l[2]})
	}
	for _, l := range lines {
		b.text(s, 1, row, l.label)
		b.number(s, 2, row, l.value, l.format, false)
		row++
	}
	return row
}

// groupHeads are the Summary's group table's columns.
var groupHeads = []string{"Group (£000)", "Systems", "Population", "Planned deficit", "Cash", "Cash per head £",
	"Effective grant", "Grant per head £"}

// summaryGroups writes the group table at row (its header) and returns the
// row after its totals. Money is in £000 but for the per-head figures;
// the totals row sums the groups with formulas, but for the per-head
// figures over all systems, which are not sums.
func summaryGroups(b *book, r analysis.Result, j jsonReport, row int) int {
	const s = sheetSummary
	for i, h := range groupHeads {
		b.bold(s, i+1, row, h)
	}
	first := row + 1
	cash := []string{money.Fixed2(r.Deficit.Received), money.Fixed2(r.Balanced.Received)} // cash received
	for i, g := range []jsonGroup{j.Groups.Deficit, j.Groups.Balanced} {
		row++
		b.text(s, 1, row, []string{"Deficit plans", "Balanced plans"}[i])
		b.number(s, 2, row, strconv.Itoa(g.Systems), numFmtCount, false)
		b.number(s, 3, row, strconv.FormatInt(g.Population, 10), numFmtCount, false)
		for k, v := range []string{g.PlannedDeficit, cash[i], g.PerHead, g.EffectiveGrant, g.GrantPerHead} {
			format := numFmtK
			if k == 2 || k == 4 {
				format = numFmtMoney
			}
			b.number(s, 4+k, row, v, format, false)
		}
	}
	b.bold(s, 1, row+1, "All systems")
	for _, c := range []struct {
		col    int
		format string
	}{{2, numFmtCount}, {3, numFmtCount}, {4, numFmtK}, {5, numFmtK}, {7, numFmtK}} {
		b.sum(s, c.col, first, row, c.format)
	}
	b.number(s, 6, row+1, money.Fixed2(r.FairSharePerHead), numFmtMoney, true)
	b.number(s, 8, row+1, money.Fixed2(r.Totals.GrantPerHead), numFmtMoney, true)
	return row + 2
}

// summaryYears writes the repayments by year in £000 at row, each year's
// total and the column totals as formulas, and returns the row after them.
func summaryYears(b *book, j jsonReport, row int) int {
	const s = sheetSummary
	if len(j.Years) == 0 {
		return row
	}
	b.bold(s, 1, row, "Repayments by year (£000)")
	for i, h := range []string{"Principal", "Interest", "Total"} {
		b.bold(s, 2+i, row, h)
	}
	first := row + 1
	for _, y := range j.Years {
		row++
		b.text(s, 1, row, y.Year)
		b.number(s, 2, row, y.Principal, numFmtK, false)
		b.number(s, 3, row, y.Interest, numFmtK, false)
		b.formula(s, 4, row, cell(2, row)+"+"+cell(3, row), numFmtK, false)
	}
	b.bold(s, 1, row+1, "Total")
	for col := 2; col <= 4; col++ {
		b.sum(s, col, first, row, numFmtK)
	}
	return row + 2
}

// summaryChart draws cash and effective grant per head by group as a
// native column chart beside the tables, from the group table at head.
func summaryChart(b *book, head int) {
	ref := func(col, from, to int) string {
		return "'" + sheetSummary + "'!$" + colName(col) + "$" + strconv.Itoa(from) + ":$" + colName(col) + "$" + strconv.Itoa(to)
	}
	series := func(col int, colour string) xlsxw.Series {
		return xlsxw.Series{
			Name:       "'" + sheetSummary + "'!$" + colName(col) + "$" + strconv.Itoa(head),
			Categories: ref(1, head+1, head+2),
			Values:     ref(col, head+1, head+2),
			Colour:     colour,
		}
	}
	b.sheet(sheetSummary).AddChart(xlsxw.Chart{
		Title:  "Cash and effective grant per head, by group (£)",
		Series: []xlsxw.Series{series(6, "005EB8"), series(8, "41B6E6")},
		NumFmt: `£#,##0.00`,
		Col:    10, Row: 3, // J3
		Width: 560, Height: 320,
	})
}
