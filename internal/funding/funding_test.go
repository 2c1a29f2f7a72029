package funding

import (
	"strings"
	"testing"

	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// sys builds a system; plan in pounds, population also used as weighted population.
func sys(code string, pop int64, p string) plan.System {
	return plan.System{Code: code, Name: code, Population: pop, WeightedPopulation: decimal.NewFromInt(pop), Plan: d(p)}
}

func scen(pot string, rule plan.Rule, method plan.Method, cp plan.Cap, unit string) plan.Scenario {
	return plan.Scenario{
		Pot:         d(pot),
		Eligibility: plan.Eligibility{Rule: rule, Basis: plan.BasisPlan},
		Allocation:  plan.Allocation{Method: method, Basis: plan.BasisPlan, Cap: cp, Unit: d(unit)},
	}
}

func amounts(a Allocation) string {
	var b []string
	for _, s := range a.Shares {
		b = append(b, s.Amount.String())
	}
	return strings.Join(b, " ")
}

func TestAllocateTable(t *testing.T) {
	cases := []struct {
		name        string
		systems     []plan.System
		sc          plan.Scenario
		want        string // amounts in file order
		unallocated string
		rounds      int
	}{
		{
			// Equal weights, cap = deficit, pot 150 over A10 B20 C50 D100.
			// Round 1: 150/4 = 37.5 each; A (10) and B (20) exceed their caps -> capped.
			// Round 2: (150-30)/2 = 60 each; C (50) exceeds -> capped.
			// Round 3: (120-50)/1 = 70 for D <= 100: nobody capped; D gets 70.
			name:    "caps bind in two rounds",
			systems: []plan.System{sys("A", 1, "-10"), sys("B", 1, "-20"), sys("C", 1, "-50"), sys("D", 1, "-100")},
			sc:      scen("150", plan.RuleDeficit, plan.MethodEqual, plan.CapDeficit, "1"),
			want:    "10 20 50 70", unallocated: "0", rounds: 3,
		},
		{
			// Equal weights, pot 10 over codes B, A, C: 10/3 = 3 rem 1 each (tie);
			// equal weights; code A sorts first and takes the leftover unit.
			name:    "tie in remainders broken by code",
			systems: []plan.System{sys("B", 1, "-5"), sys("A", 1, "-5"), sys("C", 1, "-5")},
			sc:      scen("10", plan.RuleDeficit, plan.MethodEqual, plan.CapNone, "1"),
			want:    "3 4 3", unallocated: "0", rounds: 1,
		},
		{
			// Pro rata to deficits 1 and 3 (W = 4), pot 2: 2*1 = 0 rem 2, 2*3 = 6 = 1 rem 2.
			// Remainders tie (2 and 2): the larger weight (3) takes the leftover unit -> 0, 2.
			name:    "tie in remainders broken by weight",
			systems: []plan.System{sys("A", 1, "-1"), sys("B", 1, "-3")},
			sc:      scen("2", plan.RuleDeficit, plan.MethodProRata, plan.CapNone, "1"),
			want:    "0 2", unallocated: "0", rounds: 1,
		},
		{
			// Unit £1000: pot 10 units over deficits 3000, 5000, 7000 (W = 15000).
			// 10*3000/15000 = 2 r0; 10*5000/15000 = 3 r5000; 10*7000/15000 = 4 r10000.
			// Floors 2+3+4 = 9 units, 1 left -> largest remainder (7000) -> 2000, 3000, 5000.
			name:    "unit of £1000",
			systems: []plan.System{sys("A", 1, "-3000"), sys("B", 1, "-5000"), sys("C", 1, "-7000")},
			sc:      scen("10000", plan.RuleDeficit, plan.MethodProRata, plan.CapDeficit, "1000"),
			want:    "2000 3000 5000", unallocated: "0", rounds: 1,
		},
		{
			// Pot 500 > deficits 100.50 + 200.25; caps rounded down to £100 and £200.
			// Round 1: 500*100.50 = 50250 > 100*300.75 = 30075 and 500*200.25 = 100125 >
			// 200*300.75 = 60150: both capped; nobody left: 500 - 300 = 200 unallocated.
			name:    "pot larger than all deficits",
			systems: []plan.System{sys("A", 1, "-100.50"), sys("B", 1, "-200.25"), sys("C", 1, "10")},
			sc:      scen("500", plan.RuleDeficit, plan.MethodProRata, plan.CapDeficit, "1"),
			want:    "100 200 0", unallocated: "200", rounds: 1,
		},
		{
			// Per capita over weighted populations 1m and 3m, pot £1m: 250,000 and 750,000.
			name:    "per capita, rule all",
			systems: []plan.System{sys("A", 1000000, "-5"), sys("B", 3000000, "5")},
			sc:      scen("1000000", plan.RuleAll, plan.MethodPerCapita, plan.CapNone, "1"),
			want:    "250000 750000", unallocated: "0", rounds: 1,
		},
		{
			// Rule balanced with threshold 0: plan 0 and +5 are balanced, -5 is not.
			// Per capita over 1 and 3 (weighted populations), pot 8 -> 2 and 6.
			name:    "rule balanced",
			systems: []plan.System{sys("A", 1, "0"), sys("B", 7, "-5"), sys("C", 3, "5")},
			sc:      scen("8", plan.RuleBalanced, plan.MethodPerCapita, plan.CapNone, "1"),
			want:    "2 0 6", unallocated: "0", rounds: 1,
		},
		{
			// Equal, pot £1.00 in pence over 3: 33p each, 1p left to code A (tie) -> 0.34.
			name:    "pence",
			systems: []plan.System{sys("A", 1, "-1"), sys("B", 1, "-1"), sys("C", 1, "-1")},
			sc:      scen("1", plan.RuleDeficit, plan.MethodEqual, plan.CapNone, "0.01"),
			want:    "0.34 0.33 0.33", unallocated: "0", rounds: 1,
		},
		{
			// Rule all, pro rata to deficits, but nobody has a deficit: no weight, no rounds,
			// the whole pot is unallocated.
			name:    "nobody has weight",
			systems: []plan.System{sys("A", 1, "0"), sys("B", 1, "25")},
			sc:      scen("100", plan.RuleAll, plan.MethodProRata, plan.CapNone, "1"),
			want:    "0 0", unallocated: "100", rounds: 0,
		},
		{
			// Per capita with cap = deficit: weighted populations 1, 1, 2 (W = 4), pot 100, caps 0, 30, 1000.
			// Round 1: A 100·1 = 100 > 0·4 = 0: capped at 0; B 100·1 = 100 < 30·4 = 120: no;
			//   C 100·2 = 200 < 1000·4 = 4000: no.
			// Round 2: pot 100, W = 3: B 100·1 = 100 > 30·3 = 90: capped at 30;
			//   C 100·2 = 200 < 1000·3 = 3000: no.
			// Round 3: pot 70, W = 2: C 70·2 = 140 < 2000: nobody; C gets 70.
			name:    "per capita capped in two rounds",
			systems: []plan.System{sys("A", 1, "0"), sys("B", 1, "-30"), sys("C", 2, "-1000")},
			sc:      scen("100", plan.RuleAll, plan.MethodPerCapita, plan.CapDeficit, "1"),
			want:    "0 30 70", unallocated: "0", rounds: 3,
		},
		{
			// Nobody eligible: no rounds, everything unallocated.
			name:    "nobody eligible",
			systems: []plan.System{sys("A", 1, "0")},
			sc:      scen("100", plan.RuleDeficit, plan.MethodProRata, plan.CapDeficit, "1"),
			want:    "0", unallocated: "100", rounds: 0,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Allocate(c.systems, c.sc)
			if err != nil {
				t.Fatal(err)
			}
			if got := amounts(a); got != c.want {
				t.Errorf("amounts %s, want %s", got, c.want)
			}
			if !a.Unallocated.Equal(d(c.unallocated)) {
				t.Errorf("unallocated %s, want %s", a.Unallocated, c.unallocated)
			}
			if len(a.Rounds) != c.rounds {
				t.Errorf("%d rounds, want %d", len(a.Rounds), c.rounds)
			}
			if !a.Allocated.Add(a.Unallocated).Equal(c.sc.Pot) {
				t.Errorf("allocated %s + unallocated %s != pot", a.Allocated, a.Unallocated)
			}
		})
	}
}

