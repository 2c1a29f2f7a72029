package report

import (
	"strings"

	"icsplan/internal/analysis"

	"github.com/shopspring/decimal"
)

// The terms in the text, markdown and HTML reports: the facts list names
// them, and a section ("Terms that follow the money") gives, per tranche,
// what it was, paid and withheld and why, and, per consequence, its rate,
// year, chance and totals. A scenario without tranches or consequences has
// neither, and its report is as it always was.

// termsHeading heads the terms sections: one for the tranches, one for the
// consequences.
const termsHeading = "Terms that follow the money"

// withTermFacts adds the tranches and consequences to the facts, before the
// repayment, and says when the pot is the eligible systems' deficits.
func withTermFacts(facts []fact, r analysis.Result) []fact {
	sc := r.Scenario
	var add []fact
	if len(sc.Tranches) > 0 {
		add = append(add, fact{"Tranches", describeTranches(sc, r.Dataset.Year)})
	}
	if len(sc.Consequences) > 0 {
		add = append(add, fact{"Consequences", capital(describeConsequences(sc.Consequences)) + "."})
	}
	out := make([]fact, 0, len(facts)+len(add))
	for _, f := range facts {
		if f.label == "Pot" && sc.PotDeficits {
			f.value = pounds(sc.Pot) + potWords(sc) + strings.TrimPrefix(f.value, pounds(sc.Pot))
		}
		if f.label == "Repayment" {
			out = append(out, add...)
		}
		out = append(out, f)
	}
	return out
}

// termsSections are the terms' sections, none when the scenario has no
// terms: the tranches, then the consequences.
func termsSections(r analysis.Result) []section {
	sc := r.Scenario
	var out []section
	if len(sc.Tranches) > 0 {
		t, notes := trancheTable(r)
		out = append(out, section{
			heading: termsHeading + ": tranches",
			intro: []string{"£000. Each tranche is a share of every allocation, paid in its year; a conditional " +
				"one is paid to a system only if its figure passes the test, and the parts of those that fail are " +
				"withheld. Each £000 column adds up to its exact total; withheld is the amount less paid as shown."},
			table: t,
			notes: notes,
		})
	}
	if len(sc.Consequences) > 0 {
		intro, t, notes := consequenceTable(r)
		out = append(out, section{heading: termsHeading + ": consequences", intro: []string{intro}, table: t, notes: notes})
	}
	return out
}

// trancheSums are one tranche's totals over all systems.
type trancheSums struct {
	amount, paid, redistributed decimal.Decimal
	failed, untested            []int // systems that failed its test; that passed it untested (no figure), with a part
	sharedBy                    int   // systems that received a share of its forfeits
}

// sumTranches adds up each tranche over the systems.
func sumTranches(r analysis.Result) []trancheSums {
	out := make([]trancheSums, len(r.Scenario.Tranches))
	for i, s := range r.Systems {
		for k, t := range s.Tranches {
			if k >= len(out) {
				break
			}
			o := &out[k]
			o.amount = o.amount.Add(t.Amount)
			o.redistributed = o.redistributed.Add(t.Redistributed)
			if t.Redistributed.IsPositive() {
				o.sharedBy++
			}
			switch {
			case !t.Passed:
				o.failed = append(o.failed, i)
			case !t.Known && t.Amount.IsPositive():
				o.untested = append(o.untested, i)
			}
			if t.Passed {
				o.paid = o.paid.Add(t.Amount)
			}
		}
	}
	return out
}

// trancheTable is the tranches' table, footed, with a note for each tranche
// that withheld money or paid some systems untested.
func trancheTable(r analysis.Result) (*table, []string) {
	sc := r.Scenario
	sums := sumTranches(r)
	t := &table{cols: []column{
		{head: "Tranche"},
		{head: "Year"},
		{head: "Share", right: true},
		{head: "Condition"},
		{head: "Amount", right: true},
		{head: "Paid", right: true},
		{head: "Withheld", right: true},
		{head: "Shared\nagain", right: true},
		{head: "Failed", right: true},
	}}
	amount, paid, shared := make([]decimal.Decimal, len(sums)), make([]decimal.Decimal, len(sums)), make([]decimal.Decimal, len(sums))
	withheld, failed := decimal.Zero, 0
	for k, o := range sums {
		amount[k], paid[k], shared[k] = o.amount, o.paid, o.redistributed
		withheld = withheld.Add(o.amount.Sub(o.paid))
		failed += len(o.failed)
	}
	a, p, sh := footK(amount), footK(paid), footK(shared)
	years := trancheYears(r)
	var notes []string
	for k, tr := range sc.Tranches {
		on := "none"
		if conditional(tr) {
			on = string(tr.Condition)
			if tr.Tolerance.IsPositive() {
				on += " ≥ plan − " + pounds(tr.Tolerance)
			} else {
				on += " ≥ plan"
			}
		}
		t.rows = append(t.rows, []string{itoa(k + 1), clean(years[k]), pct(tr.Share), on, fmtK(a.rows[k]),
			fmtK(p.rows[k]), fmtK(a.rows[k].Sub(p.rows[k])), fmtK(sh.rows[k]), fmtCount(int64(len(sums[k].failed)))})
		notes = append(notes, trancheNotes(r, k, sums[k])...)
	}
	notes = append(notes, untestedNotes(r, sums)...)
	t.total = []string{"Total", "", "", "", fmtK(a.total), fmtK(p.total), fmtK(a.total.Sub(p.total)), fmtK(sh.total),
		fmtCount(int64(failed))}
	if n := tieNote("withheld", a.total.Sub(p.total), thousands(withheld),
		"Each tranche's withheld is its amount less paid as shown, so that rows add across."); n != "" {
		notes = append(notes, n)
	}
	return t, notes
}

