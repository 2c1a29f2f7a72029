package money

import (
	"github.com/shopspring/decimal"
)

// The integer path of Format, Fixed2 and Fixed4: a figure whose coefficient
// fits an int64 (every amount a plan holds, to the penny or finer) is
// rounded and written from a uint64, with no big.Int and no allocation
// beyond the result. It writes exactly what the decimal path (slowDigits)
// writes; TestFastMatchesDecimal holds the two to the same bytes.

// pow10u are the powers of ten a uint64 holds.
var pow10u = [...]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// scaledInt is d shifted down by shift decimal places and rounded once,
// half away from zero, to places decimals, as a sign and a magnitude in
// units of 10^-places, when d's coefficient has at most 18 digits and the
// result fits in 18 digits; ok is false otherwise (the caller takes the
// decimal path). A figure that rounds to zero is not negative.
func scaledInt(d decimal.Decimal, shift, places int32) (neg bool, u uint64, ok bool) {
	n := d.NumDigits()
	if n > 18 || places > 18 {
		return false, 0, false
	}
	c := d.CoefficientInt64()
	neg = c < 0
	u = uint64(c)
	if neg {
		u = -u
	}
	// d = c × 10^k units of 10^-places.
	k := int64(d.Exponent()) - int64(shift) + int64(places)
	switch {
	case k >= 0:
		if int64(n)+k > 18 {
			return false, 0, false
		}
		u *= pow10u[k]
	case k >= -19:
		p := pow10u[-k]
		q, r := u/p, u%p
		if r >= p-r { // r ≥ p/2: half away from zero
			q++
		}
		u = q
	default: // |d| < 10^18 units of 10^k: under a thousandth of a unit
		u = 0
	}
	return neg && u != 0, u, true
}

// appendDigits appends u with a decimal point before its last places digits
// (a 0 before the point when there are no more digits): 5 at 2 places is
// "0.05". With grouped, commas go between groups of three integer digits.
func appendDigits(b []byte, u uint64, places int, grouped bool) []byte {
	var buf [64]byte
	i := len(buf)
	for k := 0; k < places; k++ {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	if places > 0 {
		i--
		buf[i] = '.'
	}
	for k := 0; ; k++ {
		if grouped && k > 0 && k%3 == 0 {
			i--
			buf[i] = ','
		}
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	return append(b, buf[i:]...)
}

// AppendFormat appends d as Format shows it in style st.
func AppendFormat(b []byte, d decimal.Decimal, st Style) []byte {
	shift, places, suffix := st.unit()
	neg, u, ok := scaledInt(d, shift, places)
	var digits string
	if !ok {
		neg, digits = slowDigits(d, shift, places)
	}
	b = appendLead(b, st, neg)
	if ok {
		b = appendDigits(b, u, int(places), true)
	} else {
		b = appendGrouped(b, digits)
	}
	return appendTail(b, st, neg, suffix)
}

// appendLead appends a figure's sign (or opening bracket) and £ sign.
func appendLead(b []byte, st Style, neg bool) []byte {
	if neg {
		if st.Brackets {
			b = append(b, '(')
		} else {
			b = append(b, '-')
		}
	}
	if !st.NoSymbol {
		b = append(b, "£"...)
	}
	return b
}

// appendTail appends a figure's suffix and closing bracket.
func appendTail(b []byte, st Style, neg bool, suffix string) []byte {
	if !st.NoSuffix {
		b = append(b, suffix...)
	}
	if neg && st.Brackets {
		b = append(b, ')')
	}
	return b
}

// AppendFixed appends d rounded half away from zero to places decimals, as
// d.StringFixed(places) writes it (Fixed2 and Fixed4 are this with 2 and 4).
func AppendFixed(b []byte, d decimal.Decimal, places int32) []byte {
	if places < 0 {
		return append(b, d.StringFixed(places)...)
	}
	neg, u, ok := scaledInt(d, 0, places)
	if !ok {
		return append(b, d.StringFixed(places)...)
	}
	if neg {
		b = append(b, '-')
	}
	return appendDigits(b, u, int(places), false)
}

// unit is the style's shift (decimal places the figure moves down), the
// decimals it is shown to and the suffix after it.
func (st Style) unit() (shift, places int32, suffix string) {
	switch st.Scale {
	case Pence:
		places = 2
	case Pounds:
		places = 0
	case Thousands:
		shift, places, suffix = 3, st.Places, "k"
	case Millions:
		shift, places, suffix = 6, st.Places, "m"
	case Billions:
		shift, places, suffix = 9, st.Places, "bn"
	default:
		places = 2
	}
	return shift, max(places, 0), suffix
}

// AppendRatio appends x as Format shows it in style st: the exact quotient
// rounded once, half away from zero, to the style's unit (x.Den must not be
// zero). Quotients of figures whose coefficients fit an int64 are divided
// in integers; others through decimal's DivRound.
func AppendRatio(b []byte, x Ratio, st Style) []byte {
	shift, places, suffix := st.unit()
	neg, u, ok := ratioInt(x, shift, places)
	if !ok {
		return AppendFormat(b, x.Round(places-shift), st)
	}
	b = appendLead(b, st, neg)
	b = appendDigits(b, u, int(places), true)
	return appendTail(b, st, neg, suffix)
}

// ratioInt is scaledInt for the quotient x.Num/x.Den.
func ratioInt(x Ratio, shift, places int32) (neg bool, u uint64, ok bool) {
	na, nb := x.Num.NumDigits(), x.Den.NumDigits()
	if na > 18 || nb > 18 || places > 18 || x.Den.IsZero() {
		return false, 0, false
	}
	a, c := x.Num.CoefficientInt64(), x.Den.CoefficientInt64()
	neg = (a < 0) != (c < 0)
	ua, uc := uint64(a), uint64(c)
	if a < 0 {
		ua = -ua
	}
	if c < 0 {
		uc = -uc
	}
	// x = ua/uc × 10^k units of 10^-places.
	k := int64(x.Num.Exponent()) - int64(x.Den.Exponent()) - int64(shift) + int64(places)
	switch {
	case k >= 0 && int64(na)+k <= 18:
		ua *= pow10u[k]
	case k < 0 && int64(nb)-k <= 18:
		uc *= pow10u[-k]
	default:
		return false, 0, false
	}
	q, r := ua/uc, ua%uc
	if r >= uc-r {
		q++
	}
	return neg && q != 0, q, true
}
