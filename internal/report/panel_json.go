package report

import (
	"icsplan/internal/analysis"
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// The panel in JSON, as DESIGN.md's "JSON for the second stage" fixes it:
// the contract's keys first in each object, then additions. Money is a
// string with two decimals, the slope a string with four; a figure that is
// not defined is null. The same object is the "panel" of a one-year JSON
// report and the whole of `icsplan years --format json`.

type jsonPanel struct {
	Years    []string       `json:"years"`
	Pairs    []jsonPair     `json:"pairs"`
	National []jsonNational `json:"national"`
	Owed     []jsonOwed     `json:"owed"`
	Text     string         `json:"text"`
	Primary  []jsonPrimary  `json:"primary"` // added: each year's primary scenario and its verdicts
	Systems  []jsonPanelSys `json:"systems"` // added: each system's history and cumulative figures
}

type jsonPair struct {
	From                  string          `json:"from"`
	To                    string          `json:"to"`
	Transitions           jsonTransitions `json:"transitions"`
	Recipients            int             `json:"recipients"`
	RecipientsDeficitNext int             `json:"recipients_deficit_next"`
	ChangePerHead         jsonChange      `json:"change_per_head"`
	BailoutSlope          *string         `json:"bailout_slope"`
	Codes                 jsonPairCodes   `json:"codes"` // added: the systems behind each count
	// added: recipients whose rows are reported in both years, and how many
	// of them planned a deficit in the second
	ReportedRecipients            int `json:"reported_recipients"`
	ReportedRecipientsDeficitNext int `json:"reported_recipients_deficit_next"`
}

type jsonTransitions struct {
	DeficitDeficit   int `json:"deficit_deficit"`
	DeficitBalanced  int `json:"deficit_balanced"`
	BalancedDeficit  int `json:"balanced_deficit"`
	BalancedBalanced int `json:"balanced_balanced"`
}

type jsonChange struct {
	Recipients *string `json:"recipients"`
	Others     *string `json:"others"`
	Difference *string `json:"difference"`
}

type jsonPairCodes struct {
	DeficitDeficit        []string `json:"deficit_deficit"`
	DeficitBalanced       []string `json:"deficit_balanced"`
	BalancedDeficit       []string `json:"balanced_deficit"`
	BalancedBalanced      []string `json:"balanced_balanced"`
	Recipients            []string `json:"recipients"`
	RecipientsDeficitNext []string `json:"recipients_deficit_next"`
	Joined                []string `json:"joined"`
	Left                  []string `json:"left"`
}

type jsonNational struct {
	Year           string         `json:"year"`
	DeficitPlans   int            `json:"deficit_plans"`
	PlannedDeficit string         `json:"planned_deficit"`
	Reported       []jsonReported `json:"reported"`
	Systems        int            `json:"systems"` // added
}

type jsonReported struct {
	Figure     string `json:"figure"`
	Value      string `json:"value"`
	Source     string `json:"source"`
	URL        string `json:"url"`        // added; "" if none
	Confidence string `json:"confidence"` // added: "H", "M", "L" or ""
	Agrees     *bool  `json:"agrees"`     // added: null where the data gives no such figure
}

type jsonOwed struct {
	Code     string        `json:"code"`
	Balances []jsonBalance `json:"balances"`
	Name     string        `json:"name"` // added
}

type jsonBalance struct {
	Year    string `json:"year"`
	Balance string `json:"balance"`
}

type jsonPrimary struct {
	Year                string `json:"year"`
	Scenario            string `json:"scenario"`
	Title               string `json:"title"`
	Systems             int    `json:"systems"`
	Illustrative        int    `json:"illustrative"`
	Verdict             string `json:"verdict"`
	ReportedOnlyVerdict string `json:"reported_only_verdict"` // the verdict on the reported rows alone; the verdict when every row is reported
}

type jsonPanelSys struct {
	Code           string        `json:"code"`
	Name           string        `json:"name"`
	Received       string        `json:"received"`
	Repaid         string        `json:"repaid"`
	Owed           string        `json:"owed"`
	EffectiveGrant string        `json:"effective_grant"`
	History        []jsonSysYear `json:"history"`
}

type jsonSysYear struct {
	Year           string `json:"year"`
	Present        bool   `json:"present"`
	Group          string `json:"group"` // "" when not present
	Plan           string `json:"plan"`
	DeficitPerHead string `json:"deficit_per_head"`
	Received       string `json:"received"`
	Repaid         string `json:"repaid"`
	Owed           string `json:"owed"`
	EffectiveGrant string `json:"effective_grant"`
	Illustrative   bool   `json:"illustrative"`
}

func optFixed(d *decimal.Decimal, fixed func(decimal.Decimal) string) *string {
	if d == nil {
		return nil
	}
	s := fixed(*d)
	return &s
}

func refCodes(refs []analysis.SystemRef) []string {
	out := make([]string, 0, len(refs))
	for _, r := range refs {
		out = append(out, r.Code)
	}
	return out
}

func jsonPairOf(pr analysis.Pair) jsonPair {
	t := pr.Transitions
	c := pr.ChangePerHead
	return jsonPair{From: pr.From, To: pr.To,
		Transitions: jsonTransitions{DeficitDeficit: len(t.DeficitDeficit), DeficitBalanced: len(t.DeficitBalanced),
			BalancedDeficit: len(t.BalancedDeficit), BalancedBalanced: len(t.BalancedBalanced)},
		Recipients: len(pr.Recipients), RecipientsDeficitNext: len(pr.RecipientsDeficitNext),
		ChangePerHead: jsonChange{Recipients: optFixed(c.Recipients, money.Fixed2), Others: optFixed(c.Others, money.Fixed2),
			Difference: optFixed(c.Difference, money.Fixed2)},
		BailoutSlope:       optFixed(pr.BailoutSlope, money.Fixed4),
		ReportedRecipients: len(pr.ReportedRecipients), ReportedRecipientsDeficitNext: len(pr.ReportedRecipientsDeficitNext),
		Codes: jsonPairCodes{DeficitDeficit: refCodes(t.DeficitDeficit), DeficitBalanced: refCodes(t.DeficitBalanced),
			BalancedDeficit: refCodes(t.BalancedDeficit), BalancedBalanced: refCodes(t.BalancedBalanced),
			Recipients: refCodes(pr.Recipients), RecipientsDeficitNext: refCodes(pr.RecipientsDeficitNext),
			Joined: refCodes(pr.Joined), Left: refCodes(pr.Left)},
	}
}

// buildPanelJSON lays the panel out as JSON.
func buildPanelJSON(p analysis.Panel) jsonPanel {
	j := jsonPanel{Years: []string{}, Pairs: []jsonPair{}, National: []jsonNational{}, Owed: []jsonOwed{}, Text: p.Text,
		Primary: []jsonPrimary{}, Systems: []jsonPanelSys{}}
	for _, y := range p.Years {
		j.Years = append(j.Years, y.Year)
		j.Primary = append(j.Primary, jsonPrimary{Year: y.Year, Scenario: y.Scenario, Title: y.Title, Systems: y.Systems,
			Illustrative: y.Illustrative, Verdict: string(y.Verdict), ReportedOnlyVerdict: string(y.Data.Verdict)})
	}
	for _, pr := range p.Pairs {
		j.Pairs = append(j.Pairs, jsonPairOf(pr))
	}
	for _, n := range p.National {
		jn := jsonNational{Year: n.Year, DeficitPlans: n.DeficitPlans, PlannedDeficit: money.Fixed2(n.PlannedDeficit),
			Reported: []jsonReported{}, Systems: n.Systems}
		for _, r := range n.Reported {
			jn.Reported = append(jn.Reported, jsonReported{Figure: r.Figure, Value: r.Value, Source: r.Source, URL: r.URL,
				Confidence: r.Confidence, Agrees: r.Agrees})
		}
		j.National = append(j.National, jn)
	}
	for _, o := range p.Owed {
		jo := jsonOwed{Code: o.Code, Balances: []jsonBalance{}, Name: o.Name}
		for _, b := range o.Balances {
			jo.Balances = append(jo.Balances, jsonBalance{Year: b.Year, Balance: money.Fixed2(b.Balance)})
		}
		j.Owed = append(j.Owed, jo)
	}
	for _, s := range p.Systems {
		js := jsonPanelSys{Code: s.Code, Name: s.Name, Received: money.Fixed2(s.Received), Repaid: money.Fixed2(s.Repaid),
			Owed: money.Fixed2(s.Owed), EffectiveGrant: money.Fixed2(s.EffectiveGrant), History: []jsonSysYear{}}
		for _, h := range s.History {
			group := ""
			if h.Present {
				group = string(h.Group)
			}
			js.History = append(js.History, jsonSysYear{Year: h.Year, Present: h.Present, Group: group,
				Plan: money.Fixed2(h.Plan), DeficitPerHead: money.Fixed2(h.DeficitPerHead), Received: money.Fixed2(h.Received),
				Repaid: money.Fixed2(h.Repaid), Owed: money.Fixed2(h.Owed), EffectiveGrant: money.Fixed2(h.EffectiveGrant),
				Illustrative: h.Illustrative})
		}
		j.Systems = append(j.Systems, js)
	}
	return j
}

// jsonDataCheck is the data-robustness line of a one-year report.
type jsonDataCheck struct {
	Systems             int    `json:"systems"`
	Reported            int    `json:"reported"`
	ReportedOnlyVerdict string `json:"reported_only_verdict"` // the rerun's verdict; the verdict itself when no rerun was needed
	Verdict             string `json:"verdict"`
	Rerun               bool   `json:"rerun"`
	Fitted              int    `json:"fitted"` // illustrative rows fitted to reported totals
	Text                string `json:"text"`
}

func jsonDataOf(c analysis.DataCheck) jsonDataCheck {
	return jsonDataCheck{Systems: c.Systems, Reported: c.Reported, ReportedOnlyVerdict: string(c.Verdict),
		Verdict: string(c.All), Rerun: c.Rerun, Fitted: c.Fitted, Text: c.Text}
}
