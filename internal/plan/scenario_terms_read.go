package plan

import (
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
	"github.com/shopspring/decimal"
)

// The shapes of a [[tranche]] and a [[consequence]] table, read as the rest
// of a scenario is: untyped leaves, each with its own message.

type rawTranche struct {
	Share     any `toml:"share"`
	Paid      any `toml:"paid"`
	Condition any `toml:"condition"`
	Tolerance any `toml:"tolerance"`
	Forfeit   any `toml:"forfeit"`
}

type rawConsequence struct {
	Kind        any `toml:"kind"`
	Base        any `toml:"base"`
	Rate        any `toml:"rate"`
	Year        any `toml:"year"`
	Probability any `toml:"probability"`
	Group       any `toml:"group"`
}

// isPotDeficits reports whether a pot's text is "deficits", forgiving case
// and spaces around it.
func isPotDeficits(text string) bool {
	return strings.EqualFold(strings.TrimSpace(text), potDeficits)
}

// pot reads the pot: an amount of money, or "deficits".
func (r *scenarioReader) pot(sc *Scenario, v any) {
	if v == nil {
		r.bad(FieldPot, "is missing: say how much money is shared, like pot = \"£700m\"")
	}
	if s, ok := v.(string); ok && isPotDeficits(s) {
		sc.PotDeficits = true
		sc.Pot = decimal.Zero
		return
	}
	sc.Pot = r.money(FieldPot, v, decimal.Zero)
}

// listOnly refuses a list written as one table ([tranche] for [[tranche]]).
func (r *scenarioReader) listOnly(table string) {
	if p, ok := r.idx[table]; ok && p.kind == unstable.Table {
		r.bad(table, "is written [[%s]], with two brackets, since a scenario may have several", table)
	}
}

// tranches reads the [[tranche]] tables in order.
func (r *scenarioReader) tranches(raw []rawTranche) []Tranche {
	r.listOnly(trancheTable)
	if len(raw) > MaxTranches {
		r.bad(trancheTable, "has %d [[tranche]] tables: a scenario takes at most %d", len(raw), MaxTranches)
		raw = raw[:MaxTranches]
	}
	var out []Tranche
	for i, t := range raw {
		key := func(leaf string) string { return TrancheKey(i+1, leaf) }
		tr := DefaultTranche(decimal.Zero)
		if t.Share == nil {
			r.bad(key(LeafShare), "is missing: say what share of each allocation this tranche pays, like share = \"25%%\"")
		}
		tr.Share = r.rate(key(LeafShare), t.Share, decimal.Zero)
		tr.Paid = r.text(key(LeafPaid), t.Paid)
		tr.Condition = Condition(r.choice(key(LeafCondition), t.Condition, string(tr.Condition), conditions))
		tr.Tolerance = r.money(key(LeafTolerance), t.Tolerance, decimal.Zero)
		tr.Forfeit = Forfeit(r.choice(key(LeafForfeit), t.Forfeit, string(tr.Forfeit), forfeits))
		out = append(out, tr)
	}
	return out
}

// consequences reads the [[consequence]] tables in order.
func (r *scenarioReader) consequences(raw []rawConsequence) []Consequence {
	r.listOnly(consequenceTable)
	if len(raw) > MaxConsequences {
		r.bad(consequenceTable, "has %d [[consequence]] tables: a scenario takes at most %d", len(raw), MaxConsequences)
		raw = raw[:MaxConsequences]
	}
	var out []Consequence
	for i, c := range raw {
		key := func(leaf string) string { return ConsequenceKey(i+1, leaf) }
		missing := func(leaf string, v any, example string) {
			if v == nil {
				r.bad(key(leaf), "is missing: every consequence gives its %s, like %s = %s", leaf, leaf, example)
			}
		}
		missing(LeafKind, c.Kind, `"deduction"`)
		missing(LeafBase, c.Base, `"overspend"`)
		missing(LeafRate, c.Rate, `"100%"`)
		missing(LeafYear, c.Year, `"2024/25"`)
		cs := DefaultConsequence("")
		cs.Kind = ConsequenceKind(r.choice(key(LeafKind), c.Kind, "", consKinds))
		cs.Base = ConsequenceBase(r.choice(key(LeafBase), c.Base, "", consBases))
		cs.Rate = r.rate(key(LeafRate), c.Rate, decimal.Zero)
		cs.Year = r.text(key(LeafYear), c.Year)
		cs.Probability = r.rate(key(LeafProbability), c.Probability, cs.Probability)
		cs.Group = Applies(r.choice(key(LeafGroup), c.Group, string(cs.Group), groups))
		out = append(out, cs)
	}
	return out
}

// The keys of the tables that come in lists, and of their leaves.
const (
	trancheTable     = "tranche"
	consequenceTable = "consequence"

	LeafShare       = "share"       // tranche: fraction of each allocation
	LeafPaid        = "paid"        // tranche: financial year paid
	LeafCondition   = "condition"   // tranche: none, forecast or outturn
	LeafTolerance   = "tolerance"   // tranche: how far below plan still passes
	LeafForfeit     = "forfeit"     // tranche: held or redistribute
	LeafKind        = "kind"        // consequence: deduction or bonus
	LeafBase        = "base"        // consequence: overspend, improvement, received or deficit
	LeafRate        = "rate"        // consequence: of the base
	LeafYear        = "year"        // consequence: financial year it falls in
	LeafProbability = "probability" // consequence: chance it is enforced
	LeafGroup       = "group"       // consequence: all, deficit or balanced planners
)

// TrancheFields and ConsequenceFields are the leaves of a [[tranche]] and a
// [[consequence]] table, in the order a file and an editor give them.
var (
	TrancheFields     = []string{LeafShare, LeafPaid, LeafCondition, LeafTolerance, LeafForfeit}
	ConsequenceFields = []string{LeafKind, LeafBase, LeafRate, LeafYear, LeafProbability, LeafGroup}
)

// TrancheKey is the field key of leaf of tranche n, counted from 1:
// TrancheKey(2, "share") is "tranche.2.share". SetField, FieldText and
// Problem.Column use it.
func TrancheKey(n int, leaf string) string { return fmt.Sprintf("%s.%d.%s", trancheTable, n, leaf) }

// ConsequenceKey is the field key of leaf of consequence n, counted from 1:
// "consequence.1.rate".
func ConsequenceKey(n int, leaf string) string {
	return fmt.Sprintf("%s.%d.%s", consequenceTable, n, leaf)
}
