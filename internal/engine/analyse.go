package engine

import (
	"context"
	"errors"
	"fmt"

	"icsplan/internal/analysis"
	"icsplan/internal/funding"
	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

var (
	zero = decimal.Zero
	one  = decimal.NewFromInt(1)
)

// perHead is amount ÷ population, the exact quotient rounded once to pence
// (0 for no population).
func perHead(amount decimal.Decimal, pop int64) decimal.Decimal {
	if pop <= 0 {
		return zero
	}
	return amount.DivRound(decimal.NewFromInt(pop), 2)
}

// deficitOf is −min(0, plan): the planned deficit as a positive figure.
func deficitOf(p decimal.Decimal) decimal.Decimal {
	if p.IsNegative() {
		return p.Neg()
	}
	return zero
}

// groupOf puts a plan in a group: a deficit plan is below −threshold.
func groupOf(p, threshold decimal.Decimal) analysis.Group {
	if p.LessThan(threshold.Neg()) {
		return analysis.Deficit
	}
	return analysis.Balanced
}

// analyse runs the stages in turn, looking at ctx between them.
func analyse(ctx context.Context, ds plan.Dataset, sc plan.Scenario) (analysis.Result, error) {
	if err := ctx.Err(); err != nil {
		return analysis.Result{}, err
	}
	j, err := newJob(ds, sc)
	if err != nil {
		return analysis.Result{}, err
	}
	res, err := j.systems()
	if err != nil {
		return analysis.Result{}, err
	}
	headline(&res)
	if err := ctx.Err(); err != nil {
		return analysis.Result{}, err
	}
	if err := j.prudence(ctx, &res); err != nil {
		return analysis.Result{}, err
	}
	if res.Sensitivity, err = j.sensitivity(ctx, res.Systems); err != nil {
		return analysis.Result{}, err
	}
	res.Outturn = outturns(res.Systems)
	res.Verdict = analysis.VerdictOf(res.Deficit, res.Balanced)
	res.Caveats = analysis.CaveatsOf(&res)
	return res, nil
}

// newJob shares the pot and checks the repayment terms once, even if nobody
// receives anything.
func newJob(ds plan.Dataset, sc plan.Scenario) (*job, error) {
	if sc.HasTerms() || sc.PotDeficits || (sc.Repayment != nil && sc.Repayment.IsPDC()) {
		return nil, errors.New("this scenario has tranches, consequences, pot = \"deficits\" or a PDC schedule, which this build reads but cannot yet compute")
	}
	alloc, err := funding.Allocate(ds.Systems, sc)
	if err != nil {
		return nil, err
	}
	if _, err := funding.Schedule(zero, ds.Year, sc.Repayment, alloc.Unit); err != nil {
		return nil, err
	}
	return &job{ds: ds, sc: sc, alloc: alloc, sched: make([][]funding.Instalment, len(ds.Systems))}, nil
}

// systems works out each system's figures (allocation, fair share,
// repayments, value) and sums them into the totals, the groups and the
// years, in file order.
func (j *job) systems() (analysis.Result, error) {
	ds, sc := j.ds, j.sc
	n := len(ds.Systems)
	res := analysis.Result{
		Dataset:    analysis.DatasetInfo{Year: ds.Year, Path: ds.Path, Systems: n, Illustrative: ds.Illustrative()},
		Scenario:   sc,
		Systems:    make([]analysis.SystemResult, n),
		Allocation: allocationOf(j.alloc),
	}
	fair, err := fairShares(ds.Systems, j.alloc.Allocated, j.alloc.Unit)
	if err != nil {
		return analysis.Result{}, err
	}
	t := newTally(sc.Pot, j.alloc)
	for i, s := range ds.Systems {
		sr, err := j.system(i, s, fair[i])
		if err != nil {
			return analysis.Result{}, err
		}
		t.add(sr, j.sched[i])
		res.Systems[i] = sr
	}
	t.into(&res)
	return res, nil
}

// system is system i's own figures; it keeps the full schedule in j.sched.
func (j *job) system(i int, s plan.System, fair decimal.Decimal) (analysis.SystemResult, error) {
	sc := j.sc
	sh := j.alloc.Shares[i]
	a := sh.Amount
	sr := analysis.SystemResult{System: s, Group: groupOf(s.Plan, sc.Assumptions.BalancedThreshold),
		Eligible: sh.Eligible, Allocation: a, PerHead: perHead(a, s.Population), FairShare: fair,
		Transfer: a.Sub(fair), Share: shareOf(sh), PenaltyPlan: zero}
	if a.IsPositive() && sc.Repayment != nil {
		in, err := funding.Schedule(a, j.ds.Year, sc.Repayment, j.alloc.Unit)
		if err != nil {
			return analysis.SystemResult{}, fmt.Errorf("system %s: %w", s.Code, err)
		}
		j.sched[i] = in
		for _, x := range in {
			if !x.Principal.IsZero() || !x.Interest.IsZero() {
				sr.Repayments = append(sr.Repayments, instalmentOf(x))
			}
		}
	}
	v := funding.Valuate(a, j.sched[i], sc.Assumptions.DiscountRate, sc.Assumptions.WriteOff)
	sr.Value = valueOf(v)
	sr.PVRepayments = v.PV
	sr.EffectiveGrant = v.EffectiveGrant
	sr.GrantElement = v.GrantElement
	return sr, nil
}

// tally sums the rounded per-system figures, so that tables foot.
type tally struct {
	tot      analysis.Totals
	def, bal analysis.GroupResult
	years    []analysis.YearTotal // every year index up to the latest with something due
}

func newTally(pot decimal.Decimal, alloc funding.Allocation) *tally {
	return &tally{
		tot: analysis.Totals{Pot: pot, Allocated: alloc.Allocated, Unallocated: alloc.Unallocated,
			Repayments: zero, PVRepayments: zero, EffectiveGrant: zero, GrantElement: zero},
		def: analysis.GroupResult{Group: analysis.Deficit, PlannedDeficit: zero, Allocation: zero, EffectiveGrant: zero},
		bal: analysis.GroupResult{Group: analysis.Balanced, PlannedDeficit: zero, Allocation: zero, EffectiveGrant: zero},
	}
}

// add counts one system, whose full schedule (every year) is sched.
func (t *tally) add(sr analysis.SystemResult, sched []funding.Instalment) {
	for k, x := range sched {
		if x.Principal.IsZero() && x.Interest.IsZero() {
			continue
		}
		t.tot.Repayments = t.tot.Repayments.Add(x.Total())
		for len(t.years) <= k {
			t.years = append(t.years, analysis.YearTotal{Year: sched[len(t.years)].Year, Principal: zero, Interest: zero})
		}
		t.years[k].Principal = t.years[k].Principal.Add(x.Principal)
		t.years[k].Interest = t.years[k].Interest.Add(x.Interest)
	}
	t.tot.PVRepayments = t.tot.PVRepayments.Add(sr.PVRepayments)
	t.tot.EffectiveGrant = t.tot.EffectiveGrant.Add(sr.EffectiveGrant)
	g := &t.bal
	if sr.Group == analysis.Deficit {
		g = &t.def
	}
	g.Systems++
	g.Population += sr.Population
	g.PlannedDeficit = g.PlannedDeficit.Add(deficitOf(sr.Plan))
	g.Allocation = g.Allocation.Add(sr.Allocation)
	g.EffectiveGrant = g.EffectiveGrant.Add(sr.EffectiveGrant)
}

// into writes the sums to res: the years with something due, the totals
// with their grant element, and the groups with their per-head figures.
func (t *tally) into(res *analysis.Result) {
	for _, y := range t.years {
		if !y.Principal.IsZero() || !y.Interest.IsZero() {
			res.Years = append(res.Years, y)
		}
	}
	if !t.tot.Allocated.IsZero() {
		t.tot.GrantElement = t.tot.EffectiveGrant.DivRound(t.tot.Allocated, 4)
	}
	res.Totals = t.tot
	for _, g := range []*analysis.GroupResult{&t.def, &t.bal} {
		g.PerHead = perHead(g.Allocation, g.Population)
		g.GrantPerHead = perHead(g.EffectiveGrant, g.Population)
	}
	res.Deficit, res.Balanced = t.def, t.bal
}

// headline derives the figures that compare the groups: the net transfer to
// the deficit group, the fair share and effective grant per head over
// everyone, and the price of a deficit.
func headline(res *analysis.Result) {
	net := zero
	for _, sr := range res.Systems {
		if sr.Group == analysis.Deficit {
			net = net.Add(sr.Transfer)
		}
	}
	res.NetTransferToDeficit = net
	everyone := res.Deficit.Population + res.Balanced.Population
	res.FairSharePerHead = perHead(res.Totals.Allocated, everyone)
	res.Totals.GrantPerHead = perHead(res.Totals.EffectiveGrant, everyone)
	res.PriceOfDeficit = zero
	if res.Deficit.PlannedDeficit.IsPositive() {
		res.HasPrice = true
		res.PriceOfDeficit = res.Deficit.EffectiveGrant.DivRound(res.Deficit.PlannedDeficit, 4)
	}
}

// fairShares apportions the allocated total over all systems by weighted
// population (keys: codes), in whole units.
func fairShares(systems []plan.System, total, unit decimal.Decimal) ([]decimal.Decimal, error) {
	out := make([]decimal.Decimal, len(systems))
	if total.IsZero() {
		for i := range out {
			out[i] = zero
		}
		return out, nil
	}
	ws := make([]decimal.Decimal, len(systems))
	keys := make([]string, len(systems))
	for i, s := range systems {
		ws[i] = s.WeightedPopulation
		keys[i] = s.Code
	}
	out, err := money.Apportion(total, ws, unit, keys)
	if err != nil {
		return nil, fmt.Errorf("analysis: fair shares: %w", err)
	}
	return out, nil
}

// outturns sums plan and outturn per group over systems with a known outturn.
func outturns(systems []analysis.SystemResult) []analysis.Outturn {
	var out []analysis.Outturn
	for _, g := range []analysis.Group{analysis.Deficit, analysis.Balanced} {
		o := analysis.Outturn{Group: g, Plan: zero, Outturn: zero}
		for _, s := range systems {
			if s.Group != g || !s.Outturn.Known {
				continue
			}
			o.Systems++
			o.Plan = o.Plan.Add(s.Plan)
			o.Outturn = o.Outturn.Add(s.Outturn.Value)
		}
		if o.Systems > 0 {
			out = append(out, o)
		}
	}
	return out
}
