package report

import (
	"math/rand/v2"
	"slices"
	"testing"

	"icsplan/internal/analysis"

	"github.com/shopspring/decimal"
)

// TestPenaltiesMatchSort: the one-pass top of penalties is the head of the
// full sort, its count the sort's length and its least the sort's last, on
// random penalties with many ties (few codes, few values, mixed exponents)
// and, when one penalty is too big for an int64, through the sort itself.
func TestPenaltiesMatchSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 5))
	codes := []string{"A", "B", "C"}
	for trial := range 300 {
		var r analysis.Result
		for range rng.IntN(40) {
			s := analysis.SystemResult{}
			s.Code = codes[rng.IntN(len(codes))]
			if rng.IntN(4) > 0 {
				p := decimal.New(rng.Int64N(7)-2, -rng.Int32N(3)) // −2 to 4, at 1, 0.1 or 0.01
				if trial%10 == 0 && rng.IntN(8) == 0 {
					p = decimal.RequireFromString("123456789012345678901234567890") // beyond an int64
				}
				s.PrudencePenalty = &p
			}
			r.Systems = append(r.Systems, s)
		}
		all := sortedPenalties(r)
		for _, most := range []int{1, 2, 5, 50} {
			top, n, least := penalties(r, most)
			wantLeast := -1
			if len(all) > 0 {
				wantLeast = all[len(all)-1]
			}
			if !slices.Equal(top, all[:min(most, len(all))]) || n != len(all) || least != wantLeast {
				t.Fatalf("trial %d, most %d: penalties = %v, %d, %d; the sort gives %v", trial, most, top, n, least, all)
			}
		}
	}
}
