package tui

import (
	"icsplan/internal/analysis"
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// Footing (DESIGN.md, "Display rounding that foots to the control total"):
// every list of £m figures the screens show with a total — the groups'
// shares of the allocation, the Systems table's columns, the repayments by
// year and by system — is rounded to £0.1m by largest remainder of its
// exact total (money.Foot), so that the figures shown add up to the total
// shown. Per-head figures have no common total and are rounded one by one.

// tenth is £0.1m, the unit money is shown in (fm, fmb).
var tenth = decimal.NewFromInt(100_000)

// footM foots exact pound figures to £0.1m: the rows shown and their
// total, in pounds.
func footM(rows []decimal.Decimal) ([]decimal.Decimal, decimal.Decimal) {
	shown, total := money.FootDecimals(rows, tenth)
	return pounds(shown), total.Mul(tenth)
}

// footMTo foots exact pound figures to £0.1m so that they add up to total
// (pounds, a whole number of £0.1m) when they can (money.FootTo), else as
// footM does; ok says which.
func footMTo(rows []decimal.Decimal, total decimal.Decimal) (shown []decimal.Decimal, ok bool) {
	rs := make([]money.Ratio, len(rows))
	for i, r := range rows {
		rs[i] = money.R(r, decimal.NewFromInt(1))
	}
	units, err := money.FootTo(rs, tenth, total.Div(tenth))
	if err != nil {
		shown, _ = footM(rows)
		return shown, false
	}
	return pounds(units), true
}

// pounds turns figures in units of £0.1m into pounds.
func pounds(units []decimal.Decimal) []decimal.Decimal {
	out := make([]decimal.Decimal, len(units))
	for i, u := range units {
		out[i] = u.Mul(tenth)
	}
	return out
}

// groupSplit is the allocation to the deficit and balanced groups as the
// screens show them: footed to the allocated total, which they add up to.
func groupSplit(r *analysis.Result) (deficit, balanced decimal.Decimal) {
	shown, _ := footM([]decimal.Decimal{r.Deficit.Allocation, r.Balanced.Allocation})
	return shown[0], shown[1]
}

// sysColumns are the Systems table's £m columns, footed over every system
// (file order), and their totals.
type sysColumns struct {
	plan, alloc, transfer    []decimal.Decimal
	planT, allocT, transferT decimal.Decimal
}

func footSystems(r *analysis.Result) sysColumns {
	n := len(r.Systems)
	plan, alloc, transfer := make([]decimal.Decimal, n), make([]decimal.Decimal, n), make([]decimal.Decimal, n)
	for i, s := range r.Systems {
		plan[i], alloc[i], transfer[i] = s.Plan, s.Allocation, s.Transfer
	}
	var c sysColumns
	c.plan, c.planT = footM(plan)
	c.alloc, c.allocT = footM(alloc)
	c.transfer, c.transferT = footM(transfer)
	return c
}

// repayTable is the Repayments screen's £m figures: each year's total due,
// footed to the amount due in all, split into principal and interest that
// add up to it; each system's amount due in each year, footed down the year
// to that year's total; and each system's PV, footed to the PV of all.
type repayTable struct {
	years               []decimal.Decimal // by r.Years
	principal, interest []decimal.Decimal // by r.Years, adding up to years
	due                 decimal.Decimal   // Σ years
	payers              []int             // systems with something due, file order
	cells               [][]decimal.Decimal
	has                 [][]bool // whether payer k has an instalment in year i
	pv                  []decimal.Decimal
	pvT                 decimal.Decimal
	tied                bool // every column adds up to its total (always, barring a defect)
}

func footRepayments(r *analysis.Result) repayTable {
	t := repayTable{payers: payers(r), tied: true}
	totals := make([]decimal.Decimal, len(r.Years))
	for i, y := range r.Years {
		totals[i] = y.Total()
	}
	t.years, t.due = footM(totals)
	for i, y := range r.Years {
		split, ok := footMTo([]decimal.Decimal{y.Principal, y.Interest}, t.years[i])
		t.principal, t.interest = append(t.principal, split[0]), append(t.interest, split[1])
		t.tied = t.tied && ok
	}
	t.cells = make([][]decimal.Decimal, len(t.payers))
	t.has = make([][]bool, len(t.payers))
	for k := range t.payers {
		t.cells[k], t.has[k] = make([]decimal.Decimal, len(r.Years)), make([]bool, len(r.Years))
	}
	for i, y := range r.Years {
		col := make([]decimal.Decimal, len(t.payers))
		for k, j := range t.payers {
			col[k] = decimal.Zero
			for _, in := range r.Systems[j].Repayments {
				if in.Year == y.Year {
					col[k], t.has[k][i] = col[k].Add(in.Total()), true
				}
			}
		}
		shown, ok := footMTo(col, t.years[i])
		t.tied = t.tied && ok
		for k := range t.payers {
			t.cells[k][i] = shown[k]
		}
	}
	pv := make([]decimal.Decimal, len(t.payers))
	for k, j := range t.payers {
		pv[k] = r.Systems[j].PVRepayments
	}
	t.pv, t.pvT = footM(pv)
	return t
}
