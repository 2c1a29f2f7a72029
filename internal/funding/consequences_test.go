package funding

import (
	"testing"

	"icsplan/internal/plan"
)

func consequence(kind plan.ConsequenceKind, base plan.ConsequenceBase, rate, year string, group plan.Applies) plan.Consequence {
	return plan.Consequence{Kind: kind, Base: base, Rate: d(rate), Year: year, Probability: d("1"), Group: group}
}

// TestConsequenceBases works each base out by hand for a system that
// planned a £10m deficit, received £5m and ended £12m in deficit (or £8m).
func TestConsequenceBases(t *testing.T) {
	over := sys("A", 1, "-10000000")
	over.Outturn = plan.Known(d("-12000000"))
	better := sys("A", 1, "-10000000")
	better.Outturn = plan.Known(d("-8000000"))
	blank := sys("A", 1, "-10000000")
	for _, c := range []struct {
		name string
		s    plan.System
		c    plan.Consequence
		base string // "" when not applied
		want string
	}{
		// overspend max(0, plan − outturn) = −10m − (−12m) = 2m; × 100% = 2m, a year on (t 1).
		{"RAB: the overspend deducted", over, consequence(plan.Deduction, plan.BaseOverspend, "1", "2024/25", plan.AppliesAll), "2000000", "2000000"},
		// an improvement of 0 gives 0, which is left out
		{"no improvement when over", over, consequence(plan.Bonus, plan.BaseImprovement, "2", "2024/25", plan.AppliesAll), "", ""},
		// improvement max(0, outturn − plan) = −8m − (−10m) = 2m; PSF's £2 per £1: 4m.
		{"PSF: £2 per £1 of improvement", better, consequence(plan.Bonus, plan.BaseImprovement, "2", "2024/25", plan.AppliesAll), "2000000", "4000000"},
		// received £5m; a 10% clawback is 500,000.
		{"clawback of cash received", blank, consequence(plan.Deduction, plan.BaseReceived, "0.1", "2024/25", plan.AppliesAll), "5000000", "500000"},
		// planned deficit max(0, −plan) = 10m; 1% is 100,000.
		{"on the planned deficit", blank, consequence(plan.Deduction, plan.BaseDeficit, "0.01", "2023/24", plan.AppliesAll), "10000000", "100000"},
		// 0.00001% of 5m is 0.5: to the £1 half away from zero, 1.
		{"half a pound rounds away from zero", blank, consequence(plan.Bonus, plan.BaseReceived, "0.0000001", "2024/25", plan.AppliesAll), "5000000", "1"},
		// a deficit planner is not a balanced planner
		{"for balanced planners only", better, consequence(plan.Bonus, plan.BaseImprovement, "2", "2024/25", plan.AppliesBalanced), "", ""},
	} {
		sc := scen("0", plan.RuleAll, plan.MethodEqual, plan.CapNone, "1")
		sc.Consequences = []plan.Consequence{c.c}
		applied, unapplied, err := Consequences(c.s, d("5000000"), sc, "2023/24")
		if err != nil || unapplied != 0 {
			t.Fatalf("%s: %v, %d unapplied", c.name, err, unapplied)
		}
		if c.base == "" {
			if len(applied) != 0 {
				t.Errorf("%s: applied %+v", c.name, applied)
			}
			continue
		}
		if len(applied) != 1 || !applied[0].Base.Equal(d(c.base)) || !applied[0].Amount.Equal(d(c.want)) || applied[0].Year != c.c.Year {
			t.Errorf("%s: %+v, want base %s amount %s", c.name, applied, c.base, c.want)
		}
	}
}

// TestConsequenceUnknownOutturn: with no outturn, overspend and
// improvement cannot be worked out: not applied, and counted; received
// still applies. The year index counts from the plans' year: 2025/26 from
// 2023/24 is t 2.
func TestConsequenceUnknownOutturn(t *testing.T) {
	sc := scen("0", plan.RuleAll, plan.MethodEqual, plan.CapNone, "1")
	sc.Consequences = []plan.Consequence{
		consequence(plan.Deduction, plan.BaseOverspend, "1", "2024/25", plan.AppliesAll),
		consequence(plan.Bonus, plan.BaseImprovement, "1", "2024/25", plan.AppliesAll),
		consequence(plan.Deduction, plan.BaseReceived, "0.5", "2025/26", plan.AppliesDeficit),
	}
	applied, unapplied, err := Consequences(sys("A", 1, "-10"), d("40"), sc, "2023/24")
	if err != nil || unapplied != 2 || len(applied) != 1 || applied[0].Index != 2 || applied[0].T != 2 || !applied[0].Amount.Equal(d("20")) {
		t.Errorf("%+v, %d unapplied, %v", applied, unapplied, err)
	}
	if got := applied[0].Signed(sc.Consequences[2]); !got.Equal(d("-20")) {
		t.Errorf("a deduction's signed amount %s", got)
	}
}

