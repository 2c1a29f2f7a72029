package engine

import (
	"fmt"

	"icsplan/internal/analysis"
	"icsplan/internal/funding"
	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// outcome is what the scenario does to one system once its cash received is
// known: the schedule of what it pays back, its consequences, and the flows
// they make, for valuing.
type outcome struct {
	sched     []funding.Instalment // every year t = 1 .. last; nil for a grant or no money
	applied   []funding.Applied
	unapplied int // consequences not applied for want of an outturn
	flows     funding.Flows
}

// outcome schedules repayment (or dividends) on the cash s received (rc),
// applies the consequences and gathers the flows, with year indices from
// the plans' year.
func (e *job) outcome(s plan.System, rc funding.Receipt) (outcome, error) {
	var o outcome
	var err error
	sc := e.sc
	if rc.Received.IsPositive() && sc.Repayment != nil {
		if o.sched, err = funding.Schedule(rc.Received, e.ds.Year, sc.Repayment, sc.Allocation.Unit); err != nil {
			return outcome{}, fmt.Errorf("system %s: %w", s.Code, err)
		}
	}
	if o.applied, o.unapplied, err = funding.Consequences(s, rc.Received, sc, e.ds.Year); err != nil {
		return outcome{}, fmt.Errorf("system %s: %w", s.Code, err)
	}
	var trT []int
	if len(sc.Tranches) > 0 {
		if _, trT, err = funding.TrancheYears(sc, e.ds.Year); err != nil {
			return outcome{}, err
		}
	}
	o.flows = funding.FlowsOf(rc, trT, o.sched, o.applied, sc.Consequences)
	return o, nil
}

// discounted is amount/(1+r)^t, exact, rounded once to pence.
func discounted(amount, r decimal.Decimal, t int) decimal.Decimal {
	pow := one
	base := one.Add(r)
	for range t {
		pow = pow.Mul(base)
	}
	return money.R(amount, pow).Round(2)
}

// terms fills sr's received, withheld and redistributed cash, its tranches
// and its consequences from its receipt rc and outcome o.
func (e *job) terms(sr *analysis.SystemResult, rc funding.Receipt, o outcome) {
	sc := e.sc
	r := sc.Assumptions.DiscountRate
	sr.Received, sr.Withheld, sr.Redistributed = rc.Received, rc.Withheld, rc.Redistributed
	sr.Deductions, sr.Bonuses = zero, zero
	if len(rc.Parts) > 0 {
		years, ts, _ := funding.TrancheYears(sc, e.ds.Year) // checked by Receive
		sr.Tranches = make([]analysis.TrancheResult, len(rc.Parts))
		for k, p := range rc.Parts {
			tr := sc.Tranches[k]
			res := analysis.TrancheResult{Number: k + 1, Paid: years[k], T: ts[k], Share: tr.Share, Condition: tr.Condition,
				Tolerance: tr.Tolerance, Amount: p.Amount, Passed: p.Passed, Known: p.Known, Figure: p.Figure,
				Threshold: p.Threshold, Redistributed: p.Redistributed}
			res.Value = discounted(res.Received(), r, res.T)
			sr.Tranches[k] = res
		}
	}
	for _, a := range o.applied {
		c := sc.Consequences[a.Index]
		cr := analysis.ConsequenceResult{Number: a.Index + 1, Kind: c.Kind, Base: c.Base, BaseAmount: a.Base, Rate: c.Rate,
			Year: a.Year, T: a.T, Probability: c.Probability, Amount: a.Amount,
			Value: discounted(c.Probability.Mul(a.Amount), r, a.T)}
		if c.Kind == plan.Deduction {
			sr.Deductions = sr.Deductions.Add(a.Amount)
		} else {
			sr.Bonuses = sr.Bonuses.Add(a.Amount)
		}
		sr.Consequences = append(sr.Consequences, cr)
	}
}
