package report

import (
	"icsplan/internal/analysis"

	"github.com/shopspring/decimal"
)

// The incentive analyses in the text, markdown and HTML reports (DESIGN.md,
// "Incentives: would a balanced plan have paid?"): the strategy by group
// with the marginal prices, the strategy table (each system's two plans,
// grants, gain and marginal price; text and markdown only, the paper
// keeping to its pages: the CSV report and the workbook have every row),
// and the terms that end the reward, with the charts of grant per head
// against each lever in the paper. A result with no incentives
// (engine.AnalyseWithoutIncentives) has none of these sections.

// incentiveSections are the incentive analyses' sections, or none; paper
// leaves out the strategy table.
func incentiveSections(r analysis.Result, paper bool) []section {
	if r.Incentives == nil {
		return nil
	}
	out := []section{strategySection(r)}
	if !paper {
		out = append(out, strategyTableSection(r))
	}
	return append(out, endingSection(r, paper))
}

// strategySection counts, by group, the systems for which a deficit plan
// paid more, made no difference or paid less, beside each group's median
// marginal price.
func strategySection(r analysis.Result) section {
	inc := r.Incentives
	t := &table{cols: []column{
		{head: "Group"},
		{head: "Systems", right: true},
		{head: "Deficit plan\npaid more", right: true},
		{head: "No\ndifference", right: true},
		{head: "Balanced plan\npaid more", right: true},
		{head: "Median price\nper £1", right: true},
	}}
	st, m := inc.Strategy, inc.Marginal
	for _, g := range []struct {
		name   string
		n      int
		c      analysis.StrategyCounts
		median decimal.Decimal
		hasMed bool
	}{{"Deficit plans", r.Deficit.Systems, st.Deficit, m.DeficitMedian, m.HasDeficit},
		{"Balanced plans", r.Balanced.Systems, st.Balanced, m.BalancedMedian, m.HasBalanced}} {
		counts := []string{"–", "–", "–"}
		if g.c.Counted > 0 {
			counts = []string{itoa(g.c.DeficitPays), itoa(g.c.Equal), itoa(g.c.BalancedPays)}
		}
		med := "–"
		if g.hasMed {
			med = g.median.StringFixed(4)
		}
		t.rows = append(t.rows, append(append([]string{g.name, itoa(g.n)}, counts...), med))
	}
	return section{
		heading: "Incentives: would a balanced plan have paid?",
		intro:   []string{clean(st.Text), clean(m.Text)},
		table:   t,
		notes: []string{"Each system's effective grant is compared under a balanced plan and under a deficit plan, " +
			"everything else unchanged. One of the two is its own plan, as the scenario ran; the other reruns the whole " +
			"scenario with only its plan changed: to 0 for a system that planned a deficit; for one that planned to " +
			"balance, to the deficit group's median deficit per head times its population, to £1,000 (its prudence " +
			"plan, so its gain is its prudence penalty).",
			"Median price per £1: the median over the group of what a further £1,000,000 of planned deficit would have " +
				"brought each system in effective grant (a rerun at plan less £1,000,000), per £1, to 4 places."},
	}
}

// strategyTableSection is the strategy table: every system's two plans,
// its grant under each, the gain and its marginal price; its rows are made
// as they are written (strategyRow), markdown's one at a time.
func strategyTableSection(r analysis.Result) section {
	inc := r.Incentives
	t := &table{cols: []column{
		{head: "Code", maxw: 8},
		{head: "", join: true},
		{head: "Name", flex: true},
		{head: "G"},
		{head: "Plan if\nbalanced", right: true},
		{head: "Plan if\ndeficit", right: true},
		{head: "Grant if\nbalanced", right: true},
		{head: "Grant if\ndeficit", right: true},
		{head: "Gain", right: true},
		{head: "Price\nper £1", right: true},
	}}
	anyIllustrative := false
	for _, s := range r.Systems {
		anyIllustrative = anyIllustrative || s.Illustrative()
	}
	t.lazy = &lazyRows{n: len(r.Systems), row: strategyRow(r.Systems, inc.Systems)}
	notes := []string{"Gain is the grant if deficit less the grant if balanced, to the penny (as the JSON and CSV " +
		"reports have it), then rounded; price per £1 is the effective grant a further £1 of planned deficit would " +
		"have brought, to 4 places."}
	if anyIllustrative {
		notes = append(notes, illustrativeNote)
	}
	return section{
		heading: "The strategy table",
		intro: []string{"£000 except the price (£ of effective grant per £1). Each figure is rounded on its own from its " +
			"exact value, so a grant can differ by £1k from the Systems table, whose columns are footed."},
		table: t,
		notes: notes,
	}
}

