package engine

import (
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

func dd(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// twoSystems: D planned a £1m deficit and ended £1.2m in deficit; B
// planned to balance and did. 100 people each.
func twoSystems() plan.Dataset {
	return plan.Dataset{Year: "2023/24", Systems: []plan.System{
		{Code: "D", Name: "D", Population: 100, WeightedPopulation: dd("100"), Plan: dd("-1000000"), Outturn: plan.Known(dd("-1200000"))},
		{Code: "B", Name: "B", Population: 100, WeightedPopulation: dd("100"), Plan: zero, Outturn: plan.Known(zero)},
	}}
}

// stfLike: £1m for deficit plans, pro rata, capped; half paid at once, half
// in 2024/25 if the outturn is within £100,000 of plan, forfeits
// redistributed; the overspend deducted in 2024/25 with probability 50%; a
// loan repaid whole in 2025/26; valued at 10% with no write-off.
func stfLike() plan.Scenario {
	sc := plan.NewScenario()
	sc.Title, sc.Pot = "STF-like", dd("1000000")
	sc.Eligibility = plan.Eligibility{Rule: plan.RuleDeficit, Basis: plan.BasisPlan}
	sc.Allocation.Method, sc.Allocation.Cap = plan.MethodProRata, plan.CapDeficit
	sc.Tranches = []plan.Tranche{plan.DefaultTranche(dd("0.5")),
		{Share: dd("0.5"), Paid: "2024/25", Condition: plan.ConditionOutturn, Tolerance: dd("100000"), Forfeit: plan.ForfeitRedistribute}}
	sc.Consequences = []plan.Consequence{{Kind: plan.Deduction, Base: plan.BaseOverspend, Rate: dd("1"), Year: "2024/25",
		Probability: dd("0.5"), Group: plan.AppliesAll}}
	sc.Repayment = &plan.Repayment{FirstYear: "2025/26", Years: 1, Interest: zero}
	sc.Assumptions.DiscountRate = dd("0.1")
	return sc
}

// TestTermsByHand works one small regime through by hand.
//
// D is allocated the whole £1m (B has no deficit) in parts of 500,000. Its
// outturn −1,200,000 is below plan − tolerance = −1,100,000, so the second
// part is withheld; B passed but has no part, so the forfeit is held. D
// receives 500,000; its overspend is 200,000, deducted in 2024/25 with
// probability 50%; it repays 500,000 in 2025/26. Over the common
// denominator 1.1² = 1.21:
//
//	G_D = (500,000·1.21 − 0.5·200,000·1.1 − 500,000) / 1.21
//	    = (605,000 − 110,000 − 500,000) / 1.21 = −5,000/1.21 = −4,132.23
//
// Fair shares share the 500,000 received by weighted population, 250,000
// each, so D's transfer is +250,000 and B's −250,000.
//
// B's prudence rerun: the median deficit per head is 1,000,000/100, so B
// plans −1,000,000 (its outturn stays 0). The pot is shared 500,000 each in
// parts of 250,000; D fails its second tranche again, B passes (0 >=
// −1,100,000) and takes D's whole forfeit of 250,000, paid in 2024/25. B
// receives 750,000 and repays it in 2025/26; its overspend is 0:
//
//	G_B = (250,000·1.21 + 500,000·1.1 − 750,000) / 1.21 = 102,500/1.21 = 84,710.74
//
// and as run B had nothing, so its penalty is 84,710.74.
func TestTermsByHand(t *testing.T) {
	res, err := Analyse(twoSystems(), stfLike())
	if err != nil {
		t.Fatal(err)
	}
	d, b := res.Systems[0], res.Systems[1]
	check := func(what string, got decimal.Decimal, want string) {
		t.Helper()
		if !got.Equal(dd(want)) {
			t.Errorf("%s = %s, want %s", what, got, want)
		}
	}
	check("D allocation", d.Allocation, "1000000")
	check("D received", d.Received, "500000")
	check("D withheld", d.Withheld, "500000")
	check("D effective grant", d.EffectiveGrant, "-4132.23")
	check("D fair share", d.FairShare, "250000")
	check("D transfer", d.Transfer, "250000")
	check("B transfer", b.Transfer, "-250000")
	check("D per head (500,000/100)", d.PerHead, "5000")
	if b.PrudencePenalty == nil {
		t.Fatal("B has no penalty")
	}
	check("B penalty", *b.PrudencePenalty, "84710.74")
	check("totals received", res.Totals.Received, "500000")
	check("totals withheld", res.Totals.Withheld, "500000")
	check("totals held", res.Totals.Held, "500000")
	check("totals redistributed", res.Totals.Redistributed, "0")
	check("totals deductions", res.Totals.Deductions, "200000")
	check("grant element (−4,132.23/500,000)", res.Totals.GrantElement, "-0.0083")

	if len(d.Tranches) != 2 || len(b.Tranches) != 2 {
		t.Fatalf("tranches %+v %+v", d.Tranches, b.Tranches)
	}
	t1, t2 := d.Tranches[0], d.Tranches[1]
	if !t1.Passed || t1.Paid != "2023/24" || !t1.Value.Equal(dd("500000")) || t1.Why() != "Paid unconditionally." {
		t.Errorf("tranche 1 %+v %q", t1, t1.Why())
	}
	wantWhy := "Withheld: outturn -£1,200,000.00 is below -£1,100,000.00 (plan -£1,000,000.00 less £100,000.00 tolerance)."
	if t2.Passed || !t2.Known || t2.Paid != "2024/25" || t2.T != 1 || !t2.Amount.Equal(dd("500000")) || !t2.Value.IsZero() || t2.Why() != wantWhy {
		t.Errorf("tranche 2 %+v\n%q", t2, t2.Why())
	}
	if len(d.Consequences) != 1 || len(b.Consequences) != 0 {
		t.Fatalf("consequences %+v %+v", d.Consequences, b.Consequences)
	}
	// 0.5 × 200,000 / 1.1 = 90,909.0909… → 90,909.09
	c := d.Consequences[0]
	if !c.BaseAmount.Equal(dd("200000")) || !c.Amount.Equal(dd("200000")) || !c.Value.Equal(dd("90909.09")) || c.Year != "2024/25" ||
		c.Sum() != "100% × £200,000.00 overspend = £200,000.00" {
		t.Errorf("consequence %+v %q", c, c.Sum())
	}
	wantFlows := []analysis.YearFlow{
		{Year: "2023/24", T: 0, Paid: dd("500000")},
		{Year: "2024/25", T: 1, Deductions: dd("200000")},
		{Year: "2025/26", T: 2, Principal: dd("500000")},
	}
	if len(res.Flows) != len(wantFlows) {
		t.Fatalf("flows %+v", res.Flows)
	}
	for k, w := range wantFlows {
		g := res.Flows[k]
		if g.Year != w.Year || g.T != w.T || !g.Paid.Equal(w.Paid) || !g.Deductions.Equal(w.Deductions) || !g.Principal.Equal(w.Principal) ||
			!g.Interest.IsZero() || !g.Dividends.IsZero() || !g.Bonuses.IsZero() {
			t.Errorf("flow %d: %+v, want %+v", k, g, w)
		}
	}
	if res.Verdict.Label != analysis.RewardsBalanced { // −£41.32 a head against £0.00
		t.Errorf("verdict %s", res.Verdict.Label)
	}
}

// TestPDCAndPotDeficitsByHand: pot = "deficits" gives D exactly its
// £1,000,000; converted to PDC at 3.5% for two years from 2024/25, the
// dividend is 35,000 in each of t = 1 and 2; at r = 0 and w = 0,
// G = 1,000,000 − 70,000 = 930,000, and the dividends show as dividends,
// not interest, by year.
func TestPDCAndPotDeficitsByHand(t *testing.T) {
	sc := stfLike()
	sc.Tranches, sc.Consequences = nil, nil
	sc.PotDeficits, sc.Pot = true, zero
	sc.Repayment = &plan.Repayment{Kind: plan.RepaymentPDC, FirstYear: "2024/25", Years: 2, Interest: dd("0.035")}
	sc.Assumptions.DiscountRate = zero
	res, err := Analyse(twoSystems(), sc)
	if err != nil {
		t.Fatal(err)
	}
	d := res.Systems[0]
	if !res.Totals.Pot.Equal(dd("1000000")) || !d.Received.Equal(dd("1000000")) || !d.EffectiveGrant.Equal(dd("930000")) {
		t.Errorf("pot %s received %s G %s", res.Totals.Pot, d.Received, d.EffectiveGrant)
	}
	if len(d.Repayments) != 2 || !d.Repayments[0].Principal.IsZero() || !d.Repayments[1].Interest.Equal(dd("35000")) {
		t.Errorf("repayments %+v", d.Repayments)
	}
	if len(res.Flows) != 3 || !res.Flows[1].Dividends.Equal(dd("35000")) || !res.Flows[2].Interest.IsZero() || !res.Totals.Repayments.Equal(dd("70000")) {
		t.Errorf("flows %+v", res.Flows)
	}
	// B's prudence rerun plans −1,000,000: the pot is worked out again as
	// 2,000,000, so B receives 1,000,000 and pays 70,000 of dividends.
	if b := res.Systems[1]; b.PrudencePenalty == nil || !b.PrudencePenalty.Equal(dd("930000")) {
		t.Errorf("B penalty %v", b.PrudencePenalty)
	}
}

// TestUnknownFiguresCounted: with no outturns, the outturn tranche is paid
// to D untested and the overspend is not deducted; the caveats say so.
func TestUnknownFiguresCounted(t *testing.T) {
	ds := twoSystems()
	for i := range ds.Systems {
		ds.Systems[i].Outturn = plan.Figure{}
	}
	res, err := Analyse(ds, stfLike())
	if err != nil {
		t.Fatal(err)
	}
	// Both systems are tested (B's part is 0); both consequences pairs lack an outturn.
	if res.Terms.UnknownTested != 2 || res.Terms.Unapplied != 2 || !res.Systems[0].Received.Equal(dd("1000000")) {
		t.Errorf("terms %+v, D received %s", res.Terms, res.Systems[0].Received)
	}
	want := []string{"2 systems have no figure for a tranche's condition (forecast or outturn), so they are treated as passing it.",
		"2 consequences were not applied for want of an outturn figure."}
	found := 0
	for _, c := range res.Caveats {
		for _, w := range want {
			if c == w {
				found++
			}
		}
	}
	if found != 2 {
		t.Errorf("caveats %q", res.Caveats)
	}
	if why := res.Systems[0].Tranches[1].Why(); why != "Paid without the test: the system has no outturn figure." {
		t.Errorf("why %q", why)
	}
}

// TestPrudenceTraceWithTerms: the trace of B's rerun in TestTermsByHand
// receives 500,000 allocated plus D's 250,000 forfeit and gives the
// penalty the analysis gives, 84,710.74.
func TestPrudenceTraceWithTerms(t *testing.T) {
	tr, err := PrudenceTrace(twoSystems(), stfLike(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if !tr.Allocation.Equal(dd("500000")) || !tr.Received.Equal(dd("750000")) || !tr.AsRun.IsZero() || !tr.Penalty.Equal(dd("84710.74")) {
		t.Errorf("trace %+v", tr)
	}
}
