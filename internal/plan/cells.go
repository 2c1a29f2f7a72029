package plan

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// moneyMessage is the money parser's explanation, or a plain one if it gave
// none.
func moneyMessage(v string, err error) string {
	if msg := err.Error(); strings.HasPrefix(msg, "cannot read") {
		return msg
	}
	return fmt.Sprintf("cannot read %q as money: %v", clip(v), err)
}

// The shapes of a number in a cell. They match what these regular
// expressions match (shapes_test.go checks them against the expressions),
// written out by hand because a systems file reads three cells a row:
//
//	whole     ^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)$
//	decimal   ^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$
//	negative  ^(?:[-−–]\s*[0-9,]+(?:\.[0-9]+)?|\(\s*[0-9,]+(?:\.[0-9]+)?\s*\))$

// isWhole reports whether v is digits, or digits grouped in threes by
// commas (1 to 3 digits, then one or more ",ddd").
func isWhole(v string) bool {
	first, rest, grouped := strings.Cut(v, ",")
	if !grouped {
		return first != "" && allDigits(first, 0)
	}
	if len(first) < 1 || len(first) > 3 || !allDigits(first, 0) {
		return false
	}
	for {
		g, more, ok := strings.Cut(rest, ",")
		if len(g) != 3 || !allDigits(g, 0) {
			return false
		}
		if !ok {
			return true
		}
		rest = more
	}
}

// isDecimal reports whether v is a whole number (isWhole) with, perhaps, a
// point and one or more digits after it.
func isDecimal(v string) bool {
	whole, frac, dot := strings.Cut(v, ".")
	return isWhole(whole) && (!dot || frac != "" && allDigits(frac, 0))
}

// isNegative reports whether v is a minus sign (-, − or –) or an opening
// bracket, spaces, then digits and commas with perhaps a point and digits,
// then (for a bracket) spaces and the closing bracket.
func isNegative(v string) bool {
	for _, minus := range []string{"-", "−", "–"} {
		if rest, ok := strings.CutPrefix(v, minus); ok {
			return negativeBody(strings.TrimLeft(rest, regexpSpace))
		}
	}
	if inner, ok := strings.CutPrefix(v, "("); ok {
		if inner, ok = strings.CutSuffix(inner, ")"); ok {
			return negativeBody(strings.Trim(inner, regexpSpace))
		}
	}
	return false
}

// regexpSpace is what \s matches in Go's regular expressions.
const regexpSpace = "\t\n\f\r "

// negativeBody reports whether v is digits and commas (one or more), with
// perhaps a point and one or more digits.
func negativeBody(v string) bool {
	whole, frac, dot := strings.Cut(v, ".")
	return whole != "" && allDigits(whole, ',') && (!dot || frac != "" && allDigits(frac, 0))
}

// allDigits reports whether every byte of v is an ASCII digit, or the byte
// also when also is not 0.
func allDigits(v string, also byte) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; (c < '0' || c > '9') && (also == 0 || c != also) {
			return false
		}
	}
	return true
}

// cellReason explains a cell that is an Excel error value or a formula, as
// the money parser does; "" for anything else.
func cellReason(v string) string {
	switch {
	case strings.HasPrefix(v, "#"):
		return ": it is an Excel error value"
	case strings.HasPrefix(v, "="):
		return ": it is a formula; paste values instead"
	}
	return ""
}

// parsePopulation reads a whole number of persons greater than zero.
func parsePopulation(v string) (int64, string) {
	switch {
	case v == "":
		return 0, "is blank: every system needs its population"
	case isNegative(v):
		return 0, fmt.Sprintf("must be more than 0, not %q", clip(v))
	case len(v) > 32 || !isWhole(v):
		return 0, fmt.Sprintf("cannot read %q as a whole number of people%s", clip(v), cellReason(v))
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(v, ",", ""), 10, 64)
	switch {
	case err != nil || n > MaxPopulation:
		return 0, fmt.Sprintf("%q is more than %s: check the figure", clip(v), "1,000,000,000")
	case n == 0:
		return 0, fmt.Sprintf("must be more than 0, not %q", clip(v))
	}
	return n, ""
}

// parsePositive reads a number greater than zero (thousands separators and
// decimals allowed, no exponents).
func parsePositive(v string) (decimal.Decimal, string) {
	switch {
	case isNegative(v):
		return decimal.Decimal{}, fmt.Sprintf("must be more than 0, not %q", clip(v))
	case len(v) > 32 || !isDecimal(v):
		return decimal.Decimal{}, fmt.Sprintf("cannot read %q as a number%s", clip(v), cellReason(v))
	}
	d, err := decimal.NewFromString(strings.ReplaceAll(v, ",", ""))
	if err != nil {
		return decimal.Decimal{}, fmt.Sprintf("cannot read %q as a number", clip(v))
	}
	if d.Sign() <= 0 {
		return decimal.Decimal{}, fmt.Sprintf("must be more than 0, not %q", clip(v))
	}
	if d.GreaterThan(decimal.NewFromInt(MaxPopulation)) {
		return decimal.Decimal{}, fmt.Sprintf("%q is more than %s: check the figure", clip(v), "1,000,000,000")
	}
	return d, ""
}
