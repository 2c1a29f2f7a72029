package money

import (
	"cmp"
	"math/rand"
	"slices"
	"testing"
)

// TestTopIsTheSortedPrefix holds top to a full sort: after top(xs, k), the
// first k elements, sorted, are the sorted slice's first k, for random,
// sorted, reversed and organ-pipe inputs of every size up to 300 and every k.
func TestTopIsTheSortedPrefix(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	shapes := map[string]func(n int) []int{
		"random":   func(n int) []int { return r.Perm(n) },
		"sorted":   func(n int) []int { xs := r.Perm(n); slices.Sort(xs); return xs },
		"reversed": func(n int) []int { xs := r.Perm(n); slices.Sort(xs); slices.Reverse(xs); return xs },
		"pipe": func(n int) []int {
			xs := make([]int, n)
			for i := range xs {
				xs[i] = min(i, n-1-i)*2 + i%2 // up then down, a shape that defeats a naive pivot
			}
			return xs
		},
	}
	for name, shape := range shapes {
		for n := 1; n <= 300; n += 1 + n/10 {
			for k := 0; k <= n; k++ {
				xs := shape(n)
				want := slices.Sorted(slices.Values(xs))[:k]
				top(xs, k, cmp.Compare[int])
				got := slices.Sorted(slices.Values(xs[:k]))
				if !slices.Equal(got, want) {
					t.Fatalf("%s n=%d k=%d: first k %v, want %v", name, n, k, got, want)
				}
			}
		}
	}
}
