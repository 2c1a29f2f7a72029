package engine

import (
	"context"
	"math/big"

	"icsplan/internal/analysis"
	"icsplan/internal/funding"
	"icsplan/internal/wide"
)

// fastLevers is the lever scans on the integer path, for a job whose
// systems received their allocations at once. Each system's grant at a
// lever's value is a fixed-point number with 64 fractional bits (in pence)
// made of a few per-system and per-scenario constants, each rounded down
// once from its exact value, so that a revaluation is a handful of
// multiplications and no division:
//
//	write-off at 1 − w = M/S:  G = Xp − M·Np
//	interest at q ticks:       G = Zi − Σ_t round(b_t·q/S)·C_t
//	clawback at q ticks:       G = Zc − round(recv·q/S)·C1
//
// with S = 10,000, Xp = 100·unit·X/den, Np = 100·unit·N/(den·S), Zi and
// Zc the parts that do not move, C_t the value of one unit of interest in
// year t and C1 that of one unit clawed back in year 1, all in pence. The
// error of each sum is below (1 + its multipliers) units of 2^−64 pence, so
// a grant whose fractional part is further than that from a half rounds as
// its exact value does; one that is not is valued again exactly (exact), as
// is one whose figures leave 128 bits. Tests hold it to leverValue.
type fastLevers struct {
	xp, np, zi, zc []wide.Int // per system (zero for a system with nothing)
	bases          []uint64   // per system and year: bases[i·last + t−1]
	ct             []wide.Int // per year t: C_t at [t−1]
	c1             wide.Int
	last           int
	mOwn           uint64 // the scenario's 1 − w, in ticks
	t              funding.Terms
	f              *fastJob
}

// newFastLevers prepares the lever scans on the integer path; ok is false
// when the scenario's write-off has more than four decimals or a constant
// does not fit (the decimal levers then answer).
func (e *job) newFastLevers(ctx context.Context, lv *levers) (*fastLevers, bool, error) {
	f := e.fast
	if lv.s != 4 || !lv.mOwn.IsUint64() || lv.mOwn.Uint64() > tickScale {
		return nil, false, nil
	}
	tm := f.val.Terms()
	fl := &fastLevers{last: f.val.Sched.Last(), mOwn: lv.mFast, t: tm, f: f}
	n := len(f.recv)
	fl.xp, fl.np, fl.zi, fl.zc = make([]wide.Int, n), make([]wide.Int, n), make([]wide.Int, n), make([]wide.Int, n)
	fl.bases = make([]uint64, n*fl.last)
	d1, ok1 := fl.den(1)
	dS, ok2 := fl.den(tickScale)
	if !ok1 || !ok2 {
		return nil, false, nil
	}
	var ok bool
	fl.ct = make([]wide.Int, fl.last)
	for t := 1; t <= fl.last; t++ {
		mp, fits := wide.Mul64(fl.mOwn, tm.PN)
		p, fits2 := mp.MulU(tm.V[t])
		if fl.ct[t-1], ok = p.FixedQuo(dS); !ok || !fits || !fits2 {
			return nil, false, nil
		}
	}
	// One unit clawed back in year 1 is worth b/a of a unit today.
	pb, fits := wide.Mul64(tm.PN, tm.B)
	da, fits2 := wide.Mul64(tm.PD, tm.A)
	if fl.c1, ok = pb.FixedQuo(da.Lo); !ok || !fits || !fits2 || da.Hi != 0 {
		return nil, false, nil
	}
	done := make([]bool, n)
	err := parallel(ctx, n, n >= 1000, func(i int) {
		var scr funding.ValueScratch
		done[i] = f.recv[i] == 0 || fl.system(i, f.recv[i], d1, dS, &scr)
	})
	if err != nil {
		return nil, false, err
	}
	for _, ok := range done {
		if !ok {
			return nil, false, nil
		}
	}
	return fl, true, nil
}

