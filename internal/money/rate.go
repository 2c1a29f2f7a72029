package money

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// parseRate implements ParseRate: a percentage ("3.5%") or a fraction no
// greater than one ("0.035"), never negative, no separators or exponents.
func parseRate(s string) (decimal.Decimal, error) {
	t, reason, bad := preCheck(s)
	if bad {
		return decimal.Decimal{}, rateErr(s, reason)
	}
	rest := t
	percent := false
	if strings.HasSuffix(rest, "%") {
		percent = true
		rest = strings.TrimRightFunc(rest[:len(rest)-1], unicode.IsSpace)
	}
	neg := false
	if r, n := utf8.DecodeRuneInString(rest); isMinus(r) || r == '+' {
		neg = r != '+'
		rest = rest[n:]
	}
	if rest == "" || strings.ContainsRune(rest, ',') {
		return decimal.Decimal{}, rateErr(s, reasonRateForm)
	}
	coef, frac, n, ok := scanNumber(rest)
	if !ok {
		return decimal.Decimal{}, rateErr(s, reasonRateForm)
	}
	if n < len(rest) {
		if isExponent(rest[n:]) {
			return decimal.Decimal{}, rateErr(s, reasonExponent)
		}
		return decimal.Decimal{}, rateErr(s, reasonRateForm)
	}
	d := decimal.NewFromBigInt(coef, -int32(frac))
	if neg && !d.IsZero() {
		return decimal.Decimal{}, rateErr(s, reasonNegRate)
	}
	if percent {
		return d.Shift(-2), nil
	}
	if d.GreaterThan(one) {
		return decimal.Decimal{}, rateErr(s, fmt.Sprintf(reasonRateWhole, rest, d.Shift(-2).String()))
	}
	return d, nil
}
