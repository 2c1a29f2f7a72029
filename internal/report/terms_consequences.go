package report

import (
	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// The consequences' table of the terms section: per consequence its rule,
// year, chance, the systems it applied to, and its nominal and discounted
// totals, deductions in brackets.

// consequenceSums are one consequence's totals over the systems it applied
// to: nominal and today's value, unsigned.
type consequenceSums struct {
	systems        int
	nominal, value decimal.Decimal
}

// sumConsequences adds up each consequence of the scenario over the systems.
func sumConsequences(r analysis.Result) []consequenceSums {
	out := make([]consequenceSums, len(r.Scenario.Consequences))
	for _, s := range r.Systems {
		for _, c := range s.Consequences {
			if c.Number < 1 || c.Number > len(out) {
				continue
			}
			o := &out[c.Number-1]
			o.systems++
			o.nominal, o.value = o.nominal.Add(c.Amount), o.value.Add(c.Value)
		}
	}
	return out
}

// footByKind foots unsigned amounts, the deductions' and the bonuses'
// apart (so that a deduction shows as the by-year table shows it), and
// signs them: each row shown, deductions negative, and the net of the rows
// shown, with the exact net rounded once for the tie note.
func footByKind(exact []decimal.Decimal, cs []plan.Consequence) (rows []decimal.Decimal, net, exactNet decimal.Decimal) {
	rows = make([]decimal.Decimal, len(exact))
	net, exactNet = decimal.Zero, decimal.Zero
	for _, kind := range []plan.ConsequenceKind{plan.Deduction, plan.Bonus} {
		var idx []int
		var part []decimal.Decimal
		for k, c := range cs {
			if c.Kind == kind {
				idx, part = append(idx, k), append(part, exact[k])
			}
		}
		f := footK(part)
		for n, k := range idx {
			rows[k] = f.rows[n]
			if kind == plan.Deduction {
				rows[k] = rows[k].Neg()
				exactNet = exactNet.Sub(part[n])
			} else {
				exactNet = exactNet.Add(part[n])
			}
			net = net.Add(rows[k])
		}
	}
	return rows, net, thousands(exactNet)
}

// consequenceTable is the consequences' table, its intro and notes.
func consequenceTable(r analysis.Result) (string, *table, []string) {
	sc := r.Scenario
	sums := sumConsequences(r)
	t := &table{cols: []column{
		{head: "#"},
		{head: "Consequence"},
		{head: "Year"},
		{head: "Chance", right: true},
		{head: "Systems", right: true},
		{head: "Nominal", right: true},
		{head: "Value\ntoday", right: true},
	}}
	nominal, value := make([]decimal.Decimal, len(sums)), make([]decimal.Decimal, len(sums))
	applied := 0
	for k, o := range sums {
		nominal[k], value[k] = o.nominal, o.value
		applied += o.systems
	}
	n, nNet, nExact := footByKind(nominal, sc.Consequences)
	v, vNet, vExact := footByKind(value, sc.Consequences)
	for k, c := range sc.Consequences {
		t.rows = append(t.rows, []string{itoa(k + 1), consequenceCell(c), clean(c.Year), pct(c.Probability),
			fmtCount(int64(sums[k].systems)), fmtK(n[k]), fmtK(v[k])})
	}
	t.total = []string{"Net", "", "", "", fmtCount(int64(applied)), fmtK(nNet), fmtK(vNet)}
	intro := "£000, deductions in brackets: each consequence is its rate × its base for each system it applies to, " +
		"to the allocation unit (nominal), and that × its chance, discounted at " + pct(sc.Assumptions.DiscountRate) +
		" to the plans' year (value today). The deductions and the bonuses each add up to their exact totals."
	notes := []string{"At face value, " + pounds(r.Totals.Deductions) + " is deducted and " + pounds(r.Totals.Bonuses) +
		" given in bonuses. Systems counts those each consequence applied to and was not zero."}
	for _, c := range []struct {
		what        string
		shown, want decimal.Decimal
	}{{"nominal", nNet, nExact}, {"value today", vNet, vExact}} {
		if note := tieNote(c.what, c.shown, c.want, "The net is the rows as shown, deductions and bonuses each footed."); note != "" {
			notes = append(notes, note)
		}
	}
	return intro, t, notes
}

// consequenceCell is "Deduction: 100% × overspend", with its planners when
// it applies to one group only.
func consequenceCell(c plan.Consequence) string {
	return capital(string(c.Kind)) + ": " + pct(c.Rate) + " × " + string(c.Base) + groupWords(c.Group)
}
