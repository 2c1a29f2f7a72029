package plan

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// marshalScenario writes s as TOML that parseScenario reads back equal.
func marshalScenario(s Scenario) []byte {
	var b bytes.Buffer
	kv := func(k, v string) { fmt.Fprintf(&b, "%s = %s\n", k, v) }
	kv("title", tomlString(s.Title))
	if s.Year != "" {
		kv("year", tomlString(s.Year))
	}
	if s.Note != "" {
		kv("note", tomlString(s.Note))
	}
	if s.PotDeficits {
		kv("pot", tomlString(potDeficits))
	} else {
		kv("pot", tomlString(s.Pot.String()))
	}
	if s.Paid != "" {
		kv("paid", tomlString(s.Paid))
	}
	if s.Primary {
		kv("primary", "true")
	}
	b.WriteString("\n[eligibility]\n")
	kv("rule", tomlString(string(s.Eligibility.Rule)))
	kv("basis", tomlString(string(s.Eligibility.Basis)))
	b.WriteString("\n[allocation]\n")
	kv("method", tomlString(string(s.Allocation.Method)))
	kv("basis", tomlString(string(s.Allocation.Basis)))
	kv("cap", tomlString(string(s.Allocation.Cap)))
	kv("unit", tomlString(unitText(s.Allocation.Unit)))
	writeTerms(&b, s)
	if rp := s.Repayment; rp != nil {
		b.WriteString("\n[repayment]\n")
		if rp.Kind != "" {
			kv("kind", tomlString(string(rp.Kind)))
		}
		kv("first_year", tomlString(rp.FirstYear))
		kv("years", strconv.Itoa(rp.Years))
		if len(rp.Profile) > 0 {
			shares := make([]string, len(rp.Profile))
			for i, f := range rp.Profile {
				shares[i] = tomlString(percent(f))
			}
			kv("profile", "["+strings.Join(shares, ", ")+"]")
		}
		kv("interest", tomlString(percent(rp.Interest)))
	}
	b.WriteString("\n[assumptions]\n")
	kv("discount_rate", tomlString(percent(s.Assumptions.DiscountRate)))
	kv("write_off", tomlString(percent(s.Assumptions.WriteOff)))
	kv("balanced_threshold", tomlString(s.Assumptions.BalancedThreshold.String()))
	return b.Bytes()
}

// writeTerms writes the [[tranche]] and [[consequence]] tables, every key
// of each, in order.
func writeTerms(b *bytes.Buffer, s Scenario) {
	kv := func(k, v string) { fmt.Fprintf(b, "%s = %s\n", k, tomlString(v)) }
	for _, t := range s.Tranches {
		b.WriteString("\n[[tranche]]\n")
		kv(LeafShare, percent(t.Share))
		if t.Paid != "" {
			kv(LeafPaid, t.Paid)
		}
		kv(LeafCondition, string(t.Condition))
		kv(LeafTolerance, t.Tolerance.String())
		kv(LeafForfeit, string(t.Forfeit))
	}
	for _, c := range s.Consequences {
		b.WriteString("\n[[consequence]]\n")
		kv(LeafKind, string(c.Kind))
		kv(LeafBase, string(c.Base))
		kv(LeafRate, percent(c.Rate))
		kv(LeafYear, c.Year)
		kv(LeafProbability, percent(c.Probability))
		kv(LeafGroup, string(c.Group))
	}
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// percent shows a fraction as an exact percentage: 0.035 is "3.5%".
func percent(d decimal.Decimal) string { return d.Shift(2).String() + "%" }

// unitText shows an allocation unit as a scenario file writes it.
func unitText(u decimal.Decimal) string { return "£" + u.String() }
