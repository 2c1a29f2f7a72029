package engine

import (
	"context"
	"math/big"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"
	"icsplan/internal/synth"

	"github.com/shopspring/decimal"
)

// analyseBoth is Analyse on the integer path (when the scenario takes it)
// and on the decimal path alone, and whether the integer path was taken.
func analyseBoth(t *testing.T, ds plan.Dataset, sc plan.Scenario) (fast, slow analysis.Result, took bool) {
	t.Helper()
	j, err := newJob(ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	took = j.fast != nil
	fast, err = Analyse(ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	noFast = true
	defer func() { noFast = false }()
	slow, err = Analyse(ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	return fast, slow, took
}

// TestFastMatchesDecimal is the property that the integer path changes no
// figure: on random regimes (synth.Case: every rule, method, cap, unit,
// repayment profile, interest and discount rate, write-off and pot, on
// tiny plans whose ties and binding caps are common and on synthetic ones),
// with PDC one time in three, the whole analysis — systems, sums, prudence
// penalties, grid, verdict, caveats, data check, strategy table, marginal
// prices and the scans and bisections of the terms that end the reward —
// is the decimal path's, every decimal equal as a number and every exact
// ratio equal in value.
func TestFastMatchesDecimal(t *testing.T) {
	took := 0
	for k := int64(0); k < 240; k++ {
		ds, sc := synth.Case(k)
		if k%3 == 1 && sc.Repayment != nil {
			r := *sc.Repayment
			r.Kind, r.Profile = plan.RepaymentPDC, nil
			sc.Repayment = &r
		}
		fast, slow, ok := analyseBoth(t, ds, sc)
		if ok {
			took++
		}
		if d := difference(fast, slow); d != "" {
			t.Fatalf("case %d (integer path %v): %s", k, ok, d)
		}
	}
	if took < 200 {
		t.Errorf("only %d of 240 cases took the integer path", took)
	}
}

// TestFastMatchesDecimalAtScale is the same on 2,500 synthetic systems
// under deficit support, as it is and with whole-percentage interest, a
// write-off whose 1 − w has four decimals, and equal and per-capita
// shares: the scale at which every stage runs on all processors.
func TestFastMatchesDecimalAtScale(t *testing.T) {
	ds := synth.Generate(2500, 7)
	base := synth.DeficitSupport(ds)
	variants := []func(plan.Scenario) plan.Scenario{
		func(sc plan.Scenario) plan.Scenario { return sc },
		func(sc plan.Scenario) plan.Scenario {
			r := *sc.Repayment
			r.Interest = decimal.RequireFromString("0.04")
			sc.Repayment = &r
			sc.Assumptions.WriteOff = decimal.RequireFromString("0.1234")
			return sc
		},
		func(sc plan.Scenario) plan.Scenario {
			sc.Allocation.Method, sc.Allocation.Cap = plan.MethodPerCapita, plan.CapNone
			return sc
		},
	}
	for v, change := range variants {
		fast, slow, ok := analyseBoth(t, ds, change(base))
		if !ok {
			t.Fatalf("variant %d did not take the integer path", v)
		}
		if d := difference(fast, slow); d != "" {
			t.Fatalf("variant %d: %s", v, d)
		}
		if fast.Incentives == nil || fast.Incentives.Ending.WriteOff.Scan == nil && fast.Verdict.Label == analysis.RewardsDeficit {
			t.Fatalf("variant %d: no lever scans to compare", v)
		}
	}
}

// TestFastLeversRoundHalves holds the lever scans' fixed-point values to
// their exact values where exact halves of a penny are common: figures in
// pence, no discounting and a write-off of one half, so that a grant is a
// whole number of pence less half an odd number. Each system's grant at
// every lever, at values either side of the halves, is compared with exact
// (big integers), and at least a thousand exact halves must come up.
func TestFastLeversRoundHalves(t *testing.T) {
	ds := synth.Generate(1200, 3)
	sc := synth.DeficitSupport(ds)
	sc.Allocation.Unit = decimal.RequireFromString("0.01")
	sc.Assumptions.DiscountRate, sc.Assumptions.WriteOff = zero, decimal.RequireFromString("0.5")
	r := *sc.Repayment
	r.Interest = decimal.RequireFromString("0.031")
	sc.Repayment = &r
	res, err := AnalyseWithoutIncentives(context.Background(), ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	e, err := newJob(ds, sc)
	if err != nil || e.fast == nil {
		t.Fatalf("the integer path does not apply (%v)", err)
	}
	lv, ok, err := e.newLeversFast(context.Background(), &res)
	if !ok || err != nil {
		t.Fatalf("no fast levers (%v)", err)
	}
	fl, halves := lv.fl, 0
	for i, a := range e.fast.recv {
		if a == 0 {
			continue
		}
		for _, q := range []uint64{0, 1, 4999, 5000, 5001, 7777, 9999, 10000} {
			for _, name := range leverNames {
				if q > leverRange[name] {
					continue
				}
				var got int64
				switch name {
				case analysis.LeverWriteOff:
					got = fl.writeOff(i, tickScale-q)
				case analysis.LeverInterest:
					got = fl.interest(i, q)
				default:
					got = fl.clawback(i, q)
				}
				want := fl.exact(i, name, q)
				if got != want {
					t.Fatalf("system %d, %s at %d ticks: %d pence, exactly %d", i, name, q, got, want)
				}
				if fl.isHalf(i, name, q) {
					halves++
				}
			}
		}
	}
	if halves < 1000 {
		t.Errorf("only %d exact halves came up", halves)
	}
}

// isHalf reports whether system i's exact grant at lever name's value q is
// a whole number of pence and a half.
func (fl *fastLevers) isHalf(i int, name analysis.LeverName, q uint64) bool {
	num, d := fl.exactFrac(i, name, q)
	r := new(big.Int).Rem(num, d)
	return r.Abs(r).Lsh(r, 1).Cmp(d) == 0
}
