package analysis

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// The incentive analyses' sentences, from their figures: pure functions, so
// that every report and screen says the same thing in the same words.

// StrategyText is the strategy table's sentence: "For 42 of 42 systems a
// deficit plan paid more than a balanced one: planning to balance was a
// losing strategy." systems is how many systems there are.
func StrategyText(s Strategy, systems int) string {
	n, a, e, b := s.Counted, s.DeficitPays, s.Equal, s.BalancedPays
	switch {
	case systems == 0:
		return "There are no systems, so there is no strategy to compare."
	case n == 0:
		return "No system planned a deficit, so there is no deficit plan to compare a balanced one with."
	case a == n:
		return fmt.Sprintf("For %d of %d %s a deficit plan paid more than a balanced one: planning to balance was a losing strategy.",
			a, n, plural(n, "system", "systems"))
	case b == n:
		return fmt.Sprintf("For %d of %d %s a balanced plan paid more than a deficit one: planning a deficit was a losing strategy.",
			b, n, plural(n, "system", "systems"))
	case e == n:
		return fmt.Sprintf("For all %d %s a deficit plan paid the same as a balanced one: the plan made no difference.",
			n, plural(n, "system", "systems"))
	}
	var rest []string
	if e > 0 {
		rest = append(rest, fmt.Sprintf("for %d it made no difference", e))
	}
	if b > 0 {
		rest = append(rest, fmt.Sprintf("for %d a balanced plan paid more", b))
	}
	tail := strings.Join(rest, " and ")
	if a == 0 {
		return fmt.Sprintf("For none of the %d systems did a deficit plan pay more than a balanced one: %s.", n, tail)
	}
	return fmt.Sprintf("For %d of %d systems a deficit plan paid more than a balanced one; %s.", a, n, tail)
}

// MarginalText compares each group's median marginal price with the average
// price of a deficit (price, when has): "A further £1 of planned deficit
// would have brought a median of £0.4512 of effective grant to a system
// that planned a deficit and £0.0000 to one that planned to balance, against
// an average of £0.4800 per £1 of the deficit group's planned deficit."
func MarginalText(m MarginalPrices, price decimal.Decimal, has bool) string {
	var parts []string
	if m.HasDeficit {
		parts = append(parts, perPound(m.DeficitMedian)+" of effective grant to a system that planned a deficit")
	}
	if m.HasBalanced {
		what := " of effective grant to a system that planned to balance"
		if m.HasDeficit {
			what = " to one that planned to balance"
		}
		parts = append(parts, perPound(m.BalancedMedian)+what)
	}
	if len(parts) == 0 {
		return "There are no systems, so there is no marginal price."
	}
	s := "A further £1 of planned deficit would have brought a median of " + strings.Join(parts, " and ")
	if has {
		s += ", against an average of " + perPound(price) + " per £1 of the deficit group's planned deficit"
	}
	return s + "."
}

// perPound shows a price per £1 to its four places: "£0.4512", "−£0.0100".
func perPound(d decimal.Decimal) string {
	if d.IsNegative() {
		return "−£" + d.Neg().StringFixed(4)
	}
	return "£" + d.StringFixed(4)
}

// leverPct is LeverPercent.
func leverPct(d decimal.Decimal) string { return d.Shift(2).Round(2).String() + "%" }

// LeverPercent shows a lever's value as a percentage with the decimals it
// needs, at most two: 0.7130 is "71.3%", 0.4800 is "48%".
func LeverPercent(d decimal.Decimal) string { return leverPct(d) }

// what names the lever in a sentence.
func (l Lever) what(pdc bool) string {
	switch l.Name {
	case LeverWriteOff:
		return "write-off probability"
	case LeverInterest:
		if pdc {
			return "dividend rate"
		}
		return "interest rate"
	default:
		return "clawback"
	}
}

