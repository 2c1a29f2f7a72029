package engine

import (
	"math/rand/v2"
	"testing"

	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// TestPenaltyPlanner: the integer penalty plan is penaltyPlan's, value and
// printed form, on random medians (in pence and in whole pounds, over
// small and large populations, so that exact halves are common) and on
// worked cases: 5/12 × 1,200 = 500 exactly, half of £1000, away from zero
// to −1,000; 5/12 × 1,199 = 499.58… → −0; 12.34/1 × 81 = 999.54 → −1,000.
func TestPenaltyPlanner(t *testing.T) {
	d := decimal.RequireFromString
	worked := []struct {
		m    money.Ratio
		pop  int64
		want string
	}{
		{money.R(d("5"), d("12")), 1200, "-1000"},
		{money.R(d("5"), d("12")), 1199, "0"},
		{money.R(d("12.34"), d("1")), 81, "-1000"},
		{money.R(d("500"), d("1")), 3, "-2000"}, // 1,500 is 1.5 thousand: half away → 2
	}
	for _, c := range worked {
		pp := newPenaltyPlanner(c.m)
		if !pp.ok {
			t.Fatalf("%v: not on the integer path", c.m)
		}
		if got := pp.plan(c.pop); got.String() != c.want || penaltyPlan(c.m, c.pop).String() != c.want {
			t.Errorf("%v × %d: %s (decimal %s), want %s", c.m, c.pop, got, penaltyPlan(c.m, c.pop), c.want)
		}
	}
	r := rand.New(rand.NewPCG(17, 1))
	fast := 0
	for range 20_000 {
		num := decimal.New(r.Int64N(1_000_000_000), -int32(r.IntN(3)))
		den := decimal.NewFromInt(1 + r.Int64N(1+r.Int64N(10_000_000)))
		if r.IntN(2) == 0 { // the mean of two middle ratios: over 2·den
			den = den.Mul(decimal.NewFromInt(2))
		}
		m := money.R(num, den)
		pp := newPenaltyPlanner(m)
		pop := r.Int64N(1 + r.Int64N(10_000_000))
		want := penaltyPlan(m, pop)
		got := pp.plan(pop)
		if !got.Equal(want) || got.String() != want.String() {
			t.Fatalf("%v × %d: %s, want %s", m, pop, got, want)
		}
		if pp.ok {
			fast++
		}
	}
	if fast < 19_000 {
		t.Errorf("only %d of 20,000 on the integer path", fast)
	}
}
