package report

import (
	"icsplan/internal/analysis"
	"icsplan/internal/money"
)

// doc is the content of the text and markdown reports, already rounded,
// formatted and sanitised; the two formats differ only in layout.
type doc struct {
	title    string
	note     string
	facts    []fact // dataset, scenario, repayment, assumptions
	verdict  analysis.Label
	verdictS string   // the analysis's sentence(s)
	numbers  []string // the verdict's numbers, one sentence each
	sections []section
	caveats  []string
	annexes  []section // HTML only: the paper's annexes (text and markdown leave them out)
}

// fact is one labelled line of the report's preamble.
type fact struct{ label, value string }

// section is a headed part of the report: a table, some sentences, or both.
type section struct {
	heading string
	intro   []string
	table   *table
	notes   []string
	chart   string   // HTML only: the registered chart (internal/chart) that illustrates the section, or ""
	extra   []string // HTML only: further registered charts, after chart
}

// table is a table of cells; numeric columns are right-aligned.
type table struct {
	cols  []column
	rows  [][]string
	total []string  // optional totals row, set off by a rule
	refs  []string  // HTML only: for each row, the id of the annex row it traces to, or ""
	ids   []string  // HTML only: for each row, the id other rows link to, or ""
	links []string  // HTML only: for each row, the web address its last cell links to, or ""
	lazy  *lazyRows // HTML only: when set, the rows, made one at a time as they are written
}

// column describes one column of a table.
type column struct {
	head  string // heading; a newline splits it over two lines in text
	right bool   // right-aligned (figures)
	flex  bool   // may be truncated with … to keep the table within the width
	join  bool   // follows the column before with no gap (a footnote mark)
	maxw  int    // if not 0, the most columns the text layout gives it (longer cells end in …)
}

// buildDoc is the doc of the HTML paper: the report's content and the
// paper's annexes.
func buildDoc(r analysis.Result) doc { return makeDoc(r, true) }

// buildTextDoc is buildDoc without the annexes, which text and markdown
// leave out (so they are not built for them).
func buildTextDoc(r analysis.Result) doc { return makeDoc(r, false) }

func makeDoc(r analysis.Result, annexes bool) doc {
	sc := r.Scenario
	d := doc{
		title:    clean(sc.Title),
		note:     clean(sc.Note),
		verdict:  r.Verdict.Label,
		verdictS: clean(r.Verdict.Text),
	}
	if d.title == "" {
		d.title = clean(sc.Name)
	}
	ds := r.Dataset
	d.facts = []fact{
		{"Dataset", clean(ds.Year) + ", " + clean(ds.Path)},
		{"Systems", itoa(ds.Systems) + " systems, " + itoa(ds.Illustrative) + " with illustrative figures (" + illustrativeMark + ")"},
		{"Data check", clean(r.Data.Text)},
		{"Pot", pounds(sc.Pot) + " for " + describeRule(sc) + ", shared " + describeMethod(sc)},
		{"Repayment", describeRepayment(sc)},
		{"Assumptions", "discount rate " + pct(sc.Assumptions.DiscountRate) + "; " + pct(sc.Assumptions.WriteOff) +
			" chance the balance is never repaid; a plan below " + pounds(sc.Assumptions.BalancedThreshold.Neg()) + " is a deficit plan"},
	}
	if sc.Paid != "" {
		d.facts = append(d.facts[:4], append([]fact{{"Paid", clean(sc.Paid)}}, d.facts[4:]...)...)
	}
	d.facts = withTermFacts(d.facts, r)

	d.numbers = verdictNumbers(r)
	cols := footSystems(r)
	var ids []string // the annex rows' ids, which the paper's Systems rows link to
	if annexes {
		ids = annexIDs(len(r.Systems))
	}
	d.sections = append([]section{groupSection(r, cols), systemSection(r, cols, ids)}, termsSections(r)...)
	d.sections = append(d.sections, repaymentOrFlows(r), sensitivitySection(r))
	if s, ok := penaltySection(r); ok {
		d.sections = append(d.sections, s)
	}
	d.sections = append(d.sections, incentiveSections(r, annexes)...)
	if s, ok := outturnSection(r); ok {
		d.sections = append(d.sections, s)
	}
	for _, c := range r.Caveats {
		d.caveats = append(d.caveats, clean(c))
	}
	if annexes {
		d.annexes = []section{sourceAnnex(r, ids)}
	}
	return d
}

