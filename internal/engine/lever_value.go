package engine

import (
	"fmt"
	"math/big"
	"math/bits"

	"icsplan/internal/funding"

	"github.com/shopspring/decimal"
)

// The levers of the ending terms (write-off, interest, clawback) keep every
// allocation: none moves any cash received, so each system's value at any
// lever is a revaluation of its flows. leverValue holds one system's flows
// in integers over one denominator, so that its effective grant at a lever's
// value costs a few integer operations and no decimal, rounded once to pence
// exactly as funding.Flows.Value rounds it.
//
// With v(t) = (1+r)^(T−t) (T the system's latest year index, at least 1)
// and den = (1+r)^T, all scaled by one power of ten to integers:
//
//	x    = Σ cash·v(t) + Σ p·consequence·v(t)
//	np   = Σ principal·v(t),  ni = Σ interest (or dividend)·v(t)
//	G    = (x − claw·c1 − (1 − w)·(np + ni)) / den
//
// where c1 = unit·v(1) is one unit clawed back the year after the plans'
// year, and under the interest lever at rate q ticks of 0.0001, each year's
// interest is round(b_t·q / 10,000) units, b_t the year's interest base
// (a loan's balance before its instalment, a PDC's cash received), exactly
// as funding.Schedule charges it. 1 − w is M / 10^s.
type leverValue struct {
	d      big.Int    // den·10^s
	x100   big.Int    // 100·10^s·x
	n100   big.Int    // 100·(np + ni): repayments as the scenario charges them
	mn100  big.Int    // M_own·n100
	np100  big.Int    // 100·np
	cu100  []big.Int  // 100·unit·v(t) for each instalment year
	base   []uint64   // each instalment year's interest base, in units
	c1100  big.Int    // 100·10^s·unit·v(1)
	recv   uint64     // cash received, in units: the clawback's base
	noClaw bool       // received nothing: a clawback takes nothing
	fast   *leverFast // the same in machine integers, when every figure fits (nil otherwise)
}

// tickScale is the lever's resolution: values are whole numbers of
// 0.0001 (ticks).
const tickScale = 10_000

// leverScratch holds one evaluation's temporaries.
type leverScratch struct{ num, t, q, r, twice, n big.Int }

// leverInputs is what leverValue needs of one system.
type leverInputs struct {
	flows    funding.Flows
	received decimal.Decimal
	bases    []funding.Instalment // the schedule at 100% interest: each year's interest is its base
	unit     decimal.Decimal
	rate     decimal.Decimal // discount rate
	s        int32           // 1 − w is M/10^s
	mOwn     *big.Int
}

// leverTerms is one system's flows valued at the discount rate over one
// denominator, as decimals: x, np, ni and den = (1+r)^T as in leverValue,
// c1 and each instalment year's cu = unit·v(t).
type leverTerms struct {
	x, np, ni, den, c1 decimal.Decimal
	cu                 []decimal.Decimal
}

func termsOf(in leverInputs) leverTerms {
	f := in.flows
	last := 1
	for _, c := range f.Cash {
		last = max(last, c.T)
	}
	for _, c := range f.Terms {
		last = max(last, c.T)
	}
	for _, p := range f.Repay {
		last = max(last, p.T)
	}
	base := one.Add(in.rate)
	pow := make([]decimal.Decimal, last+1)
	pow[0] = one
	for t := 1; t <= last; t++ {
		pow[t] = pow[t-1].Mul(base)
	}
	v := func(t int) decimal.Decimal { return pow[last-t] }
	lt := leverTerms{x: zero, np: zero, ni: zero, den: pow[last], c1: in.unit.Mul(v(1))}
	for _, c := range f.Cash {
		lt.x = lt.x.Add(c.Amount.Mul(v(c.T)))
	}
	for _, c := range f.Terms {
		lt.x = lt.x.Add(c.Amount.Mul(v(c.T)))
	}
	for _, p := range f.Repay {
		lt.np = lt.np.Add(p.Principal.Mul(v(p.T)))
		lt.ni = lt.ni.Add(p.Interest.Mul(v(p.T)))
	}
	lt.cu = make([]decimal.Decimal, len(in.bases))
	for k, b := range in.bases {
		lt.cu[k] = in.unit.Mul(v(b.T))
	}
	return lt
}

