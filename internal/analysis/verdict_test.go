package analysis

import (
	"reflect"
	"testing"

	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestVerdictThresholds(t *testing.T) {
	cases := []struct {
		dN, bN int
		gD, gB string
		want   Label
	}{
		{1, 1, "11.00", "10.00", Neutral},         // exactly 10% more: not more than 10%
		{1, 1, "11.01", "10.00", RewardsDeficit},  // more than 10% and £1.01 ≥ £1
		{1, 1, "5.50", "4.50", RewardsDeficit},    // 22% more and exactly £1
		{1, 1, "5.49", "4.50", Neutral},           // 22% more but £0.99
		{1, 1, "0.50", "0.00", Neutral},           // infinitely more but under £1
		{1, 1, "1.00", "0.00", RewardsDeficit},    // exactly £1 over nothing
		{1, 1, "10.00", "11.01", RewardsBalanced}, // mirror
		{1, 1, "10.00", "11.00", Neutral},         // mirror, exactly 10%
		{1, 1, "4.50", "5.50", RewardsBalanced},   // mirror, exactly £1
		{0, 1, "0", "5", CannotCompare},
		{1, 0, "5", "0", CannotCompare},
	}
	for _, c := range cases {
		if got := Judge(c.dN, c.bN, d(c.gD), d(c.gB)); got != c.want {
			t.Errorf("gD %s gB %s: %s, want %s", c.gD, c.gB, got, c.want)
		}
	}
	v := VerdictOf(GroupResult{Systems: 2, GrantPerHead: d("19.44")}, GroupResult{Systems: 3, GrantPerHead: d("4.86")})
	want := "Systems that planned deficits receive £19.44 of effective grant per head, against £4.86 for systems that planned to balance: 4.0 times as much."
	if v.Label != RewardsDeficit || v.Text != want {
		t.Errorf("%s\n%s", v.Label, v.Text)
	}
}

// TestCaveatsOf pins every caveat on one hand-made result: 2 of 4 figures
// illustrative; 1 system with no forecast; 2 eligible systems with no plan
// figure; £40 of the £100 pot unallocated with one system eligible and a
// round of water-filling (so the caps bound); eligibility on forecasts; and
// a verdict (rewards deficit plans) that 2 of the 3 grid cells do not share,
// the first of them at a 0% write-off and 0% rate.
func TestCaveatsOf(t *testing.T) {
	r := &Result{
		Dataset: DatasetInfo{Systems: 4, Illustrative: 2},
		Scenario: plan.Scenario{Pot: d("100"), Eligibility: plan.Eligibility{Rule: plan.RuleDeficit, Basis: plan.BasisForecast},
			Allocation: plan.Allocation{Basis: plan.BasisPlan}},
		Systems:     []SystemResult{{Eligible: true}, {}, {}, {}},
		Allocation:  Allocation{Rounds: []Round{{}}, Unallocated: d("40"), UnknownBasis: 1, UnknownAllocBasis: 2},
		Sensitivity: []Cell{cell("0.5", "0.035", RewardsDeficit), cell("0", "0", Neutral), cell("1", "0", RewardsBalanced)},
		Verdict:     Verdict{Label: RewardsDeficit},
	}
	want := []string{
		"2 of the 4 plan figures are illustrative, not reported (see the source column).",
		"1 system has no forecast figure and is treated as not eligible.",
		"2 eligible systems have no plan figure, so their deficit on that basis is taken as zero.",
		"£40.00 of the £100.00 pot is not allocated: the eligible systems' caps total less than the pot.",
		"Eligibility is decided on forecast figures but the groups on plans, so a system can receive money in either group.",
		"The verdict holds in 1 of the 3 combinations of write-off and discount rate tried; for example, with a 0% write-off at a 0% discount rate the money is neutral.",
	}
	if got := CaveatsOf(r); !reflect.DeepEqual(got, want) {
		t.Errorf("caveats:\n%q\nwant\n%q", got, want)
	}
	// Every cell agrees and nothing else is wrong: no caveats at all.
	ok := &Result{Dataset: DatasetInfo{Systems: 1}, Sensitivity: []Cell{cell("0", "0", Neutral)}, Verdict: Verdict{Label: Neutral},
		Scenario: plan.Scenario{Eligibility: plan.Eligibility{Rule: plan.RuleAll}}}
	if got := CaveatsOf(ok); len(got) != 0 {
		t.Errorf("caveats of a clean result: %q", got)
	}
}

// TestSourcingCaveat: of four systems graded by their file, one is low
// confidence, one has neither a source nor a URL, and two are sourced (a
// URL, or source text graded medium): 2 of the 4. A file that grades
// nothing has no such caveat.
func TestSourcingCaveat(t *testing.T) {
	sys := func(source, url string, c plan.Confidence) SystemResult {
		return SystemResult{System: plan.System{Source: source, SourceURL: url, Confidence: c}}
	}
	r := &Result{Dataset: DatasetInfo{Systems: 4}, Verdict: Verdict{Label: Neutral},
		Scenario: plan.Scenario{Eligibility: plan.Eligibility{Rule: plan.RuleAll}},
		Systems: []SystemResult{sys("HSJ", "https://example.org/a", plan.ConfidenceLow), sys(" ", "", plan.ConfidenceUnknown),
			sys("", "https://example.org/b", plan.ConfidenceHigh), sys("board paper", "", plan.ConfidenceMedium)}}
	want := []string{"2 of the 4 systems' figures are graded low confidence or have no source (see the confidence and source columns)."}
	if got := CaveatsOf(r); !reflect.DeepEqual(got, want) {
		t.Errorf("caveats:\n%q\nwant\n%q", got, want)
	}
	r.Systems = []SystemResult{sys("", "", plan.ConfidenceUnknown), sys("reported", "", plan.ConfidenceUnknown)}
	if got := CaveatsOf(r); len(got) != 0 {
		t.Errorf("ungraded file: %q", got)
	}
}

// TestRobustnessCaveatReadsAsEnglish: the caveat names the first cell whose
// verdict differs in a clause that reads as English whichever of the four
// labels that cell has (it once read "it is rewards balanced plans").
func TestRobustnessCaveatReadsAsEnglish(t *testing.T) {
	const lead = "The verdict holds in 1 of the 2 combinations of write-off and discount rate tried; with a 25% write-off at a 3.5% discount rate "
	for cellLabel, want := range map[Label]string{
		RewardsDeficit:  lead + "the money rewards deficit plans.",
		RewardsBalanced: lead + "the money rewards balanced plans.",
		Neutral:         lead + "the money is neutral.",
		CannotCompare:   lead + "the groups cannot be compared.",
	} {
		own := Neutral
		if cellLabel == Neutral {
			own = RewardsBalanced
		}
		r := &Result{Dataset: DatasetInfo{Systems: 1}, Verdict: Verdict{Label: own},
			Scenario:    plan.Scenario{Eligibility: plan.Eligibility{Rule: plan.RuleAll}},
			Sensitivity: []Cell{cell("0.5", "0.035", own), cell("0.25", "0.035", cellLabel)}}
		got := CaveatsOf(r)
		if len(got) != 1 || got[0] != want {
			t.Errorf("a %s cell under a %s verdict: %q, want %q", cellLabel, own, got, want)
		}
	}
}