// den is pd·den·k, when it fits 64 bits.
func (fl *fastLevers) den(k uint64) (uint64, bool) {
	d, ok := wide.Mul64(fl.t.PD, fl.t.Den)
	d, ok2 := d.MulU(k)
	return d.Lo, ok && ok2 && d.Hi == 0
}

// system sets system i's constants; it received a units.
func (fl *fastLevers) system(i int, a uint64, d1, dS uint64, scr *funding.ValueScratch) bool {
	iv, ok := fl.f.val.Value(a, scr)
	if !ok {
		return false
	}
	var np wide.Int
	for t := 1; t <= fl.last; t++ {
		p, fits := wide.Mul64(scr.P[t-1], fl.t.V[t])
		if np, ok = np.Add(p); !ok || !fits {
			return false
		}
	}
	fl.f.val.Sched.Bases(a, scr.P[:], fl.bases[i*fl.last:(i+1)*fl.last])
	pn := fl.t.PN
	sx, ok1 := iv.X.MulU(tickScale)
	mn, ok2 := iv.N.MulU(fl.mOwn)
	mnp, ok3 := np.MulU(fl.mOwn)
	zc, ok4 := sx.Sub(mn)
	zi, ok5 := sx.Sub(mnp)
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 {
		return false
	}
	ok = true
	fix := func(x wide.Int, d uint64) wide.Int {
		p, fits := x.MulU(pn)
		r, fits2 := p.FixedQuo(d)
		ok = ok && fits && fits2
		return r
	}
	fl.xp[i], fl.np[i], fl.zi[i], fl.zc[i] = fix(iv.X, d1), fix(iv.N, dS), fix(zi, dS), fix(zc, dS)
	return ok
}

// round is the grant g (fixed point) in pence, rounded half away from zero,
// with ok false when g may be within err units of 2^−64 of a half.
func round(g wide.Int, err uint64) (int64, bool) {
	dist := int64(g.Lo - 1<<63) // the fractional part less a half, as a signed distance
	if err >= 1<<62 || dist <= int64(err) && dist >= -int64(err) {
		return 0, false
	}
	if g.Lo > 1<<63 {
		return g.Hi + 1, true
	}
	return g.Hi, true
}

// writeOff is system i's grant in pence at 1 − w = m/S.
func (fl *fastLevers) writeOff(i int, m uint64) int64 {
	t, ok1 := fl.np[i].MulU(m)
	g, ok2 := fl.xp[i].Sub(t)
	if ok1 && ok2 {
		if p, ok := round(g, m+1); ok {
			return p
		}
	}
	return fl.exact(i, analysis.LeverWriteOff, tickScale-m)
}

// interest is system i's grant in pence at an interest rate of q ticks.
func (fl *fastLevers) interest(i int, q uint64) int64 {
	g, err, ok := fl.zi[i], uint64(1), true
	for k, b := range fl.bases[i*fl.last : (i+1)*fl.last] {
		if b == 0 {
			continue
		}
		tk := ticksOf(b, q)
		t, ok1 := fl.ct[k].MulU(tk)
		var ok2 bool
		g, ok2 = g.Sub(t)
		err += tk
		ok = ok && ok1 && ok2
	}
	if ok {
		if p, ok := round(g, err); ok {
			return p
		}
	}
	return fl.exact(i, analysis.LeverInterest, q)
}

// clawback is system i's grant in pence with q ticks of its cash clawed back.
func (fl *fastLevers) clawback(i int, q uint64) int64 {
	c := ticksOf(fl.f.recv[i], q)
	t, ok1 := fl.c1.MulU(c)
	g, ok2 := fl.zc[i].Sub(t)
	if ok1 && ok2 {
		if p, ok := round(g, c+1); ok {
			return p
		}
	}
	return fl.exact(i, analysis.LeverClawback, q)
}

