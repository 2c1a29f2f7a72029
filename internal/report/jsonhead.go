package report

import (
	"bytes"

	"icsplan/internal/analysis"
)

// renderJSON writes the JSON report into buf: two-space indent, keys in
// jsonReport's order, a trailing newline, and the panel last when the
// result has one. The bytes are those encoding/json's Encoder writes for
// the whole report (SetIndent("", "  "), SetEscapeHTML(false)), with the
// characters jsonEscaped names written as \uXXXX, but each value is
// written straight into buf by a jsonWriter, the systems and the panel
// from the analysis itself (writeSystemStream, writePanelJSON): no
// reflection, no re-indenting and no second copy of the document.
// TestRenderJSONMatchesEncoder holds the two to the same bytes.
func renderJSON(buf *bytes.Buffer, r analysis.Result) error {
	j := buildJSONHead(r)
	w := newJSONWriter(buf, "")
	w.open('{')
	writeJSONDataset(w, j)
	w.key("systems")
	writeSystemsJSON(buf, r)
	writeJSONFigures(w, j)
	writeJSONIncentives(w, j)
	if r.Panel != nil {
		w.key("panel")
		writePanelJSON(w, r.Panel)
	}
	w.close('}')
	buf.WriteByte('\n')
	return nil
}

// writeJSONDataset writes the members before the systems: the dataset, the
// scenario and the totals.
func writeJSONDataset(w *jsonWriter, j jsonReport) {
	d := j.Dataset
	w.key("dataset")
	w.open('{')
	w.kstr("year", d.Year)
	w.kstr("path", d.Path)
	w.kint("systems", d.Systems)
	w.kint("illustrative", d.Illustrative)
	w.close('}')
	s := j.Scenario
	w.key("scenario")
	w.open('{')
	w.kstr("title", s.Title)
	w.kstr("note", s.Note)
	w.kstr("pot", s.Pot)
	w.key("eligibility")
	w.open('{')
	w.kstr("rule", s.Eligibility.Rule)
	w.kstr("basis", s.Eligibility.Basis)
	w.close('}')
	a := s.Allocation
	w.key("allocation")
	w.open('{')
	w.kstr("method", a.Method)
	w.kstr("basis", a.Basis)
	w.kstr("cap", a.Cap)
	w.kstr("unit", a.Unit)
	w.close('}')
	w.key("repayment")
	if rp := s.Repayment; rp == nil {
		w.null()
	} else {
		w.open('{')
		w.kstr("first_year", rp.FirstYear)
		w.kint("years", rp.Years)
		w.key("profile")
		w.strs(rp.Profile)
		w.kstr("interest", rp.Interest)
		w.close('}')
	}
	w.key("assumptions")
	w.open('{')
	w.kstr("discount_rate", s.Assumptions.DiscountRate)
	w.kstr("write_off", s.Assumptions.WriteOff)
	w.kstr("balanced_threshold", s.Assumptions.BalancedThreshold)
	w.close('}')
	w.kstr("name", s.Name)
	w.kstr("paid", s.Paid)
	w.close('}')
	writeJSONTotals(w, j.Totals)
}

func writeJSONTotals(w *jsonWriter, t jsonTotals) {
	w.key("totals")
	w.open('{')
	w.kstr("pot", t.Pot)
	w.kstr("allocated", t.Allocated)
	w.kstr("unallocated", t.Unallocated)
	w.kstr("repayments", t.Repayments)
	w.kstr("pv_repayments", t.PVRepayments)
	w.kstr("effective_grant", t.EffectiveGrant)
	w.kstr("grant_element", t.GrantElement)
	w.kstr("withheld", t.Withheld)
	w.kstr("redistributed", t.Redistributed)
	w.kstr("deductions", t.Deductions)
	w.kstr("bonuses", t.Bonuses)
	w.close('}')
}

