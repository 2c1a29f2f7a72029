package engine

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// exactMixed is q + r/den as a decimal ratio's numerator over den.
func exactMixed(m mixed, den uint64) decimal.Decimal {
	return decimal.NewFromInt(m.q).Mul(decimal.NewFromUint64(den)).Add(decimal.NewFromUint64(m.r))
}

// TestLeverFastGrant holds the integer path's rounding to decimal's: x −
// (m/10,000)·n, rounded half away from zero, for small denominators (so
// that exact halves, positive and negative, come up often) and large ones.
func TestLeverFastGrant(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	halves := 0
	for k := range 100_000 {
		den := 1 + r.Uint64N(40)
		if k%4 == 0 {
			den = 1 + r.Uint64N(fastDen-1)
		}
		f := &leverFast{den: den}
		x := mixed{r.Int64N(2_000_001) - 1_000_000, r.Uint64N(den)}
		n := mixed{r.Int64N(1_000_001), r.Uint64N(den)}
		if k%7 == 0 {
			x.q, n.q = r.Int64N(2*fastWhole-1)-fastWhole+1, r.Int64N(fastWhole)
		}
		m := r.Uint64N(tickScale + 1)
		if k%3 != 2 { // whole and half rates make exact halves of a penny common
			m = tickScale / uint64(1+k%2)
		}
		num := exactMixed(x, den).Mul(decimal.NewFromInt(tickScale)).Sub(exactMixed(n, den).Mul(decimal.NewFromUint64(m)))
		dd := decimal.NewFromUint64(den).Mul(decimal.NewFromInt(tickScale))
		want := num.DivRound(dd, 0)
		if num.Mod(dd).Abs().Mul(decimal.NewFromInt(2)).Equal(dd) {
			halves++
		}
		if got := f.grant(x, n, m); !decimal.NewFromInt(got).Equal(want) {
			t.Fatalf("x %+v n %+v m %d den %d: got %d, want %s", x, n, m, den, got, want)
		}
	}
	if halves < 1000 {
		t.Fatalf("only %d exact halves tried", halves)
	}
}

// TestLeverFastTimes: k·(q + r/den) as a mixed number, and refused when its
// whole part leaves the range.
func TestLeverFastTimes(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 100_000 {
		den := 1 + r.Uint64N(fastDen-1)
		f := &leverFast{den: den}
		a := mixed{r.Int64N(2_000_001) - 1_000_000, r.Uint64N(den)}
		k := r.Uint64N(1 << 30)
		got, ok := f.times(k, a)
		want := exactMixed(a, den).Mul(decimal.NewFromUint64(k))
		wq := want.Div(decimal.NewFromUint64(den)).Floor()
		fits := wq.Abs().LessThan(decimal.NewFromInt(fastWhole))
		if ok != fits {
			t.Fatalf("k %d a %+v den %d: ok %v, fits %v", k, a, den, ok, fits)
		}
		if ok && !exactMixed(got, den).Equal(want) {
			t.Fatalf("k %d a %+v den %d: got %+v", k, a, den, got)
		}
		if ok && got.r >= den {
			t.Fatalf("remainder %d not below %d", got.r, den)
		}
	}
}

// TestTicksOf holds ticksOf, round(b·q/10,000) half up, to big integers on
// both of its paths (a product below 2^63 divided as a uint64, a larger one
// in 128 bits), with cases worked by hand: 3·5,000 = 15,000 is 1.5 ticks'
// worth, 2; 4,999 is 0.4999, 0; 5,000 is 0.5, 1; 2^62·2 = 2^63 (the first
// product the 128-bit path takes) is 922,337,203,685,477.5808, so
// 922,337,203,685,478.
func TestTicksOf(t *testing.T) {
	for _, c := range []struct{ b, q, want uint64 }{
		{3, 5000, 2}, {1, 4999, 0}, {1, 5000, 1}, {0, 9999, 0},
		{1 << 62, 2, 922_337_203_685_478},
	} {
		if got := ticksOf(c.b, c.q); got != c.want {
			t.Errorf("ticksOf(%d, %d) = %d, want %d", c.b, c.q, got, c.want)
		}
	}
	ref := func(b, q uint64) uint64 {
		x := new(big.Int).Mul(new(big.Int).SetUint64(b), new(big.Int).SetUint64(q))
		x.Add(x, big.NewInt(tickScale/2))
		return x.Quo(x, big.NewInt(tickScale)).Uint64()
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 100_000 {
		b, q := r.Uint64N(1<<uint(1+r.IntN(63))), r.Uint64N(20_001)
		if r.IntN(4) == 0 { // products either side of 2^63
			q = 2 + r.Uint64N(3)
			b = (1<<63)/q - 2 + r.Uint64N(5)
		}
		if got, want := ticksOf(b, q), ref(b, q); got != want {
			t.Fatalf("ticksOf(%d, %d) = %d, want %d", b, q, got, want)
		}
	}
}