// verdictNumbers are the figures the verdict rests on, as sentences.
func verdictNumbers(r analysis.Result) []string {
	a := r.Scenario.Assumptions
	out := []string{
		"Effective grant per head: " + poundsPence(r.Deficit.GrantPerHead) + " to deficit planners (" +
			systems(r.Deficit.Systems) + "), " + poundsPence(r.Balanced.GrantPerHead) + " to balanced planners (" +
			systems(r.Balanced.Systems) + "), at a " + pct(a.DiscountRate) + " discount rate and a " +
			pct(a.WriteOff) + " chance of write-off.",
		"Cash per head: " + poundsPence(r.Deficit.PerHead) + " to deficit planners, " +
			poundsPence(r.Balanced.PerHead) + " to balanced planners.",
	}
	if r.HasPrice {
		out = append(out, "Price of a deficit: each £1 of planned deficit brought "+
			poundsPence(r.PriceOfDeficit)+" of effective grant ("+money.Fixed4(r.PriceOfDeficit)+").")
	}
	out = append(out, "Net transfer to deficit planners above their fair share of the money: "+
		pounds(r.NetTransferToDeficit)+".")
	return out
}

func groupSection(r analysis.Result, c systemColumns) section {
	t := &table{cols: []column{
		{head: "Group"},
		{head: "Systems", right: true},
		{head: "Population", right: true},
		{head: "Planned\ndeficit", right: true},
		{head: "Cash", right: true},
		{head: "Cash per\nhead £", right: true},
		{head: "Effective\ngrant", right: true},
		{head: "Grant per\nhead £", right: true},
	}}
	// Group figures are sums of the per-system figures shown in the Systems
	// table, so the two tables agree to the £000 and both foot.
	by := sumGroups(r, c)
	var sys, pop int64
	var all groupSums
	for _, g := range []analysis.GroupResult{r.Deficit, r.Balanced} {
		name := "Deficit plans"
		if g.Group == analysis.Balanced {
			name = "Balanced plans"
		}
		v := by[g.Group]
		if v == nil {
			v = &groupSums{}
		}
		t.rows = append(t.rows, []string{name, fmtCount(int64(g.Systems)), fmtCount(g.Population),
			fmtK(v.deficit), fmtK(v.cash), fmtPence(g.PerHead), fmtK(v.grant), fmtPence(g.GrantPerHead)})
		sys += int64(g.Systems)
		pop += g.Population
		all.deficit, all.cash, all.grant = all.deficit.Add(v.deficit), all.cash.Add(v.cash), all.grant.Add(v.grant)
	}
	t.total = []string{"All systems", fmtCount(sys), fmtCount(pop), fmtK(all.deficit), fmtK(all.cash),
		fmtPence(r.FairSharePerHead), fmtK(all.grant), fmtPence(r.Totals.GrantPerHead)}
	s := section{
		heading: "Deficit planners and balanced planners",
		intro: []string{"£000 except population and per-head figures (£); sums of the figures in the Systems table, " +
			"so each £000 column adds up to its exact total. Per-head figures are rounded on their own, not footed; " +
			"per head in the last row is over all systems."},
		table: t,
		chart: "per-head",
	}
	if n := tieNote("planned deficit", all.deficit, exactDeficitK(r),
		"Each group's planned deficit is the sum of its deficit plans as the Systems table shows them, so the tables agree."); n != "" {
		s.notes = append(s.notes, n)
	}
	return s
}

