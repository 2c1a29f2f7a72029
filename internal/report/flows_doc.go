package report

import (
	"icsplan/internal/analysis"
	"icsplan/internal/chart"

	"github.com/shopspring/decimal"
)

// The repayments by year when the scenario has dividends (PDC), deductions
// or bonuses: a table from Result.Flows with a column for each that is
// present, each footed, and a year's total due the sum of its dues as
// shown. Without them the table is the loan's principal and interest, as
// it always was (repaymentSection).

// repaymentOrFlows is the repayments section: by year from the flows when
// they hold dividends, deductions or bonuses, else the loan's.
func repaymentOrFlows(r analysis.Result) section {
	if s, ok := flowSection(r); ok {
		return s
	}
	return repaymentSection(r)
}

// flowColumn is one money column of the by-year table.
type flowColumn struct {
	head string
	due  bool // part of what systems pay or lose in the year
	get  func(analysis.YearFlow) decimal.Decimal
}

// flowColumns are the by-year table's money columns that the flows have:
// principal and interest for a loan, dividends, deductions (the dues) and
// bonuses; none when the flows have no dividends, deductions or bonuses.
func flowColumns(r analysis.Result) []flowColumn {
	has := func(get func(analysis.YearFlow) decimal.Decimal) bool {
		for _, y := range r.Flows {
			if !get(y).IsZero() {
				return true
			}
		}
		return false
	}
	extra := []flowColumn{
		{"Dividends", true, func(y analysis.YearFlow) decimal.Decimal { return y.Dividends }},
		{"Deductions", true, func(y analysis.YearFlow) decimal.Decimal { return y.Deductions }},
		{"Bonuses", false, func(y analysis.YearFlow) decimal.Decimal { return y.Bonuses }},
	}
	var cols []flowColumn
	if rp := r.Scenario.Repayment; rp != nil && !rp.IsPDC() {
		cols = append(cols,
			flowColumn{"Principal", true, func(y analysis.YearFlow) decimal.Decimal { return y.Principal }},
			flowColumn{"Interest", true, func(y analysis.YearFlow) decimal.Decimal { return y.Interest }})
	}
	loan := len(cols)
	for _, c := range extra {
		if has(c.get) {
			cols = append(cols, c)
		}
	}
	if len(cols) == loan {
		return nil
	}
	return cols
}

// flowSection is the by-year table from the flows, when they have
// dividends, deductions or bonuses: a row for each year with something in
// its columns, each column footed, and a "Total due" after the dues, the
// sum of the dues as shown.
func flowSection(r analysis.Result) (section, bool) {
	cols := flowColumns(r)
	if len(cols) == 0 {
		return section{}, false
	}
	var rows []analysis.YearFlow
	for _, y := range r.Flows {
		if !y.Due().IsZero() || !y.Bonuses.IsZero() {
			rows = append(rows, y)
		}
	}
	shown := make([]kColumn, len(cols))
	exactDue, shownDue, dues := decimal.Zero, decimal.Zero, 0
	for k, c := range cols {
		exact := make([]decimal.Decimal, len(rows))
		for i, y := range rows {
			exact[i] = c.get(y)
			if c.due {
				exactDue = exactDue.Add(exact[i])
			}
		}
		shown[k] = footK(exact)
		if c.due {
			dues++
			shownDue = shownDue.Add(shown[k].total)
		}
	}
	years := make([]string, len(rows))
	for i, y := range rows {
		years[i] = clean(y.Year)
	}
	years, shown = capYears(years, shown)
	t := &table{cols: []column{{head: "Year"}}}
	cell := func(row []string, i int) []string { // the money cells of row i (len(years) for the totals)
		due := decimal.Zero
		for k, c := range cols {
			v := shown[k].total
			if i < len(years) {
				v = shown[k].rows[i]
			}
			row = append(row, fmtK(v))
			if c.due {
				due = due.Add(v)
			}
			if k == dues-1 {
				row = append(row, fmtK(due))
			}
		}
		return row
	}
	for k, c := range cols {
		t.cols = append(t.cols, column{head: c.head, right: true})
		if k == dues-1 {
			t.cols = append(t.cols, column{head: "Total\ndue", right: true})
		}
	}
	for i, y := range years {
		t.rows = append(t.rows, cell([]string{y}, i))
	}
	t.total = cell([]string{"Total"}, len(years))
	s := section{heading: "Repayments by year", chart: "repayments", intro: []string{flowIntro(r)}, table: t,
		notes: cappedNote(len(rows))}
	if dues > 0 {
		if n := tieNote("total due", shownDue, thousands(exactDue),
			"Each year's total due is the sum of its columns as shown, so that rows add across."); n != "" {
			s.notes = append(s.notes, n)
		}
	}
	return s, true
}

// capYears shortens a by-year table of more than chart.YearsCapped years
// (a PDC's 100 years of dividends) to the first chart.YearsShown and one
// row that sums the rest, as the chart does: the summed row holds the
// later years' figures as shown, so each column still adds up to its
// total. It returns the rows' labels and the columns.
func capYears(years []string, cols []kColumn) ([]string, []kColumn) {
	if len(years) <= chart.YearsCapped {
		return years, cols
	}
	k := chart.YearsShown
	labels := append(years[:k:k], years[k]+" to "+years[len(years)-1])
	out := make([]kColumn, len(cols))
	for j, c := range cols {
		sum := decimal.Zero
		for _, v := range c.rows[k:] {
			sum = sum.Add(v)
		}
		out[j] = kColumn{rows: append(c.rows[:k:k], sum), total: c.total}
	}
	return labels, out
}

// cappedNote says which years the last row of a capped by-year table sums,
// or nothing when the table has a row for every year.
func cappedNote(years int) []string {
	if years <= chart.YearsCapped {
		return nil
	}
	return []string{"The last row sums the " + itoa(years-chart.YearsShown) + " years after the first " +
		itoa(chart.YearsShown) + ", each as it would be shown."}
}

// flowIntro says what the by-year table holds.
func flowIntro(r analysis.Result) string {
	s := "£000, all systems, at face value: what systems pay back or lose in each year (deductions before their " +
		"chance of being enforced), and the bonuses they are given. Each £000 column adds up to its exact total, " +
		"and a year's total due is the sum of its columns as shown."
	switch rp := r.Scenario.Repayment; {
	case rp == nil:
		s += " The money is a grant: only its consequences fall due."
	case rp.IsPDC():
		s += " The money is public dividend capital, never repaid; present value of the dividends: " +
			pounds(r.Totals.PVRepayments) + "."
	default:
		s += " Present value of the repayments: " + pounds(r.Totals.PVRepayments) + "."
	}
	return s
}
