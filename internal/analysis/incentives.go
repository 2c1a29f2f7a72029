package analysis

import (
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// Incentives answers the finance chiefs' strategic question, "why would
// anyone submit a balanced plan?", and the rule-setter's, "what terms would
// have ended the reward?" (DESIGN.md, "Incentives: would a balanced plan have
// paid?"). Package engine computes it (engine.Incentives, and Analyse,
// which sets Result.Incentives); every figure a screen or report shows of it
// is here, already rounded once from its exact value:
//
//   - the strategy table: Systems[i] is system i's effective grant under a
//     balanced plan and under a deficit plan, everything else unchanged, and
//     the gain; Strategy counts the gains and says what they mean;
//   - the marginal price of a deficit: Systems[i].MarginalPrice is what a
//     further £1 of planned deficit would have brought system i, and
//     Marginal holds each group's median (beside Result.PriceOfDeficit, the
//     average);
//   - the terms that end the reward: Ending holds, for the write-off
//     probability, the interest rate and a clawback, the value at which the
//     verdict stops being rewards_deficit, the scan and bisection behind it
//     (each point's grant per head by group, for a chart), and the sentence.
type Incentives struct {
	Systems  []SystemIncentive // file order, one per Result.Systems
	Strategy Strategy
	Marginal MarginalPrices
	Ending   EndingTerms
}

// SystemIncentive is one system's row of the strategy table and its marginal
// price. Grants are effective grants as reported (pence), each from a run of
// the whole scenario with only this system's plan changed; the Exact figures
// are the same grants before rounding, for showing them in £000 rounded once.
type SystemIncentive struct {
	// BalancedPlan is the plan of the balanced strategy: its own plan if it
	// planned to balance, else 0. DeficitPlan is that of the deficit
	// strategy: its own plan if it planned a deficit, else its prudence plan
	// (Result.Systems[i].PenaltyPlan); 0 when no system planned a deficit.
	BalancedPlan decimal.Decimal
	DeficitPlan  decimal.Decimal
	// BalancedGrant and DeficitGrant are its effective grants under the two
	// plans. The one at its own plan is its EffectiveGrant as the scenario
	// ran (OwnIsBalanced says which); the other is a rerun. Both are 0, and
	// Gain nil, when no system planned a deficit.
	BalancedGrant decimal.Decimal
	DeficitGrant  decimal.Decimal
	BalancedExact money.Ratio
	DeficitExact  money.Ratio
	OwnIsBalanced bool // it planned to balance: BalancedPlan is its own plan and the deficit plan is the rerun
	// Gain is DeficitGrant − BalancedGrant, the difference of the reported
	// grants: what a deficit plan paid over a balanced one (negative: what
	// it cost). For a balanced planner it is its prudence penalty. Nil when
	// no system planned a deficit (there is no deficit plan to compare).
	Gain *decimal.Decimal

	// MarginalPlan is its plan less £1,000,000 (MarginalStep), MarginalGrant
	// its effective grant in that rerun (pence) and MarginalExact that grant
	// before rounding.
	MarginalPlan  decimal.Decimal
	MarginalGrant decimal.Decimal
	MarginalExact money.Ratio
	// PriceExact is (the exact grant at MarginalPlan − the exact grant as
	// run) ÷ £1,000,000: what each further £1 of planned deficit would have
	// brought. MarginalPrice is it rounded once to 4 places.
	PriceExact    money.Ratio
	MarginalPrice decimal.Decimal
}

// MarginalStep is the further planned deficit of the marginal-price rerun:
// £1,000,000.
var MarginalStep = decimal.NewFromInt(1_000_000)

// Strategy counts the strategy table's gains and says plainly what they mean.
type Strategy struct {
	StrategyCounts
	Deficit  StrategyCounts // the systems that planned a deficit
	Balanced StrategyCounts // the systems that planned to balance
	// Text is the sentence: "For 42 of 42 systems a deficit plan paid more
	// than a balanced one: planning to balance was a losing strategy."
	Text string
}

// StrategyCounts counts gains by sign.
type StrategyCounts struct {
	DeficitPays  int // systems for which a deficit plan paid more (gain > 0)
	Equal        int // gain = 0
	BalancedPays int // a balanced plan paid more (gain < 0)
	Counted      int // systems with a gain: every system, or none when no system planned a deficit
}

// Add counts one gain.
func (c *StrategyCounts) Add(gain decimal.Decimal) {
	c.Counted++
	switch gain.Sign() {
	case 1:
		c.DeficitPays++
	case 0:
		c.Equal++
	default:
		c.BalancedPays++
	}
}

// MarginalPrices are each group's median marginal price, the median of the
// exact prices (the mean of the middle two for an even count) rounded once
// to 4 places; a group with no systems has none (Has… false). Text compares
// them with the average price, Result.PriceOfDeficit.
type MarginalPrices struct {
	DeficitMedian  decimal.Decimal
	HasDeficit     bool
	BalancedMedian decimal.Decimal
	HasBalanced    bool
	Text           string
}

// LeverName names one of the terms that could end the reward; it is the
// lever's key in the JSON report's "ending_terms".
type LeverName string

// The three levers.
const (
	LeverWriteOff LeverName = "write_off" // the write-off probability, 0–100%: the largest that does not reward
	LeverInterest LeverName = "interest"  // the interest rate (a PDC dividend's rate), 0–20%: the smallest that does not reward
	LeverClawback LeverName = "clawback"  // a deduction of the cash received the year after the plans' year, 0–200%: the smallest that does not reward
)

// LeverStatus is how the search for one lever ended.
type LeverStatus string

// How a lever's search can end.
const (
	LeverFound       LeverStatus = "found"        // Value is the threshold
	LeverNotReached  LeverStatus = "not_reached"  // the money rewards deficit plans over the whole range
	LeverNoEffect    LeverStatus = "no_effect"    // the write-off or interest of a grant (no [repayment]): it changes nothing, so not reached
	LeverNotMonotone LeverStatus = "not_monotone" // the scan's verdict changes more than once, or the wrong end does not reward
	LeverNotSearched LeverStatus = "not_searched" // the scenario does not reward deficit plans as it stands
)

// Words is the status as a table shows it: "found", "not reached in
// range", "no effect (a grant)", "not monotone", "not searched".
func (s LeverStatus) Words() string {
	switch s {
	case LeverFound:
		return "found"
	case LeverNotReached:
		return "not reached in range"
	case LeverNoEffect:
		return "no effect (a grant)"
	case LeverNotMonotone:
		return "not monotone"
	default:
		return "not searched"
	}
}

// LeverPoint is the analysis rerun at one value of a lever (the others as
// the scenario has them): each group's effective grant (sums of the rounded
// per-system grants), its effective grant per head (pence) and the verdict
// on them.
type LeverPoint struct {
	Value           decimal.Decimal // the lever's value, a fraction with at most 4 places
	DeficitGrant    decimal.Decimal
	BalancedGrant   decimal.Decimal
	DeficitPerHead  decimal.Decimal
	BalancedPerHead decimal.Decimal
	Verdict         Label
}

// Rewards reports whether the money rewards deficit plans at this point.
func (p LeverPoint) Rewards() bool { return p.Verdict == RewardsDeficit }

// LeverSteps is how many evenly spaced values a lever's range is scanned
// at, ends included.
const LeverSteps = 101

// Lever is the search on one lever: the range scanned at LeverSteps evenly
// spaced points, then bisected to 0.0001 inside the step where the verdict
// stops being rewards_deficit.
type Lever struct {
	Name   LeverName
	Status LeverStatus
	// Value is the threshold when Status is LeverFound, 4 places: for the
	// write-off the largest value that does not reward deficit plans (the
	// next value up, 0.0001 more, does), for interest and clawback the
	// smallest (0.0001 less does). Nil otherwise.
	Value *decimal.Decimal
	// Note says in a phrase what Value is, or why there is none.
	Note     string
	From, To decimal.Decimal // the range searched
	// Scan is the verdict at each of the LeverSteps points from From to To
	// (empty when not searched); Bisect the points the bisection tried, in
	// order. Both carry the grant per head by group, for charts.
	Scan   []LeverPoint
	Bisect []LeverPoint
}

// EndingTerms are the three searches and the sentence that sums them up.
type EndingTerms struct {
	// Rewarding is true when the scenario rewards deficit plans as it
	// stands; otherwise nothing is searched, every lever is
	// LeverNotSearched and Note says why.
	Rewarding bool
	Note      string
	PDC       bool // the interest lever is the PDC dividend's rate
	WriteOff  Lever
	Interest  Lever
	Clawback  Lever
	// Text is the sentence for every report and the email: "It would stop
	// rewarding deficit plans only if at least 71.3% were certain to be
	// repaid, or the loan carried 6.2% interest, or 48% were clawed back the
	// following year."
	Text string
}

// Levers returns the three levers in the order reports show them.
func (e EndingTerms) Levers() []Lever { return []Lever{e.WriteOff, e.Interest, e.Clawback} }

// RerunKind says which plan a strategy rerun sets for the system.
type RerunKind string

// The plans of the strategy trace.
const (
	RerunOwn      RerunKind = "own"      // its own plan: the scenario as it ran
	RerunZero     RerunKind = "zero"     // plan 0: the balanced strategy of a system that planned a deficit
	RerunPrudence RerunKind = "prudence" // the prudence plan: the deficit strategy of a system that planned to balance
	RerunMarginal RerunKind = "marginal" // its plan less £1,000,000: the marginal price
)

// RerunTrace is one side of a system's strategy, step by step, as the
// explanation shows the scenario as it ran: the plan set, the allocation and
// how it was reached, the cash received through the tranches, the
// instalments (or dividends) discounted, the consequences, and the value.
type RerunTrace struct {
	Kind         RerunKind
	Plan         decimal.Decimal
	Group        Group // the group the plan puts it in
	Share        Share
	Allocation   decimal.Decimal
	Received     decimal.Decimal
	Repayments   []DiscountedInstalment
	Consequences []ConsequenceResult
	Value        Value
}

// StrategyTrace is the arithmetic behind one row of the strategy table and
// its marginal price (engine.StrategyTrace): the balanced and the deficit
// strategy, one of them the scenario as it ran and the other a rerun with
// only this system's plan changed, and the marginal rerun at plan −
// £1,000,000. For a balanced planner the deficit side's plan comes from
// the deficit group's median deficit per head (Median, MedianOf, as in
// PrudenceTrace).
type StrategyTrace struct {
	System   int // index into the dataset's systems
	Group    Group
	Median   money.Ratio // the deficit group's median planned deficit per head (balanced planners)
	MedianOf []int
	Balanced RerunTrace
	Deficit  RerunTrace
	Marginal RerunTrace
	AsRun    Value            // its value as the scenario ran
	Gain     *decimal.Decimal // Deficit − Balanced effective grant: SystemIncentive.Gain; nil when no system planned a deficit
	Price    decimal.Decimal  // SystemIncentive.MarginalPrice
}
