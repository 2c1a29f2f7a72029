package funding

import (
	"math/bits"
	"slices"
	"sort"
	"sync"
)

// decision is one leftover decision, for j and for every system that could
// stand in its place: one that shares j's pot, weights left and weight and
// differs only in its code. Such a system gets a leftover unit iff fewer
// than need of the open systems of that weight have codes that sort before
// its own (they outrank it on a tie). For j itself that is extra.
//
// With M the margin for j (see leftover), out the systems of j's weight
// before j and X = M + out·W the margin had none of them outranked it, a
// system with o of them before it has margin X − o·W, so need is the number
// of o from 0 up for which that is positive: ceil(X/W), at most all of them
// and one more.
type decision struct {
	extra   bool
	need    int
	grouped bool // a group (rerun_group.go) stood in for the pass
	ok      bool // false: W is too large for the refSet's entries
}

// exactDecision is the decision from m, j's exact margin, with out of the
// same systems of j's weight before j.
func exactDecision(m *margin, W uint64, out, same int, grouped bool) decision {
	d := decision{grouped: grouped, ok: true}
	oh, ol := bits.Mul64(uint64(out), W)
	xh, xl := add128(m.posHi, m.posLo, oh, ol)
	if gt128(xh, xl, m.negHi, m.negLo) {
		xh, xl = sub128(xh, xl, m.negHi, m.negLo)
		if xh >= W {
			d.need = same + 1
		} else {
			q, r := bits.Div64(xh, xl, W)
			if r > 0 {
				q++
			}
			d.need = int(min(q, uint64(same)+1))
		}
	}
	d.extra = out < d.need
	return d
}

// sub128 is a − b for a ≥ b.
func sub128(ah, al, bh, bl uint64) (uint64, uint64) {
	lo, borrow := bits.Sub64(al, bl, 0)
	hi, _ := bits.Sub64(ah, bh, borrow)
	return hi, lo
}

// sameWeight is where the systems of weight w start in rs.w, and how many
// there are.
func (rs *refSet) sameWeight(w uint64) (lo, n int) {
	lo, _ = slices.BinarySearch(rs.w, w)
	n = sort.Search(len(rs.w)-lo, func(x int) bool { return rs.w[lo+x] != w })
	return lo, n
}

// before is how many of rs's systems of weight w have a code rank below cr.
func (rs *refSet) before(w uint64, cr int32) int {
	lo, n := rs.sameWeight(w)
	return sort.Search(n, func(x int) bool { return rs.cr[lo+x] >= cr })
}

// leftKey identifies a leftover decision that does not depend on j itself:
// the open systems other than j are order[s:], and no correction between
// them and the refSet has j's weight.
type leftKey struct {
	s       int
	P, W, w uint64
}

// decisions is a table of leftover decisions (their need), safe for
// concurrent use.
type decisions struct {
	mu sync.RWMutex
	m  map[leftKey]int
}

func (d *decisions) load(k leftKey) (need int, ok bool) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	need, ok = d.m[k]
	return need, ok
}

func (d *decisions) store(k leftKey, need int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.m == nil {
		d.m = make(map[leftKey]int)
	}
	d.m[k] = need
}
