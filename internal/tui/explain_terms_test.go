package tui

import (
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"
)

// termsLibrary is one year of two systems under a small regime, to work
// through by hand. D planned a £1m deficit and ended £1.2m in deficit; B
// planned to balance and did; 100 people each. The £1m goes to deficit
// plans, pro rata, capped: half at once, half in 2024/25 if the outturn is
// within £100,000 of plan (forfeits redistributed); the overspend is
// deducted in 2024/25 with probability 50%; a loan repaid whole in 2025/26;
// valued at 10% with no write-off.
func termsLibrary() plan.Library {
	ds := plan.Dataset{Year: "2023/24", Path: "terms/systems.csv", Systems: []plan.System{
		{Code: "D", Name: "Deficit ICB", Population: 100, WeightedPopulation: dec("100"), Plan: dec("-1000000"),
			Outturn: plan.Known(dec("-1200000")), Source: "reported", SourceURL: "https://example.org/d", Confidence: plan.ConfidenceMedium},
		{Code: "B", Name: "Balanced ICB", Population: 100, WeightedPopulation: dec("100"), Plan: dec("0"), Outturn: plan.Known(dec("0"))},
	}}
	sc := plan.NewScenario()
	sc.Name, sc.Title, sc.Pot = "stf-like", "STF-like", dec("1000000")
	sc.Eligibility = plan.Eligibility{Rule: plan.RuleDeficit, Basis: plan.BasisPlan}
	sc.Allocation.Method, sc.Allocation.Cap = plan.MethodProRata, plan.CapDeficit
	sc.Tranches = []plan.Tranche{plan.DefaultTranche(dec("0.5")),
		{Share: dec("0.5"), Paid: "2024/25", Condition: plan.ConditionOutturn, Tolerance: dec("100000"), Forfeit: plan.ForfeitRedistribute}}
	sc.Consequences = []plan.Consequence{{Kind: plan.Deduction, Base: plan.BaseOverspend, Rate: dec("1"), Year: "2024/25",
		Probability: dec("0.5"), Group: plan.AppliesAll}}
	sc.Repayment = &plan.Repayment{FirstYear: "2025/26", Years: 1, Interest: dec("0")}
	sc.Assumptions.DiscountRate = dec("0.1")
	sc.Assumptions.WriteOff = dec("0")
	return plan.Library{Root: "terms", Years: []plan.Year{{Label: "2023/24", Dir: "2023-24", Dataset: ds, Scenarios: []plan.Scenario{sc}}}}
}

// TestExplainWalksTheTerms: D's explanation walks each tranche, the cash
// received, the consequence and the effective grant term by term.
//
// D is allocated the whole £1m in two parts of £500,000. Its outturn
// −£1,200,000 is below plan − tolerance = −£1,100,000, so the second part
// is withheld (B passed but had no part, so nothing is redistributed):
// R = 1,000,000 − 500,000 + 0 = £500,000, and £5,000 a head. Its overspend
// is 1,200,000 − 1,000,000 = £200,000, deducted in 2024/25 (t = 1) with
// probability 50%: worth 0.5 × 200,000 ÷ 1.1 = £90,909.09. It repays the
// £500,000 in 2025/26 (t = 2): factor 1 ÷ 1.21 = 0.826446, PV
// 500,000 ÷ 1.21 = £413,223.14. So
//
//	G = 500,000 + 0 − (1 − 0) × 413,223.1405 − 90,909.0909 = −£4,132.23,
//
// and G ÷ R = −4,132.23 ÷ 500,000 = −0.0083. Fair shares share the
// £500,000 received by weighted population, £250,000 each: D's transfer
// is +£250,000.
func TestExplainWalksTheTerms(t *testing.T) {
	hs := newHarness(t, termsLibrary(), Options{}, 100, 30)
	page := explainOf(t, hs, "Deficit ICB", 100)
	mustContain(t, page,
		"Published at https://example.org/d; confidence medium (M).",
		"Forecast blank; outturn -£1,200,000.00.",
		"Allocation: £1,000,000.00, before the tranches.",
		"5. Tranches: what is paid, and when",
		"Tranche 1 (50%, paid in 2023/24, t = 0): its part £500,000.00. Paid unconditionally. Received £500,000.00.",
		"Tranche 2 (50%, paid in 2024/25, t = 1, on the outturn with £100,000.00 tolerance, forfeits redistributed): its part £500,000.00. "+
			"Withheld: outturn -£1,200,000.00 is below -£1,100,000.00 (plan -£1,000,000.00 less £100,000.00 tolerance). Received £0.00.",
		"Received R = allocation − withheld + redistributed to it = £1,000,000.00 − £500,000.00 + £0.00 = £500,000.00.",
		"Per head £5,000.00 (R ÷ 100 people).",
		"Fair share (the cash received in all, by weighted population): £250,000.00; transfer R − fair share = £250,000.00.",
		"6. Consequences",
		"Consequence 1, a deduction on the overspend (for all planners): 100% × £200,000.00 overspend = £200,000.00, in 2024/25 (t = 1), "+
			"with probability 50%: worth 50% × £200,000.00 ÷ (1 + 10%)^1 = £90,909.09 today.",
		"Deductions in all £200,000.00; bonuses £0.00",
		"7. Repayments and discounting",
		"2025/26 2 £500,000.00 £0.00 £500,000.00 0.826446 £413,223.14",
		"8. Effective grant",
		"£500,000.00 tranche 1, received 2023/24 + £0.00 tranche 2, withheld − (1 − 0%) × £413,223.14 the PV of the repayments "+
			"− £90,909.09 deduction 1, 2024/25, 50% likely = -£4,132.23 G, from the exact terms",
		"Grant element G ÷ R = -0.0083.",
		"9. Prudence penalty")
	mustNotContain(t, page, "A − (1 − write-off) × PV")

	// B: the deduction is not applied, and why.
	hs.keys("esc", "/", "ctrl+u", "enter")
	page = explainOf(t, hs, "Balanced ICB", 100)
	mustContain(t, page, "Consequence 1, a deduction on the overspend (for all planners): nothing, since its outturn is not below its plan.",
		"Tranche 2 (50%, paid in 2024/25, t = 1, on the outturn with £100,000.00 tolerance, forfeits redistributed): its part £0.00. "+
			"Paid: outturn £0.00 is at least -£100,000.00 (plan £0.00 less £100,000.00 tolerance). Received £0.00.")
}

