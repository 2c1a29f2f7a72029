package report

import (
	"strconv"
)

// The terms in the JSON report (DESIGN.md, "JSON for the second stage"):
// each system's cash received and withheld, its part of every tranche and
// the consequences applied to it. A scenario without terms still has the
// keys: received is the allocation, withheld 0, and both lists are empty.

// jsonTranche is a system's part of one tranche: the amount whether paid or
// not, and whether it was paid (true for an unconditional tranche and for a
// figure the plans do not have).
type jsonTranche struct {
	Paid   string `json:"paid"`
	Amount string `json:"amount"`
	Passed bool   `json:"passed"`
}

// jsonConsequence is one consequence applied to a system: its nominal
// amount and its value today (probability × amount, discounted), both
// unsigned; kind says which way the money moves.
type jsonConsequence struct {
	Kind   string `json:"kind"`
	Base   string `json:"base"`
	Year   string `json:"year"`
	Amount string `json:"amount"`
	Value  string `json:"value"`
}

// writeSystemTerms writes the terms' members of a system object, as the
// Encoder would (see writeSystemJSON).
func writeSystemTerms(o *jsonObject, s *jsonSystem) {
	o.str("received", s.Received)
	o.str("withheld", s.Withheld)
	o.key("tranches")
	o.list(len(s.Tranches), func(k int, e *jsonObject) {
		t := s.Tranches[k]
		e.str("paid", t.Paid)
		e.str("amount", t.Amount)
		e.raw("passed", strconv.FormatBool(t.Passed))
	})
	o.key("consequences")
	o.list(len(s.Consequences), func(k int, e *jsonObject) {
		c := s.Consequences[k]
		e.str("kind", c.Kind)
		e.str("base", c.Base)
		e.str("year", c.Year)
		e.str("amount", c.Amount)
		e.str("value", c.Value)
	})
}

// list writes an array of n objects as the value of the key just written,
// each object's members written by member: "[]" when n is 0.
func (o *jsonObject) list(n int, member func(k int, e *jsonObject)) {
	if n == 0 {
		o.b.WriteString("[]")
		return
	}
	o.b.WriteString("[\n")
	for k := range n {
		if k > 0 {
			o.b.WriteString(",\n")
		}
		o.b.WriteString(o.indent + "  {")
		e := jsonObject{b: o.b, indent: o.indent + "    "}
		member(k, &e)
		o.b.WriteString("\n" + o.indent + "  }")
	}
	o.b.WriteString("\n" + o.indent + "]")
}
