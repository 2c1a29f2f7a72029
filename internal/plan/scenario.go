package plan

import "github.com/shopspring/decimal"

// Rule says which systems are eligible for the pot.
type Rule string

// Eligibility rules.
const (
	RuleDeficit  Rule = "deficit"  // systems whose basis figure is a deficit
	RuleBalanced Rule = "balanced" // systems whose basis figure is not a deficit
	RuleAll      Rule = "all"
)

// Basis names which figure of a system decides: plan, forecast or outturn.
type Basis string

// Bases.
const (
	BasisPlan     Basis = "plan"
	BasisForecast Basis = "forecast"
	BasisOutturn  Basis = "outturn"
)

// Method says how the pot is shared among eligible systems.
type Method string

// Allocation methods.
const (
	MethodProRata   Method = "pro_rata"   // in proportion to the deficit on the basis
	MethodPerCapita Method = "per_capita" // in proportion to weighted population
	MethodEqual     Method = "equal"      // equal shares
)

// Cap limits what one system can receive.
type Cap string

// Caps.
const (
	CapNone    Cap = "none"
	CapDeficit Cap = "deficit" // never more than the system's own deficit on the basis
)

// Eligibility decides who can receive money.
type Eligibility struct {
	Rule  Rule
	Basis Basis
}

// Allocation decides how the pot is shared.
type Allocation struct {
	Method Method
	Basis  Basis
	Cap    Cap
	Unit   decimal.Decimal // rounding unit of allocations in pounds: 0.01, 1 or 1000
}

// RepaymentKind says what the money received becomes: a loan repaid on the
// schedule, or public dividend capital (PDC), never repaid but charged a
// dividend.
type RepaymentKind string

// Repayment kinds. A Repayment whose Kind is empty is a loan: a file that
// leaves out repayment.kind means today's loan, and is read with Kind "".
const (
	RepaymentLoan RepaymentKind = "loan" // repaid by the profile, with simple interest on the balance
	RepaymentPDC  RepaymentKind = "pdc"  // never repaid; a dividend at the interest rate on the amount received, each year
)

// Repayment is the schedule on which allocations are paid back.
type Repayment struct {
	// Kind is RepaymentLoan (or empty, which means the same) or RepaymentPDC.
	// For PDC, Years counts the years from FirstYear in which the dividend
	// (Interest × the amount received, to the allocation unit) is paid, and
	// Profile is not used.
	Kind      RepaymentKind
	FirstYear string            // "2025/26"
	Years     int               // number of repayment years, >= 1
	Profile   []decimal.Decimal // fractions per year summing to exactly 1; nil means equal shares
	Interest  decimal.Decimal   // simple annual rate as a fraction (0.035)
}

// IsPDC reports whether the money is public dividend capital rather than a loan.
func (r Repayment) IsPDC() bool { return r.Kind == RepaymentPDC }

// Assumptions value the money.
type Assumptions struct {
	DiscountRate      decimal.Decimal // fraction, e.g. 0.035
	WriteOff          decimal.Decimal // probability the balance is never repaid, 0..1
	BalancedThreshold decimal.Decimal // pounds: a plan below minus this is a deficit plan
}

// Scenario is a bailout rule and repayment schedule to analyse.
type Scenario struct {
	Name  string // file stem, e.g. "deficit-support-feb-2024"
	Path  string // file it came from; empty for one made in the program
	Title string
	Note  string
	// Year is the plans' year the scenario was written for ("2023/24"),
	// from the file's year key; empty when the file does not say. A
	// scenario whose Year differs from the plans' year is refused when it
	// is loaded or applied to them.
	Year string
	Pot  decimal.Decimal // pounds
	// PotDeficits is pot = "deficits": the pot is not an amount but the sum
	// of the eligible systems' deficits on the allocation basis, each rounded
	// down to the allocation unit (a blank figure counts 0), worked out
	// afresh on whatever plans the scenario is applied to. Pot is then 0 as
	// read; an analysis reports the pot it shared.
	PotDeficits bool
	Paid        string // informational date, e.g. "2024-02-15"
	Eligibility Eligibility
	Allocation  Allocation
	// Tranches split each allocation into payments, in order, each paid in
	// its year and perhaps only on a condition. None means the whole
	// allocation is paid at once, unconditionally, in the plans' year.
	Tranches []Tranche
	// Consequences are amounts taken from or given to each system after the
	// money moves (a deduction from next year's allocation, a bonus per £1
	// of improvement), in the order the file gives them.
	Consequences []Consequence
	Repayment    *Repayment // nil for a grant
	Assumptions  Assumptions
	// Primary marks the scenario that says who received what in its year,
	// for the Years panel (primary = true); at most one per year. A year
	// with none takes its first scenario by name.
	Primary bool
}
