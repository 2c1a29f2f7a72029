package engine

import (
	"context"

	"icsplan/internal/analysis"
	"icsplan/internal/funding"
	"icsplan/internal/wide"

	"github.com/shopspring/decimal"
)

// fastSensitivity is sensitivity on the integer path: for each grid rate,
// every system's discounted cash and repayments once (funding.IntValuer),
// then each write-off's grant in pence from them, one integer division a
// system and cell. ok is false when a figure does not fit; the decimal
// grid then answers.
func (e *job) fastSensitivity(ctx context.Context, systems []analysis.SystemResult) ([]analysis.Cell, bool, error) {
	f := e.fast
	var dPop, bPop int64
	var dN, bN int
	for _, s := range systems {
		if s.Group == analysis.Deficit {
			dPop += s.Population
			dN++
		} else {
			bPop += s.Population
			bN++
		}
	}
	var paid uint64 // at most the pot, below 2^62
	for _, a := range f.recv {
		paid += a
	}
	received := f.money(int64(paid))
	cells := make([]analysis.Cell, len(gridWriteOffs)*len(gridRates))
	xs, ns := make([]wide.Int, len(systems)), make([]wide.Int, len(systems))
	for k, r := range gridRates {
		v, ok := funding.NewIntValuer(f.val.Sched, r, zero, e.sc.Allocation.Unit)
		if !ok {
			return nil, false, nil
		}
		var scr funding.ValueScratch
		for i, a := range f.recv {
			iv, ok := v.Value(a, &scr)
			if !ok {
				return nil, false, nil
			}
			xs[i], ns[i] = iv.X, iv.N
		}
		fits := make([]bool, len(gridWriteOffs))
		cell := func(c int) {
			w := gridWriteOffs[c]
			m := uint64(100 - w.Shift(2).IntPart()) // 1 − w = m/100: the grid's write-offs are whole percentages
			var sD, sB wide.Int
			fits[c] = true
			for i, s := range systems {
				g, ok := v.GrantAt(funding.IntValue{X: xs[i], N: ns[i]}, m, 100)
				if !ok {
					fits[c] = false
					return
				}
				if s.Group == analysis.Deficit {
					sD = add(sD, g)
				} else {
					sB = add(sB, g)
				}
			}
			cells[c*len(gridRates)+k] = gridCell(w, r, widePence(sD), widePence(sB), received, dN, bN, dPop, bPop)
		}
		if err := parallel(ctx, len(gridWriteOffs), len(systems) >= 1000, cell); err != nil {
			return nil, false, err
		}
		for _, ok := range fits {
			if !ok {
				return nil, false, nil
			}
		}
	}
	return cells, true, nil
}

// gridCell is one cell of the grid from the groups' grants gD and gB.
func gridCell(w, r, gD, gB, received decimal.Decimal, dN, bN int, dPop, bPop int64) analysis.Cell {
	ge := zero
	if !received.IsZero() {
		ge = gD.Add(gB).DivRound(received, 4)
	}
	return analysis.Cell{WriteOff: w, DiscountRate: r, GrantElement: ge,
		Verdict: analysis.Judge(dN, bN, perHead(gD, dPop), perHead(gB, bPop))}
}
