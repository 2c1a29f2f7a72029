package engine

import (
	"context"
	"fmt"

	"icsplan/internal/analysis"
	"icsplan/internal/funding"
	"icsplan/internal/money"
	"icsplan/internal/plan"
	"icsplan/internal/wide"

	"github.com/shopspring/decimal"
)

// systemsChunk is how many systems one piece of fastSystems's parallel
// work takes.
const systemsChunk = 4096

// fastSystems is systems on the integer path: the same figures, each
// system's from its units and integer schedule, the sums in integers, and
// a decimal made only for each figure the result holds. The systems are
// worked out in chunks on every processor, each chunk summed into its own
// tally; the tallies are exact integers, so their sum does not depend on
// how the chunks were shared out.
func (j *job) fastSystems() (analysis.Result, error) {
	ds, sc, f := j.ds, j.sc, j.fast
	n := len(ds.Systems)
	res := analysis.Result{
		Dataset:    analysis.DatasetInfo{Year: ds.Year, Path: ds.Path, Systems: n, Illustrative: ds.Illustrative()},
		Scenario:   sc,
		Systems:    make([]analysis.SystemResult, n),
		Allocation: allocationOf(j.alloc),
		Terms:      analysis.TermCounts{UnknownTested: j.rec.UnknownTested},
	}
	last := f.val.Sched.Last()
	parts := make([]fastTally, (n+systemsChunk-1)/systemsChunk)
	work := func(c int) {
		t := newFastTally(last)
		var scr funding.ValueScratch
		for i := c * systemsChunk; i < min(n, (c+1)*systemsChunk); i++ {
			j.fastSystem(i, &ds.Systems[i], &res.Systems[i], &t, &scr)
		}
		parts[c] = t
	}
	_ = parallel(context.Background(), len(parts), len(parts) > 1, work) // never cancelled: no error
	t := newFastTally(last)
	for _, p := range parts {
		t.merge(p)
	}
	if err := t.into(&res, j, f); err != nil {
		return analysis.Result{}, err
	}
	return res, nil
}

// fastSystem is system i's figures on the integer path, added to t. *sr
// must be zero: each figure that is zero is left as it is (zero is
// decimal.Zero, the zero Decimal), and the others are written one by one,
// so that no whole result is copied.
func (j *job) fastSystem(i int, s *plan.System, sr *analysis.SystemResult, t *fastTally, scr *funding.ValueScratch) {
	f, sh := j.fast, &j.alloc.Shares[i]
	a := f.recv[i]
	sr.System, sr.Group, sr.Eligible = *s, analysis.Deficit, sh.Eligible
	if f.planP[i] >= -f.thP {
		sr.Group = analysis.Balanced
	}
	sr.Allocation, sr.Received, sr.Share = sh.Amount, sh.Amount, shareOf(*sh)
	sr.FairShare, sr.Transfer = f.money(int64(f.fair[i])), f.money(int64(a)-int64(f.fair[i]))
	if ph, ok := f.val.PerHead(a, s.Population); ok {
		sr.PerHead = pence(ph)
	} else {
		sr.PerHead = perHead(sh.Amount, s.Population)
	}
	t.group(sr, a, f.planP[i], f.grant[i], int64(a)-int64(f.fair[i]))
	if a == 0 {
		sr.Value = f.noMoney
		return
	}
	iv, _ := f.val.Value(a, scr) // fits: newFastJob valued every system
	pv, _ := f.val.PV(iv)
	ge, _ := f.val.GrantElement(iv, a)
	last, due := f.val.Sched.Last(), 0
	for k := range last {
		if scr.P[k] != 0 || scr.I[k] != 0 {
			due++
		}
	}
	sr.Repayments = make([]analysis.Instalment, 0, due) // counted first: the result holds no spare capacity
	var prev [2]uint64
	var prevD [2]decimal.Decimal
	for k := range last {
		p, in := scr.P[k], scr.I[k]
		if p == 0 && in == 0 {
			continue
		}
		x := analysis.Instalment{Year: f.val.Sched.Label(k + 1), T: k + 1}
		x.Principal, x.Interest = f.moneyAgain(p, &prev[0], &prevD[0]), f.moneyAgain(in, &prev[1], &prevD[1])
		sr.Repayments = append(sr.Repayments, x)
		t.instalment(k, p, in)
	}
	sr.Value = analysis.Value{PVExact: money.R(f.wideMoney(iv.N), f.pvDen), PV: pence(pv),
		EffectiveGrant: pence(f.grant[i]), GrantElement: f.grantElement(ge), EffectiveGrantExact: f.exact(iv.Num)}
	sr.PVRepayments, sr.EffectiveGrant, sr.GrantElement = sr.Value.PV, sr.Value.EffectiveGrant, sr.Value.GrantElement
	t.pv = add(t.pv, pv)
	t.paid += a
}

// moneyAgain is k units as a decimal, the one made last (*prevD, of *prev
// units) when k is the same: a decimal is immutable, so equal instalments
// of one system share one big.Int.
func (f *fastJob) moneyAgain(k uint64, prev *uint64, prevD *decimal.Decimal) decimal.Decimal {
	if k != 0 && *prev == k { // *prev is set only with *prevD
		return *prevD
	}
	*prev, *prevD = k, f.money(int64(k))
	return *prevD
}

// fastTally is tally in integers: units for cash and repayments, pence
// for values.
type fastTally struct {
	years      []fastYear // year index t at [t−1]
	paid       uint64     // cash received, units
	pv, eg     wide.Int   // pence
	net        int64      // the deficit group's transfers, units
	groups     [2]fastGroup
	repayments wide.Int // units
}