// TestNotApplied: each reason a consequence is not applied to a system.
func TestNotApplied(t *testing.T) {
	sys := func(group analysis.Group, p string, outturn *string, received string) *analysis.SystemResult {
		s := &analysis.SystemResult{Group: group, Received: dec(received)}
		s.Plan = dec(p)
		if outturn != nil {
			s.Outturn = plan.Known(dec(*outturn))
		}
		return s
	}
	str := func(s string) *string { return &s }
	c := func(base plan.ConsequenceBase, group plan.Applies, rate string) plan.Consequence {
		return plan.Consequence{Kind: plan.Deduction, Base: base, Rate: dec(rate), Group: group}
	}
	for _, tc := range []struct {
		c    plan.Consequence
		s    *analysis.SystemResult
		want string
	}{
		{c(plan.BaseDeficit, plan.AppliesDeficit, "1"), sys(analysis.Balanced, "0", nil, "0"), "not applied, since it planned to balance"},
		{c(plan.BaseDeficit, plan.AppliesBalanced, "1"), sys(analysis.Deficit, "-5", nil, "0"), "not applied, since it planned a deficit"},
		{c(plan.BaseOverspend, plan.AppliesAll, "1"), sys(analysis.Deficit, "-5", nil, "0"), "not applied: its outturn is blank (the caveats count this)"},
		{c(plan.BaseReceived, plan.AppliesAll, "0"), sys(analysis.Deficit, "-5", nil, "9"), "nothing, at a rate of 0%"},
		{c(plan.BaseOverspend, plan.AppliesAll, "1"), sys(analysis.Deficit, "-5", str("-5"), "0"), "nothing, since its outturn is not below its plan"},
		{c(plan.BaseImprovement, plan.AppliesAll, "1"), sys(analysis.Deficit, "-5", str("-6"), "0"), "nothing, since its outturn is not above its plan"},
		{c(plan.BaseReceived, plan.AppliesAll, "1"), sys(analysis.Deficit, "-5", nil, "0"), "nothing, since it received nothing"},
		{c(plan.BaseDeficit, plan.AppliesAll, "1"), sys(analysis.Balanced, "3", nil, "0"), "nothing, since it planned no deficit"},
		// 0.0001% of £1,000 received is £0.001: less than the £1 unit.
		{c(plan.BaseReceived, plan.AppliesAll, "0.000001"), sys(analysis.Deficit, "-5", nil, "1000"), "nothing: the amount rounds to less than one unit"},
	} {
		if got := notApplied(tc.c, tc.s); got != tc.want {
			t.Errorf("%s on %s for %s planners: %q, want %q", tc.c.Base, tc.s.Group, tc.c.Group, got, tc.want)
		}
	}
}
