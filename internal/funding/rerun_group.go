package funding

import (
	"math/bits"
	"slices"
	"sort"
	"sync"
)

// Leftover decisions shared by many reruns. The remainders of the base
// allocation's open systems, b·w mod W, depend only on b and W, the pot's
// fractional part and the weights left for the open systems. Reruns that
// move j's weight by the same amount without changing which caps bind —
// the strategy table's marginal £1m, which every deficit system takes —
// share b and W. For such a pair the remainders are computed once and
// sorted in the order in which they outrank one another; each rerun then
// counts the systems that outrank j with one binary search instead of a
// pass over them, and takes the remainders' sum from the group.
//
// A group is built once a pair has been seen groupAfter times (so that one
// sort, about a hundred passes' work, pays for itself), and at most
// maxGrouped systems' remainders are held over all groups, which bounds the
// memory at 16 bytes a system times maxGrouped.

// groupAfter is how many leftover decisions for the same b and W are made
// by a pass before a group is built for them.
const groupAfter = 64

// maxGrouped bounds the remainders held over all groups (about 64 MB).
const maxGrouped = 1 << 22

// maxCandidates bounds the pairs counted while waiting to be seen
// groupAfter times; the count starts again when it is reached.
const maxCandidates = 4096

// pairKey is one pot fraction and modulus: b·w mod W for every weight w.
type pairKey struct{ b, W uint64 }

// ranked is one base open system in a group: its remainder and its place
// in the refSet (for its weight and code rank, read only on ties).
type ranked struct {
	r uint64
	k int32
}

// group is the base open systems sorted by how they outrank one another
// for one pair: larger remainder first, then larger weight, then smaller
// code rank. sumHi, sumLo is the sum of their remainders.
type group struct {
	sorted       []ranked
	sumHi, sumLo uint64
}

// groups is a Rerun's table of groups, safe for concurrent use.
type groups struct {
	mu      sync.Mutex
	after   int // groupAfter; tests lower it
	seen    map[pairKey]int
	built   map[pairKey]*group
	holding int // systems held over all built groups
}

// lookup returns the group for lt's pair, building it when the pair has
// been seen often enough; nil while a pass must decide.
func (rs *refSet) lookup(lt *leftTest) *group {
	gs := rs.groups
	if gs == nil {
		return nil
	}
	k := pairKey{lt.b, lt.W}
	gs.mu.Lock()
	if g, ok := gs.built[k]; ok {
		gs.mu.Unlock()
		return g
	}
	if gs.holding+len(rs.w) > maxGrouped {
		gs.mu.Unlock()
		return nil
	}
	if gs.seen == nil || len(gs.seen) >= maxCandidates {
		gs.seen = map[pairKey]int{}
	}
	gs.seen[k]++
	if gs.seen[k] <= gs.after {
		gs.mu.Unlock()
		return nil
	}
	delete(gs.seen, k)
	gs.holding += len(rs.w)
	gs.mu.Unlock()
	g := rs.newGroup(lt)
	gs.mu.Lock()
	defer gs.mu.Unlock()
	if gs.built == nil {
		gs.built = map[pairKey]*group{}
	}
	if old, ok := gs.built[k]; ok { // built meanwhile by another rerun
		gs.holding -= len(rs.w)
		return old
	}
	gs.built[k] = g
	return g
}

// newGroup computes and sorts the remainders of rs's systems for lt's pair.
func (rs *refSet) newGroup(lt *leftTest) *group {
	g := &group{sorted: make([]ranked, len(rs.w))}
	for k, w := range rs.w {
		x := lt.rem(w)
		g.sorted[k] = ranked{r: x, k: int32(k)}
		g.sumHi, g.sumLo = add128(g.sumHi, g.sumLo, 0, x)
	}
	slices.SortFunc(g.sorted, func(a, b ranked) int {
		switch {
		case a.r != b.r:
			if a.r > b.r {
				return -1
			}
			return 1
		case rs.w[a.k] != rs.w[b.k]:
			if rs.w[a.k] > rs.w[b.k] {
				return -1
			}
			return 1
		}
		return int(rs.cr[a.k] - rs.cr[b.k])
	})
	return g
}

// complete adds rs's systems to margin m as decide does: the sum of their
// remainders, less W for each that outranks j (they come first in the
// group's order, so one binary search counts them).
func (g *group) complete(rs *refSet, lt *leftTest, m *margin) {
	out := sort.Search(len(g.sorted), func(x int) bool {
		e := g.sorted[x]
		return !lt.outranks(e.r, rs.w[e.k], rs.cr[e.k])
	})
	m.addPos(g.sumHi, g.sumLo)
	m.addNeg(bits.Mul64(uint64(out), lt.W))
}
