package money

import "slices"

// top reorders xs so that its first k elements are the k least under cmp
// (a strict total order: no two elements compare equal), in some order:
// quickselect, linear on average, where a full sort is n log n. A range
// that fails to shrink fast enough is sorted instead, so the worst case is
// n log n too. Which elements come first does not depend on the order they
// arrive in.
func top[T any](xs []T, k int, cmp func(x, y T) int) {
	lo, hi := 0, len(xs) // the k-th least is in xs[lo:hi]
	for budget := 64; hi-lo > 16; budget-- {
		if budget == 0 {
			slices.SortFunc(xs[lo:hi], cmp)
			return
		}
		p := partition(xs[lo:hi], cmp) + lo
		switch {
		case p == k || p == k-1:
			return
		case p < k:
			lo = p + 1
		default:
			hi = p
		}
	}
	slices.SortFunc(xs[lo:hi], cmp)
}

// partition moves the median of xs's first, middle and last elements to its
// place p, every lesser element before it and every greater one after, and
// returns p.
func partition[T any](xs []T, cmp func(x, y T) int) int {
	n := len(xs)
	a, b, c := 0, n/2, n-1
	if cmp(xs[b], xs[a]) < 0 {
		a, b = b, a
	}
	if cmp(xs[c], xs[b]) < 0 {
		b = c
		if cmp(xs[b], xs[a]) < 0 {
			b = a
		}
	}
	xs[b], xs[n-1] = xs[n-1], xs[b]
	pivot, p := xs[n-1], 0
	for i := range n - 1 {
		if cmp(xs[i], pivot) < 0 {
			xs[i], xs[p] = xs[p], xs[i]
			p++
		}
	}
	xs[p], xs[n-1] = xs[n-1], xs[p]
	return p
}
