package report

import (
	"encoding/json"
	"strings"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/engine"
	"icsplan/internal/plan"
)

// termsDataset is four systems of 2024/25 whose weighted populations are
// their populations (1,000,000 in all), with forecasts and outturns:
//
//	code  pop      plan      forecast   outturn
//	AAA   400,000  −600,000  −650,000   −700,000
//	BBB   300,000  −300,000  −290,000   −250,000
//	CCC   100,000  −100,000  −115,000   −100,000
//	DDD   200,000         0  (blank)     +50,000
func termsDataset() plan.Dataset {
	sys := func(code, name string, pop int64, p, forecast, outturn string) plan.System {
		s := plan.System{Code: code, Name: name, Region: "Test", Population: pop, WeightedPopulation: d(itoa(int(pop))),
			Plan: d(p), Outturn: plan.Known(d(outturn)), Source: "reported", Line: 0}
		if forecast != "" {
			s.Forecast = plan.Known(d(forecast))
		}
		return s
	}
	ds := plan.Dataset{Year: "2024/25", Path: "terms/2024-25/systems.csv", Systems: []plan.System{
		sys("AAA", "Alpha", 400000, "-600000", "-650000", "-700000"),
		sys("BBB", "Bravo", 300000, "-300000", "-290000", "-250000"),
		sys("CCC", "Charlie", 100000, "-100000", "-115000", "-100000"),
		sys("DDD", "Delta", 200000, "0", "", "50000"),
	}}
	for i := range ds.Systems {
		ds.Systems[i].Line = i + 2
	}
	return ds
}

// termsScenario is £1m for deficit plans, pro rata, capped, in £1: 60% paid
// at once; 40% paid in 2025/26 only if the forecast is within £20,000 of
// plan, forfeits redistributed; a deduction of 100% of any overspend in
// 2025/26, 50% likely; a bonus of 50% of any improvement in 2025/26; the
// cash converted to PDC with a 3.5% dividend in 2025/26 and 2026/27;
// valued at 5% with no write-off.
func termsScenario() plan.Scenario {
	sc := plan.NewScenario()
	sc.Name, sc.Year = "terms-fixture", "2024/25"
	sc.Title = "Terms fixture: two tranches, a deduction, a bonus, PDC"
	sc.Note = "A hand-worked regime for tests. Its figures are worked in terms_fixture_test.go."
	sc.Pot = d("1000000")
	sc.Eligibility = plan.Eligibility{Rule: plan.RuleDeficit, Basis: plan.BasisPlan}
	sc.Allocation.Method, sc.Allocation.Cap = plan.MethodProRata, plan.CapDeficit
	sc.Tranches = []plan.Tranche{plan.DefaultTranche(d("0.6")),
		{Share: d("0.4"), Paid: "2025/26", Condition: plan.ConditionForecast, Tolerance: d("20000"),
			Forfeit: plan.ForfeitRedistribute}}
	sc.Consequences = []plan.Consequence{
		{Kind: plan.Deduction, Base: plan.BaseOverspend, Rate: d("1"), Year: "2025/26", Probability: d("0.5"), Group: plan.AppliesAll},
		{Kind: plan.Bonus, Base: plan.BaseImprovement, Rate: d("0.5"), Year: "2025/26", Probability: d("1"), Group: plan.AppliesAll},
	}
	sc.Repayment = &plan.Repayment{Kind: plan.RepaymentPDC, FirstYear: "2025/26", Years: 2, Interest: d("0.035")}
	sc.Assumptions.DiscountRate = d("0.05")
	return sc
}