func TestAllocateTrace(t *testing.T) {
	systems := []plan.System{sys("A", 1, "-10"), sys("B", 1, "-20"), sys("C", 1, "-50"), sys("D", 1, "-100")}
	a, err := Allocate(systems, scen("150", plan.RuleDeficit, plan.MethodEqual, plan.CapDeficit, "1"))
	if err != nil {
		t.Fatal(err)
	}
	if r := a.Rounds[0]; !r.Pot.Equal(d("150")) || !r.Weights.Equal(d("4")) || len(r.Capped) != 2 || r.Capped[0] != 0 || r.Capped[1] != 1 {
		t.Errorf("round 1 %+v", r)
	}
	if r := a.Rounds[1]; !r.Pot.Equal(d("120")) || !r.Weights.Equal(d("2")) || len(r.Capped) != 1 || r.Capped[0] != 2 {
		t.Errorf("round 2 %+v", r)
	}
	if r := a.Rounds[2]; !r.Pot.Equal(d("70")) || !r.Weights.Equal(d("1")) || len(r.Capped) != 0 {
		t.Errorf("round 3 %+v", r)
	}
	wantRound := []int{1, 1, 2, 0}
	for i, s := range a.Shares {
		if s.CapRound != wantRound[i] || !s.HasCap || !s.Eligible {
			t.Errorf("share %d: %+v", i, s)
		}
	}
	if s := a.Shares[3]; !s.Exact.Num.Equal(d("70")) || !s.Exact.Den.Equal(d("1")) || !s.Floor.Equal(d("70")) || s.Extra {
		t.Errorf("D trace %+v", s)
	}
	// Tie trace: pot 10 equal over B, A, C: exact 10/3, floor 3, A has the extra unit.
	a, _ = Allocate([]plan.System{sys("B", 1, "-5"), sys("A", 1, "-5"), sys("C", 1, "-5")},
		scen("10", plan.RuleDeficit, plan.MethodEqual, plan.CapNone, "1"))
	for i, s := range a.Shares {
		if s.Exact.Round(4).String() != "3.3333" || !s.Floor.Equal(d("3")) || s.Extra != (i == 1) {
			t.Errorf("tie trace %d: %+v", i, s)
		}
	}
}

