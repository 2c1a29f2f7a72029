package money

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// format implements Format.
func format(d decimal.Decimal, st Style) string {
	var shift, places int32
	suffix := ""
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
	if places < 0 {
		places = 0
	}
	neg, digits := fixedDigits(d, shift, places)

	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3 + 8)
	if neg {
		if st.Brackets {
			b.WriteByte('(')
		} else {
			b.WriteByte('-')
		}
	}
	if !st.NoSymbol {
		b.WriteString("£")
	}
	writeGrouped(&b, digits)
	b.WriteString(suffix)
	if neg && st.Brackets {
		b.WriteByte(')')
	}
	return b.String()
}

// fixed is d.StringFixed(places).
func fixed(d decimal.Decimal, places int32) string {
	if neg, u, ok := fixedInt(d, places); ok {
		var buf [32]byte
		b := buf[:0]
		if neg {
			b = append(b, '-')
		}
		return string(appendFixed(b, u, int(places)))
	}
	return d.StringFixed(places)
}

// fixedDigits is d shifted down by shift decimal places and rounded once,
// half away from zero, to places decimals: its sign and its digits, with
// exactly places decimals.
func fixedDigits(d decimal.Decimal, shift, places int32) (neg bool, digits string) {
	if neg, u, ok := fixedInt(d, places); ok && shift == 0 {
		if places == 0 {
			return neg, strconv.FormatUint(u, 10) // no allocation for small figures
		}
		var buf [32]byte
		return neg, string(appendFixed(buf[:0], u, int(places)))
	}
	// Shift is exact; Round is half away from zero: one rounding in all.
	r := d.Shift(-shift).Round(places)
	return r.Sign() < 0, r.Abs().StringFixed(places)
}

// fixedInt is d in units of 10^-places as a sign and a magnitude, when d has
// no more decimals than places (so there is nothing to round) and at most 18
// digits at that scale: the common case (pounds, pence, whole £000), which is
// then written from an integer rather than through decimal's big.Int.
func fixedInt(d decimal.Decimal, places int32) (neg bool, u uint64, ok bool) {
	up := d.Exponent() + places
	if up < 0 || int(up)+d.NumDigits() > 18 {
		return false, 0, false
	}
	v := d.CoefficientInt64()
	for range up {
		v *= 10
	}
	if v < 0 {
		return true, uint64(-v), true
	}
	return false, uint64(v), true
}

// appendFixed appends u with a decimal point before its last places digits
// (and a leading 0 before the point when there are no more digits).
func appendFixed(b []byte, u uint64, places int) []byte {
	var digits [24]byte
	s := strconv.AppendUint(digits[:0], u, 10)
	for len(s) < places+1 {
		s = append([]byte{'0'}, s...)
	}
	b = append(b, s[:len(s)-places]...)
	if places > 0 {
		b = append(b, '.')
		b = append(b, s[len(s)-places:]...)
	}
	return b
}

// writeGrouped writes an unsigned decimal string with commas between groups
// of three integer digits.
func writeGrouped(b *strings.Builder, digits string) {
	intPart, fracPart := digits, ""
	if i := strings.IndexByte(digits, '.'); i >= 0 {
		intPart, fracPart = digits[:i], digits[i:]
	}
	lead := len(intPart) % 3
	if lead == 0 {
		lead = 3
	}
	b.WriteString(intPart[:lead])
	for i := lead; i < len(intPart); i += 3 {
		b.WriteByte(',')
		b.WriteString(intPart[i : i+3])
	}
	b.WriteString(fracPart)
}

// FormatExact shows d in pounds with thousands separators and every decimal
// it carries (at least two when it has any), with no rounding:
// "£700,000,000.50", "-£0.001", "£1,000". It is for error messages, where a
// rounded figure could hide the problem being reported.
func FormatExact(d decimal.Decimal) string {
	var b strings.Builder
	if d.Sign() < 0 {
		b.WriteByte('-')
	}
	b.WriteString("£")
	a := d.Abs()
	places := int32(0)
	if e := a.Exponent(); e < 0 && !a.IsInteger() {
		places = -e
		// Drop trailing zeros beyond two decimals.
		for places > 2 && a.Round(places-1).Equal(a) {
			places--
		}
		if places < 2 {
			places = 2
		}
	}
	writeGrouped(&b, a.StringFixed(places))
	return b.String()
}

// Grouped shows a number exactly, with thousands separators and no £ sign:
// 1234567 is "1,234,567" and -1234.5 is "-1,234.5". It is for counts such as
// populations, which are never rounded.
func Grouped(d decimal.Decimal) string {
	var b strings.Builder
	if d.Sign() < 0 {
		b.WriteByte('-')
	}
	writeGrouped(&b, d.Abs().String())
	return b.String()
}

// GroupedFixed is Grouped with exactly places decimals, rounded half away
// from zero: GroupedFixed(48611111.1111111, 6) is "48,611,111.111111".
func GroupedFixed(d decimal.Decimal, places int32) string {
	var b strings.Builder
	d = d.Round(places)
	if d.Sign() < 0 {
		b.WriteByte('-')
	}
	writeGrouped(&b, d.Abs().StringFixed(places))
	return b.String()
}
