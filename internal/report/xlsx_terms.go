package report

import (
	"icsplan/internal/analysis"
	"icsplan/internal/money"
)

// The terms on the workbook: the Systems sheet's terms columns (as the CSV
// report's, after the others, money totalled by SUM formulas), the
// Summary's headline lines and the Notes sheet's words, when the scenario
// has tranches or consequences.

// xlsxTermHeads are termHeads as the Systems sheet heads its columns.
func xlsxTermHeads(r analysis.Result) []string {
	h := termHeads(r)
	for i, s := range h {
		h[i] = capital(s)
	}
	return h
}

// xlsxSystemTerms writes the terms' columns of the Systems sheet from
// column first on (xlsxSystemsHead heads them): a row per system, and a SUM
// under each money column in the totals row.
func xlsxSystemTerms(b *book, r analysis.Result, first int) {
	const s = sheetSystems
	heads := xlsxTermHeads(r)
	if len(heads) == 0 {
		return
	}
	var summed []int
	for k := range heads {
		if termMoney(k) {
			summed = append(summed, first+k)
		}
	}
	b.columns(s, numFmtMoney, summed...)
	for i, sys := range r.Systems {
		for k, v := range termCells(r, sys) {
			switch {
			case v == "":
			case termMoney(k):
				b.value(s, first+k, i+2, v)
			default:
				b.boolean(s, first+k, i+2, v == "true")
			}
		}
	}
	if last := len(r.Systems) + 1; last >= 2 {
		for _, col := range summed {
			b.sum(s, col, 2, last, numFmtMoney)
		}
	}
	b.width(s, first, first+len(heads)-1, 16)
}

// xlsxTermHeadlines are the Summary's headline lines for the terms, label
// and pence-exact figure: what was received, withheld, shared again, and
// the consequences at face value.
func xlsxTermHeadlines(r analysis.Result, j jsonReport) [][2]string {
	if !r.Scenario.HasTerms() {
		return nil
	}
	return [][2]string{
		{"Received", money.Fixed2(r.Totals.Received)},
		{"Withheld (before any was shared again)", j.Totals.Withheld},
		{"Shared again among systems that passed", j.Totals.Redistributed},
		{"Deductions (at face value)", j.Totals.Deductions},
		{"Bonuses (at face value)", j.Totals.Bonuses},
	}
}

// xlsxTermNotes are the Notes sheet's lines for the tranches and the
// consequences, in words.
func xlsxTermNotes(r analysis.Result) [][2]string {
	sc := r.Scenario
	var out [][2]string
	if len(sc.Tranches) > 0 {
		out = append(out, [2]string{"Tranches", describeTranches(sc, r.Dataset.Year)})
	}
	if len(sc.Consequences) > 0 {
		out = append(out, [2]string{"Consequences", capital(describeConsequences(sc.Consequences)) + "."})
	}
	return out
}
