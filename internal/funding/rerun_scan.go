package funding

import "math/bits"

// scanChunk is how many systems a leftover pass reads between checks of
// whether its answer is already settled.
const scanChunk = 256

// weightPass reads the base open systems in weight order, one entry per
// run of equal weights, in two segments: the entries lighter than j
// ([0, lo), a tie does not outrank j) and those heavier ([hi, len), a tie
// does).
type weightPass struct {
	rs     *refSet
	lt     *leftTest
	m      *margin
	lo, hi int
	cs     int               // entries per half between checks
	T      *[maxTable]uint64 // T[d] = b·g·d mod W, when rs.table
	// below and above are the systems of j's weight whose codes sort before
	// and after j's: the answer is settled only when it holds however many
	// of them outrank j (see decision).
	below, above uint64
}

// newWeightPass prepares the pass, reporting false if W is too large for
// rs's entries.
func newWeightPass(rs *refSet, lt *leftTest, m *margin, lo, hi int, T *[maxTable]uint64) (weightPass, bool) {
	// A chunk (cs entries per half) must sum within an int64: 2·cs·maxMult·W < 2^63.
	cs := int(min(scanChunk/2, (uint64(1)<<63-1)/(2*rs.maxMult)/lt.W))
	p := weightPass{rs: rs, lt: lt, m: m, lo: lo, hi: hi, cs: cs, T: T}
	if rs.table {
		bg := lt.rem(rs.g)
		T[0] = 0
		for d := 1; d <= rs.maxGap; d++ {
			x := T[d-1] + bg
			if x >= lt.W {
				x -= lt.W
			}
			T[d] = x
		}
	}
	return p, cs > 0
}

// one adds entry k to the margin: its systems' remainder x (all the same)
// less W if x > th.
func (p *weightPass) one(k int, th uint64) uint64 {
	x := p.lt.rem(p.rs.ew[k])
	n := uint64(p.rs.mult[k])
	if x > th {
		p.m.addNeg(bits.Mul64(n, p.lt.W-x))
	} else {
		p.m.addPos(bits.Mul64(n, x))
	}
	return x
}

// run reports whether j gets a leftover unit, and every: whether that holds
// however many of the systems of j's weight outrank j. When it does not, the
// pass has read every system and the margin is exact. Each segment is read
// as two halves side by side, two independent chains.
func (p *weightPass) run() (yes, every bool) {
	rs, lt, cum := p.rs, p.lt, p.rs.cum
	n := len(rs.ew)
	unread := uint64(cum[p.lo] + cum[n] - cum[p.hi])
	segs := [2][3]uint64{{0, uint64(p.lo), lt.rj}, {uint64(p.hi), uint64(n), lt.rj - 1}}
	for _, sg := range segs {
		from, to, th := int(sg[0]), int(sg[1]), sg[2]
		h := (to - from) / 2
		if (to-from)%2 == 1 {
			p.one(to-1, th) // the odd one out
			unread -= uint64(rs.mult[to-1])
		}
		if h == 0 {
			continue
		}
		a, b := from, from+h
		xa, xb := p.one(a, th), p.one(b, th)
		unread -= uint64(rs.mult[a]) + uint64(rs.mult[b])
		for k := 1; k < h; {
			end := min(k+p.cs, h)
			var s int64
			switch {
			case rs.table && rs.single:
				xa, xb, s = passSingle(rs.gap[a+k:a+end], rs.gap[b+k:b+end], p.T, lt.W, th, xa, xb)
			case rs.table:
				xa, xb, s = passTable(rs.gap[a+k:a+end], rs.gap[b+k:b+end], rs.mult[a+k:a+end], rs.mult[b+k:b+end], p.T, lt.W, th, xa, xb)
			default:
				s = passDirect(rs.ew[a+k:a+end], rs.ew[b+k:b+end], rs.mult[a+k:a+end], rs.mult[b+k:b+end], lt.b, lt.K, lt.W, th)
			}
			if s >= 0 {
				p.m.addPos(0, uint64(s))
			} else {
				p.m.addNeg(0, uint64(-s))
			}
			unread -= uint64(cum[a+end] - cum[a+k] + cum[b+end] - cum[b+k])
			k = end
			if yes, done := p.settled(unread); done {
				return yes, true
			}
		}
	}
	if yes, done := p.settled(0); done {
		return yes, true
	}
	return gt128(p.m.posHi, p.m.posLo, p.m.negHi, p.m.negLo), false
}

