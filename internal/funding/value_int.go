package funding

import (
	"math/big"

	"icsplan/internal/money"
	"icsplan/internal/wide"

	"github.com/shopspring/decimal"
)

// IntValuer is Flows.Value in machine integers for one scenario whose money
// is the allocation paid at once (no tranches, no consequences), for the
// engine's hot paths. With 1 + r = a/b in lowest terms and T the latest
// year index any system's flows reach, a flow of c units in year t weighs
// v(t) = a^(T−t)·b^t over the common denominator den = a^T, so that a
// system that received A units and pays back p_t + i_t in year t has
//
//	X = A·v(0)   N = Σ (p_t + i_t)·v(t)   (both in units, over den)
//
// and, with 1 − w = m/q in lowest terms, an exact effective grant of
// unit·(q·X − m·N)/(q·den), the numerator q·X − m·N being Num. Each figure
// is rounded once from these exact values, as Flows.Value rounds it. It is
// built once per scenario and safe for concurrent use.
type IntValuer struct {
	Sched  IntSchedule
	T      int
	v      []uint64 // v[t], t = 0 .. T
	den    uint64
	a, b   uint64 // 1 + r = a/b
	m, q   uint64 // 1 − w = m/q
	pn, pd uint64 // pence per unit: 100·unit = pn/pd
	unit   decimal.Decimal
}

// NewIntValuer prepares the integer valuation of a scenario at discount
// rate r and write-off w, in units of unit, with schedule s. ok is false
// when a figure does not fit: a rate, write-off or unit of more than 18
// digits, or powers of 1 + r beyond 2^62 over the schedule's years.
func NewIntValuer(s IntSchedule, r, w, unit decimal.Decimal) (IntValuer, bool) {
	v := IntValuer{Sched: s, T: s.Last(), unit: unit}
	a, b, ok := ratioOf(one.Add(r))
	if !ok || a == 0 {
		return IntValuer{}, false
	}
	v.a, v.b = a, b
	pa, pb := make([]uint64, v.T+1), make([]uint64, v.T+1)
	pa[0], pb[0] = 1, 1
	for t := 1; t <= v.T; t++ {
		if pa[t-1] >= maxInt/a || pb[t-1] >= maxInt/b {
			return IntValuer{}, false
		}
		pa[t], pb[t] = pa[t-1]*a, pb[t-1]*b
	}
	v.den = pa[v.T]
	v.v = make([]uint64, v.T+1)
	for t := range v.v {
		p, fits := wide.Mul64(pa[v.T-t], pb[t])
		if !fits || p.Hi != 0 || p.Lo >= maxInt {
			return IntValuer{}, false
		}
		v.v[t] = p.Lo
	}
	if v.m, v.q, ok = ratioOf(one.Sub(w)); !ok || w.IsNegative() {
		return IntValuer{}, false
	}
	if v.pn, v.pd, ok = ratioOf(unit.Shift(2)); !ok || v.pn == 0 {
		return IntValuer{}, false
	}
	if qd, fits := wide.Mul64(v.q, v.den); !fits || qd.Hi != 0 || qd.Lo >= maxInt {
		return IntValuer{}, false
	}
	return v, true
}

// IntValue is one system's value in integers (see IntValuer).
type IntValue struct {
	X, N wide.Int // discounted cash and repayments, in units over den
	Num  wide.Int // q·X − m·N: the exact grant is unit·Num/(q·den)
}

// ValueScratch holds one valuation's instalments, so that valuing
// allocates nothing.
type ValueScratch struct{ P, I [64]uint64 }

// Value values a system that received amount units, its instalments by
// the schedule; ok is false when a figure leaves the integer path (then
// Flows.Value gives the answer). The instalments are left in sc.
func (v *IntValuer) Value(amount uint64, sc *ValueScratch) (IntValue, bool) {
	last := v.Sched.Last()
	if last > len(sc.P) || !v.Sched.Into(amount, sc.P[:], sc.I[:]) {
		return IntValue{}, false
	}
	x, ok := wide.Mul64(amount, v.v[0])
	if !ok {
		return IntValue{}, false
	}
	var n wide.Int
	for t := 1; t <= last; t++ {
		c := sc.P[t-1] + sc.I[t-1] // each below 2^62
		if c == 0 {
			continue
		}
		p, fits := wide.Mul64(c, v.v[t])
		if n, ok = n.Add(p); !fits || !ok {
			return IntValue{}, false
		}
	}
	return v.combine(x, n)
}

// combine is the value of discounted cash x and repayments n.
func (v *IntValuer) combine(x, n wide.Int) (IntValue, bool) {
	num, ok := v.combineAt(x, n, v.m, v.q)
	return IntValue{X: x, N: n, Num: num}, ok
}

