package money

import (
	"strings"

	"github.com/shopspring/decimal"
)

// format implements Format.
func format(d decimal.Decimal, st Style) string {
	var buf [48]byte
	return string(AppendFormat(buf[:0], d, st))
}

// fixed is d.StringFixed(places).
func fixed(d decimal.Decimal, places int32) string {
	var buf [32]byte
	return string(AppendFixed(buf[:0], d, places))
}

// slowDigits is d shifted down by shift decimal places and rounded once,
// half away from zero, to places decimals: its sign and its digits, with
// exactly places decimals, through decimal's big.Int (the path for figures
// scaledInt cannot hold).
func slowDigits(d decimal.Decimal, shift, places int32) (neg bool, digits string) {
	// Shift is exact; Round is half away from zero: one rounding in all.
	r := d.Shift(-shift).Round(places)
	return r.Sign() < 0, r.Abs().StringFixed(places)
}

// appendGrouped appends an unsigned decimal string with commas between
// groups of three integer digits.
func appendGrouped(b []byte, digits string) []byte {
	intPart, fracPart := digits, ""
	if i := strings.IndexByte(digits, '.'); i >= 0 {
		intPart, fracPart = digits[:i], digits[i:]
	}
	lead := len(intPart) % 3
	if lead == 0 {
		lead = 3
	}
	b = append(b, intPart[:lead]...)
	for i := lead; i < len(intPart); i += 3 {
		b = append(b, ',')
		b = append(b, intPart[i:i+3]...)
	}
	return append(b, fracPart...)
}

// FormatExact shows d in pounds with thousands separators and every decimal
// it carries (at least two when it has any), with no rounding:
// "£700,000,000.50", "-£0.001", "£1,000". It is for error messages, where a
// rounded figure could hide the problem being reported.
func FormatExact(d decimal.Decimal) string {
	var b []byte
	if d.Sign() < 0 {
		b = append(b, '-')
	}
	b = append(b, "£"...)
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
	return string(appendGrouped(b, a.StringFixed(places)))
}

// Grouped shows a number exactly, with thousands separators and no £ sign:
// 1234567 is "1,234,567" and -1234.5 is "-1,234.5". It is for counts such as
// populations, which are never rounded.
func Grouped(d decimal.Decimal) string {
	var b []byte
	if d.Sign() < 0 {
		b = append(b, '-')
	}
	return string(appendGrouped(b, d.Abs().String()))
}

// GroupedFixed is Grouped with exactly places decimals, rounded half away
// from zero: GroupedFixed(48611111.1111111, 6) is "48,611,111.111111".
func GroupedFixed(d decimal.Decimal, places int32) string {
	var b []byte
	d = d.Round(places)
	if d.Sign() < 0 {
		b = append(b, '-')
	}
	return string(appendGrouped(b, d.Abs().StringFixed(places)))
}
