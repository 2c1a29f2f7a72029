package funding

import (
	"math/bits"

	"icsplan/internal/money"
	"icsplan/internal/wide"

	"github.com/shopspring/decimal"
)

// The allocation's figures from machine integers where they fit: each
// helper gives the decimal, coefficient and exponent alike, that the
// decimal arithmetic it stands for gives, with one small allocation and no
// garbage (or, when a figure another already holds is the same, that one:
// decimals are immutable, so equal figures of one system can share one).

// coef is d's coefficient, when it has at most 18 digits.
func coef(d decimal.Decimal) (int64, bool) { return money.CoefficientAt(d, d.Exponent()) }

// pow10s holds 10^0 .. 10^18.
var pow10s = func() (p [19]uint64) {
	p[0] = 1
	for k := 1; k < len(p); k++ {
		p[k] = p[k-1] * 10
	}
	return p
}()

// scaleUp is c·10^k, when k is at most 18 and the product fits 63 bits.
func scaleUp(c uint64, k int32) (uint64, bool) {
	if k < 0 || k >= int32(len(pow10s)) {
		return 0, false
	}
	hi, lo := bits.Mul64(c, pow10s[k])
	return lo, hi == 0 && lo < 1<<63
}

// neg is −d (d.Neg()).
func neg(d decimal.Decimal) decimal.Decimal {
	if c, ok := coef(d); ok {
		return decimal.New(-c, d.Exponent())
	}
	return d.Neg()
}

// product is a·b (a.Mul(b)).
func product(a, b decimal.Decimal) decimal.Decimal {
	x, ok1 := coef(a)
	y, ok2 := coef(b)
	if ok1 && ok2 && x >= 0 && y >= 0 {
		if hi, lo := bits.Mul64(uint64(x), uint64(y)); hi == 0 && lo < 1<<63 {
			return decimal.New(int64(lo), a.Exponent()+b.Exponent())
		}
	}
	return a.Mul(b)
}

// wholeUnits is q·u for q = ⌊d ÷ u⌋, d ≥ 0 and u > 0 (q, _ := d.QuoRem(u,
// 0); q.Mul(u)); d itself when that is the same decimal.
func wholeUnits(d, u decimal.Decimal) decimal.Decimal {
	if q, ok := quoUnits(d, u); ok {
		uc := uint64(u.CoefficientInt64())
		if hi, lo := bits.Mul64(q, uc); hi == 0 && lo < 1<<63 {
			if c, _ := coef(d); d.Exponent() == u.Exponent() && uint64(c) == lo {
				return d
			}
			return decimal.New(int64(lo), u.Exponent())
		}
	}
	q, _ := d.QuoRem(u, 0)
	return q.Mul(u)
}

// quoUnits is ⌊d ÷ u⌋ for d ≥ 0 and u > 0, when both coefficients fit
// and the quotient can be found in 64 bits.
func quoUnits(d, u decimal.Decimal) (uint64, bool) {
	dc, ok1 := coef(d)
	uc, ok2 := coef(u)
	if !ok1 || !ok2 || dc < 0 || uc <= 0 {
		return 0, false
	}
	if k := d.Exponent() - u.Exponent(); k >= 0 {
		n, ok := scaleUp(uint64(dc), k)
		return n / uint64(uc), ok
	}
	den, ok := scaleUp(uint64(uc), u.Exponent()-d.Exponent())
	return uint64(dc) / den, ok
}

// shareQuo is ⌊units·w ÷ W⌋ for 0 ≤ w ≤ W, W > 0: a system's floor in
// units when the pot is units whole units shared over weights W, when the
// weights' coefficients fit.
func shareQuo(units uint64, w, W decimal.Decimal) (uint64, bool) {
	wc, ok1 := coef(w)
	Wc, ok2 := coef(W)
	if !ok1 || !ok2 || wc < 0 || Wc <= 0 {
		return 0, false
	}
	num, den := uint64(wc), uint64(Wc)
	var ok bool
	if k := w.Exponent() - W.Exponent(); k >= 0 {
		num, ok = scaleUp(num, k)
	} else {
		den, ok = scaleUp(den, -k)
	}
	if !ok || num > den { // w ≤ W keeps the quotient below 2^64
		return 0, false
	}
	hi, lo := bits.Mul64(units, num)
	q, _ := bits.Div64(hi, lo, den)
	return q, true
}

// sumAmounts is 0 + each share's amount in turn, as a chain of Add gives
// it: at the least exponent of them and 0.
func sumAmounts(shares []Share) decimal.Decimal {
	e := int32(0)
	for i := range shares {
		e = min(e, shares[i].Amount.Exponent())
	}
	var sum uint64
	for i := range shares {
		a := shares[i].Amount
		c, ok := coef(a)
		if ok && c >= 0 {
			var v uint64
			if v, ok = scaleUp(uint64(c), a.Exponent()-e); ok {
				sum += v
				ok = sum < 1<<63
			}
		}
		if !ok {
			return sumDecimals(shares)
		}
	}
	return decimal.New(int64(sum), e)
}

// sumDecimals is sumAmounts in decimals.
func sumDecimals(shares []Share) decimal.Decimal {
	total := zero
	for i := range shares {
		total = total.Add(shares[i].Amount)
	}
	return total
}

// unitsOf is q units of u (the decimal q·u at u's exponent), or same when
// that is the same decimal.
func unitsOf(q uint64, u, same decimal.Decimal) decimal.Decimal {
	uc := uint64(u.CoefficientInt64()) // u's coefficient fits: quoUnits took it
	hi, lo := bits.Mul64(q, uc)
	if hi != 0 || lo >= 1<<63 {
		return decimal.NewFromUint64(q).Mul(u)
	}
	if c, ok := coef(same); ok && same.Exponent() == u.Exponent() && uint64(c) == lo && c >= 0 {
		return same
	}
	return decimal.New(int64(lo), u.Exponent())
}

// productAt is the non-negative a·b as a 128-bit integer and its exponent.
func productAt(a, b decimal.Decimal) (wide.Int, int32, bool) {
	x, ok1 := coef(a)
	y, ok2 := coef(b)
	if !ok1 || !ok2 || x < 0 || y < 0 {
		return wide.Int{}, 0, false
	}
	p, ok := wide.Mul64(uint64(x), uint64(y))
	return p, a.Exponent() + b.Exponent(), ok
}

// exceeds reports whether a·b > c·d, all four non-negative
// (a.Mul(b).GreaterThan(c.Mul(d))), in 128-bit integers when they fit.
func exceeds(a, b, c, d decimal.Decimal) bool {
	l, le, ok1 := productAt(a, b)
	r, re, ok2 := productAt(c, d)
	for ok1 && ok2 && le != re { // bring both to the lesser exponent
		if le > re {
			k := min(le-re, 18)
			l, ok1 = l.MulU(pow10s[k])
			le -= k
		} else {
			k := min(re-le, 18)
			r, ok2 = r.MulU(pow10s[k])
			re -= k
		}
	}
	if ok1 && ok2 {
		return l.Cmp(r) > 0
	}
	return a.Mul(b).GreaterThan(c.Mul(d))
}
