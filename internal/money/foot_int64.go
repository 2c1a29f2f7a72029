package money

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
)

// FootInt is Foot for rows that are whole numbers of a small unit (pence,
// say), footed to whole units of unit given in the same small unit (100,000
// pence for £000), in int64 arithmetic: it makes no decimal.Decimal, which
// the big per-system tables, a row a system, would otherwise make for every
// row. It gives exactly what Foot gives (the same floors, remainders, order
// of remainders — larger remainder, then larger value, then earlier row — and
// total), both in units of unit. ok is false, with nothing computed, when
// unit is not positive or a row or unit is so large that the sums could
// overflow (|row| and unit at most 2⁶²/(n+1)); then Foot's decimal path is
// the one to use.
func FootInt(rows []int64, unit int64) (shown []int64, total int64, ok bool) {
	n := len(rows)
	limit := int64(1<<62) / int64(n+1)
	if unit <= 0 || unit > limit {
		return nil, 0, false
	}
	for _, v := range rows {
		if v > limit || v < -limit {
			return nil, 0, false
		}
	}
	shown = make([]int64, n)
	var sumFloors, sumRems int64
	cands := make([]intRem, 0, n) // nearly every row has a remainder
	for i, v := range rows {
		f, r := v/unit, v%unit
		if r < 0 { // floor of a negative value, and a remainder in [0, unit)
			f, r = f-1, r+unit
		}
		shown[i] = f
		sumFloors += f
		sumRems += r
		if r > 0 {
			cands = append(cands, intRem{rem: r, v: v, i: i})
		}
	}
	// The exact total in units is Σ floor + Σ rem / unit, and Σ rem / unit
	// = a + b/unit with 0 ≤ b < unit; it is rounded half away from zero.
	a, b := sumRems/unit, sumRems%unit
	x := sumFloors + a
	total = x
	if b > 0 && (x >= 0 && 2*b >= unit || x < 0 && 2*b > unit) {
		total++
	}
	left := int(total - sumFloors) // 0 ≤ left ≤ len(cands), as in Foot
	if left < len(cands) {
		selectFirst(cands, left, remOrder)
	}
	for _, c := range cands[:min(left, len(cands))] {
		shown[c.i]++
	}
	return shown, total, true
}

// remOrder orders the rows with a remainder as Foot gives out units: the
// larger remainder, then the larger value, then the earlier row (a strict
// order: rows differ in i).
func remOrder(p, q intRem) int {
	if p.rem != q.rem {
		return cmp.Compare(q.rem, p.rem)
	}
	if p.v != q.v {
		return cmp.Compare(q.v, p.v)
	}
	return cmp.Compare(p.i, q.i)
}

// selectFirst moves the first k of c in order (a strict order) to c[:k], in
// no particular order, by quickselect (a median-of-three pivot; a sort of
// what is left when that takes too long): the units go to a set of rows, so
// their order among themselves does not matter, and selecting them is
// linear where a sort is not.
func selectFirst[T any](c []T, k int, order func(a, b T) int) {
	lo, hi := 0, len(c) // c[:lo] come before c[lo:hi], which come before c[hi:]
	for rounds := 0; hi-lo > 16; rounds++ {
		if rounds > 64 {
			slices.SortFunc(c[lo:hi], order)
			return
		}
		m := lo + (hi-lo)/2
		if order(c[m], c[lo]) < 0 {
			c[m], c[lo] = c[lo], c[m]
		}
		if order(c[hi-1], c[lo]) < 0 {
			c[hi-1], c[lo] = c[lo], c[hi-1]
		}
		if order(c[m], c[hi-1]) < 0 {
			c[m], c[hi-1] = c[hi-1], c[m]
		}
		pivot, at := c[hi-1], lo // the median of the three, at the end
		for j := lo; j < hi-1; j++ {
			if order(c[j], pivot) < 0 {
				c[at], c[j] = c[j], c[at]
				at++
			}
		}
		c[at], c[hi-1] = c[hi-1], c[at] // c[lo:at] before the pivot, c[at+1:hi] after
		switch {
		case k <= at:
			hi = at
		case k > at+1:
			lo = at + 1
		default:
			return
		}
	}
	slices.SortFunc(c[lo:hi], order)
}

// intRem is a row that has a remainder: the remainder, the row's value and
// its index.
type intRem struct {
	rem, v int64
	i      int
}

// AppendInt appends v, a whole number of pounds, as AppendFormat(b,
// decimal.NewFromInt(v), st) does, without making the decimal.
func AppendInt(b []byte, v int64, st Style) []byte {
	shift, places, suffix := st.unit()
	if shift != 0 || places > 4 {
		return AppendFormat(b, decimal.NewFromInt(v), st)
	}
	neg, u := v < 0, uint64(v)
	if neg {
		u = -u
	}
	if u >= 1e14 {
		return AppendFormat(b, decimal.NewFromInt(v), st)
	}
	for range places {
		u *= 10
	}
	b = appendLead(b, st, neg)
	b = appendDigits(b, u, int(places), true)
	return appendTail(b, st, neg, suffix)
}

// FootDecimalsInt is FootDecimals with the rows shown and the total as
// int64s (whole units), made in int64 arithmetic (FootInt): at the smallest
// exponent e of the rows and of unit, each row is an integer N and unit an
// integer U, and footing the Ns in units of U is footing the rows in units
// of unit (the same floors, remainders and ties: U is positive); figures
// too wide for that are footed in 128 bits (footFixed's way). ok is false,
// with nothing computed, when unit is not positive or a figure does not
// fit even so; then FootDecimals is the one to use.
func FootDecimalsInt(rows []decimal.Decimal, unit decimal.Decimal) (shown []int64, total int64, ok bool) {
	return FootDecimalsIntOf(len(rows), func(i int) decimal.Decimal { return rows[i] }, unit)
}

// FootDecimalsIntOf is FootDecimalsInt for the n rows row(0) … row(n−1),
// which a caller holding them in its own records need not copy out first.
func FootDecimalsIntOf(n int, row func(i int) decimal.Decimal, unit decimal.Decimal) (shown []int64, total int64, ok bool) {
	if unit.Sign() <= 0 {
		return nil, 0, false
	}
	e := unit.Exponent()
	for i := range n {
		e = min(e, row(i).Exponent())
	}
	u, ok := CoefficientAt(unit, e)
	if !ok {
		return footFixedInts(n, row, unit)
	}
	ns := make([]int64, n)
	for i := range n {
		if ns[i], ok = CoefficientAt(row(i), e); !ok {
			return footFixedInts(n, row, unit) // wider figures, in 128 bits
		}
	}
	if shown, total, ok = FootInt(ns, u); ok {
		return shown, total, true
	}
	return footFixedInts(n, row, unit)
}
