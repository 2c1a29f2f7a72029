package xlsxw

import (
	"cmp"
	"math/bits"
	"slices"
)

// The Huffman codes of a deflate block (RFC 1951, 3.2.2): code lengths
// made from the symbols' counts, limited to a most length, and the
// canonical codes those lengths give, bit-reversed for deflate's
// least-significant-bit-first order.

// huffNode is a symbol or a subtree, with its count, while the lengths are
// made.
type huffNode struct {
	count int64
	sym   int32 // the symbol, or -1 for a subtree
	left  int32 // a subtree's children, indexes into the node list
	right int32
}

// huffLengths sets lengths[s] to the length of symbol s's code for the
// counts freq, none longer than maxBits; unused symbols get 0. At least two
// symbols get a code (symbols 0 and 1 are given a count if need be), so
// the code is always complete, as every inflater accepts.
func huffLengths(freq []int64, maxBits int, lengths []uint8) {
	f := make([]int64, len(freq))
	copy(f, freq)
	used := 0
	for _, c := range f {
		if c > 0 {
			used++
		}
	}
	for s := 0; used < 2; s++ {
		if f[s] == 0 {
			f[s] = 1
			used++
		}
	}
	for {
		if huffTry(f, maxBits, lengths) {
			return
		}
		for s, c := range f { // flatten the counts and try again
			if c > 0 {
				f[s] = c>>1 | 1
			}
		}
	}
}

// huffTry makes an optimal code for the counts f into lengths and reports
// whether it keeps to maxBits.
func huffTry(f []int64, maxBits int, lengths []uint8) bool {
	nodes := make([]huffNode, 0, 2*len(f))
	for s, c := range f {
		if c > 0 {
			nodes = append(nodes, huffNode{count: c, sym: int32(s), left: -1, right: -1})
		}
	}
	slices.SortStableFunc(nodes, func(a, b huffNode) int { return cmp.Compare(a.count, b.count) })
	leaves := len(nodes)
	// Two queues: the leaves in count order, and the subtrees, which are
	// made in count order.
	li, si := 0, leaves
	pick := func() int32 {
		if li < leaves && (si >= len(nodes) || nodes[li].count <= nodes[si].count) {
			li++
			return int32(li - 1)
		}
		si++
		return int32(si - 1)
	}
	for n := leaves; n > 1; n-- {
		a, b := pick(), pick()
		nodes = append(nodes, huffNode{count: nodes[a].count + nodes[b].count, sym: -1, left: a, right: b})
	}
	clear(lengths)
	depth := make([]uint8, len(nodes))
	for i := len(nodes) - 1; i >= 0; i-- { // parents come after their children
		nd := nodes[i]
		if nd.sym >= 0 {
			if int(depth[i]) > maxBits {
				return false
			}
			lengths[nd.sym] = depth[i]
			continue
		}
		depth[nd.left], depth[nd.right] = depth[i]+1, depth[i]+1
	}
	return true
}

// huffCodes sets codes[s] to symbol s's canonical code for the lengths,
// bit-reversed, ready to be written least significant bit first.
func huffCodes(lengths []uint8, codes []uint16) {
	var count [16]int
	for _, n := range lengths {
		count[n]++
	}
	count[0] = 0
	var next [16]int
	code := 0
	for n := 1; n < 16; n++ {
		code = (code + count[n-1]) << 1
		next[n] = code
	}
	for s, n := range lengths {
		if n == 0 {
			codes[s] = 0
			continue
		}
		codes[s] = bits.Reverse16(uint16(next[n])) >> (16 - n)
		next[n]++
	}
}