// TestGeneralisedGrantByHand: £1,000,000 allocated in two tranches, 60%
// in 2023/24 and 40% in 2024/25 (passed); a loan repaid whole in 2025/26;
// a 10% deduction of the cash received in 2024/25 with probability 50%;
// at r = 10% and w = 50%.
//
//	cash:        600,000·1 + 400,000/1.1
//	repayment:   (1 − 0.5) · 1,000,000/1.21
//	consequence: 0.5 · 100,000/1.1, taken away
//
// Over the common denominator 1.21: cash 726,000 + 440,000; consequence
// −55,000; so x = 1,111,000 and n = 1,000,000, and
// G = (1,111,000 − 0.5·1,000,000)/1.21 = 611,000/1.21 = 504,958.677… →
// £504,958.68; PV = 1,000,000/1.21 = 826,446.28; grant element
// 611,000/(1,000,000·1.21) = 0.50496 → 0.5050.
func TestGeneralisedGrantByHand(t *testing.T) {
	s := sys("A", 1, "-1000000")
	s.Outturn = plan.Known(d("-1000000"))
	sc := scen("1000000", plan.RuleAll, plan.MethodEqual, plan.CapNone, "1")
	sc.Tranches = []plan.Tranche{tranche("0.6", plan.ConditionNone, "0", plan.ForfeitHeld),
		{Share: d("0.4"), Paid: "2024/25", Condition: plan.ConditionOutturn, Tolerance: zero, Forfeit: plan.ForfeitHeld}}
	sc.Consequences = []plan.Consequence{{Kind: plan.Deduction, Base: plan.BaseReceived, Rate: d("0.1"), Year: "2024/25", Probability: d("0.5"), Group: plan.AppliesAll}}
	sc.Repayment = &plan.Repayment{FirstYear: "2025/26", Years: 1, Interest: zero}
	rc, err := Split(s, sc, d("1000000"))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := Schedule(rc.Received, "2023/24", sc.Repayment, d("1"))
	if err != nil {
		t.Fatal(err)
	}
	applied, _, err := Consequences(s, rc.Received, sc, "2023/24")
	if err != nil {
		t.Fatal(err)
	}
	_, ts, _ := TrancheYears(sc, "2023/24")
	f := FlowsOf(rc, ts, inst, applied, sc.Consequences)
	x, n, den := f.Exact(d("0.1"))
	if !x.Equal(d("1111000")) || !n.Equal(d("1000000")) || !den.Equal(d("1.21")) {
		t.Errorf("exact: x %s n %s den %s", x, n, den)
	}
	v := f.Value(d("0.1"), d("0.5"))
	if !v.EffectiveGrant.Equal(d("504958.68")) || !v.PV.Equal(d("826446.28")) || !v.GrantElement.Equal(d("0.505")) {
		t.Errorf("value %+v", v)
	}
	if g := f.Grant(d("0.1"), d("0.5")); !g.Equal(v.EffectiveGrant) {
		t.Errorf("Grant %s", g)
	}
}

// TestFlowsAsToday: the whole allocation at once and no consequences value
// exactly as ValueOf does.
func TestFlowsAsToday(t *testing.T) {
	r := &plan.Repayment{FirstYear: "2025/26", Years: 3, Interest: d("0.015")}
	inst, _ := Schedule(d("1000001"), "2023/24", r, d("1"))
	f := FlowsOf(Receipt{Received: d("1000001")}, nil, inst, nil, nil)
	got := f.Value(d("0.035"), d("0.25"))
	want := ValueOf(d("1000001"), PresentValue(inst, d("0.035")), d("0.25"))
	if !got.EffectiveGrant.Equal(want.EffectiveGrant) || !got.PV.Equal(want.PV) || !got.GrantElement.Equal(want.GrantElement) ||
		got.PVExact.Cmp(want.PVExact) != 0 || !got.PVExact.Den.Equal(want.PVExact.Den) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}
