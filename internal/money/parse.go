package money

import (
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

var (
	one         = decimal.NewFromInt(1)
	thousand    = decimal.NewFromInt(1_000)
	million     = decimal.NewFromInt(1_000_000)
	billion     = decimal.NewFromInt(1_000_000_000)
	excelErrors = []string{
		"#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!",
		"#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!",
		"#UNKNOWN!", "#GETTING_DATA",
	}
)

// blank reports whether s is empty or all white space (NBSP included).
func blank(s string) bool {
	return strings.TrimFunc(s, unicode.IsSpace) == ""
}

// unitFactor maps a header unit to its factor.
func unitFactor(unit string) (decimal.Decimal, bool) {
	switch strings.ToLower(strings.TrimFunc(unit, unicode.IsSpace)) {
	case "£":
		return one, true
	case "£000", "£000s", "£k", "£'000", "£'000s":
		return thousand, true
	case "£m":
		return million, true
	}
	return decimal.Decimal{}, false
}

// isMinus reports whether r is a character spreadsheets use for a minus sign
// or, alone, for zero.
func isMinus(r rune) bool {
	return r == '-' || r == '\u2212' || r == '\u2013' || r == '\u2014'
}

// cutSpace drops leading white space.
func cutSpace(s string) string { return strings.TrimLeftFunc(s, unicode.IsSpace) }

// preCheck applies the checks shared by money and rates: length cap, empty,
// Excel error values and formulas. It returns the trimmed input and a
// non-empty reason if the input is to be rejected outright.
func preCheck(s string) (t string, reason string, bad bool) {
	if len(s) > maxLen {
		return "", reasonTooLong, true
	}
	t = strings.TrimFunc(s, unicode.IsSpace)
	switch {
	case t == "":
		return t, reasonEmpty, true
	case t[0] == '=':
		return t, reasonFormula, true
	case t[0] == '#':
		for _, e := range excelErrors {
			if strings.EqualFold(t, e) {
				return t, reasonExcel, true
			}
		}
		return t, "", true
	}
	return t, "", false
}

// parse implements Parse and ParseIn.
func parse(s string, factor decimal.Decimal) (decimal.Decimal, error) {
	t, reason, bad := preCheck(s)
	if bad {
		return decimal.Decimal{}, moneyErr(s, reason)
	}
	d, reason, ok := parseMoney(t)
	if !ok {
		return decimal.Decimal{}, moneyErr(s, reason)
	}
	if !factor.Equal(one) {
		d = d.Mul(factor)
	}
	return d, nil
}

// parseMoney reads trimmed, non-empty money text:
//
//	[£] ( body )   or   body
//	body = [sign] [£] [sign] number [k|m|bn]    (one sign at most; none in brackets)
//
// with optional white space between the parts but never inside the number.
func parseMoney(t string) (d decimal.Decimal, reason string, ok bool) {
	rest := t
	pound := false
	if r := strings.TrimPrefix(rest, "£"); len(r) != len(rest) {
		pound = true
		rest = cutSpace(r)
	}
	brackets := false
	if strings.HasPrefix(rest, "(") {
		if !strings.HasSuffix(rest, ")") {
			return d, "", false
		}
		brackets = true
		rest = strings.TrimFunc(rest[1:len(rest)-1], unicode.IsSpace)
	}
	neg := false
	signs := 0
	takeSign := func() {
		r, n := utf8.DecodeRuneInString(rest)
		if isMinus(r) {
			neg = true
		} else if r != '+' {
			return
		}
		signs++
		rest = cutSpace(rest[n:])
	}
	takeSign()
	if !pound {
		if r := strings.TrimPrefix(rest, "£"); len(r) != len(rest) {
			pound = true
			rest = cutSpace(r)
		}
	}
	takeSign()
	if signs > 1 || (brackets && signs > 0) {
		return d, "", false
	}
	// A dash alone (optionally with £) is Excel's zero.
	if rest == "" {
		if neg && !brackets {
			return decimal.Zero, "", true
		}
		return d, "", false
	}
	// The number: strict thousands grouping, optional fraction.
	coef, frac, n, ok := scanNumber(rest)
	if !ok {
		return d, "", false
	}
	rest = rest[n:]
	if isExponent(rest) {
		return d, reasonExponent, false
	}
	d = decimal.NewFromBigInt(coef, -int32(frac))
	switch strings.ToLower(cutSpace(rest)) {
	case "":
	case "k":
		d = d.Mul(thousand)
	case "m":
		d = d.Mul(million)
	case "bn":
		d = d.Mul(billion)
	default:
		return decimal.Decimal{}, "", false
	}
	if neg || brackets {
		d = d.Neg()
	}
	return d, "", true
}

// isExponent reports whether s, the text just after a number, starts with an
// exponent: e or E, an optional sign, then a digit ("e6", "E+10", "e-2").
func isExponent(s string) bool {
	if s == "" || (s[0] != 'e' && s[0] != 'E') {
		return false
	}
	s = s[1:]
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// scanNumber reads an unsigned decimal at the start of s: digits with either
// no separators or strict groups of three ("1,234,567"), then optionally a
// point and at least one digit. It returns the digits as an integer, how many
// of them are fractional, and how many bytes it read.
func scanNumber(s string) (coef *big.Int, frac int, n int, ok bool) {
	var digits [maxLen]byte
	nd := 0
	i := 0
	// Integer part.
	group := 0 // digits since the last comma (or start)
	commas := false
	for i < len(s) {
		c := s[i]
		if c >= '0' && c <= '9' {
			digits[nd] = c
			nd++
			group++
			i++
			continue
		}
		if c == ',' {
			if group == 0 || (commas && group != 3) || (!commas && (group > 3 || s[0] == '0')) {
				return nil, 0, 0, false
			}
			commas = true
			group = 0
			i++
			continue
		}
		break
	}
	if commas && group != 3 {
		return nil, 0, 0, false
	}
	intDigits := nd
	if i < len(s) && s[i] == '.' {
		i++
		start := nd
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			digits[nd] = s[i]
			nd++
			i++
		}
		frac = nd - start
		if frac == 0 {
			return nil, 0, 0, false
		}
	}
	if nd == 0 || (intDigits == 0 && commas) {
		return nil, 0, 0, false
	}
	coef = new(big.Int)
	if nd <= 18 {
		var v int64
		for _, c := range digits[:nd] {
			v = v*10 + int64(c-'0')
		}
		coef.SetInt64(v)
	} else {
		coef.SetString(string(digits[:nd]), 10)
	}
	return coef, frac, i, true
}
