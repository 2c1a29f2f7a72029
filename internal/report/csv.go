package report

import (
	"bytes"
	"encoding/csv"
	"strconv"
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
	cw := csv.NewWriter(buf)
	cw.UseCRLF = true
	head := append([]string{}, csvHeader...)
	yearCol := make(map[string]int, len(j.Years)) // a repayment year's column after the fixed ones
	for k, y := range j.Years {
		head = append(head, "repayment "+clean(y.Year))
		yearCol[y.Year] = k
	}
	head = append(head, termHeads(r)...)
	head = append(head, incentiveHeads(r)...)
	if err := cw.Write(head); err != nil {
		return err
	}
	zero := money.Fixed2(decimal.Zero)
	row := make([]string, 0, len(head))
	byYear := make([]string, len(j.Years))
	var cb cellBuf
	var figs []string
	jb := newJSONStream() // each system is made, written and done with before the next
	for i := range r.Systems {
		s := jb.next(r.Systems[i], systemIncentive(r, i))
		due := decimal.Zero
		for k := range byYear {
			byYear[k] = zero
		}
		for _, in := range r.Systems[i].Repayments {
			t := in.Total()
			due = due.Add(t)
			cb.fixed(t, 2)
		}
		cb.fixed(due, 2)
		figs = cb.take(figs[:0])
		for k, in := range r.Systems[i].Repayments {
			if c, ok := yearCol[in.Year]; ok {
				byYear[c] = figs[k]
			}
		}
		row = append(row[:0],
			csvText(s.Code), csvText(s.Name), csvText(s.Region), s.Group,
			strconv.FormatInt(s.Population, 10), string(s.WeightedPopulation), s.Plan,
			strconv.FormatBool(s.Eligible), s.Allocation, s.PerHead, s.FairShare, s.Transfer,
			figs[len(figs)-1], s.PVRepayments, s.EffectiveGrant, s.GrantElement,
			deref(s.PrudencePenalty), deref(s.PenaltyPlan), csvText(s.Source), strconv.FormatBool(s.Illustrative))
		row = append(row, byYear...)
		row = appendTermCells(row, r, r.Systems[i], &cb)
		if r.Incentives != nil {
			row = append(row, deref(s.StrategyGain), deref(s.MarginalPrice))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
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
