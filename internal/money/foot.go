package money

import (
	"cmp"
	"math/big"
	"slices"

	"github.com/shopspring/decimal"
)

// Foot rounds the rows of a displayed table so that the rows shown add up to
// the total shown, as a finance chief checks a column against its control
// total (DESIGN.md, "Display rounding that foots to the control total").
//
// The total is the exact sum of the rows, rounded once, half away from zero,
// to a whole number of unit. Each row starts from its exact value rounded
// down to a whole unit; the units still needed to reach the total go one
// each to the rows with the largest remainders (ties to the larger exact
// value, then to the earlier row). So every row shown is within one unit of
// its exact value, and the rows sum to the total exactly. Both are returned
// in units of unit (for unit 1000, the figures of a £000 table).
//
// Rows are exact values, as ratios with positive denominators; unit must be
// positive. No rows give a zero total.
func Foot(rows []Ratio, unit decimal.Decimal) (shown []decimal.Decimal, total decimal.Decimal) {
	if len(rows) == 0 {
		return []decimal.Decimal{}, decimal.Zero
	}
	if nums, den, ok := commonDen(rows); ok {
		// Every row is N/den: the same as footing the numerators in units of
		// unit·den (the same floors, remainders and ties), in fixed width.
		if shown, total, ok := footFixed(nums, unit.Mul(den)); ok {
			return shown, total
		}
	}
	return footGeneral(rows, unit)
}

// footGeneral is Foot in exact decimal and rational arithmetic, for any rows.
func footGeneral(rows []Ratio, unit decimal.Decimal) (shown []decimal.Decimal, total decimal.Decimal) {
	n := len(rows)
	shown = make([]decimal.Decimal, n)
	f := make([]footRow, n)
	for i, r := range rows {
		f[i] = floorRow(i, r, unit)
	}
	floors := new(big.Int)
	for i := range f {
		floors.Add(floors, f[i].floor.BigInt())
	}
	// The exact total in units is Σ floor + Σ fraction; rounded half away
	// from zero it exceeds Σ floor by the units left over, 0 ≤ left ≤ n.
	exact := sumFractions(f)
	exact.Add(exact, new(big.Rat).SetInt(floors))
	left := int(new(big.Int).Sub(roundHalfAway(exact), floors).Int64())
	for _, i := range largestRemainders(f, left) {
		f[i].floor = f[i].floor.Add(one)
	}
	for i := range f {
		shown[i] = f[i].floor
	}
	return shown, decimal.NewFromBigInt(floors, 0).Add(decimal.NewFromInt(int64(left)))
}

// commonDen returns the rows' numerators and the denominator they share
// (rows that are zero may have any), or ok false when they have two.
func commonDen(rows []Ratio) (nums []decimal.Decimal, den decimal.Decimal, ok bool) {
	den = one
	found := false
	nums = make([]decimal.Decimal, len(rows))
	for i, r := range rows {
		nums[i] = r.Num
		if r.Num.IsZero() {
			continue
		}
		if !found {
			den, found = r.Den, true
		} else if !r.Den.Equal(den) {
			return nil, den, false
		}
	}
	return nums, den, true
}

