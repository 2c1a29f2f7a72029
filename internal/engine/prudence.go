package engine

import (
	"cmp"
	"context"
	"math/bits"
	"slices"

	"icsplan/internal/analysis"
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

var thousand = decimal.NewFromInt(1000)

// medianDeficitPerHead is the median over the deficit group of planned
// deficit ÷ population, exact: the middle ratio for an odd count, the mean
// of the middle two for an even count. ok is false when the group is empty.
func medianDeficitPerHead(systems []analysis.SystemResult) (money.Ratio, bool) {
	var rs []money.Ratio
	for _, s := range systems {
		if s.Group == analysis.Deficit && s.Population > 0 {
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
	rs = sortRatios(rs)
	m := len(rs) / 2
	if len(rs)%2 == 1 {
		return rs[m], true
	}
	a, b := rs[m-1], rs[m]
	return money.R(a.Num.Mul(b.Den).Add(b.Num.Mul(a.Den)), a.Den.Mul(b.Den).Mul(decimal.NewFromInt(2))), true
}

// sortRatios returns a sorted copy of rs (non-negative, positive
// denominators). When every numerator is a whole number of pence and every
// denominator a whole number, both below 2^62, it compares in 128-bit
// integers; otherwise it compares decimals.
func sortRatios(rs []money.Ratio) []money.Ratio {
	type key struct {
		num, den uint64
		i        int
	}
	keys := make([]key, len(rs))
	fits := true
	for i, r := range rs {
		n, d := r.Num.Shift(2), r.Den
		if !n.IsInteger() || !d.IsInteger() || n.IsNegative() || !d.IsPositive() {
			fits = false
			break
		}
		nb, db := n.BigInt(), d.BigInt()
		if nb.BitLen() > 62 || db.BitLen() > 62 {
			fits = false
			break
		}
		keys[i] = key{nb.Uint64(), db.Uint64(), i}
	}
	out := make([]money.Ratio, len(rs))
	if !fits {
		copy(out, rs)
		slices.SortStableFunc(out, func(a, b money.Ratio) int { return a.Cmp(b) })
		return out
	}
	slices.SortFunc(keys, func(a, b key) int {
		ah, al := bits.Mul64(a.num, b.den)
		bh, bl := bits.Mul64(b.num, a.den)
		switch {
		case ah != bh:
			return cmp.Compare(ah, bh)
		case al != bl:
			return cmp.Compare(al, bl)
		}
		return cmp.Compare(a.i, b.i)
	})
	for k, kk := range keys {
		out[k] = rs[kk.i]
	}
	return out
}

// penaltyPlan is the deficit plan a balanced system of population pop is
// assumed to set in the prudence rerun: −(median × pop), rounded half away
// from zero to £1000.
func penaltyPlan(m money.Ratio, pop int64) decimal.Decimal {
	return m.Num.Mul(decimal.NewFromInt(pop)).DivRound(m.Den.Mul(thousand), 0).Mul(thousand).Neg()
}

// prudence sets each balanced system's prudence penalty: what its effective
// grant would have gained had it planned a deficit like the deficit group's
// median per head (the scenario rerun with only its plan changed). Each
// rerun is the engine's exact rerun path (reruns: funding.Rerun for j's
// allocation, AmountPot when the pot is the deficits, then j's own
// tranches, schedule and consequences on its new plan; a full rerun when
// forfeits are redistributed). They run on every processor; each result is
// written to its own system's slot, so the output does not depend on
// scheduling. It stops with ctx.Err() when ctx is done.
func (e *job) prudence(ctx context.Context, res *analysis.Result) error {
	m, ok := medianDeficitPerHead(res.Systems)
	if !ok {
		return nil
	}
	if e.fast != nil {
		if done, err := e.fastPrudence(ctx, res, m); done || err != nil {
			return err
		}
	}
	rr, err := e.newReruns()
	if err != nil {
		return err
	}
	return e.forBalanced(ctx, res, m, rr.value)
}

// forBalanced computes, for each balanced system j, its assumed plan and its
// value in the rerun (in parallel), and records plan, penalty and the
// rerun's exact grant.
func (e *job) forBalanced(ctx context.Context, res *analysis.Result, m money.Ratio, value func(j int, pp decimal.Decimal) (grantValue, error)) error {
	var todo []int
	for j := range res.Systems {
		if res.Systems[j].Group == analysis.Balanced {
			todo = append(todo, j)
		}
	}
	plans := make([]decimal.Decimal, len(todo))
	values := make([]grantValue, len(todo))
	errs := make([]error, len(todo))
	pp := newPenaltyPlanner(m)
	work := func(k int) {
		j := todo[k]
		plans[k] = pp.plan(res.Systems[j].Population)
		values[k], errs[k] = value(j, plans[k])
	}
	if err := parallel(ctx, len(todo), len(todo) >= 64, work); err != nil {
		return err
	}
	for k, j := range todo {
		if errs[k] != nil {
			return errs[k]
		}
		s := &res.Systems[j]
		pen := values[k].EffectiveGrant.Sub(s.EffectiveGrant)
		s.PenaltyPlan = plans[k]
		s.PrudencePenalty = &pen
		s.PenaltyGrantExact = values[k].EffectiveGrantExact
	}
	return nil
}

// rerunGrant is system j's effective grant in a full rerun of the scenario
// with its plan set to p (rerunValue).
func (e *job) rerunGrant(j int, p decimal.Decimal) (decimal.Decimal, error) {
	v, err := e.rerunValue(j, p)
	return v.EffectiveGrant, err
}

// naivePenaltyGrant is rerunGrant: the reference the fast path must equal.
func (e *job) naivePenaltyGrant(j int, p decimal.Decimal) (decimal.Decimal, error) {
	return e.rerunGrant(j, p)
}
