package money

import (
	"cmp"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Apportion splits total over weights in whole multiples of unit by the
// largest-remainder method: each part gets floor(T·w_i / (Σw·u))·u, then the
// units left over go one each to the largest exact remainders
// (T·w_i mod Σw·u), ties to the larger weight, then to the key that sorts
// first. The parts always sum to total exactly.
//
// total must be a non-negative whole number of units, weights non-negative,
// and keys (one per weight) distinct. A positive total with all weights zero
// is an error.
func Apportion(total decimal.Decimal, weights []decimal.Decimal, unit decimal.Decimal, keys []string) ([]decimal.Decimal, error) {
	return apportion(total, weights, unit, keys)
}

// apportion implements Apportion. Every amount is brought to one common
// exponent E, so that T = t·10^E, w_i = a_i·10^E and u = v·10^E with t, a_i
// and v integers. The pot is N = t/v whole units, and the exact share of key i
// in units is N·a_i/S with S = Σa: part i gets floor(N·a_i/S) units and the
// remainder N·a_i mod S ranks it for the leftover units. (The DESIGN's
// remainder T·w_i mod Σw·u is this one times v·10^(2E), so the order is the
// same.) All of it is integer arithmetic; nothing is rounded. When N and the
// a_i fit in 64 bits (always, for real plans) the work is done in uint64 with
// 128-bit products; otherwise in big.Int.
func apportion(total decimal.Decimal, weights []decimal.Decimal, unit decimal.Decimal, keys []string) ([]decimal.Decimal, error) {
	n := len(weights)
	if len(keys) != n {
		return nil, fmt.Errorf("cannot apportion: %d keys for %d weights", len(keys), n)
	}
	if unit.Sign() <= 0 {
		return nil, fmt.Errorf("cannot apportion: unit %s is not positive", FormatExact(unit))
	}
	if total.Sign() < 0 {
		return nil, fmt.Errorf("cannot apportion a negative total %s", FormatExact(total))
	}
	exp := min(total.Exponent(), unit.Exponent(), 0)
	for i, w := range weights {
		if w.Sign() < 0 {
			return nil, fmt.Errorf("cannot apportion: weight %s for %q is negative", w.String(), keys[i])
		}
		exp = min(exp, w.Exponent())
	}

	t := scaled(total, exp)
	v := scaled(unit, exp)
	units, rem := new(big.Int).QuoRem(t, v, new(big.Int))
	if rem.Sign() != 0 {
		return nil, fmt.Errorf("total %s is not a whole number of %s units", FormatExact(total), FormatExact(unit))
	}
	if units.Sign() == 0 {
		parts := make([]decimal.Decimal, n)
		for i := range parts {
			parts[i] = decimal.Zero
		}
		return parts, nil
	}
	if units.IsUint64() {
		if parts, ok, err := apportionSmall(units.Uint64(), weights, exp, v, keys, total); ok {
			return parts, err
		}
	}
	return apportionBig(units, weights, exp, v, keys, total)
}

func errAllZero(total decimal.Decimal) error {
	return fmt.Errorf("cannot apportion %s: the weights are all zero", FormatExact(total))
}

// apportionSmall is apportion for N units and weights that fit in uint64,
// with products in 128 bits. It reports ok = false, having done nothing, when
// a weight or the sum of the weights does not fit.
func apportionSmall(units uint64, weights []decimal.Decimal, exp int32, v *big.Int, keys []string, total decimal.Decimal) (parts []decimal.Decimal, ok bool, err error) {
	q, ok, err := unitsSmall(units, weights, exp, keys, total)
	if !ok || err != nil {
		return nil, ok, err
	}
	parts = make([]decimal.Decimal, len(q))
	vs, vSmall := uint64(0), v.IsUint64()
	if vSmall {
		vs = v.Uint64()
	}
	for i, k := range q {
		if k == 0 {
			parts[i] = decimal.Zero
			continue
		}
		if vSmall {
			if hi, lo := bits.Mul64(k, vs); hi == 0 && lo <= math.MaxInt64 {
				parts[i] = decimal.New(int64(lo), exp)
				continue
			}
		}
		z := new(big.Int).SetUint64(k)
		parts[i] = decimal.NewFromBigInt(z.Mul(z, v), exp)
	}
	return parts, true, nil
}

// ApportionUnits is Apportion of a whole number of units, giving each part
// in units: the same parts, without a decimal for each. ok is false, with
// nothing computed, when a weight (at the weights' common exponent) or
// their sum does not fit 64 bits; Apportion then gives the answer. A
// positive number of units over weights that are all zero is an error.
func ApportionUnits(units uint64, weights []decimal.Decimal, keys []string) (parts []uint64, ok bool, err error) {
	if len(keys) != len(weights) {
		return nil, false, fmt.Errorf("cannot apportion: %d keys for %d weights", len(keys), len(weights))
	}
	exp := int32(0)
	for i, w := range weights {
		if w.Sign() < 0 {
			return nil, false, fmt.Errorf("cannot apportion: weight %s for %q is negative", w.String(), keys[i])
		}
		exp = min(exp, w.Exponent())
	}
	if units == 0 {
		return make([]uint64, len(weights)), true, nil
	}
	return unitsSmall(units, weights, exp, keys, decimal.NewFromUint64(units))
}

// unitsSmall is the integer heart of apportionSmall: each key's part in
// units.
func unitsSmall(units uint64, weights []decimal.Decimal, exp int32, keys []string, total decimal.Decimal) (q []uint64, ok bool, err error) {
	n := len(weights)
	buf := make([]uint64, 3*n)
	a, q, r := buf[:n], buf[n:2*n], buf[2*n:]
	var sum, carry uint64
	for i, w := range weights {
		x, fits := smallScaled(w, exp)
		if !fits {
			return nil, false, nil
		}
		a[i] = x
		sum, carry = bits.Add64(sum, x, 0)
		if carry != 0 {
			return nil, false, nil
		}
	}
	if sum == 0 {
		return nil, true, errAllZero(total)
	}
	var given uint64
	for i, x := range a {
		// N·a_i < 2^64·S because a_i ≤ S, so hi < S and Div64 cannot overflow.
		hi, lo := bits.Mul64(units, x)
		q[i], r[i] = bits.Div64(hi, lo, sum)
		given += q[i] // Σq ≤ N
	}
	if left := units - given; left > 0 {
		// Rank by value, not through indices: the sort touches only this slice.
		order := make([]rank64, n)
		for i := range order {
			order[i] = rank64{r: r[i], a: a[i], i: int32(i)}
		}
		top(order, int(left), func(x, y rank64) int { // only which come first matters, not their order
			if x.r != y.r {
				return cmp.Compare(y.r, x.r) // larger remainder first
			}
			if x.a != y.a {
				return cmp.Compare(y.a, x.a) // then larger weight
			}
			if c := strings.Compare(keys[x.i], keys[y.i]); c != 0 {
				return c // then the key that sorts first
			}
			return cmp.Compare(x.i, y.i) // duplicate keys: input order, to stay deterministic
		})
		for _, o := range order[:left] {
			q[o.i]++
		}
	}
	return q, true, nil
}

// rank64 is one key's place in the queue for leftover units.
type rank64 struct {
	r, a uint64 // remainder and weight
	i    int32  // index into the inputs
}

// apportionBig is apportion in big.Int arithmetic, for any size.
func apportionBig(units *big.Int, weights []decimal.Decimal, exp int32, v *big.Int, keys []string, total decimal.Decimal) ([]decimal.Decimal, error) {
	n := len(weights)
	// One backing array for all the integers: a_i, then r_i, then q_i.
	ints := make([]big.Int, 3*n)
	a, r, q := ints[:n], ints[n:2*n], ints[2*n:]
	sum := new(big.Int)
	for i, w := range weights {
		setScaled(&a[i], w, exp)
		sum.Add(sum, &a[i])
	}
	if sum.Sign() == 0 {
		return nil, errAllZero(total)
	}
	given := new(big.Int)
	for i := range a {
		q[i].Mul(units, &a[i])
		q[i].QuoRem(&q[i], sum, &r[i])
		given.Add(given, &q[i])
	}
	// Fewer than n units are left: units - given < n always fits an int.
	left := int(new(big.Int).Sub(units, given).Int64())
	if left > 0 {
		order := make([]int32, n)
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(x, y int32) int {
			if c := r[y].Cmp(&r[x]); c != 0 {
				return c // larger remainder first
			}
			if c := a[y].Cmp(&a[x]); c != 0 {
				return c // then larger weight
			}
			if c := strings.Compare(keys[x], keys[y]); c != 0 {
				return c // then the key that sorts first
			}
			return cmp.Compare(x, y) // duplicate keys: input order, to stay deterministic
		})
		oneInt := big.NewInt(1)
		for _, i := range order[:left] {
			q[i].Add(&q[i], oneInt)
		}
	}
	parts := make([]decimal.Decimal, n)
	for i := range q {
		if q[i].Sign() == 0 {
			parts[i] = decimal.Zero
			continue
		}
		q[i].Mul(&q[i], v)
		parts[i] = decimal.NewFromBigInt(&q[i], exp)
	}
	return parts, nil
}

