package tui

import (
	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// flowCol is one £m column of the table of money by year (Result.Flows):
// its heading and, by year, each figure exact and as shown.
type flowCol struct {
	head  string
	exact []decimal.Decimal // by year
	shown []decimal.Decimal // by year, footed
	total decimal.Decimal   // shown, the column's exact total rounded once
}

// any reports whether the column has a figure that is not zero.
func (c *flowCol) any() bool {
	for _, d := range c.exact {
		if !d.IsZero() {
			return true
		}
	}
	return false
}

// The columns of flowTable, in the order shown: money paid to systems,
// then money back from them, which adds up to what is due.
const (
	colPaid = iota
	colBonuses
	colPrincipal
	colInterest
	colDividends
	colDeductions
	colDue
	numFlowCols
)

// flowTable is the Repayments screen's £m figures under terms (tranches,
// consequences or public dividend capital), from Result.Flows. Down the
// years, each figure (what is paid to systems, the bonuses, the
// repayments, interest, dividends and deductions) foots to its own total,
// the exact total rounded once (DESIGN.md's display rounding). What is due
// back in a year is the sum of its parts as shown, so each year adds up
// across and the column adds up to the sum of the parts' totals; each is
// then within a unit for each part of its exact value. By system: what
// each owes in each year with something due, footed down to the year's
// total; its bonuses and the PV of its repayments or dividends, footed to
// theirs.
type flowTable struct {
	years []string
	cols  [numFlowCols]flowCol
	tied  bool // every per-system column adds up to its total (always, barring a defect)

	rows     []int // systems with something due or a bonus, file order
	dueYears []int // indices into years with something due
	cells    [][]decimal.Decimal
	has      [][]bool // whether row k has something due in dueYears[j]
	bonus    []decimal.Decimal
	bonusT   decimal.Decimal
	pv       []decimal.Decimal
	pvT      decimal.Decimal
}

// termsView reports whether the Repayments screen shows money by year with
// the terms (flowTable) rather than repayments alone (repayTable).
func termsView(sc plan.Scenario) bool {
	return sc.HasTerms() || sc.Repayment != nil && sc.Repayment.IsPDC()
}

// dueParts are the columns that add up to what is due back.
var dueParts = []int{colPrincipal, colInterest, colDividends, colDeductions}

func footFlows(r *analysis.Result) flowTable {
	t := flowTable{tied: true}
	heads := [numFlowCols]string{"Paid out", "Bonuses", "Repaid", "Interest", "Dividends", "Deducted", "Due back"}
	for i := range t.cols {
		t.cols[i] = flowCol{head: heads[i], exact: make([]decimal.Decimal, len(r.Flows))}
	}
	for i, y := range r.Flows {
		t.years = append(t.years, y.Year)
		for c, v := range []decimal.Decimal{y.Paid, y.Bonuses, y.Principal, y.Interest, y.Dividends, y.Deductions, y.Due()} {
			t.cols[c].exact[i] = v
		}
	}
	for c := range colDue {
		t.cols[c].shown, t.cols[c].total = footM(t.cols[c].exact)
	}
	due := &t.cols[colDue]
	due.shown, due.total = make([]decimal.Decimal, len(t.years)), decimal.Zero
	for i := range t.years {
		due.shown[i] = decimal.Zero
		for _, c := range dueParts {
			due.shown[i] = due.shown[i].Add(t.cols[c].shown[i])
		}
	}
	for _, c := range dueParts {
		due.total = due.total.Add(t.cols[c].total)
	}
	t.footSystems(r)
	return t
}

// footSystems foots the per-system part of the table.
func (t *flowTable) footSystems(r *analysis.Result) {
	for i := range r.Systems {
		if s := &r.Systems[i]; len(s.Repayments) > 0 || !s.Deductions.IsZero() || !s.Bonuses.IsZero() {
			t.rows = append(t.rows, i)
		}
	}
	due := &t.cols[colDue]
	for i := range t.years {
		if !due.exact[i].IsZero() {
			t.dueYears = append(t.dueYears, i)
		}
	}
	t.cells, t.has = make([][]decimal.Decimal, len(t.rows)), make([][]bool, len(t.rows))
	for k := range t.rows {
		t.cells[k], t.has[k] = make([]decimal.Decimal, len(t.dueYears)), make([]bool, len(t.dueYears))
	}
	for j, i := range t.dueYears {
		col := make([]decimal.Decimal, len(t.rows))
		for k, s := range t.rows {
			col[k], t.has[k][j] = owed(&r.Systems[s], t.years[i])
		}
		shown, ok := footMTo(col, due.shown[i])
		t.tied = t.tied && ok
		for k := range t.rows {
			t.cells[k][j] = shown[k]
		}
	}
	bonus, pv := make([]decimal.Decimal, len(t.rows)), make([]decimal.Decimal, len(t.rows))
	for k, s := range t.rows {
		bonus[k], pv[k] = r.Systems[s].Bonuses, r.Systems[s].PVRepayments
	}
	t.bonus, t.bonusT = footM(bonus)
	t.pv, t.pvT = footM(pv)
}

// owed is what system s pays back or loses in year: its instalment
// (repayment and interest, or dividend) and its deductions; has is false
// when it has neither that year.
func owed(s *analysis.SystemResult, year string) (d decimal.Decimal, has bool) {
	d = decimal.Zero
	for _, in := range s.Repayments {
		if in.Year == year {
			d, has = d.Add(in.Total()), true
		}
	}
	for _, c := range s.Consequences {
		if c.Kind == plan.Deduction && c.Year == year {
			d, has = d.Add(c.Amount), true
		}
	}
	return d, has
}
