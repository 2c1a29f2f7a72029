package report

import (
	"encoding/json"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
)

// jsonSystems makes the JSON report's systems (which the CSV report and the
// workbook also read): each system's figures are written into one string
// and sliced (cellBuf), and its optional figures point into one slab, so a
// system costs a few allocations rather than one a figure.
type jsonSystems struct {
	cb   cellBuf
	figs []string
	opt  []string // backing for the *string members, four a system
	// reuse: each system is written before the next is made (renderJSON),
	// so one system's slices and optional slots (own) serve them all.
	reuse bool
	own   [4]string
	one   jsonSystem
}

func newJSONSystems(n int) *jsonSystems { return &jsonSystems{opt: make([]string, 4*n)} }

// newJSONStream makes the systems one at a time into one jsonSystem
// (next), for a writer that is done with each before asking for the next.
func newJSONStream() *jsonSystems { return &jsonSystems{reuse: true} }

// next is system made into the stream's one jsonSystem, valid until the
// next call.
func (b *jsonSystems) next(s analysis.SystemResult, inc *analysis.SystemIncentive) *jsonSystem {
	b.opt = b.own[:]
	b.one = b.system(s, inc)
	return &b.one
}

// optional returns a pointer to a fresh slot holding v.
func (b *jsonSystems) optional(v string) *string {
	if len(b.opt) == 0 {
		b.opt = make([]string, 64)
	}
	p := &b.opt[0]
	*p, b.opt = v, b.opt[1:]
	return p
}

// system is one system's row, its repayments the years with something due;
// inc is its incentive row, or nil when the result has none.
func (b *jsonSystems) system(s analysis.SystemResult, inc *analysis.SystemIncentive) jsonSystem {
	c := &b.cb
	c.fixed(s.Plan, 2)
	c.fixed(s.Allocation, 2)
	c.fixed(s.PerHead, 2)
	c.fixed(s.FairShare, 2)
	c.fixed(s.Transfer, 2)
	c.fixed(s.PVRepayments, 2)
	c.fixed(s.EffectiveGrant, 2)
	c.fixed(s.GrantElement, 4)
	c.fixed(s.Received, 2)
	c.fixed(s.Withheld, 2)
	due := 0
	for _, in := range s.Repayments {
		if in.Principal.IsZero() && in.Interest.IsZero() {
			continue
		}
		c.fixed(in.Principal, 2)
		c.fixed(in.Interest, 2)
		c.fixedSum(in.Principal, in.Interest, 2) // in.Total()
		due++
	}
	for _, t := range s.Tranches {
		c.fixed(t.Amount, 2)
	}
	for _, q := range s.Consequences {
		c.fixed(q.Amount, 2)
		c.fixed(q.Value, 2)
	}
	if s.PrudencePenalty != nil {
		c.fixed(*s.PrudencePenalty, 2)
		c.fixed(s.PenaltyPlan, 2)
	}
	c.b = money.AppendString(c.b, s.WeightedPopulation)
	c.end()
	if inc != nil {
		c.fixed(inc.MarginalPrice, 4)
		if inc.Gain != nil {
			c.fixed(*inc.Gain, 2)
		}
	}
	b.figs = c.take(b.figs[:0])
	f := b.figs
	next := func() string { v := f[0]; f = f[1:]; return v }
	js := jsonSystem{Code: s.Code, Name: s.Name, Region: s.Region, Group: string(s.Group), Population: s.Population,
		Eligible: s.Eligible, Source: s.Source, Illustrative: s.Illustrative()}
	js.Plan, js.Allocation, js.PerHead, js.FairShare, js.Transfer = next(), next(), next(), next(), next()
	js.PVRepayments, js.EffectiveGrant, js.GrantElement, js.Received, js.Withheld = next(), next(), next(), next(), next()
	js.Repayments, js.Tranches, js.Consequences = b.slices(due, len(s.Tranches), len(s.Consequences))
	for _, in := range s.Repayments {
		if in.Principal.IsZero() && in.Interest.IsZero() {
			continue
		}
		js.Repayments = append(js.Repayments, jsonInstalment{Year: in.Year, Principal: next(), Interest: next(), Total: next()})
	}
	for _, t := range s.Tranches {
		js.Tranches = append(js.Tranches, jsonTranche{Paid: t.Paid, Amount: next(), Passed: t.Passed})
	}
	for _, q := range s.Consequences {
		js.Consequences = append(js.Consequences, jsonConsequence{Kind: string(q.Kind), Base: string(q.Base),
			Year: q.Year, Amount: next(), Value: next()})
	}
	if s.PrudencePenalty != nil {
		js.PrudencePenalty, js.PenaltyPlan = b.optional(next()), b.optional(next())
	}
	js.WeightedPopulation = json.Number(next())
	if inc != nil {
		js.MarginalPrice = b.optional(next())
		if inc.Gain != nil {
			js.StrategyGain = b.optional(next())
		}
	}
	return js
}

// slices are a system's empty lists with room for its repayments, tranches
// and consequences: the stream's last ones again when it reuses them.
func (b *jsonSystems) slices(due, tranches, consequences int) ([]jsonInstalment, []jsonTranche, []jsonConsequence) {
	if b.reuse && cap(b.one.Repayments) >= due && cap(b.one.Tranches) >= tranches &&
		cap(b.one.Consequences) >= consequences {
		return b.one.Repayments[:0], b.one.Tranches[:0], b.one.Consequences[:0]
	}
	return make([]jsonInstalment, 0, due), make([]jsonTranche, 0, tranches), make([]jsonConsequence, 0, consequences)
}