type fastYear struct {
	p, i uint64
	any  bool
}

type fastGroup struct {
	n        int
	pop      int64
	deficitP wide.Int // pence
	alloc    uint64   // units
	eg       wide.Int // pence
}

func newFastTally(last int) fastTally { return fastTally{years: make([]fastYear, last)} }

// add is a + b pence, noting when it leaves the range.
func add(a wide.Int, b int64) wide.Int {
	s, _ := a.Add(wide.FromInt64(b)) // 2^62 pence a system, at most 2^20 systems: never overflows
	return s
}

// group counts one system (received a units, plan p pence, grant g pence,
// transfer tr units) in its group.
func (t *fastTally) group(sr *analysis.SystemResult, a uint64, p, g, tr int64) {
	k := 1
	if sr.Group == analysis.Deficit {
		k = 0
		t.net += tr
	}
	gr := &t.groups[k]
	gr.n++
	gr.pop += sr.Population
	if p < 0 {
		gr.deficitP = add(gr.deficitP, -p)
	}
	gr.alloc += a
	gr.eg = add(gr.eg, g)
	t.eg = add(t.eg, g)
}

// merge adds the sums of u, a tally of other systems, to t.
func (t *fastTally) merge(u fastTally) {
	for k, y := range u.years {
		x := &t.years[k]
		x.p += y.p
		x.i += y.i
		x.any = x.any || y.any
	}
	t.paid += u.paid
	t.pv, _ = t.pv.Add(u.pv) // as add: never overflows
	t.eg, _ = t.eg.Add(u.eg)
	t.net += u.net
	for k, g := range u.groups {
		x := &t.groups[k]
		x.n += g.n
		x.pop += g.pop
		x.deficitP, _ = x.deficitP.Add(g.deficitP)
		x.alloc += g.alloc
		x.eg, _ = x.eg.Add(g.eg)
	}
	t.repayments, _ = t.repayments.Add(u.repayments)
}

// instalment adds one system's instalment of year index k+1.
func (t *fastTally) instalment(k int, p, in uint64) {
	y := &t.years[k]
	y.p += p
	y.i += in
	y.any = true
	t.repayments = add(t.repayments, int64(p+in))
}

// into writes the sums to res as tally.into does.
func (t *fastTally) into(res *analysis.Result, j *job, f *fastJob) error {
	pdc := j.sc.Repayment != nil && j.sc.Repayment.IsPDC()
	y0, err := plan.YearStart(res.Dataset.Year)
	if err != nil && (t.paid > 0 || len(t.years) > 0) {
		return fmt.Errorf("engine: %w", err)
	}
	if t.paid > 0 {
		res.Flows = append(res.Flows, yearFlow(0, y0, f.money(int64(t.paid)), zero, zero, zero))
	}
	for k, y := range t.years {
		if !y.any {
			continue
		}
		p, in := f.money(int64(y.p)), f.money(int64(y.i))
		res.Years = append(res.Years, analysis.YearTotal{Year: f.val.Sched.Label(k + 1), Principal: p, Interest: in})
		if pdc {
			res.Flows = append(res.Flows, yearFlow(k+1, y0, zero, p, zero, in))
		} else {
			res.Flows = append(res.Flows, yearFlow(k+1, y0, zero, p, in, zero))
		}
	}
	alloc := j.alloc
	tot := analysis.Totals{Pot: j.sc.Pot, Allocated: alloc.Allocated, Unallocated: alloc.Unallocated,
		Repayments: f.wideMoney(t.repayments), PVRepayments: widePence(t.pv), EffectiveGrant: widePence(t.eg),
		GrantElement: zero, Received: f.money(int64(t.paid)), Withheld: j.rec.Withheld,
		Redistributed: j.rec.Redistributed, Held: j.rec.Held, Deductions: zero, Bonuses: zero}
	if t.paid > 0 {
		tot.GrantElement = tot.EffectiveGrant.DivRound(tot.Received, 4)
	}
	res.Totals = tot
	for k, g := range []analysis.Group{analysis.Deficit, analysis.Balanced} {
		gr := t.groups[k]
		r := analysis.GroupResult{Group: g, Systems: gr.n, Population: gr.pop, PlannedDeficit: widePence(gr.deficitP),
			Allocation: f.money(int64(gr.alloc)), EffectiveGrant: widePence(gr.eg)}
		r.Received = r.Allocation
		r.PerHead = perHead(r.Received, r.Population)
		r.GrantPerHead = perHead(r.EffectiveGrant, r.Population)
		if k == 0 {
			res.Deficit = r
		} else {
			res.Balanced = r
		}
	}
	res.NetTransferToDeficit = f.money(t.net)
	return nil
}

// yearFlow is the by-year row of year index at.
func yearFlow(at, y0 int, paid, principal, interest, dividends decimal.Decimal) analysis.YearFlow {
	return analysis.YearFlow{T: at, Year: fmt.Sprintf("%04d/%02d", y0+at, (y0+at+1)%100), Paid: paid,
		Principal: principal, Interest: interest, Dividends: dividends, Deductions: zero, Bonuses: zero}
}

// widePence is p pence as a decimal.
func widePence(p wide.Int) decimal.Decimal {
	if c, ok := p.Int64(); ok {
		return pence(c)
	}
	return decimal.NewFromBigInt(p.Big(), -2)
}