func TestEligibilityBasis(t *testing.T) {
	a := sys("A", 1, "0")
	a.Forecast = plan.Known(d("-40"))
	b := sys("B", 1, "-10") // forecast unknown
	c := sys("C", 1, "-10")
	c.Forecast = plan.Known(d("-60"))
	sc := scen("100", plan.RuleDeficit, plan.MethodProRata, plan.CapDeficit, "1")
	sc.Eligibility.Basis = plan.BasisForecast
	sc.Allocation.Basis = plan.BasisForecast
	// Eligible on forecast: A (-40), C (-60); B unknown -> not eligible, counted.
	// Pot 100 = 40 + 60 exactly: 100*40/100 = 40, 100*60/100 = 60, caps 40 and 60 not exceeded.
	al, err := Allocate([]plan.System{a, b, c}, sc)
	if err != nil {
		t.Fatal(err)
	}
	if amounts(al) != "40 0 60" || al.UnknownBasis != 1 {
		t.Errorf("got %s unknown %d", amounts(al), al.UnknownBasis)
	}
	// Threshold 10: a plan of -10 is not below -10, so balanced.
	sc = scen("10", plan.RuleDeficit, plan.MethodEqual, plan.CapNone, "1")
	sc.Assumptions.BalancedThreshold = d("10")
	al, _ = Allocate([]plan.System{sys("A", 1, "-10"), sys("B", 1, "-10.01")}, sc)
	if amounts(al) != "0 10" {
		t.Errorf("threshold: %s", amounts(al))
	}
}

