package funding

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"icsplan/internal/plan"
	"icsplan/internal/synth"

	"github.com/shopspring/decimal"
)

// randomCase is dataset k of the property tests: mostly tiny, sometimes synthetic.
func randomCase(k int) (plan.Dataset, plan.Scenario) {
	return synth.Case(int64(k))
}

const propertyCases = 600

func TestAllocationProperties(t *testing.T) {
	for k := 0; k < propertyCases; k++ {
		ds, sc := randomCase(k)
		a, err := Allocate(ds.Systems, sc)
		if err != nil {
			t.Fatalf("case %d: %v", k, err)
		}
		again, _ := Allocate(ds.Systems, sc)
		if !reflect.DeepEqual(a, again) {
			t.Fatalf("case %d: not deterministic", k)
		}
		sum, atCaps := zero, true
		for i, s := range a.Shares {
			sum = sum.Add(s.Amount)
			if s.Amount.IsNegative() || !s.Amount.Mod(sc.Allocation.Unit).IsZero() {
				t.Fatalf("case %d: system %d amount %s", k, i, s.Amount)
			}
			if s.HasCap && s.Amount.GreaterThan(s.Cap) {
				t.Fatalf("case %d: system %d gets %s above its cap %s", k, i, s.Amount, s.Cap)
			}
			if !s.Eligible && !s.Amount.IsZero() {
				t.Fatalf("case %d: ineligible system %d gets %s", k, i, s.Amount)
			}
			if s.Eligible && s.Weight.IsPositive() && !(s.HasCap && s.Amount.Equal(s.Cap)) {
				atCaps = false
			}
		}
		if !sum.Equal(a.Allocated) || !a.Allocated.Add(a.Unallocated).Equal(sc.Pot) || a.Unallocated.IsNegative() {
			t.Fatalf("case %d: Σ %s allocated %s unallocated %s pot %s", k, sum, a.Allocated, a.Unallocated, sc.Pot)
		}
		// Money is left over only when every system with weight is at its cap.
		if a.Unallocated.IsPositive() && !atCaps {
			t.Fatalf("case %d: %s unallocated while a system is below its cap", k, a.Unallocated)
		}
		for i, s := range a.Shares {
			in, err := Schedule(s.Amount, ds.Year, sc.Repayment, sc.Allocation.Unit)
			if err != nil {
				t.Fatalf("case %d: schedule: %v", k, err)
			}
			p := zero
			for _, x := range in {
				p = p.Add(x.Principal)
				if x.Interest.IsNegative() || x.Principal.IsNegative() {
					t.Fatalf("case %d: negative instalment %+v", k, x)
				}
			}
			for _, w := range []string{"0", "0.25", "0.5", "1"} {
				pv := PresentValue(in, sc.Assumptions.DiscountRate)
				if g, v := EffectiveGrant(s.Amount, pv, d(w)), ValueOf(s.Amount, pv, d(w)); !g.Equal(v.EffectiveGrant) {
					t.Fatalf("case %d: EffectiveGrant %s, ValueOf %s", k, g, v.EffectiveGrant)
				}
			}
			if sc.Repayment != nil && !p.Equal(s.Amount) {
				t.Fatalf("case %d: system %d instalments sum to %s, not %s", k, i, p, s.Amount)
			}
		}
	}
}

// TestRerunMatchesNaive checks the fast prudence rerun against a full
// allocation of the changed systems and against the plain pass in
// cap/weight order, for every system, several plans and, one time in three,
// a changed pot (AmountPot). The cases (synth.Case) draw every rule, method
// (pro_rata, per_capita, equal), cap, unit (pence, pounds, thousands) and pot,
// with tiny plans so that ties in remainders and binding caps are common.
func TestRerunMatchesNaive(t *testing.T) {
	paths := rerunCases(t, groupAfter)
	t.Logf("paths: naive %d, shortcut %d, water-filling %d, pass %d, weight order %d (afresh %d), memo %d",
		paths[viaNaive], paths[viaShortcut], paths[viaFill], paths[viaPass], paths[viaWeight], paths[viaDirect], paths[viaMemo])
	for how, least := range map[int]int{viaWeight: 300, viaDirect: 100, viaMemo: 50, viaFill: 500} {
		if paths[how] < least {
			t.Errorf("only %d reruns took path %d", paths[how], how)
		}
	}
}

// TestRerunGroupsMatchNaive is TestRerunMatchesNaive with a group of sorted
// remainders built for every pot fraction and modulus at first sight, so
// that the leftover decisions the passes made there are made by groups.
func TestRerunGroupsMatchNaive(t *testing.T) {
	paths := rerunCases(t, 0)
	t.Logf("paths: group %d, pass %d, weight order %d, memo %d", paths[viaGroup], paths[viaPass], paths[viaWeight], paths[viaMemo])
	if paths[viaGroup] < 1000 || paths[viaWeight]+paths[viaDirect] > 0 {
		t.Errorf("paths %v: want every leftover decision in weight order made by a group", paths)
	}
}

// rerunCases runs the reruns of TestRerunMatchesNaive, groups built after
// a pair has been seen after times, and counts the paths taken.
func rerunCases(t *testing.T, after int) map[int]int {
	paths := map[int]int{}
	for k := 0; k < propertyCases; k++ {
		ds, sc := randomCase(k)
		rr, err := NewRerun(ds.Systems, sc)
		if err != nil {
			t.Fatalf("case %d: %v", k, err)
		}
		if rr.ref.groups != nil {
			rr.ref.groups.after = after
		}
		r := rand.New(rand.NewPCG(uint64(k), 7))
		for j := range ds.Systems {
			plans := []decimal.Decimal{
				decimal.NewFromInt(-r.Int64N(80) * 1000),
				decimal.New(-r.Int64N(9000), -2),
				ds.Systems[j].Plan,
				decimal.NewFromInt(r.Int64N(3000)),
			}
			for _, p := range plans {
				pot := sc.Pot
				if r.IntN(3) == 0 {
					pot = sc.Allocation.Unit.Mul(decimal.NewFromInt(r.Int64N(1 + 2*sc.Pot.Div(sc.Allocation.Unit).IntPart())))
				}
				how := checkRerun(t, rr, j, p, pot, fmt.Sprintf("case %d system %d plan %s pot %s", k, j, p, pot))
				paths[how]++
			}
		}
	}
	return paths
}

// checkRerun compares one rerun's fast amount with the plain pass and a full
// Allocate, and returns how the fast amount was found.
func checkRerun(t *testing.T, rr *Rerun, j int, p, pot decimal.Decimal, what string) int {
	t.Helper()
	got, how, err := rr.amount(j, p, pot, false)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	plain, _, err := rr.amount(j, p, pot, true)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	want, err := rr.naive(j, p, pot)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if !got.Equal(want) || !plain.Equal(want) {
		t.Fatalf("%s: fast %s (path %d), plain %s, naive %s\n%+v", what, got, how, plain, want, rr.sc)
	}
	return how
}

func ExampleRerun() {
	systems := []plan.System{sys("A", 1, "-10000"), sys("B", 1, "-30000"), sys("C", 2450, "0")}
	sc := scen("60000", plan.RuleDeficit, plan.MethodProRata, plan.CapDeficit, "1")
	rr, _ := NewRerun(systems, sc)
	a, _ := rr.Amount(2, decimal.NewFromInt(-49000))
	fmt.Println(rr.Base().Shares[2].Amount, a)
	// Output: 0 33034
}
