package funding

import (
	"fmt"
	"math/big"
	"math/bits"
	"slices"

	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// Rerun answers "what would system j have been allocated had its plan been
// p, everything else unchanged?" exactly as Allocate on the changed systems
// would, in machine-integer arithmetic instead of a whole decimal allocation.
// A Rerun is safe for concurrent use by several goroutines.
//
// How: allocations are counted in units, weights scaled by one power of ten
// to integers. Water-filling fixes at their caps the systems whose share
// exceeds their cap (pot·w_i > cap_i·W); the systems capped are always a
// prefix of the order of cap_i/w_i, and whether the next one is capped is
// monotone along that order (the mediant inequality), so the capped prefix is
// found by binary search over prefix sums of caps and weights, with system j
// taken out of the order and put back at its new place: O(log n), for any
// pot (AmountPot). The pot left, P, is then shared: each open system gets
// floor(P·w_i/W) units and the leftover units go to the largest remainders
// (P·w_i mod W), ties to the larger weight, then to the code that sorts
// first, so j's extra unit depends only on how many open systems outrank it.
// That count is one pass over the base allocation's open systems in weight
// order, one entry per run of equal weights, each remainder following from
// the last by one addition, stopping as soon as the answer is settled
// (about half way on average); the systems whose caps bind differently in the
// rerun are counted one by one, and a decision already made for the same
// pot, weights and weight is looked up (kept as the count of equal-weight
// systems sorting before it by code that it can stand, so that it holds for
// any code: rerun_memo.go). When many reruns share the pot's
// fractional part and the modulus (the strategy table's marginal £1m moves
// every deficit system's weight by the same amount), the remainders are
// sorted once for them and each decision is a binary search
// (rerun_group.go). The pass in cap/weight order (extraUnit) remains as the
// fallback and the reference in tests. When a figure does not fit the
// integer path, a rerun is a full Allocate.
//
// Why the leftover count is not sublinear: changing one system moves the
// rate P/W by about w_j/W, which moves every other share by about
// share·w_j/W units — thousands of units at 100,000 systems, and a penalty
// plan £1,000 larger moves 5% of the systems across the middle of the
// remainders — so the order of remainders in one rerun says nothing usable
// about another; the open systems must be read afresh for each distinct
// rerun, unless two share the same pot, weights left and weight, or many
// share the pot's fractional part and the modulus.
type Rerun struct {
	systems []plan.System
	sc      plan.Scenario
	base    Allocation

	fast    bool  // the integer path applies
	scale   int32 // weights are w·10^scale
	unit    decimal.Decimal
	potU    uint64 // pot in units
	elig    []bool
	w       []uint64 // scaled weights (0 if not eligible)
	c       []uint64 // caps in units
	hasCap  bool
	totalW  uint64  // Σ w over eligible systems
	codeRnk []int32 // rank of (code, index)

	order []int32  // eligible systems with positive weight by cap/weight ascending, then index
	posOf []int32  // each system's place in order, −1 if not there
	ow    []uint64 // weights in the order of order, for a cache-friendly pass
	ocr   []int32  // code ranks in the order of order
	preC  []uint64 // preC[k] = Σ caps of order[:k]
	preW  []uint64 // preW[k] = Σ weights of order[:k]

	ref  refSet    // the base allocation's open systems in weight order
	memo decisions // leftover decisions already made
}

const maxFast = uint64(1) << 62

// toUint returns d·10^scale as a uint64 if it is a non-negative integer
// below 2^62.
func toUint(d decimal.Decimal, scale int32) (uint64, bool) {
	if d.IsNegative() {
		return 0, false
	}
	if c, ok := coef(d); ok { // the coefficient fits an int64: no big.Int
		return shiftUint(uint64(c), d.Exponent()+scale)
	}
	v := d.Shift(scale)
	if !v.IsInteger() {
		return 0, false
	}
	b := v.BigInt()
	if b.BitLen() > 62 {
		return 0, false
	}
	return b.Uint64(), true
}

// shiftUint returns c·10^e if it is an integer below 2^62.
func shiftUint(c uint64, e int32) (uint64, bool) {
	if c == 0 {
		return 0, true
	}
	for e != 0 {
		if e > 0 {
			hi, lo := bits.Mul64(c, 10)
			if hi != 0 {
				return 0, false
			}
			c, e = lo, e-1
		} else {
			if c%10 != 0 {
				return 0, false
			}
			c, e = c/10, e+1
		}
	}
	return c, c < maxFast
}

// units returns n units of u as a decimal.
func units(n uint64, u decimal.Decimal) decimal.Decimal {
	return decimal.NewFromBigInt(new(big.Int).SetUint64(n), 0).Mul(u)
}

// NewRerun prepares reruns of sc on systems. It allocates the unchanged
// systems once (Base).
func NewRerun(systems []plan.System, sc plan.Scenario) (*Rerun, error) {
	base, err := Allocate(systems, sc)
	if err != nil {
		return nil, err
	}
	return NewRerunFrom(systems, sc, base)
}

// NewRerunFrom is NewRerun for a caller that already holds base, which must
// be Allocate(systems, sc); it saves allocating twice.
func NewRerunFrom(systems []plan.System, sc plan.Scenario, base Allocation) (*Rerun, error) {
	if err := checkScenario(sc); err != nil {
		return nil, err
	}
	n := len(systems)
	r := &Rerun{systems: systems, sc: sc, base: base, unit: sc.Allocation.Unit,
		elig: make([]bool, n), w: make([]uint64, n), c: make([]uint64, n),
		hasCap: sc.Allocation.Cap == plan.CapDeficit}
	t := scenarioTerms(systems, sc)
	r.fast = r.integerTerms(t)
	if !r.fast {
		return r, nil
	}
	r.sortOrder()
	r.rankCodes()
	if !r.prefixSums() {
		r.fast = false
		return r, nil
	}
	f := r.fillBase()
	r.ref = r.newRefSet(f.s, f.W)
	return r, nil
}

// integerTerms converts the scenario's weights and caps to integers (weights
// scaled by one power of ten, caps and pot in units), reporting whether they
// all fit the integer path.
func (r *Rerun) integerTerms(t terms) bool {
	for i := range r.systems {
		if t.eligible[i] && -t.weights[i].Exponent() > r.scale {
			r.scale = -t.weights[i].Exponent()
		}
	}
	if r.sc.Allocation.Method == plan.MethodProRata && r.scale < 2 {
		r.scale = 2 // plans in pence keep the integer path
	}
	if r.scale > 18 {
		return false
	}
	pu, ok := potUnits(r.sc.Pot, r.unit)
	if !ok {
		return false
	}
	r.potU = pu
	var total uint64
	for i := range r.systems {
		if !t.eligible[i] {
			continue
		}
		r.elig[i] = true
		w, ok1 := toUint(t.weights[i], r.scale)
		q, _ := t.caps[i].QuoRem(r.unit, 0)
		c, ok2 := toUint(q, 0)
		if !ok1 || !ok2 {
			return false
		}
		r.w[i], r.c[i] = w, c
		total += w
		if total >= maxFast {
			return false
		}
	}
	r.totalW = total
	return true
}

// potUnits returns pot ÷ unit if it is a whole number below 2^62.
func potUnits(pot, unit decimal.Decimal) (uint64, bool) {
	q, rem := pot.QuoRem(unit, 0)
	if !rem.IsZero() {
		return 0, false
	}
	return toUint(q, 0)
}

// Base is the allocation of the unchanged systems.
func (r *Rerun) Base() Allocation { return r.base }

// Amount returns system j's allocation had its plan been p, exactly as
// Allocate would give it with only that plan changed.
func (r *Rerun) Amount(j int, p decimal.Decimal) (decimal.Decimal, error) {
	a, _, err := r.amount(j, p, r.sc.Pot, false)
	return a, err
}

// AmountPot is Amount with the pot changed too, to pot (a whole number of
// units), as when the pot depends on the plans: exactly Allocate on the
// changed systems with the scenario's pot replaced.
func (r *Rerun) AmountPot(j int, p, pot decimal.Decimal) (decimal.Decimal, error) {
	a, _, err := r.amount(j, p, pot, false)
	return a, err
}

// How a rerun amount was found (for tests).
const (
	viaNaive    = iota // a full Allocate
	viaShortcut        // no sharing needed (not eligible, no weight, unchanged)
	viaPass            // the leftover pass in cap/weight order (extraUnit)
	viaWeight          // the leftover pass in weight order, remainders by table (leftover)
	viaDirect          // the leftover pass in weight order, remainders computed afresh
	viaMemo            // a leftover decision already made
	viaFill            // settled by water-filling alone (capped, nothing left, no leftover units)
	viaGroup           // a group of remainders shared by reruns (rerun_group.go)
)

// naive is the reference: a full allocation of the changed systems.
func (r *Rerun) naive(j int, p, pot decimal.Decimal) (decimal.Decimal, error) {
	changed := slices.Clone(r.systems)
	changed[j].Plan = p
	sc := r.sc
	sc.Pot = pot
	a, err := Allocate(changed, sc)
	if err != nil {
		return decimal.Zero, err
	}
	return a.Shares[j].Amount, nil
}

// Units is AmountPot in whole units, for a caller that values the amount
// in integers: ok is false, with units 0, when the rerun left the integer
// path (or gave j its base amount unchanged), and AmountPot must then give
// the amount.
func (r *Rerun) Units(j int, p, pot decimal.Decimal) (units uint64, ok bool, err error) {
	q, how, err := r.units(j, p, pot, false)
	if err != nil || how == viaNaive || how == viaBase {
		return 0, false, err
	}
	return q, true, nil
}

// viaBase is how units reports j's base amount, unchanged, which it does
// not hold in units.
const viaBase = -1

// amount is Amount with a pot, also saying how the amount was found; plain
// makes the leftover decision by the pass in cap/weight order alone (the
// reference in tests).
func (r *Rerun) amount(j int, p, pot decimal.Decimal, plain bool) (decimal.Decimal, int, error) {
	q, how, err := r.units(j, p, pot, plain)
	switch {
	case err != nil:
		return zero, how, err
	case how == viaBase:
		return r.base.Shares[j].Amount, viaShortcut, nil
	case how == viaNaive:
		a, err := r.naive(j, p, pot)
		return a, viaNaive, err
	case q == 0:
		return zero, how, nil
	}
	return units(q, r.unit), how, nil
}

// units is amount in units: how is viaNaive when the integer path does not
// apply (the caller allocates in full) and viaBase when j's amount is its
// base amount.
func (r *Rerun) units(j int, p, pot decimal.Decimal, plain bool) (uint64, int, error) {
	if j < 0 || j >= len(r.systems) {
		return 0, viaNaive, fmt.Errorf("funding: rerun of system %d of %d", j, len(r.systems))
	}
	potU, ok := r.potU, true
	if !pot.Equal(r.sc.Pot) {
		potU, ok = potUnits(pot, r.unit)
	}
	if !r.fast || !ok {
		return 0, viaNaive, nil
	}
	s := r.systems[j]
	s.Plan = p
	elig, wj, cj, ok := r.unitTerms(s)
	if !ok {
		elig, wj, cj, ok = r.decimalTerms(s)
	}
	if !ok {
		return 0, viaNaive, nil
	}
	if !elig {
		return 0, viaShortcut, nil
	}
	if potU == r.potU && r.elig[j] && wj == r.w[j] && cj == r.c[j] {
		return 0, viaBase, nil
	}
	if wj == 0 {
		return 0, viaShortcut, nil
	}
	q, how, ok := r.share(j, wj, cj, potU, plain)
	if !ok {
		return 0, viaNaive, nil
	}
	return q, how, nil
}
