package chart

import (
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// TestByTransferIsTheStableSort: the order the transfers chart picks its
// bars from is the stable sort by transfer (biggest first) and code, on
// random systems with many ties, in whole pence and (the decimal path) with
// a fraction of a penny.
func TestByTransferIsTheStableSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 200 {
		n := 1 + r.IntN(80)
		systems := make([]analysis.SystemResult, n)
		for i := range systems {
			v := decimal.New(int64(r.IntN(9)-4)*int64(1+r.IntN(3)), -2)
			if round%5 == 0 && i == 0 {
				v = decimal.New(12345, -3) // £12.345: not whole pence
			}
			systems[i] = analysis.SystemResult{System: plan.System{Code: "Q" + strconv.Itoa(r.IntN(5))}, Transfer: v}
		}
		want := make([]int, n)
		for i := range want {
			want[i] = i
		}
		sort.SliceStable(want, func(a, b int) bool {
			ta, tb := systems[want[a]].Transfer, systems[want[b]].Transfer
			if c := ta.Cmp(tb); c != 0 {
				return c > 0
			}
			return systems[want[a]].Code < systems[want[b]].Code
		})
		if got := byTransfer(systems); !slices.Equal(got, want) {
			t.Fatalf("round %d: byTransfer = %v, want %v", round, got, want)
		}
	}
}

// TestExtremesAreTheSortsEnds: extremes finds byTransfer's first and last k,
// in order, on random systems with many ties, in sorted, reversed and
// shuffled file order.
func TestExtremesAreTheSortsEnds(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	for round := range 150 {
		k := 1 + r.IntN(6)
		n := 2*k + 1 + r.IntN(200)
		systems := make([]analysis.SystemResult, n)
		for i := range systems {
			v := decimal.New(int64(r.IntN(9)-4)*int64(1+r.IntN(3)), -2)
			systems[i] = analysis.SystemResult{System: plan.System{Code: "Q" + strconv.Itoa(r.IntN(4))}, Transfer: v}
		}
		if round%3 > 0 {
			slices.SortFunc(systems, func(a, b analysis.SystemResult) int { return a.Transfer.Cmp(b.Transfer) * (round%3*2 - 3) })
		}
		all := byTransfer(systems)
		want := append(slices.Clone(all[:k]), all[n-k:]...)
		if got := extremes(n, k, transferOrder(systems)); !slices.Equal(got, want) {
			t.Fatalf("round %d (n %d, k %d): extremes = %v, want %v", round, n, k, got, want)
		}
	}
}
