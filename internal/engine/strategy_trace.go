package engine

import (
	"fmt"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// StrategyTrace reruns the scenario for system j (an index into ds.Systems)
// as its row of the strategy table does, and returns every step of both
// strategies and of its marginal price: the scenario as it ran (its own
// plan), a full rerun with only its plan changed to the other strategy's
// (0 for a deficit planner; for a balanced planner the prudence plan, from
// the deficit group's median deficit per head), and a full rerun at its
// plan less £1,000,000. Each side shows the allocation and how it was
// reached, the cash received, the instalments discounted, the consequences
// and the value. Its Gain and Price are the SystemIncentive's. With no
// deficit planner a balanced system has no deficit strategy: Deficit is
// empty and Gain nil. It is an error for j to be out of range.
func StrategyTrace(ds plan.Dataset, sc plan.Scenario, j int) (analysis.StrategyTrace, error) {
	if j < 0 || j >= len(ds.Systems) {
		return analysis.StrategyTrace{}, fmt.Errorf("strategy trace: no system %d of %d", j, len(ds.Systems))
	}
	sys := ds.Systems[j]
	th := sc.Assumptions.BalancedThreshold
	tr := analysis.StrategyTrace{System: j, Group: groupOf(sys.Plan, th)}
	own, err := rerunTrace(ds, sc, j, sys.Plan, analysis.RerunOwn)
	if err != nil {
		return analysis.StrategyTrace{}, err
	}
	tr.AsRun = own.Value
	if tr.Marginal, err = rerunTrace(ds, sc, j, sys.Plan.Sub(analysis.MarginalStep), analysis.RerunMarginal); err != nil {
		return analysis.StrategyTrace{}, err
	}
	tr.Price = priceOf(tr.Marginal.Value.EffectiveGrantExact, own.Value.EffectiveGrantExact).Round(4)
	if tr.Group == analysis.Deficit {
		tr.Deficit = own
		if tr.Balanced, err = rerunTrace(ds, sc, j, zero, analysis.RerunZero); err != nil {
			return analysis.StrategyTrace{}, err
		}
	} else {
		tr.Balanced = own
		m, of, ok := medianOf(ds.Systems, th)
		if !ok {
			return tr, nil
		}
		tr.Median, tr.MedianOf = m, of
		if tr.Deficit, err = rerunTrace(ds, sc, j, penaltyPlan(m, sys.Population), analysis.RerunPrudence); err != nil {
			return analysis.StrategyTrace{}, err
		}
	}
	gain := tr.Deficit.Value.EffectiveGrant.Sub(tr.Balanced.Value.EffectiveGrant)
	tr.Gain = &gain
	return tr, nil
}

// rerunTrace is system j's side of a strategy: the whole scenario run on ds
// with j's plan set to p (for RerunOwn, p is its own plan and this is the
// scenario as it ran), step by step.
func rerunTrace(ds plan.Dataset, sc plan.Scenario, j int, p decimal.Decimal, kind analysis.RerunKind) (analysis.RerunTrace, error) {
	changed := ds
	if kind != analysis.RerunOwn {
		changed = ds.WithPlan(j, p)
	}
	e, err := newJob(changed, sc)
	if err != nil {
		return analysis.RerunTrace{}, err
	}
	s := changed.Systems[j]
	rc := e.rec.Systems[j]
	o, err := e.outcome(s, rc)
	if err != nil {
		return analysis.RerunTrace{}, fmt.Errorf("strategy trace: %w", err)
	}
	var due []analysis.Instalment
	for _, in := range o.sched {
		if !in.Principal.IsZero() || !in.Interest.IsZero() {
			due = append(due, instalmentOf(in))
		}
	}
	var sr analysis.SystemResult
	e.terms(&sr, rc, o)
	sh := e.alloc.Shares[j]
	return analysis.RerunTrace{Kind: kind, Plan: p, Group: groupOf(p, sc.Assumptions.BalancedThreshold), Share: shareOf(sh),
		Allocation: sh.Amount, Received: rc.Received, Repayments: analysis.Discount(due, sc.Assumptions.DiscountRate),
		Consequences: sr.Consequences, Value: valueOf(o.flows.Value(sc.Assumptions.DiscountRate, sc.Assumptions.WriteOff))}, nil
}