func TestAllocateErrors(t *testing.T) {
	systems := []plan.System{sys("A", 1, "-10")}
	if _, err := Allocate(systems, scen("1500", plan.RuleDeficit, plan.MethodEqual, plan.CapNone, "1000")); err == nil {
		t.Error("pot not a whole number of units: want error")
	}
	if _, err := Allocate(systems, scen("1", plan.RuleDeficit, plan.MethodEqual, plan.CapNone, "0")); err == nil {
		t.Error("zero unit: want error")
	}
	if _, err := Allocate(systems, scen("1", "nobody", plan.MethodEqual, plan.CapNone, "1")); err == nil {
		t.Error("bad rule: want error")
	}
}

func inst(in []Instalment) string {
	var b []string
	for _, x := range in {
		b = append(b, x.Year+":"+x.Principal.String()+"+"+x.Interest.String())
	}
	return strings.Join(b, " ")
}

func TestSchedule(t *testing.T) {
	cases := []struct {
		name   string
		amount string
		rep    plan.Repayment
		unit   string
		want   string
	}{
		{
			// 700 over 3 equal years: 233 r1 each; the earlier year takes the leftover.
			// t=1 (2024/25) is before the first repayment year: a zero row.
			name: "equal", amount: "700", unit: "1",
			rep:  plan.Repayment{FirstYear: "2025/26", Years: 3},
			want: "2024/25:0+0 2025/26:234+0 2026/27:233+0 2027/28:233+0",
		},
		{
			// Profile 25/25/50 of 1001: 250.25, 250.25, 500.5 -> floors 250, 250, 500 (1000);
			// remainders .25 .25 .5: the 50% year takes the leftover -> 501.
			name: "unequal profile", amount: "1001", unit: "1",
			rep:  plan.Repayment{FirstYear: "2024/25", Years: 3, Profile: []decimal.Decimal{d("0.25"), d("0.25"), d("0.5")}},
			want: "2024/25:250+0 2025/26:250+0 2026/27:501+0",
		},
		{
			// 1000 at 5% repaid 500, 500 from 2025/26: t=1 interest on 1000 = 50 (interest only);
			// t=2 on 1000 = 50, repay 500; t=3 on 500 = 25, repay 500.
			name: "interest", amount: "1000", unit: "1",
			rep:  plan.Repayment{FirstYear: "2025/26", Years: 2, Interest: d("0.05")},
			want: "2024/25:0+50 2025/26:500+50 2026/27:500+25",
		},
		{
			// 1010 at 5% = 50.5 -> 51 (half away from zero); then 505 at 5% = 25.25 -> 25.
			name: "interest rounds half away", amount: "1010", unit: "1",
			rep:  plan.Repayment{FirstYear: "2024/25", Years: 2, Interest: d("0.05")},
			want: "2024/25:505+51 2025/26:505+25",
		},
		{
			// Unit £1000: 50000 at 1% = 500 -> 1000 (half away); then 25000 at 1% = 250 -> 0.
			name: "interest in £1000", amount: "50000", unit: "1000",
			rep:  plan.Repayment{FirstYear: "2024/25", Years: 2, Interest: d("0.01")},
			want: "2024/25:25000+1000 2025/26:25000+0",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep := c.rep
			got, err := Schedule(d(c.amount), "2023/24", &rep, d(c.unit))
			if err != nil {
				t.Fatal(err)
			}
			if inst(got) != c.want {
				t.Errorf("got  %s\nwant %s", inst(got), c.want)
			}
			sum := zero
			for k, x := range got {
				sum = sum.Add(x.Principal)
				if x.T != k+1 {
					t.Errorf("row %d has T %d", k, x.T)
				}
			}
			if !sum.Equal(d(c.amount)) {
				t.Errorf("principal sums to %s", sum)
			}
		})
	}
	if got, err := Schedule(d("5"), "2023/24", nil, d("1")); err != nil || got != nil {
		t.Errorf("grant: %v %v", got, err)
	}
	if _, err := Schedule(d("5"), "2023/24", &plan.Repayment{FirstYear: "2023/24", Years: 1}, d("1")); err == nil {
		t.Error("repayment in the year of receipt: want error")
	}
}

