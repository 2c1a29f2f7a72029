package money

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestAppendStringMatchesString holds AppendString to decimal's String on
// hand-picked edges and random coefficients and exponents, including those
// that take the String path.
func TestAppendStringMatchesString(t *testing.T) {
	cases := []decimal.Decimal{decimal.Zero, decimal.New(0, -3), decimal.New(-100, -2), decimal.New(5, -1),
		decimal.New(-5, -3), decimal.New(123456, -2), decimal.New(120, -1), decimal.New(7, 2),
		decimal.New(999999999999999999, -18), decimal.New(-999999999999999999, -9), decimal.RequireFromString("12345678901234567890.5")}
	rng := rand.New(rand.NewPCG(17, 5))
	for range 20000 {
		c := rng.Int64N(2_000_000_000_000_000_000) - 1_000_000_000_000_000_000
		if rng.IntN(2) == 0 {
			c %= 1_000_000
		}
		cases = append(cases, decimal.New(c, int32(rng.IntN(24)-20)))
	}
	for _, d := range cases {
		if got, want := string(AppendString([]byte("x"), d)), "x"+d.String(); got != want {
			t.Fatalf("AppendString(%s) = %q, want %q", d.String(), got, want)
		}
	}
}

// TestAppendFixedSumMatchesAdd holds AppendFixedSum to Add then StringFixed
// on random pairs, at 2 and 4 places, halves and overflow included.
func TestAppendFixedSumMatchesAdd(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	pick := func() decimal.Decimal {
		c := rng.Int64N(2_000_000_000_000_000_000) - 1_000_000_000_000_000_000
		if rng.IntN(2) == 0 {
			c %= 100_000
		}
		return decimal.New(c, int32(rng.IntN(14)-10))
	}
	pairs := [][2]decimal.Decimal{{decimal.New(5, -3), decimal.Zero}, {decimal.New(-5, -3), decimal.New(0, -1)},
		{decimal.New(999999999999999999, 0), decimal.New(999999999999999999, 0)}}
	for range 20000 {
		pairs = append(pairs, [2]decimal.Decimal{pick(), pick()})
	}
	for _, p := range pairs {
		for _, places := range []int32{0, 2, 4} {
			got := string(AppendFixedSum(nil, p[0], p[1], places))
			if want := p[0].Add(p[1]).StringFixed(places); got != want {
				t.Fatalf("AppendFixedSum(%s, %s, %d) = %q, want %q", p[0], p[1], places, got, want)
			}
		}
	}
}

// TestAppendFixedTotalMatchesAdd holds AppendFixedTotal to adding with Add
// then StringFixed, on random lists of none to nine figures at mixed
// exponents (some near 10^18, so that running sums take the decimal path).
func TestAppendFixedTotalMatchesAdd(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 1))
	for range 5000 {
		xs := make([]decimal.Decimal, rng.IntN(10))
		want := decimal.Zero
		for i := range xs {
			c := rng.Int64N(2_000_000_000_000_000_000) - 1_000_000_000_000_000_000
			if rng.IntN(3) > 0 {
				c %= 10_000_000
			}
			xs[i] = decimal.New(c, int32(rng.IntN(8)-5))
			want = want.Add(xs[i])
		}
		for _, places := range []int32{0, 2, 4} {
			if got := string(AppendFixedTotal([]byte("x"), xs, places)); got != "x"+want.StringFixed(places) {
				t.Fatalf("AppendFixedTotal(%v, %d) = %q, want %q", xs, places, got, "x"+want.StringFixed(places))
			}
		}
	}
}

// TestAppendGroupedMatchesGrouped: AppendGrouped writes what Grouped does,
// after what the buffer holds, for figures that fit an int64 and one that
// does not.
func TestAppendGroupedMatchesGrouped(t *testing.T) {
	for _, in := range []string{"0", "1", "-1", "999", "1000", "-1000", "1234567", "-1234.5", "0.001", "-0.5",
		"123456789012345678", "48611111.1111111", "123456789012345678901234567890.25", "1e5", "-12e-8"} {
		d := decimal.RequireFromString(in)
		if got, want := string(AppendGrouped([]byte("x"), d)), "x"+Grouped(d); got != want {
			t.Errorf("AppendGrouped(%s) = %q, want %q", in, got, want)
		}
	}
}

// TestCoefficientAt works figures out at exponents by hand: £1.5 at −2 is
// 150 pence, £-12 at −2 is −1,200, 0.125 at −2 is not whole pence, and 19
// digits do not fit.
func TestCoefficientAt(t *testing.T) {
	for _, c := range []struct {
		d    string
		e    int32
		want int64
		ok   bool
	}{
		{"1.5", -2, 150, true},
		{"-12", -2, -1200, true},
		{"0.125", -2, 0, false},
		{"1234567890123456789", 0, 0, false},
		{"123456789012345678", 0, 123456789012345678, true},
		{"12345678901234567", -2, 0, false}, // 17 digits and 2 more
		{"0", -2, 0, true},
	} {
		got, ok := CoefficientAt(decimal.RequireFromString(c.d), c.e)
		if got != c.want || ok != c.ok {
			t.Errorf("CoefficientAt(%s, %d) = %d, %v; want %d, %v", c.d, c.e, got, ok, c.want, c.ok)
		}
	}
}
