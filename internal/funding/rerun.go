package funding

import (
	"math/big"
	"math/bits"
	"slices"
	"strings"

	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// Rerun answers "what would system j have been allocated had its plan been
// p, everything else unchanged?" exactly as Allocate on the changed systems
// would, but in one pass of machine-integer arithmetic over the systems still
// sharing the pot instead of a whole decimal allocation. A Rerun is safe for
// concurrent use by several goroutines.
//
// How: allocations are counted in units, weights scaled by one power of ten
// to integers. Water-filling caps, pass by pass, the systems whose share
// exceeds their cap (pot·w_i > cap_i·W); because the cap-to-weight ratio
// decides, the systems capped in each pass are the next ones in the order of
// cap_i/w_i, sorted once. The pot left, P, is then shared: each open system
// gets floor(P·w_i/W) units and the leftover units go to the largest
// remainders (P·w_i mod W), ties to the larger weight, then to the code that
// sorts first — so system j's extra unit depends only on how many systems
// outrank it. When a figure does not fit the integer path, Amount falls back
// to a full Allocate.
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
	totalW  uint64   // Σ w over eligible systems
	order   []int32  // eligible systems with positive weight by cap/weight ascending, then index
	codeRnk []int32  // rank of (code, index)
	ow      []uint64 // weights in the order of order, for a cache-friendly pass
	ocr     []int32  // code ranks in the order of order
	posOf   []int    // each system's place in order, −1 if not there
}

const maxFast = uint64(1) << 62

// toUint returns d·10^scale as a uint64 if it is a non-negative integer
// below 2^62.
func toUint(d decimal.Decimal, scale int32) (uint64, bool) {
	if d.IsNegative() {
		return 0, false
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
	r.scale = 0
	for i := range systems {
		if t.eligible[i] && -t.weights[i].Exponent() > r.scale {
			r.scale = -t.weights[i].Exponent()
		}
	}
	if sc.Allocation.Method == plan.MethodProRata && r.scale < 2 {
		r.scale = 2 // plans in pence keep the integer path
	}
	r.fast = r.scale <= 18
	pq, prem := sc.Pot.QuoRem(r.unit, 0)
	pu, ok := toUint(pq, 0)
	if !ok || !prem.IsZero() {
		r.fast = false
	}
	r.potU = pu
	var total uint64
	for i := range systems {
		if !r.fast || !t.eligible[i] {
			continue
		}
		r.elig[i] = true
		w, ok1 := toUint(t.weights[i], r.scale)
		q, _ := t.caps[i].QuoRem(r.unit, 0)
		c, ok2 := toUint(q, 0)
		if !ok1 || !ok2 {
			r.fast = false
			break
		}
		r.w[i], r.c[i] = w, c
		total += w
		if total >= maxFast {
			r.fast = false
		}
	}
	r.totalW = total
	if !r.fast {
		return r, nil
	}
	for i := range systems {
		if r.elig[i] && r.w[i] > 0 {
			r.order = append(r.order, int32(i))
		}
	}
	slices.SortFunc(r.order, func(a, b int32) int {
		// c_a/w_a vs c_b/w_b: c_a·w_b vs c_b·w_a
		if x := cmp128(r.c[a], r.w[b], r.c[b], r.w[a]); x != 0 {
			return x
		}
		return int(a - b)
	})
	idx := make([]int32, n)
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int {
		if x := strings.Compare(systems[a].Code, systems[b].Code); x != 0 {
			return x
		}
		return int(a - b)
	})
	r.codeRnk = make([]int32, n)
	for k, i := range idx {
		r.codeRnk[i] = int32(k)
	}
	r.posOf = make([]int, n)
	for i := range r.posOf {
		r.posOf[i] = -1
	}
	for k, i := range r.order {
		r.posOf[i] = k
	}
	r.ow = make([]uint64, len(r.order))
	r.ocr = make([]int32, len(r.order))
	for k, i := range r.order {
		r.ow[k], r.ocr[k] = r.w[i], r.codeRnk[i]
	}
	return r, nil
}

