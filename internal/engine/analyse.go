package engine

import (
	"context"
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

// start is the first stage of every analysis: the job, every system's
// figures, the groups and the totals (headline).
func start(ctx context.Context, ds plan.Dataset, sc plan.Scenario) (*job, analysis.Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, analysis.Result{}, err
	}
	j, err := newJob(ds, sc)
	if err != nil {
		return nil, analysis.Result{}, err
	}
	res, err := j.systems()
	if err != nil {
		return nil, analysis.Result{}, err
	}
	headline(&res)
	return j, res, nil
}

// analyse runs the stages in turn, looking at ctx between them; the
// incentive stage only when incentives is true.
func analyse(ctx context.Context, ds plan.Dataset, sc plan.Scenario, incentives bool) (analysis.Result, error) {
	j, res, err := start(ctx, ds, sc)
	if err != nil {
		return analysis.Result{}, err
	}
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
	checkData(&res, ds, sc)
	if incentives {
		if res.Incentives, err = j.incentives(ctx, &res); err != nil {
			return analysis.Result{}, err
		}
	}
	return res, nil
}

// panelAnalyse is what the panel reads of a year: the headline (see
// headlineAnalyse) and the data check, without the prudence reruns, the
// sensitivity grid, the caveats and the incentive stage, which a panel never
// shows. Every figure it sets is the one analyse sets.
func panelAnalyse(ctx context.Context, ds plan.Dataset, sc plan.Scenario) (analysis.Result, error) {
	res, err := headlineAnalyse(ctx, ds, sc)
	if err != nil {
		return analysis.Result{}, err
	}
	checkData(&res, ds, sc)
	res.Caveats = nil // checkData's fitted-rows caveat alone would mislead: the panel has none
	return res, nil
}

// headlineAnalyse is the first stages of analyse: every system's figures,
// the groups, the totals, the outturns and the verdict. It leaves out the
// prudence reruns, the sensitivity grid, the caveats (some of which count
// the grid), the data check and the incentives.
func headlineAnalyse(ctx context.Context, ds plan.Dataset, sc plan.Scenario) (analysis.Result, error) {
	_, res, err := start(ctx, ds, sc)
	if err != nil {
		return analysis.Result{}, err
	}
	res.Outturn = outturns(res.Systems)
	res.Verdict = analysis.VerdictOf(res.Deficit, res.Balanced)
	return res, nil
}

// newJob works out the pot (pot = "deficits" on these plans), shares it,
// checks the repayment terms once even if nobody receives anything, and
// pays each allocation through the tranches.
func newJob(ds plan.Dataset, sc plan.Scenario) (*job, error) {
	sc.Pot = funding.PotFor(ds.Systems, sc)
	alloc, err := funding.Allocate(ds.Systems, sc)
	if err != nil {
		return nil, err
	}
	if _, err := funding.Schedule(zero, ds.Year, sc.Repayment, alloc.Unit); err != nil {
		return nil, err
	}
	rec, err := funding.Receive(ds.Systems, sc, alloc.Amounts(), ds.Year)
	if err != nil {
		return nil, err
	}
	n := len(ds.Systems)
	j := &job{ds: ds, sc: sc, alloc: alloc, rec: rec}
	if u, ok := potUnits(alloc.Allocated, alloc.Unit); ok {
		j.fast = newFastJob(ds, sc, alloc, u)
	}
	if j.fast == nil {
		j.sched, j.flows = make([][]funding.Instalment, n), make([]funding.Flows, n)
	}
	return j, nil
}

// potUnits is a sum of money ÷ unit as a whole number below 2^62.
func potUnits(d, unit decimal.Decimal) (uint64, bool) {
	q, rem := d.QuoRem(unit, 0)
	if !rem.IsZero() || q.IsNegative() || q.NumDigits() > 18 {
		return 0, false
	}
	c := q.IntPart()
	return uint64(c), c < 1<<62
}

