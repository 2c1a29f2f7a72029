package report

import (
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// The Years report: the panel across years as a doc of sections, which the
// text, markdown and HTML formats lay out as they lay out the one-year
// report. Every figure comes from analysis.Panel; £000 columns with a
// totals row are footed.

// panelTitle heads the Years report in every format.
const panelTitle = "Years: is planning a bidding process?"

// panelDoc is the Years report's content, formatted and sanitised.
type panelDoc struct {
	title    string
	reading  string // the plain-English reading
	facts    []fact
	sections []section
	caveats  []string
}

func buildPanelDoc(p analysis.Panel) panelDoc {
	d := panelDoc{title: panelTitle, reading: clean(p.Text)}
	if n := len(p.Years); n > 0 {
		d.facts = []fact{
			{"Years", clean(p.Years[0].Year) + " to " + clean(p.Years[n-1].Year) + ", " + itoa(n) + " years, linked by ICB code"},
			{"Read through", "each year's primary scenario: the one marked primary = true, else the first by name"},
		}
	}
	d.sections = []section{yearsSection(p), nationalSection(p), transitionSection(p), perHeadSection(p),
		owedSection(p), cumulativeSection(p), byYearSection(p, false), byYearSection(p, true)}
	d.caveats = panelCaveats(p)
	return d
}

func yearsSection(p analysis.Panel) section {
	t := &table{cols: []column{{head: "Year"}, {head: "Primary scenario", flex: true}, {head: "Systems", right: true},
		{head: "Illus-\ntrative", right: true}, {head: "Verdict"}, {head: "On reported\nrows alone"}}}
	for _, y := range p.Years {
		alone := y.Data.Verdict.Short()
		if !y.Data.Rerun {
			alone = "–"
			if y.Data.Reported == y.Data.Systems {
				alone = "(all reported)"
			}
		}
		t.rows = append(t.rows, []string{clean(y.Year), clean(y.Title), fmtCount(int64(y.Systems)),
			fmtCount(int64(y.Illustrative)), y.Verdict.Short(), alone})
	}
	return section{heading: "The years and their scenarios",
		intro: []string{"Each year's verdict is its primary scenario's; the last column reruns that scenario on the " +
			"systems whose figures are reported, not illustrative."},
		table: t}
}

func nationalSection(p analysis.Panel) section {
	t := &table{cols: []column{{head: "Year"}, {head: "Figure", maxw: 31}, {head: "Published", right: true, maxw: 16},
		{head: "In the\ndata", right: true}, {head: "Agrees"}, {head: "Conf."}, {head: "Source", flex: true}}}
	for _, n := range p.National {
		year := clean(n.Year)
		row := func(figure, published, data, agrees, conf, source string) {
			t.rows = append(t.rows, []string{year, figure, published, data, agrees, conf, source})
			year = ""
		}
		computed := []struct{ figure, data string }{
			{plan.FigureDeficitPlans, fmtCount(int64(n.DeficitPlans))},
			{plan.FigurePlannedDeficit, pounds(n.PlannedDeficit)},
		}
		for _, c := range computed {
			found := false
			for _, r := range n.Reported {
				if strings.EqualFold(strings.TrimSpace(r.Figure), c.figure) {
					row(c.figure, clean(r.Value), c.data, agreesWord(r.Agrees), orDash(r.Confidence), clean(r.Source))
					found = true
				}
			}
			if !found {
				row(c.figure, "–", c.data, "–", "–", "none in year.toml")
			}
		}
		for _, r := range n.Reported {
			if f := strings.ToLower(strings.TrimSpace(r.Figure)); f != plan.FigureDeficitPlans && f != plan.FigurePlannedDeficit {
				row(clean(r.Figure), clean(r.Value), "–", "–", orDash(r.Confidence), clean(r.Source))
			}
		}
	}
	return section{heading: "National series: the data beside what was published",
		intro: []string{"For each year, the number of deficit plans and their total in the data (a plan below minus " +
			"the primary scenario's threshold is a deficit plan) beside each figure the year's year.toml says was " +
			"published, with its confidence (H an NHS England or ICB document, M the trade press quoting one, " +
			"L an aggregator or a paraphrase). \"Agrees\" compares the two where the published figure is a number."},
		table: t}
}

func agreesWord(b *bool) string {
	switch {
	case b == nil:
		return "–"
	case *b:
		return "yes"
	}
	return "no"
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func transitionSection(p analysis.Panel) section {
	t := &table{cols: []column{{head: "Years"}, {head: "Deficit\nthen deficit", right: true},
		{head: "Deficit\nthen balanced", right: true}, {head: "Balanced\nthen deficit", right: true},
		{head: "Balanced\nthen balanced", right: true}, {head: "Received\nmoney", right: true},
		{head: "Of them, a\ndeficit next", right: true}}}
	var notes []string
	for _, pr := range p.Pairs {
		tr := pr.Transitions
		t.rows = append(t.rows, []string{clean(pr.From) + " to " + clean(pr.To), itoa(len(tr.DeficitDeficit)),
			itoa(len(tr.DeficitBalanced)), itoa(len(tr.BalancedDeficit)), itoa(len(tr.BalancedBalanced)),
			itoa(len(pr.Recipients)), itoa(len(pr.RecipientsDeficitNext))})
		notes = append(notes, pairNames(pr)...)
	}
	return section{heading: "Who planned a deficit the year after",
		intro: []string{"Systems present in both years, by their plan in each. \"Received money\" counts the systems " +
			"paid anything in the first year; the last column, how many of them planned a deficit in the second."},
		table: t, notes: notes}
}

// pairNames names the systems that moved between groups, the recipients
// that did not plan a deficit next, and the codes that appear or vanish.
func pairNames(pr analysis.Pair) []string {
	var out []string
	add := func(what string, refs []analysis.SystemRef) {
		if len(refs) > 0 {
			out = append(out, clean(pr.From)+" to "+clean(pr.To)+", "+what+": "+names(refs)+".")
		}
	}
	add("planned to balance, then a deficit", pr.Transitions.BalancedDeficit)
	add("planned a deficit, then to balance", pr.Transitions.DeficitBalanced)
	deficitNext := map[string]bool{}
	for _, r := range pr.RecipientsDeficitNext {
		deficitNext[r.Code] = true
	}
	var not []analysis.SystemRef
	for _, r := range pr.Recipients {
		if !deficitNext[r.Code] {
			not = append(not, r)
		}
	}
	add("received money but did not plan a deficit next", not)
	if n := len(pr.Recipients); n > 0 {
		k, kd := len(pr.ReportedRecipients), len(pr.ReportedRecipientsDeficitNext)
		out = append(out, clean(pr.From)+" to "+clean(pr.To)+", on rows reported in both years alone: "+
			itoa(k)+" of the "+itoa(n)+" systems that received money, and "+itoa(kd)+" of those "+itoa(k)+
			" planned a deficit in "+clean(pr.To)+".")
	}
	add("first in "+clean(pr.To), pr.Joined)
	add("not in "+clean(pr.To), pr.Left)
	return out
}

func names(refs []analysis.SystemRef) string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = clean(r.Name) + " (" + clean(r.Code) + ")"
	}
	return strings.Join(out, ", ")
}

