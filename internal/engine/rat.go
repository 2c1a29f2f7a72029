package engine

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// Exact rational arithmetic for the panel's means and least squares: each
// figure stays a big.Rat until it is reported, and is rounded once.

// ratOf is d as an exact rational.
func ratOf(d decimal.Decimal) *big.Rat { return d.Rat() }

// ratPerHead is amount ÷ population, exact (0 for no population).
func ratPerHead(amount decimal.Decimal, pop int64) *big.Rat {
	if pop <= 0 {
		return new(big.Rat)
	}
	return new(big.Rat).Quo(ratOf(amount), new(big.Rat).SetInt64(pop))
}

// ratRound rounds x half away from zero to places decimals.
func ratRound(x *big.Rat, places int32) decimal.Decimal {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	num := new(big.Int).Mul(new(big.Int).Abs(x.Num()), scale)
	q, r := new(big.Int).QuoRem(num, x.Denom(), new(big.Int))
	if r.Lsh(r, 1).Cmp(x.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if x.Sign() < 0 {
		q.Neg(q)
	}
	return decimal.NewFromBigInt(q, -places)
}

// ratMean is the exact mean of xs rounded once to places, or nil for none.
func ratMean(sum *big.Rat, n int, places int32) *decimal.Decimal {
	if n == 0 {
		return nil
	}
	d := ratRound(new(big.Rat).Quo(sum, new(big.Rat).SetInt64(int64(n))), places)
	return &d
}

// slope is the exact least-squares slope of ys on xs,
// (n·Σxy − Σx·Σy) ÷ (n·Σx² − (Σx)²), rounded once to places; nil with
// fewer than two points or when every x is the same.
func slope(xs, ys []*big.Rat, places int32) *decimal.Decimal {
	n := len(xs)
	if n < 2 {
		return nil
	}
	sx, sy, sxx, sxy := new(big.Rat), new(big.Rat), new(big.Rat), new(big.Rat)
	t := new(big.Rat)
	for i := range xs {
		sx.Add(sx, xs[i])
		sy.Add(sy, ys[i])
		sxx.Add(sxx, t.Mul(xs[i], xs[i]))
		sxy.Add(sxy, t.Mul(xs[i], ys[i]))
	}
	nr := new(big.Rat).SetInt64(int64(n))
	num := new(big.Rat).Sub(new(big.Rat).Mul(nr, sxy), new(big.Rat).Mul(sx, sy))
	den := new(big.Rat).Sub(new(big.Rat).Mul(nr, sxx), new(big.Rat).Mul(sx, sx))
	if den.Sign() == 0 {
		return nil
	}
	d := ratRound(num.Quo(num, den), places)
	return &d
}
