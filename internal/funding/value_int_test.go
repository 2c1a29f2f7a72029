package funding

import (
	"math/rand/v2"
	"testing"

	"icsplan/internal/money"
	"icsplan/internal/plan"
	"icsplan/internal/synth"

	"github.com/shopspring/decimal"
)

// TestIntValuerMatchesDecimal is the property that the engine's integer
// hot path gives what the decimal path gives: on random regimes
// (synth.Case: every unit, repayment profile, interest rate, discount rate
// and write-off, loans, PDC and grants), for amounts from nothing to
// billions of units, IntSchedule's instalments equal Schedule's and
// IntValuer's present value, effective grant and grant element equal
// Flows.Value's, each to the penny (or ten-thousandth), and the exact
// ratios are equal as numbers.
func TestIntValuerMatchesDecimal(t *testing.T) {
	taken := 0
	for k := 0; k < 400; k++ {
		_, sc := synth.Case(int64(k))
		if k%3 == 0 && sc.Repayment != nil { // one schedule in three made PDC
			c := *sc.Repayment
			c.Kind, c.Profile = plan.RepaymentPDC, nil
			sc.Repayment = &c
		}
		s, ok, err := NewIntSchedule("2023/24", sc.Repayment, sc.Allocation.Unit)
		if err != nil {
			t.Fatalf("case %d: %v", k, err)
		}
		if !ok {
			continue
		}
		iv, ok := NewIntValuer(s, sc.Assumptions.DiscountRate, sc.Assumptions.WriteOff, sc.Allocation.Unit)
		if !ok {
			continue
		}
		taken++
		pvDen, gDen := iv.Dens()
		r := rand.New(rand.NewPCG(uint64(k), 3))
		for trial := 0; trial < 40; trial++ {
			amount := r.Uint64N(uint64(1) << r.IntN(36))
			checkIntValue(t, k, sc, &iv, amount, pvDen, gDen)
		}
	}
	if taken < 300 {
		t.Errorf("only %d of 400 regimes took the integer path", taken)
	}
}

func checkIntValue(t *testing.T, k int, sc plan.Scenario, iv *IntValuer, amount uint64, pvDen, gDen decimal.Decimal) {
	t.Helper()
	u := sc.Allocation.Unit
	a := decimal.NewFromUint64(amount).Mul(u)
	inst, err := Schedule(a, "2023/24", sc.Repayment, u)
	if err != nil {
		t.Fatalf("case %d: %v", k, err)
	}
	want := FlowsOf(Receipt{Received: a}, nil, inst, nil, nil).Value(sc.Assumptions.DiscountRate, sc.Assumptions.WriteOff)
	var scr ValueScratch
	got, ok := iv.Value(amount, &scr)
	if !ok {
		return // a figure too large: the decimal path answers
	}
	for i, in := range inst {
		if !in.Principal.Equal(decimal.NewFromUint64(scr.P[i]).Mul(u)) || !in.Interest.Equal(decimal.NewFromUint64(scr.I[i]).Mul(u)) {
			t.Fatalf("case %d amount %d year %d: instalment %s + %s, integer %d + %d units", k, amount, in.T,
				in.Principal, in.Interest, scr.P[i], scr.I[i])
		}
	}
	g, ok1 := iv.Grant(got)
	pv, ok2 := iv.PV(got)
	ge, ok3 := iv.GrantElement(got, amount)
	if !ok1 || !ok2 || !ok3 {
		return
	}
	if !want.EffectiveGrant.Equal(decimal.New(g, -2)) || !want.PV.Equal(decimal.New(pv, -2)) || !want.GrantElement.Equal(decimal.New(ge, -4)) {
		t.Fatalf("case %d amount %d: decimal G %s PV %s GE %s, integer %d %d %d (%+v)", k, amount,
			want.EffectiveGrant, want.PV, want.GrantElement, g, pv, ge, sc.Repayment)
	}
	pr, gr := iv.Ratios(got, pvDen, gDen)
	if eq(pr, want.PVExact) != 0 || eq(gr, want.EffectiveGrantExact) != 0 {
		t.Fatalf("case %d amount %d: exact ratios differ: %v vs %v, %v vs %v", k, amount, pr, want.PVExact, gr, want.EffectiveGrantExact)
	}
}

func eq(a, b money.Ratio) int { return a.Cmp(b) }
