package analysis

import (
	"fmt"

	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// The terms that follow the money, as they fell on each system: its part of
// each tranche (paid or withheld, and why) and each consequence (base ×
// rate, in a year, with a probability, and what it is worth today). A
// scenario with no [[tranche]] and no [[consequence]] has none of these, and
// every first-stage figure means what it always did.

// TrancheResult is one system's part of one tranche of the scenario.
type TrancheResult struct {
	Number    int             // the tranche's place in the scenario, counted from 1
	Paid      string          // the financial year it is paid, "2024/25"
	T         int             // years after the plans' year, for discounting
	Share     decimal.Decimal // the tranche's share of each allocation, a fraction
	Condition plan.Condition  // none, forecast or outturn: the figure the payment waits on
	Tolerance decimal.Decimal // how far below plan the figure may fall and still pass, pounds
	// Amount is the system's part of the tranche, its allocation × Share
	// split by largest remainder to the allocation unit: what it stood to
	// be paid, whether or not it was.
	Amount decimal.Decimal
	// Passed is true when the part was paid: the tranche is unconditional,
	// the figure met the threshold, or the figure was blank (Known false).
	Passed bool
	Known  bool            // the tested figure was in the plans; true for an unconditional tranche
	Figure decimal.Decimal // the tested figure (the forecast or outturn), when tested and known
	// Threshold is the figure the system needed to pass, its plan less the
	// tolerance; 0 for an unconditional tranche.
	Threshold decimal.Decimal
	// Redistributed is its share of what the systems that failed this
	// tranche forfeited, when the tranche redistributes; 0 otherwise.
	Redistributed decimal.Decimal
	// Value is what the cash this tranche brought it (its part if paid,
	// plus any redistributed share) is worth today: discounted at the
	// scenario's rate for T years, exact, rounded once to pence.
	Value decimal.Decimal
}

// Received is the cash this tranche brought the system: its part if paid,
// plus its share of others' forfeits.
func (t TrancheResult) Received() decimal.Decimal {
	if t.Passed {
		return t.Amount.Add(t.Redistributed)
	}
	return t.Redistributed
}

// Why says in one sentence whether the part was paid and why, with the
// figures that decide it: "Paid: forecast -£4,200,000 is at least
// -£5,000,000 (plan -£4,000,000 less £1,000,000 tolerance)."
func (t TrancheResult) Why() string {
	if t.Condition == plan.ConditionNone || t.Condition == "" {
		return "Paid unconditionally."
	}
	if !t.Known {
		return fmt.Sprintf("Paid without the test: the system has no %s figure.", t.Condition)
	}
	need := pounds(t.Threshold)
	if t.Tolerance.IsPositive() {
		need += fmt.Sprintf(" (plan %s less %s tolerance)", pounds(t.Threshold.Add(t.Tolerance)), pounds(t.Tolerance))
	} else {
		need += ", its plan"
	}
	if t.Passed {
		return fmt.Sprintf("Paid: %s %s is at least %s.", t.Condition, pounds(t.Figure), need)
	}
	return fmt.Sprintf("Withheld: %s %s is below %s.", t.Condition, pounds(t.Figure), need)
}

// ConsequenceResult is one consequence as it fell on one system: applied,
// and not zero.
type ConsequenceResult struct {
	Number      int                  // the consequence's place in the scenario, counted from 1
	Kind        plan.ConsequenceKind // deduction (taken from the system) or bonus (given to it)
	Base        plan.ConsequenceBase // overspend, improvement, received or deficit
	BaseAmount  decimal.Decimal      // the base figure in pounds, >= 0: what the rate is applied to
	Rate        decimal.Decimal      // the rate, a fraction (2 is £2 per £1)
	Year        string               // the financial year it falls in
	T           int                  // years after the plans' year, for discounting
	Probability decimal.Decimal      // the chance it is enforced, a fraction
	// Amount is Rate × BaseAmount rounded half away from zero to the
	// allocation unit: the money taken or given if it is enforced.
	Amount decimal.Decimal
	// Value is Probability × Amount discounted for T years: what it is
	// expected to be worth today, unsigned, exact, rounded once to pence.
	Value decimal.Decimal
}

// Signed is the amount as it moves the system's money: negative for a
// deduction.
func (c ConsequenceResult) Signed() decimal.Decimal {
	if c.Kind == plan.Deduction {
		return c.Amount.Neg()
	}
	return c.Amount
}

// Sum writes the arithmetic behind the amount: "100% × £6,000,000 overspend = £6,000,000".
func (c ConsequenceResult) Sum() string {
	return fmt.Sprintf("%s × %s %s = %s", pct(c.Rate), pounds(c.BaseAmount), c.Base, pounds(c.Amount))
}

// YearFlow is one financial year of the Repayments screen's table: every
// sum of money the scenario moves in that year, over all systems, each a
// sum of the rounded per-system amounts.
type YearFlow struct {
	Year       string          // "2024/25"
	T          int             // years after the plans' year
	Paid       decimal.Decimal // cash paid to systems: tranches paid and forfeits redistributed (the whole allocation in the plans' year when there are no tranches)
	Principal  decimal.Decimal // loans repaid
	Interest   decimal.Decimal // interest on loans
	Dividends  decimal.Decimal // PDC dividends
	Deductions decimal.Decimal // consequences taken from systems, at face value (before probability)
	Bonuses    decimal.Decimal // consequences given to systems, at face value
}

// Due is what systems pay or lose in the year: repayments, interest,
// dividends and deductions.
func (y YearFlow) Due() decimal.Decimal {
	return y.Principal.Add(y.Interest).Add(y.Dividends).Add(y.Deductions)
}

// TermCounts counts what the terms could not test or apply, for the caveats.
type TermCounts struct {
	// UnknownTested counts systems whose figure for a conditional
	// tranche (forecast or outturn) was blank, so that they were treated as
	// passing it (and paid their part, if they had one).
	UnknownTested int
	// Unapplied counts (system, consequence) pairs not applied because the
	// base needs an outturn and the system's was blank.
	Unapplied int
}

// termCaveats are the sentences for TermCounts, in CaveatsOf's words.
func termCaveats(res *Result) []string {
	var out []string
	if n := res.Terms.UnknownTested; n > 0 {
		out = append(out, fmt.Sprintf("%d %s no figure for a tranche's condition (forecast or outturn), so %s treated as passing it.",
			n, plural(n, "system has", "systems have"), plural(n, "it is", "they are")))
	}
	if n := res.Terms.Unapplied; n > 0 {
		out = append(out, fmt.Sprintf("%d %s not applied for want of an outturn figure.",
			n, plural(n, "consequence was", "consequences were")))
	}
	return out
}
