package engine

import (
	"math/bits"

	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// penaltyPlanner is penaltyPlan for one median m, in machine integers when
// m is num/den with both whole numbers below 2^52 once scaled by one power
// of ten: −round(num·pop ÷ (den·1000))·1000, the quotient rounded half away
// from zero from the exact 128-bit product.
type penaltyPlanner struct {
	m        money.Ratio
	num, den uint64 // den·1000 here
	ok       bool
}

// newPenaltyPlanner prepares the plans for median m.
func newPenaltyPlanner(m money.Ratio) penaltyPlanner {
	pp := penaltyPlanner{m: m}
	if m.Num.IsNegative() || !m.Den.IsPositive() {
		return pp
	}
	s := -min(m.Num.Exponent(), m.Den.Exponent(), 0)
	n, ok1 := uint52(m.Num.Shift(s))
	d, ok2 := uint52(m.Den.Shift(s))
	pp.num, pp.den, pp.ok = n, d*1000, ok1 && ok2 && d > 0
	return pp
}

// uint52 is d as a whole number below 2^52.
func uint52(d decimal.Decimal) (uint64, bool) {
	if !d.IsInteger() || d.IsNegative() || d.NumDigits() > 15 || d.IntPart() >= 1<<52 {
		return 0, false
	}
	return uint64(d.IntPart()), true
}

// plan is penaltyPlan(m, pop).
func (pp *penaltyPlanner) plan(pop int64) decimal.Decimal {
	if !pp.ok || pop < 0 || pop >= 1<<52 {
		return penaltyPlan(pp.m, pop)
	}
	// round(x/D) half away from zero, x ≥ 0: floor((2x + D) / 2D); 2x < 2^105.
	hi, lo := bits.Mul64(pp.num, uint64(pop))
	hi, lo = hi<<1|lo>>63, lo<<1
	lo, c := bits.Add64(lo, pp.den, 0)
	hi += c
	d2 := 2 * pp.den // below 2^63
	if hi >= d2 {
		return penaltyPlan(pp.m, pop)
	}
	q, _ := bits.Div64(hi, lo, d2)
	if q >= 1<<52 {
		return penaltyPlan(pp.m, pop)
	}
	if q == 0 {
		return zero
	}
	return decimal.New(-int64(q)*1000, 0)
}
