package engine

import (
	"cmp"
	"context"
	"errors"
	"slices"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/wide"

	"github.com/shopspring/decimal"
)

// marginalStepP is analysis.MarginalStep in pence.
const marginalStepP = 100_000_000

// fastStrategyRows is strategyRows on the integer path; ok is false when a
// rerun left it (the rows are then made again in decimals).
func (e *job) fastStrategyRows(ctx context.Context, res *analysis.Result, rows []analysis.SystemIncentive) (bool, error) {
	rr, err := e.newReruns()
	if err != nil {
		return false, err
	}
	f := e.fast
	if f.priceDen.IsZero() {
		f.priceDen = f.gDen.Mul(analysis.MarginalStep)
	}
	deltas := make([]wide.Int, len(rows))
	errs := make([]error, len(rows))
	work := func(i int) { deltas[i], errs[i] = e.fastStrategyRow(rr, i, &res.Systems[i], &rows[i]) }
	if err := parallel(ctx, len(rows), len(rows) >= 64, work); err != nil {
		return false, err
	}
	for _, err := range errs {
		if errors.Is(err, errNotFast) {
			return false, nil
		} else if err != nil {
			return false, err
		}
	}
	f.deltas = deltas
	return true, nil
}

// fastStrategyRow is system i's row (sr its figures as run) on the integer
// path. It returns the exact price's numerator: the marginal rerun's grant
// numerator less its own.
func (e *job) fastStrategyRow(rr *reruns, i int, sr *analysis.SystemResult, row *analysis.SystemIncentive) (wide.Int, error) {
	f := e.fast
	row.MarginalPlan = pence(f.planP[i] - marginalStepP)
	v, err := rr.fastValue(i, row.MarginalPlan)
	if err != nil {
		return wide.Int{}, err
	}
	delta, ok := v.num.Sub(f.num[i])
	if !ok {
		return wide.Int{}, errNotFast
	}
	price, ok := f.val.Price(delta, marginalStepP/100)
	if !ok {
		return wide.Int{}, errNotFast
	}
	row.MarginalGrant, row.MarginalExact = pence(v.pence), f.exact(v.num)
	row.PriceExact, row.MarginalPrice = f.priceExact(delta), ten4(price)
	own := sr.Value.EffectiveGrantExact
	if sr.Group == analysis.Balanced {
		row.OwnIsBalanced = true
		row.BalancedPlan, row.BalancedGrant, row.BalancedExact = sr.Plan, sr.EffectiveGrant, own
		row.DeficitPlan, row.DeficitGrant, row.DeficitExact = zero, zero, money.R(zero, one)
		if sr.PrudencePenalty != nil {
			gain := *sr.PrudencePenalty
			pen, _ := penceOf(gain) // pence, as fastPrudence made it
			row.DeficitPlan, row.DeficitGrant = sr.PenaltyPlan, pence(f.grant[i]+pen)
			row.DeficitExact, row.Gain = sr.PenaltyGrantExact, &gain
		}
		return delta, nil
	}
	b, err := rr.fastValue(i, zero)
	if err != nil {
		return wide.Int{}, err
	}
	gain := pence(f.grant[i] - b.pence)
	row.BalancedPlan, row.BalancedGrant, row.BalancedExact = zero, pence(b.pence), f.exact(b.num)
	row.DeficitPlan, row.DeficitGrant, row.DeficitExact = sr.Plan, sr.EffectiveGrant, own
	row.Gain = &gain
	return delta, nil
}

// ten4 is v ten-thousandths as a decimal (shared zero for none).
func ten4(v int64) decimal.Decimal {
	if v == 0 {
		return zero
	}
	return decimal.New(v, -4)
}

// priceExact is the exact price of a grant numerator difference delta.
func (f *fastJob) priceExact(delta wide.Int) money.Ratio {
	if delta.Sign() == 0 {
		return money.R(zero, f.priceDen)
	}
	return money.R(f.wideMoney(delta), f.priceDen)
}

// fastMarginal is marginalOf on the integer path: each group's median of
// the exact prices, all over one denominator, from their numerators.
func (e *job) fastMarginal(systems []analysis.SystemResult) (analysis.MarginalPrices, bool) {
	f := e.fast
	var d, b []wide.Int
	for i, s := range systems {
		if s.Group == analysis.Deficit {
			d = append(d, f.deltas[i])
		} else {
			b = append(b, f.deltas[i])
		}
	}
	m := analysis.MarginalPrices{DeficitMedian: zero, BalancedMedian: zero}
	var ok1, ok2 = true, true
	if len(d) > 0 {
		m.DeficitMedian, ok1 = f.medianPrice(d)
		m.HasDeficit = true
	}
	if len(b) > 0 {
		m.BalancedMedian, ok2 = f.medianPrice(b)
		m.HasBalanced = true
	}
	return m, ok1 && ok2
}

// medianPrice is the median of prices with numerators xs (the mean of the
// middle two for an even count), rounded once to 4 places.
func (f *fastJob) medianPrice(xs []wide.Int) (decimal.Decimal, bool) {
	slices.SortFunc(xs, func(a, b wide.Int) int { return cmp.Compare(a.Cmp(b), 0) })
	mid := len(xs) / 2
	if len(xs)%2 == 1 {
		p, ok := f.val.Price(xs[mid], marginalStepP/100)
		return ten4(p), ok
	}
	sum, ok := xs[mid-1].Add(xs[mid])
	if !ok {
		return zero, false
	}
	p, ok := f.val.Price(sum, 2*marginalStepP/100)
	return ten4(p), ok
}
