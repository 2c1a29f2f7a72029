package money

import (
	"fmt"
	"math/big"
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
// same.) All of it is integer arithmetic on big.Int; nothing is rounded.
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

	parts := make([]decimal.Decimal, n)
	if units.Sign() == 0 {
		for i := range parts {
			parts[i] = decimal.Zero
		}
		return parts, nil
	}

	// One backing array for all the integers: a_i, then r_i, then q_i.
	ints := make([]big.Int, 3*n)
	a, r, q := ints[:n], ints[n:2*n], ints[2*n:]
	sum := new(big.Int)
	for i, w := range weights {
		setScaled(&a[i], w, exp)
		sum.Add(sum, &a[i])
	}
	if sum.Sign() == 0 {
		return nil, fmt.Errorf("cannot apportion %s: the weights are all zero", FormatExact(total))
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
			return int(x - y) // duplicate keys: input order, to stay deterministic
		})
		oneInt := big.NewInt(1)
		for _, i := range order[:left] {
			q[i].Add(&q[i], oneInt)
		}
	}
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
