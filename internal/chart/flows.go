package chart

import (
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// The repayments chart: what the scenario takes back from systems in each
// year after the plans' year (Result.Flows) — a loan's principal and
// interest, public dividend capital's dividends, the deductions of its
// consequences — stacked, with the year's total due above the bar, and the
// bonuses its consequences give systems drawn below the line. Each series
// is footed to £000 over every year, as the paper's by-year table is, so
// that a bar's figure is the table's; a long run of years (a PDC's 100
// years of dividends) is cut to the first YearsShown, with a note of what
// the rest add up to.

// YearsCapped is the most years the chart (and the reports' by-year table)
// shows one by one; with more, the first YearsShown are shown and the rest
// summed.
const (
	YearsCapped = 12
	YearsShown  = 10
)

// flowSeries is one series of the repayments chart.
type flowSeries struct {
	name  string
	below bool // given to systems: drawn below the line, not part of the total due
	get   func(analysis.YearFlow) decimal.Decimal
}

// flowSeriesOf are the series the flows have: principal and interest for a
// loan (principal always, interest when there is some), then dividends,
// deductions and bonuses when there are any.
func flowSeriesOf(r analysis.Result, rows []analysis.YearFlow) []flowSeries {
	all := []flowSeries{
		{"Principal", false, func(y analysis.YearFlow) decimal.Decimal { return y.Principal }},
		{"Interest", false, func(y analysis.YearFlow) decimal.Decimal { return y.Interest }},
		{"Dividends", false, func(y analysis.YearFlow) decimal.Decimal { return y.Dividends }},
		{"Deductions", false, func(y analysis.YearFlow) decimal.Decimal { return y.Deductions }},
		{"Bonuses (given to systems)", true, func(y analysis.YearFlow) decimal.Decimal { return y.Bonuses }},
	}
	loan := r.Scenario.Repayment != nil && !r.Scenario.Repayment.IsPDC()
	var out []flowSeries
	for k, s := range all {
		has := k == 0 && loan
		for _, y := range rows {
			has = has || !s.get(y).IsZero()
		}
		if has {
			out = append(out, s)
		}
	}
	return out
}

// dueRows are the flows' years in which something is due or given, oldest
// first: the by-year table's rows.
func dueRows(r analysis.Result) []analysis.YearFlow {
	var rows []analysis.YearFlow
	for _, y := range r.Flows {
		if !y.Due().IsZero() || !y.Bonuses.IsZero() {
			rows = append(rows, y)
		}
	}
	return rows
}

// Repayments is what all systems pay back or lose in each year, in £000,
// stacked by kind with each year's total due above its bar, and the
// bonuses they are given below the line; with more than YearsCapped years,
// the first YearsShown and a note summing the rest.
func Repayments(r analysis.Result) Data {
	rows := dueRows(r)
	series := flowSeriesOf(r, rows)
	d := Data{Name: "repayments", Title: flowTitle(r, series), Unit: "£000", Kind: Stacked}
	if len(series) > 0 && series[len(series)-1].below {
		d.Unit = "£000: due above the line, given below"
	}
	switch {
	case len(rows) == 0 && r.Scenario.Repayment == nil:
		d.Notes = []string{"None: the money is a grant."}
		return d
	case len(rows) == 0:
		d.Notes = []string{"Nothing is due back."}
		return d
	}
	shownN := len(rows)
	if shownN > YearsCapped {
		shownN = YearsShown
	}
	due := make([]decimal.Decimal, len(rows)) // each year's total due as shown
	exactDue := make([]decimal.Decimal, len(rows))
	rest := make([]decimal.Decimal, len(series)) // the years not drawn, summed as shown
	for i := range due {
		due[i], exactDue[i] = decimal.Zero, decimal.Zero
	}
	for k, s := range series {
		exact := make([]decimal.Decimal, len(rows))
		for i, y := range rows {
			exact[i] = s.get(y)
		}
		shown, _ := money.FootDecimals(exact, thousand)
		sr := Series{Name: s.name, Below: s.below}
		rest[k] = decimal.Zero
		for i := range rows {
			if !s.below {
				due[i], exactDue[i] = due[i].Add(shown[i]), exactDue[i].Add(exact[i])
			}
			if i >= shownN {
				rest[k] = rest[k].Add(shown[i])
				continue
			}
			sr.Values = append(sr.Values, Value{Exact: exact[i].Shift(-3), Text: kText(shown[i])})
		}
		d.Series = append(d.Series, sr)
	}
	for i, y := range rows[:shownN] {
		d.Categories = append(d.Categories, clean(y.Year))
		d.Totals = append(d.Totals, Value{Exact: exactDue[i].Shift(-3), Text: kText(due[i]), Missing: exactDue[i].IsZero()})
	}
	if shownN < len(rows) {
		d.Notes = []string{restNote(rows[shownN:], series, rest)}
	}
	return d
}

// flowTitle names what the chart stacks: "Repayments due back by year" for
// a loan, else the kinds of flow it has.
func flowTitle(r analysis.Result, series []flowSeries) string {
	var kinds []string
	loan := false
	for _, s := range series {
		switch s.name {
		case "Principal", "Interest":
			loan = true
		case "Dividends":
			kinds = append(kinds, "dividends")
		case "Deductions":
			kinds = append(kinds, "deductions")
		default:
			kinds = append(kinds, "bonuses")
		}
	}
	if loan || len(kinds) == 0 {
		kinds = append([]string{"repayments"}, kinds...)
	}
	if len(kinds) == 1 && kinds[0] == "repayments" {
		return "Repayments due back by year, all systems (£000)"
	}
	words := kinds[0]
	if len(kinds) > 1 {
		words = strings.Join(kinds[:len(kinds)-1], ", ") + " and " + kinds[len(kinds)-1]
	}
	return strings.ToUpper(words[:1]) + words[1:] + " by year, all systems (£000)"
}

// restNote says what the years not drawn add up to, by series as shown.
func restNote(years []analysis.YearFlow, series []flowSeries, rest []decimal.Decimal) string {
	var parts []string
	for k, s := range series {
		name := strings.ToLower(s.name)
		if s.below {
			name = "bonuses"
		}
		parts = append(parts, name+" "+kText(rest[k]))
	}
	span := clean(years[0].Year) + " to " + clean(years[len(years)-1].Year)
	return "Not drawn: the " + itoa(len(years)) + " years from " + span + ", in all " +
		strings.Join(parts, ", ") + " (£000)."
}
