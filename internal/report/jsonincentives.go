package report

import (
	"icsplan/internal/analysis"
	"icsplan/internal/money"
)

// The incentive analyses in the JSON report (DESIGN.md, "JSON for the
// second stage"): per system its strategy gain (money, null when no system
// planned a deficit) and marginal price (4 places); at the top the strategy
// counts, each group's median marginal price, and the terms that end the
// reward, each a threshold with four places ("0.7130") or null, and a note.
// A result with no incentives has null for each.

type jsonStrategy struct {
	DeficitPays  int    `json:"deficit_pays"`
	Equal        int    `json:"equal"`
	BalancedPays int    `json:"balanced_pays"`
	Text         string `json:"text"`
}

type jsonMarginal struct {
	DeficitMedian  *string `json:"deficit_median"`  // null when no system planned a deficit
	BalancedMedian *string `json:"balanced_median"` // null when every system did
	Text           string  `json:"text"`            // added
}

type jsonLever struct {
	Value *string `json:"value"`
	Note  string  `json:"note"`
}

type jsonEnding struct {
	WriteOff jsonLever `json:"write_off"`
	Interest jsonLever `json:"interest"`
	Clawback jsonLever `json:"clawback"`
	Text     string    `json:"text"`
}

// jsonIncentivesOf fills j's incentive keys from r.
func jsonIncentivesOf(j *jsonReport, r analysis.Result) {
	inc := r.Incentives
	if inc == nil {
		return
	}
	st := inc.Strategy
	j.Strategy = &jsonStrategy{DeficitPays: st.DeficitPays, Equal: st.Equal, BalancedPays: st.BalancedPays, Text: st.Text}
	m := inc.Marginal
	j.MarginalPrice = &jsonMarginal{Text: m.Text}
	if m.HasDeficit {
		v := money.Fixed4(m.DeficitMedian)
		j.MarginalPrice.DeficitMedian = &v
	}
	if m.HasBalanced {
		v := money.Fixed4(m.BalancedMedian)
		j.MarginalPrice.BalancedMedian = &v
	}
	lever := func(l analysis.Lever) jsonLever {
		jl := jsonLever{Note: l.Note}
		if l.Value != nil {
			v := money.Fixed4(*l.Value)
			jl.Value = &v
		}
		return jl
	}
	e := inc.Ending
	j.EndingTerms = &jsonEnding{WriteOff: lever(e.WriteOff), Interest: lever(e.Interest), Clawback: lever(e.Clawback), Text: e.Text}
}

// writeSystemIncentives writes a system's incentive members, as the
// Encoder would (see writeSystemJSON).
func writeSystemIncentives(o *jsonObject, s *jsonSystem) {
	o.optStr("strategy_gain", s.StrategyGain)
	o.optStr("marginal_price", s.MarginalPrice)
}
