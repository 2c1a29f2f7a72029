package analysis

import (
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// PrudenceTrace is the rerun behind one balanced system's prudence penalty,
// step by step, so that the penalty can be checked like every other
// figure: the deficit group's median deficit per head and the systems it
// comes from, the plan the system is assumed to set, the cash it would
// then have received and how, its instalments and their present value, and
// its effective grant in the rerun against the one it had.
type PrudenceTrace struct {
	System int // the balanced system, as an index into the dataset's systems

	// Median is the deficit group's median planned deficit per head, exact;
	// MedianOf are the one (odd count) or two (even count: their mean)
	// deficit systems it is taken from, as indices, in the order of their
	// ratios.
	Median   money.Ratio
	MedianOf []int

	ExactPlan money.Ratio     // Median × the system's population: the deficit before rounding (positive)
	Plan      decimal.Decimal // the plan assumed in the rerun: −ExactPlan rounded half away from zero to £1000

	Share      Share                  // how the rerun reached its allocation
	Allocation decimal.Decimal        // its allocation in the rerun
	Received   decimal.Decimal        // the cash it would have received through the tranches: its Allocation when there are none
	Repayments []DiscountedInstalment // its instalments in the rerun (years with something due), each discounted
	Value      Value                  // the rerun's present value and effective grant, exact and rounded once

	AsRun   decimal.Decimal // its effective grant as the scenario ran
	Penalty decimal.Decimal // Value.EffectiveGrant − AsRun: its SystemResult.PrudencePenalty
}
