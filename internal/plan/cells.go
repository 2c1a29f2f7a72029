package plan

import (
	"fmt"
	"regexp"
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

var (
	wholeRe    = regexp.MustCompile(`^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)$`)
	decimalRe  = regexp.MustCompile(`^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$`)
	negativeRe = regexp.MustCompile(`^(?:[-−–]\s*[0-9,]+(?:\.[0-9]+)?|\(\s*[0-9,]+(?:\.[0-9]+)?\s*\))$`)
)

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
	case negativeRe.MatchString(v):
		return 0, fmt.Sprintf("must be more than 0, not %q", clip(v))
	case len(v) > 32 || !wholeRe.MatchString(v):
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
	case negativeRe.MatchString(v):
		return decimal.Decimal{}, fmt.Sprintf("must be more than 0, not %q", clip(v))
	case len(v) > 32 || !decimalRe.MatchString(v):
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
