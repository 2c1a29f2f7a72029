package analysis

import (
	"fmt"

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
func groupOf(p, threshold decimal.Decimal) Group {
	if p.LessThan(threshold.Neg()) {
		return Deficit
	}
	return Balanced
}

// engine holds what a run of the scenario needs beyond the allocation, so
// that reruns and the sensitivity grid reuse it.
type engine struct {
	ds    plan.Dataset
	sc    plan.Scenario
	alloc funding.Allocation
	sched [][]funding.Instalment // full schedule (every year) per system; nil for no money
}

func analyse(ds plan.Dataset, sc plan.Scenario) (Result, error) {
	alloc, err := funding.Allocate(ds.Systems, sc)
	if err != nil {
		return Result{}, err
	}
	n := len(ds.Systems)
	e := &engine{ds: ds, sc: sc, alloc: alloc, sched: make([][]funding.Instalment, n)}
	// Check the repayment terms once, even if nobody receives anything.
	if _, err := funding.Schedule(zero, ds.Year, sc.Repayment, alloc.Unit); err != nil {
		return Result{}, err
	}
	res := Result{
		Dataset:    DatasetInfo{Year: ds.Year, Path: ds.Path, Systems: n, Illustrative: ds.Illustrative()},
		Scenario:   sc,
		Systems:    make([]SystemResult, n),
		Allocation: alloc,
	}
	r, w := sc.Assumptions.DiscountRate, sc.Assumptions.WriteOff
	thr := sc.Assumptions.BalancedThreshold

	fair, err := fairShares(ds.Systems, alloc.Allocated, alloc.Unit)
	if err != nil {
		return Result{}, err
	}
	res.Deficit = GroupResult{Group: Deficit, PlannedDeficit: zero, Allocation: zero, EffectiveGrant: zero}
	res.Balanced = GroupResult{Group: Balanced, PlannedDeficit: zero, Allocation: zero, EffectiveGrant: zero}
	tot := Totals{Pot: sc.Pot, Allocated: alloc.Allocated, Unallocated: alloc.Unallocated,
		Repayments: zero, PVRepayments: zero, EffectiveGrant: zero, GrantElement: zero}
	var years []YearTotal
	for i, s := range ds.Systems {
		sh := alloc.Shares[i]
		a := sh.Amount
		sr := SystemResult{System: s, Group: groupOf(s.Plan, thr), Eligible: sh.Eligible, Allocation: a,
			PerHead: perHead(a, s.Population), FairShare: fair[i], Transfer: a.Sub(fair[i]),
			Share: sh, PenaltyPlan: zero}
		if a.IsPositive() && sc.Repayment != nil {
			in, err := funding.Schedule(a, ds.Year, sc.Repayment, alloc.Unit)
			if err != nil {
				return Result{}, fmt.Errorf("system %s: %w", s.Code, err)
			}
			e.sched[i] = in
			for k, x := range in {
				if x.Principal.IsZero() && x.Interest.IsZero() {
					continue
				}
				sr.Repayments = append(sr.Repayments, x)
				tot.Repayments = tot.Repayments.Add(x.Total())
				for len(years) <= k {
					years = append(years, YearTotal{Year: in[len(years)].Year, Principal: zero, Interest: zero})
				}
				years[k].Principal = years[k].Principal.Add(x.Principal)
				years[k].Interest = years[k].Interest.Add(x.Interest)
			}
		}
		sr.Value = funding.Valuate(a, e.sched[i], r, w)
		sr.PVRepayments = sr.Value.PV
		sr.EffectiveGrant = sr.Value.EffectiveGrant
		sr.GrantElement = sr.Value.GrantElement
		tot.PVRepayments = tot.PVRepayments.Add(sr.PVRepayments)
		tot.EffectiveGrant = tot.EffectiveGrant.Add(sr.EffectiveGrant)
		g := &res.Balanced
		if sr.Group == Deficit {
			g = &res.Deficit
		}
		g.Systems++
		g.Population += s.Population
		g.PlannedDeficit = g.PlannedDeficit.Add(deficitOf(s.Plan))
		g.Allocation = g.Allocation.Add(a)
		g.EffectiveGrant = g.EffectiveGrant.Add(sr.EffectiveGrant)
		res.Systems[i] = sr
	}
	for _, y := range years {
		if !y.Principal.IsZero() || !y.Interest.IsZero() {
			res.Years = append(res.Years, y)
		}
	}
	if !tot.Allocated.IsZero() {
		tot.GrantElement = tot.EffectiveGrant.DivRound(tot.Allocated, 4)
	}
	res.Totals = tot
	for _, g := range []*GroupResult{&res.Deficit, &res.Balanced} {
		g.PerHead = perHead(g.Allocation, g.Population)
		g.GrantPerHead = perHead(g.EffectiveGrant, g.Population)
	}
	net := zero
	for _, sr := range res.Systems {
		if sr.Group == Deficit {
			net = net.Add(sr.Transfer)
		}
	}
	res.NetTransferToDeficit = net
	res.FairSharePerHead = perHead(tot.Allocated, res.Deficit.Population+res.Balanced.Population)
	res.Totals.GrantPerHead = perHead(tot.EffectiveGrant, res.Deficit.Population+res.Balanced.Population)
	res.PriceOfDeficit = zero
	if res.Deficit.PlannedDeficit.IsPositive() {
		res.HasPrice = true
		res.PriceOfDeficit = res.Deficit.EffectiveGrant.DivRound(res.Deficit.PlannedDeficit, 4)
	}
	if err := e.prudence(&res); err != nil {
		return Result{}, err
	}
	res.Sensitivity = e.sensitivity(res.Systems)
	res.Outturn = outturns(res.Systems)
	res.Verdict = verdict(res.Deficit, res.Balanced)
	res.Caveats = caveats(&res)
	return res, nil
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
func outturns(systems []SystemResult) []Outturn {
	var out []Outturn
	for _, g := range []Group{Deficit, Balanced} {
		o := Outturn{Group: g, Plan: zero, Outturn: zero}
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
