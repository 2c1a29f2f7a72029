package report

import (
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// panelEmail is the Years report as an email: a Subject line, a blank line
// and at most ten sentences to paste as they are.
func panelEmail(p analysis.Panel) string {
	subject := "Subject: " + panelTitle
	if n := len(p.Years); n > 0 {
		subject += " (" + clean(p.Years[0].Year) + " to " + clean(p.Years[n-1].Year) + ")"
	}
	var body []string
	for _, pr := range p.Pairs {
		body = append(body, clean(analysis.PairText(pr)))
	}
	if len(p.Pairs) == 0 {
		body = append(body, clean(p.Text))
	}
	var nat []string
	for _, n := range p.National {
		nat = append(nat, clean(n.Year)+" "+itoa(n.DeficitPlans)+" ("+pounds(n.PlannedDeficit)+")")
	}
	if len(nat) > 0 {
		body = append(body, "Deficit plans in the data, and their total: "+strings.Join(nat, "; ")+".")
	}
	var slopes []string
	for _, pr := range p.Pairs {
		if pr.BailoutSlope != nil {
			slopes = append(slopes, clean(pr.From)+" "+money.Fixed4(*pr.BailoutSlope))
		}
	}
	if len(slopes) > 0 {
		body = append(body, "Bailout slope, cash per head on planned deficit per head (1.0000: each £1 a head of deficit "+
			"brought £1 a head): "+strings.Join(slopes, "; ")+".")
	}
	if s := owedSentence(p); s != "" {
		body = append(body, s)
	}
	body = append(body, panelCaveats(p)...)
	if len(body) > emailLines {
		body = body[:emailLines]
	}
	return subject + "\n\n" + strings.Join(body, "\n") + "\n"
}

// owedSentence says what is owed at the end of the panel's last year, or "".
func owedSentence(p analysis.Panel) string {
	if len(p.Years) == 0 {
		return ""
	}
	last := len(p.Years) - 1
	total, who := decimal.Zero, 0
	for _, s := range p.Systems {
		if s.Owed.IsPositive() {
			total = total.Add(s.Owed)
			who++
		}
	}
	if who == 0 {
		return "Nothing is owed at the end of " + clean(p.Years[last].Year) + "."
	}
	return "Owed at the end of " + clean(p.Years[last].Year) + ": " + pounds(total) + " of loan principal by " +
		systems(who) + ", on the repayment terms each year's scenario assumes."
}

// panelSentence is the one sentence a one-year email gives the panel: the
// pair that starts in the report's year (did the systems paid that year
// plan a deficit the next?), or, for the last year, the one that ends in it.
func panelSentence(p analysis.Panel, year string) string {
	for _, pr := range p.Pairs {
		if pr.From == year {
			return clean(analysis.PairText(pr))
		}
	}
	for _, pr := range p.Pairs {
		if pr.To == year {
			return clean(analysis.PairText(pr))
		}
	}
	return ""
}

// acrossYears is the one-year email's sentence on the panel, or "" when the
// result has none.
func acrossYears(r analysis.Result) string {
	if r.Panel == nil {
		return ""
	}
	if s := panelSentence(*r.Panel, r.Dataset.Year); s != "" {
		return "Across years: " + s
	}
	return ""
}

// PanelYears is the span of a library's years, first to last (indexes
// into its n years, oldest first), that the panel of a one-year report of
// year year in format f must cover: all of them for the JSON report, which
// carries the panel whole; for the email, which gives the panel one
// sentence (panelSentence: the pair that starts in year, or else the one
// that ends in it), only that pair's two years, so that a caller analyses
// no other year. The panel of that span gives the email the sentence the
// whole panel gives it. n must be 2 or more, and year one of the n.
func PanelYears(f Format, n, year int) (first, last int) {
	if f != Email {
		return 0, n - 1
	}
	if year+1 < n {
		return year, year + 1
	}
	return year - 1, year
}
