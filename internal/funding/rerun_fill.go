package funding

import (
	"math/bits"
	"sort"
)

// changed is a rerun's view of the order of cap/weight: the base order with
// system j taken out (if it was there) and put back, with its new weight and
// cap, at its new place.
type changed struct {
	r       *Rerun
	j       int
	old     int    // j's place in the base order, −1 if it was not there
	ins     int    // j's place in the changed order
	n       int    // length of the changed order
	wj, cj  uint64 // j's new weight and cap
	W       uint64 // Σ weights of the eligible systems after the change
	oldC    uint64 // j's base cap and weight, when old ≥ 0
	oldW    uint64
	without int // length of the base order without j
}

// fill is the outcome of water-filling in a rerun.
type fill struct {
	capped bool   // j is fixed at its cap
	s      int    // the open systems other than j are order[s:], less j's old place
	P, W   uint64 // pot and weights left for the open systems, j included
}

// newChanged places j, with weight wj > 0 and cap cj, in the order. It
// reports false when the weights no longer fit the integer path.
func (r *Rerun) newChanged(j int, wj, cj uint64) (changed, bool) {
	ch := changed{r: r, j: j, old: -1, wj: wj, cj: cj, without: len(r.order)}
	W := r.totalW
	if r.elig[j] {
		W -= r.w[j]
	}
	W += wj
	if W >= maxFast || W < wj {
		return ch, false
	}
	ch.W = W
	if p := r.posOf[j]; p >= 0 {
		ch.old, ch.oldC, ch.oldW = int(p), r.c[j], r.w[j]
		ch.without--
	}
	// j's new place: the number of other systems whose (cap/weight, index)
	// sorts before (cj/wj, j).
	at := sort.Search(len(r.order), func(x int) bool {
		i := r.order[x]
		if c := cmp128(r.c[i], wj, cj, r.w[i]); c != 0 {
			return c > 0
		}
		return int(i) >= j
	})
	ch.ins = at
	if ch.old >= 0 && ch.old < at {
		ch.ins--
	}
	ch.n = ch.without + 1
	return ch, true
}

// basePos is the base order position of place y of the order without j.
func (ch *changed) basePos(y int) int {
	if ch.old >= 0 && y >= ch.old {
		return y + 1
	}
	return y
}

// prefix returns Σ caps and Σ weights of the first k places of the changed order.
func (ch *changed) prefix(k int) (sumC, sumW uint64) {
	withJ := k > ch.ins
	if withJ {
		k--
	}
	r := ch.r
	if ch.old >= 0 && k > ch.old {
		sumC, sumW = r.preC[k+1]-ch.oldC, r.preW[k+1]-ch.oldW
	} else {
		sumC, sumW = r.preC[k], r.preW[k]
	}
	if withJ {
		sumC += ch.cj
		sumW += ch.wj
	}
	return sumC, sumW
}

// at returns the cap and weight at place k of the changed order.
func (ch *changed) at(k int) (c, w uint64) {
	switch {
	case k == ch.ins:
		return ch.cj, ch.wj
	case k > ch.ins:
		k--
	}
	i := ch.r.order[ch.basePos(k)]
	return ch.r.c[i], ch.r.w[i]
}

// settled reports whether water-filling stops with the first k places of
// the changed order at their caps: the next system's share of what is left
// does not exceed its cap (P_k·w ≤ c·W_k). It is false below the capped
// prefix and true from it on (if one system's share fits its cap, the
// average share of the rest can only fall, and their caps, in cap/weight
// order, only rise), so the prefix is found by binary search.
func (ch *changed) settled(k int, P uint64) bool {
	if k >= ch.n {
		return true
	}
	sumC, sumW := ch.prefix(k)
	if sumC >= P {
		return true
	}
	c, w := ch.at(k)
	return cmp128(P-sumC, w, c, ch.W-sumW) <= 0
}

// waterFill runs water-filling of P units on the changed order.
func (ch *changed) waterFill(P uint64) fill {
	k := 0
	if ch.r.hasCap {
		k = sort.Search(ch.n, func(k int) bool { return ch.settled(k, P) })
	}
	sumC, sumW := ch.prefix(k)
	f := fill{capped: ch.ins < k, s: k}
	if ch.old >= 0 && ch.old <= k {
		f.s++ // j's old place was in the capped prefix or is where the open systems begin
	}
	if !f.capped {
		f.P, f.W = P-sumC, ch.W-sumW
	}
	return f
}

// fillBase is water-filling of the unchanged systems: where their open
// systems begin in order.
func (r *Rerun) fillBase() fill {
	k := 0
	if r.hasCap {
		k = sort.Search(len(r.order), func(k int) bool {
			i := r.order[k]
			if r.preC[k] >= r.potU {
				return true
			}
			return cmp128(r.potU-r.preC[k], r.w[i], r.c[i], r.totalW-r.preW[k]) <= 0
		})
	}
	return fill{s: k, P: r.potU - min(r.potU, r.preC[k]), W: r.totalW - r.preW[k]}
}

// share is system j's allocation in units, with weight wj > 0 and cap cj,
// when the pot is P units (plain: see amount). It reports false when the
// figures leave the integer path.
func (r *Rerun) share(j int, wj, cj, P uint64, plain bool) (uint64, int, bool) {
	ch, ok := r.newChanged(j, wj, cj)
	if !ok {
		return 0, viaNaive, false
	}
	f := ch.waterFill(P)
	if f.capped {
		return cj, viaFill, true
	}
	if f.P == 0 {
		return 0, viaFill, true
	}
	// P·w/W = a·w + b·w/W with a = P div W, b = P mod W < W, so j's floor is
	// a·w_j + floor(b·w_j/W) and every remainder is b·w mod W.
	a, b := f.P/f.W, f.P%f.W
	hj, lj := bits.Mul64(b, wj)
	qj, rj := bits.Div64(hj, lj, f.W)
	qj += a * wj
	if b == 0 || rj == 0 {
		// No leftover units, or j's remainder is 0: no extra unit (L·W = Σ
		// remainders, and with r_j = 0 every other system outranks j or adds 0).
		return qj, viaFill, true
	}
	var extra bool
	how := viaPass
	if plain {
		K, _ := bits.Div64(b, 0, f.W)
		extra = r.byOrder(&ch, f, &leftTest{b: b, K: K, W: f.W, wj: wj, rj: rj, cr: r.codeRnk[j]})
	} else {
		extra, how = r.leftover(&ch, f, b, wj, rj)
	}
	if extra {
		qj++
	}
	return qj, how, true
}
