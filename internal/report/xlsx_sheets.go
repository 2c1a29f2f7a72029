package report

import (
	"strconv"

	"icsplan/internal/analysis"
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// The pence-exact record: the Systems sheet (a row per system, as the CSV
// report has them, with the source text and the line of the plans file
// each came from) and the Repayments sheet (a row per instalment). Totals
// are SUM formulas over the rows.

// xlsxHeader heads the Systems sheet's columns, which follow the CSV
// report's, then say where each row came from.
var xlsxHeader = []string{
	"Code", "Name", "Region", "Group", "Population", "Weighted population", "Plan", "Eligible",
	"Allocation", "Per head", "Fair share", "Transfer", "Repayments due", "PV of repayments",
	"Effective grant", "Grant element", "Prudence penalty", "Prudence plan", "Source", "Illustrative", "Source line",
}

// xlsxSummed are the Systems sheet's columns with a SUM in the totals row.
var xlsxSummed = []int{5, 7, 9, 11, 12, 13, 14, 15}

// xlsxSystemsHead writes the Systems sheet's header row: its own columns,
// the terms' and the incentives', all before any system's row, so that
// the book gives each row room for all its cells at once.
func xlsxSystemsHead(b *book, r analysis.Result) {
	heads := append(append([]string{}, xlsxHeader...), xlsxTermHeads(r)...)
	if r.Incentives != nil {
		heads = append(heads, "Strategy gain", "Marginal price")
	}
	for i, h := range heads {
		b.bold(sheetSystems, i+1, 1, h)
	}
}

func xlsxSystems(b *book, r analysis.Result, j jsonReport) {
	const s = sheetSystems
	xlsxSystemsHead(b, r)
	b.columns(s, numFmtCount, 5, 6, 21)
	b.columns(s, numFmtMoney, 7, 9, 10, 11, 12, 13, 14, 15, 17, 18)
	b.columns(s, numFmtRatio, 16)
	row := 2
	for i, sy := range j.Systems {
		b.text(s, 1, row, sy.Code)
		b.text(s, 2, row, sy.Name)
		b.text(s, 3, row, sy.Region)
		b.text(s, 4, row, sy.Group)
		b.value(s, 5, row, strconv.FormatInt(sy.Population, 10))
		b.value(s, 6, row, sy.WeightedPopulation.String())
		due := decimal.Zero
		for _, in := range sy.Repayments {
			due = due.Add(decimal.RequireFromString(in.Total))
		}
		for _, c := range []struct {
			col int
			v   string
		}{{7, sy.Plan}, {9, sy.Allocation}, {10, sy.PerHead}, {11, sy.FairShare}, {12, sy.Transfer},
			{13, money.Fixed2(due)}, {14, sy.PVRepayments}, {15, sy.EffectiveGrant}, {16, sy.GrantElement}} {
			b.value(s, c.col, row, c.v)
		}
		b.boolean(s, 8, row, sy.Eligible)
		if sy.PrudencePenalty != nil {
			b.value(s, 17, row, *sy.PrudencePenalty)
			b.value(s, 18, row, *sy.PenaltyPlan)
		}
		b.text(s, 19, row, sy.Source)
		b.boolean(s, 20, row, sy.Illustrative)
		b.value(s, 21, row, strconv.Itoa(r.Systems[i].Line))
		row++
	}
	b.bold(s, 1, row, "Total")
	if last := row - 1; last >= 2 {
		for _, col := range xlsxSummed {
			format := numFmtMoney
			if col == 5 {
				format = numFmtCount
			}
			b.sum(s, col, 2, last, format)
		}
	}
	xlsxSystemTerms(b, r, len(xlsxHeader)+1)
	xlsxSystemIncentives(b, r, j, len(xlsxHeader)+len(xlsxTermHeads(r))+1)
	b.freeze(s, 1)
	b.width(s, 1, 1, 8)
	b.width(s, 2, 2, 40)
	b.width(s, 3, 3, 24)
	b.width(s, 4, 18, 16)
	b.width(s, 19, 19, 40)
	b.width(s, 20, 21, 12)
}

func xlsxRepayments(b *book, j jsonReport) {
	const s = sheetRepayments
	for i, h := range []string{"Code", "Name", "Year", "Principal", "Interest", "Total"} {
		b.bold(s, i+1, 1, h)
	}
	b.columns(s, numFmtMoney, 4, 5, 6)
	row := 2
	for _, sy := range j.Systems {
		for _, r := range sy.Repayments {
			b.text(s, 1, row, sy.Code)
			b.text(s, 2, row, sy.Name)
			b.text(s, 3, row, r.Year)
			b.value(s, 4, row, r.Principal)
			b.value(s, 5, row, r.Interest)
			b.value(s, 6, row, r.Total)
			row++
		}
	}
	if row == 2 {
		b.text(s, 1, row, "Nothing is due back: the money is a grant.")
		row++
	} else {
		for col := 4; col <= 6; col++ {
			b.sum(s, col, 2, row-1, numFmtMoney)
		}
	}
	b.bold(s, 1, row, "Total")
	b.freeze(s, 1)
	b.width(s, 1, 1, 8)
	b.width(s, 2, 2, 40)
	b.width(s, 3, 6, 16)
}
