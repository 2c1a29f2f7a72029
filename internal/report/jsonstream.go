package report

import (
	"strconv"

	"icsplan/internal/analysis"
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// writeSystemStream writes system s of the JSON report's systems array
// straight from the analysis, each figure formatted into the document where
// it goes: the bytes writeSystemJSON writes for the system buildJSON makes
// (TestSystemStreamMatchesJSONSystem holds the two together), without
// making the system's strings first. inc is its incentive row, or nil.
func writeSystemStream(o *jsonObject, s *analysis.SystemResult, inc *analysis.SystemIncentive) {
	o.b.WriteByte('{')
	o.str("code", s.Code)
	o.str("name", s.Name)
	o.str("region", s.Region)
	o.str("group", string(s.Group))
	o.b.Write(strconv.AppendInt(o.head("population"), s.Population, 10))
	o.b.Write(money.AppendString(o.head("weighted_population"), s.WeightedPopulation))
	o.fixed("plan", s.Plan, 2)
	o.b.Write(strconv.AppendBool(o.head("eligible"), s.Eligible))
	o.fixed("allocation", s.Allocation, 2)
	o.fixed("per_head", s.PerHead, 2)
	o.fixed("fair_share", s.FairShare, 2)
	o.fixed("transfer", s.Transfer, 2)
	writeRepaymentsStream(o, s.Repayments)
	o.fixed("pv_repayments", s.PVRepayments, 2)
	o.fixed("effective_grant", s.EffectiveGrant, 2)
	o.fixed("grant_element", s.GrantElement, 4)
	if p := s.PrudencePenalty; p != nil {
		o.fixed("prudence_penalty", *p, 2)
		o.fixed("prudence_plan", s.PenaltyPlan, 2)
	} else {
		o.raw("prudence_penalty", "null")
		o.raw("prudence_plan", "null")
	}
	o.str("source", s.Source)
	o.b.Write(strconv.AppendBool(o.head("illustrative"), s.Illustrative()))
	writeTermsStream(o, s)
	switch {
	case inc == nil:
		o.raw("strategy_gain", "null")
		o.raw("marginal_price", "null")
	case inc.Gain == nil:
		o.raw("strategy_gain", "null")
		o.fixed("marginal_price", inc.MarginalPrice, 4)
	default:
		o.fixed("strategy_gain", *inc.Gain, 2)
		o.fixed("marginal_price", inc.MarginalPrice, 4)
	}
	o.b.WriteString("\n    }")
}

// writeRepaymentsStream writes a system's repayments member: the years
// with something due, as writeSystemJSON writes them.
func writeRepaymentsStream(o *jsonObject, rs []analysis.Instalment) {
	const in = "      "
	o.key("repayments")
	n := 0
	for _, y := range rs {
		if y.Principal.IsZero() && y.Interest.IsZero() {
			continue
		}
		if n == 0 {
			o.b.WriteString("[\n")
		} else {
			o.b.WriteString(",\n")
		}
		n++
		o.b.WriteString(in + "  {")
		yo := jsonObject{b: o.b, indent: in + "    "}
		yo.str("year", y.Year)
		yo.fixed("principal", y.Principal, 2)
		yo.fixed("interest", y.Interest, 2)
		yo.b.Write(append(money.AppendFixedSum(append(yo.head("total"), '"'), y.Principal, y.Interest, 2), '"'))
		o.b.WriteString("\n" + in + "  }")
	}
	if n == 0 {
		o.b.WriteString("[]")
	} else {
		o.b.WriteString("\n" + in + "]")
	}
}

// writeTermsStream writes the terms' members of system s, as
// writeSystemTerms does for the system buildJSON makes.
func writeTermsStream(o *jsonObject, s *analysis.SystemResult) {
	o.fixed("received", s.Received, 2)
	o.fixed("withheld", s.Withheld, 2)
	o.key("tranches")
	o.list(len(s.Tranches), func(k int, e *jsonObject) {
		t := s.Tranches[k]
		e.str("paid", t.Paid)
		e.fixed("amount", t.Amount, 2)
		e.raw("passed", strconv.FormatBool(t.Passed))
	})
	o.key("consequences")
	o.list(len(s.Consequences), func(k int, e *jsonObject) {
		c := s.Consequences[k]
		e.str("kind", string(c.Kind))
		e.str("base", string(c.Base))
		e.str("year", c.Year)
		e.fixed("amount", c.Amount, 2)
		e.fixed("value", c.Value, 2)
	})
}

// fixed writes a member whose value is d as a string to places decimals
// (StringFixed), in one write: its digits need no escaping.
func (o *jsonObject) fixed(k string, d decimal.Decimal, places int32) {
	p := money.AppendFixed(append(o.head(k), '"'), d, places)
	o.b.Write(append(p, '"'))
}