// roundHalfAway rounds x to an integer, halves away from zero.
func roundHalfAway(x *big.Rat) *big.Int {
	num := new(big.Int).Abs(x.Num())
	q, r := new(big.Int).QuoRem(num, x.Denom(), new(big.Int))
	if r.Lsh(r, 1).Cmp(x.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if x.Sign() < 0 {
		q.Neg(q)
	}
	return q
}

// FootDecimals is Foot for rows that are exact decimals.
func FootDecimals(rows []decimal.Decimal, unit decimal.Decimal) (shown []decimal.Decimal, total decimal.Decimal) {
	if shown, total, ok := footFixed(rows, unit); ok {
		return shown, total
	}
	rs := make([]Ratio, len(rows))
	for i, d := range rows {
		rs[i] = R(d, one)
	}
	return footGeneral(rs, unit)
}

// footRow is one row split into whole units and a remainder: value =
// (floor + rem/den)·unit, 0 ≤ rem < den, with den = the row's denominator
// times unit.
type footRow struct {
	floor    decimal.Decimal // whole units, rounded down
	rem, den decimal.Decimal
	num      Ratio // the exact value, for ties
}

func floorRow(i int, r Ratio, unit decimal.Decimal) footRow {
	den := r.Den.Mul(unit)
	q, rem := r.Num.QuoRem(den, 0)
	if rem.IsNegative() {
		q = q.Sub(one)
		rem = rem.Add(den)
	}
	return footRow{floor: q, rem: rem, den: den, num: r}
}

// sumFractions is Σ rem/den exactly. Rows sharing a denominator (the usual
// case: every figure over the same power of 1 + r) are summed as decimals
// first, so the rational arithmetic is done once per denominator.
func sumFractions(f []footRow) *big.Rat {
	type group struct{ den, rem decimal.Decimal }
	groups := map[string]*group{}
	var keys []string // in first-seen order, so the sum is built the same way every run
	var last *group   // the group of the row before: rows of a column usually share one
	for i := range f {
		g := last
		if g == nil || !g.den.Equal(f[i].den) {
			k := f[i].den.String()
			var ok bool
			if g, ok = groups[k]; !ok {
				g = &group{den: f[i].den, rem: decimal.Zero}
				groups[k] = g
				keys = append(keys, k)
			}
		}
		g.rem = g.rem.Add(f[i].rem)
		last = g
	}
	total := new(big.Rat)
	for _, k := range keys {
		total.Add(total, new(big.Rat).SetFrac(ratNum(groups[k].rem, groups[k].den)))
	}
	return total
}

// ratNum returns a/b as two integers with a common scale.
func ratNum(a, b decimal.Decimal) (*big.Int, *big.Int) {
	exp := min(a.Exponent(), b.Exponent())
	return scaled(a, exp), scaled(b, exp)
}

// largestRemainders returns the indexes of the left rows that get a unit:
// the largest remainders, ties to the larger exact value, then to the
// earlier row. Only rows with a remainder can get one: left is at most their
// number (it is their fractions' sum rounded, and each fraction is below 1).
// They are ordered by a 64-bit key, floor(rem·2⁶⁴/den), which orders
// different fractions as they are unless two are within 2⁻⁶⁴; rows with equal
// keys are compared exactly.
func largestRemainders(f []footRow, left int) []int {
	var cands []footKey
	for i := range f {
		if f[i].rem.Sign() > 0 {
			cands = append(cands, footKey{i: i, key: fractionKey(f[i].rem, f[i].den)})
		}
	}
	if left < len(cands) {
		slices.SortFunc(cands, func(a, b footKey) int {
			if a.key != b.key {
				return cmp.Compare(b.key, a.key)
			}
			if c := compareRemainders(&f[a.i], &f[b.i]); c != 0 {
				return c
			}
			return cmp.Compare(a.i, b.i)
		})
	}
	out := make([]int, min(left, len(cands)))
	for k := range out {
		out[k] = cands[k].i
	}
	return out
}

// footKey is a row's index and the leading 64 bits of its fraction.
type footKey struct {
	i   int
	key uint64
}

// fractionKey is floor(rem·2⁶⁴/den) for 0 < rem < den.
func fractionKey(rem, den decimal.Decimal) uint64 {
	r, d := ratNum(rem, den)
	return r.Lsh(r, 64).Quo(r, d).Uint64()
}

// compareRemainders orders rows for the units left over: larger remainder
// first, then the larger exact value; equal rows keep their order (the sort
// is stable).
func compareRemainders(a, b *footRow) int {
	var c int
	if a.den.Equal(b.den) {
		c = b.rem.Cmp(a.rem)
	} else {
		c = b.rem.Mul(a.den).Cmp(a.rem.Mul(b.den))
	}
	if c != 0 {
		return c
	}
	return b.num.Cmp(a.num)
}
