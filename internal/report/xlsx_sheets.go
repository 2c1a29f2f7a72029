package report

import (
	"math"
	"strconv"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/xlsxw"

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

// xlsxSystems writes the Systems and Repayments sheets, a system at a time:
// its figures are made once (as the JSON report makes them, into one
// jsonSystem reused for the next) and written to both.
func xlsxSystems(b *book, r analysis.Result) {
	const s = sheetSystems
	xlsxSystemsHead(b, r)
	b.columns(s, numFmtCount, 5, 6, 21)
	b.columns(s, numFmtMoney, 7, 9, 10, 11, 12, 13, 14, 15, 17, 18)
	b.columns(s, numFmtRatio, 16)
	incentives := len(xlsxHeader) + len(xlsxTermHeads(r)) + 1
	xlsxSystemIncentives(b, r, incentives)
	rp := xlsxRepaymentsHead(b)
	sys, rep := b.sheet(s), b.sheet(sheetRepayments)
	jb := newJSONStream()
	row := 2
	for i, in := range r.Systems {
		sy := jb.next(in, systemIncentive(r, i))
		xlsxSystemRow(sys, row, sy, in.Line)
		if r.Incentives != nil {
			if sy.StrategyGain != nil {
				sys.Number(incentives, row, *sy.StrategyGain, 0)
			}
			if sy.MarginalPrice != nil {
				sys.Number(incentives+1, row, *sy.MarginalPrice, 0)
			}
		}
		for _, p := range sy.Repayments {
			rep.Text(1, rp, sy.Code, 0)
			rep.Text(2, rp, sy.Name, 0)
			rep.Text(3, rp, p.Year, 0)
			rep.Number(4, rp, p.Principal, 0)
			rep.Number(5, rp, p.Interest, 0)
			rep.Number(6, rp, p.Total, 0)
			rp++
		}
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
	xlsxRepaymentsFoot(b, rp)
	b.freeze(s, 1)
	b.width(s, 1, 1, 8)
	b.width(s, 2, 2, 40)
	b.width(s, 3, 3, 24)
	b.width(s, 4, 18, 16)
	b.width(s, 19, 19, 40)
	b.width(s, 20, 21, 12)
}

// xlsxSystemRow writes one system's own columns of the Systems sheet: the
// CSV report's, then where the row came from (line, in the plans file).
// The unstyled numbers take their columns' formats.
func xlsxSystemRow(s *xlsxw.Sheet, row int, sy *jsonSystem, line int) {
	var num [20]byte
	s.Text(1, row, sy.Code, 0)
	s.Text(2, row, sy.Name, 0)
	s.Text(3, row, sy.Region, 0)
	s.Text(4, row, sy.Group, 0)
	s.Number(5, row, string(strconv.AppendInt(num[:0], sy.Population, 10)), 0)
	s.Number(6, row, sy.WeightedPopulation.String(), 0)
	s.Number(7, row, sy.Plan, 0)
	s.Bool(8, row, sy.Eligible, 0)
	for k, v := range [...]string{sy.Allocation, sy.PerHead, sy.FairShare, sy.Transfer, sumFixed2(sy.Repayments),
		sy.PVRepayments, sy.EffectiveGrant, sy.GrantElement} {
		s.Number(9+k, row, v, 0)
	}
	if sy.PrudencePenalty != nil {
		s.Number(17, row, *sy.PrudencePenalty, 0)
		s.Number(18, row, *sy.PenaltyPlan, 0)
	}
	s.Text(19, row, sy.Source, 0)
	s.Bool(20, row, sy.Illustrative, 0)
	s.Number(21, row, string(strconv.AppendInt(num[:0], int64(line), 10)), 0)
}

// xlsxRepaymentsHead writes the Repayments sheet's header row and column
// formats, and returns the row of the first instalment.
func xlsxRepaymentsHead(b *book) int {
	const s = sheetRepayments
	for i, h := range []string{"Code", "Name", "Year", "Principal", "Interest", "Total"} {
		b.bold(s, i+1, 1, h)
	}
	b.columns(s, numFmtMoney, 4, 5, 6)
	return 2
}

// xlsxRepaymentsFoot writes the Repayments sheet's totals under the
// instalments, which end before row, or says that nothing is due back.
func xlsxRepaymentsFoot(b *book, row int) {
	const s = sheetRepayments
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

// sumFixed2 is the sum of the instalments' totals, each a figure to two
// places, to two places: added in whole pence when every figure and the
// sum fit in an int64, else as decimals.
func sumFixed2(ins []jsonInstalment) string {
	var sum int64
	for _, in := range ins {
		p, ok := pence(in.Total)
		if !ok || p > 0 && sum > math.MaxInt64-p || p < 0 && sum < math.MinInt64-p {
			return sumDecimal(ins)
		}
		sum += p
	}
	neg := sum < 0
	if neg {
		sum = -sum
	}
	var buf [24]byte
	b := strconv.AppendInt(buf[:0], sum/100, 10)
	b = append(b, '.', byte('0'+sum%100/10), byte('0'+sum%10))
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

// pence reads a figure to two places, such as -12.05, as whole pence, if
// it has that form and fits in 17 digits.
func pence(s string) (int64, bool) {
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	n := len(s)
	if n < 4 || n > 18 || s[n-3] != '.' {
		return 0, false
	}
	var v int64
	for i := 0; i < n; i++ {
		if i == n-3 {
			continue
		}
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	if neg {
		v = -v
	}
	return v, true
}

// sumDecimal is sumFixed2 for figures too big for whole pence in an int64.
func sumDecimal(ins []jsonInstalment) string {
	due := decimal.Zero
	for _, in := range ins {
		due = due.Add(decimal.RequireFromString(in.Total))
	}
	return money.Fixed2(due)
}
