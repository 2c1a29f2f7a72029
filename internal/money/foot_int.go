package money

import (
	"cmp"
	"encoding/binary"
	"math/bits"

	"github.com/shopspring/decimal"
)

// footFixed is Foot for rows that are exact decimals, done in fixed-width
// integer arithmetic: every row and the unit are taken at their smallest
// common exponent, rows as 128-bit magnitudes with a sign, the unit as a
// 63-bit integer. It gives exactly what Foot gives (the same floors,
// remainders, order of remainders and total), and ok is false, with nothing
// computed, when a figure does not fit, so that Foot's general path runs.
func footFixed(rows []decimal.Decimal, unit decimal.Decimal) (shown []decimal.Decimal, total decimal.Decimal, ok bool) {
	floors, units, ok := footFixedInts(len(rows), func(i int) decimal.Decimal { return rows[i] }, unit)
	if !ok {
		return nil, decimal.Zero, false
	}
	shown = make([]decimal.Decimal, len(floors))
	for i, f := range floors {
		shown[i] = decimal.NewFromInt(f)
	}
	return shown, decimal.NewFromInt(units), true
}

// footFixedInts is footFixed for the n rows row(0) … row(n−1), with the
// rows shown and the total as int64s (whole units), which is how footFixed
// computes them.
func footFixedInts(n int, row func(i int) decimal.Decimal, unit decimal.Decimal) (floors []int64, units int64, ok bool) {
	if n == 0 || !unit.IsPositive() {
		return nil, 0, false
	}
	exp := unit.Exponent()
	for i := range n {
		exp = min(exp, row(i).Exponent())
	}
	_, um, ok := fixedAt(unit, exp)
	if !ok || um.hi != 0 || um.lo >= 1<<63 {
		return nil, 0, false
	}
	u := um.lo
	limit := uint64(1<<62) / uint64(n+1) // so that the floors sum without overflow
	floors = make([]int64, n)
	var sumFloors int64
	var sumRems u128
	cands := make([]fixedRem, 0, n) // nearly every row has a remainder
	for i := range n {
		neg, m, ok := fixedAt(row(i), exp)
		if !ok || m.hi >= u {
			return nil, 0, false
		}
		q, r := bits.Div64(m.hi, m.lo, u)
		if q > limit {
			return nil, 0, false
		}
		f := int64(q)
		if neg && r > 0 { // floor of a negative value, and a remainder in [0, u)
			f, r = -f-1, u-r
		} else if neg {
			f = -f
		}
		floors[i] = f
		sumFloors += f
		var carry uint64
		sumRems.lo, carry = bits.Add64(sumRems.lo, r, 0)
		sumRems.hi += carry
		if r > 0 {
			cands = append(cands, fixedRem{rem: r, neg: neg, m: m, i: i})
		}
	}
	// The exact total in units is Σ floor + Σ rem / u: Σ rem / u = a + b/u
	// with 0 ≤ b < u (Σ rem < n·u, so its high word is below u).
	a, b := bits.Div64(sumRems.hi, sumRems.lo, u)
	x := sumFloors + int64(a)
	units = x // x + b/u rounded half away from zero
	if b > 0 && (x >= 0 && 2*b >= u || x < 0 && 2*b > u) {
		units++
	}
	left := int(units - sumFloors) // 0 ≤ left ≤ len(cands), as in Foot
	if left < len(cands) {
		selectFirst(cands, left, compareFixed)
	}
	for _, c := range cands[:min(left, len(cands))] {
		floors[c.i]++
	}
	return floors, units, true
}

// fixedRem is a row that has a remainder: the remainder (in units of
// 10^exp, below the unit), the row's value as a sign and a magnitude, and
// its index.
type fixedRem struct {
	rem uint64
	neg bool
	m   u128
	i   int
}

// compareFixed is compareRemainders' order for rows sharing the unit as
// denominator: the larger remainder first, then the larger value, then the
// earlier row.
func compareFixed(a, b fixedRem) int {
	if a.rem != b.rem {
		return cmp.Compare(b.rem, a.rem)
	}
	if c := compareSigned(b.neg, b.m, a.neg, a.m); c != 0 {
		return c
	}
	return cmp.Compare(a.i, b.i)
}

// compareSigned compares two values given as sign and magnitude (a zero
// magnitude is never negative here: it has no remainder).
func compareSigned(aneg bool, am u128, bneg bool, bm u128) int {
	switch {
	case aneg != bneg && aneg:
		return -1
	case aneg != bneg:
		return 1
	case aneg:
		return bm.cmp(am)
	}
	return am.cmp(bm)
}

// u128 is an unsigned 128-bit integer.
type u128 struct{ hi, lo uint64 }

func (a u128) cmp(b u128) int {
	if a.hi != b.hi {
		return cmp.Compare(a.hi, b.hi)
	}
	return cmp.Compare(a.lo, b.lo)
}

// fixedAt is d's coefficient at exponent exp (exp ≤ d's exponent) as a sign
// and a magnitude, if the magnitude is below 2¹²⁷.
func fixedAt(d decimal.Decimal, exp int32) (neg bool, m u128, ok bool) {
	if d.NumDigits() <= 18 { // the coefficient is an int64: no copy of it
		v := d.CoefficientInt64()
		neg = v < 0
		m.lo = uint64(v)
		if neg {
			m.lo = -m.lo
		}
		return neg, m, timesTen(&m, d.Exponent()-exp)
	}
	c := d.Coefficient() // a copy
	neg = c.Sign() < 0
	c.Abs(c)
	if c.BitLen() > 127 {
		return false, u128{}, false
	}
	var buf [16]byte
	c.FillBytes(buf[:])
	m = u128{hi: binary.BigEndian.Uint64(buf[:8]), lo: binary.BigEndian.Uint64(buf[8:])}
	if !timesTen(&m, d.Exponent()-exp) {
		return false, u128{}, false
	}
	return neg, m, true
}

// timesTen multiplies m by 10 k times, reporting false when it would reach
// 2¹²⁷.
func timesTen(m *u128, k int32) bool {
	for range k {
		if m.hi >= 1<<59 {
			return false
		}
		hi, lo := bits.Mul64(m.lo, 10)
		*m = u128{hi: m.hi*10 + hi, lo: lo}
		if m.hi >= 1<<63 {
			return false
		}
	}
	return true
}
