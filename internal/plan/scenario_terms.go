package plan

import "github.com/shopspring/decimal"

// Condition says which figure a tranche is paid on.
type Condition string

// Tranche conditions: a conditional tranche is paid to a system only if its
// figure is at least its plan less the tranche's tolerance.
const (
	ConditionNone     Condition = "none"     // paid whatever happens
	ConditionForecast Condition = "forecast" // paid if forecast >= plan − tolerance
	ConditionOutturn  Condition = "outturn"  // paid if outturn >= plan − tolerance
)

// Forfeit says what becomes of the money a tranche withholds.
type Forfeit string

// Forfeits.
const (
	ForfeitHeld         Forfeit = "held"         // kept by the centre
	ForfeitRedistribute Forfeit = "redistribute" // shared over the systems that passed, by their part of the tranche
)

// Tranche is one payment of each system's allocation: a share of it, paid in
// a financial year, perhaps on a condition.
type Tranche struct {
	Share     decimal.Decimal // fraction of each allocation, 0..1; a scenario's shares sum to exactly 1
	Paid      string          // financial year paid, "2024/25"; empty means the plans' year
	Condition Condition
	Tolerance decimal.Decimal // pounds, >= 0: a figure this far below plan still passes
	Forfeit   Forfeit
}

// ConsequenceKind says whether a consequence takes money or gives it.
type ConsequenceKind string

// Consequence kinds.
const (
	Deduction ConsequenceKind = "deduction" // taken from the system
	Bonus     ConsequenceKind = "bonus"     // given to the system
)

// ConsequenceBase is the figure a consequence is a rate of.
type ConsequenceBase string

// Consequence bases.
const (
	BaseOverspend   ConsequenceBase = "overspend"   // max(0, plan − outturn); needs the outturn
	BaseImprovement ConsequenceBase = "improvement" // max(0, outturn − plan); needs the outturn
	BaseReceived    ConsequenceBase = "received"    // the cash received from this pot
	BaseDeficit     ConsequenceBase = "deficit"     // the planned deficit, max(0, −plan)
)

// Applies says which planners a consequence applies to.
type Applies string

// The planners a consequence applies to.
const (
	AppliesAll      Applies = "all"
	AppliesDeficit  Applies = "deficit"  // plan below −balanced_threshold
	AppliesBalanced Applies = "balanced" // everyone else
)

// Consequence is an amount per system, rate × base, taken or given in a
// financial year with a probability of being enforced.
type Consequence struct {
	Kind        ConsequenceKind
	Base        ConsequenceBase
	Rate        decimal.Decimal // fraction of the base, >= 0 (may exceed 1: PSF paid £2 per £1)
	Year        string          // financial year it falls in, "2024/25"; required
	Probability decimal.Decimal // chance it is enforced, 0..1
	Group       Applies
}

// NeedsOutturn reports whether the consequence's base is worked out from the
// outturn, so that it cannot be applied to a system whose outturn is blank.
func (c Consequence) NeedsOutturn() bool {
	return c.Base == BaseOverspend || c.Base == BaseImprovement
}

// HasTerms reports whether the scenario has tranches or consequences: the
// terms beyond the first stage's pot, split and schedule.
func (s Scenario) HasTerms() bool { return len(s.Tranches) > 0 || len(s.Consequences) > 0 }
