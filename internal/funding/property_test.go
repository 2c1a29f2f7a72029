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

// tinyDataset draws a few systems with small figures, so that ties in the
// remainders, binding caps and zero weights are common.
func tinyDataset(r *rand.Rand) plan.Dataset {
	n := 1 + r.IntN(12)
	codes := r.Perm(26)
	ds := plan.Dataset{Year: "2023/24"}
	for i := 0; i < n; i++ {
		s := plan.System{
			Code:               string(rune('A' + codes[i])),
			Population:         1 + r.Int64N(20),
			WeightedPopulation: decimal.New(1+r.Int64N(40), -int32(r.IntN(2))),
		}
		switch r.IntN(4) {
		case 0:
			s.Plan = decimal.New(r.Int64N(5000), -2) // surplus or zero
		case 1:
			s.Plan = decimal.New(-r.Int64N(5000), -2) // deficit with pence
		default:
			s.Plan = decimal.NewFromInt(-r.Int64N(60) * 1000 * int64(r.IntN(2)))
		}
		if r.IntN(3) > 0 {
			s.Forecast = plan.Known(s.Plan.Add(decimal.NewFromInt(r.Int64N(3000) - 2000)))
		}
		if r.IntN(3) == 0 {
			s.Outturn = plan.Known(s.Plan.Sub(decimal.NewFromInt(r.Int64N(3000))))
		}
		ds.Systems = append(ds.Systems, s)
	}
	return ds
}

// randomCase is dataset k of the property tests: mostly tiny, sometimes synthetic.
func randomCase(k int) (plan.Dataset, plan.Scenario) {
	r := rand.New(rand.NewPCG(uint64(k), 42))
	var ds plan.Dataset
	if k%10 == 0 {
		ds = synth.Generate(20+r.IntN(60), int64(k))
	} else {
		ds = tinyDataset(r)
	}
	sc := synth.RandomScenario(ds, int64(k))
	if r.IntN(3) == 0 { // pots that are small multiples of the unit
		sc.Pot = sc.Allocation.Unit.Mul(decimal.NewFromInt(r.Int64N(200)))
	}
	return ds, sc
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
			if sc.Repayment != nil && !p.Equal(s.Amount) {
				t.Fatalf("case %d: system %d instalments sum to %s, not %s", k, i, p, s.Amount)
			}
		}
	}
}

// TestRerunMatchesNaive checks the fast prudence rerun against a full
// allocation of the changed systems, for every system and several plans.
func TestRerunMatchesNaive(t *testing.T) {
	paths := map[int]int{}
	for k := 0; k < propertyCases; k++ {
		ds, sc := randomCase(k)
		rr, err := NewRerun(ds.Systems, sc)
		if err != nil {
			t.Fatalf("case %d: %v", k, err)
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
				got, how, err := rr.amount(j, p)
				if err != nil {
					t.Fatalf("case %d: %v", k, err)
				}
				want, err := rr.naive(j, p)
				if err != nil {
					t.Fatalf("case %d: %v", k, err)
				}
				if !got.Equal(want) {
					t.Fatalf("case %d system %d plan %s: fast %s, naive %s (path %d)\n%+v", k, j, p, got, want, how, sc)
				}
				paths[how]++
			}
		}
	}
	t.Logf("paths: naive %d, shortcut %d, pass %d", paths[viaNaive], paths[viaShortcut], paths[viaPass])
	if paths[viaPass] < 1000 {
		t.Errorf("only %d reruns took the integer pass", paths[viaPass])
	}
}

func ExampleRerun() {
	systems := []plan.System{sys("A", 1, "-10000"), sys("B", 1, "-30000"), sys("C", 2450, "0")}
	sc := scen("60000", plan.RuleDeficit, plan.MethodProRata, plan.CapDeficit, "1")
	rr, _ := NewRerun(systems, sc)
	a, _ := rr.Amount(2, decimal.NewFromInt(-49000))
	fmt.Println(rr.Base().Shares[2].Amount, a)
	// Output: 0 33034
}
