package money

import (
	"errors"
	"strconv"
	"unicode/utf8"
)

// ErrNotRate is wrapped, together with ErrNotMoney, by every ParseRate
// failure.
var ErrNotRate = errors.New("not a rate")

// maxLen is the longest cell, in bytes, that Parse and ParseRate will read.
// Longer inputs are rejected before any parsing: decimal parsing of a
// multi-megabyte digit string takes tens of seconds.
const maxLen = 64

// MaxInputLen is the longest text, in bytes, that Parse and ParseRate read:
// a caller that writes a figure for them to read back keeps within it.
const MaxInputLen = maxLen

// quotePrefix is how many bytes of an over-long input an error quotes.
const quotePrefix = 18

// Reasons appended to a parse error.
const (
	reasonEmpty     = "it is empty"
	reasonExcel     = "it is an Excel error value"
	reasonFormula   = "it is a formula; paste values instead"
	reasonExponent  = "exponents are not accepted"
	reasonTooLong   = "longer than 64 characters"
	reasonNegRate   = "rates cannot be negative"
	reasonRateWhole = "write %s%% or %s"
	reasonRateForm  = `write it like "3.5%" or "0.035"`
)

// parseError is a failure to read money or a rate. It unwraps to
// ErrNotMoney (and ErrNotRate for rates).
type parseError struct {
	input  string // the input as given
	what   string // "money" or "a rate"
	reason string // optional explanation
	rate   bool
}

func (e *parseError) Error() string {
	msg := "cannot read " + quoteInput(e.input) + " as " + e.what
	if e.reason != "" {
		msg += ": " + e.reason
	}
	return msg
}

func (e *parseError) Unwrap() []error {
	if e.rate {
		return []error{ErrNotRate, ErrNotMoney}
	}
	return []error{ErrNotMoney}
}

func moneyErr(s, reason string) error {
	return &parseError{input: s, what: "money", reason: reason}
}

// rateErr is a rate failure; with no particular reason it says how to write
// a rate.
func rateErr(s, reason string) error {
	if reason == "" {
		reason = reasonRateForm
	}
	return &parseError{input: s, what: "a rate", reason: reason, rate: true}
}

// quoteInput quotes s with %q rules; an input longer than maxLen is cut to a
// short prefix (at a rune boundary) followed by an ellipsis inside the quotes.
func quoteInput(s string) string {
	if len(s) <= maxLen {
		return strconv.Quote(s)
	}
	cut := quotePrefix
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	q := strconv.Quote(s[:cut])
	return q[:len(q)-1] + "…\""
}
