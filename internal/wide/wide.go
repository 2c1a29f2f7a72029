// Package wide is signed 128-bit integer arithmetic for the engine's exact
// hot paths: sums and products of money in pence or units and of powers of
// 1 + r, each operation reporting whether its result still fits, so that a
// caller falls back to decimals when it does not. An Int read as a multiple
// of 2^-64 is a fixed-point number with 64 fractional bits (Fixed), which
// the lever scans use to value a system without a division. It does no I/O
// and allocates nothing except in Big.
package wide

import (
	"math/big"
	"math/bits"
)

// Int is a signed 128-bit integer in two's complement: Hi·2^64 + Lo, Hi
// carrying the sign.
type Int struct {
	Hi int64
	Lo uint64
}

// FromInt64 is v as an Int.
func FromInt64(v int64) Int { return Int{Hi: v >> 63, Lo: uint64(v)} }

// FromUint64 is v as an Int.
func FromUint64(v uint64) Int { return Int{Lo: v} }

// Mul64 is a·b as an Int, with ok false when it is 2^127 or more.
func Mul64(a, b uint64) (Int, bool) {
	hi, lo := bits.Mul64(a, b)
	return Int{Hi: int64(hi), Lo: lo}, hi < 1<<63
}

// Sign is −1, 0 or 1.
func (a Int) Sign() int {
	switch {
	case a.Hi < 0:
		return -1
	case a.Hi == 0 && a.Lo == 0:
		return 0
	}
	return 1
}

// Neg is −a (ok false only for −2^127).
func (a Int) Neg() (Int, bool) {
	lo, b := bits.Sub64(0, a.Lo, 0)
	hi := -a.Hi - int64(b)
	return Int{Hi: hi, Lo: lo}, a.Hi != -1<<63 || a.Lo != 0
}

// Add is a + b, with ok false on overflow.
func (a Int) Add(b Int) (Int, bool) {
	lo, c := bits.Add64(a.Lo, b.Lo, 0)
	hi := a.Hi + b.Hi + int64(c)
	// Overflow iff a and b have the same sign and the sum the other.
	return Int{Hi: hi, Lo: lo}, (a.Hi^b.Hi) < 0 || (a.Hi^hi) >= 0
}

// Sub is a − b, with ok false on overflow.
func (a Int) Sub(b Int) (Int, bool) {
	lo, c := bits.Sub64(a.Lo, b.Lo, 0)
	hi := a.Hi - b.Hi - int64(c)
	return Int{Hi: hi, Lo: lo}, (a.Hi^b.Hi) >= 0 || (a.Hi^hi) >= 0
}

// abs is |a| as an unsigned 128-bit magnitude, and whether a is negative.
func (a Int) abs() (neg bool, hi, lo uint64) {
	if a.Hi >= 0 {
		return false, uint64(a.Hi), a.Lo
	}
	lo, b := bits.Sub64(0, a.Lo, 0)
	return true, uint64(-a.Hi) - b, lo
}

// signed is the Int of magnitude (hi, lo) with the sign neg, ok false when
// the magnitude does not fit.
func signed(neg bool, hi, lo uint64) (Int, bool) {
	if hi >= 1<<63 {
		if neg && hi == 1<<63 && lo == 0 {
			return Int{Hi: -1 << 63}, true
		}
		return Int{}, false
	}
	v := Int{Hi: int64(hi), Lo: lo}
	if neg {
		v, _ = v.Neg()
	}
	return v, true
}

// MulU is a·m, with ok false on overflow.
func (a Int) MulU(m uint64) (Int, bool) {
	neg, hi, lo := a.abs()
	h1, l1 := bits.Mul64(lo, m)
	h2, l2 := bits.Mul64(hi, m)
	top, c := bits.Add64(h1, l2, 0)
	if h2 != 0 || c != 0 {
		return Int{}, false
	}
	return signed(neg, top, l1)
}

// MulI is a·m for a signed m, with ok false on overflow.
func (a Int) MulI(m int64) (Int, bool) {
	if m >= 0 {
		return a.MulU(uint64(m))
	}
	p, ok := a.MulU(uint64(-m))
	if !ok {
		return Int{}, false
	}
	return p.Neg()
}