// systemSection is the Systems table, row i linked to the annex row refs[i]
// (refs nil: the paper's only).
func systemSection(r analysis.Result, c systemColumns, refs []string) section {
	t := &table{cols: []column{
		{head: "Code", maxw: 8},
		{head: "", join: true},
		{head: "Name", flex: true},
		{head: "G"},
		{head: "Plan", right: true},
		{head: capital(cashWord(r)), right: true},
		{head: "Per\nhead £", right: true},
		{head: "Fair\nshare", right: true},
		{head: "Transfer", right: true},
		{head: "Effective\ngrant", right: true},
	}}
	anyIllustrative := false
	for _, s := range r.Systems {
		anyIllustrative = anyIllustrative || s.Illustrative()
	}
	t.refs = refs
	t.lazy = &lazyRows{n: len(r.Systems), row: systemRow(r.Systems, c)}
	t.total = []string{"", "", "Total of " + systems(len(r.Systems)), "",
		fmtK(c.plan.total), fmtK(c.cash.total), fmtPence(r.FairSharePerHead), fmtK(c.fair.total),
		fmtK(c.transfer.total), fmtK(c.grant.total)}
	notes := []string{"G: D planned a deficit, B planned to balance or a surplus. " +
		"Per head in the totals row is the total " + cashWord(r) + " over the total population.",
		"Exact totals: pot " + poundsPence(r.Totals.Pot) + ", allocated " + poundsPence(r.Totals.Allocated) +
			", unallocated " + poundsPence(r.Totals.Unallocated) + ", effective grant " +
			poundsPence(r.Totals.EffectiveGrant) + " (grant element " + money.Percent(r.Totals.GrantElement, 1) + ")." +
			termsTotals(r)}
	if n := tieNote("transfer", c.transfer.total, c.transferExact,
		"Each transfer is shown as "+cashWord(r)+" less fair share, so that rows add across."); n != "" {
		notes = append(notes, n)
	}
	if anyIllustrative {
		notes = append(notes, illustrativeNote)
	}
	return section{
		heading: "Systems",
		intro: []string{receivedIntro(r) + "£000 except per head (£). Each £000 column is rounded so that it adds up " +
			"to its exact total (by largest remainder, so a figure can be £1k off its value rounded alone); a " +
			"transfer is " + cashWord(r) + " less fair share as shown. Per-head figures are rounded on their own, not footed."},
		table: t,
		notes: notes,
		chart: "transfers",
	}
}

func repaymentSection(r analysis.Result) section {
	s := section{heading: "Repayments by year", chart: "repayments"}
	if r.Scenario.Repayment == nil {
		s.intro = []string{"None: the money is a grant."}
		return s
	}
	if len(r.Years) == 0 {
		s.intro = []string{"Nothing is due back."}
		return s
	}
	t := &table{cols: []column{
		{head: "Year"},
		{head: "Principal", right: true},
		{head: "Interest", right: true},
		{head: "Total", right: true},
	}}
	c := footYears(r.Years)
	years := make([]string, len(r.Years))
	for i, y := range r.Years {
		years[i] = clean(y.Year)
	}
	years, cs := capYears(years, []kColumn{c.principal, c.interest, c.total})
	for i, y := range years {
		t.rows = append(t.rows, []string{y, fmtK(cs[0].rows[i]), fmtK(cs[1].rows[i]), fmtK(cs[2].rows[i])})
	}
	t.total = []string{"Total", fmtK(c.principal.total), fmtK(c.interest.total), fmtK(c.total.total)}
	s.intro = []string{"£000, all systems; principal and interest each add up to their exact totals, and a year's " +
		"total is its principal plus interest as shown. Present value of the repayments: " +
		pounds(r.Totals.PVRepayments) + "."}
	s.table = t
	s.notes = cappedNote(len(r.Years))
	if n := tieNote("total", c.total.total, c.totalExact,
		"Each year's total is its principal plus interest as shown, so that rows add across."); n != "" {
		s.notes = append(s.notes, n)
	}
	return s
}

