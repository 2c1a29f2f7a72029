package engine

import (
	"math/rand/v2"
	"testing"

	"icsplan/internal/analysis"

	"github.com/shopspring/decimal"
)

// perHeadSlope by hand: three systems of 1, 2 and 4 people planning
// deficits of £1, £4 and £4 and receiving £2, £6 and £4. Per head x = 1, 2,
// 1 and y = 2, 3, 1: n = 3, Σx = 4, Σy = 6, Σx² = 6, Σxy = 2 + 6 + 1 = 9, so
// the slope is (3·9 − 4·6) ÷ (3·6 − 16) = 3 ÷ 2 = 1.5000.
func TestPerHeadSlopeByHand(t *testing.T) {
	d := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	got := perHeadSlope([]decimal.Decimal{d("1"), d("4.00"), d("4")}, []decimal.Decimal{d("2.0"), d("6"), d("4")},
		[]int64{1, 2, 4}, 4)
	if got == nil || got.StringFixed(4) != "1.5000" {
		t.Fatalf("slope %v, want 1.5000", got)
	}
	if got := perHeadSlope([]decimal.Decimal{d("2"), d("4")}, []decimal.Decimal{d("1"), d("5")}, []int64{1, 2}, 4); got != nil {
		t.Errorf("every x the same (2 a head): slope %v, want none", got)
	}
	if got := perHeadSlope([]decimal.Decimal{d("2")}, []decimal.Decimal{d("1")}, []int64{1}, 4); got != nil {
		t.Errorf("one point: slope %v, want none", got)
	}
}

// perHeadSlope is slope over the exact per-head fractions, on random series
// of figures with mixed exponents, zeros, ties and populations of none.
func TestPerHeadSlopeIsSlope(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 3))
	fig := func() decimal.Decimal {
		switch r.IntN(5) {
		case 0:
			return decimal.Zero
		case 1:
			return decimal.New(r.Int64N(2_000_000_000), 3) // whole £000
		}
		return decimal.New(r.Int64N(20_000_000_000_000)-1_000_000_000_000, -int32(r.IntN(3)))
	}
	for k := range 2000 {
		n := 1 + r.IntN(50)
		xs, ys, pops := make([]decimal.Decimal, n), make([]decimal.Decimal, n), make([]int64, n)
		fx, fy := make([]frac, n), make([]frac, n)
		for i := range n {
			xs[i], ys[i], pops[i] = fig(), fig(), 1+r.Int64N(3_500_000)
			switch r.IntN(8) {
			case 0:
				pops[i] = 0
			case 1:
				pops[i] = -5
			case 2:
				xs[i], pops[i] = xs[max(0, i-1)], pops[max(0, i-1)] // a tie with the one before
			}
			fx[i], fy[i] = fracPerHead(xs[i], pops[i]), fracPerHead(ys[i], pops[i])
		}
		if r.IntN(10) == 0 { // every x the same
			for i := range n {
				xs[i], pops[i] = xs[0], pops[0]
				fx[i], fy[i] = fracPerHead(xs[i], pops[i]), fracPerHead(ys[i], pops[i])
			}
		}
		places := int32(r.IntN(6))
		got, want := perHeadSlope(xs, ys, pops, places), slope(fx, fy, places)
		if (got == nil) != (want == nil) || got != nil && !got.Equal(*want) {
			t.Fatalf("case %d (n %d): perHeadSlope %v, slope %v", k, n, got, want)
		}
	}
}

// deficitPerHeadRounded is perHead(deficitOf(plan), pop), the same number
// to the last digit, on plans with every exponent and sign, populations of
// none, and halves to round (a deficit of 5 pence over 10 people).
func TestDeficitPerHeadRounded(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	cases := [][2]int64{{-5, 10}, {-15, 10}, {-25, 10}, {-1, 2}, {-3, 2}, {0, 7}, {5, 3}, {-7, 0}, {-7, -3}}
	for range 5000 {
		cases = append(cases, [2]int64{r.Int64N(2_000_000_000_000) - 1_500_000_000_000, r.Int64N(4_000_000) - 10})
	}
	for k, c := range cases {
		for _, e := range []int32{-4, -3, -2, -1, 0, 3} {
			plan := decimal.New(c[0], e)
			got, want := deficitPerHeadRounded(plan, c[1]), perHead(deficitOf(plan), c[1])
			if !got.Equal(want) || got.Exponent() != want.Exponent() && !want.IsZero() {
				t.Fatalf("case %d: plan %s, population %d: %s (exponent %d), perHead gives %s (exponent %d)", k, plan, c[1],
					got, got.Exponent(), want, want.Exponent())
			}
		}
	}
}

// perHeadSum's means and their difference are those of fractions summed
// with rat.go's frac (as the pair's change per head was first worked out),
// on random pairs of plans with mixed exponents, surpluses, zeros and
// populations of none.
func TestPerHeadSumIsFracSum(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 2))
	plan := func() decimal.Decimal {
		if r.IntN(4) == 0 {
			return decimal.New(r.Int64N(1_000_000), int32(r.IntN(3))) // a surplus or balance
		}
		return decimal.New(-r.Int64N(9_000_000_000_000), -int32(r.IntN(4))+int32(r.IntN(2))*3)
	}
	pop := func() int64 {
		if r.IntN(10) == 0 {
			return 0
		}
		return 1 + r.Int64N(3_500_000)
	}
	sys := func() analysis.SystemResult {
		var s analysis.SystemResult
		s.Plan, s.Population = plan(), pop()
		return s
	}
	for k := range 1000 {
		na, nb := 1+r.IntN(30), 1+r.IntN(30)
		sa, sb := newPerHeadSum(), newPerHeadSum()
		fa, fb := fracZero(), fracZero()
		for i := range na + nb {
			a, b := sys(), sys()
			change := fracPerHead(deficitOf(b.Plan), b.Population).sub(fracPerHead(deficitOf(a.Plan), a.Population))
			if i < na {
				sa.change(a, b)
				fa.add(change, 1)
			} else {
				sb.change(a, b)
				fb.add(change, 1)
			}
		}
		places := int32(r.IntN(5))
		wantDiff := fa.quoInt(na).sub(fb.quoInt(nb)).round(places)
		for _, c := range []struct {
			got, want *decimal.Decimal
		}{{sa.mean(na, places), fracMean(fa, na, places)}, {sb.mean(nb, places), fracMean(fb, nb, places)},
			{meanDifference(sa, na, sb, nb, places), &wantDiff}} {
			if !c.got.Equal(*c.want) {
				t.Fatalf("case %d: %s, fractions give %s", k, c.got, c.want)
			}
		}
	}
	if newPerHeadSum().mean(0, 2) != nil {
		t.Error("a mean over no systems is not nil")
	}
}
