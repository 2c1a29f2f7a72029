package engine

import (
	"fmt"
	"slices"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// PrudenceTrace reruns the scenario for balanced system j (an index into
// ds.Systems) as its prudence penalty does, and returns every step: the
// deficit group's median deficit per head and where it comes from, the
// plan j is assumed to set, the allocation of a full rerun with only that
// plan changed and how it was reached, the cash j would then have received
// through the tranches, j's instalments and their present value, and its
// effective grant (with its consequences, on its new plan) against the one
// it had. Its Penalty is the
// PrudencePenalty Analyse gives j. It is an error for j to be out of range,
// to have planned a deficit, or for no system to have planned one.
func PrudenceTrace(ds plan.Dataset, sc plan.Scenario, j int) (analysis.PrudenceTrace, error) {
	if j < 0 || j >= len(ds.Systems) {
		return analysis.PrudenceTrace{}, fmt.Errorf("prudence trace: no system %d of %d", j, len(ds.Systems))
	}
	sys := ds.Systems[j]
	th := sc.Assumptions.BalancedThreshold
	if groupOf(sys.Plan, th) != analysis.Balanced {
		return analysis.PrudenceTrace{}, fmt.Errorf("prudence trace: %s planned a deficit: only balanced systems have a prudence penalty", sys.Code)
	}
	tr := analysis.PrudenceTrace{System: j}
	var ok bool
	if tr.Median, tr.MedianOf, ok = medianOf(ds.Systems, th); !ok {
		return analysis.PrudenceTrace{}, fmt.Errorf("prudence trace: no system planned a deficit, so there is no median to plan like")
	}
	pop := decimal.NewFromInt(sys.Population)
	tr.ExactPlan = money.R(tr.Median.Num.Mul(pop), tr.Median.Den)
	tr.Plan = penaltyPlan(tr.Median, sys.Population)

	asRun, err := newJob(ds, sc)
	if err != nil {
		return analysis.PrudenceTrace{}, err
	}
	was, err := asRun.outcome(sys, asRun.rec.Systems[j])
	if err != nil {
		return analysis.PrudenceTrace{}, err
	}
	tr.AsRun = was.flows.Grant(sc.Assumptions.DiscountRate, sc.Assumptions.WriteOff)
	changed := ds.WithPlan(j, tr.Plan)
	rerun, err := newJob(changed, sc)
	if err != nil {
		return analysis.PrudenceTrace{}, err
	}
	sh, rc := rerun.alloc.Shares[j], rerun.rec.Systems[j]
	tr.Share, tr.Allocation, tr.Received = shareOf(sh), sh.Amount, rc.Received
	o, err := rerun.outcome(changed.Systems[j], rc)
	if err != nil {
		return analysis.PrudenceTrace{}, fmt.Errorf("prudence trace: %w", err)
	}
	var due []analysis.Instalment
	for _, in := range o.sched {
		if !in.Principal.IsZero() || !in.Interest.IsZero() {
			due = append(due, instalmentOf(in))
		}
	}
	tr.Repayments = analysis.Discount(due, sc.Assumptions.DiscountRate)
	tr.Value = valueOf(o.flows.Value(sc.Assumptions.DiscountRate, sc.Assumptions.WriteOff))
	tr.Penalty = tr.Value.EffectiveGrant.Sub(tr.AsRun)
	return tr, nil
}

// medianOf is the deficit group's median deficit per head, as
// medianDeficitPerHead gives it, and the one or two systems (indices) it
// is taken from.
func medianOf(systems []plan.System, threshold decimal.Decimal) (money.Ratio, []int, bool) {
	type entry struct {
		r money.Ratio
		i int
	}
	var es []entry
	srs := make([]analysis.SystemResult, len(systems))
	for i, s := range systems {
		srs[i] = analysis.SystemResult{System: s, Group: groupOf(s.Plan, threshold)}
		if srs[i].Group == analysis.Deficit && s.Population > 0 {
			es = append(es, entry{money.R(deficitOf(s.Plan), decimal.NewFromInt(s.Population)), i})
		}
	}
	m, ok := medianDeficitPerHead(srs)
	if !ok {
		return money.Ratio{}, nil, false
	}
	slices.SortStableFunc(es, func(a, b entry) int { return a.r.Cmp(b.r) })
	mid := len(es) / 2
	if len(es)%2 == 1 {
		return m, []int{es[mid].i}, true
	}
	return m, []int{es[mid-1].i, es[mid].i}, true
}
