package report

import (
	"strconv"

	"icsplan/internal/analysis"
)

// The Notes sheet: which sheets are in £000 and which are the pence-exact
// record, how totals are made, the scenario's terms and assumptions, the
// data and the caveats.

// xlsxUnits says which sheet is in which unit; the Notes sheet opens with it.
var xlsxUnits = []string{
	"Summary: the tables are in £000 (number format #,##0,), negatives in brackets; per-head figures in pounds " +
		"and pence. Each cell holds the exact figure in pounds and pence, shown divided by a thousand, so a £000 " +
		"column can differ in its last digit from the sum of the figures it shows. The headline figures are in " +
		"pounds and pence.",
	"Systems and Repayments: the pence-exact record. Every figure is in pounds and pence, rounded once from its " +
		"exact value, as in the JSON and CSV reports.",
	"Totals are SUM formulas over the rows above them (Excel calculates them on opening), so each can be " +
		"traced to its rows. A year's total on the Summary is principal plus interest.",
	"Per head is per person of registered population.",
}

func xlsxNotes(b *book, r analysis.Result, j jsonReport) {
	const s = sheetNotes
	sc := r.Scenario
	row := 1
	b.bold(s, 1, row, "Notes")
	row += 2
	block := func(title string, lines [][2]string) {
		b.bold(s, 1, row, title)
		row++
		for _, l := range lines {
			b.text(s, 1, row, l[0])
			b.text(s, 2, row, l[1])
			row++
		}
		row++
	}
	units := make([][2]string, len(xlsxUnits))
	for i, u := range xlsxUnits {
		units[i] = [2]string{"", u}
	}
	block("Units and totals", units)
	terms := [][2]string{
		{"Title", j.Scenario.Title},
		{"Note", j.Scenario.Note},
		{"Pot", pounds(sc.Pot) + " (" + poundsPence(sc.Pot) + ")" + potWords(sc)},
	}
	if sc.Paid != "" {
		terms = append(terms, [2]string{"Paid", sc.Paid})
	}
	terms = append(terms, [][2]string{
		{"Eligible", describeRule(sc)},
		{"Shared", describeMethod(sc)},
	}...)
	terms = append(terms, xlsxTermNotes(r)...)
	terms = append(terms, [][2]string{
		{"Repayment", describeRepayment(sc)},
		{"Discount rate", pct(sc.Assumptions.DiscountRate)},
		{"Chance the balance is never repaid", pct(sc.Assumptions.WriteOff)},
		{"Deficit plan", "a plan below " + pounds(sc.Assumptions.BalancedThreshold.Neg())},
	}...)
	block("Scenario terms and assumptions", terms)
	block("Data", [][2]string{
		{"Year", j.Dataset.Year},
		{"Plans file", j.Dataset.Path},
		{"Systems", strconv.Itoa(j.Dataset.Systems)},
		{"Illustrative plan figures", strconv.Itoa(j.Dataset.Illustrative) + ": marked TRUE in the Illustrative " +
			"column of the Systems sheet; the Source and Source line columns give each row's source text and " +
			"its line in the plans file"},
		{"Reported rows alone", r.Data.Text},
	})
	if lines := xlsxIncentiveNotes(j); len(lines) > 0 {
		block("Incentives", lines)
	}
	caveats := make([][2]string, len(j.Caveats))
	for i, c := range j.Caveats {
		caveats[i] = [2]string{strconv.Itoa(i + 1), c}
	}
	if len(caveats) == 0 {
		caveats = [][2]string{{"", "None."}}
	}
	block("Caveats", caveats)
	b.width(s, 1, 1, 34)
	b.width(s, 2, 2, 110)
}