// strategyRow makes the strategy table's row i from systems[i] and its
// incentive row: code, mark, name, group, the plans, the grants (– for the
// deficit plan's when no system planned a deficit), the gain and the price.
func strategyRow(systems []analysis.SystemResult, incs []analysis.SystemIncentive) func(i int, cells []string) string {
	var cb cellBuf
	return func(i int, cells []string) string {
		s, row := &systems[i], &incs[i]
		cells[0], cells[1], cells[2], cells[3] = clean(s.Code), "", clean(s.Name), groupLetter(s.Group)
		if s.Illustrative() {
			cells[1] = illustrativeMark
		}
		cb.k(row.BalancedPlan)
		cb.ratioK(row.BalancedExact, row.BalancedGrant)
		if row.Gain != nil {
			cb.k(row.DeficitPlan)
			cb.ratioK(row.DeficitExact, row.DeficitGrant)
			cb.k(*row.Gain)
		}
		cb.fixed(row.MarginalPrice, 4)
		var scratch [6]string // every figure of the row: no slice is made for them
		figs := cb.take(scratch[:0])
		cells[4], cells[6], cells[9] = figs[0], figs[1], figs[len(figs)-1]
		cells[5], cells[7], cells[8] = "–", "–", "–"
		if row.Gain != nil {
			cells[5], cells[7], cells[8] = figs[2], figs[3], figs[4]
		}
		return ""
	}
}

// endingCharts are the charts of grant per head against each lever; the
// paper, keeping to its pages, shows only the levers whose threshold was
// found (the table says why the others have none).
func endingCharts(e analysis.EndingTerms, paper bool) (string, []string) {
	names := map[analysis.LeverName]string{analysis.LeverWriteOff: "ending-write-off",
		analysis.LeverInterest: "ending-interest", analysis.LeverClawback: "ending-clawback"}
	var out []string
	for _, l := range e.Levers() {
		if !paper || l.Status == analysis.LeverFound {
			out = append(out, names[l.Name])
		}
	}
	if len(out) == 0 {
		return "", nil
	}
	return out[0], out[1:]
}

func endingSection(r analysis.Result, paper bool) section {
	e := r.Incentives.Ending
	s := section{heading: "Terms that end the reward", intro: []string{clean(e.Text)}}
	if !e.Rewarding {
		return s
	}
	t := &table{cols: []column{
		{head: "Term"},
		{head: "Range"},
		{head: "Ends at", right: true},
		{head: "Search"},
	}}
	names := map[analysis.LeverName]string{analysis.LeverWriteOff: "Write-off probability",
		analysis.LeverInterest: "Interest rate", analysis.LeverClawback: "Clawback the following year"}
	if e.PDC {
		names[analysis.LeverInterest] = "Dividend rate"
	}
	for _, l := range e.Levers() {
		at := "–"
		if l.Value != nil {
			at = analysis.LeverPercent(*l.Value)
		}
		t.rows = append(t.rows, []string{names[l.Name], analysis.LeverPercent(l.From) + " to " + analysis.LeverPercent(l.To),
			at, l.Status.Words()})
	}
	s.table = t
	s.notes = []string{"Each term is varied on its own, everything else as the scenario has it, by exact reruns that keep " +
		"every allocation: its range scanned at " + itoa(analysis.LeverSteps) + " evenly spaced points, then bisected to " +
		"0.01 percentage point inside the step where the verdict stops being \"rewards deficit plans\". For the " +
		"write-off it is the largest probability at which the money does not reward deficit plans; for interest and " +
		"clawback the smallest. A clawback takes back that share of the cash each system received, the year after " +
		"the plans' year, certainly and from every system, on top of the scenario's own consequences."}
	s.chart, s.extra = endingCharts(e, paper)
	return s
}
