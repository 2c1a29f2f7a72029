// Package funding shares a pot among systems (eligibility, method, caps,
// rounding unit) and schedules its repayment, exactly and without I/O.
package funding

import (
	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// Share traces how one system's allocation was reached, so that every step
// can be explained to the penny.
type Share struct {
	Eligible bool
	Weight   decimal.Decimal // pro_rata: deficit on the basis; per_capita: weighted population; equal: 1; 0 if not eligible
	HasCap   bool
	Cap      decimal.Decimal // the deficit rounded down to whole units (when HasCap)
	CapRound int             // water-filling round (1-based) in which the cap bound; 0 if it never did
	Exact    money.Ratio     // exact share before rounding (pot left ÷ weights left × weight) in the final round, or the cap
	Floor    decimal.Decimal // whole units from the floor step (capped systems: the cap)
	Extra    bool            // received one leftover unit for a large remainder
	Amount   decimal.Decimal // the allocation
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
// the pot (reported as Unallocated) when caps bind.
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
// receipt. It returns every repayment year, zeros included, oldest first; a nil
// repayment (a grant) gives none.
func Schedule(amount decimal.Decimal, receiptYear string, r *plan.Repayment, unit decimal.Decimal) ([]Instalment, error) {
	return schedule(amount, receiptYear, r, unit)
}

// Value is what a system's money is worth once repayments are discounted.
type Value struct {
	PVExact        money.Ratio     // Σ payment_k / (1+r)^t_k, exact
	PV             decimal.Decimal // PVExact rounded once to pence
	EffectiveGrant decimal.Decimal // A − (1 − w)·PV, from the exact PV, rounded once to pence
	GrantElement   decimal.Decimal // effective grant ÷ A, exact then rounded to 4 decimals; 0 when A is 0
}

// Valuate values an allocation and its instalments at discount rate r with
// write-off probability w.
func Valuate(amount decimal.Decimal, inst []Instalment, r, w decimal.Decimal) Value {
	return valuate(amount, inst, r, w)
}
