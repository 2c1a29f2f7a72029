package report

import (
	"bytes"
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// csvHeader is the CSV report's header: the JSON report's per-system fields
// in the same order ("repayments" is the total due back, principal and
// interest), then one column per repayment year with what is due that year.
var csvHeader = []string{
	"code", "name", "region", "group", "population", "weighted_population", "plan", "eligible",
	"allocation", "per_head", "fair_share", "transfer", "repayments", "pv_repayments",
	"effective_grant", "grant_element", "prudence_penalty", "prudence_plan", "source", "illustrative",
}

// renderCSV writes one row per system, in file order: UTF-8 with a BOM and
// CRLF line ends so that Excel shows £ and splits rows properly; money as
// plain numbers with two decimals; text from the input made safe for a
// terminal (a CSV report is often read with cat) and then guarded against
// formula injection.
func renderCSV(buf *bytes.Buffer, r analysis.Result) error {
	j := buildJSONHead(r)
	buf.WriteString("\uFEFF")
	var l csvLine
	for _, h := range csvHeader {
		l.text(h)
	}
	yearCol := make(map[string]int, len(j.Years)) // a repayment year's column after the fixed ones
	for k, y := range j.Years {
		l.text("repayment " + clean(y.Year))
		yearCol[y.Year] = k
	}
	for _, h := range append(termHeads(r), incentiveHeads(r)...) {
		l.text(h)
	}
	l.write(buf)
	byYear := make([]int, len(j.Years)) // the instalment due in each year's column, or -1
	var due []decimal.Decimal
	for i := range r.Systems {
		s := &r.Systems[i]
		csvSystem(&l, s, &due)
		for k := range byYear {
			byYear[k] = -1
		}
		for k, in := range s.Repayments {
			if c, ok := yearCol[in.Year]; ok {
				byYear[c] = k
			}
		}
		for _, k := range byYear {
			if k < 0 {
				l.fixed(decimal.Zero, 2)
				continue
			}
			l.total(due[2*k:2*k+2], 2) // that year's principal and interest
		}
		l.terms(r, s)
		if inc := systemIncentive(r, i); inc != nil {
			if inc.Gain != nil {
				l.fixed(*inc.Gain, 2)
			} else {
				l.text("")
			}
			l.fixed(inc.MarginalPrice, 4)
		}
		l.write(buf)
	}
	return nil
}

// csvSystem adds system s's cells under csvHeader; due is left holding its
// instalments' principal and interest, in turn.
func csvSystem(l *csvLine, s *analysis.SystemResult, due *[]decimal.Decimal) {
	*due = (*due)[:0]
	for _, in := range s.Repayments {
		*due = append(*due, in.Principal, in.Interest)
	}
	l.text(csvText(s.Code))
	l.text(csvText(s.Name))
	l.text(csvText(s.Region))
	l.text(string(s.Group))
	l.int(s.Population)
	l.sep()
	l.b = money.AppendString(l.b, s.WeightedPopulation)
	l.fixed(s.Plan, 2)
	l.bool(s.Eligible)
	l.fixed(s.Allocation, 2)
	l.fixed(s.PerHead, 2)
	l.fixed(s.FairShare, 2)
	l.fixed(s.Transfer, 2)
	l.total(*due, 2) // the repayments: every instalment's principal and interest
	l.fixed(s.PVRepayments, 2)
	l.fixed(s.EffectiveGrant, 2)
	l.fixed(s.GrantElement, 4)
	if s.PrudencePenalty != nil {
		l.fixed(*s.PrudencePenalty, 2)
		l.fixed(s.PenaltyPlan, 2)
	} else {
		l.text("")
		l.text("")
	}
	l.text(csvText(s.Source))
	l.bool(s.Illustrative())
}

// csvText is a text cell from the input: sanitised as the other formats do
// (no escape sequences, controls, bidi or zero-width characters, one line),
// then guarded, so that a formula hidden behind a stripped escape sequence
// or zero-width character is caught too.
func csvText(s string) string { return guard(clean(s)) }

// guard stops a spreadsheet reading a text cell as a formula: a cell that
// starts with = + - @ tab, CR or LF gets a leading '.
func guard(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r\n", rune(s[0])) {
		return "'" + s
	}
	return s
}
