package report

import (
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"
)

// TestIntSumExact: intSum's total is decimal's exact sum, for pence, for
// figures finer than its unit and for sums beyond 18 digits (which go
// through decimal).
func TestIntSumExact(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for trial := 0; trial < 200; trial++ {
		s := intSum{exp: -2}
		want := decimal.Zero
		for range 1000 {
			d := decimal.New(rng.Int63n(2_000_000_000)-1_000_000_000, int32(-rng.Intn(4)))
			if rng.Intn(50) == 0 {
				d = decimal.New(rng.Int63(), 2) // 19+ digits at pence: the decimal path
			}
			neg := rng.Intn(2) == 0
			s.add(d, neg)
			if neg {
				want = want.Sub(d)
			} else {
				want = want.Add(d)
			}
		}
		if got := s.total(); !got.Equal(want) {
			t.Fatalf("intSum total %s, want %s", got, want)
		}
	}
	// By hand: 1.25 + 2.5 - 0.125 = 3.625 (the 0.125 is finer than pence).
	s := intSum{exp: -2}
	s.add(decimal.RequireFromString("1.25"), false)
	s.add(decimal.RequireFromString("2.5"), false)
	s.add(decimal.RequireFromString("0.125"), true)
	if got := s.total().String(); got != "3.625" {
		t.Errorf("1.25 + 2.5 - 0.125 = %s, want 3.625", got)
	}
}

// TestAnnexIDs: the ids sliced from one string are annexID's.
func TestAnnexIDs(t *testing.T) {
	ids := annexIDs(1001)
	for _, i := range []int{0, 8, 9, 99, 1000} {
		if ids[i] != annexID(i) {
			t.Errorf("annexIDs[%d] = %q, want %q", i, ids[i], annexID(i))
		}
	}
}
