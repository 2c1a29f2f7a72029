package funding

import (
	"math/bits"
	"slices"
	"sort"
	"sync"
)

// The leftover-unit decision. With P units left for open systems of total
// weight W, a = P div W and b = P mod W, system i's remainder is
// r_i = b·w_i mod W and L = Σ r_i / W units are left over (the sum taken over
// the open systems, j included). j gets one iff fewer than L systems outrank
// it (a larger remainder; ties to the larger weight, then to the code that
// sorts first), that is iff the margin M = Σ r_i − O·W is positive, O the
// number of systems that outrank j (r_j is in the sum, and j does not
// outrank itself).
//
// leftover reads the open systems in weight order, one entry per run of
// equal weights (they share a remainder): between neighbours the remainder
// grows by b·(w_k − w_{k−1}) mod W, one addition and one comparison with a
// table of b·g·d mod W for the gaps d (g the greatest common divisor of the
// weights: plans in whole £000 give gaps of a few units); when the gaps are
// too large for a table, each remainder is computed afresh. The systems
// whose weight equals j's all have j's remainder, so they are counted at once
// (a binary search on code rank), and the others tie with j only if lighter
// (never outrank) or heavier (always outrank): the pass needs no tie test.
// Every chunk it stops if the answer can no longer change (each unread
// system moves M by at most r_j up or W − r_j down).

// refSet is the base allocation's open systems (order[start:]) by weight.
// The pass reads one entry per run of equal weights (split into entries of
// at most maxMult systems, so that a chunk's sum fits an int64) — unless
// runs are rare (fewer than a quarter of the systems share a weight with
// the one before), when each system is an entry of its own (single): the
// pass then needs no multiplicity, and its loop, passSingle, keeps every
// value in registers, which costs less than the entries it saves reading
// (at 100,000 synthetic systems, 13% of them share a weight: 13% less CPU;
// at 1,000,000, 64% do, and merged entries read 2.8 times fewer).
type refSet struct {
	start int
	w     []uint64 // every system's weight, ascending, then code rank ascending
	cr    []int32

	ew      []uint64 // entry weights, ascending
	mult    []uint8  // systems in each entry
	cum     []int    // cum[k] = systems in entries [0, k)
	gap     []uint16 // (ew[k] − ew[k−1])/g (gap[0] = 0), when table
	g       uint64   // greatest common divisor of the weights
	maxGap  int      // largest gap, when table
	maxMult uint64
	table   bool // every gap is below maxTable (and the table is worth making)
	single  bool // every entry is one system

	groups *groups // remainders sorted for pairs many reruns share
}

// maxTable bounds the table of b·g·d mod W a pass makes.
const maxTable = 4096

// tables holds the passes' tables between uses (only T[:maxGap+1] is ever
// written or read, so a table is not cleared).
var tables = sync.Pool{New: func() any { return new([maxTable]uint64) }}

// newRefSet lays out order[start:] by weight; W is the weights' total.
func (r *Rerun) newRefSet(start int, W uint64) refSet {
	open := r.order[start:]
	ws := make([]uint64, len(open))
	crs := make([]int32, len(open))
	for k, i := range open {
		ws[k], crs[k] = r.w[i], r.codeRnk[i]
	}
	return newRefSet(start, ws, crs, W)
}