func TestValuate(t *testing.T) {
	// £1,000,000 repaid £500,000 at t=2 and t=3, r = 3.5%, w = 50%.
	// (1.035)^2 = 1.071225, (1.035)^3 = 1.108717875.
	// PV = 500000/1.071225 + 500000/1.108717875
	//    = (500000*1.035 + 500000)/1.108717875 = 1017500/1.108717875
	//    = 917726.70301721256... -> 917,726.70
	// (Dividing each term first: 466755.35018... + 450971.35283... — rounding each would give
	//  466755.35 + 450971.35 = 917726.70 here too, but only the single ratio is exact.)
	// G = 1000000 - 0.5*1017500/1.108717875 = 541136.64849139371... -> 541,136.65
	// Grant element = G/1000000 = 0.54113664849... -> 0.5411
	in := []Instalment{
		{Year: "2024/25", T: 1, Principal: zero, Interest: zero},
		{Year: "2025/26", T: 2, Principal: d("500000"), Interest: zero},
		{Year: "2026/27", T: 3, Principal: d("500000"), Interest: zero},
	}
	v := Valuate(d("1000000"), in, d("0.035"), d("0.5"))
	if v.PV.StringFixed(2) != "917726.70" || v.EffectiveGrant.StringFixed(2) != "541136.65" || v.GrantElement.StringFixed(4) != "0.5411" {
		t.Errorf("got PV %s G %s GE %s", v.PV, v.EffectiveGrant, v.GrantElement)
	}
	if !v.PVExact.Num.Equal(d("1017500")) || !v.PVExact.Den.Equal(d("1.108717875")) {
		t.Errorf("exact PV %s/%s", v.PVExact.Num, v.PVExact.Den)
	}
	// A grant: nothing repaid, G = A, grant element 1.
	v = Valuate(d("1000"), nil, d("0.035"), d("0.5"))
	if !v.PV.IsZero() || !v.EffectiveGrant.Equal(d("1000")) || v.GrantElement.StringFixed(4) != "1.0000" {
		t.Errorf("grant: %+v", v)
	}
	// Fully repayable loan with no discount and no write-off: G = 0.
	v = Valuate(d("1000000"), in, zero, zero)
	if !v.PV.Equal(d("1000000")) || !v.EffectiveGrant.IsZero() || !v.GrantElement.IsZero() {
		t.Errorf("loan: %+v", v)
	}
	// Zero allocation: grant element 0, not a division by zero.
	v = Valuate(zero, nil, d("0.035"), d("0.5"))
	if !v.GrantElement.IsZero() || !v.EffectiveGrant.IsZero() {
		t.Errorf("zero: %+v", v)
	}
	// Round once: PV of 1 due at t=1 at 3.5% and 1 at t=2: (1.035 + 1)/1.071225 = 1.899694... -> 1.90.
	v = Valuate(d("2"), []Instalment{{T: 1, Principal: d("1"), Interest: zero}, {T: 2, Principal: d("1"), Interest: zero}}, d("0.035"), zero)
	if v.PV.StringFixed(2) != "1.90" || v.EffectiveGrant.StringFixed(2) != "0.10" {
		t.Errorf("small: %+v", v)
	}
}
