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
	inst := r.Systems[i].Repayments
	base := decimal.NewFromInt(1).Add(r.Scenario.Assumptions.DiscountRate)
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
