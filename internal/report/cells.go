package report

import (
	"strconv"

	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// cellBuf builds the figures of one table row into a single string and
// slices it, so that a row of figures costs one allocation rather than one
// a cell: the big per-system tables have a row a system.
type cellBuf struct {
	b    []byte
	ends []int
}

// k adds d in whole £000, rounded once (fmtThousands).
func (c *cellBuf) k(d decimal.Decimal) { c.b = money.AppendFormat(c.b, d, kStyle); c.end() }

// shownK adds a figure already in whole £000 (fmtK).
func (c *cellBuf) shownK(k decimal.Decimal) {
	c.b = money.AppendFormat(c.b, k, money.Style{Scale: money.Pounds, Brackets: true, NoSymbol: true})
	c.end()
}

// row adds row i of a footed column, a figure in whole £000 (shownK).
func (c *cellBuf) row(k kColumn, i int) {
	if k.ints == nil {
		c.shownK(k.rows[i])
		return
	}
	c.b = money.AppendInt(c.b, k.ints[i], money.Style{Scale: money.Pounds, Brackets: true, NoSymbol: true})
	c.end()
}

// ratioK adds an exact quotient in whole £000, rounded once, or fallback
// rounded once when x has no denominator (roundedK).
func (c *cellBuf) ratioK(x money.Ratio, fallback decimal.Decimal) {
	if x.Den.IsZero() {
		c.k(fallback)
		return
	}
	c.b = money.AppendRatio(c.b, x, kStyle)
	c.end()
}

// pence adds an amount in pounds and pence (fmtPence).
func (c *cellBuf) pence(d decimal.Decimal) {
	c.b = money.AppendFormat(c.b, d, money.Style{Scale: money.Pence, Brackets: true, NoSymbol: true})
	c.end()
}

// fixed adds d to places decimals (StringFixed).
func (c *cellBuf) fixed(d decimal.Decimal, places int32) {
	c.b = money.AppendFixed(c.b, d, places)
	c.end()
}

// fixedSum adds x + y to places decimals ((x + y).StringFixed).
func (c *cellBuf) fixedSum(x, y decimal.Decimal, places int32) {
	c.b = money.AppendFixedSum(c.b, x, y, places)
	c.end()
}

// int adds n as it is (itoa).
func (c *cellBuf) int(n int64) { c.b = strconv.AppendInt(c.b, n, 10); c.end() }

// count adds n with thousands separators (fmtCount).
func (c *cellBuf) count(n int64) {
	c.b = money.AppendInt(c.b, n, money.Style{Scale: money.Pounds, NoSymbol: true})
	c.end()
}

// grouped adds d exactly, with thousands separators (money.Grouped).
func (c *cellBuf) grouped(d decimal.Decimal) { c.b = money.AppendGrouped(c.b, d); c.end() }

// knownK adds an optional figure in whole £000 (k), or an empty cell when
// it is not known.
func (c *cellBuf) knownK(known bool, d decimal.Decimal) {
	if !known {
		c.end()
		return
	}
	c.k(d)
}

func (c *cellBuf) end() { c.ends = append(c.ends, len(c.b)) }

// take appends to out the cells added since the last take, in order, and
// starts again.
func (c *cellBuf) take(out []string) []string {
	s := string(c.b)
	start := 0
	for _, e := range c.ends {
		out, start = append(out, s[start:e]), e
	}
	c.b, c.ends = c.b[:0], c.ends[:0]
	return out
}

// rowSlab hands out rows of n cells from one allocation.
type rowSlab struct {
	flat []string
	n    int
}

func newRowSlab(rows, n int) *rowSlab { return &rowSlab{flat: make([]string, rows*n), n: n} }

// next returns the next empty row.
func (s *rowSlab) next() []string {
	r := s.flat[:s.n:s.n]
	s.flat = s.flat[s.n:]
	return r
}

// intSum adds decimals exactly, in an int64 of units of 10^exp while each
// figure and the sum stay within 18 digits, and through decimal beyond: the
// totals of the per-system tables are sums of 100,000 figures that each fit.
type intSum struct {
	exp  int32 // ≤ 0: 0 for £000 as shown, -2 for pence
	v    int64
	rest decimal.Decimal // what did not fit
}

// intSumLimit keeps an intSum's int64 clear of overflow.
const intSumLimit = 1e18

// add adds d, or subtracts it when neg.
func (s *intSum) add(d decimal.Decimal, neg bool) {
	if v, ok := money.CoefficientAt(d, s.exp); ok && v > -intSumLimit && v < intSumLimit {
		if neg {
			v = -v
		}
		if t := s.v + v; t > -intSumLimit && t < intSumLimit {
			s.v = t
			return
		}
	}
	if neg {
		d = d.Neg()
	}
	s.rest = s.rest.Add(d)
}

// addRow adds row i of c.
func (s *intSum) addRow(c kColumn, i int) {
	if c.ints == nil {
		s.add(c.rows[i], false)
		return
	}
	s.addInt(c.ints[i])
}

// addDeficit adds row i of c as a deficit (its magnitude) when it is
// negative.
func (s *intSum) addDeficit(c kColumn, i int) {
	if c.ints == nil {
		if p := c.rows[i]; p.IsNegative() {
			s.add(p, true)
		}
		return
	}
	if v := c.ints[i]; v < 0 {
		s.addInt(-v)
	}
}

// addInt adds v, a whole number of the sum's units when its exponent is 0
// (the Systems table's £000 as shown).
func (s *intSum) addInt(v int64) {
	if s.exp == 0 && v > -intSumLimit && v < intSumLimit {
		if t := s.v + v; t > -intSumLimit && t < intSumLimit {
			s.v = t
			return
		}
	}
	s.rest = s.rest.Add(decimal.NewFromInt(v))
}

// total is the exact sum.
func (s *intSum) total() decimal.Decimal { return decimal.New(s.v, s.exp).Add(s.rest) }