// LeverNote is the phrase that says what a lever's Value is, or why it has
// none, given its status (and, for not_monotone, whether the scan changed
// more than once: changes).
func LeverNote(l Lever, pdc bool, changes int) string {
	from, to := leverPct(l.From), leverPct(l.To)
	switch l.Status {
	case LeverFound:
		switch l.Name {
		case LeverWriteOff:
			return "the largest write-off probability at which the money does not reward deficit plans"
		case LeverInterest:
			return "the smallest " + l.what(pdc) + " at which the money does not reward deficit plans"
		default:
			return "the smallest share of the cash clawed back the following year at which the money does not reward deficit plans"
		}
	case LeverNoEffect:
		if l.Name == LeverWriteOff {
			return "not reached: the money is a grant, so there is nothing to repay or write off"
		}
		return "not reached: the money is a grant, so an interest rate has no effect"
	case LeverNotReached:
		return fmt.Sprintf("not reached in range: the money rewards deficit plans at every %s from %s to %s", l.what(pdc), from, to)
	case LeverNotMonotone:
		if changes > 1 {
			return fmt.Sprintf("not monotone: the verdict changes %d times between %s and %s", changes, from, to)
		}
		return fmt.Sprintf("not monotone: the money does not reward deficit plans at the %s end of the range (%s to %s)",
			wrongEnd(l.Name), from, to)
	default:
		return "not searched: the money does not reward deficit plans as it stands"
	}
}

// wrongEnd is the end of a lever's range at which a scan that changes the
// wrong way round does not reward deficit plans: "high" for the write-off
// (where the money is worth most), "low" for interest and clawback.
func wrongEnd(n LeverName) string {
	if n == LeverWriteOff {
		return "high"
	}
	return "low"
}

// clause is a found lever's condition: "at least 71.3% were certain to be
// repaid", "the loan carried 6.2% interest", "48% were clawed back the
// following year".
func (l Lever) clause(pdc bool) string {
	v := *l.Value
	switch l.Name {
	case LeverWriteOff:
		return "at least " + leverPct(decimal.NewFromInt(1).Sub(v)) + " were certain to be repaid"
	case LeverInterest:
		if pdc {
			return "the dividend were " + leverPct(v) + " a year"
		}
		return "the loan carried " + leverPct(v) + " interest"
	default:
		return leverPct(v) + " were clawed back the following year"
	}
}

// missing is the sentence for a lever with no threshold.
func (l Lever) missing(pdc bool) string {
	switch l.Status {
	case LeverNoEffect:
		if l.Name == LeverWriteOff {
			return "The write-off probability would not end it: the money is a grant, with nothing to repay."
		}
		return "Interest would not end it: the money is a grant."
	case LeverNotMonotone:
		return fmt.Sprintf("The verdict does not move one way with the %s between %s and %s, so no single %s ends it.",
			l.what(pdc), leverPct(l.From), leverPct(l.To), l.what(pdc))
	}
	switch l.Name {
	case LeverWriteOff:
		return "Even if all of it were certain to be repaid, it would still reward deficit plans."
	case LeverInterest:
		return "No " + l.what(pdc) + " up to " + leverPct(l.To) + " would end it."
	default:
		return "Clawing back up to " + leverPct(l.To) + " of the cash the following year would not end it."
	}
}

// EndingText is the terms' sentence: "It would stop rewarding deficit plans
// only if at least 71.3% were certain to be repaid, or the loan carried
// 6.2% interest, or 48% were clawed back the following year.", followed by a
// plain sentence for each lever that has no threshold. When the scenario
// does not reward deficit plans it is e.Note.
func EndingText(e EndingTerms) string {
	if !e.Rewarding {
		return e.Note
	}
	var found, other []string
	grant := e.WriteOff.Status == LeverNoEffect && e.Interest.Status == LeverNoEffect
	for _, l := range e.Levers() {
		switch {
		case l.Status == LeverFound && l.Value != nil:
			found = append(found, l.clause(e.PDC))
		case grant && l.Status == LeverNoEffect:
			if l.Name == LeverWriteOff {
				other = append(other, "Neither a write-off probability nor an interest rate would end it: the money is a grant.")
			}
		default:
			other = append(other, l.missing(e.PDC))
		}
	}
	var out []string
	if len(found) > 0 {
		out = append(out, "It would stop rewarding deficit plans only if "+strings.Join(found, ", or ")+".")
	} else {
		out = append(out, "None of the terms tried would stop it rewarding deficit plans.")
	}
	return strings.Join(append(out, other...), " ")
}

// NotRewardingNote is EndingTerms.Note for a scenario whose verdict, as it
// stands, is l (not rewards_deficit).
func NotRewardingNote(l Label) string {
	if l == CannotCompare {
		return "The groups cannot be compared, so there is no reward of deficit plans to end."
	}
	return "The money does not reward deficit plans as it stands (verdict: " + l.Words() + "), so there is no reward to end."
}