func perHeadSection(p analysis.Panel) section {
	t := &table{cols: []column{{head: "Years"}, {head: "Recip-\nients", right: true}, {head: "Change £\na head", right: true},
		{head: "Others", right: true}, {head: "Change £\na head", right: true}, {head: "Differ-\nence £", right: true},
		{head: "Bailout\nslope", right: true}}}
	for _, pr := range p.Pairs {
		c := pr.ChangePerHead
		t.rows = append(t.rows, []string{clean(pr.From) + " to " + clean(pr.To), itoa(c.NRecipients), optPence(c.Recipients),
			itoa(c.NOthers), optPence(c.Others), optPence(c.Difference), optRatio(pr.BailoutSlope)})
	}
	return section{heading: "Planned deficit per head, and the bailout slope",
		intro: []string{"The mean change in planned deficit per head (a deficit of £10 a head is 10.00; a surplus " +
			"counts as none) from the first year to the second, for the systems that received money in the first " +
			"and for the others; each mean is exact and rounded once, and so is their difference. The bailout slope " +
			"is the least-squares slope of cash received per head on planned deficit per head over every system " +
			"of the first year: 1.0000 means each £1 a head of planned deficit brought £1 a head."},
		table: t,
		notes: []string{"– where a group is empty or the slope is not defined (every system planned the same deficit per head)."}}
}

func optPence(d *decimal.Decimal) string {
	if d == nil {
		return "–"
	}
	return fmtPence(*d)
}

func optRatio(d *decimal.Decimal) string {
	if d == nil {
		return "–"
	}
	return money.Fixed4(*d)
}
