// Package money parses and formats sterling amounts the way UK finance
// spreadsheets write them, and splits totals exactly by largest remainder.
//
// Every amount is a decimal.Decimal in pounds; nothing passes through a
// float. Rounding is always half away from zero and happens once, from the
// exact value, at the point a figure is reported.
package money

import (
	"errors"

	"github.com/shopspring/decimal"
)

// Scale is the unit a figure is shown in.
type Scale int

// The scales a figure can be shown in.
const (
	Pence     Scale = iota // £1,234,567.89
	Pounds                 // £1,234,568
	Thousands              // £1,235k
	Millions               // £1.2m (Places decides the decimals: £700.0m)
	Billions               // £2.20bn
)

// Style says how Format shows an amount.
type Style struct {
	Scale    Scale
	Places   int32 // decimals shown for Thousands, Millions and Billions
	Brackets bool  // negatives as (£1,234) rather than -£1,234
	NoSymbol bool  // omit the £ sign
	NoSuffix bool  // omit the k, m or bn after a scaled figure (a column heading carries the unit)
}

// ErrNotMoney is wrapped by every parse failure.
var ErrNotMoney = errors.New("not money")

// Parse reads a money amount in pounds as Excel exports it or a person writes
// it: "1234", "1,234.56", "£1,234", "-1,234", "−1,234" (Unicode minus),
// "(1,234)" (negative), "-" or "–" alone (zero), surrounding spaces, and a
// k, m or bn suffix ("£700m", "2.2bn"). Exponents, formulas and Excel error
// values are rejected. Inputs longer than 64 bytes are rejected unread.
//
// Errors read `cannot read "12,3x" as money`, with a reason where one helps
// (`cannot read "#REF!" as money: it is an Excel error value`), and wrap
// ErrNotMoney.
func Parse(s string) (decimal.Decimal, error) { return parse(s, decimal.NewFromInt(1)) }

// ParseIn reads a cell as Parse does and multiplies it by factor, the unit of
// the column it came from (1000 for a "(£000)" column).
func ParseIn(s string, factor decimal.Decimal) (decimal.Decimal, error) { return parse(s, factor) }

// Blank reports whether a cell holds nothing but spaces: an unknown figure,
// never zero.
func Blank(s string) bool { return blank(s) }

// UnitFactor maps a column unit as written in a header, without brackets
// ("£", "£000", "£000s", "£k", "£m"), to the factor that turns the column's
// figures into pounds. It reports false for anything else.
func UnitFactor(unit string) (decimal.Decimal, bool) { return unitFactor(unit) }

// ParseRate reads a rate as a fraction: "3.5%" gives 0.035 and "0.035" gives
// 0.035. Negative rates are an error, and so is a bare number above 1
// (`cannot read "3.5" as a rate: write 3.5% or 0.035`). Errors wrap ErrNotRate
// and ErrNotMoney.
func ParseRate(s string) (decimal.Decimal, error) { return parseRate(s) }

// Format shows an amount for people in the given style, rounding once, half
// away from zero, to the style's unit.
func Format(d decimal.Decimal, st Style) string { return format(d, st) }

// Fixed2 returns d rounded half away from zero to pence, with exactly two
// decimals and no separators: "-68800000.00". It is the machine form used in
// JSON and CSV.
func Fixed2(d decimal.Decimal) string { return fixed(d, 2) }

// Fixed4 returns a ratio rounded half away from zero to four decimals: "0.3378".
func Fixed4(d decimal.Decimal) string { return fixed(d, 4) }

// Percent shows a fraction as a percentage with the given decimals:
// Percent(0.035, 1) is "3.5%".
func Percent(d decimal.Decimal, places int32) string {
	return d.Shift(2).StringFixed(places) + "%"
}

// MustRate is ParseRate for constants in code; it panics on a bad rate.
func MustRate(s string) decimal.Decimal {
	d, err := ParseRate(s)
	if err != nil {
		panic(err)
	}
	return d
}