// trancheYears is each tranche's year paid: as the systems' results give
// it, or the plans' year where the tranche leaves it out.
func trancheYears(r analysis.Result) []string {
	out := make([]string, len(r.Scenario.Tranches))
	for k, tr := range r.Scenario.Tranches {
		out[k] = tr.Paid
		if out[k] == "" {
			out[k] = r.Dataset.Year
		}
		if len(r.Systems) > 0 && k < len(r.Systems[0].Tranches) {
			out[k] = r.Systems[0].Tranches[k].Paid
		}
	}
	return out
}

// mostNamed is how many systems a note names before "and N more".
const mostNamed = 3

// trancheNotes says who failed tranche k and why, and what became of the
// money.
func trancheNotes(r analysis.Result, k int, o trancheSums) []string {
	tr := r.Scenario.Tranches[k]
	var notes []string
	if len(o.failed) > 0 {
		s := "Tranche " + itoa(k+1) + " was withheld from " + systems(len(o.failed)) + " whose " +
			string(tr.Condition) + " fell " + failWords(tr.Tolerance) + ", " + pounds(o.amount.Sub(o.paid)) + " in all"
		if o.redistributed.IsPositive() {
			s += "; " + pounds(o.redistributed) + " of it was shared among the " + systems(o.sharedBy) +
				" that passed, by their part"
		} else {
			s += ", held by the centre"
		}
		var who []string
		for _, i := range o.failed[:min(len(o.failed), mostNamed)] {
			sys := r.Systems[i]
			who = append(who, clean(sys.Name)+" ("+clean(sys.Code)+"): "+lowerFirst(strings.TrimPrefix(sys.Tranches[k].Why(), "Withheld: ")))
		}
		s += ". " + strings.Join(who, " ")
		if more := len(o.failed) - mostNamed; more > 0 {
			s += " And " + itoa(more) + " more."
		}
		notes = append(notes, s)
	}
	return notes
}

// untestedNotes say which tranches were paid untested to systems with no
// figure for their test, a run of tranches with the same test and count in
// one sentence: "Tranches 2 to 4 were paid untested to 42 systems with no
// forecast figure."
func untestedNotes(r analysis.Result, sums []trancheSums) []string {
	var notes []string
	for k := 0; k < len(sums); {
		n, cond := len(sums[k].untested), r.Scenario.Tranches[k].Condition
		last := k
		for last+1 < len(sums) && len(sums[last+1].untested) == n && r.Scenario.Tranches[last+1].Condition == cond {
			last++
		}
		if n > 0 {
			run := trancheRun{first: k, last: last}
			verb := " was"
			if last > k {
				verb = " were"
			}
			notes = append(notes, capital(run.names())+verb+" paid untested to "+systems(n)+" with no "+
				string(cond)+" figure.")
		}
		k = last + 1
	}
	return notes
}

// failWords is "below plan" or "more than £20,000 below plan".
func failWords(tol decimal.Decimal) string {
	if tol.IsPositive() {
		return "more than " + pounds(tol) + " below plan"
	}
	return "below plan"
}

// lowerFirst starts a sentence in lower case, to follow a colon.
func lowerFirst(s string) string {
	if s != "" && s[0] >= 'A' && s[0] <= 'Z' {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

// cashWord names the Systems table's cash column: "allocated", or
// "received" when the scenario has terms (what a system received after
// tranches withheld and forfeits shared).
func cashWord(r analysis.Result) string {
	if r.Scenario.HasTerms() {
		return "received"
	}
	return "allocated"
}

// receivedIntro opens the Systems table's intro when the scenario has
// terms: what its cash column is.
func receivedIntro(r analysis.Result) string {
	switch {
	case !r.Scenario.HasTerms():
		return ""
	case len(r.Scenario.Tranches) == 0:
		return "Received is the cash each system received from the pot: all of its allocation, at once; what " +
			"its consequences take or give is in its effective grant. "
	}
	return "Received is the cash each system received from the pot: the tranches it was paid and its share of " +
		"others' forfeits; fair shares share it out by weighted population. "
}

// termsTotals ends the Systems table's exact totals when the scenario has
// terms: what was received, withheld, shared again and held.
func termsTotals(r analysis.Result) string {
	if len(r.Scenario.Tranches) == 0 {
		return ""
	}
	t := r.Totals
	return " Received " + poundsPence(t.Received) + ": withheld " + poundsPence(t.Withheld) + ", of which " +
		poundsPence(t.Redistributed) + " was shared again and " + poundsPence(t.Held) + " held by the centre."
}
