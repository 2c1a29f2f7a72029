package tui

import (
	"fmt"

	"icsplan/internal/analysis"
)

// prudence is step 7: the penalty, and the rerun behind it (the page's
// trace) laid out as the as-run figures are, so that it can be checked
// the same way: the median it plans like, the plan assumed, the cash it
// would have received, its instalments and their PV, its effective grant.
func (d *doc) prudence(r *analysis.Result, sys *analysis.SystemResult, p *systemPage) {
	if sys.PrudencePenalty == nil {
		if sys.Group == analysis.Balanced {
			d.para("No system planned a deficit, so there is no deficit plan to compare with and no penalty.")
		} else {
			d.para("Only balanced systems have a prudence penalty.")
		}
		return
	}
	d.para(fmt.Sprintf("Had it planned like the deficit group — a deficit of %s — its effective grant would have been %s higher. The rerun:",
		fp(sys.PenaltyPlan.Abs()), fp(*sys.PrudencePenalty)))
	if p.traceErr != nil {
		d.para("(The rerun's steps are not available: " + safe(firstLine(p.traceErr.Error())) + ".)")
		return
	}
	t := &p.trace
	d.medianPlan(r, sys, t)
	d.rerunShare(r, t)
	if t.Received.Equal(t.Allocation) || t.Received.IsZero() && len(r.Scenario.Tranches) == 0 {
		d.para(fmt.Sprintf("Cash it would have received: %s.", fp(t.Allocation)))
	} else {
		d.para(fmt.Sprintf("Allocation %s; cash it would have received through the tranches: %s.", fp(t.Allocation), fp(t.Received)))
	}
	switch {
	case r.Scenario.Repayment == nil:
		d.para("A grant: nothing is repaid.")
	case len(t.Repayments) == 0:
		d.para("Nothing would be due back.")
	default:
		d.instalments(t.Repayments)
		d.para(fmt.Sprintf("PV of those repayments, summed exactly and rounded once: %s.", fp(t.Value.PV)))
	}
	d.grant("G in the rerun", r.Scenario, t.Allocation, t.Value.PV, t.Value.EffectiveGrant)
	d.para(fmt.Sprintf("Penalty = G in the rerun − G as planned = %s − %s = %s.",
		fp(t.Value.EffectiveGrant), fp(t.AsRun), fp(t.Penalty)))
}

// medianPlan says where the assumed plan comes from: the median deficit
// per head (one system's, or the mean of two) times its population,
// rounded to £1000.
func (d *doc) medianPlan(r *analysis.Result, sys *analysis.SystemResult, t *analysis.PrudenceTrace) {
	per := func(i int) string {
		if i < 0 || i >= len(r.Systems) {
			return "?"
		}
		s := &r.Systems[i]
		return fmt.Sprintf("%s's %s ÷ %s people", safe(s.Code), fp(s.Plan.Abs()), count(s.Population))
	}
	var median string
	switch len(t.MedianOf) {
	case 1:
		median = "the median deficit per head of the deficit group is " + per(t.MedianOf[0])
	case 2:
		median = "the median deficit per head of the deficit group is the mean of " + per(t.MedianOf[0]) + " and " + per(t.MedianOf[1])
	default:
		median = "the median deficit per head of the deficit group"
	}
	d.para(fmt.Sprintf("Plan: %s (£%s a head), × its %s people = %s, to £1000: a deficit of %s.",
		median, t.Median.Round(6).String(), count(sys.Population), fp(t.ExactPlan.Round(2)), fp(t.Plan.Abs())))
}

// rerunShare says how the rerun reached its allocation, as step 4 does for
// the scenario as run.
func (d *doc) rerunShare(r *analysis.Result, t *analysis.PrudenceTrace) {
	describeShare(d, r.Scenario, t.Share, shareWords{
		ineligible: "With that plan it would still not be eligible, so it would receive nothing.",
		shared:     "Everything else unchanged, the pot is shared again", receives: "would receive",
	})
}