// writeJSONFigures writes the members after the systems up to the data
// check: the groups, the transfer and price, the sensitivity grid, the
// verdict, the years, the outturn and the caveats.
func writeJSONFigures(w *jsonWriter, j jsonReport) {
	w.key("groups")
	w.open('{')
	writeJSONGroup(w, "deficit", j.Groups.Deficit)
	writeJSONGroup(w, "balanced", j.Groups.Balanced)
	w.close('}')
	w.kstr("net_transfer_to_deficit", j.NetTransferToDeficit)
	w.koptStr("price_of_deficit", j.PriceOfDeficit)
	w.key("sensitivity")
	w.open('[')
	for _, c := range j.Sensitivity {
		w.elem()
		w.open('{')
		w.kstr("write_off", c.WriteOff)
		w.kstr("discount_rate", c.DiscountRate)
		w.kstr("grant_element", c.GrantElement)
		w.kstr("verdict", c.Verdict)
		w.close('}')
	}
	w.close(']')
	w.key("verdict")
	w.open('{')
	w.kstr("label", j.Verdict.Label)
	w.kstr("text", j.Verdict.Text)
	w.close('}')
	w.key("years")
	w.open('[')
	for _, y := range j.Years {
		w.elem()
		w.open('{')
		w.kstr("year", y.Year)
		w.kstr("principal", y.Principal)
		w.kstr("interest", y.Interest)
		w.kstr("total", y.Total)
		w.close('}')
	}
	w.close(']')
	w.key("outturn")
	w.open('[')
	for _, o := range j.Outturn {
		w.elem()
		w.open('{')
		w.kstr("group", o.Group)
		w.kint("systems", o.Systems)
		w.kstr("plan", o.Plan)
		w.kstr("outturn", o.Outturn)
		w.kstr("difference", o.Difference)
		w.close('}')
	}
	w.close(']')
	w.key("caveats")
	w.strs(j.Caveats)
}

func writeJSONGroup(w *jsonWriter, k string, g jsonGroup) {
	w.key(k)
	w.open('{')
	w.kint("systems", g.Systems)
	w.key("population")
	w.int(g.Population)
	w.kstr("planned_deficit", g.PlannedDeficit)
	w.kstr("allocation", g.Allocation)
	w.kstr("per_head", g.PerHead)
	w.kstr("effective_grant", g.EffectiveGrant)
	w.kstr("grant_per_head", g.GrantPerHead)
	w.close('}')
}

// writeJSONIncentives writes the data check and the incentive analyses:
// each of the three incentive objects null when the result has none.
func writeJSONIncentives(w *jsonWriter, j jsonReport) {
	d := j.DataRobustness
	w.key("data_robustness")
	w.open('{')
	w.kint("systems", d.Systems)
	w.kint("reported", d.Reported)
	w.kstr("reported_only_verdict", d.ReportedOnlyVerdict)
	w.kstr("verdict", d.Verdict)
	w.kbool("rerun", d.Rerun)
	w.kint("fitted", d.Fitted)
	w.kstr("text", d.Text)
	w.close('}')
	w.key("strategy")
	if s := j.Strategy; s == nil {
		w.null()
	} else {
		w.open('{')
		w.kint("deficit_pays", s.DeficitPays)
		w.kint("equal", s.Equal)
		w.kint("balanced_pays", s.BalancedPays)
		w.kstr("text", s.Text)
		w.close('}')
	}
	w.key("marginal_price")
	if m := j.MarginalPrice; m == nil {
		w.null()
	} else {
		w.open('{')
		w.koptStr("deficit_median", m.DeficitMedian)
		w.koptStr("balanced_median", m.BalancedMedian)
		w.kstr("text", m.Text)
		w.close('}')
	}
	w.key("ending_terms")
	if e := j.EndingTerms; e == nil {
		w.null()
	} else {
		w.open('{')
		for _, l := range []struct {
			k string
			l jsonLever
		}{{"write_off", e.WriteOff}, {"interest", e.Interest}, {"clawback", e.Clawback}} {
			w.key(l.k)
			w.open('{')
			w.koptStr("value", l.l.Value)
			w.kstr("note", l.l.Note)
			w.close('}')
		}
		w.kstr("text", e.Text)
		w.close('}')
	}
}
