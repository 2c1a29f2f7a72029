package money

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// AppendString appends d as d.String() writes it (decimal's defaults:
// trailing zeros trimmed, no scientific notation), from an int64 when d's
// coefficient fits one and its exponent is at most 0, through String
// otherwise. TestAppendStringMatchesString holds the two to the same bytes.
func AppendString(b []byte, d decimal.Decimal) []byte {
	e := d.Exponent()
	if e > 0 || e < -18 || d.NumDigits() > 18 || !decimal.TrimTrailingZeros || decimal.UseScientificNotation {
		return append(b, d.String()...)
	}
	c := d.CoefficientInt64()
	if e == 0 {
		return strconv.AppendInt(b, c, 10)
	}
	u := uint64(c)
	if c < 0 {
		b, u = append(b, '-'), -u
	}
	p := pow10u[-e]
	ip, fp := u/p, u%p
	b = strconv.AppendUint(b, ip, 10)
	if fp == 0 {
		return b
	}
	places := int(-e)
	for fp%10 == 0 { // trailing zeros trimmed
		fp /= 10
		places--
	}
	var buf [20]byte
	i := len(buf)
	for k := 0; k < places; k++ {
		i--
		buf[i] = byte('0' + fp%10)
		fp /= 10
	}
	b = append(b, '.')
	return append(b, buf[i:]...)
}

// AppendFixedSum appends x + y as (x + y).StringFixed(places) writes it
// (AppendFixedTotal).
func AppendFixedSum(b []byte, x, y decimal.Decimal, places int32) []byte {
	xs := [2]decimal.Decimal{x, y}
	return AppendFixedTotal(b, xs[:], places)
}

// AppendFixedTotal appends the sum of xs as its StringFixed(places) writes
// it, adding in an int64 when every coefficient and each running sum stay
// under 10^18 in magnitude (every set of amounts a plan holds), through
// decimal otherwise: the sum is exact and rounded once.
func AppendFixedTotal(b []byte, xs []decimal.Decimal, places int32) []byte {
	e := int32(0)
	for _, x := range xs {
		e = min(e, x.Exponent())
	}
	var sum int64
	ok := places >= 0 && places <= 18
	for _, x := range xs {
		if !ok {
			break
		}
		var c int64
		c, ok = CoefficientAt(x, e)
		sum += c // each under 10^18 in magnitude: no overflow
		ok = ok && sum < 1e18 && sum > -1e18
	}
	if !ok {
		return AppendFixed(b, addAll(xs), places)
	}
	neg, u := sum < 0, uint64(sum)
	if neg {
		u = -u
	}
	k := int64(e) + int64(places) // sum × 10^k units of 10^-places
	switch {
	case k >= 0:
		if k > 18 || u > (1e18-1)/pow10u[k] {
			return AppendFixed(b, addAll(xs), places)
		}
		u *= pow10u[k]
	case k >= -19:
		p := pow10u[-k]
		q, r := u/p, u%p
		if r >= p-r { // half away from zero
			q++
		}
		u = q
	default:
		u = 0
	}
	if neg && u != 0 {
		b = append(b, '-')
	}
	return appendDigits(b, u, int(places), false)
}

// addAll is the exact sum of xs.
func addAll(xs []decimal.Decimal) decimal.Decimal {
	total := decimal.Zero
	for _, x := range xs {
		total = total.Add(x)
	}
	return total
}

// CoefficientAt is d's coefficient at exponent e, d·10^−e as an int64, when
// e is at most d's exponent and d has at most 18 digits there (so that no
// int64 overflows): CoefficientAt(£1.5, −2) is 150 pence. Exact figures
// compared or summed in integers are read with it; ok is false for any
// other, which the caller then handles in decimals.
func CoefficientAt(d decimal.Decimal, e int32) (int64, bool) {
	n := d.NumDigits()
	k := int64(d.Exponent()) - int64(e)
	if k < 0 || n > 18 || int64(n)+k > 18 {
		return 0, false
	}
	return d.CoefficientInt64() * int64(pow10u[k]), true
}

// AppendGrouped appends d as Grouped shows it ("1,234,567", "-1,234.5"),
// through AppendString, so a figure that fits an int64 costs no allocation.
func AppendGrouped(b []byte, d decimal.Decimal) []byte {
	var buf [40]byte
	s := AppendString(buf[:0], d)
	if len(s) > 0 && s[0] == '-' {
		b, s = append(b, '-'), s[1:]
	}
	return appendGrouped(b, string(s))
}