// point is the verdict with lever name at q ticks, as levers.point.
func (fl *fastLevers) point(lv *levers, name analysis.LeverName, q uint64) analysis.LeverPoint {
	var sD, sB acc128
	m := fl.mOwn
	if name == analysis.LeverWriteOff {
		m = tickScale - q
	}
	for i, a := range fl.f.recv {
		if a == 0 {
			continue
		}
		var g int64
		switch name {
		case analysis.LeverWriteOff:
			g = fl.writeOff(i, m)
		case analysis.LeverInterest:
			g = fl.interest(i, q)
		default:
			g = fl.clawback(i, q)
		}
		if lv.deficit[i] {
			sD.add(g)
		} else {
			sB.add(g)
		}
	}
	return lv.pointOf(q, &sD, &sB, new(big.Int), new(big.Int), false)
}

// exact is system i's grant in pence at lever name's value q, exactly,
// in big integers: pn·(S·a·X − M·a·N(q) − S·den·b·c(q)) ÷ (pd·den·S·a), where
// N(q) is N with each year's interest at q ticks (interest lever) and c(q)
// the units clawed back (clawback lever).
func (fl *fastLevers) exact(i int, name analysis.LeverName, q uint64) int64 {
	return roundBig(fl.exactFrac(i, name, q))
}

// exactFrac is exact's fraction, before rounding.
func (fl *fastLevers) exactFrac(i int, name analysis.LeverName, q uint64) (num, d *big.Int) {
	var scr funding.ValueScratch
	a := fl.f.recv[i]
	iv, _ := fl.f.val.Value(a, &scr) // fitted when the constants were made
	tm := fl.t
	big64 := func(v uint64) *big.Int { return new(big.Int).SetUint64(v) }
	m, nq, claw := fl.mOwn, iv.N.Big(), new(big.Int)
	switch name {
	case analysis.LeverWriteOff:
		m = tickScale - q
	case analysis.LeverInterest:
		nq.SetInt64(0)
		for t := 1; t <= fl.last; t++ {
			c := scr.P[t-1] + ticksOf(fl.bases[i*fl.last+t-1], q)
			nq.Add(nq, new(big.Int).Mul(big64(c), big64(tm.V[t])))
		}
	default:
		claw.Mul(big64(ticksOf(a, q)), big64(tm.B))
		claw.Mul(claw, big64(tm.Den))
		claw.Mul(claw, big64(tickScale))
	}
	num = new(big.Int).Mul(iv.X.Big(), big64(tickScale))
	num.Sub(num, nq.Mul(nq, big64(m)))
	num.Mul(num, big64(tm.A))
	num.Sub(num, claw)
	num.Mul(num, big64(tm.PN))
	d = new(big.Int).Mul(big64(tm.PD), big64(tm.Den))
	d.Mul(d, big64(tickScale))
	d.Mul(d, big64(tm.A))
	return num, d
}

// roundBig is num ÷ d rounded half away from zero (d > 0).
func roundBig(num, d *big.Int) int64 {
	q, r := new(big.Int).QuoRem(num, d, new(big.Int))
	if r.Abs(r).Lsh(r, 1).Cmp(d) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, bigOne)
		} else {
			q.Add(q, bigOne)
		}
	}
	return q.Int64()
}

// newLeversFast is newLevers for a job on the integer path: the groups as
// newLevers has them and the lever values in fixed point; ok false when
// they do not fit.
func (e *job) newLeversFast(ctx context.Context, res *analysis.Result) (*levers, bool, error) {
	lv := e.leverGroups(res)
	fl, ok, err := e.newFastLevers(ctx, lv)
	if !ok || err != nil {
		return nil, false, err
	}
	lv.fl = fl
	return lv, true, nil
}

// leversFor is the levers of the job: on the integer path when it applies,
// else newLevers on the decimal flows (made now if the job had left them
// out).
func (e *job) leversFor(ctx context.Context, res *analysis.Result) (*levers, error) {
	if e.fast != nil {
		if lv, ok, err := e.newLeversFast(ctx, res); ok || err != nil {
			return lv, err
		}
		if err := e.decimalFlows(); err != nil {
			return nil, err
		}
	}
	return e.newLevers(ctx, res)
}
