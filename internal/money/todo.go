package money

// Placeholders until the implementation lands; each is replaced in its own file.

import (
	"errors"

	"github.com/shopspring/decimal"
)

func parse(s string, factor decimal.Decimal) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(s)
	return d.Mul(factor), err
}
func blank(s string) bool                            { return s == "" }
func unitFactor(unit string) (decimal.Decimal, bool) { return decimal.NewFromInt(1), unit == "£" }
func parseRate(s string) (decimal.Decimal, error)    { return decimal.NewFromString(s) }
func format(d decimal.Decimal, st Style) string      { return "£" + d.StringFixed(2) }
func apportion(total decimal.Decimal, weights []decimal.Decimal, unit decimal.Decimal, keys []string) ([]decimal.Decimal, error) {
	return nil, errors.New("apportion: not implemented")
}
