package engine

import (
	"slices"

	"icsplan/internal/analysis"
	"icsplan/internal/funding"
)

// funding's traces as analysis's: the same fields, copied, so that the
// result shares no slices with the allocation the reruns keep using.

func shareOf(s funding.Share) analysis.Share {
	return analysis.Share{Eligible: s.Eligible, Weight: s.Weight, HasCap: s.HasCap, Cap: s.Cap, CapRound: s.CapRound,
		Exact: s.Exact, Floor: s.Floor, Extra: s.Extra, Amount: s.Amount}
}

func allocationOf(a funding.Allocation) analysis.Allocation {
	var rounds []analysis.Round
	for _, r := range a.Rounds {
		rounds = append(rounds, analysis.Round{Pot: r.Pot, Weights: r.Weights, Capped: slices.Clone(r.Capped)})
	}
	return analysis.Allocation{Rounds: rounds, Unit: a.Unit, Allocated: a.Allocated, Unallocated: a.Unallocated,
		UnknownBasis: a.UnknownBasis, UnknownAllocBasis: a.UnknownAllocBasis}
}

func instalmentOf(in funding.Instalment) analysis.Instalment {
	return analysis.Instalment{Year: in.Year, T: in.T, Principal: in.Principal, Interest: in.Interest}
}

func valueOf(v funding.Value) analysis.Value {
	return analysis.Value{PVExact: v.PVExact, PV: v.PV, EffectiveGrant: v.EffectiveGrant, GrantElement: v.GrantElement,
		EffectiveGrantExact: v.EffectiveGrantExact}
}