// newLeverValue converts one system's flows. It fails only when a figure is
// not a whole number of units (which the schedule would have refused).
func newLeverValue(in leverInputs) (*leverValue, error) {
	lt := termsOf(in)
	e := min(int32(0), lt.x.Exponent(), lt.np.Exponent(), lt.ni.Exponent(), lt.den.Exponent(), lt.c1.Exponent())
	for _, d := range lt.cu {
		e = min(e, d.Exponent())
	}
	ints := func(d decimal.Decimal, times int32) *big.Int { return d.Shift(times - e).BigInt() }
	lv := &leverValue{}
	lv.d.Set(ints(lt.den, in.s))
	lv.x100.Set(ints(lt.x, in.s+2))
	lv.n100.Set(ints(lt.np.Add(lt.ni), 2))
	lv.mn100.Mul(in.mOwn, &lv.n100)
	lv.np100.Set(ints(lt.np, 2))
	lv.c1100.Set(ints(lt.c1, in.s+2))
	lv.cu100 = make([]big.Int, len(lt.cu))
	lv.base = make([]uint64, len(lt.cu))
	for k, cu := range lt.cu {
		lv.cu100[k].Set(ints(cu, 2))
		b, ok := unitsOf(in.bases[k].Interest, in.unit)
		if !ok {
			return nil, fmt.Errorf("engine: interest base %s is not a whole number of units", in.bases[k].Interest)
		}
		lv.base[k] = b
	}
	r, ok := unitsOf(in.received, in.unit)
	if !ok {
		return nil, fmt.Errorf("engine: cash received %s is not a whole number of units", in.received)
	}
	lv.recv, lv.noClaw = r, r == 0
	if in.s == 4 {
		lv.fast = newLeverFast(lt, ints, lv.base, lv.recv)
	}
	return lv, nil
}

// unitsOf is d ÷ unit as a whole number below 2^62.
func unitsOf(d, unit decimal.Decimal) (uint64, bool) {
	q, rem := d.QuoRem(unit, 0)
	if !rem.IsZero() || q.IsNegative() || q.BigInt().BitLen() > 62 {
		return 0, false
	}
	return q.BigInt().Uint64(), true
}

// ticksOf is round(b·q / 10,000), half up (b, q >= 0): a rate of q ticks
// of b units, in units. A product below 2^63 (every one the lever scans
// make, but the largest) is divided as a uint64 by the constant, which the
// compiler does with a multiplication; a larger one takes the 128-bit
// division.
func ticksOf(b, q uint64) uint64 {
	hi, lo := bits.Mul64(b, q)
	if hi == 0 && lo < 1<<63 {
		return (lo + tickScale/2) / tickScale
	}
	lo, c := bits.Add64(lo, tickScale/2, 0)
	quo, _ := bits.Div64(hi+c, lo, tickScale)
	return quo
}

// pence rounds num/d half away from zero and adds it to sum.
func (lv *leverValue) pence(sum *big.Int, s *leverScratch) {
	s.q.QuoRem(&s.num, &lv.d, &s.r)
	s.twice.Lsh(s.r.Abs(&s.r), 1)
	if s.twice.Cmp(&lv.d) >= 0 {
		if s.num.Sign() < 0 {
			s.q.Sub(&s.q, bigOne)
		} else {
			s.q.Add(&s.q, bigOne)
		}
	}
	sum.Add(sum, &s.q)
}

var bigOne = big.NewInt(1)

// writeOff adds the effective grant in pence at 1 − w = m/10^s to sum.
func (lv *leverValue) writeOff(sum, m *big.Int, s *leverScratch) {
	s.num.Mul(m, &lv.n100)
	s.num.Sub(&lv.x100, &s.num)
	lv.pence(sum, s)
}

// interest adds the effective grant in pence at an interest (or dividend)
// rate of q ticks to sum, the write-off as the scenario has it (mOwn).
func (lv *leverValue) interest(sum *big.Int, q uint64, mOwn *big.Int, s *leverScratch) {
	s.n.Set(&lv.np100)
	for k, b := range lv.base {
		if b == 0 {
			continue
		}
		if i := ticksOf(b, q); i != 0 {
			s.t.SetUint64(i)
			s.t.Mul(&s.t, &lv.cu100[k])
			s.n.Add(&s.n, &s.t)
		}
	}
	s.num.Mul(mOwn, &s.n)
	s.num.Sub(&lv.x100, &s.num)
	lv.pence(sum, s)
}

// clawback adds the effective grant in pence with q ticks of the cash
// received clawed back the year after the plans' year to sum.
func (lv *leverValue) clawback(sum *big.Int, q uint64, s *leverScratch) {
	s.num.Sub(&lv.x100, &lv.mn100)
	if !lv.noClaw {
		if c := ticksOf(lv.recv, q); c != 0 {
			s.t.SetUint64(c)
			s.t.Mul(&s.t, &lv.c1100)
			s.num.Sub(&s.num, &s.t)
		}
	}
	lv.pence(sum, s)
}