func sensitivitySection(r analysis.Result) section {
	g := r.Grid()
	s := section{heading: "Sensitivity: grant element and verdict", chart: "sensitivity"}
	if len(g.WriteOffs) == 0 {
		s.intro = []string{"No sensitivity grid was computed."}
		return s
	}
	t := &table{cols: []column{{head: "Write-off"}}}
	for _, rate := range g.Rates {
		t.cols = append(t.cols, column{head: "Discount " + pct(rate)})
	}
	for i, w := range g.WriteOffs {
		row := []string{pct(w)}
		for k, rate := range g.Rates {
			c, ok := g.Cell(w, rate)
			if !ok {
				row = append(row, "")
				continue
			}
			v := money.Percent(c.GrantElement, 1) + " " + c.Verdict.Short()
			if g.IsOwn(i, k) {
				v += " *"
			}
			row = append(row, v)
		}
		t.rows = append(t.rows, row)
	}
	s.intro = []string{"Grant element (effective grant ÷ cash) and the verdict, by chance of write-off and discount rate."}
	s.table = t
	s.notes = []string{"* the scenario's own assumptions. \"rewards deficit\" means the money rewards deficit plans; " +
		"\"rewards balanced\" that it rewards balanced plans."}
	return s
}

func penaltySection(r analysis.Result) (section, bool) {
	const most = 5
	shown, n, least := penalties(r, most)
	if n == 0 {
		return section{}, false
	}
	t := &table{cols: []column{
		{head: "Code", maxw: 8},
		{head: "Name", flex: true},
		{head: "Plan", right: true},
		{head: "Deficit\nplan", right: true},
		{head: "Penalty", right: true},
	}}
	for _, i := range shown {
		s := r.Systems[i]
		t.refs = append(t.refs, annexID(i))
		t.rows = append(t.rows, []string{clean(s.Code), clean(s.Name), fmtThousands(s.Plan),
			fmtThousands(s.PenaltyPlan), fmtThousands(*s.PrudencePenalty)})
	}
	top := r.Systems[shown[0]]
	if top.PrudencePenalty.IsZero() && r.Systems[least].PrudencePenalty.IsZero() {
		return section{heading: "Prudence penalties", intro: []string{capital(penaltySentence(top))}}, true
	}
	sec := section{
		heading: "Prudence penalties",
		intro: []string{"What a balanced system would have gained in effective grant had it planned a deficit like " +
			"the deficit group's median per head (the deficit plan shown). £000."},
		table: t,
		notes: []string{capital(penaltySentence(top))},
	}
	if n > most {
		sec.notes = append(sec.notes, "The "+itoa(most)+" biggest of "+itoa(n)+" balanced systems.")
	}
	return sec, true
}

func outturnSection(r analysis.Result) (section, bool) {
	if len(r.Outturn) == 0 {
		return section{}, false
	}
	t := &table{cols: []column{
		{head: "Group"},
		{head: "Systems", right: true},
		{head: "Plan", right: true},
		{head: "Outturn", right: true},
		{head: "Difference", right: true},
	}}
	for _, o := range r.Outturn {
		name := "Deficit plans"
		if o.Group == analysis.Balanced {
			name = "Balanced plans"
		}
		pk, ok := thousands(o.Plan), thousands(o.Outturn)
		t.rows = append(t.rows, []string{name, fmtCount(int64(o.Systems)), fmtK(pk), fmtK(ok), fmtK(ok.Sub(pk))})
	}
	return section{
		heading: "Outturn against plan",
		intro:   []string{"£000, systems whose year-end outturn is known; a positive difference is better than plan."},
		table:   t,
	}, true
}

// penaltySentence says what the biggest prudence penalty means.
func penaltySentence(s analysis.SystemResult) string {
	who := clean(s.Name) + " (" + clean(s.Code) + ")"
	p := *s.PrudencePenalty
	switch {
	case p.IsPositive():
		return who + " planned to balance; had it planned a deficit like the others, it would have gained " +
			pounds(p) + " of effective grant."
	case p.IsZero():
		return "no balanced system would have gained anything by planning a deficit."
	default:
		return "planning a deficit would have cost every balanced system; " + who + " would have lost least, " +
			pounds(p.Neg()) + " of effective grant."
	}
}
