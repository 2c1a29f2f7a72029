package funding

import (
	"cmp"
	"slices"
	"strings"
)

// sortOrder puts the eligible systems with weight in order of cap/weight,
// then index, and notes each one's place.
func (r *Rerun) sortOrder() {
	for i := range r.systems {
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
	r.posOf = make([]int32, len(r.systems))
	for i := range r.posOf {
		r.posOf[i] = -1
	}
	for k, i := range r.order {
		r.posOf[i] = int32(k)
	}
}

// rankCodes ranks the systems by (code, index) and lays out the weights and
// code ranks in order.
func (r *Rerun) rankCodes() {
	// The codes side by side, each with its first 8 bytes as a big-endian
	// number (zero-padded), which orders as the code does, up to ties that
	// the code itself settles.
	type coded struct {
		head uint64
		code string
		i    int32
	}
	idx := make([]coded, len(r.systems))
	for i := range idx {
		c := r.systems[i].Code
		var h uint64
		for k := range 8 {
			h <<= 8
			if k < len(c) {
				h |= uint64(c[k])
			}
		}
		idx[i] = coded{h, c, int32(i)}
	}
	slices.SortFunc(idx, func(a, b coded) int {
		if a.head != b.head {
			return cmp.Compare(a.head, b.head)
		}
		if c := strings.Compare(a.code, b.code); c != 0 {
			return c
		}
		return int(a.i - b.i)
	})
	r.codeRnk = make([]int32, len(idx))
	for k, c := range idx {
		r.codeRnk[c.i] = int32(k)
	}
	r.ow = make([]uint64, len(r.order))
	r.ocr = make([]int32, len(r.order))
	for k, i := range r.order {
		r.ow[k], r.ocr[k] = r.w[i], r.codeRnk[i]
	}
}

// prefixSums fills preC and preW, reporting whether the caps sum below 2^62
// (the weights always do).
func (r *Rerun) prefixSums() bool {
	m := len(r.order)
	r.preC = make([]uint64, m+1)
	r.preW = make([]uint64, m+1)
	for k, i := range r.order {
		r.preC[k+1] = r.preC[k] + r.c[i]
		r.preW[k+1] = r.preW[k] + r.w[i]
		if r.preC[k+1] >= maxFast {
			return false
		}
	}
	return true
}