// passTable continues the pass over one chunk of each half: xa and xb are
// the remainders of the entries before them, and each remainder adds
// T[gap] (mod W). It returns the last remainders and the chunk's part of the
// margin, Σ mult·(x − W·[x > th]) (th = r_j: larger remainders outrank j;
// th = r_j − 1 for the heavier systems, whose ties outrank j too; r_j ≥ 1
// here), which the caller keeps within an int64.
func passTable(ga, gb []uint16, ma, mb []uint8, T *[maxTable]uint64, W, th, xa, xb uint64) (uint64, uint64, int64) {
	gb, ma, mb = gb[:len(ga)], ma[:len(ga)], mb[:len(ga)]
	var s int64
	for k, da := range ga {
		xa += T[da%maxTable]
		if xa >= W {
			xa -= W
		}
		xb += T[gb[k]%maxTable]
		if xb >= W {
			xb -= W
		}
		ya, yb := int64(xa), int64(xb)
		if xa > th {
			ya -= int64(W)
		}
		if xb > th {
			yb -= int64(W)
		}
		s += ya*int64(ma[k]) + yb*int64(mb[k])
	}
	return xa, xb, s
}

// passSingle is passTable when every entry is one system: with no
// multiplicity to load and multiply, the compiler keeps every value in
// registers (passTable pushes a remainder out to memory and back each
// step).
func passSingle(ga, gb []uint16, T *[maxTable]uint64, W, th, xa, xb uint64) (uint64, uint64, int64) {
	gb = gb[:len(ga)]
	var s int64
	for k, da := range ga {
		xa += T[da%maxTable]
		if xa >= W {
			xa -= W
		}
		xb += T[gb[k]%maxTable]
		if xb >= W {
			xb -= W
		}
		ya, yb := int64(xa), int64(xb)
		if xa > th {
			ya -= int64(W)
		}
		if xb > th {
			yb -= int64(W)
		}
		s += ya + yb
	}
	return xa, xb, s
}

// passDirect is passTable for gaps too large for a table: each remainder
// b·w mod W is computed afresh, floor(K·w/2^64) being floor(b·w/W) or one
// less.
func passDirect(wa, wb []uint64, ma, mb []uint8, b, K, W, th uint64) int64 {
	wb, ma, mb = wb[:len(wa)], ma[:len(wa)], mb[:len(wa)]
	var s int64
	for k, w := range wa {
		ea, _ := bits.Mul64(K, w)
		xa := b*w - ea*W
		if xa >= W {
			xa -= W
		}
		v := wb[k]
		eb, _ := bits.Mul64(K, v)
		xb := b*v - eb*W
		if xb >= W {
			xb -= W
		}
		ya, yb := int64(xa), int64(xb)
		if xa > th {
			ya -= int64(W)
		}
		if xb > th {
			yb -= int64(W)
		}
		s += ya*int64(ma[k]) + yb*int64(mb[k])
	}
	return s
}

// settled reports whether the answer is known with unread systems still to
// read, however many of the systems of j's weight outrank j: yes when
// M − above·W > unread·(W − r_j), the most it can still fall; no when
// M + below·W + unread·r_j ≤ 0, the most it can still rise (M counts the
// below systems as outranking j, the above ones as not).
func (p *weightPass) settled(unread uint64) (yes, done bool) {
	lt, m := p.lt, p.m
	posHi, posLo, negHi, negLo := m.posHi, m.posLo, m.negHi, m.negLo
	uh, ul := bits.Mul64(unread, lt.W-lt.rj)
	ah, al := bits.Mul64(p.above, lt.W)
	th, tl := add128(negHi, negLo, uh, ul)
	if th, tl = add128(th, tl, ah, al); gt128(posHi, posLo, th, tl) {
		return true, true
	}
	vh, vl := bits.Mul64(unread, lt.rj)
	bh, bl := bits.Mul64(p.below, lt.W)
	ph, pl := add128(posHi, posLo, vh, vl)
	if ph, pl = add128(ph, pl, bh, bl); !gt128(ph, pl, negHi, negLo) {
		return false, true
	}
	return false, false
}

// byOrder is the pass in cap/weight order over the open systems other than
// j (order[s:] less j's old place): the fallback, and the reference in tests.
func (r *Rerun) byOrder(ch *changed, f fill, lt *leftTest) bool {
	lo, hi := f.s, len(r.order)
	segs, crs := [2][]uint64{r.ow[lo:hi]}, [2][]int32{r.ocr[lo:hi]}
	if pj := ch.old; pj >= lo { // skip j's old place
		segs = [2][]uint64{r.ow[lo:pj], r.ow[pj+1 : hi]}
		crs = [2][]int32{r.ocr[lo:pj], r.ocr[pj+1 : hi]}
	}
	return extraUnit(segs, crs, lt.K, lt.b, lt.W, lt.wj, lt.rj, lt.cr)
}

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

// add128 returns (ah,al) + (bh,bl).
func add128(ah, al, bh, bl uint64) (uint64, uint64) {
	lo, c := bits.Add64(al, bl, 0)
	return ah + bh + c, lo
}

// gt128 reports whether (ah,al) > (bh,bl).
func gt128(ah, al, bh, bl uint64) bool { return ah > bh || (ah == bh && al > bl) }
