package engine

import (
	"context"
	"math/big"
	"math/bits"

	"icsplan/internal/analysis"
	"icsplan/internal/funding"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// leverRange is a lever's range in ticks of 0.0001: write-off 0–100%,
// interest 0–20%, clawback 0–200%, each scanned at analysis.LeverSteps
// points (a step of 100, 20 and 200 ticks).
var leverRange = map[analysis.LeverName]uint64{
	analysis.LeverWriteOff: tickScale,
	analysis.LeverInterest: tickScale / 5,
	analysis.LeverClawback: 2 * tickScale,
}

// levers is every system's leverValue (nil for a system nothing moves for)
// with what the verdict needs: the groups and their populations.
type levers struct {
	vals       []*leverValue
	deficit    []bool
	dN, bN     int
	dPop, bPop int64
	s          int32       // 1 − w is M/10^s
	mOwn       *big.Int    // M for the scenario's own write-off
	mFast      uint64      // mOwn, when s is 4 (the integer path's resolution)
	tens       big.Int     // 10^(s−4)
	pdc, grant bool        // the repayment is PDC; there is no repayment at all
	fl         *fastLevers // the values on the integer path, instead of vals (fast_levers.go)
}

// newLevers converts every system's flows once (in parallel for many
// systems). The interest bases come from funding.Schedule itself: at a
// rate of 100%, each year's interest is its base exactly.
func (e *job) newLevers(ctx context.Context, res *analysis.Result) (*levers, error) {
	sc := e.sc
	lv := e.leverGroups(res)
	lv.vals = make([]*leverValue, len(res.Systems))
	var full *plan.Repayment
	if sc.Repayment != nil {
		c := *sc.Repayment
		c.Interest = one
		full = &c
	}
	errs := make([]error, len(res.Systems))
	work := func(i int) {
		rc := e.rec.Systems[i].Received
		if e.flows[i].Empty() && rc.IsZero() {
			return
		}
		var bases []funding.Instalment
		if full != nil && rc.IsPositive() {
			if bases, errs[i] = funding.Schedule(rc, e.ds.Year, full, sc.Allocation.Unit); errs[i] != nil {
				return
			}
		}
		lv.vals[i], errs[i] = newLeverValue(leverInputs{flows: e.flows[i], received: rc, bases: bases,
			unit: sc.Allocation.Unit, rate: sc.Assumptions.DiscountRate, s: lv.s, mOwn: lv.mOwn})
	}
	if err := parallel(ctx, len(res.Systems), len(res.Systems) >= 1000, work); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return lv, nil
}

// leverGroups is the levers' groups and write-off resolution, without
// their values.
func (e *job) leverGroups(res *analysis.Result) *levers {
	sc := e.sc
	w := sc.Assumptions.WriteOff
	lv := &levers{deficit: make([]bool, len(res.Systems)), s: max(4, -one.Sub(w).Exponent()), grant: sc.Repayment == nil}
	lv.pdc = sc.Repayment != nil && sc.Repayment.IsPDC()
	lv.mOwn = one.Sub(w).Shift(lv.s).BigInt()
	if lv.s == 4 && lv.mOwn.IsUint64() {
		lv.mFast = lv.mOwn.Uint64()
	}
	lv.tens.Exp(big.NewInt(10), big.NewInt(int64(lv.s-4)), nil)
	for i, sr := range res.Systems {
		lv.deficit[i] = sr.Group == analysis.Deficit
		if lv.deficit[i] {
			lv.dN++
			lv.dPop += sr.Population
		} else {
			lv.bN++
			lv.bPop += sr.Population
		}
	}
	return lv
}

// point is the verdict with lever name at q ticks, the others as the
// scenario has them.
func (lv *levers) point(name analysis.LeverName, q uint64) analysis.LeverPoint {
	if lv.fl != nil {
		return lv.fl.point(lv, name, q)
	}
	var sD, sB acc128
	var bD, bB big.Int
	var s leverScratch
	var m big.Int
	mFast := lv.mFast
	if name == analysis.LeverWriteOff {
		// 1 − w = (10,000 − q)/10,000 = M/10^s.
		mFast = tickScale - q
		m.SetUint64(mFast)
		m.Mul(&m, &lv.tens)
	}
	slowUsed := false
	for i, v := range lv.vals {
		if v == nil {
			continue
		}
		fast, slow := &sB, &bB
		if lv.deficit[i] {
			fast, slow = &sD, &bD
		}
		if f := v.fast; f != nil {
			g, ok := f.writeOff(mFast), true
			switch name {
			case analysis.LeverInterest:
				g, ok = f.interest(q, mFast)
			case analysis.LeverClawback:
				g, ok = f.clawback(q, mFast)
			}
			if ok {
				fast.add(g)
				continue
			}
		}
		slowUsed = true
		switch name {
		case analysis.LeverWriteOff:
			v.writeOff(slow, &m, &s)
		case analysis.LeverInterest:
			v.interest(slow, q, lv.mOwn, &s)
		default:
			v.clawback(slow, q, &s)
		}
	}
	return lv.pointOf(q, &sD, &sB, &bD, &bB, slowUsed)
}

// pointOf is the point at q ticks from the groups' sums: fast (sD, sB)
// plus, when slow, the big-integer sums (bD, bB).
func (lv *levers) pointOf(q uint64, sD, sB *acc128, bD, bB *big.Int, slow bool) analysis.LeverPoint {
	p := analysis.LeverPoint{Value: decimal.New(int64(q), -4)}
	p.DeficitGrant, p.DeficitPerHead = groupSum(sD, bD, slow, lv.dPop)
	p.BalancedGrant, p.BalancedPerHead = groupSum(sB, bB, slow, lv.bPop)
	p.Verdict = analysis.Judge(lv.dN, lv.bN, p.DeficitPerHead, p.BalancedPerHead)
	return p
}

// groupSum is a group's effective grant, the fast sum a plus the slow sum
// b (when slow), and its grant per head over pop people, rounded once to
// pence (by integers when the sum fits).
func groupSum(a *acc128, b *big.Int, slow bool, pop int64) (grant, perHeadPence decimal.Decimal) {
	if c, ok := a.int64(); ok && !slow {
		g := decimal.New(c, -2)
		if pop <= 0 {
			return g, zero
		}
		q, r := c/pop, c%pop // pence per head, truncated
		if r < 0 {
			r = -r
		}
		if r >= pop-r { // half or more: away from zero
			if c < 0 {
				q--
			} else {
				q++
			}
		}
		return g, decimal.New(q, -2)
	}
	a.into(b)
	g := decimal.NewFromBigInt(b, -2)
	return g, perHead(g, pop)
}

// acc128 sums int64s in 128 bits, two's complement.
type acc128 struct {
	hi int64
	lo uint64
}

func (a *acc128) add(v int64) {
	lo, c := bits.Add64(a.lo, uint64(v), 0)
	a.lo = lo
	a.hi += int64(c) + v>>63
}

// int64 is the sum, when it fits.
func (a *acc128) int64() (int64, bool) {
	v := int64(a.lo)
	return v, a.hi == v>>63
}

// into adds the sum to b.
func (a *acc128) into(b *big.Int) {
	var t big.Int
	t.SetInt64(a.hi)
	t.Lsh(&t, 64)
	t.Add(&t, new(big.Int).SetUint64(a.lo))
	b.Add(b, &t)
}

// search scans the lever's range at analysis.LeverSteps points (in
// parallel for many systems), then bisects to one tick inside the step
// where the verdict stops rewarding deficit plans. The write-off's
// non-rewarding end is the low one (everything repaid), the others' the
// high one; a scan whose verdict changes more than once, or stops
// rewarding at the wrong end, is not monotone.
func (lv *levers) search(ctx context.Context, name analysis.LeverName) (analysis.Lever, error) {
	top := leverRange[name]
	l := analysis.Lever{Name: name, From: zero, To: decimal.New(int64(top), -4)}
	if lv.grant && name != analysis.LeverClawback {
		l.Status = analysis.LeverNoEffect
		l.Note = analysis.LeverNote(l, lv.pdc, 0)
		return l, nil
	}
	step := top / (analysis.LeverSteps - 1)
	l.Scan = make([]analysis.LeverPoint, analysis.LeverSteps)
	// Worth it for many systems: lv.deficit has one entry a system on either
	// path (lv.vals is empty on the integer path).
	if err := parallel(ctx, analysis.LeverSteps, len(lv.deficit) >= 1000, func(k int) {
		l.Scan[k] = lv.point(name, uint64(k)*step)
	}); err != nil {
		return analysis.Lever{}, err
	}
	changes, at := 0, 0
	for k := 1; k < len(l.Scan); k++ {
		if l.Scan[k].Rewards() != l.Scan[k-1].Rewards() {
			changes++
			at = k
		}
	}
	lowRewards := l.Scan[0].Rewards()
	rightWay := lowRewards == (name != analysis.LeverWriteOff)
	switch {
	case changes == 0 && lowRewards:
		l.Status = analysis.LeverNotReached
	case changes != 1 || !rightWay:
		l.Status = analysis.LeverNotMonotone
	default:
		// a rewards, b does not; they are one step apart, either way round.
		a, b := uint64(at-1)*step, uint64(at)*step
		if !lowRewards {
			a, b = b, a
		}
		for a+1 != b && b+1 != a {
			mid := (a + b) / 2
			p := lv.point(name, mid)
			l.Bisect = append(l.Bisect, p)
			if p.Rewards() {
				a = mid
			} else {
				b = mid
			}
		}
		v := decimal.New(int64(b), -4)
		l.Status, l.Value = analysis.LeverFound, &v
	}
	l.Note = analysis.LeverNote(l, lv.pdc, changes)
	return l, nil
}

// endingTerms searches the three levers, or none when the scenario does not
// reward deficit plans as it stands.
func (e *job) endingTerms(ctx context.Context, res *analysis.Result) (analysis.EndingTerms, error) {
	et := analysis.EndingTerms{Rewarding: res.Verdict.Label == analysis.RewardsDeficit,
		PDC: e.sc.Repayment != nil && e.sc.Repayment.IsPDC()}
	names := []analysis.LeverName{analysis.LeverWriteOff, analysis.LeverInterest, analysis.LeverClawback}
	out := []*analysis.Lever{&et.WriteOff, &et.Interest, &et.Clawback}
	if !et.Rewarding {
		et.Note = analysis.NotRewardingNote(res.Verdict.Label)
		for k, name := range names {
			l := analysis.Lever{Name: name, Status: analysis.LeverNotSearched, From: zero,
				To: decimal.New(int64(leverRange[name]), -4)}
			l.Note = analysis.LeverNote(l, et.PDC, 0)
			*out[k] = l
		}
		et.Text = analysis.EndingText(et)
		return et, nil
	}
	lv, err := e.leversFor(ctx, res)
	if err != nil {
		return analysis.EndingTerms{}, err
	}
	for k, name := range names {
		if *out[k], err = lv.search(ctx, name); err != nil {
			return analysis.EndingTerms{}, err
		}
	}
	et.Text = analysis.EndingText(et)
	return et, nil
}
