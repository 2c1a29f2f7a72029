package report

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/plan"
	"icsplan/internal/sanitize"

	"github.com/shopspring/decimal"
)

// Display conventions shared by the text, markdown and email formats.
//
// Tables show money in £000. A column with a totals row is footed (see
// footing.go): its total is the exact total rounded once, half away from
// zero, and its rows are rounded by largest remainder so that they add up to
// it. Other £000 figures are rounded once, half away from zero, from the most
// exact value the analysis gives. Per-head figures are shown in pounds and
// pence, as the analysis rounds them, and are never footed.

var thousand = decimal.NewFromInt(1000)

// thousands is a figure in whole £000, rounded once from d.
func thousands(d decimal.Decimal) decimal.Decimal { return d.Round(-3).Shift(-3) }

// fmtK shows a whole number of £000 with thousands separators and negatives
// in brackets, without a £ sign (the column heading carries the unit).
func fmtK(k decimal.Decimal) string {
	return money.Format(k, money.Style{Scale: money.Pounds, Brackets: true, NoSymbol: true})
}

// kStyle is fmtK's style for a figure in pounds shown in £000.
var kStyle = money.Style{Scale: money.Thousands, NoSuffix: true, Brackets: true, NoSymbol: true}

// fmtThousands is fmtK(thousands(d)): d in whole £000, rounded once.
func fmtThousands(d decimal.Decimal) string {
	var buf [32]byte
	return string(money.AppendFormat(buf[:0], d, kStyle))
}

// fmtPence shows an amount in pounds and pence without a £ sign.
func fmtPence(d decimal.Decimal) string {
	return money.Format(d, money.Style{Scale: money.Pence, Brackets: true, NoSymbol: true})
}

// fmtCount shows a whole number with thousands separators.
func fmtCount(n int64) string {
	return money.Format(decimal.NewFromInt(n), money.Style{Scale: money.Pounds, NoSymbol: true})
}

// pounds shows an amount for a sentence: £700.0m, £1,234k or £123.
func pounds(d decimal.Decimal) string {
	a := d.Abs()
	switch {
	case a.GreaterThanOrEqual(decimal.NewFromInt(1_000_000_000)):
		return money.Format(d, money.Style{Scale: money.Billions, Places: 2})
	case a.GreaterThanOrEqual(decimal.NewFromInt(1_000_000)):
		return money.Format(d, money.Style{Scale: money.Millions, Places: 1})
	case a.GreaterThanOrEqual(decimal.NewFromInt(100_000)):
		return money.Format(d, money.Style{Scale: money.Thousands})
	default:
		return money.Format(d, money.Style{Scale: money.Pounds})
	}
}

// poundsPence shows an amount with pence and a £ sign: £63.87.
func poundsPence(d decimal.Decimal) string {
	return money.Format(d, money.Style{Scale: money.Pence})
}

// pct shows a fraction as a percentage with up to two decimals, trimmed:
// 0.035 is "3.5%", 0.5 is "50%".
func pct(d decimal.Decimal) string {
	s := d.Shift(2).Round(2).String()
	return s + "%"
}

// clean makes text from a data file safe for a terminal, and keeps it on one
// line: line breaks (CRLF, LF, and the Unicode line and paragraph
// separators, which editors and some viewers also break lines at) become
// spaces before sanitising.
func clean(s string) string {
	if plainASCII(s) { // no line break, control or escape: nothing to change (nearly every code and name)
		return s
	}
	if strings.IndexByte(s, '\n') >= 0 || strings.Contains(s, "\u2028") || strings.Contains(s, "\u2029") {
		s = lineBreaks.Replace(s)
	}
	return sanitize.Text(s)
}

// lineBreaks turns each line break into a space; built once (a Replacer
// compiles its table on first use).
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\u2028", " ", "\u2029", " ")

// illustrativeMark flags rows whose figures are illustrative.
const illustrativeMark = "†"

// illustrativeNote explains the mark, in the same words under every table
// that uses it.
const illustrativeNote = illustrativeMark + " Illustrative figures, not reported ones: the source column says so."

// groupLetter marks a system's group in tables.
func groupLetter(g analysis.Group) string {
	if g == analysis.Deficit {
		return "D"
	}
	return "B"
}

// describeRule says in words who is eligible.
func describeRule(sc plan.Scenario) string {
	b := string(sc.Eligibility.Basis)
	switch sc.Eligibility.Rule {
	case plan.RuleDeficit:
		return "systems with a deficit on " + b
	case plan.RuleBalanced:
		return "systems in balance or surplus on " + b
	default:
		return "every system"
	}
}

// describeMethod says in words how the pot is shared.
func describeMethod(sc plan.Scenario) string {
	a := sc.Allocation
	var s string
	switch a.Method {
	case plan.MethodProRata:
		s = "pro rata to each deficit on " + string(a.Basis)
	case plan.MethodPerCapita:
		s = "by weighted population"
	default:
		s = "in equal shares"
	}
	if a.Cap == plan.CapDeficit {
		s += ", capped at each system's own deficit"
	}
	if !a.Unit.IsZero() {
		s += ", in units of " + unitWords(a.Unit)
	}
	return s
}

// unitWords shows a rounding unit: £0.01, £1, £1,000.
func unitWords(u decimal.Decimal) string {
	if u.IsInteger() {
		return money.Format(u, money.Style{Scale: money.Pounds})
	}
	return money.Format(u, money.Style{Scale: money.Pence})
}

// describeRepayment says in words how the money is paid back.
func describeRepayment(sc plan.Scenario) string {
	r := sc.Repayment
	if r == nil {
		return "none: a grant"
	}
	if r.IsPDC() {
		return "none: public dividend capital, never repaid; " + pdcWords(*r)
	}
	years := "1 year"
	if r.Years != 1 {
		years = itoa(r.Years) + " years"
	}
	s := years + " from " + r.FirstYear + ", "
	if len(r.Profile) == 0 {
		s += "equal shares"
	} else {
		parts := make([]string, len(r.Profile))
		for i, p := range r.Profile {
			parts[i] = pct(p)
		}
		s += "profile " + strings.Join(parts, " / ")
	}
	return s + ", " + pct(r.Interest) + " interest"
}

func itoa(n int) string { return strconv.Itoa(n) }

// capital starts a sentence with a capital letter.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
