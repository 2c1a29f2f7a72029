// Package funding shares a pot among systems (eligibility, method, caps,
// rounding unit) and schedules its repayment, exactly and without I/O.
package funding

import (
	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// Share traces how one system's allocation was reached, so that every step
// can be explained to the penny. (The flags come last, packed into one
// word: an allocation holds one Share for every system.)
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

// Round is one pass of water-filling: the pot still to share, the weights it
// is shared over, and the systems (by index) fixed at their caps in it.
type Round struct {
	Pot     decimal.Decimal
	Weights decimal.Decimal
	Capped  []int
}

// Allocation is the result of sharing the pot, one entry per system in file order.
type Allocation struct {
	Shares      []Share
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

// Amounts returns each system's allocation in file order.
func (a Allocation) Amounts() []decimal.Decimal {
	out := make([]decimal.Decimal, len(a.Shares))
	for i, s := range a.Shares {
		out[i] = s.Amount
	}
	return out
}

// Allocate shares sc.Pot among systems by the scenario's eligibility,
// method, cap and unit. Allocations sum to the pot exactly, or to less than
// the pot (reported as Unallocated) when caps bind or no eligible system has
// any weight.
//
// Eligibility: rule deficit takes systems whose basis figure is below
// −balanced_threshold, balanced those at or above it, all everyone; a system
// whose basis figure is blank is not eligible under deficit or balanced
// (counted in UnknownBasis). Weights: pro_rata the deficit −min(0, figure) on
// the allocation basis (blank counts as 0), per_capita the weighted
// population, equal 1. With cap deficit each eligible system's cap is its
// deficit on the allocation basis rounded down to whole units. Water-filling
// then fixes at its cap every system whose exact share exceeds it
// (pot·w_i > cap_i·W, exactly), one Round per pass, and the pot left is
// apportioned by money.Apportion (keys: codes) among the others. The pot must
// be a whole number of units.
func Allocate(systems []plan.System, sc plan.Scenario) (Allocation, error) {
	return allocate(systems, sc)
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

// Schedule splits amount, received in receiptYear ("2023/24"), over the
// repayment years by the profile (largest remainder in whole units), with
// simple interest on the balance outstanding at the start of each year after
// receipt. Year index t is the first calendar year of the instalment's year
// minus that of receiptYear. Interest, when the rate is positive, is charged
// for each year t = 1 .. last on the balance outstanding at the start of that
// year (before its instalment), rounded half away from zero to the unit, and
// paid that year, so years between receipt and the first repayment year carry
// interest only. It returns every year t = 1 .. last, zeros included, oldest
// first; a nil repayment (a grant) gives none. The amount must be a whole
// number of units.
//
// Public dividend capital (r.IsPDC()) is never repaid: each instalment's
// principal is 0, and in each of the r.Years years from r.FirstYear its
// interest is the dividend, r.Interest × amount rounded half away from zero
// to the unit. The profile is not used.
func Schedule(amount decimal.Decimal, receiptYear string, r *plan.Repayment, unit decimal.Decimal) ([]Instalment, error) {
	return schedule(amount, receiptYear, r, unit)
}

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

// Valuate values an allocation and its instalments at discount rate r with
// write-off probability w: PV is computed exactly as one ratio over the common
// denominator (1+r)^T and rounded once; the effective grant is computed from
// the exact PV and rounded once. It equals ValueOf(amount,
// PresentValue(inst, r), w).
func Valuate(amount decimal.Decimal, inst []Instalment, r, w decimal.Decimal) Value {
	return valuate(amount, inst, r, w)
}