// newRefSet lays out systems of weights ws (all positive) and code ranks
// crs by weight. Entries hold up to maxMult systems, chosen so that a chunk
// of scanChunk of them, at a total weight up to W, sums within 2^62.
func newRefSet(start int, ws []uint64, crs []int32, W uint64) refSet {
	rs := refSet{start: start, maxMult: min(255, max(1, maxFast/scanChunk/max(W, 1))), groups: &groups{after: groupAfter}}
	type wc struct {
		w  uint64
		cr int32
	}
	items := make([]wc, len(ws))
	for k, w := range ws {
		items[k] = wc{w, crs[k]}
		rs.g = gcd(rs.g, w)
	}
	slices.SortFunc(items, func(a, b wc) int {
		if a.w != b.w {
			if a.w < b.w {
				return -1
			}
			return 1
		}
		return int(a.cr - b.cr)
	})
	distinct := 0
	for k := range items {
		if k == 0 || items[k].w != items[k-1].w {
			distinct++
		}
	}
	if rs.single = 4*distinct > 3*len(items); rs.single {
		rs.maxMult = 1
	}
	rs.w = make([]uint64, len(items))
	rs.cr = make([]int32, len(items))
	rs.cum = []int{0}
	for k, it := range items {
		rs.w[k], rs.cr[k] = it.w, it.cr
		if n := len(rs.ew); n > 0 && rs.ew[n-1] == it.w && uint64(rs.mult[n-1]) < rs.maxMult {
			rs.mult[n-1]++
			rs.cum[n]++
			continue
		}
		rs.ew = append(rs.ew, it.w)
		rs.mult = append(rs.mult, 1)
		rs.cum = append(rs.cum, rs.cum[len(rs.cum)-1]+1)
	}
	rs.layGaps()
	return rs
}