// Base is the allocation of the unchanged systems.
func (r *Rerun) Base() Allocation { return r.base }

// cmp128 compares a·b with c·d exactly.
func cmp128(a, b, c, d uint64) int {
	h1, l1 := bits.Mul64(a, b)
	h2, l2 := bits.Mul64(c, d)
	switch {
	case h1 != h2:
		if h1 < h2 {
			return -1
		}
		return 1
	case l1 != l2:
		if l1 < l2 {
			return -1
		}
		return 1
	}
	return 0
}

// scanChunk is how many systems extraUnit reads between checks of whether
// its answer is already settled.
const scanChunk = 256

// extraUnit reports whether system j — remainder rj, weight wj, code rank
// cr — receives one of the leftover units when the pot's fractional part b
// (b < W) is shared over the other open systems, whose weights and code
// ranks come in up to two segments (j's own place left out). K is
// floor(b·2^64/W).
//
// The leftover count L satisfies L·W = S, the sum of all remainders (r_j
// included), so j gets a unit iff fewer than L systems outrank it: O·W < S,
// O the count of systems with a larger remainder (ties: larger weight, then
// earlier code). Each system not yet read changes S − O·W by at most r_j up
// or W − r_j down, so the pass stops as soon as the answer can no longer
// change: on average about halfway. Remainders are computed without a
// division: floor(K·w/2^64) is the quotient or one less, corrected by
// comparing the remainder with W; all values are below 2^62, so the low
// words of the products suffice and the comparison with r_j is branch-free.
// Sums and products are kept in 128 bits.
func extraUnit(segs [2][]uint64, crs [2][]int32, K, b, W, wj, rj uint64, cr int32) bool {
	sHi, sLo := uint64(0), rj // S
	var O uint64
	left := uint64(len(segs[0]) + len(segs[1]))
	for g := range segs {
		ow := segs[g]
		ocr := crs[g][:len(ow)]
		for start := 0; start < len(ow); start += scanChunk {
			end := min(start+scanChunk, len(ow))
			for k := start; k < end; k++ {
				wi := ow[k]
				est, _ := bits.Mul64(K, wi)
				rem := b*wi - est*W // the true remainder or W more: below 2W < 2^63
				if rem >= W {
					rem -= W
				}
				var carry uint64
				sLo, carry = bits.Add64(sLo, rem, 0)
				sHi += carry
				O += (rj - rem) >> 63 // 1 when rem > rj
				if rem == rj && (wi > wj || (wi == wj && ocr[k] < cr)) {
					O++
				}
			}
			left -= uint64(end - start)
			oh, ol := bits.Mul64(O, W)
			// Settled yes: S − O·W > left·(W − r_j), the most it can still fall.
			rh, rl := bits.Mul64(left, W-rj)
			if th, tl := add128(oh, ol, rh, rl); gt128(sHi, sLo, th, tl) {
				return true
			}
			// Settled no: S − O·W + left·r_j ≤ 0, the most it can still rise.
			uh, ul := bits.Mul64(left, rj)
			if vh, vl := add128(sHi, sLo, uh, ul); !gt128(vh, vl, oh, ol) {
				return false
			}
		}
	}
	oh, ol := bits.Mul64(O, W)
	return gt128(sHi, sLo, oh, ol)
}

// add128 returns (ah,al) + (bh,bl).
func add128(ah, al, bh, bl uint64) (uint64, uint64) {
	lo, c := bits.Add64(al, bl, 0)
	return ah + bh + c, lo
}

// gt128 reports whether (ah,al) > (bh,bl).
func gt128(ah, al, bh, bl uint64) bool { return ah > bh || (ah == bh && al > bl) }

