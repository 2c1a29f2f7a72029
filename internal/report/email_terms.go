package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// The email's words for the terms: the Terms line names the conditional
// tranches and the consequences, with what they withheld, took and gave;
// the Scenario line is kept short when the scenario's note is long (the
// regime library's notes run to a page of sources).

// emailTranches is the Terms line's clause for the conditional tranches,
// after the sharing rule: ", with the fourth quarter (25%) paid only to
// systems whose forecast is not below plan (none withheld)"; "" when no
// tranche is conditional.
func emailTranches(r analysis.Result) string {
	sc := r.Scenario
	quarters := len(sc.Tranches) == 4
	for _, t := range sc.Tranches {
		quarters = quarters && t.Share.Equal(sc.Tranches[0].Share)
	}
	sums := sumTranches(r)
	var parts []string
	for _, run := range trancheRuns(sc, r.Dataset.Year) {
		if !conditional(run.t) {
			continue
		}
		s := ordinalNames(run.first, run.last, quarters) + " (" + run.share() + ") paid "
		if run.paid != r.Dataset.Year {
			s += "in " + clean(run.paid) + " "
		}
		parts = append(parts, s+testWords(run.t)+" ("+withheldWords(sums[run.first:run.last+1], run.t.Forfeit)+")")
	}
	if len(parts) == 0 {
		return ""
	}
	return ", with " + strings.Join(parts, ", and ")
}

// ordinals name tranches in the email, up to the tenth.
var ordinals = []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

// ordinalNames is "the fourth quarter", "the second to fourth tranches" or,
// past the tenth, "tranches 11 to 12".
func ordinalNames(first, last int, quarters bool) string {
	unit, units := "tranche", "tranches"
	if quarters {
		unit, units = "quarter", "quarters"
	}
	if last >= len(ordinals) {
		if first == last {
			return unit + " " + itoa(first+1)
		}
		return units + " " + itoa(first+1) + " to " + itoa(last+1)
	}
	if first == last {
		return "the " + ordinals[first] + " " + unit
	}
	return "the " + ordinals[first] + " to " + ordinals[last] + " " + units
}

// withheldWords says what a run of tranches withheld: "none withheld", or
// "£454.9m withheld from 13 systems, held" / "…, shared among those that
// passed" (the sums are the run's tranches').
func withheldWords(sums []trancheSums, f plan.Forfeit) string {
	failed := map[int]bool{}
	withheld, shared := decimal.Zero, decimal.Zero
	for _, o := range sums {
		withheld = withheld.Add(o.amount.Sub(o.paid))
		shared = shared.Add(o.redistributed)
		for _, i := range o.failed {
			failed[i] = true
		}
	}
	if len(failed) == 0 {
		return "none withheld"
	}
	s := pounds(withheld) + " withheld from " + systems(len(failed))
	if f == plan.ForfeitRedistribute && shared.IsPositive() {
		return s + ", shared among those that passed"
	}
	return s + ", held"
}

// emailConsequences is the Terms line's clause for the consequences,
// after the repayment: "; a deduction of 100% of any overspend against
// plan in 2024/25 (£148.6m deducted at face value)"; "" when there are none.
func emailConsequences(r analysis.Result) string {
	cs := r.Scenario.Consequences
	if len(cs) == 0 {
		return ""
	}
	t := r.Totals
	var amounts []string
	if t.Deductions.IsPositive() {
		amounts = append(amounts, pounds(t.Deductions)+" deducted")
	}
	if t.Bonuses.IsPositive() {
		amounts = append(amounts, pounds(t.Bonuses)+" given")
	}
	total := "nothing applied"
	if len(amounts) > 0 {
		total = andList(amounts) + " at face value"
	}
	return "; " + describeConsequences(cs) + " (" + total + ")"
}

// emailRepayment is the Terms line's words for the repayment.
func emailRepayment(sc plan.Scenario) string {
	switch r := sc.Repayment; {
	case r == nil:
		return "not repayable (a grant)"
	case r.IsPDC():
		return "never repaid: public dividend capital with " + pdcWords(*r)
	}
	return "repayable over " + describeRepayment(sc)
}

// scenarioLineMost is the longest Scenario line the email keeps whole; a
// longer one (a regime's note with its sources) keeps the note's first
// sentence and sends the reader to the report.
const scenarioLineMost = 500

// emailScenario is the Scenario line: the title and the note, or, when
// that is longer than scenarioLineMost, the title, the note's first
// sentence and "(see the report)".
func emailScenario(title, note string) string {
	line := "Scenario: " + title + ". " + note
	if utf8.RuneCountInString(line) <= scenarioLineMost {
		return line
	}
	first := firstSentence(note)
	if n := scenarioLineMost - utf8.RuneCountInString(title) - 40; utf8.RuneCountInString(first) > n {
		first = truncate(first, max(n, 20))
	}
	return "Scenario: " + title + ". " + first + " (see the report)"
}

// firstSentence is s up to its first full stop, question or exclamation
// mark that is followed by a space and a capital letter (so "e.g. the" and
// "£2.2bn" do not end it), or all of s.
func firstSentence(s string) string {
	for i := 0; i+2 < len(s); i++ {
		if c := s[i]; (c == '.' || c == '?' || c == '!') && s[i+1] == ' ' {
			if r, _ := utf8.DecodeRuneInString(s[i+2:]); unicode.IsUpper(r) {
				return s[:i+1]
			}
		}
	}
	return s
}
