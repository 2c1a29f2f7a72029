// Package analysis is the answer to the question whether a scenario's money
// rewards deficit plans over balanced ones: the result structs (group totals
// and per-head figures, fair shares and transfers, the price of a deficit,
// each balanced system's prudence penalty, a sensitivity grid, the verdict,
// and the terms that follow the money: tranches paid or withheld,
// consequences, the by-year flows; the incentives: the strategy table, the
// marginal price of a deficit and the terms that end the reward, in
// incentives.go) with the trace of how each allocation
// was reached, and pure functions of them: the verdict rule and sentence,
// the caveats, and the derived figures screens show. Package engine computes a Result; report and tui render it.
// analysis does no I/O and does not depend on funding.
package analysis

import (
	"strings"

	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// Group is the side of the question a system is on.
type Group string

// The two groups.
const (
	Deficit  Group = "deficit"  // planned a deficit: plan < −balanced_threshold
	Balanced Group = "balanced" // everyone else, surpluses included
)

// Label is the machine form of a verdict.
type Label string

// Verdict labels.
const (
	RewardsDeficit  Label = "rewards_deficit"
	RewardsBalanced Label = "rewards_balanced"
	Neutral         Label = "neutral"
	CannotCompare   Label = "cannot_compare"
)

// Words returns the verdict as people read it: "rewards deficit plans".
func (l Label) Words() string {
	switch l {
	case RewardsDeficit:
		return "rewards deficit plans"
	case RewardsBalanced:
		return "rewards balanced plans"
	case Neutral:
		return "neutral"
	default:
		return "cannot compare"
	}
}

// Short returns the verdict in words short enough for a table cell:
// "rewards deficit", "rewards balanced", "neutral", "cannot compare".
func (l Label) Short() string {
	return strings.TrimSuffix(l.Words(), " plans")
}

// Verdict answers the question with its numbers.
type Verdict struct {
	Label Label
	Text  string // one or two plain sentences with the per-head figures that decide it, quotable as they are
}

// DatasetInfo describes the data the analysis rests on.
type DatasetInfo struct {
	Year         string // "2023/24"
	Path         string
	Systems      int
	Illustrative int // systems whose figures are illustrative (from the source column)
}

// Totals are the scenario's headline sums; each is a sum of the rounded
// per-system figures, so tables foot.
type Totals struct {
	Pot            decimal.Decimal
	Allocated      decimal.Decimal
	Unallocated    decimal.Decimal
	Repayments     decimal.Decimal // principal + interest due back
	PVRepayments   decimal.Decimal
	EffectiveGrant decimal.Decimal
	GrantElement   decimal.Decimal // effective grant ÷ cash received, 4 decimals
	GrantPerHead   decimal.Decimal // effective grant ÷ everyone's population, pence

	// The terms. Without tranches Received is Allocated, and without
	// tranches or consequences the rest are 0.
	Received      decimal.Decimal // cash paid to systems: allocated − held
	Withheld      decimal.Decimal // withheld from systems that failed a tranche's condition, before any was shared out again
	Redistributed decimal.Decimal // of the withheld, what was shared over the systems that passed
	Held          decimal.Decimal // of the withheld, what the centre kept: withheld − redistributed
	Deductions    decimal.Decimal // consequences taken from systems, at face value (before probability and discounting)
	Bonuses       decimal.Decimal // consequences given to systems, at face value
}

// SystemResult is one system's figures.
type SystemResult struct {
	plan.System
	Group           Group
	Eligible        bool
	Allocation      decimal.Decimal // its share of the pot, before any tranche is withheld
	PerHead         decimal.Decimal // cash received ÷ population, pence
	FairShare       decimal.Decimal // total cash received apportioned over all systems by weighted population (scenario unit, keys: codes)
	Transfer        decimal.Decimal // cash received − fair share
	Repayments      []Instalment    // years with principal or interest (a PDC dividend, for PDC) due (not zero), oldest first
	PVRepayments    decimal.Decimal
	EffectiveGrant  decimal.Decimal
	GrantElement    decimal.Decimal
	PrudencePenalty *decimal.Decimal // balanced systems only: G_j in the rerun − G_j; nil for deficit systems and when no system planned a deficit
	PenaltyPlan     decimal.Decimal  // the plan assumed in the prudence rerun: −(median deficit per head in D × population) to £1000; 0 when there is no penalty
	// PenaltyGrantExact is its effective grant in the prudence rerun, exact
	// (PrudencePenalty is it rounded to pence, less EffectiveGrant); the zero
	// Ratio when there is no penalty.
	PenaltyGrantExact money.Ratio
	Share             Share // how the allocation was reached
	Value             Value // exact present value behind PVRepayments

	// The terms, as they fell on this system.
	Received      decimal.Decimal     // cash it received: the tranches it was paid plus its share of others' forfeits (its allocation when there are no tranches)
	Withheld      decimal.Decimal     // its parts of the tranches it failed
	Redistributed decimal.Decimal     // its shares of others' forfeits, part of Received
	Tranches      []TrancheResult     // every tranche of the scenario, paid or not; none when the scenario has no [[tranche]]
	Consequences  []ConsequenceResult // the consequences applied to it and not zero, in the scenario's order
	Deductions    decimal.Decimal     // Σ its deductions' amounts, at face value
	Bonuses       decimal.Decimal     // Σ its bonuses' amounts, at face value
}

// GroupResult sums one group.
type GroupResult struct {
	Group          Group
	Systems        int
	Population     int64
	PlannedDeficit decimal.Decimal // Σ −min(0, plan), positive
	Allocation     decimal.Decimal // Σ allocations, before any tranche is withheld
	Received       decimal.Decimal // Σ cash received: the group's cash
	PerHead        decimal.Decimal // cash received ÷ population, pence
	EffectiveGrant decimal.Decimal
	GrantPerHead   decimal.Decimal // effective grant ÷ population, pence
}

// YearTotal is what all systems pay back in one year.
type YearTotal struct {
	Year      string
	Principal decimal.Decimal
	Interest  decimal.Decimal
}

// Total is what is due in the year: principal plus interest.
func (y YearTotal) Total() decimal.Decimal { return y.Principal.Add(y.Interest) }

// Cell is one point of the sensitivity grid.
type Cell struct {
	WriteOff     decimal.Decimal
	DiscountRate decimal.Decimal
	GrantElement decimal.Decimal
	Verdict      Label
}

// Outturn compares a group's outturn with its plan where outturn is known.
type Outturn struct {
	Group   Group
	Systems int             // systems with a known outturn
	Plan    decimal.Decimal // Σ plan of those systems
	Outturn decimal.Decimal // Σ outturn of those systems
}

// Result is the whole analysis of one scenario on one dataset.
type Result struct {
	Dataset              DatasetInfo
	Scenario             plan.Scenario
	Totals               Totals
	Systems              []SystemResult // file order
	Deficit              GroupResult
	Balanced             GroupResult
	Years                []YearTotal     // repayments by year across all systems (sums of the rounded instalments), years with something due, oldest first
	NetTransferToDeficit decimal.Decimal // Σ transfers of the deficit group; the balanced group's is its negative, exactly
	FairSharePerHead     decimal.Decimal // total cash received ÷ everyone's population: the cash per head of a fair share, pence
	PriceOfDeficit       decimal.Decimal // the deficit group's effective grant ÷ its planned deficit: per £1 of planned deficit, 4 decimals
	HasPrice             bool            // false when the deficit group has no planned deficit
	Sensitivity          []Cell          // write_off {0,25,50,75,100%} × discount {0,3.5%,5%}, write-off major
	Outturn              []Outturn       // groups with at least one known outturn
	Verdict              Verdict
	Caveats              []string   // plain sentences: illustrative figures, blank basis figures, unallocated money, untested or unapplied terms, a verdict that changes across the grid
	Allocation           Allocation // how the pot was shared as a whole
	// Flows is every year in which the scenario moves money, from the
	// plans' year on, oldest first: cash paid, repayments, interest,
	// dividends, deductions and bonuses, for the Repayments screen.
	Flows []YearFlow
	Terms TermCounts // what the terms could not test or apply
	Data  DataCheck  // the verdict on the reported rows alone, beside the verdict on all rows
	// Panel is the plans library read across years, when it has two or
	// more; nil otherwise. engine.Analyse leaves it nil: a caller that has
	// the library sets it (engine.Panel), and every report renders it.
	Panel *Panel
	// Incentives is the strategy table, the marginal price of a deficit and
	// the terms that end the reward; nil when they were not computed
	// (engine.AnalyseWithoutIncentives, for a caller that wants the rest
	// first).
	Incentives *Incentives
}