// Grant is the effective grant in pence, rounded once, half away from zero.
func (v *IntValuer) Grant(iv IntValue) (int64, bool) {
	num, ok := iv.Num.MulU(v.pn)
	if !ok {
		return 0, false
	}
	d, fits := wide.Mul64(v.pd, v.q*v.den)
	if !fits || d.Hi != 0 {
		return num.QuoRound128(d)
	}
	return num.QuoRound(d.Lo)
}

// GrantAt is the effective grant in pence, rounded once, at a write-off of
// 1 − m/q instead of the scenario's (the sensitivity grid's).
func (v *IntValuer) GrantAt(iv IntValue, m, q uint64) (int64, bool) {
	w, ok := v.combineAt(iv.X, iv.N, m, q)
	if !ok {
		return 0, false
	}
	num, ok := w.MulU(v.pn)
	d, fits := wide.Mul64(v.pd, q)
	if d, fits2 := d.MulU(v.den); ok && fits && fits2 {
		return num.QuoRound128(d)
	}
	return 0, false
}

// combineAt is q·x − m·n.
func (v *IntValuer) combineAt(x, n wide.Int, m, q uint64) (wide.Int, bool) {
	qx, ok1 := x.MulU(q)
	mn, ok2 := n.MulU(m)
	num, ok3 := qx.Sub(mn)
	return num, ok1 && ok2 && ok3
}

// Price is the exact difference of two grants whose numerators differ by
// delta, divided by step pounds, in ten-thousandths rounded once: a
// marginal price of a deficit.
func (v *IntValuer) Price(delta wide.Int, step uint64) (int64, bool) {
	// unit·delta/(q·den·step) × 10,000, with 100·unit = pn/pd.
	num, ok := delta.MulU(v.pn)
	if num, ok2 := num.MulU(100); ok && ok2 {
		d, fits := wide.Mul64(v.pd, v.q*v.den)
		if d, fits2 := d.MulU(step); fits && fits2 {
			return num.QuoRound128(d)
		}
	}
	return 0, false
}

// PV is the repayments' present value in pence, rounded once.
func (v *IntValuer) PV(iv IntValue) (int64, bool) {
	num, ok := iv.N.MulU(v.pn)
	if !ok {
		return 0, false
	}
	d, _ := wide.Mul64(v.pd, v.den)
	return num.QuoRound128(d)
}

// GrantElement is the exact grant ÷ the cash received (amount units) in
// ten-thousandths, rounded once; 0 when nothing was received.
func (v *IntValuer) GrantElement(iv IntValue, amount uint64) (int64, bool) {
	if amount == 0 {
		return 0, true
	}
	num, ok := iv.Num.MulU(10_000)
	d, fits := wide.Mul64(v.q*v.den, amount)
	if !ok || !fits {
		return 0, false
	}
	return num.QuoRound128(d)
}

// PerHead is amount units ÷ pop in pence, rounded once, half away from
// zero; 0 for no population.
func (v *IntValuer) PerHead(amount uint64, pop int64) (int64, bool) {
	if pop <= 0 {
		return 0, true
	}
	num, ok := wide.Mul64(amount, v.pn)
	d, fits := wide.Mul64(v.pd, uint64(pop))
	if !ok || !fits {
		return 0, false
	}
	return num.QuoRound128(d)
}

// units is k units as a decimal, exactly (k·unit).
func (v *IntValuer) units(k *big.Int) decimal.Decimal {
	return decimal.NewFromBigInt(k.Mul(k, v.unit.Coefficient()), v.unit.Exponent())
}

// Terms are the valuation's integers, for the lever scans: v(t) for t = 0
// .. T, den, 1 + r = a/b, 1 − w = m/q and pence per unit pn/pd.
type Terms struct {
	V            []uint64
	Den, A, B    uint64
	M, Q, PN, PD uint64
}

// Terms returns the valuation's integers (V shared: not to be changed).
func (v *IntValuer) Terms() Terms {
	return Terms{V: v.v, Den: v.den, A: v.a, B: v.b, M: v.m, Q: v.q, PN: v.pn, PD: v.pd}
}

// Dens returns the denominators of the exact figures, made once and shared
// by every system's ratios: den for the present value and q·den for the
// grant.
func (v *IntValuer) Dens() (pv, grant decimal.Decimal) {
	d := new(big.Int).SetUint64(v.den)
	return decimal.NewFromBigInt(d, 0), decimal.NewFromBigInt(d.Mul(d, new(big.Int).SetUint64(v.q)), 0)
}

// Ratios are a value's exact present value and grant as money.Ratio, over
// the shared denominators from Dens.
func (v *IntValuer) Ratios(iv IntValue, pvDen, grantDen decimal.Decimal) (pv, grant money.Ratio) {
	return money.R(v.units(iv.N.Big()), pvDen), money.R(v.units(iv.Num.Big()), grantDen)
}