// termsFixture is termsScenario analysed on termsDataset.
func termsFixture(t testing.TB) analysis.Result {
	t.Helper()
	res, err := engine.Analyse(termsDataset(), termsScenario())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestJSONTermsByHand checks the terms' keys and figures in the JSON report
// against the terms fixture worked by hand.
//
// Allocation: the deficits total £1,000,000, the pot, so each deficit system
// gets its deficit: AAA 600,000, BBB 300,000, CCC 100,000, DDD 0. Parts
// (60% | 40%): AAA 360,000 | 240,000; BBB 180,000 | 120,000; CCC 60,000 |
// 40,000; DDD 0 | 0.
//
// Tranche 2 passes when forecast >= plan − 20,000:
//
//	AAA −650,000 < −620,000: withheld 240,000
//	BBB −290,000 >= −320,000: paid
//	CCC −115,000 >= −120,000: paid (within the tolerance)
//	DDD no forecast: paid untested (its part is 0); a caveat counts it
//
// The 240,000 withheld is shared over BBB and CCC by their parts,
// 120,000 : 40,000 = 3 : 1, so BBB 180,000 and CCC 60,000, paid in 2025/26
// (t = 1). Received: AAA 360,000; BBB 180,000 + 120,000 + 180,000 =
// 480,000; CCC 60,000 + 40,000 + 60,000 = 160,000; DDD 0.
//
// Consequences (plan year 2024/25, so 2025/26 is t = 1, v = 1/1.05):
//
//	deduction, overspend = max(0, plan − outturn): AAA 100,000 (BBB −50,000,
//	  CCC 0, DDD −50,000: not applied); value 0.5 × 100,000 / 1.05 =
//	  47,619.047… → 47,619.05
//	bonus, 50% × improvement = max(0, outturn − plan): BBB 50% × 50,000 =
//	  25,000, DDD 25,000 (AAA, CCC 0); value 25,000 / 1.05 = 23,809.523… →
//	  23,809.52
//
// PDC: 3.5% of the cash received each year for 2025/26 (t = 1) and 2026/27
// (t = 2): AAA 12,600, BBB 16,800, CCC 5,600, DDD none.
// 1/1.05 + 1/1.05² = 2.05/1.1025. Effective grants (w = 0):
//
//	AAA 360,000 − 12,600·2.05/1.1025 − 50,000/1.05
//	    = 360,000 − 23,428.5714… − 47,619.0476… = 288,952.3809… → 288,952.38
//	BBB 180,000 + (120,000 + 180,000 + 25,000)/1.05 − 16,800·2.05/1.1025
//	    = 180,000 + 309,523.8095… − 31,238.0952… = 458,285.7142… → 458,285.71
//	CCC 60,000 + (40,000 + 60,000)/1.05 − 5,600·2.05/1.1025
//	    = 60,000 + 95,238.0952… − 10,412.6984… = 144,825.3968… → 144,825.40
//	DDD 25,000/1.05 = 23,809.5238… → 23,809.52
//
// Totals: withheld 240,000 (gross), redistributed 240,000, deductions
// 100,000, bonuses 50,000 (nominal). Fair shares share the 1,000,000
// received by weighted population: 400,000, 300,000, 100,000, 200,000;
// transfers −40,000, +180,000, +60,000, −200,000.
func TestJSONTermsByHand(t *testing.T) {
	out := renderString(t, termsFixture(t), JSON, Options{})
	keys := objectKeys(t, []byte(out))
	last := func(holder string, n int) string {
		t.Helper()
		ks := keys[holder]
		if len(ks) == 0 || len(ks[0]) < n {
			t.Fatalf("no %q object with %d keys: %v", holder, n, ks)
		}
		return strings.Join(ks[0][len(ks[0])-n:], ",")
	}
	if got := last("totals", 4); got != "withheld,redistributed,deductions,bonuses" {
		t.Errorf("totals end %s", got)
	}
	if got := last("systems", 6); got != "received,withheld,tranches,consequences,strategy_gain,marginal_price" {
		t.Errorf("systems end %s", got)
	}
	if got := strings.Join(keys["tranches"][0], ","); got != "paid,amount,passed" {
		t.Errorf("tranche keys %s", got)
	}
	if got := strings.Join(keys["consequences"][0], ","); got != "kind,base,year,amount,value" {
		t.Errorf("consequence keys %s", got)
	}

	var j jsonReport
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	eq := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %s, want %s", what, got, want)
		}
	}
	eq("totals.withheld", j.Totals.Withheld, "240000.00")
	eq("totals.redistributed", j.Totals.Redistributed, "240000.00")
	eq("totals.deductions", j.Totals.Deductions, "100000.00")
	eq("totals.bonuses", j.Totals.Bonuses, "50000.00")
	eq("totals.allocated", j.Totals.Allocated, "1000000.00")
	eq("totals.effective_grant (Σ of the four)", j.Totals.EffectiveGrant, "915873.01")

	type want struct {
		received, withheld, fair, transfer, grant string
		tranches                                  string // paid amount passed; …
		consequences                              string // kind base year amount value; …
	}
	wants := map[string]want{
		"AAA": {"360000.00", "240000.00", "400000.00", "-40000.00", "288952.38",
			"2024/25 360000.00 true; 2025/26 240000.00 false", "deduction overspend 2025/26 100000.00 47619.05"},
		"BBB": {"480000.00", "0.00", "300000.00", "180000.00", "458285.71",
			"2024/25 180000.00 true; 2025/26 120000.00 true", "bonus improvement 2025/26 25000.00 23809.52"},
		"CCC": {"160000.00", "0.00", "100000.00", "60000.00", "144825.40",
			"2024/25 60000.00 true; 2025/26 40000.00 true", ""},
		"DDD": {"0.00", "0.00", "200000.00", "-200000.00", "23809.52",
			"2024/25 0.00 true; 2025/26 0.00 true", "bonus improvement 2025/26 25000.00 23809.52"},
	}
	for _, s := range j.Systems {
		w := wants[s.Code]
		eq(s.Code+" received", s.Received, w.received)
		eq(s.Code+" withheld", s.Withheld, w.withheld)
		eq(s.Code+" fair share", s.FairShare, w.fair)
		eq(s.Code+" transfer", s.Transfer, w.transfer)
		eq(s.Code+" effective grant", s.EffectiveGrant, w.grant)
		var tr, cs []string
		for _, x := range s.Tranches {
			tr = append(tr, x.Paid+" "+x.Amount+" "+map[bool]string{true: "true", false: "false"}[x.Passed])
		}
		for _, x := range s.Consequences {
			cs = append(cs, strings.Join([]string{x.Kind, x.Base, x.Year, x.Amount, x.Value}, " "))
		}
		eq(s.Code+" tranches", strings.Join(tr, "; "), w.tranches)
		eq(s.Code+" consequences", strings.Join(cs, "; "), w.consequences)
	}
	// The PDC dividends are the repayments' interest, principal 0: BBB's
	// 3.5% × 480,000 = 16,800 in each year.
	if b := j.Systems[1]; len(b.Repayments) != 2 || b.Repayments[0].Principal != "0.00" || b.Repayments[1].Interest != "16800.00" {
		t.Errorf("BBB repayments %+v", b.Repayments)
	}
	if !strings.Contains(strings.Join(j.Caveats, " "), "1 system has no figure for a tranche's condition") {
		t.Errorf("caveats %q do not count DDD's blank forecast", j.Caveats)
	}
}

// TestJSONWithoutTermsHasEmptyLists: a scenario without tranches has
// "tranches": [] and "consequences": [] for every system, and received is
// the allocation.
func TestJSONWithoutTermsHasEmptyLists(t *testing.T) {
	out := renderString(t, fixture(), JSON, Options{})
	if n := strings.Count(out, `"tranches": [],`); n != len(fixture().Systems) {
		t.Errorf("%d systems with \"tranches\": [], want %d", n, len(fixture().Systems))
	}
	if n := strings.Count(out, `"consequences": []`); n != len(fixture().Systems) {
		t.Errorf("%d systems with \"consequences\": [], want %d", n, len(fixture().Systems))
	}
}