// layGaps sets the gaps between entries, if they all fit a table worth making.
func (rs *refSet) layGaps() {
	rs.table = true
	for k := 1; k < len(rs.ew) && rs.table; k++ {
		d := (rs.ew[k] - rs.ew[k-1]) / rs.g
		rs.table = d < maxTable
		rs.maxGap = max(rs.maxGap, int(d))
	}
	rs.table = rs.table && rs.maxGap <= max(64, len(rs.ew)/2)
	if !rs.table {
		rs.maxGap = 0
		return
	}
	rs.gap = make([]uint16, len(rs.ew))
	for k := 1; k < len(rs.ew); k++ {
		rs.gap[k] = uint16((rs.ew[k] - rs.ew[k-1]) / rs.g)
	}
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// leftTest is one leftover decision: system j (weight wj, remainder rj,
// code rank cr) among open systems of total weight W sharing b (< W).
type leftTest struct {
	b, K, W uint64 // K = floor(b·2^64/W)
	wj, rj  uint64
	cr      int32
}

// rem returns b·w mod W. floor(K·w/2^64) is floor(b·w/W) or one less (all
// values are below 2^62), so one comparison corrects it.
func (lt *leftTest) rem(w uint64) uint64 {
	est, _ := bits.Mul64(lt.K, w)
	x := lt.b*w - est*lt.W
	if x >= lt.W {
		x -= lt.W
	}
	return x
}

// outranks reports whether a system of weight w, remainder x and code rank
// cr outranks j.
func (lt *leftTest) outranks(x, w uint64, cr int32) bool {
	if x != lt.rj {
		return x > lt.rj
	}
	return w > lt.wj || (w == lt.wj && cr < lt.cr)
}

// margin is M = pos − neg, kept as two 128-bit non-negative parts.
type margin struct {
	posHi, posLo, negHi, negLo uint64
}

func (m *margin) addPos(hi, lo uint64) { m.posHi, m.posLo = add128(m.posHi, m.posLo, hi, lo) }
func (m *margin) addNeg(hi, lo uint64) { m.negHi, m.negLo = add128(m.negHi, m.negLo, hi, lo) }

// system adds (sign +1) or takes away (sign −1) one open system's r − W·[outranks].
func (m *margin) system(lt *leftTest, w uint64, cr int32, add bool) {
	x := lt.rem(w)
	var out uint64
	if lt.outranks(x, w, cr) {
		out = lt.W
	}
	if add {
		m.addPos(0, x)
		m.addNeg(0, out)
	} else {
		m.addNeg(0, x)
		m.addPos(0, out)
	}
}

// leftover reports whether j gets a leftover unit, and how that was found.
func (r *Rerun) leftover(ch *changed, f fill, b, wj, rj uint64) (bool, int) {
	K, _ := bits.Div64(b, 0, f.W)
	lt := leftTest{b: b, K: K, W: f.W, wj: wj, rj: rj, cr: r.codeRnk[ch.j]}
	key := leftKey{s: f.s, P: f.P, W: f.W, w: wj}
	shared := ch.old < f.s // j's old place is not among the open systems
	if shared {
		if need, ok := r.memo.load(key); ok {
			return r.ref.before(wj, lt.cr) < need, viaMemo
		}
	}
	d, memoable := r.byWeight(ch, f, &lt)
	if !d.ok {
		return r.byOrder(ch, f, &lt), viaPass
	}
	if shared && memoable {
		r.memo.store(key, d.need)
	}
	extra := d.extra
	if d.grouped {
		return extra, viaGroup
	}
	if !r.ref.table {
		return extra, viaDirect
	}
	return extra, viaWeight
}

// maxCorrections is how many systems between the base allocation's open
// systems and a rerun's may be counted one by one before byWeight gives way
// to byOrder.
func (rs *refSet) maxCorrections() int { return 256 + len(rs.w)/8 }

// byWeight is the pass in weight order over the base allocation's open
// systems, corrected one by one for the systems open in the rerun but not in
// the base (or the reverse) and for j's old place. Its decision has ok =
// false if the corrections would be too many; memoable is whether no
// correction has j's weight, so that the decision's need holds for every
// system that shares j's pot, weights and weight (see decision).
func (r *Rerun) byWeight(ch *changed, f fill, lt *leftTest) (d decision, memoable bool) {
	rs := &r.ref
	if d := f.s - rs.start; d > rs.maxCorrections() || -d > rs.maxCorrections() {
		return decision{}, false
	}
	m := margin{posLo: lt.rj}
	memoable = true
	for k := f.s; k < rs.start; k++ { // open in the rerun, capped in the base
		if i := r.order[k]; k != ch.old {
			m.system(lt, r.w[i], r.codeRnk[i], true)
			memoable = memoable && r.w[i] != lt.wj
		}
	}
	for k := rs.start; k < f.s; k++ { // capped in the rerun, open in the base
		i := r.order[k]
		m.system(lt, r.w[i], r.codeRnk[i], false)
		memoable = memoable && r.w[i] != lt.wj
	}
	if ch.old >= max(f.s, rs.start) {
		m.system(lt, ch.oldW, r.codeRnk[ch.j], false)
	}
	return rs.decide(lt, &m), memoable
}

// decide completes margin m with rs's systems and decides whether j gets a
// leftover unit. The systems of j's weight all have remainder r_j, and the
// out of them whose codes sort before j's outrank j, so they are counted by
// binary search; the others are read by weightPass, which settles the
// answer for every out from 0 to all of them at once where it can, and
// otherwise reads to the end for the exact margin (see decision).
func (rs *refSet) decide(lt *leftTest, m *margin) decision {
	lo, same := rs.sameWeight(lt.wj)
	out := 0
	if same > 0 {
		out = sort.Search(same, func(x int) bool { return rs.cr[lo+x] >= lt.cr })
	}
	if g := rs.lookup(lt); g != nil {
		g.complete(rs, lt, m)
		return exactDecision(m, lt.W, out, same, true)
	}
	if same > 0 {
		m.addPos(bits.Mul64(uint64(same), lt.rj))
		m.addNeg(bits.Mul64(uint64(out), lt.W))
	}
	elo, _ := slices.BinarySearch(rs.ew, lt.wj)
	ehi := elo + sort.Search(len(rs.ew)-elo, func(x int) bool { return rs.ew[elo+x] != lt.wj })
	var T *[maxTable]uint64
	if rs.table {
		T = tables.Get().(*[maxTable]uint64)
		defer tables.Put(T)
	}
	p, ok := newWeightPass(rs, lt, m, elo, ehi, T)
	if !ok {
		return decision{}
	}
	p.below, p.above = uint64(out), uint64(same-out)
	yes, every := p.run()
	if !every {
		return exactDecision(m, lt.W, out, same, false)
	}
	d := decision{extra: yes, ok: true}
	if yes {
		d.need = same + 1
	}
	return d
}
