package analysis

import (
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// Share traces how one system's allocation was reached, so that every step
// can be explained to the penny. (The flags come last, packed into one
// word: a result holds one Share for every system.)
type Share struct {
	Weight   decimal.Decimal // pro_rata: deficit on the basis; per_capita: weighted population; equal: 1; 0 if not eligible
	Cap      decimal.Decimal // the deficit rounded down to whole units (when HasCap)
	CapRound int             // water-filling round (1-based) in which the cap bound; 0 if it never did
	Exact    money.Ratio     // exact share before rounding (pot left ÷ weights left × weight) in the final round, or the cap
	Floor    decimal.Decimal // whole units from the floor step (capped systems: the cap)
	Amount   decimal.Decimal // the allocation
	Eligible bool
	HasCap   bool
	Extra    bool // received one leftover unit for a large remainder
}

// ExactTo is the exact share before rounding, rounded once, half away from
// zero, to places decimals (0 when the share has no denominator).
func (s Share) ExactTo(places int32) decimal.Decimal { return s.Exact.Round(places) }

// Round is one pass of water-filling: the pot still to share, the weights it
// is shared over, and the systems (by index) fixed at their caps in it.
type Round struct {
	Pot     decimal.Decimal
	Weights decimal.Decimal
	Capped  []int
}

// Allocation traces how the pot was shared as a whole: the water-filling
// rounds, the rounding unit, what was and was not allocated, and the systems
// whose figures were blank. Each system's own step is its SystemResult.Share.
type Allocation struct {
	Rounds      []Round
	Unit        decimal.Decimal
	Allocated   decimal.Decimal // Σ amounts
	Unallocated decimal.Decimal // pot − allocated (caps total less than the pot)

	// UnknownBasis counts systems that are not eligible because their
	// eligibility basis figure (forecast or outturn) is blank.
	UnknownBasis int
	// UnknownAllocBasis counts eligible systems whose allocation basis figure
	// is blank, so that their deficit (weight under pro_rata, and cap) is taken as 0.
	UnknownAllocBasis int
}

// Instalment is what one system pays back in one year.
type Instalment struct {
	Year      string          // "2025/26"
	T         int             // years after the year of receipt
	Principal decimal.Decimal // part of the allocation repaid
	Interest  decimal.Decimal // interest charged that year
}

// Total is principal plus interest.
func (i Instalment) Total() decimal.Decimal { return i.Principal.Add(i.Interest) }

// Value is what a system's money is worth once repayments are discounted.
type Value struct {
	PVExact        money.Ratio     // Σ payment_k / (1+r)^t_k, exact
	PV             decimal.Decimal // PVExact rounded once to pence
	EffectiveGrant decimal.Decimal // A − (1 − w)·PV, from the exact PV, rounded once to pence
	GrantElement   decimal.Decimal // effective grant ÷ A, exact then rounded to 4 decimals; 0 when A is 0
	// EffectiveGrantExact is A − (1 − w)·PV before rounding, for figures shown
	// in other units (£000) that must also be rounded once.
	EffectiveGrantExact money.Ratio
}
