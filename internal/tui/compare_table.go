package tui

import (
	"fmt"
	"strings"

	"icsplan/internal/analysis"

	"github.com/charmbracelet/x/ansi"
)

// The comparison's text, made by pure functions from the analyses, so
// that the Compare screen and the file e writes from it say the same.

// compareCol is one scenario's column: its name, and its analysis (ok) or
// the error it failed with; neither while it is being computed.
type compareCol struct {
	name string
	res  analysis.Result
	err  error
	ok   bool
	open string // for the scenario open in the other screens: "▶ open", "▶ open, edited", …; "" for the others
}

// compareRow is one row of the comparison: its label and each cell's text.
type compareRow struct {
	label   string
	cell    func(r *analysis.Result) string
	verdict bool // the cell is a verdict, drawn in its colour on screen
}

// compareRows are the rows of the comparison, in order: what the scenario
// is, its terms (when terms is set: tranches, consequences), its
// assumptions, then what it gives each group, what the terms did (when
// terms is set) and the verdict. The groups' cash adds up to the
// allocated total (groupSplit).
func compareRows(terms bool) []compareRow {
	repay := func(f func(r *analysis.Result) string) func(r *analysis.Result) string {
		return func(r *analysis.Result) string {
			if r.Scenario.Repayment == nil {
				return "—"
			}
			return f(r)
		}
	}
	rows := []compareRow{
		{label: "Title", cell: func(r *analysis.Result) string { return safe(scenarioTitle(r.Scenario)) }},
		{label: "Pot", cell: potCell},
		{label: "Eligible", cell: func(r *analysis.Result) string {
			return string(r.Scenario.Eligibility.Rule) + " (" + string(r.Scenario.Eligibility.Basis) + ")"
		}},
		{label: "Method", cell: func(r *analysis.Result) string { return string(r.Scenario.Allocation.Method) }},
	}
	if terms {
		rows = append(rows, termRows()...)
	}
	rows = append(rows, []compareRow{
		{label: "Repayment", cell: func(r *analysis.Result) string {
			switch rp := r.Scenario.Repayment; {
			case rp == nil:
				return "none (grant)"
			case rp.IsPDC():
				return "PDC from " + safe(rp.FirstYear)
			}
			return "from " + safe(r.Scenario.Repayment.FirstYear)
		}},
		{label: "Repayment years", cell: repay(func(r *analysis.Result) string { return fmt.Sprint(r.Scenario.Repayment.Years) })},
		{label: "Interest", cell: repay(func(r *analysis.Result) string { return pct(r.Scenario.Repayment.Interest) })},
		{label: "Discount rate", cell: func(r *analysis.Result) string { return pct(r.Scenario.Assumptions.DiscountRate) }},
		{label: "Write-off", cell: func(r *analysis.Result) string { return pct(r.Scenario.Assumptions.WriteOff) }},
		{label: "To deficit group", cell: func(r *analysis.Result) string { d, _ := groupSplit(r); return fm(d) }},
		{label: "To balanced group", cell: func(r *analysis.Result) string { _, b := groupSplit(r); return fm(b) }},
		{label: "Per head, deficit", cell: func(r *analysis.Result) string { return fp(r.Deficit.PerHead) }},
		{label: "Per head, balanced", cell: func(r *analysis.Result) string { return fp(r.Balanced.PerHead) }},
	}...)
	if terms {
		rows = append(rows, termFigureRows()...)
	}
	return append(rows, []compareRow{
		{label: "Eff. grant, deficit", cell: func(r *analysis.Result) string { return fm(r.Deficit.EffectiveGrant) }},
		{label: "Eff. grant, balanced", cell: func(r *analysis.Result) string { return fm(r.Balanced.EffectiveGrant) }},
		{label: "Grant/head, deficit", cell: func(r *analysis.Result) string { return fp(r.Deficit.GrantPerHead) }},
		{label: "Grant/head, balanced", cell: func(r *analysis.Result) string { return fp(r.Balanced.GrantPerHead) }},
		{label: "Net transfer to deficit", cell: func(r *analysis.Result) string { return fm(r.NetTransferToDeficit) }},
		{label: "Verdict", cell: func(r *analysis.Result) string { return r.Verdict.Label.Short() }, verdict: true},
	}...)
}

// compareTable is the comparison as rows of plain cells: a header of the
// scenarios' names, a row marking the one open in the other screens, then
// one row per figure (compareRows): "…" while a column is computed,
// "error" where it failed.
func compareTable(cols []compareCol) [][]string {
	head, open := []string{""}, []string{""}
	for _, c := range cols {
		head, open = append(head, c.name), append(open, c.open)
	}
	table := [][]string{head, open}
	for _, row := range tableRows(cols) {
		line := []string{row.label}
		for i := range cols {
			v := "…"
			switch {
			case cols[i].err != nil:
				v = "error"
			case cols[i].ok:
				v = row.cell(&cols[i].res)
			}
			line = append(line, v)
		}
		table = append(table, line)
	}
	return table
}

// compareText is the comparison as a text file: a title, the table with
// every column as wide as its widest cell, and notes.
func compareText(title string, table [][]string, notes []string) string {
	var widths []int
	for _, row := range table {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	var b strings.Builder
	b.WriteString(title + "\n\n")
	for _, row := range table {
		var line strings.Builder
		for i, c := range row {
			if i == 0 {
				line.WriteString(padRight(c, widths[0]))
				continue
			}
			line.WriteString("  " + padRight(c, widths[i]))
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	if len(notes) > 0 {
		b.WriteString("\n")
		for _, n := range notes {
			b.WriteString(n + "\n")
		}
	}
	return b.String()
}
