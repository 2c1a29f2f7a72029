package engine

import (
	"context"
	"math/big"
	"sync/atomic"

	"icsplan/internal/analysis"
	"icsplan/internal/funding"
	"icsplan/internal/money"
	"icsplan/internal/plan"
	"icsplan/internal/wide"

	"github.com/shopspring/decimal"
)

// noFast turns the integer path off, so that tests can hold it to the
// decimal one.
var noFast = false

// fastJob is a job's integer path (fast*.go): when the scenario pays each
// allocation at once (no tranches, no consequences) and every figure fits
// machine integers, each system's money is kept as whole units and valued
// by funding.IntValuer, and the stages after the allocation (the systems'
// figures and their sums, the prudence and incentive reruns, the grid and
// the lever scans) make decimals only for the figures they report. Every
// figure is the decimal path's, to the penny: tests run both.
type fastJob struct {
	val   funding.IntValuer
	recv  []uint64   // each system's cash received (its allocation), in units
	fair  []uint64   // its fair share, in units
	grant []int64    // its effective grant, pence
	num   []wide.Int // its exact grant's numerator (funding.IntValue.Num)
	planP []int64    // its plan, pence
	thP   int64      // the balanced threshold, pence
	// uc·10^ue is the unit, pvDen and gDen the exact figures' shared
	// denominators, noMoney the value of a system with nothing.
	uc      int64
	ue      int32
	pvDen   decimal.Decimal
	gDen    decimal.Decimal
	noMoney analysis.Value
	// priceDen is the exact marginal prices' shared denominator and deltas
	// their numerators, one per system, set by fastStrategyRows.
	priceDen decimal.Decimal
	deltas   []wide.Int
	// ges holds, on a large job, the grant elements from 0 to 1 made so
	// far (ge ten-thousandths at [ge]), shared by every system with one.
	ges []atomic.Pointer[decimal.Decimal]
}

// sharedFrom is how many systems a job has before its grant elements are
// shared (below it the table would cost more than it saves).
const sharedFrom = 20_000

// newFastJob prepares the integer path of a job, or returns nil when the
// scenario or a figure does not fit it.
func newFastJob(ds plan.Dataset, sc plan.Scenario, alloc funding.Allocation, received uint64) *fastJob {
	if noFast || len(sc.Tranches) > 0 || len(sc.Consequences) > 0 || sc.Allocation.Unit.NumDigits() > 15 {
		return nil
	}
	s, ok, err := funding.NewIntSchedule(ds.Year, sc.Repayment, sc.Allocation.Unit)
	if err != nil || !ok {
		return nil
	}
	v, ok := funding.NewIntValuer(s, sc.Assumptions.DiscountRate, sc.Assumptions.WriteOff, sc.Allocation.Unit)
	if !ok {
		return nil
	}
	n := len(ds.Systems)
	f := &fastJob{val: v, recv: make([]uint64, n), grant: make([]int64, n), num: make([]wide.Int, n),
		planP: make([]int64, n), uc: sc.Allocation.Unit.CoefficientInt64(), ue: sc.Allocation.Unit.Exponent()}
	if f.thP, ok = penceOf(sc.Assumptions.BalancedThreshold); !ok {
		return nil
	}
	var misfit atomic.Bool
	chunks := (n + systemsChunk - 1) / systemsChunk
	_ = parallel(context.Background(), chunks, chunks > 1, func(c int) { // never cancelled: no error
		var scr funding.ValueScratch
		for i := c * systemsChunk; i < min(n, (c+1)*systemsChunk) && !misfit.Load(); i++ {
			if !f.value(i, ds.Systems[i], alloc.Shares[i].Amount, &scr) {
				misfit.Store(true)
			}
		}
	})
	if misfit.Load() {
		return nil
	}
	if f.fair, ok = fairUnits(ds.Systems, received); !ok {
		return nil
	}
	if n >= sharedFrom {
		f.ges = make([]atomic.Pointer[decimal.Decimal], 10_001)
	}
	f.pvDen, f.gDen = v.Dens()
	f.noMoney = analysis.Value{PVExact: money.R(zero, one), PV: zero, EffectiveGrant: zero, GrantElement: zero,
		EffectiveGrantExact: money.R(zero, one)}
	return f
}

// value sets system i's units, plan, grant and exact grant (s its row,
// amount its allocation), or reports false when a figure does not fit the
// integer path.
func (f *fastJob) value(i int, s plan.System, amount decimal.Decimal, scr *funding.ValueScratch) bool {
	a, ok1 := f.unitsOf(amount)
	p, ok2 := penceOf(s.Plan)
	if !ok1 || !ok2 {
		return false
	}
	f.recv[i], f.planP[i] = a, p
	iv, ok := f.val.Value(a, scr)
	if !ok {
		return false
	}
	g, ok1 := f.val.Grant(iv)
	_, ok2 = f.val.PV(iv)
	_, ok3 := f.val.GrantElement(iv, a)
	f.grant[i], f.num[i] = g, iv.Num
	return ok1 && ok2 && ok3
}

