package report

import (
	"cmp"
	"slices"
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// penalties ranks the balanced systems with a prudence penalty, biggest
// first (ties by code, then file order): top is the first most of them, n
// how many there are and least the index of the last in that order (-1 when
// there are none). The penalties are compared as int64s at their smallest
// exponent, keeping only the top most in one pass, so that nothing is
// sorted or rescaled; a penalty too big for that takes sortedPenalties.
// most is at least 1.
func penalties(r analysis.Result, most int) (top []int, n, least int) {
	exp := int32(0)
	for _, s := range r.Systems {
		if p := s.PrudencePenalty; p != nil {
			n++
			exp = min(exp, p.Exponent())
		}
	}
	if n == 0 {
		return nil, 0, -1
	}
	type key struct {
		i int
		v int64
	}
	before := func(a, b key) bool { // a ranks before b
		if a.v != b.v {
			return a.v > b.v
		}
		if c := strings.Compare(r.Systems[a.i].Code, r.Systems[b.i].Code); c != 0 {
			return c < 0
		}
		return a.i < b.i
	}
	keys := make([]key, 0, min(most, n)+1)
	last := key{i: -1}
	for i, s := range r.Systems {
		if s.PrudencePenalty == nil {
			continue
		}
		v, ok := money.CoefficientAt(*s.PrudencePenalty, exp)
		if !ok {
			all := sortedPenalties(r)
			return all[:min(most, len(all))], len(all), all[len(all)-1]
		}
		k := key{i: i, v: v}
		if last.i < 0 || before(last, k) {
			last = k
		}
		if len(keys) == most && !before(k, keys[most-1]) {
			continue
		}
		at := len(keys)
		for at > 0 && before(k, keys[at-1]) {
			at--
		}
		keys = slices.Insert(keys, at, k)
		keys = keys[:min(len(keys), most)]
	}
	top = make([]int, len(keys))
	for k := range keys {
		top[k] = keys[k].i
	}
	return top, n, last.i
}

// sortedPenalties is every balanced system with a prudence penalty in
// penalties' order, by a full sort: penalties' way when a penalty does not
// fit an int64 at the common exponent. The penalties are compared at one
// exponent, so that no comparison rescales.
func sortedPenalties(r analysis.Result) []int {
	type key struct {
		i int
		p decimal.Decimal
		v int64 // p in units of 10^exp, when every penalty fits an int64 so
	}
	var keys []key
	exp := int32(0)
	for i, s := range r.Systems {
		if s.PrudencePenalty != nil {
			keys = append(keys, key{i: i, p: *s.PrudencePenalty})
			exp = min(exp, s.PrudencePenalty.Exponent())
		}
	}
	ints := true
	for k := range keys {
		if v, ok := money.CoefficientAt(keys[k].p, exp); ok && ints {
			keys[k].v = v
			continue
		}
		ints = false
		keys[k].p = keys[k].p.Round(-exp) // the same value, at exponent exp
	}
	slices.SortFunc(keys, func(a, b key) int {
		c := 0
		if ints {
			c = cmp.Compare(b.v, a.v)
		} else {
			c = b.p.Cmp(a.p)
		}
		if c != 0 {
			return c
		}
		if c := strings.Compare(r.Systems[a.i].Code, r.Systems[b.i].Code); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	idx := make([]int, len(keys))
	for k := range keys {
		idx[k] = keys[k].i
	}
	return idx
}