// Cmp compares a and b.
func (a Int) Cmp(b Int) int {
	switch {
	case a.Hi != b.Hi:
		if a.Hi < b.Hi {
			return -1
		}
		return 1
	case a.Lo != b.Lo:
		if a.Lo < b.Lo {
			return -1
		}
		return 1
	}
	return 0
}

// QuoRound is a ÷ d rounded half away from zero (d > 0), with ok false
// when the quotient does not fit an int64.
func (a Int) QuoRound(d uint64) (int64, bool) {
	neg, hi, lo := a.abs()
	if hi >= d {
		return 0, false
	}
	q, r := bits.Div64(hi, lo, d)
	if r >= d-r { // 2r ≥ d: half or more
		q++
	}
	if q >= 1<<63 {
		return 0, false
	}
	if neg {
		return -int64(q), true
	}
	return int64(q), true
}

// QuoRound128 is a ÷ d rounded half away from zero for a divisor d > 0 of
// up to 127 bits, with ok false when the quotient does not fit an int64.
func (a Int) QuoRound128(d Int) (int64, bool) {
	if d.Sign() <= 0 {
		return 0, false
	}
	if d.Hi == 0 {
		return a.QuoRound(d.Lo)
	}
	neg, hi, lo := a.abs()
	dh, dl := uint64(d.Hi), d.Lo
	q := quo128(hi, lo, dh, dl)
	// r = |a| − q·d, 0 ≤ r < d; round up when 2r ≥ d.
	ph, pl := mul128by64(dh, dl, q)
	rl, b := bits.Sub64(lo, pl, 0)
	rh, _ := bits.Sub64(hi, ph, b)
	th, tl := rh<<1|rl>>63, rl<<1
	if rh>>63 != 0 || th > dh || (th == dh && tl >= dl) {
		q++
	}
	if q >= 1<<63 {
		return 0, false
	}
	if neg {
		return -int64(q), true
	}
	return int64(q), true
}

// quo128 is ⌊(hi, lo) ÷ (dh, dl)⌋ for a divisor of at least 2^64, so that
// the quotient fits 64 bits (Hacker's Delight, divlu on normalised words).
func quo128(hi, lo, dh, dl uint64) uint64 {
	s := uint(bits.LeadingZeros64(dh))
	v1 := dh<<s | dl>>(64-s)      // the divisor's top 64 bits, normalised (dl>>64 is 0)
	u1, u0 := hi>>1, hi<<63|lo>>1 // the dividend halved, so the quotient fits
	q1, _ := bits.Div64(u1, u0, v1)
	q1 >>= 63 - s // undo the normalisation and the halving
	if q1 != 0 {
		q1--
	}
	// q1 is the quotient or one less.
	ph, pl := mul128by64(dh, dl, q1)
	rl, b := bits.Sub64(lo, pl, 0)
	rh, _ := bits.Sub64(hi, ph, b)
	if rh > dh || (rh == dh && rl >= dl) {
		q1++
	}
	return q1
}

// mul128by64 is the low 128 bits of (dh, dl)·q.
func mul128by64(dh, dl, q uint64) (hi, lo uint64) {
	h, l := bits.Mul64(dl, q)
	return h + dh*q, l
}

// Big is a as a big.Int.
func (a Int) Big() *big.Int {
	neg, hi, lo := a.abs()
	z := new(big.Int).SetUint64(hi)
	z.Lsh(z, 64)
	z.Or(z, new(big.Int).SetUint64(lo))
	if neg {
		z.Neg(z)
	}
	return z
}

// Int64 is a when it fits an int64.
func (a Int) Int64() (int64, bool) {
	v := int64(a.Lo)
	return v, a.Hi == v>>63
}

// FixedQuo is ⌊a·2^64 ÷ q⌋ (q > 0): a ÷ q as a fixed-point number with 64
// fractional bits, rounded down, with ok false when its whole part does
// not fit an int64.
func (a Int) FixedQuo(q uint64) (Int, bool) {
	neg, hi, lo := a.abs()
	if hi >= q {
		return Int{}, false
	}
	w, r := bits.Div64(hi, lo, q)
	f, r2 := bits.Div64(r, 0, q)
	if !neg {
		return Int{Hi: int64(w), Lo: f}, w < 1<<63
	}
	if r2 != 0 { // round the magnitude up, so that the negative value rounds down
		var c uint64
		f, c = bits.Add64(f, 1, 0)
		w += c
	}
	return signed(true, w, f)
}
