package report

import (
	"encoding/json"
	"strings"
	"testing"

	"icsplan/internal/analysis"
)

// TestIncentivesAbsent: a result without the incentive stage
// (engine.AnalyseWithoutIncentives) has none of its sections, nulls for its
// JSON keys, no extra columns and no email sentence.
func TestIncentivesAbsent(t *testing.T) {
	r := fixture()
	if r.Incentives != nil {
		t.Fatal("the fixture has incentives")
	}
	text := renderString(t, r, Text, Options{})
	for _, h := range []string{"Incentives: would a balanced plan have paid?", "The strategy table", "Terms that end the reward"} {
		if strings.Contains(text, h) {
			t.Errorf("the text report has %q", h)
		}
	}
	var j map[string]json.RawMessage
	if err := json.Unmarshal([]byte(renderString(t, r, JSON, Options{})), &j); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"strategy", "marginal_price", "ending_terms"} {
		if string(j[k]) != "null" {
			t.Errorf("%s is %s", k, j[k])
		}
	}
	if csv := renderString(t, r, CSV, Options{}); strings.Contains(csv, "strategy_gain") {
		t.Error("the CSV report has the incentive columns")
	}
	if strings.Contains(renderString(t, r, Email, Options{}), "It would stop rewarding") {
		t.Error("the email has the ending sentence")
	}
}

// TestIncentivesRendered: the shipped 2023/24 deficit support's incentives
// as each format shows them, from the analysis's own figures.
func TestIncentivesRendered(t *testing.T) {
	var r analysis.Result
	for _, s := range shippedResults(t) {
		if s.name == "2023-24_deficit-support-feb-2024" {
			r = s.res
		}
	}
	inc := r.Incentives
	if inc == nil {
		t.Fatal("no incentives")
	}
	var j struct {
		Systems []struct {
			Code          string  `json:"code"`
			StrategyGain  *string `json:"strategy_gain"`
			MarginalPrice *string `json:"marginal_price"`
		} `json:"systems"`
		Strategy struct {
			DeficitPays int    `json:"deficit_pays"`
			Text        string `json:"text"`
		} `json:"strategy"`
		EndingTerms map[string]json.RawMessage `json:"ending_terms"`
	}
	if err := json.Unmarshal([]byte(renderString(t, r, JSON, Options{})), &j); err != nil {
		t.Fatal(err)
	}
	for i, s := range j.Systems {
		row := inc.Systems[i]
		if s.StrategyGain == nil || *s.StrategyGain != row.Gain.StringFixed(2) || *s.MarginalPrice != row.MarginalPrice.StringFixed(4) {
			t.Errorf("%s: gain %v price %v, want %s %s", s.Code, s.StrategyGain, s.MarginalPrice, row.Gain, row.MarginalPrice)
		}
	}
	if j.Strategy.DeficitPays != 42 || j.Strategy.Text != inc.Strategy.Text {
		t.Errorf("strategy %+v", j.Strategy)
	}
	if string(j.EndingTerms["clawback"]) == "" || !strings.Contains(string(j.EndingTerms["clawback"]), `"value": "0.5390"`) {
		t.Errorf("clawback %s", j.EndingTerms["clawback"])
	}
	if !strings.Contains(string(j.EndingTerms["write_off"]), `"value": null`) {
		t.Errorf("write-off %s", j.EndingTerms["write_off"])
	}
	email := renderString(t, r, Email, Options{})
	if n := len(strings.Split(strings.TrimSpace(email), "\n")) - 2; n > emailLines || !strings.Contains(email, inc.Ending.Text) {
		t.Errorf("email of %d lines:\n%s", n, email)
	}
	// The text's strategy table shows Greater Manchester's gain as the
	// prudence penalties section does: its penalty in £000.
	text := renderString(t, r, Text, Options{})
	gm := ""
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "QOP ") && strings.Contains(line, "0.5329") {
			gm = line
		}
	}
	if want := fmtK(thousands(*r.Systems[indexOf(r, "QOP")].PrudencePenalty)); gm == "" || !strings.Contains(gm, want) {
		t.Errorf("Greater Manchester's row %q lacks %s", gm, want)
	}
}

func indexOf(r analysis.Result, code string) int {
	for i, s := range r.Systems {
		if s.Code == code {
			return i
		}
	}
	return -1
}
