package money

import "github.com/shopspring/decimal"

// Ratio is an exact quotient Num/Den, kept unevaluated so that a figure such as
// a present value can be rounded once, from its exact value.
type Ratio struct {
	Num, Den decimal.Decimal
}

// R returns the ratio num/den.
func R(num, den decimal.Decimal) Ratio { return Ratio{Num: num, Den: den} }

// Round returns the ratio rounded half away from zero to places decimals
// (negative places round to tens, hundreds, ...). A zero denominator gives zero.
func (r Ratio) Round(places int32) decimal.Decimal {
	if r.Den.IsZero() {
		return decimal.Zero
	}
	return r.Num.DivRound(r.Den, places)
}

// Cmp compares two ratios with positive denominators exactly.
func (r Ratio) Cmp(o Ratio) int { return r.Num.Mul(o.Den).Cmp(o.Num.Mul(r.Den)) }

// Percent shows the ratio as a percentage rounded once, half away from zero,
// to places decimals: R(1, 3).Percent(2) is "33.33%". A zero denominator
// shows "0%" with the same decimals.
func (r Ratio) Percent(places int32) string {
	return R(r.Num.Shift(2), r.Den).Round(places).StringFixed(places) + "%"
}
