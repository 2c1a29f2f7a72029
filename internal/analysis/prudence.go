package analysis

import (
	"slices"

	"icsplan/internal/funding"
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

var thousand = decimal.NewFromInt(1000)

// medianDeficitPerHead is the median over the deficit group of planned
// deficit ÷ population, exact: the middle ratio for an odd count, the mean
// of the middle two for an even count. ok is false when the group is empty.
func medianDeficitPerHead(systems []SystemResult) (money.Ratio, bool) {
	var rs []money.Ratio
	for _, s := range systems {
		if s.Group == Deficit && s.Population > 0 {
			rs = append(rs, money.R(deficitOf(s.Plan), decimal.NewFromInt(s.Population)))
		}
	}
	return median(rs)
}

// median returns the exact median of ratios with positive denominators.
func median(rs []money.Ratio) (money.Ratio, bool) {
	if len(rs) == 0 {
		return money.Ratio{}, false
	}
	rs = slices.Clone(rs)
	slices.SortStableFunc(rs, func(a, b money.Ratio) int { return a.Cmp(b) })
	m := len(rs) / 2
	if len(rs)%2 == 1 {
		return rs[m], true
	}
	a, b := rs[m-1], rs[m]
	return money.R(a.Num.Mul(b.Den).Add(b.Num.Mul(a.Den)), a.Den.Mul(b.Den).Mul(decimal.NewFromInt(2))), true
}

// penaltyPlan is the deficit plan a balanced system of population pop is
// assumed to set in the prudence rerun: −(median × pop), rounded half away
// from zero to £1000.
func penaltyPlan(m money.Ratio, pop int64) decimal.Decimal {
	return m.Num.Mul(decimal.NewFromInt(pop)).DivRound(m.Den.Mul(thousand), 0).Mul(thousand).Neg()
}

// prudence sets each balanced system's prudence penalty: what its effective
// grant would have gained had it planned a deficit like the deficit group's
// median per head (the scenario rerun with only its plan changed).
func (e *engine) prudence(res *Result) error {
	m, ok := medianDeficitPerHead(res.Systems)
	if !ok {
		return nil
	}
	r, w := e.sc.Assumptions.DiscountRate, e.sc.Assumptions.WriteOff
	return e.forBalanced(res, m, func(j int, pp decimal.Decimal) (decimal.Decimal, error) {
		a, err := e.rerunAmount(j, pp)
		if err != nil {
			return zero, err
		}
		in, err := funding.Schedule(a, e.ds.Year, e.sc.Repayment, e.alloc.Unit)
		if err != nil {
			return zero, err
		}
		return funding.Valuate(a, in, r, w).EffectiveGrant, nil
	})
}

// forBalanced computes, for each balanced system j, its assumed plan and
// its effective grant in the rerun, and records plan and penalty.
func (e *engine) forBalanced(res *Result, m money.Ratio, grant func(j int, pp decimal.Decimal) (decimal.Decimal, error)) error {
	for j := range res.Systems {
		s := &res.Systems[j]
		if s.Group != Balanced {
			continue
		}
		pp := penaltyPlan(m, s.Population)
		g, err := grant(j, pp)
		if err != nil {
			return err
		}
		pen := g.Sub(s.EffectiveGrant)
		s.PenaltyPlan = pp
		s.PrudencePenalty = &pen
	}
	return nil
}

// rerunAmount is system j's allocation had its plan been p, everything else
// unchanged.
func (e *engine) rerunAmount(j int, p decimal.Decimal) (decimal.Decimal, error) {
	a, err := funding.Allocate(e.ds.WithPlan(j, p).Systems, e.sc)
	if err != nil {
		return zero, err
	}
	return a.Shares[j].Amount, nil
}