// fairUnits is fairShares in units, or false when it must be done in decimals.
func fairUnits(systems []plan.System, total uint64) ([]uint64, bool) {
	ws := make([]decimal.Decimal, len(systems))
	keys := make([]string, len(systems))
	for i, s := range systems {
		ws[i], keys[i] = s.WeightedPopulation, s.Code
	}
	out, ok, err := money.ApportionUnits(total, ws, keys)
	return out, ok && err == nil
}

// coefAt is d·10^−e as an int64, when that is a whole number that fits.
func coefAt(d decimal.Decimal, e int32) (int64, bool) {
	if d.NumDigits() > 18 {
		return 0, false
	}
	c := d.CoefficientInt64()
	for k := d.Exponent() - e; k != 0; {
		if k > 0 {
			if c > 1<<59 || c < -1<<59 {
				return 0, false
			}
			c, k = c*10, k-1
		} else {
			if c%10 != 0 {
				return 0, false
			}
			c, k = c/10, k+1
		}
	}
	return c, true
}

// penceOf is d in pence, when it is a whole number of pence that fits.
func penceOf(d decimal.Decimal) (int64, bool) {
	c, ok := coefAt(d, -2)
	return c, ok && c < 1<<59 && c > -1<<59
}

// unitsOf is d ÷ unit as a whole number below 2^62.
func (f *fastJob) unitsOf(d decimal.Decimal) (uint64, bool) {
	c, ok := coefAt(d, f.ue)
	if !ok || c < 0 || c%f.uc != 0 {
		return 0, false
	}
	return uint64(c / f.uc), true
}

// money is k units as a decimal (shared zero for none).
func (f *fastJob) money(k int64) decimal.Decimal {
	if k == 0 {
		return zero
	}
	if p, ok := wide.FromInt64(k).MulI(f.uc); ok {
		if c, ok := p.Int64(); ok {
			return decimal.New(c, f.ue)
		}
	}
	return decimal.NewFromBigInt(new(big.Int).Mul(big.NewInt(k), big.NewInt(f.uc)), f.ue)
}

// wideMoney is x units as a decimal.
func (f *fastJob) wideMoney(x wide.Int) decimal.Decimal {
	if c, ok := x.Int64(); ok {
		return f.money(c)
	}
	return decimal.NewFromBigInt(x.Big().Mul(x.Big(), big.NewInt(f.uc)), f.ue)
}

// grantElement is ge ten-thousandths as a decimal (shared zero for
// none). On a large job every system with the same grant element from 0 to
// 1 shares one decimal (decimals are immutable), made by the first that
// needs it: whichever worker makes it, the figure is the same.
func (f *fastJob) grantElement(ge int64) decimal.Decimal {
	if ge == 0 {
		return zero
	}
	if ge < 0 || ge >= int64(len(f.ges)) {
		return decimal.New(ge, -4)
	}
	p := &f.ges[ge]
	if d := p.Load(); d != nil {
		return *d
	}
	d := decimal.New(ge, -4)
	if p.CompareAndSwap(nil, &d) {
		return d
	}
	return *p.Load()
}

// pence is p pence as a decimal (shared zero for none).
func pence(p int64) decimal.Decimal {
	if p == 0 {
		return zero
	}
	return decimal.New(p, -2)
}

// exact is the exact grant of numerator num as a ratio over the shared
// denominator.
func (f *fastJob) exact(num wide.Int) money.Ratio {
	if num.Sign() == 0 {
		return f.noMoney.EffectiveGrantExact
	}
	return money.R(f.wideMoney(num), f.gDen)
}

// decimalFlows fills sched and flows, the decimal path's state of each
// system, for a job on the integer path whose later stage must fall back
// to decimals.
func (j *job) decimalFlows() error {
	if j.flowsMade {
		return nil
	}
	n := len(j.ds.Systems)
	sched, flows := make([][]funding.Instalment, n), make([]funding.Flows, n)
	for i, s := range j.ds.Systems {
		o, err := j.outcome(s, j.rec.Systems[i])
		if err != nil {
			return err
		}
		sched[i], flows[i] = o.sched, o.flows
	}
	j.sched, j.flows, j.flowsMade = sched, flows, true
	return nil
}

// marginal is the marginal prices' medians on the integer path, when the
// strategy rows were made on it.
func (j *job) marginal(systems []analysis.SystemResult) (analysis.MarginalPrices, bool) {
	if j.fast == nil || j.fast.deltas == nil {
		return analysis.MarginalPrices{}, false
	}
	return j.fastMarginal(systems)
}
