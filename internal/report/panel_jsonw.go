package report

import (
	"bytes"

	"icsplan/internal/analysis"
)

// The panel in JSON, written straight from analysis.Panel: the bytes the
// Encoder writes for buildPanelJSON's jsonPanel at the same depth
// (TestPanelJSONMatchesEncoder holds the two together), without making the
// panel's strings first. A panel of the shipped plans is some 110 kB, more
// than half the one-year JSON report that carries it.

// renderPanelJSON writes the panel object alone, as the Years report.
func renderPanelJSON(buf *bytes.Buffer, p analysis.Panel) error {
	buf.Grow(4096 + panelJSONBytes(&p))
	writePanelJSON(newJSONWriter(buf, ""), &p)
	buf.WriteByte('\n')
	return nil
}

// panelBytes is a little over what the panel adds to a one-year report of
// r in format f (renderTo grows the buffer by it, so that it is grown once):
// some 800 bytes a system and year in JSON, nothing in the other formats.
func panelBytes(r analysis.Result, f Format) int {
	if f != JSON || r.Panel == nil {
		return 0
	}
	return panelJSONBytes(r.Panel)
}

func panelJSONBytes(p *analysis.Panel) int { return 800 * len(p.Systems) * max(1, len(p.Years)) }

// writePanelJSON writes p as the value of the member or element just
// started.
func writePanelJSON(w *jsonWriter, p *analysis.Panel) {
	w.open('{')
	w.key("years")
	w.open('[')
	for _, y := range p.Years {
		w.elem()
		w.str(y.Year)
	}
	w.close(']')
	w.key("pairs")
	w.open('[')
	for i := range p.Pairs {
		w.elem()
		writePairJSON(w, &p.Pairs[i])
	}
	w.close(']')
	writeNationalJSON(w, p.National)
	writeOwedJSON(w, p.Owed)
	w.kstr("text", p.Text)
	w.key("primary")
	w.open('[')
	for _, y := range p.Years {
		w.elem()
		w.open('{')
		w.kstr("year", y.Year)
		w.kstr("scenario", y.Scenario)
		w.kstr("title", y.Title)
		w.kint("systems", y.Systems)
		w.kint("illustrative", y.Illustrative)
		w.kstr("verdict", string(y.Verdict))
		w.kstr("reported_only_verdict", string(y.Data.Verdict))
		w.close('}')
	}
	w.close(']')
	writePanelSystemsJSON(w, p.Systems)
	w.close('}')
}

// writePairJSON writes one pair of years (jsonPairOf's object).
func writePairJSON(w *jsonWriter, pr *analysis.Pair) {
	t := &pr.Transitions
	w.open('{')
	w.kstr("from", pr.From)
	w.kstr("to", pr.To)
	w.key("transitions")
	w.open('{')
	w.kint("deficit_deficit", len(t.DeficitDeficit))
	w.kint("deficit_balanced", len(t.DeficitBalanced))
	w.kint("balanced_deficit", len(t.BalancedDeficit))
	w.kint("balanced_balanced", len(t.BalancedBalanced))
	w.close('}')
	w.kint("recipients", len(pr.Recipients))
	w.kint("recipients_deficit_next", len(pr.RecipientsDeficitNext))
	c := &pr.ChangePerHead
	w.key("change_per_head")
	w.open('{')
	w.key("recipients")
	w.optFixed(c.Recipients, 2)
	w.key("others")
	w.optFixed(c.Others, 2)
	w.key("difference")
	w.optFixed(c.Difference, 2)
	w.close('}')
	w.key("bailout_slope")
	w.optFixed(pr.BailoutSlope, 4)
	w.key("codes")
	w.open('{')
	for _, l := range []struct {
		k    string
		refs []analysis.SystemRef
	}{{"deficit_deficit", t.DeficitDeficit}, {"deficit_balanced", t.DeficitBalanced},
		{"balanced_deficit", t.BalancedDeficit}, {"balanced_balanced", t.BalancedBalanced},
		{"recipients", pr.Recipients}, {"recipients_deficit_next", pr.RecipientsDeficitNext},
		{"joined", pr.Joined}, {"left", pr.Left}} {
		w.key(l.k)
		w.open('[')
		for _, r := range l.refs {
			w.elem()
			w.str(r.Code)
		}
		w.close(']')
	}
	w.close('}')
	w.kint("reported_recipients", len(pr.ReportedRecipients))
	w.kint("reported_recipients_deficit_next", len(pr.ReportedRecipientsDeficitNext))
	w.close('}')
}

// writeNationalJSON writes the national member: each year's figures and
// the published ones beside them.
func writeNationalJSON(w *jsonWriter, ns []analysis.National) {
	w.key("national")
	w.open('[')
	for i := range ns {
		n := &ns[i]
		w.elem()
		w.open('{')
		w.kstr("year", n.Year)
		w.kint("deficit_plans", n.DeficitPlans)
		w.kfixed("planned_deficit", n.PlannedDeficit, 2)
		w.key("reported")
		w.open('[')
		for _, r := range n.Reported {
			w.elem()
			w.open('{')
			w.kstr("figure", r.Figure)
			w.kstr("value", r.Value)
			w.kstr("source", r.Source)
			w.kstr("url", r.URL)
			w.kstr("confidence", r.Confidence)
			w.key("agrees")
			if r.Agrees == nil {
				w.null()
			} else {
				w.bool(*r.Agrees)
			}
			w.close('}')
		}
		w.close(']')
		w.kint("systems", n.Systems)
		w.close('}')
	}
	w.close(']')
}

// writeOwedJSON writes the owed member: each owing system's balances.
func writeOwedJSON(w *jsonWriter, os []analysis.Owed) {
	w.key("owed")
	w.open('[')
	for i := range os {
		o := &os[i]
		w.elem()
		w.open('{')
		w.kstr("code", o.Code)
		w.key("balances")
		w.open('[')
		for _, b := range o.Balances {
			w.elem()
			w.open('{')
			w.kstr("year", b.Year)
			w.kfixed("balance", b.Balance, 2)
			w.close('}')
		}
		w.close(']')
		w.kstr("name", o.Name)
		w.close('}')
	}
	w.close(']')
}

// writePanelSystemsJSON writes the systems member: each system's
// cumulative figures and history (a year it is absent from has group "").
func writePanelSystemsJSON(w *jsonWriter, ss []analysis.PanelSystem) {
	w.key("systems")
	w.open('[')
	for i := range ss {
		s := &ss[i]
		w.elem()
		w.open('{')
		w.kstr("code", s.Code)
		w.kstr("name", s.Name)
		w.kfixed("received", s.Received, 2)
		w.kfixed("repaid", s.Repaid, 2)
		w.kfixed("owed", s.Owed, 2)
		w.kfixed("effective_grant", s.EffectiveGrant, 2)
		w.key("history")
		w.open('[')
		for k := range s.History {
			h := &s.History[k]
			group := ""
			if h.Present {
				group = string(h.Group)
			}
			w.elem()
			w.open('{')
			w.kstr("year", h.Year)
			w.kbool("present", h.Present)
			w.kstr("group", group)
			w.kfixed("plan", h.Plan, 2)
			w.kfixed("deficit_per_head", h.DeficitPerHead, 2)
			w.kfixed("received", h.Received, 2)
			w.kfixed("repaid", h.Repaid, 2)
			w.kfixed("owed", h.Owed, 2)
			w.kfixed("effective_grant", h.EffectiveGrant, 2)
			w.kbool("illustrative", h.Illustrative)
			w.close('}')
		}
		w.close(']')
		w.close('}')
	}
	w.close(']')
}
