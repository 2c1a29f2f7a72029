package analysis

import (
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// The figures below are derived from a Result for screens and reports, so
// that renderers show them without arithmetic of their own.

// DiscountedInstalment is one instalment with its discount factor and its
// present value at the scenario's discount rate r, for showing the
// valuation step by step.
type DiscountedInstalment struct {
	Instalment
	Factor decimal.Decimal // 1/(1+r)^t, rounded once to 6 places
	PV     decimal.Decimal // total/(1+r)^t, rounded once to pence
}

// Discounted returns system i's repayments (Systems[i].Repayments, the years
// with something due), each with its discount factor and present value at
// the scenario's discount rate, each rounded once from its exact value. The
// system's PVRepayments is the exact sum rounded once, so it can differ by a
// penny from the sum of these rounded PVs. It returns nil when i is not a
// system of the result.
func (r *Result) Discounted(i int) []DiscountedInstalment {
	if i < 0 || i >= len(r.Systems) {
		return nil
	}
	return Discount(r.Systems[i].Repayments, r.Scenario.Assumptions.DiscountRate)
}

// Discount gives each instalment its discount factor 1/(1+rate)^t and its
// present value total/(1+rate)^t, each rounded once from its exact value
// (the factor to 6 places, the value to pence).
func Discount(inst []Instalment, rate decimal.Decimal) []DiscountedInstalment {
	base := decimal.NewFromInt(1).Add(rate)
	out := make([]DiscountedInstalment, len(inst))
	for k, in := range inst {
		pow := decimal.NewFromInt(1)
		for range max(0, in.T) {
			pow = pow.Mul(base)
		}
		out[k] = DiscountedInstalment{Instalment: in, Factor: money.R(decimal.NewFromInt(1), pow).Round(6),
			PV: money.R(in.Total(), pow).Round(2)}
	}
	return out
}

// Robustness counts the sensitivity cells whose verdict is the result's own
// (same) out of all the cells (total): "the same verdict in 14 of 15 cases".
func (r *Result) Robustness() (same, total int) {
	for _, c := range r.Sensitivity {
		if c.Verdict == r.Verdict.Label {
			same++
		}
	}
	return same, len(r.Sensitivity)
}

// Grid is the sensitivity grid laid out as rows of write-off and columns of
// discount rate, each in the order the result first gives it.
type Grid struct {
	WriteOffs, Rates []decimal.Decimal
	// Cells[i][k] is the cell at WriteOffs[i] × Rates[k]; a combination the
	// result does not have is the zero Cell, whose Verdict is empty.
	Cells [][]Cell
	// OwnWriteOff and OwnRate index WriteOffs and Rates at the scenario's
	// own write-off and discount rate; each is −1 when that value is not on
	// the grid.
	OwnWriteOff, OwnRate int
}

// Grid lays the result's sensitivity cells out as a Grid; values are equal
// when they are numerically equal (0.5 and 0.50 are one write-off), and of
// two cells at one combination the later is kept.
func (r *Result) Grid() Grid {
	g := Grid{OwnWriteOff: -1, OwnRate: -1}
	for _, c := range r.Sensitivity {
		if indexOf(g.WriteOffs, c.WriteOff) < 0 {
			g.WriteOffs = append(g.WriteOffs, c.WriteOff)
		}
		if indexOf(g.Rates, c.DiscountRate) < 0 {
			g.Rates = append(g.Rates, c.DiscountRate)
		}
	}
	g.Cells = make([][]Cell, len(g.WriteOffs))
	for i := range g.Cells {
		g.Cells[i] = make([]Cell, len(g.Rates))
	}
	for _, c := range r.Sensitivity {
		g.Cells[indexOf(g.WriteOffs, c.WriteOff)][indexOf(g.Rates, c.DiscountRate)] = c
	}
	g.OwnWriteOff = indexOf(g.WriteOffs, r.Scenario.Assumptions.WriteOff)
	g.OwnRate = indexOf(g.Rates, r.Scenario.Assumptions.DiscountRate)
	return g
}

// Cell returns the cell at writeOff × rate, and false when the grid does not
// have that combination.
func (g Grid) Cell(writeOff, rate decimal.Decimal) (Cell, bool) {
	i, k := indexOf(g.WriteOffs, writeOff), indexOf(g.Rates, rate)
	if i < 0 || k < 0 || i >= len(g.Cells) || k >= len(g.Cells[i]) || g.Cells[i][k].Verdict == "" {
		return Cell{}, false
	}
	return g.Cells[i][k], true
}

// IsOwn reports whether Cells[i][k] is at the scenario's own write-off and
// discount rate.
func (g Grid) IsOwn(i, k int) bool { return i >= 0 && i == g.OwnWriteOff && k >= 0 && k == g.OwnRate }

// indexOf is the index of the first value in list numerically equal to d, or −1.
func indexOf(list []decimal.Decimal, d decimal.Decimal) int {
	for i, x := range list {
		if x.Equal(d) {
			return i
		}
	}
	return -1
}

// BasisShare is system i's weight over all the eligible systems' weights in
// the first water-filling round: its share of the basis, as a fraction
// rounded once to 6 places (a percentage to 4 decimals). ok is false when i
// is not a system of the result, the system is not eligible, or no eligible
// system has any weight.
func (r *Result) BasisShare(i int) (share decimal.Decimal, ok bool) {
	if i < 0 || i >= len(r.Systems) || !r.Systems[i].Share.Eligible ||
		len(r.Allocation.Rounds) == 0 || !r.Allocation.Rounds[0].Weights.IsPositive() {
		return decimal.Zero, false
	}
	return money.R(r.Systems[i].Share.Weight, r.Allocation.Rounds[0].Weights).Round(6), true
}
