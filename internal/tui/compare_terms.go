package tui

import (
	"fmt"
	"slices"
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"
)

// The rows of the comparison that the terms add, when any column has them
// (the regimes side by side, say): the tranches and consequences in words,
// and what they did.

// tableRows are the rows of the comparison of cols: with the terms' rows
// when a column analysed has tranches, consequences or PDC.
func tableRows(cols []compareCol) []compareRow {
	terms := false
	for i := range cols {
		terms = terms || cols[i].ok && termsView(cols[i].res.Scenario)
	}
	return compareRows(terms)
}

// potCell is the pot, saying when it is the deficits: "deficits: £720.0m".
func potCell(r *analysis.Result) string {
	if r.Scenario.PotDeficits {
		return "deficits: " + fm(r.Totals.Pot)
	}
	return fm(r.Totals.Pot)
}

// termRows say what the terms are: the tranches, what they are tested on
// and what becomes of a forfeit, and the bases of the deductions and
// bonuses.
func termRows() []compareRow {
	return []compareRow{
		{label: "Tranches", cell: func(r *analysis.Result) string {
			ts := r.Scenario.Tranches
			if len(ts) == 0 {
				return "none: at once"
			}
			n := 0
			for _, t := range ts {
				if conditional(t) {
					n++
				}
			}
			return fmt.Sprintf("%d (%d conditional)", len(ts), n)
		}},
		{label: "Tested on", cell: func(r *analysis.Result) string {
			return words(r.Scenario.Tranches, func(t plan.Tranche) (string, bool) { return string(t.Condition), conditional(t) })
		}},
		{label: "Forfeits", cell: func(r *analysis.Result) string {
			return words(r.Scenario.Tranches, func(t plan.Tranche) (string, bool) {
				if t.Forfeit == plan.ForfeitRedistribute {
					return "redistributed", conditional(t)
				}
				return "held", conditional(t)
			})
		}},
		{label: "Deductions on", cell: func(r *analysis.Result) string { return bases(r.Scenario.Consequences, plan.Deduction) }},
		{label: "Bonuses on", cell: func(r *analysis.Result) string { return bases(r.Scenario.Consequences, plan.Bonus) }},
	}
}

// termFigureRows are what the terms did, in all.
func termFigureRows() []compareRow {
	return []compareRow{
		{label: "Cash received", cell: func(r *analysis.Result) string { return fm(r.Totals.Received) }},
		{label: "Withheld", cell: func(r *analysis.Result) string { return fm(r.Totals.Withheld) }},
		{label: "Deductions (face value)", cell: func(r *analysis.Result) string { return fm(r.Totals.Deductions) }},
		{label: "Bonuses (face value)", cell: func(r *analysis.Result) string { return fm(r.Totals.Bonuses) }},
	}
}

// conditional reports whether a tranche is paid on a condition.
func conditional(t plan.Tranche) bool { return t.Condition != plan.ConditionNone && t.Condition != "" }

// words lists the distinct words of the tranches it keeps, in order:
// "forecast, outturn"; "—" for none.
func words(ts []plan.Tranche, word func(plan.Tranche) (string, bool)) string {
	var out []string
	for _, t := range ts {
		if w, ok := word(t); ok && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return "—"
	}
	return strings.Join(out, ", ")
}

// bases lists the bases of the consequences of kind, in order, each with
// how many there are when more than one: "overspend ×4"; "—" for none.
func bases(cs []plan.Consequence, kind plan.ConsequenceKind) string {
	var order []plan.ConsequenceBase
	n := map[plan.ConsequenceBase]int{}
	for _, c := range cs {
		if c.Kind != kind {
			continue
		}
		if n[c.Base] == 0 {
			order = append(order, c.Base)
		}
		n[c.Base]++
	}
	if len(order) == 0 {
		return "—"
	}
	out := make([]string, len(order))
	for i, b := range order {
		out[i] = string(b)
		if n[b] > 1 {
			out[i] += fmt.Sprintf(" ×%d", n[b])
		}
	}
	return strings.Join(out, ", ")
}