// smallScaled returns d's coefficient at exponent exp (exp ≤ d's exponent,
// d ≥ 0) if it fits in a uint64.
func smallScaled(d decimal.Decimal, exp int32) (uint64, bool) {
	if d.NumDigits() > 18 {
		return 0, false
	}
	x := uint64(d.CoefficientInt64())
	for k := d.Exponent() - exp; k > 0; k-- {
		hi, lo := bits.Mul64(x, 10)
		if hi != 0 {
			return 0, false
		}
		x = lo
	}
	return x, true
}

// scaled returns d's coefficient at exponent exp (exp ≤ d's exponent).
func scaled(d decimal.Decimal, exp int32) *big.Int {
	return setScaled(new(big.Int), d, exp)
}

// setScaled sets z to d's coefficient at exponent exp and returns z.
func setScaled(z *big.Int, d decimal.Decimal, exp int32) *big.Int {
	if d.NumDigits() <= 18 { // fits an int64: no copy of the big.Int
		z.SetInt64(d.CoefficientInt64())
	} else {
		z.Set(d.Coefficient())
	}
	if k := d.Exponent() - exp; k > 0 {
		z.Mul(z, pow10(k))
	}
	return z
}

// pow10 returns 10^k for k > 0.
func pow10(k int32) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil)
}
