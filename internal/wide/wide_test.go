package wide

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

var (
	two127  = new(big.Int).Lsh(big.NewInt(1), 127)
	minus   = new(big.Int).Neg(two127)
	two63   = new(big.Int).Lsh(big.NewInt(1), 63)
	maxU128 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 128), big.NewInt(1))
)

// fits reports whether x is a signed 128-bit integer.
func fits(x *big.Int) bool { return x.Cmp(minus) >= 0 && x.Cmp(two127) < 0 }

// randInt draws an Int of random size and sign, often near the edges.
func randInt(r *rand.Rand) Int {
	switch r.IntN(6) {
	case 0:
		return FromInt64(r.Int64N(2000) - 1000)
	case 1:
		return Int{Hi: 1<<63 - 1 - r.Int64N(3), Lo: r.Uint64()}
	case 2:
		return Int{Hi: -1 << 63, Lo: r.Uint64N(3)}
	case 3:
		return FromInt64(int64(r.Uint64()))
	}
	return Int{Hi: int64(r.Uint64()) >> r.IntN(64), Lo: r.Uint64()}
}

// roundHalfAway is x ÷ d rounded half away from zero, in big integers.
func roundHalfAway(x, d *big.Int) *big.Int {
	q, m := new(big.Int).QuoRem(new(big.Int).Abs(x), d, new(big.Int))
	if m.Lsh(m, 1).Cmp(d) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if x.Sign() < 0 {
		q.Neg(q)
	}
	return q
}

// TestArithmeticMatchesBig checks every operation against math/big on
// random operands, near the edges of the range as often as not: the result
// when it fits, and ok false exactly when it does not.
func TestArithmeticMatchesBig(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200_000; trial++ {
		a, b := randInt(r), randInt(r)
		A, B := a.Big(), b.Big()
		check := func(op string, got Int, ok bool, want *big.Int) {
			t.Helper()
			if ok != fits(want) || ok && got.Big().Cmp(want) != 0 {
				t.Fatalf("%s(%v, %v): %v ok %v, want %v", op, A, B, got.Big(), ok, want)
			}
		}
		s, ok := a.Add(b)
		check("Add", s, ok, new(big.Int).Add(A, B))
		s, ok = a.Sub(b)
		check("Sub", s, ok, new(big.Int).Sub(A, B))
		m := r.Uint64() >> r.IntN(64)
		s, ok = a.MulU(m)
		check("MulU", s, ok, new(big.Int).Mul(A, new(big.Int).SetUint64(m)))
		mi := int64(r.Uint64()) >> r.IntN(64)
		s, ok = a.MulI(mi)
		check("MulI", s, ok, new(big.Int).Mul(A, big.NewInt(mi)))
		x, y := r.Uint64()>>r.IntN(64), r.Uint64()>>r.IntN(64)
		s, ok = Mul64(x, y)
		check("Mul64", s, ok, new(big.Int).Mul(new(big.Int).SetUint64(x), new(big.Int).SetUint64(y)))
		if got, want := a.Cmp(b), A.Cmp(B); got != want {
			t.Fatalf("Cmp(%v, %v) = %d", A, B, got)
		}
		if a.Sign() != A.Sign() {
			t.Fatalf("Sign(%v) = %d", A, a.Sign())
		}
		d := r.Uint64()>>r.IntN(64) | 1
		q, ok := a.QuoRound(d)
		want := roundHalfAway(A, new(big.Int).SetUint64(d))
		if ok != (want.IsInt64() && want.CmpAbs(two63) < 0) || ok && q != want.Int64() {
			t.Fatalf("QuoRound(%v, %d) = %d ok %v, want %v", A, d, q, ok, want)
		}
		D := b.Big()
		if D.Sign() <= 0 {
			continue
		}
		q, ok = a.QuoRound128(b)
		want = roundHalfAway(A, D)
		if ok != (want.IsInt64() && want.CmpAbs(two63) < 0) || ok && q != want.Int64() {
			t.Fatalf("QuoRound128(%v, %v) = %d ok %v, want %v", A, D, q, ok, want)
		}
	}
}

// TestQuoRoundHalves checks rounding at exact halves, both signs: 5 ÷ 2
// is 3 and −5 ÷ 2 is −3 (half away from zero), 7 ÷ 4 is 2 and 5 ÷ 4 is 1.
func TestQuoRoundHalves(t *testing.T) {
	for _, c := range []struct {
		a    int64
		d    uint64
		want int64
	}{{5, 2, 3}, {-5, 2, -3}, {7, 4, 2}, {5, 4, 1}, {-7, 4, -2}, {-5, 4, -1}, {0, 9, 0}} {
		if got, ok := FromInt64(c.a).QuoRound(c.d); !ok || got != c.want {
			t.Errorf("%d ÷ %d = %d (ok %v), want %d", c.a, c.d, got, ok, c.want)
		}
		if got, ok := FromInt64(c.a).QuoRound128(FromUint64(c.d)); !ok || got != c.want {
			t.Errorf("128: %d ÷ %d = %d (ok %v), want %d", c.a, c.d, got, ok, c.want)
		}
	}
	_ = maxU128
}

// TestFixedQuo checks ⌊a·2^64/q⌋ against math/big, both signs.
func TestFixedQuo(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 200_000; trial++ {
		a := randInt(r)
		q := r.Uint64()>>r.IntN(64) | 1
		A := new(big.Int).Lsh(a.Big(), 64)
		Q := new(big.Int).SetUint64(q)
		want := new(big.Int).Div(A, Q) // Euclidean: floor for a positive divisor
		got, ok := a.FixedQuo(q)
		whole := new(big.Int).Rsh(want, 64)
		fitsWhole := whole.IsInt64()
		if ok != fitsWhole || ok && got.Big().Cmp(want) != 0 {
			t.Fatalf("FixedQuo(%v, %d) = %v ok %v, want %v", a.Big(), q, got.Big(), ok, want)
		}
	}
}
