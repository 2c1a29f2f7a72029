package funding

import (
	"fmt"

	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// Applied is one consequence as it falls on one system.
type Applied struct {
	Index  int             // the consequence's place in the scenario's list, from 0
	Year   string          // financial year it falls in
	T      int             // years after the plans' year
	Base   decimal.Decimal // the base figure: overspend, improvement, cash received or planned deficit, >= 0
	Amount decimal.Decimal // rate × base, rounded half away from zero to the allocation unit
}

// Signed is the amount as it moves the system's money: positive for a
// bonus, negative for a deduction.
func (a Applied) Signed(c plan.Consequence) decimal.Decimal {
	if c.Kind == plan.Deduction {
		return a.Amount.Neg()
	}
	return a.Amount
}

// Consequences works out each of the scenario's consequences for system s,
// which received received from the pot, in the scenario's order: the base
// (overspend max(0, plan − outturn), improvement max(0, outturn − plan),
// the cash received, or the planned deficit max(0, −plan)), times the rate,
// rounded half away from zero to the allocation unit. A consequence for
// the other group of planners (deficit: plan < −balanced_threshold) does
// not apply. One whose base needs an outturn that is blank is not applied
// and is counted in unapplied; applied ones whose amount is 0 are left out.
// Year indices count from planYear; a consequence before it is an error.
func Consequences(s plan.System, received decimal.Decimal, sc plan.Scenario, planYear string) (applied []Applied, unapplied int, err error) {
	if len(sc.Consequences) == 0 {
		return nil, 0, nil
	}
	y0, err := startYear(planYear)
	if err != nil {
		return nil, 0, err
	}
	deficitPlanner := s.Plan.LessThan(sc.Assumptions.BalancedThreshold.Neg())
	u := sc.Allocation.Unit
	for k, c := range sc.Consequences {
		if (c.Group == plan.AppliesDeficit && !deficitPlanner) || (c.Group == plan.AppliesBalanced && deficitPlanner) {
			continue
		}
		y, err := startYear(c.Year)
		if err != nil {
			return nil, 0, fmt.Errorf("funding: consequence %d: %w", k+1, err)
		}
		if y < y0 {
			return nil, 0, fmt.Errorf("funding: consequence %d falls in %s, before the plans' year %s", k+1, c.Year, planYear)
		}
		base, ok := baseOf(s, received, c.Base)
		if !ok {
			unapplied++
			continue
		}
		amount := c.Rate.Mul(base).DivRound(u, 0).Mul(u)
		if amount.IsZero() {
			continue
		}
		applied = append(applied, Applied{Index: k, Year: yearLabel(y), T: y - y0, Base: base, Amount: amount})
	}
	return applied, unapplied, nil
}

// baseOf is system s's figure for a consequence's base; ok is false when
// the base needs an outturn and it is blank.
func baseOf(s plan.System, received decimal.Decimal, b plan.ConsequenceBase) (decimal.Decimal, bool) {
	nonNeg := func(d decimal.Decimal) decimal.Decimal {
		if d.IsNegative() {
			return zero
		}
		return d
	}
	switch b {
	case plan.BaseOverspend, plan.BaseImprovement:
		if !s.Outturn.Known {
			return zero, false
		}
		if b == plan.BaseOverspend {
			return nonNeg(s.Plan.Sub(s.Outturn.Value)), true
		}
		return nonNeg(s.Outturn.Value.Sub(s.Plan)), true
	case plan.BaseReceived:
		return received, true
	default:
		return nonNeg(s.Plan.Neg()), true
	}
}
