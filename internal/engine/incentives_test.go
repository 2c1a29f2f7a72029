package engine

import (
	"context"
	"reflect"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// sixSystems: three systems planned deficits of £40 a head (A −£4m for
// 100,000 people, B and C −£2m for 50,000 each) and three planned to
// balance (D 0 for 100,000, E +£1m for 100,000, F 0 for 200,000).
func sixSystems() plan.Dataset {
	s := func(code string, pop int64, p string) plan.System {
		return plan.System{Code: code, Name: code, Population: pop, WeightedPopulation: decimal.NewFromInt(pop), Plan: dd(p)}
	}
	return plan.Dataset{Year: "2023/24", Systems: []plan.System{
		s("A", 100_000, "-4000000"), s("B", 50_000, "-2000000"), s("C", 50_000, "-2000000"),
		s("D", 100_000, "0"), s("E", 100_000, "1000000"), s("F", 200_000, "0")}}
}

// sixScenario: £4m for deficit plans, pro rata, capped at each deficit, in
// whole pounds; a loan repaid whole in 2024/25 at 0% interest; no
// discounting and a 10% chance of write-off, so a system's effective grant
// is G = A − 0.9·A = 0.1·A.
func sixScenario() plan.Scenario {
	sc := plan.NewScenario()
	sc.Title, sc.Pot = "Six systems", dd("4000000")
	sc.Eligibility = plan.Eligibility{Rule: plan.RuleDeficit, Basis: plan.BasisPlan}
	sc.Allocation = plan.Allocation{Method: plan.MethodProRata, Basis: plan.BasisPlan, Cap: plan.CapDeficit, Unit: dd("1")}
	sc.Repayment = &plan.Repayment{FirstYear: "2024/25", Years: 1, Interest: zero}
	sc.Assumptions = plan.Assumptions{DiscountRate: zero, WriteOff: dd("0.1"), BalancedThreshold: zero}
	return sc
}

// TestIncentivesByHand works the six systems through by hand.
//
// As run: the deficits total £8m and the pot is half of it, so A gets
// 2,000,000, B and C 1,000,000 each (no cap binds); G = 0.1·A: 200,000,
// 100,000, 100,000. The deficit group has 400,000 over 200,000 people,
// £2.00 a head; the balanced group nothing: rewards deficit plans.
//
// Strategy. Deficit planners at plan 0: A's rerun shares £4m over B and C's
// £4m of deficits, 2,000,000 each (their caps), so A gets 0 and gains
// 200,000 − 0 = 200,000; B's shares it over A 4m and C 2m: A 2,666,666.67,
// C 1,333,333.33, floors 3,999,999, the last pound to A (.67 > .33), B 0:
// gain 100,000; C the same. Balanced planners plan the median £40 a head:
// D and E −£4m, F −£8m (whole £000 already). D at −4m: deficits 12m, a
// third each: A 1,333,333.33, B and C 666,666.67, D 1,333,333.33; floors
// 3,999,998, the 2 left to B and C (.67), so D gets 1,333,333 and G =
// 133,333.30: its gain and its prudence penalty. E the same (its own plan,
// +1m, brought it nothing). F at −8m: deficits 16m, a quarter: F
// 2,000,000, G 200,000. All six gain: 6 of 6.
//
// Marginal price, plan − £1m: A −5m of 9m: 2,222,222.22, B and C
// 888,888.89, floors 3,999,998, 2 left to B and C (.89 > .22): A 2,222,222,
// G 222,222.20, price (222,222.20 − 200,000)/1,000,000 = 0.0222222 →
// 0.0222. B −3m of 9m: 1,333,333.33, A 1,777,777.78, C 888,888.89; the 2
// left go to C (.89) and A (.78): B 1,333,333, G 133,333.30, price 0.0333;
// C the same. D −1m of 9m: 444,444.44, A 1,777,777.78, B and C 888,888.89;
// 3 left to B, C and A: D 444,444, G 44,444.40, price 0.0444; F the same.
// E plans 0, not a deficit: nothing, price 0. Medians: deficit 0.0333
// (0.0222, 0.0333, 0.0333), balanced 0.0444 (0, 0.0444, 0.0444); the
// average price is 400,000 / 8,000,000 = 0.0500.
//
// Ending terms; the balanced group gets nothing at every lever, so the
// money rewards deficit plans while their grant per head, rounded to
// pence, is at least £1.00, that is while the exact figure is at least
// £0.995, that is while the group's grant is at least £199,000.
//   - Write-off w: the grant is w·4,000,000; 0.0497 gives 198,800
//     (£0.994, shown £0.99) and 0.0498 gives 199,200 (£0.996, £1.00): the
//     largest w that does not reward is 0.0497, so "at least 95.03% were
//     certain to be repaid".
//   - Interest q: each deficit planner pays round(A·q) once, in 2024/25:
//     the grant is 400,000 − 0.9·4,000,000·q = 400,000 − 360·(q in ticks);
//     558 ticks give 199,120 (£0.9956, rewards), 559 give 198,760
//     (£0.9938, £0.99): 0.0559.
//   - Clawback q of the cash in 2024/25: the grant is 400,000 −
//     4,000,000·q = 400,000 − 400·(q in ticks); 502 give 199,200 (£0.996),
//     503 give 198,800 (£0.994): 0.0503.
func TestIncentivesByHand(t *testing.T) {
	res, err := Analyse(sixSystems(), sixScenario())
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict.Label != analysis.RewardsDeficit || res.Deficit.GrantPerHead.StringFixed(2) != "2.00" {
		t.Fatalf("verdict %s, deficit grant per head %s", res.Verdict.Label, res.Deficit.GrantPerHead)
	}
	inc := res.Incentives
	want := []struct{ balPlan, defPlan, balG, defG, gain, price string }{
		{"0", "-4000000", "0.00", "200000.00", "200000.00", "0.0222"},
		{"0", "-2000000", "0.00", "100000.00", "100000.00", "0.0333"},
		{"0", "-2000000", "0.00", "100000.00", "100000.00", "0.0333"},
		{"0", "-4000000", "0.00", "133333.30", "133333.30", "0.0444"},
		{"1000000", "-4000000", "0.00", "133333.30", "133333.30", "0.0000"},
		{"0", "-8000000", "0.00", "200000.00", "200000.00", "0.0444"},
	}
	for i, w := range want {
		r := inc.Systems[i]
		got := []string{r.BalancedPlan.String(), r.DeficitPlan.String(), r.BalancedGrant.StringFixed(2),
			r.DeficitGrant.StringFixed(2), fixed(r.Gain), r.MarginalPrice.StringFixed(4)}
		if got[0] != w.balPlan || got[1] != w.defPlan || got[2] != w.balG || got[3] != w.defG || got[4] != w.gain || got[5] != w.price {
			t.Errorf("%s: %v, want %+v", res.Systems[i].Code, got, w)
		}
		if i >= 3 && !r.Gain.Equal(*res.Systems[i].PrudencePenalty) {
			t.Errorf("%s: gain %s, penalty %s", res.Systems[i].Code, r.Gain, res.Systems[i].PrudencePenalty)
		}
	}
	st := inc.Strategy
	if st.DeficitPays != 6 || st.Equal != 0 || st.BalancedPays != 0 || st.Counted != 6 ||
		st.Deficit != (analysis.StrategyCounts{DeficitPays: 3, Counted: 3}) || st.Balanced != (analysis.StrategyCounts{DeficitPays: 3, Counted: 3}) ||
		st.Text != "For 6 of 6 systems a deficit plan paid more than a balanced one: planning to balance was a losing strategy." {
		t.Errorf("strategy %+v", st)
	}
	m := inc.Marginal
	if m.DeficitMedian.StringFixed(4) != "0.0333" || m.BalancedMedian.StringFixed(4) != "0.0444" || !m.HasDeficit || !m.HasBalanced ||
		res.PriceOfDeficit.StringFixed(4) != "0.0500" {
		t.Errorf("medians %+v, average %s", m, res.PriceOfDeficit)
	}
	wantText := "A further £1 of planned deficit would have brought a median of £0.0333 of effective grant to a system that planned a deficit " +
		"and £0.0444 to one that planned to balance, against an average of £0.0500 per £1 of the deficit group's planned deficit."
	if m.Text != wantText {
		t.Errorf("marginal text %q", m.Text)
	}
	checkSixEnding(t, inc.Ending)
}

// checkSixEnding checks the six systems' ending terms (worked above).
func checkSixEnding(t *testing.T, e analysis.EndingTerms) {
	t.Helper()
	want := map[analysis.LeverName]string{analysis.LeverWriteOff: "0.0497", analysis.LeverInterest: "0.0559", analysis.LeverClawback: "0.0503"}
	for _, l := range e.Levers() {
		if l.Status != analysis.LeverFound || l.Value == nil || l.Value.StringFixed(4) != want[l.Name] {
			t.Errorf("%s: %s %v, want %s", l.Name, l.Status, l.Value, want[l.Name])
			continue
		}
		if len(l.Scan) != analysis.LeverSteps || !l.Scan[0].Value.IsZero() || !l.Scan[100].Value.Equal(l.To) {
			t.Errorf("%s: scan of %d points from %s to %s", l.Name, len(l.Scan), l.Scan[0].Value, l.Scan[100].Value)
		}
	}
	// Write-off scan: 0.04 gives 160,000 (£0.80) and 0.05 gives 200,000
	// (£1.00), so the verdict changes between points 4 and 5.
	if s := e.WriteOff.Scan; s[4].Rewards() || !s[5].Rewards() || s[5].DeficitPerHead.StringFixed(2) != "1.00" || !s[5].BalancedPerHead.IsZero() {
		t.Errorf("write-off scan at 4, 5: %+v %+v", s[4], s[5])
	}
	// The bisection between 400 and 500 ticks takes ⌈log2 100⌉ = 7 steps,
	// between 540 and 560 (interest) ⌈log2 20⌉ = 5, between 400 and 600
	// (clawback) ⌈log2 200⌉ = 8.
	if len(e.WriteOff.Bisect) != 7 || len(e.Interest.Bisect) != 5 || len(e.Clawback.Bisect) != 8 {
		t.Errorf("bisection steps %d %d %d", len(e.WriteOff.Bisect), len(e.Interest.Bisect), len(e.Clawback.Bisect))
	}
	wantText := "It would stop rewarding deficit plans only if at least 95.03% were certain to be repaid, " +
		"or the loan carried 5.59% interest, or 5.03% were clawed back the following year."
	if e.Text != wantText || !e.Rewarding || e.Note != "" {
		t.Errorf("text %q", e.Text)
	}
}

// TestIncentivesStage: the stage run on its own after the headline gives
// what Analyse gives.
func TestIncentivesStage(t *testing.T) {
	ds, sc := sixSystems(), sixScenario()
	want, err := Analyse(ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	head, err := AnalyseWithoutIncentives(context.Background(), ds, sc)
	if err != nil || head.Incentives != nil {
		t.Fatalf("headline: %v, incentives %v", err, head.Incentives)
	}
	inc, err := Incentives(context.Background(), ds, sc, head)
	if err != nil {
		t.Fatal(err)
	}
	head.Incentives = inc
	if !reflect.DeepEqual(head, want) {
		t.Error("the stage on its own differs from Analyse")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Incentives(ctx, ds, sc, head); err == nil {
		t.Error("a cancelled stage returned no error")
	}
	if _, err := Incentives(context.Background(), ds, sc, analysis.Result{}); err == nil {
		t.Error("an analysis of other plans was accepted")
	}
}
