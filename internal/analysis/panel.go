package analysis

import "github.com/shopspring/decimal"

// Panel reads a plans library of several years as a panel, linked by ICB
// code, to ask whether planning is a bidding process: do systems that were
// paid plan deficits again, and does a bigger planned deficit bring more
// money? Each year is read through its primary scenario (the one marked
// primary = true, else the first by name). Package engine computes it
// (engine.Panel); report and the TUI render it.
//
// Every figure is exact until it is reported and rounded once: per-head
// means to pence, the bailout slope to four places; money owed is a sum of
// the rounded repayment instalments, so it foots with the yearly reports.
type Panel struct {
	Years    []PanelYear // every year of the library, oldest first
	Pairs    []Pair      // each pair of consecutive years, oldest first
	National []National  // one per year: the data's national figures beside the published ones
	// OwedYears are the year ends at which Owed gives balances: from the
	// first year of the panel to the last at whose end any loan is still
	// outstanding (at least to the panel's last year).
	OwedYears []string
	Owed      []Owed        // systems that owe loan principal at some year end, in order of first appearance
	Systems   []PanelSystem // every code of the panel, in order of first appearance: each system's history and cumulative figures
	Text      string        // the plain-English reading, one sentence per pair
}

// PanelYear is one year of the panel and the scenario that says who
// received what in it.
type PanelYear struct {
	Year          string // "2023/24"
	Scenario      string // the primary scenario's name (file stem)
	Title         string // its title
	Systems       int
	Illustrative  int             // systems whose figures are illustrative
	Threshold     decimal.Decimal // the primary scenario's balanced threshold, in pounds
	RepayableLoan bool            // the primary scenario's money is a loan (it has a repayment schedule)
	Verdict       Label           // the primary scenario's verdict that year
	Data          DataCheck       // its verdict on the reported rows alone
}

// SystemRef names a system.
type SystemRef struct {
	Code string
	Name string
}

// Pair compares two consecutive years. Transitions, recipients, persistence
// and the change per head use the systems present in both years; the
// bailout slope uses every system of the first year.
type Pair struct {
	From, To    string // "2023/24", "2024/25"
	Transitions Transitions
	// Recipients are the systems present in both years that received money
	// (R > 0) in From, in From's file order.
	Recipients []SystemRef
	// RecipientsDeficitNext are those of them that planned a deficit in To:
	// the persistence of recipients.
	RecipientsDeficitNext []SystemRef
	// RecipientsDeficitBefore counts the recipients that had planned a
	// deficit in From too ("planned a deficit again" when it is all of them).
	RecipientsDeficitBefore int
	// ReportedRecipients are the recipients whose rows are reported (not
	// illustrative) in both years, and ReportedRecipientsDeficitNext those
	// of them that planned a deficit in To: persistence on reported
	// figures alone.
	ReportedRecipients            []SystemRef
	ReportedRecipientsDeficitNext []SystemRef
	ChangePerHead                 ChangePerHead
	// BailoutSlope is the least-squares slope of cash received per head on
	// planned deficit per head over every system of From, exact and rounded
	// once to four places: 1.0000 means every £1 of planned deficit per head
	// brought £1 per head. Nil when it is not defined (fewer than two
	// systems, or every system planned the same deficit per head).
	BailoutSlope *decimal.Decimal
	Joined       []SystemRef // codes in To that are not in From (names as To has them)
	Left         []SystemRef // codes in From that are not in To (names as From has them)
}

// Transitions lists the systems present in both years by their group in
// each: deficit→deficit, deficit→balanced, balanced→deficit and
// balanced→balanced, each in To's file order. A system's group in a year
// is by that year's primary scenario's threshold.
type Transitions struct {
	DeficitDeficit   []SystemRef
	DeficitBalanced  []SystemRef
	BalancedDeficit  []SystemRef
	BalancedBalanced []SystemRef
}

// ChangePerHead is the mean change, From to To, in planned deficit per head
// (max(0, −plan) ÷ that year's population), in pounds: exact means rounded
// once to pence, and the difference of the exact means rounded once. A nil
// figure is a mean over no systems (or a difference with one).
type ChangePerHead struct {
	Recipients  *decimal.Decimal // over the systems that received money in From
	Others      *decimal.Decimal // over the systems present in both years that did not
	Difference  *decimal.Decimal // recipients − others
	NRecipients int
	NOthers     int
}

// National is one year's national figures from the data, with the figures
// published for that year beside them.
type National struct {
	Year           string
	Systems        int
	DeficitPlans   int             // systems whose plan is below minus the primary scenario's threshold
	PlannedDeficit decimal.Decimal // their planned deficits, summed, in pounds (positive)
	Reported       []ReportedFigure
}

// ReportedFigure is a national figure as published, from the year's
// year.toml, and whether the data agrees with it.
type ReportedFigure struct {
	Figure     string // "deficit plans", "planned deficit", or any other figure the file names
	Value      string // as published
	Source     string
	URL        string
	Confidence string // "H", "M", "L" or ""
	// Agrees says, for a figure the panel also computes ("deficit plans",
	// "planned deficit") and a value that reads as a number, whether the
	// data gives exactly that number; nil otherwise.
	Agrees *bool
}

// Owed is one system's outstanding loan principal at each of the panel's
// OwedYears, summed over every year's primary scenario.
type Owed struct {
	Code     string
	Name     string
	Balances []Balance
}

// Balance is what a system owes at the end of a year, in pounds.
type Balance struct {
	Year    string
	Balance decimal.Decimal
}

// PanelSystem is one system's history across the panel and its cumulative
// figures as at the end of the panel's last year. Received = grants +
// Repaid + Owed, where grants is what was received as grant (not a loan).
type PanelSystem struct {
	Code    string
	Name    string // as the latest year it appears in has it
	History []SystemYear
	// Received is the cash received across every year's primary scenario.
	Received decimal.Decimal
	// Repaid is the loan principal due in the panel's years (interest
	// aside), by the end of its last year.
	Repaid decimal.Decimal
	// Owed is the loan principal outstanding at the end of the panel's last
	// year; a system that leaves keeps its balance.
	Owed decimal.Decimal
	// EffectiveGrant sums the years' reported effective grants.
	EffectiveGrant decimal.Decimal
}

// SystemYear is one system in one year of the panel.
type SystemYear struct {
	Year           string
	Present        bool            // the year's plans have the system; the figures below are zero when not
	Illustrative   bool            // its figures that year are illustrative
	Group          Group           // by that year's primary scenario
	Plan           decimal.Decimal // planned surplus/(deficit), pounds
	DeficitPerHead decimal.Decimal // max(0, −plan) ÷ population, rounded once to pence
	Received       decimal.Decimal // cash received that year
	Repaid         decimal.Decimal // loan principal due that year, from any year's money
	Owed           decimal.Decimal // loan principal outstanding at the year's end
	EffectiveGrant decimal.Decimal // that year's effective grant, as reported
}