// systems works out each system's figures (allocation, cash received, fair
// share, repayments, consequences, value) and sums them into the totals,
// the groups and the years, in file order.
func (j *job) systems() (analysis.Result, error) {
	if j.fast != nil {
		return j.fastSystems()
	}
	ds, sc := j.ds, j.sc
	n := len(ds.Systems)
	res := analysis.Result{
		Dataset:    analysis.DatasetInfo{Year: ds.Year, Path: ds.Path, Systems: n, Illustrative: ds.Illustrative()},
		Scenario:   sc,
		Systems:    make([]analysis.SystemResult, n),
		Allocation: allocationOf(j.alloc),
		Terms:      analysis.TermCounts{UnknownTested: j.rec.UnknownTested},
	}
	received := zero
	for _, rc := range j.rec.Systems {
		received = received.Add(rc.Received)
	}
	fair, err := fairShares(ds.Systems, received, j.alloc.Unit)
	if err != nil {
		return analysis.Result{}, err
	}
	t := newTally(sc.Pot, j.alloc, j.rec)
	t.pdc = sc.Repayment != nil && sc.Repayment.IsPDC()
	for i, s := range ds.Systems {
		sr, unapplied, err := j.system(i, s, fair[i])
		if err != nil {
			return analysis.Result{}, err
		}
		res.Terms.Unapplied += unapplied
		t.add(sr, j.sched[i], j.flows[i])
		res.Systems[i] = sr
	}
	if err := t.into(&res); err != nil {
		return analysis.Result{}, err
	}
	j.flowsMade = true
	res.NetTransferToDeficit = zero
	for _, sr := range res.Systems {
		if sr.Group == analysis.Deficit {
			res.NetTransferToDeficit = res.NetTransferToDeficit.Add(sr.Transfer)
		}
	}
	return res, nil
}

// system is system i's own figures; it keeps the full schedule in j.sched
// and its flows in j.flows. unapplied counts its consequences not applied
// for want of an outturn.
func (j *job) system(i int, s plan.System, fair decimal.Decimal) (sr analysis.SystemResult, unapplied int, err error) {
	sc := j.sc
	sh := j.alloc.Shares[i]
	rc := j.rec.Systems[i]
	o, err := j.outcome(s, rc)
	if err != nil {
		return analysis.SystemResult{}, 0, err
	}
	j.sched[i], j.flows[i] = o.sched, o.flows
	sr = analysis.SystemResult{System: s, Group: groupOf(s.Plan, sc.Assumptions.BalancedThreshold),
		Eligible: sh.Eligible, Allocation: sh.Amount, PerHead: perHead(rc.Received, s.Population), FairShare: fair,
		Transfer: rc.Received.Sub(fair), Share: shareOf(sh), PenaltyPlan: zero}
	for _, x := range o.sched {
		if !x.Principal.IsZero() || !x.Interest.IsZero() {
			sr.Repayments = append(sr.Repayments, instalmentOf(x))
		}
	}
	v := o.flows.Value(sc.Assumptions.DiscountRate, sc.Assumptions.WriteOff)
	sr.Value = valueOf(v)
	sr.PVRepayments = v.PV
	sr.EffectiveGrant = v.EffectiveGrant
	sr.GrantElement = v.GrantElement
	j.terms(&sr, rc, o)
	return sr, o.unapplied, nil
}

// headline derives the figures that compare the groups: the net transfer to
// the deficit group, the fair share and effective grant per head over
// everyone, and the price of a deficit.
func headline(res *analysis.Result) {
	everyone := res.Deficit.Population + res.Balanced.Population
	res.FairSharePerHead = perHead(res.Totals.Received, everyone)
	res.Totals.GrantPerHead = perHead(res.Totals.EffectiveGrant, everyone)
	res.PriceOfDeficit = zero
	if res.Deficit.PlannedDeficit.IsPositive() {
		res.HasPrice = true
		res.PriceOfDeficit = res.Deficit.EffectiveGrant.DivRound(res.Deficit.PlannedDeficit, 4)
	}
}

// fairShares apportions the total cash received over all systems by
// weighted population (keys: codes), in whole units.
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
