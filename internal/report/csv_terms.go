package report

import (
	"strconv"

	"icsplan/internal/analysis"

	"github.com/shopspring/decimal"
)

// The terms' columns of the CSV report and the xlsx Systems sheet, after
// the others, when the scenario has tranches or consequences (a report
// without them keeps the columns it always had): each system's cash
// received, withheld and redistributed, its deductions and bonuses at face
// value, then for each tranche whether it was paid and the system's part.
// Money to the penny, as the JSON report has it.

// termHeads are the terms' column headings, in CSV's lower-case style:
// "received", …, "tranche 1 passed", "tranche 1 amount".
func termHeads(r analysis.Result) []string {
	if !r.Scenario.HasTerms() {
		return nil
	}
	h := []string{"received", "withheld", "redistributed", "deductions", "bonuses"}
	for k := range r.Scenario.Tranches {
		h = append(h, "tranche "+itoa(k+1)+" passed", "tranche "+itoa(k+1)+" amount")
	}
	return h
}

// termCells are system s's cells under termHeads: money with two decimals,
// passed as true or false. A system missing a tranche (never, from the
// engine) has empty cells there.
func termCells(r analysis.Result, s analysis.SystemResult) []string {
	return appendTermCells(nil, r, s, &cellBuf{})
}

// appendTermCells appends termCells to row, building the figures in cb.
func appendTermCells(row []string, r analysis.Result, s analysis.SystemResult, cb *cellBuf) []string {
	if !r.Scenario.HasTerms() {
		return row
	}
	for _, d := range []decimal.Decimal{s.Received, s.Withheld, s.Redistributed, s.Deductions, s.Bonuses} {
		cb.fixed(d, 2)
	}
	for k := range r.Scenario.Tranches {
		if k < len(s.Tranches) {
			cb.fixed(s.Tranches[k].Amount, 2)
		}
	}
	var scratch [16]string
	figs := cb.take(scratch[:0])
	row = append(row, figs[:5]...)
	figs = figs[5:]
	for k := range r.Scenario.Tranches {
		if k >= len(s.Tranches) {
			row = append(row, "", "")
			continue
		}
		row = append(row, strconv.FormatBool(s.Tranches[k].Passed), figs[0])
		figs = figs[1:]
	}
	return row
}

// termMoney reports whether term column k (0-based, under termHeads) holds
// money, so that a sheet sums it; the others are a tranche's passed.
func termMoney(k int) bool { return k < 5 || (k-5)%2 == 1 }
