package engine

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// The reference for the panel's integer sums: exact fractions, not reduced
// as they are summed (big.Rat reduces after every addition), each rounded
// once. The panel's own code once computed its means and slope with these;
// the tests hold its integer sums to them.

// frac is the exact fraction num/den, den > 0, not necessarily reduced.
type frac struct{ num, den *big.Int }

// fracZero is a new 0/1.
func fracZero() frac { return frac{new(big.Int), big.NewInt(1)} }

// fracOf is d as an exact fraction.
func fracOf(d decimal.Decimal) frac {
	c, e := d.Coefficient(), d.Exponent()
	if e >= 0 {
		return frac{c.Mul(c, pow10(e)), bigOne}
	}
	return frac{c, pow10(-e)}
}

// fracPerHead is amount ÷ population, exact (0 for no population).
func fracPerHead(amount decimal.Decimal, pop int64) frac {
	if pop <= 0 {
		return fracZero()
	}
	f := fracOf(amount)
	return frac{f.num, new(big.Int).Mul(f.den, big.NewInt(pop))}
}

// mul is a·b.
func (a frac) mul(b frac) frac {
	return frac{new(big.Int).Mul(a.num, b.num), new(big.Int).Mul(a.den, b.den)}
}

// add sets s to s + x·sign (sign +1 or −1) and returns s. s must own its
// numerator and denominator (a sum begun with fracZero, or sub's result),
// which it writes in place.
func (s *frac) add(x frac, sign int) *frac {
	t := new(big.Int).Mul(x.num, s.den)
	if sign < 0 {
		t.Neg(t)
	}
	s.num.Mul(s.num, x.den).Add(s.num, t)
	s.den.Mul(s.den, x.den)
	return s
}

// quoInt is s ÷ n, n > 0.
func (s frac) quoInt(n int) frac {
	return frac{s.num, new(big.Int).Mul(s.den, big.NewInt(int64(n)))}
}

// sub is a − b.
func (a frac) sub(b frac) frac {
	s := frac{new(big.Int).Set(a.num), new(big.Int).Set(a.den)}
	return *s.add(b, -1)
}

// round rounds s half away from zero to places decimals.
func (s frac) round(places int32) decimal.Decimal {
	return roundQuo(s.num, s.den, places)
}

// fracMean is the exact mean of a sum of n figures rounded once to places,
// or nil for none.
func fracMean(sum frac, n int, places int32) *decimal.Decimal {
	if n == 0 {
		return nil
	}
	d := sum.quoInt(n).round(places)
	return &d
}

// slope is the exact least-squares slope of ys on xs,
// (n·Σxy − Σx·Σy) ÷ (n·Σx² − (Σx)²), rounded once to places; nil with
// fewer than two points or when every x is the same.
func slope(xs, ys []frac, places int32) *decimal.Decimal {
	n := len(xs)
	if n < 2 {
		return nil
	}
	sx, sy, sxx, sxy := fracZero(), fracZero(), fracZero(), fracZero()
	for i := range xs {
		sx.add(xs[i], 1)
		sy.add(ys[i], 1)
		sxx.add(xs[i].mul(xs[i]), 1)
		sxy.add(xs[i].mul(ys[i]), 1)
	}
	nf := frac{big.NewInt(int64(n)), bigOne}
	num := nf.mul(sxy).sub(sx.mul(sy))
	den := nf.mul(sxx).sub(sx.mul(sx))
	if den.num.Sign() == 0 {
		return nil
	}
	// num/den = (num.num·den.den) ÷ (num.den·den.num), the divisor made
	// positive.
	q := new(big.Int).Mul(num.num, den.den)
	d := new(big.Int).Mul(num.den, den.num)
	if d.Sign() < 0 {
		q.Neg(q)
		d.Neg(d)
	}
	r := roundQuo(q, d, places)
	return &r
}