// naive is the reference: a full allocation of the changed systems.
func (r *Rerun) naive(j int, p decimal.Decimal) (decimal.Decimal, error) {
	changed := slices.Clone(r.systems)
	changed[j].Plan = p
	a, err := Allocate(changed, r.sc)
	if err != nil {
		return decimal.Zero, err
	}
	return a.Shares[j].Amount, nil
}

// Amount returns system j's allocation had its plan been p, exactly as
// Allocate would give it with only that plan changed.
func (r *Rerun) Amount(j int, p decimal.Decimal) (decimal.Decimal, error) {
	a, _, err := r.amount(j, p)
	return a, err
}

// How a rerun amount was found (for tests).
const (
	viaNaive = iota
	viaShortcut
	viaPass
)

func (r *Rerun) amount(j int, p decimal.Decimal) (decimal.Decimal, int, error) {
	if !r.fast {
		a, err := r.naive(j, p)
		return a, viaNaive, err
	}
	s := r.systems[j]
	s.Plan = p
	elig, _, wd, cd, _ := systemTerms(s, r.sc)
	if !elig {
		return zero, viaShortcut, nil
	}
	wj, ok1 := toUint(wd, r.scale)
	cq, _ := cd.QuoRem(r.unit, 0)
	cj, ok2 := toUint(cq, 0)
	if !ok1 || !ok2 {
		a, err := r.naive(j, p)
		return a, viaNaive, err
	}
	if r.elig[j] && wj == r.w[j] && cj == r.c[j] {
		return r.base.Shares[j].Amount, viaShortcut, nil
	}
	if wj == 0 {
		return zero, viaShortcut, nil
	}
	W := r.totalW - r.w[j] + wj
	if W >= maxFast || W < wj {
		a, err := r.naive(j, p)
		return a, viaNaive, err
	}
	P := r.potU
	pos := 0 // next position in order not yet capped
	jCapped := false
	if r.hasCap {
		for {
			var sumC, sumW uint64
			for pos < len(r.order) {
				i := r.order[pos]
				if int(i) == j {
					pos++
					continue
				}
				if cmp128(P, r.w[i], r.c[i], W) <= 0 {
					break
				}
				sumC += r.c[i]
				sumW += r.w[i]
				pos++
			}
			newJ := !jCapped && cmp128(P, wj, cj, W) > 0
			if newJ {
				jCapped = true
				sumC += cj
				sumW += wj
			}
			if sumW == 0 && !newJ {
				break
			}
			P -= sumC
			W -= sumW
			if W == 0 || jCapped {
				break
			}
		}
	}
	if jCapped {
		return decimal.NewFromBigInt(new(big.Int).SetUint64(cj), 0).Mul(r.unit), viaPass, nil
	}
	if P == 0 {
		return zero, viaPass, nil
	}
	// Share P units over the open systems: order[pos:] without j, plus j.
	// P·w/W = a·w + b·w/W with a = P div W, b = P mod W < W, so j's floor is
	// a·w_j + floor(b·w_j/W) and every remainder is b·w mod W.
	a, b := P/W, P%W
	K, _ := bits.Div64(b, 0, W)
	hj, lj := bits.Mul64(b, wj)
	qj, rj := bits.Div64(hj, lj, W)
	qj += a * wj
	lo, hi := pos, len(r.order)
	segs, crs := [2][]uint64{r.ow[lo:hi]}, [2][]int32{r.ocr[lo:hi]}
	if pj := r.posOf[j]; pj >= lo { // skip j's own place in order
		segs = [2][]uint64{r.ow[lo:pj], r.ow[pj+1 : hi]}
		crs = [2][]int32{r.ocr[lo:pj], r.ocr[pj+1 : hi]}
	}
	if extraUnit(segs, crs, K, b, W, wj, rj, r.codeRnk[j]) {
		qj++
	}
	return decimal.NewFromBigInt(new(big.Int).SetUint64(qj), 0).Mul(r.unit), viaPass, nil
}
