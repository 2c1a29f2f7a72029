package report

import (
	"icsplan/internal/analysis"

	"github.com/shopspring/decimal"
)

// The Years report's £000 tables: money owed at each year end, each
// system's cumulative figures, and plans and cash by year. Each money
// column with a totals row is footed (footK).

func owedSection(p analysis.Panel) section {
	s := section{heading: "Money owed at each year end"}
	if len(p.Owed) == 0 {
		s.intro = []string{"Nothing is owed: no year's primary scenario lends money."}
		return s
	}
	t := &table{cols: []column{{head: "Code", maxw: 8}, {head: "Name", flex: true}}}
	cols := make([][]decimal.Decimal, len(p.OwedYears))
	for k, y := range p.OwedYears {
		t.cols = append(t.cols, column{head: clean(y), right: true})
		for _, o := range p.Owed {
			cols[k] = append(cols[k], o.Balances[k].Balance)
		}
	}
	footed := make([]kColumn, len(cols))
	for k := range cols {
		footed[k] = footK(cols[k])
	}
	for i, o := range p.Owed {
		row := []string{clean(o.Code), clean(o.Name)}
		for k := range footed {
			row = append(row, fmtK(footed[k].rows[i]))
		}
		t.rows = append(t.rows, row)
	}
	t.total = []string{"", "Total"}
	for k := range footed {
		t.total = append(t.total, fmtK(footed[k].total))
	}
	s.intro = []string{"£000: loan principal outstanding at the end of each year, summed over every year's primary " +
		"scenario, on the repayment terms each scenario assumes (interest aside). Grants, public dividend capital " +
		"and consequences owe nothing; a system that leaves the plans keeps its balance. Each column adds up to its exact total."}
	s.table = t
	return s
}

func cumulativeSection(p analysis.Panel) section {
	last := ""
	if n := len(p.Years); n > 0 {
		last = clean(p.Years[n-1].Year)
	}
	t := &table{cols: []column{{head: "Code", maxw: 8}, {head: "Name", flex: true}, {head: "Years", right: true},
		{head: "Received", right: true}, {head: "Repaid", right: true}, {head: "Owed", right: true},
		{head: "Effective\ngrant", right: true}}}
	n := len(p.Systems)
	rec, rep, owed, grant := make([]decimal.Decimal, n), make([]decimal.Decimal, n), make([]decimal.Decimal, n), make([]decimal.Decimal, n)
	for i, s := range p.Systems {
		rec[i], rep[i], owed[i], grant[i] = s.Received, s.Repaid, s.Owed, s.EffectiveGrant
	}
	fr, fp, fo, fg := footK(rec), footK(rep), footK(owed), footK(grant)
	for i, s := range p.Systems {
		present := 0
		for _, h := range s.History {
			if h.Present {
				present++
			}
		}
		t.rows = append(t.rows, []string{clean(s.Code), clean(s.Name), itoa(present), fmtK(fr.rows[i]), fmtK(fp.rows[i]),
			fmtK(fo.rows[i]), fmtK(fg.rows[i])})
	}
	t.total = []string{"", "Total of " + systems(n), "", fmtK(fr.total), fmtK(fp.total), fmtK(fo.total), fmtK(fg.total)}
	return section{heading: "Each system across the years",
		intro: []string{"£000, as at the end of " + last + ": cash received from every year's primary scenario, loan " +
			"principal repaid and still owed, and the sum of the years' effective grants (each year valued on its " +
			"own scenario's assumptions). What was received is what was granted plus what was repaid plus what is owed. " +
			"Each column adds up to its exact total."},
		table: t}
}

// byYearSection is a £000 table of one figure of each system in each year:
// its plan, or the cash it received.
func byYearSection(p analysis.Panel, cash bool) section {
	t := &table{cols: []column{{head: "Code", maxw: 8}, {head: "Name", flex: true}}}
	for _, y := range p.Years {
		t.cols = append(t.cols, column{head: clean(y.Year), right: true})
	}
	n := len(p.Systems)
	var cols []kColumn
	for k := range p.Years {
		v := make([]decimal.Decimal, n)
		for i, s := range p.Systems {
			v[i] = s.History[k].Plan
			if cash {
				v[i] = s.History[k].Received
			}
		}
		cols = append(cols, footK(v))
	}
	anyIll := false
	for i, s := range p.Systems {
		row := []string{clean(s.Code), clean(s.Name)}
		for k, h := range s.History {
			switch {
			case !h.Present:
				row = append(row, "–")
			case h.Illustrative && !cash:
				row = append(row, fmtK(cols[k].rows[i])+" "+illustrativeMark)
				anyIll = true
			default:
				row = append(row, fmtK(cols[k].rows[i]))
			}
		}
		t.rows = append(t.rows, row)
	}
	t.total = []string{"", "Total"}
	for _, c := range cols {
		t.total = append(t.total, fmtK(c.total))
	}
	s := section{heading: "Plans by year", table: t,
		intro: []string{"£000: each system's planned surplus/(deficit) in each year; – where the year's plans do not " +
			"have the system. Each column adds up to its exact total."}}
	if cash {
		s.heading = "Cash received by year"
		s.intro = []string{"£000: the cash each year's primary scenario paid each system. Each column adds up to its exact total."}
	}
	if anyIll {
		s.notes = []string{illustrativeNote}
	}
	return s
}

// panelCaveats are what a reader must know before quoting the panel.
func panelCaveats(p analysis.Panel) []string {
	var out []string
	var ill []string
	for _, y := range p.Years {
		if y.Illustrative > 0 {
			ill = append(ill, clean(y.Year)+" "+itoa(y.Illustrative)+" of "+itoa(y.Systems))
		}
	}
	if len(ill) > 0 {
		out = append(out, "Illustrative plan figures, not reported ones: "+joinAnd(ill)+
			". Where a year's sources give no figure for a system, its row is illustrative; see each year's report for "+
			"whether the verdict holds on the reported rows alone.")
	}
	var rep []string
	for _, pr := range p.Pairs {
		if len(pr.ReportedRecipients) < len(pr.Recipients) {
			rep = append(rep, clean(pr.From)+" to "+clean(pr.To)+" "+itoa(len(pr.ReportedRecipientsDeficitNext))+" of "+
				itoa(len(pr.ReportedRecipients)))
		}
	}
	if len(rep) > 0 {
		out = append(out, "Persistence rests partly on illustrative rows. Of the systems that received money and are "+
			"reported in both years, these planned a deficit the year after: "+joinAnd(rep)+".")
	}
	out = append(out, "Who received what is each year's primary scenario, whose rule and repayment terms are "+
		"assumptions where the sources do not say; a panel is only as good as those scenarios.")
	return out
}

// joinAnd joins items as English: "a", "a and b", "a, b and c".
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	out := items[0]
	for _, s := range items[1 : len(items)-1] {
		out += ", " + s
	}
	return out + " and " + items[len(items)-1]
}
