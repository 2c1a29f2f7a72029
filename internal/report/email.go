package report

import (
	"strings"

	"icsplan/internal/analysis"
)

// emailLines is the most lines the email body may have.
const emailLines = 10

// emailSummary is a Subject line, a blank line, then at most ten lines, each
// a sentence that stands on its own in a proportional font: no tables, no
// alignment, every figure with its unit.
func emailSummary(r analysis.Result) string {
	sc := r.Scenario
	a := sc.Assumptions
	title := clean(sc.Title)
	if title == "" {
		title = clean(sc.Name)
	}
	verdict := r.Verdict.Label.Words()
	var body []string
	add := func(s string) { body = append(body, strings.TrimSpace(s)) }

	add("Verdict: " + verdict + ". " + clean(r.Verdict.Text))
	add("Cash: " + pounds(r.Deficit.Received) + " to the " + systems(r.Deficit.Systems) + " that planned a deficit (" +
		poundsPence(r.Deficit.PerHead) + " per head); " + pounds(r.Balanced.Received) + " to the " +
		systems(r.Balanced.Systems) + " that planned to balance (" + poundsPence(r.Balanced.PerHead) + " per head).")
	add("Effective grant, at a " + pct(a.DiscountRate) + " discount rate and a " + pct(a.WriteOff) +
		" chance the balance is never repaid: " + pounds(r.Deficit.EffectiveGrant) + " to deficit planners (" +
		poundsPence(r.Deficit.GrantPerHead) + " per head), " + pounds(r.Balanced.EffectiveGrant) +
		" to balanced planners (" + poundsPence(r.Balanced.GrantPerHead) + " per head).")
	transfer := pounds(r.NetTransferToDeficit) + " more than their fair share went to deficit planners."
	if r.NetTransferToDeficit.IsNegative() {
		transfer = pounds(r.NetTransferToDeficit.Neg()) + " less than their fair share went to deficit planners."
	}
	if r.HasPrice {
		add("Price of a deficit: each £1 of planned deficit brought " + poundsPence(r.PriceOfDeficit) +
			" of effective grant; " + transfer)
	} else {
		add("Price of a deficit: not defined, as no system planned a deficit; " + transfer)
	}
	ending := emailEnding(r) // on the penalty's line, to stay within the ten
	if top, _, _ := penalties(r, 1); len(top) > 0 {
		if s := r.Systems[top[0]]; s.PrudencePenalty.IsPositive() {
			add("Biggest prudence penalty: " + penaltySentence(s) + ending)
		} else {
			add("Prudence penalty: none; " + penaltySentence(s) + ending)
		}
	} else if ending != "" {
		add(ending)
	}
	add("Terms: " + pounds(sc.Pot) + potWords(sc) + " for " + describeRule(sc) + ", shared " + describeMethod(sc) +
		emailTranches(r) + "; " + emailRepayment(sc) + emailConsequences(r) + ".")
	ds := r.Dataset
	data := "Data: " + clean(ds.Year) + " plans of " + systems(ds.Systems) + " (" + clean(ds.Path) + ")"
	var cs []string
	mentioned := false
	for _, c := range r.Caveats {
		c = strings.TrimSpace(clean(c))
		if c == "" {
			continue
		}
		if !strings.HasSuffix(c, ".") {
			c += "."
		}
		mentioned = mentioned || strings.Contains(strings.ToLower(c), "illustrative")
		cs = append(cs, c)
	}
	if ds.Illustrative > 0 && !mentioned {
		data += "; " + itoa(ds.Illustrative) + " of " + itoa(ds.Systems) + " plan figures are illustrative, not reported"
	}
	add(data + ". " + clean(r.Data.Text))
	if s := acrossYears(r); s != "" {
		add(s)
	}
	if len(cs) > 0 {
		add("Caveats: " + strings.Join(cs, " "))
	}
	if note := clean(sc.Note); note != "" {
		add(emailScenario(title, note)) // a regime's long note: its first sentence and "(see the report)"
	}
	if len(body) > emailLines {
		body = body[:emailLines]
	}
	subject := "Subject: " + title
	if ds.Year != "" && !strings.Contains(title, ds.Year) {
		subject += " (" + clean(ds.Year) + ")"
	}
	subject += ": " + verdict
	return subject + "\n\n" + strings.Join(body, "\n") + "\n"
}

// systems is "1 system" or "27 systems".
func systems(n int) string {
	if n == 1 {
		return "1 system"
	}
	return itoa(n) + " systems"
}
