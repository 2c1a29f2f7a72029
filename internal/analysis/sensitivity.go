package analysis

import (
	"icsplan/internal/funding"
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// The sensitivity grid's assumptions.
var (
	gridWriteOffs = []decimal.Decimal{zero, decimal.RequireFromString("0.25"), decimal.RequireFromString("0.5"),
		decimal.RequireFromString("0.75"), one}
	gridRates = []decimal.Decimal{zero, decimal.RequireFromString("0.035"), decimal.RequireFromString("0.05")}
)

// sensitivity revalues every allocation (unchanged) at each write-off ×
// discount rate, write-off major, giving the total grant element and the verdict.
func (e *engine) sensitivity(systems []SystemResult) []Cell {
	pvs := make([][]money.Ratio, len(gridRates))
	for k, r := range gridRates {
		pvs[k] = make([]money.Ratio, len(systems))
		for i := range systems {
			if systems[i].Allocation.IsZero() {
				continue
			}
			pvs[k][i] = funding.PresentValue(e.sched[i], r)
		}
	}
	var dPop, bPop int64
	var dN, bN int
	allocated := zero
	for _, s := range systems {
		allocated = allocated.Add(s.Allocation)
		if s.Group == Deficit {
			dPop += s.Population
			dN++
		} else {
			bPop += s.Population
			bN++
		}
	}
	cells := make([]Cell, len(gridWriteOffs)*len(gridRates))
	cell := func(c int) {
		w, k := gridWriteOffs[c/len(gridRates)], c%len(gridRates)
		r := gridRates[k]
		gD, gB := zero, zero
		for i, s := range systems {
			if s.Allocation.IsZero() {
				continue
			}
			g := funding.EffectiveGrant(s.Allocation, pvs[k][i], w)
			if s.Group == Deficit {
				gD = gD.Add(g)
			} else {
				gB = gB.Add(g)
			}
		}
		ge := zero
		if !allocated.IsZero() {
			ge = gD.Add(gB).DivRound(allocated, 4)
		}
		cells[c] = Cell{WriteOff: w, DiscountRate: r, GrantElement: ge,
			Verdict: judge(dN, bN, perHead(gD, dPop), perHead(gB, bPop))}
	}
	parallel(len(cells), len(systems) >= 1000, cell)
	return cells
}
