package engine

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// Exact rational arithmetic for the panel's means and least squares: each
// figure stays an exact fraction until it is reported, and is rounded once.
// The panel sums numerators over one denominator in integers (panel.go);
// these are the powers of ten and the one rounding they share. The
// fraction type that the panel's figures are checked against is in
// rat_ref_test.go.

// pow10 is 10^e, e ≥ 0. The powers up to 10^18 are shared: the caller
// must not write to the result.
func pow10(e int32) *big.Int {
	if int(e) < len(powers) {
		return powers[e]
	}
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil)
}

// powers is 10^0 to 10^18.
var powers = func() []*big.Int {
	p := make([]*big.Int, 19)
	for e := range p {
		p[e] = new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil)
	}
	return p
}()

// roundQuo rounds num/den (den > 0) half away from zero to places decimals.
func roundQuo(num, den *big.Int, places int32) decimal.Decimal {
	n := new(big.Int).Mul(new(big.Int).Abs(num), pow10(places))
	q, r := new(big.Int).QuoRem(n, den, new(big.Int))
	if r.Lsh(r, 1).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if num.Sign() < 0 {
		q.Neg(q)
	}
	return decimal.NewFromBigInt(q, -places)
}
