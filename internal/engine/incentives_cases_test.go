package engine

import (
	"strings"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// TestIncentivesNotMonotone: a write-off at which the verdict changes
// twice, and an interest rate that never ends the reward.
//
// D (1,000 people, plan −£1m, weighted population 21) and B (1,000
// people, plan 0, weighted 20) share £41,000 by weighted population:
// 21,000 and 20,000, loans repaid whole in 2024/25, undiscounted, so G =
// w·A; D also gets a certain bonus of 0.075% of its deficit, £750, now.
// Per head: D 21w + 0.75, B 20w. The money rewards deficit plans while
// 21w + 0.75 > 1.1·20w (w < 0.75) and 21w + 0.75 − 20w >= 1 (w >= 0.25): at
// 0.24 D has £5.79 and B £4.80 (£0.99 apart); at 0.25 £6.00 and £5.00; at
// 0.74 £16.29 against 1.1 × £14.80 = £16.28; at 0.75 £16.50 against
// exactly 1.1 × £15.00. So the scan (every 0.01) changes at 0.25 and 0.75:
// not monotone. At w = 0.5 and an interest rate q charged once on the
// balance, G = A·(0.5 − 0.5q): D 11.25 − 10.5q, B 10 − 10q, £1.25 − 0.5q
// apart, at least £1 for every q up to 50%: not reached within 20%.
func TestIncentivesNotMonotone(t *testing.T) {
	ds := plan.Dataset{Year: "2023/24", Systems: []plan.System{
		{Code: "D", Name: "D", Population: 1000, WeightedPopulation: dd("21"), Plan: dd("-1000000")},
		{Code: "B", Name: "B", Population: 1000, WeightedPopulation: dd("20"), Plan: zero}}}
	sc := sixScenario()
	sc.Pot = dd("41000")
	sc.Eligibility.Rule = plan.RuleAll
	sc.Allocation.Method, sc.Allocation.Cap = plan.MethodPerCapita, plan.CapNone
	sc.Assumptions.WriteOff = dd("0.5")
	sc.Consequences = []plan.Consequence{{Kind: plan.Bonus, Base: plan.BaseDeficit, Rate: dd("0.00075"), Year: "2023/24",
		Probability: one, Group: plan.AppliesDeficit}}
	res, err := Analyse(ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	e := res.Incentives.Ending
	if res.Verdict.Label != analysis.RewardsDeficit || e.WriteOff.Status != analysis.LeverNotMonotone || e.WriteOff.Value != nil {
		t.Fatalf("verdict %s, write-off %s %v", res.Verdict.Label, e.WriteOff.Status, e.WriteOff.Value)
	}
	s := e.WriteOff.Scan
	if s[24].Rewards() || !s[25].Rewards() || !s[74].Rewards() || s[75].Rewards() {
		t.Errorf("scan at 24, 25, 74, 75: %s %s %s %s", s[24].Verdict, s[25].Verdict, s[74].Verdict, s[75].Verdict)
	}
	if e.WriteOff.Note != "not monotone: the verdict changes 2 times between 0% and 100%" {
		t.Errorf("note %q", e.WriteOff.Note)
	}
	if e.Interest.Status != analysis.LeverNotReached ||
		e.Interest.Note != "not reached in range: the money rewards deficit plans at every interest rate from 0% to 20%" {
		t.Errorf("interest %s %q", e.Interest.Status, e.Interest.Note)
	}
	want := "The verdict does not move one way with the write-off probability between 0% and 100%, so no single write-off probability ends it. " +
		"No interest rate up to 20% would end it."
	if !strings.HasPrefix(e.Text, "It would stop rewarding deficit plans only if ") || !strings.HasSuffix(e.Text, want) {
		t.Errorf("text %q", e.Text)
	}
}

// TestIncentivesGrant: with no repayment neither the interest rate nor
// the write-off has any effect (not reached), and the sentence says so.
// The six systems' grant is worth its face value, so a clawback must take
// back nearly all of it: the deficit group's 4,000,000 less 4,000,000·q
// must fall below 199,000, at q = 0.9503 (198,800), while 0.9502 leaves
// 199,200.
func TestIncentivesGrant(t *testing.T) {
	sc := sixScenario()
	sc.Repayment = nil
	res, err := Analyse(sixSystems(), sc)
	if err != nil {
		t.Fatal(err)
	}
	e := res.Incentives.Ending
	for _, l := range []analysis.Lever{e.Interest, e.WriteOff} {
		if l.Status != analysis.LeverNoEffect || l.Value != nil || len(l.Scan) != 0 {
			t.Errorf("%s: %+v", l.Name, l)
		}
	}
	if e.Interest.Note != "not reached: the money is a grant, so an interest rate has no effect" ||
		e.WriteOff.Note != "not reached: the money is a grant, so there is nothing to repay or write off" {
		t.Errorf("notes %q, %q", e.Interest.Note, e.WriteOff.Note)
	}
	if e.Clawback.Value == nil || e.Clawback.Value.StringFixed(4) != "0.9503" {
		t.Errorf("clawback %v", e.Clawback.Value)
	}
	want := "It would stop rewarding deficit plans only if 95.03% were clawed back the following year. " +
		"Neither a write-off probability nor an interest rate would end it: the money is a grant."
	if e.Text != want {
		t.Errorf("text %q", e.Text)
	}
}

// TestIncentivesNoDeficitGroup: with no deficit planner there is no deficit
// plan to compare, so no gain is counted, and nothing rewards deficit
// plans, so no term is searched.
func TestIncentivesNoDeficitGroup(t *testing.T) {
	ds := sixSystems()
	ds.Systems = ds.Systems[3:]
	res, err := Analyse(ds, sixScenario())
	if err != nil {
		t.Fatal(err)
	}
	inc := res.Incentives
	for i, r := range inc.Systems {
		if r.Gain != nil || !r.OwnIsBalanced || !r.DeficitPlan.IsZero() {
			t.Errorf("%s: %+v", res.Systems[i].Code, r)
		}
	}
	if inc.Strategy != (analysis.Strategy{Text: "No system planned a deficit, so there is no deficit plan to compare a balanced one with."}) {
		t.Errorf("strategy %+v", inc.Strategy)
	}
	// D and F at −£1m: the only deficit, so the whole £1m (capped at it); G
	// 100,000, price 0.1. E at 0: nothing.
	if p := inc.Systems[0].MarginalPrice; p.StringFixed(4) != "0.1000" || inc.Marginal.HasDeficit ||
		inc.Marginal.BalancedMedian.StringFixed(4) != "0.1000" {
		t.Errorf("marginal %s, %+v", p, inc.Marginal)
	}
	e := inc.Ending
	if e.Rewarding || e.Note != "The groups cannot be compared, so there is no reward of deficit plans to end." || e.Text != e.Note {
		t.Errorf("ending %+v", e)
	}
	for _, l := range e.Levers() {
		if l.Status != analysis.LeverNotSearched || l.Value != nil || len(l.Scan) != 0 {
			t.Errorf("%s: %s", l.Name, l.Status)
		}
	}
}

// TestIncentivesPDC: the interest lever of public dividend capital is the
// dividend's rate. The six systems as PDC with a dividend in 2024/25: each
// deficit planner pays round(R·q) once, so the figures are the loan's.
func TestIncentivesPDC(t *testing.T) {
	sc := sixScenario()
	r := *sc.Repayment
	r.Kind = plan.RepaymentPDC
	sc.Repayment = &r
	sc.Assumptions.WriteOff = decimal.RequireFromString("0.1")
	res, err := Analyse(sixSystems(), sc)
	if err != nil {
		t.Fatal(err)
	}
	e := res.Incentives.Ending
	// PDC is never repaid: G = R − 0.9·dividend, so at a 0% dividend the
	// grant is the whole 4,000,000 (£20.00 a head) at any write-off: not
	// reached. The dividend: 4,000,000 − 0.9·4,000,000·q < 199,000 needs q >
	// 1.0558, not reached within 20%, and the sentence names the dividend.
	// A clawback must take 0.9503, as for a grant.
	if !e.PDC || e.Interest.Status != analysis.LeverNotReached || e.WriteOff.Status != analysis.LeverNotReached ||
		e.Clawback.Value == nil || e.Clawback.Value.StringFixed(4) != "0.9503" {
		t.Fatalf("interest %s, write-off %s, clawback %v", e.Interest.Status, e.WriteOff.Status, e.Clawback.Value)
	}
	if e.Interest.Note != "not reached in range: the money rewards deficit plans at every dividend rate from 0% to 20%" ||
		!strings.Contains(e.Text, "No dividend rate up to 20% would end it.") {
		t.Errorf("note %q, text %q", e.Interest.Note, e.Text)
	}
}
