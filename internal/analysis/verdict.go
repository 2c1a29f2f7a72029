package analysis

import (
	"fmt"
	"strings"

	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

var (
	tenPercent = decimal.RequireFromString("1.1")
	onePound   = decimal.NewFromInt(1)
)

// Judge applies the verdict rule to the groups' sizes and effective grant
// per head: one side is rewarded when its figure exceeds the other's by more
// than 10% and by at least £1 a head; with an empty group there is nothing to
// compare.
func Judge(dSystems, bSystems int, gD, gB decimal.Decimal) Label {
	switch {
	case dSystems == 0 || bSystems == 0:
		return CannotCompare
	case gD.GreaterThan(gB.Mul(tenPercent)) && gD.Sub(gB).GreaterThanOrEqual(onePound):
		return RewardsDeficit
	case gB.GreaterThan(gD.Mul(tenPercent)) && gB.Sub(gD).GreaterThanOrEqual(onePound):
		return RewardsBalanced
	default:
		return Neutral
	}
}

func pounds(d decimal.Decimal) string { return money.Format(d, money.Style{Scale: money.Pence}) }

// pct shows a rate as a percentage with one decimal only when it needs one:
// "0%", "3.5%".
func pct(d decimal.Decimal) string {
	if d.Shift(2).IsInteger() {
		return money.Percent(d, 0)
	}
	return money.Percent(d, 1)
}

// perHeadWords shows a per-head figure in a sentence: "nothing" for zero.
func perHeadWords(d decimal.Decimal) string {
	if d.IsZero() {
		return "nothing"
	}
	return pounds(d)
}

// times says how many times as much a is as b ("3.2 times as much"), or ""
// when b is not positive.
func times(a, b decimal.Decimal) string {
	if !b.IsPositive() {
		return ""
	}
	return fmt.Sprintf(": %s times as much", a.DivRound(b, 1).StringFixed(1))
}

// VerdictOf is the verdict on the deficit group dg and the balanced group
// bg: Judge's label on their effective grant per head, and one or two plain
// sentences with the figures that decide it.
func VerdictOf(dg, bg GroupResult) Verdict {
	l := Judge(dg.Systems, bg.Systems, dg.GrantPerHead, bg.GrantPerHead)
	gD, gB := dg.GrantPerHead, bg.GrantPerHead
	var text string
	switch l {
	case RewardsDeficit:
		text = fmt.Sprintf("Systems that planned deficits receive %s of effective grant per head, against %s for systems that planned to balance%s.",
			pounds(gD), perHeadWords(gB), times(gD, gB))
	case RewardsBalanced:
		text = fmt.Sprintf("Systems that planned to balance receive %s of effective grant per head, against %s for systems that planned deficits%s.",
			pounds(gB), perHeadWords(gD), times(gB, gD))
	case Neutral:
		text = fmt.Sprintf("Systems that planned deficits receive %s of effective grant per head and systems that planned to balance %s: "+
			"within 10%% or £1 a head of each other, so neither is rewarded.", pounds(gD), pounds(gB))
	default:
		switch {
		case dg.Systems == 0 && bg.Systems == 0:
			text = "There are no systems, so there is nothing to compare."
		case dg.Systems == 0:
			text = fmt.Sprintf("No system planned a deficit (all %d planned to balance), so there is no deficit group to compare with.", bg.Systems)
		default:
			text = fmt.Sprintf("Every system planned a deficit (all %d), so there is no balanced group to compare with.", dg.Systems)
		}
	}
	return Verdict{Label: l, Text: text}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// CaveatsOf lists, in plain sentences, what a reader must know before quoting
// the result's verdict: illustrative figures, figures graded low confidence
// or with no source, blank basis figures, money not
// allocated, eligibility and groups on different figures, and a verdict that
// changes across the sensitivity grid. It reads Dataset, Scenario, Systems,
// Allocation, Sensitivity and Verdict.
func CaveatsOf(res *Result) []string {
	var out []string
	n, ill := res.Dataset.Systems, res.Dataset.Illustrative
	switch {
	case ill > 0 && ill == n:
		out = append(out, fmt.Sprintf("All %d plan figures are illustrative, not reported (see the source column).", n))
	case ill > 0:
		out = append(out, fmt.Sprintf("%d of the %d plan figures are illustrative, not reported (see the source column).", ill, n))
	}
	if k := weaklySourced(res.Systems); k > 0 {
		out = append(out, fmt.Sprintf("%d of the %d systems' figures are graded low confidence or have no source (see the confidence and source columns).", k, n))
	}
	a := res.Allocation
	sc := res.Scenario
	if a.UnknownBasis > 0 {
		out = append(out, fmt.Sprintf("%d %s no %s figure and %s treated as not eligible.", a.UnknownBasis,
			plural(a.UnknownBasis, "system has", "systems have"), sc.Eligibility.Basis, plural(a.UnknownBasis, "is", "are")))
	}
	if a.UnknownAllocBasis > 0 {
		out = append(out, fmt.Sprintf("%d eligible %s no %s figure, so %s deficit on that basis is taken as zero.", a.UnknownAllocBasis,
			plural(a.UnknownAllocBasis, "system has", "systems have"), sc.Allocation.Basis, plural(a.UnknownAllocBasis, "its", "their")))
	}
	if a.Unallocated.IsPositive() {
		why := "the eligible systems' caps total less than the pot"
		eligible := 0
		for _, s := range res.Systems {
			if s.Eligible {
				eligible++
			}
		}
		switch {
		case eligible == 0:
			why = "no system is eligible"
		case len(a.Rounds) == 0:
			why = "no eligible system has any weight"
		}
		out = append(out, fmt.Sprintf("%s of the %s pot is not allocated: %s.", pounds(a.Unallocated), pounds(sc.Pot), why))
	}
	if sc.Eligibility.Rule != "all" && sc.Eligibility.Basis != "" && sc.Eligibility.Basis != "plan" {
		out = append(out, fmt.Sprintf("Eligibility is decided on %s figures but the groups on plans, so a system can receive money in either group.", sc.Eligibility.Basis))
	}
	out = append(out, termCaveats(res)...)
	if same, total := res.Robustness(); same < total {
		out = append(out, fmt.Sprintf("The verdict holds in %d of the %d combinations of write-off and discount rate tried; %s.",
			same, total, differsWhere(res, total-same)))
	}
	return out
}

// weaklySourced counts the systems whose figures the file grades low
// confidence, or for which it gives neither a source nor a source URL. A
// file that grades none of its systems (no confidence or source_url
// given) is not counted: it does not say how well its figures are known.
func weaklySourced(systems []SystemResult) int {
	graded := false
	for _, s := range systems {
		graded = graded || s.Confidence != plan.ConfidenceUnknown || strings.TrimSpace(s.SourceURL) != ""
	}
	k := 0
	for _, s := range systems {
		if graded && (s.Confidence == plan.ConfidenceLow || strings.TrimSpace(s.Source) == "" && strings.TrimSpace(s.SourceURL) == "") {
			k++
		}
	}
	return k
}

// differsWhere names the first sensitivity cell whose verdict is not the
// result's; differ is how many are not.
func differsWhere(res *Result, differ int) string {
	for _, c := range res.Sensitivity {
		if c.Verdict == res.Verdict.Label {
			continue
		}
		example := fmt.Sprintf("with a %s write-off at a %s discount rate %s", pct(c.WriteOff), pct(c.DiscountRate), c.Verdict.Clause())
		if differ > 1 {
			example = "for example, " + example
		}
		return example
	}
	return ""
}

// Clause returns the verdict as a clause that can end a sentence: "the money
// rewards deficit plans", "the money rewards balanced plans", "the money is
// neutral", "the groups cannot be compared". Words is the verdict's label,
// which reads as English only on its own or after "Verdict:".
func (l Label) Clause() string {
	switch l {
	case RewardsDeficit, RewardsBalanced:
		return "the money " + l.Words()
	case Neutral:
		return "the money is neutral"
	default:
		return "the groups cannot be compared"
	}
}
