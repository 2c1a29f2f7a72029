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

// Repayment is the schedule on which allocations are paid back.
type Repayment struct {
	FirstYear string            // "2025/26"
	Years     int               // number of repayment years, >= 1
	Profile   []decimal.Decimal // fractions per year summing to exactly 1; nil means equal shares
	Interest  decimal.Decimal   // simple annual rate as a fraction (0.035)
}

// Assumptions value the money.
type Assumptions struct {
	DiscountRate      decimal.Decimal // fraction, e.g. 0.035
	WriteOff          decimal.Decimal // probability the balance is never repaid, 0..1
	BalancedThreshold decimal.Decimal // pounds: a plan below minus this is a deficit plan
}

// Scenario is a bailout rule and repayment schedule to analyse.
type Scenario struct {
	Name        string // file stem, e.g. "deficit-support-feb-2024"
	Path        string // file it came from; empty for one made in the program
	Title       string
	Note        string
	Pot         decimal.Decimal // pounds
	Paid        string          // informational date, e.g. "2024-02-15"
	Eligibility Eligibility
	Allocation  Allocation
	Repayment   *Repayment // nil for a grant
	Assumptions Assumptions
}
