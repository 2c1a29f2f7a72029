package report

import (
	"strings"

	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// The terms that follow the money in words, for the facts list, the terms
// section and the email: each run of like tranches ("tranches 2 to 4,
// 17.5% each, paid in 2023/24 only to systems whose forecast is not below
// plan") and each consequence ("a deduction of 100% of any overspend
// against plan in 2024/25").

// trancheRun is a run of consecutive tranches with the same share, year,
// condition, tolerance and (when conditional) forfeit, from first to last
// (0-based).
type trancheRun struct {
	first, last int
	t           plan.Tranche
	paid        string // the year paid, the plans' year when the tranche leaves it out
}

// trancheRuns groups the scenario's tranches into runs.
func trancheRuns(sc plan.Scenario, planYear string) []trancheRun {
	var out []trancheRun
	for i, t := range sc.Tranches {
		paid := t.Paid
		if paid == "" {
			paid = planYear
		}
		if n := len(out); n > 0 {
			p := &out[n-1]
			if p.paid == paid && p.t.Share.Equal(t.Share) && sameTest(p.t, t) {
				p.last = i
				continue
			}
		}
		out = append(out, trancheRun{first: i, last: i, t: t, paid: paid})
	}
	return out
}

// conditional reports whether the tranche is paid only on a test.
func conditional(t plan.Tranche) bool { return t.Condition != plan.ConditionNone && t.Condition != "" }

// sameTest reports whether two tranches are paid on the same test.
func sameTest(a, b plan.Tranche) bool {
	if conditional(a) != conditional(b) {
		return false
	}
	return !conditional(a) || a.Condition == b.Condition && a.Tolerance.Equal(b.Tolerance) && a.Forfeit == b.Forfeit
}

// names is "tranche 2" or "tranches 2 to 4".
func (r trancheRun) names() string {
	if r.first == r.last {
		return "tranche " + itoa(r.first+1)
	}
	return "tranches " + itoa(r.first+1) + " to " + itoa(r.last+1)
}

// share is "25%" or "25% each".
func (r trancheRun) share() string {
	if r.first == r.last {
		return pct(r.t.Share)
	}
	return pct(r.t.Share) + " each"
}

// testWords says who a tranche is paid to: "unconditionally", or "only to
// systems whose forecast is not below plan", "… no more than £20,000 below
// plan".
func testWords(t plan.Tranche) string {
	if !conditional(t) {
		return "unconditionally"
	}
	return "only to systems whose " + string(t.Condition) + " is " + thresholdWords(t.Tolerance)
}

// thresholdWords is "not below plan" or "no more than £20,000 below plan".
func thresholdWords(tol decimal.Decimal) string {
	if tol.IsPositive() {
		return "no more than " + pounds(tol) + " below plan"
	}
	return "not below plan"
}

// forfeitWords says what becomes of the money a conditional tranche
// withholds.
func forfeitWords(f plan.Forfeit) string {
	if f == plan.ForfeitRedistribute {
		return "shared among the systems that pass, by their part"
	}
	return "held by the centre"
}

// describeTranches is the facts list's line: each run of tranches, its
// share, year and test, and what becomes of its forfeits.
func describeTranches(sc plan.Scenario, planYear string) string {
	var parts []string
	for _, r := range trancheRuns(sc, planYear) {
		s := capital(r.names()) + ", " + r.share() + ", paid in " + clean(r.paid) + " " + testWords(r.t)
		if conditional(r.t) {
			s += "; forfeits " + forfeitWords(r.t.Forfeit)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ". ") + "."
}

// baseWords is what a consequence is a rate of: "any overspend against plan".
func baseWords(b plan.ConsequenceBase) string {
	switch b {
	case plan.BaseOverspend:
		return "any overspend against plan"
	case plan.BaseImprovement:
		return "any improvement on plan"
	case plan.BaseReceived:
		return "the cash received"
	default:
		return "the planned deficit"
	}
}

// chanceWords is "" for a certain consequence, else ", 50% likely".
func chanceWords(p decimal.Decimal) string {
	if p.GreaterThanOrEqual(decimal.NewFromInt(1)) {
		return ""
	}
	return ", " + pct(p) + " likely"
}

// groupWords is "" for every system, else " for deficit planners" or " for
// balanced planners".
func groupWords(g plan.Applies) string {
	switch g {
	case plan.AppliesDeficit:
		return " for deficit planners"
	case plan.AppliesBalanced:
		return " for balanced planners"
	}
	return ""
}

// describeConsequences says each consequence in words; consecutive ones
// that differ only in rate and year share their words: "a deduction of 100%
// of any overspend against plan in 2024/25, then 33.34% in 2025/26 and
// 33.33% in 2026/27; a bonus of 100% of any improvement on plan in 2024/25".
func describeConsequences(cs []plan.Consequence) string {
	var parts []string
	for i := 0; i < len(cs); {
		c := cs[i]
		k := i + 1
		for k < len(cs) && cs[k].Kind == c.Kind && cs[k].Base == c.Base && cs[k].Probability.Equal(c.Probability) &&
			cs[k].Group == c.Group {
			k++
		}
		s := "a " + string(c.Kind) + " of " + pct(c.Rate) + " of " + baseWords(c.Base) + " in " + clean(c.Year)
		var then []string
		for _, n := range cs[i+1 : k] {
			then = append(then, pct(n.Rate)+" in "+clean(n.Year))
		}
		if len(then) > 0 {
			s += ", then " + andList(then)
		}
		parts = append(parts, s+chanceWords(c.Probability)+groupWords(c.Group))
		i = k
	}
	return strings.Join(parts, "; ")
}

// andList joins words as a sentence does: "a", "a and b", "a, b and c".
func andList(ws []string) string {
	if len(ws) <= 1 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}

// potWords follows the pot's amount: " (the eligible systems' deficits)"
// for pot = "deficits", else "".
func potWords(sc plan.Scenario) string {
	if sc.PotDeficits {
		return " (the eligible systems' deficits)"
	}
	return ""
}

// pdcWords is "a 3.5% dividend on the cash received for 100 years from
// 2024/25".
func pdcWords(r plan.Repayment) string {
	years := "1 year"
	if r.Years != 1 {
		years = itoa(r.Years) + " years"
	}
	return "a " + pct(r.Interest) + " dividend on the cash received for " + years + " from " + clean(r.FirstYear)
}
