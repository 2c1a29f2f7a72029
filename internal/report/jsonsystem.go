package report

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// writeSystemJSON writes one system of the JSON report's systems array, as
// the document's Encoder (SetIndent at the array's depth, no HTML escaping,
// then the characters jsonEscaped names as \uXXXX) writes it, without the Encoder's reflection and
// re-indenting: the systems are nearly all of a large report.
// TestSystemJSONMatchesEncoder holds the two to the same bytes.
func writeSystemJSON(b *bytes.Buffer, s *jsonSystem) {
	const in = "      " // the members' indent: the array's prefix and one level
	o := jsonObject{b: b, indent: in}
	b.WriteByte('{')
	o.str("code", s.Code)
	o.str("name", s.Name)
	o.str("region", s.Region)
	o.str("group", s.Group)
	o.raw("population", strconv.FormatInt(s.Population, 10))
	o.raw("weighted_population", string(s.WeightedPopulation))
	o.str("plan", s.Plan)
	o.raw("eligible", strconv.FormatBool(s.Eligible))
	o.str("allocation", s.Allocation)
	o.str("per_head", s.PerHead)
	o.str("fair_share", s.FairShare)
	o.str("transfer", s.Transfer)
	o.key("repayments")
	if len(s.Repayments) == 0 {
		b.WriteString("[]")
	} else {
		b.WriteString("[\n")
		for k, y := range s.Repayments {
			if k > 0 {
				b.WriteString(",\n")
			}
			b.WriteString(in + "  {")
			yo := jsonObject{b: b, indent: in + "    "}
			yo.str("year", y.Year)
			yo.str("principal", y.Principal)
			yo.str("interest", y.Interest)
			yo.str("total", y.Total)
			b.WriteString("\n" + in + "  }")
		}
		b.WriteString("\n" + in + "]")
	}
	o.str("pv_repayments", s.PVRepayments)
	o.str("effective_grant", s.EffectiveGrant)
	o.str("grant_element", s.GrantElement)
	o.optStr("prudence_penalty", s.PrudencePenalty)
	o.optStr("prudence_plan", s.PenaltyPlan)
	o.str("source", s.Source)
	o.raw("illustrative", strconv.FormatBool(s.Illustrative))
	writeSystemTerms(&o, s)
	writeSystemIncentives(&o, s)
	b.WriteString("\n    }")
}

// jsonObject writes an object's members, one a line at indent, after the
// object's opening brace.
type jsonObject struct {
	b      *bytes.Buffer
	indent string
	n      int
}

// key writes a member's key, after a comma when it is not the first, in
// one write: a system has some thirty members.
func (o *jsonObject) key(k string) { o.b.Write(o.head(k)) }

// head is what key writes, appended to the buffer's free space but not yet
// written, so that the caller can append the value and write both at once.
func (o *jsonObject) head(k string) []byte {
	p := o.b.AvailableBuffer()
	if o.n > 0 {
		p = append(p, ',')
	}
	o.n++
	p = append(p, '\n')
	p = append(p, o.indent...)
	p = append(p, '"')
	p = append(p, k...)
	return append(p, `": `...)
}

func (o *jsonObject) raw(k, v string) {
	o.key(k)
	o.b.WriteString(v)
}

func (o *jsonObject) str(k, v string) {
	o.key(k)
	writeJSONString(o.b, v)
}

func (o *jsonObject) optStr(k string, v *string) {
	if v == nil {
		o.raw(k, "null")
		return
	}
	o.str(k, *v)
}

// writeJSONString writes s as a JSON string the way encoding/json does with
// HTML escaping off (\" \\ \b \f \n \r \t, other C0 controls as \u00XX,
// invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped), and escapes as \uXXXX
// the characters jsonEscaped names (the tests' jsonSafeWriter does the same
// to the Encoder's output).
func writeJSONString(b *bytes.Buffer, s string) {
	if plainJSON(s) {
		p := append(b.AvailableBuffer(), '"')
		p = append(p, s...)
		b.Write(append(p, '"'))
		return
	}
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f && c != '"' && c != '\\' {
			i++
			continue
		}
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		var esc string
		switch {
		case r == '"' || r == '\\':
			esc = `\` + string(r)
		case r == '\b':
			esc = `\b`
		case r == '\f':
			esc = `\f`
		case r == '\n':
			esc = `\n`
		case r == '\r':
			esc = `\r`
		case r == '\t':
			esc = `\t`
		case r < 0x20:
			esc = `\u00` + string(hex[r>>4]) + string(hex[r&0xf])
		case r == utf8.RuneError && n == 1:
			esc = `\ufffd`
		case r == '\u2028' || r == '\u2029' || jsonEscaped(r):
			esc = `\u` + string([]byte{hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf]})
		default:
			i += n
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(esc)
		i += n
		start = i
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

// plainJSON reports whether s is printable ASCII with no quote or
// backslash, written as it is (every figure, nearly every code and name).
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}
