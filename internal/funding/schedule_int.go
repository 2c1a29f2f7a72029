package funding

import (
	"math/bits"

	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// IntSchedule is Schedule for one scenario's repayment in machine integers:
// amounts in whole units, each year's principal and interest as Schedule
// gives them, so that the engine's hot paths (every system's schedule,
// every rerun's) make no decimal. It is built once per scenario by
// NewIntSchedule, and its methods are safe for concurrent use.
type IntSchedule struct {
	kind    int // schedGrant, schedLoan or schedPDC
	first   int // year index of the first repayment (or dividend)
	last    int // year index of the last
	prof    []uint64
	profSum uint64
	// The interest (or dividend) rate is rateNum/rateDen, in lowest terms.
	rateNum, rateDen uint64
	labels           []string // labels[t−1] is year t's label
}

const (
	schedGrant = iota
	schedLoan
	schedPDC
)

// maxInt is the bound on amounts the integer schedule takes (2^62 units),
// so that sums and products of two of them stay within 128 bits.
const maxInt = uint64(1) << 62

// NewIntSchedule prepares the integer schedule of r for money received in
// receiptYear. ok is false when a figure does not fit machine integers (a
// profile share or the interest rate with more than 18 digits), and the
// error is Schedule's for terms it refuses.
func NewIntSchedule(receiptYear string, r *plan.Repayment, unit decimal.Decimal) (s IntSchedule, ok bool, err error) {
	inst, err := Schedule(zero, receiptYear, r, unit) // Schedule's own checks, and the year labels
	if err != nil || r == nil {
		return IntSchedule{kind: schedGrant}, err == nil, err
	}
	s = IntSchedule{kind: schedLoan, last: len(inst), labels: make([]string, len(inst))}
	for k, in := range inst {
		s.labels[k] = in.Year
	}
	s.first = s.last - r.Years + 1
	if r.IsPDC() {
		s.kind = schedPDC
	}
	if s.rateNum, s.rateDen, ok = ratioOf(r.Interest); !ok {
		return IntSchedule{}, false, nil
	}
	if s.kind == schedLoan && r.Profile != nil {
		exp := int32(0)
		for _, p := range r.Profile {
			exp = min(exp, p.Exponent())
		}
		s.prof = make([]uint64, len(r.Profile))
		for k, p := range r.Profile {
			v, fits := toUint(p, -exp)
			if !fits {
				return IntSchedule{}, false, nil
			}
			s.prof[k] = v
			s.profSum += v
			if s.profSum >= maxInt {
				return IntSchedule{}, false, nil
			}
		}
	}
	return s, true, nil
}

// ratioOf is a non-negative decimal as num/den in lowest terms, both below 2^62.
func ratioOf(d decimal.Decimal) (num, den uint64, ok bool) {
	if d.IsNegative() || d.NumDigits() > 18 {
		return 0, 0, false
	}
	num, den = uint64(d.CoefficientInt64()), 1
	e := d.Exponent()
	for ; e > 0; e-- {
		if num >= maxInt/10 {
			return 0, 0, false
		}
		num *= 10
	}
	for ; e < 0; e++ {
		if den >= maxInt/10 {
			return 0, 0, false
		}
		den *= 10
	}
	g := gcd(num, den)
	if g > 1 {
		num, den = num/g, den/g
	}
	return num, den, true
}

// Grant reports whether there is no repayment at all.
func (s *IntSchedule) Grant() bool { return s.kind == schedGrant }

// Last is the year index of the last instalment (0 for a grant).
func (s *IntSchedule) Last() int { return s.last }

// Label is the financial year of year index t (1 ≤ t ≤ Last), as Schedule
// writes it; the strings are shared.
func (s *IntSchedule) Label(t int) string { return s.labels[t-1] }

// times is round(a·num/den) half up, with ok false when it leaves 2^62.
func times(a, num, den uint64) (uint64, bool) {
	hi, lo := bits.Mul64(a, num)
	// (a·num + ⌊den/2⌋ + (den odd ? … )) — half up: ⌊(2·a·num + den) / (2·den)⌋.
	hi, lo = hi<<1|lo>>63, lo<<1
	var c uint64
	lo, c = bits.Add64(lo, den, 0)
	hi += c
	dd := den << 1 // den < 2^62
	if hi >= dd {
		return 0, false
	}
	q, _ := bits.Div64(hi, lo, dd)
	return q, q < maxInt
}

// Into writes the instalments of amount units received, for years t = 1 ..
// Last, into principal[t−1] and interest[t−1] (both of length at least
// Last), exactly as Schedule gives them in units; ok is false, with the
// slices unspecified, when a figure leaves 2^62 units.
func (s *IntSchedule) Into(amount uint64, principal, interest []uint64) bool {
	if s.kind == schedGrant {
		return true
	}
	if amount >= maxInt {
		return false
	}
	principal, interest = principal[:s.last], interest[:s.last]
	clear(principal)
	clear(interest)
	if s.kind == schedPDC {
		div, ok := times(amount, s.rateNum, s.rateDen)
		for t := s.first; t <= s.last; t++ {
			interest[t-1] = div
		}
		return ok
	}
	s.parts(amount, principal[s.first-1:])
	balance := amount
	for t := 1; t <= s.last; t++ {
		if s.rateNum != 0 && balance > 0 {
			in, ok := times(balance, s.rateNum, s.rateDen)
			if !ok {
				return false
			}
			interest[t-1] = in
		}
		balance -= principal[t-1]
	}
	return true
}

// Bases writes each year's interest base for amount units received: what
// Schedule charges interest (or a PDC's dividend) on, so that the interest
// at a rate q is round(base·q). For a loan it is the balance before the
// year's instalment, for PDC the amount in each dividend year; 0 otherwise.
func (s *IntSchedule) Bases(amount uint64, principal, bases []uint64) {
	bases = bases[:s.last]
	clear(bases)
	if s.kind == schedPDC {
		for t := s.first; t <= s.last; t++ {
			bases[t-1] = amount
		}
		return
	}
	balance := amount
	for t := 1; t <= s.last; t++ {
		bases[t-1] = balance
		balance -= principal[t-1]
	}
}

// parts apportions amount units over the profile by largest remainder, as
// money.Apportion does (ties to the larger weight, then the earlier year,
// whose label sorts first), into out (one per repayment year).
func (s *IntSchedule) parts(amount uint64, out []uint64) {
	n := len(out)
	if s.prof == nil { // equal shares: the first amount mod n years get one more
		q, r := amount/uint64(n), int(amount%uint64(n))
		for k := range out {
			out[k] = q
			if k < r {
				out[k]++
			}
		}
		return
	}
	var buf [2 * 32]uint64
	var rs, order []uint64
	if n <= 32 {
		rs, order = buf[:n], buf[32:32+n]
	} else {
		rs, order = make([]uint64, n), make([]uint64, n)
	}
	given := uint64(0)
	for k, a := range s.prof {
		hi, lo := bits.Mul64(amount, a)
		out[k], rs[k] = bits.Div64(hi, lo, s.profSum)
		given += out[k]
		order[k] = uint64(k)
	}
	left := amount - given // fewer than n
	if left == 0 {
		return
	}
	// Larger remainder first, then larger weight, then the earlier year
	// (insertion sort: a profile has a handful of years).
	before := func(x, y uint64) bool {
		if rs[x] != rs[y] {
			return rs[x] > rs[y]
		}
		if s.prof[x] != s.prof[y] {
			return s.prof[x] > s.prof[y]
		}
		return x < y
	}
	for k := 1; k < n; k++ {
		for m := k; m > 0 && before(order[m], order[m-1]); m-- {
			order[m], order[m-1] = order[m-1], order[m]
		}
	}
	for _, k := range order[:left] {
		out[k]++
	}
}
