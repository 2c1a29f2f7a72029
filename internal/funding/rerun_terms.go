package funding

import (
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// maxSmall bounds the coefficients the integer terms work with, so that
// the sum of two never overflows an int64.
const maxSmall = int64(1) << 62

// small is d's coefficient and exponent when the coefficient has at most 18
// digits (it then fits an int64 and reading it allocates nothing).
func small(d decimal.Decimal) (int64, int32, bool) {
	if d.NumDigits() > 18 {
		return 0, 0, false
	}
	return d.CoefficientInt64(), d.Exponent(), true
}

// atExp is c·10^e written at exponent to ≤ e: c·10^(e−to), when its
// magnitude stays below 2^62.
func atExp(c int64, e, to int32) (int64, bool) {
	for ; e > to; e-- {
		if c >= maxSmall/10 || c <= -maxSmall/10 {
			return 0, false
		}
		c *= 10
	}
	return c, c < maxSmall && c > -maxSmall
}

// belowNeg reports whether v < −t, in machine integers; ok is false when a
// figure does not fit them.
func belowNeg(v, t decimal.Decimal) (below, ok bool) {
	vc, ve, ok1 := small(v)
	tc, te, ok2 := small(t)
	if !ok1 || !ok2 {
		return false, false
	}
	m := min(ve, te)
	a, ok1 := atExp(vc, ve, m)
	b, ok2 := atExp(tc, te, m)
	return a+b < 0, ok1 && ok2
}

// unitTerms is what units reads of systemTerms(s, r.sc): whether s is
// eligible, its weight scaled by 10^r.scale and its cap in units (0 with no
// cap), worked out in machine integers without a decimal; ok is false when
// a figure does not fit them (decimalTerms then does it).
func (r *Rerun) unitTerms(s plan.System) (elig bool, wj, cj uint64, ok bool) {
	sc := r.sc
	if e, _ := eligibleUnder(s, sc); !e {
		return false, 0, 0, true
	}
	var dc int64 // the deficit on the allocation basis is dc·10^de ≥ 0
	var de int32
	if f := s.Basis(sc.Allocation.Basis); f.Known {
		c, e, ok := small(f.Value)
		if !ok {
			return false, 0, 0, false
		}
		if c < 0 {
			dc, de = -c, e
		}
	}
	switch sc.Allocation.Method {
	case plan.MethodProRata:
		wj, ok = shiftUint(uint64(dc), de+r.scale)
	case plan.MethodPerCapita:
		wj, ok = toUint(s.WeightedPopulation, r.scale)
	default:
		wj, ok = toUint(one, r.scale)
	}
	if ok && sc.Allocation.Cap == plan.CapDeficit {
		cj, ok = r.capUnits(dc, de)
	}
	return true, wj, cj, ok
}

// capUnits is the cap of a deficit dc·10^de in units: floor(deficit ÷ unit).
func (r *Rerun) capUnits(dc int64, de int32) (uint64, bool) {
	uc, ue, ok := small(r.unit)
	if !ok || uc <= 0 {
		return 0, false
	}
	m := min(de, ue)
	num, ok1 := atExp(dc, de, m)
	den, ok2 := atExp(uc, ue, m)
	if !ok1 || !ok2 {
		return 0, false
	}
	return uint64(num / den), true
}

// decimalTerms is unitTerms from systemTerms, in decimals: for figures
// that do not fit machine integers.
func (r *Rerun) decimalTerms(s plan.System) (elig bool, wj, cj uint64, ok bool) {
	elig, _, wd, cd, _ := systemTerms(s, r.sc)
	if !elig {
		return false, 0, 0, true
	}
	wj, ok1 := toUint(wd, r.scale)
	cq, _ := cd.QuoRem(r.unit, 0)
	cj, ok2 := toUint(cq, 0)
	return true, wj, cj, ok1 && ok2
}
