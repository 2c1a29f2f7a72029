package funding

import (
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"
)

// same reports whether a and b are the same decimal: equal coefficients at
// equal exponents (so that String prints them alike), not merely equal values.
func same(a, b decimal.Decimal) bool {
	return a.Exponent() == b.Exponent() && a.Coefficient().Cmp(b.Coefficient()) == 0
}

// randomDecimal is a non-negative decimal of up to digits digits at an
// exponent from −4 to 3, sometimes zero.
func randomDecimal(r *rand.Rand, digits int) decimal.Decimal {
	c := decimal.Zero
	for range r.Intn(digits + 1) {
		c = c.Mul(decimal.NewFromInt(10)).Add(decimal.NewFromInt(int64(r.Intn(10))))
	}
	return decimal.NewFromBigInt(c.BigInt(), int32(r.Intn(8)-4))
}

// TestIntegerHelpersMatchDecimals holds each integer helper to the decimal
// arithmetic it stands for, on random figures from a few digits to more
// than 64 bits (where the helpers fall back to decimals).
func TestIntegerHelpersMatchDecimals(t *testing.T) {
	r := rand.New(rand.NewSource(17))
	for range 20_000 {
		digits := []int{3, 9, 18, 25}[r.Intn(4)]
		d, u := randomDecimal(r, digits), randomDecimal(r, 4)
		if u.IsZero() {
			u = decimal.New(1, u.Exponent())
		}
		if got, want := neg(d), d.Neg(); !same(got, want) {
			t.Fatalf("neg(%s) = %s, want %s", d, got, want)
		}
		if got, want := product(d, u), d.Mul(u); !same(got, want) {
			t.Fatalf("product(%s, %s) = %s, want %s", d, u, got, want)
		}
		q, _ := d.QuoRem(u, 0)
		if got, want := wholeUnits(d, u), q.Mul(u); !same(got, want) {
			t.Fatalf("wholeUnits(%s, %s) = %s, want %s", d, u, got, want)
		}
		if k, ok := quoUnits(d, u); ok && !same(decimal.NewFromUint64(k), q) {
			t.Fatalf("quoUnits(%s, %s) = %d, want %s", d, u, k, q)
		}
		w, W := randomDecimal(r, digits), randomDecimal(r, digits)
		if W.LessThan(w) {
			w, W = W, w
		}
		if W.IsZero() {
			continue
		}
		c, d := randomDecimal(r, digits), randomDecimal(r, digits)
		if r.Intn(4) == 0 { // equal products, at other exponents
			c, d = w.Shift(1), W.Shift(-1)
		}
		if got, want := exceeds(w, W, c, d), w.Mul(W).GreaterThan(c.Mul(d)); got != want {
			t.Fatalf("exceeds(%s, %s, %s, %s) = %v, want %v", w, W, c, d, got, want)
		}
		units := uint64(r.Int63n(1 << 40))
		if k, ok := shareQuo(units, w, W); ok {
			want, _ := decimal.NewFromUint64(units).Mul(w).QuoRem(W, 0)
			if !same(decimal.NewFromUint64(k), want) {
				t.Fatalf("shareQuo(%d, %s, %s) = %d, want %s", units, w, W, k, want)
			}
		}
	}
}

// TestSumAmountsMatchesAdd holds sumAmounts to a chain of Add from zero,
// over amounts at mixed exponents, and the figures of an allocation's
// floor to q·u made in decimals.
func TestSumAmountsMatchesAdd(t *testing.T) {
	r := rand.New(rand.NewSource(18))
	for range 2_000 {
		shares := make([]Share, 1+r.Intn(20))
		for i := range shares {
			shares[i].Amount = randomDecimal(r, []int{6, 17, 22}[r.Intn(3)])
		}
		if got, want := sumAmounts(shares), sumDecimals(shares); !same(got, want) {
			t.Fatalf("sumAmounts = %s, want %s", got, want)
		}
		u := randomDecimal(r, 3)
		if u.IsZero() {
			continue
		}
		q := uint64(r.Int63n(1 << 50))
		want := decimal.NewFromUint64(q).Mul(u)
		if got := unitsOf(q, u, want); !same(got, want) {
			t.Fatalf("unitsOf(%d, %s) = %s, want %s", q, u, got, want)
		}
		if got := unitsOf(q, u, decimal.Zero); !same(got, want) {
			t.Fatalf("unitsOf(%d, %s) = %s, want %s", q, u, got, want)
		}
	}
}
