package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"icsplan/internal/analysis"
)

// encodedSystem is a system as encoding/json's Encoder writes it at its
// place in the report (SetIndent("    ", "  "), no HTML escaping), through
// jsonSafeWriter: what writeSystemJSON must write.
func encodedSystem(t testing.TB, s *jsonSystem) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(jsonSafeWriter{&b})
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

func writtenSystem(s *jsonSystem) string {
	var b bytes.Buffer
	writeSystemJSON(&b, s)
	return b.String()
}

// TestSystemJSONMatchesEncoder: the hand-written encoding of a system is the
// Encoder's, byte for byte, for the fixture's systems (hostile ones among
// them), the shipped ones, and systems with every sort of text.
func TestSystemJSONMatchesEncoder(t *testing.T) {
	var all []jsonSystem
	for _, c := range cases(t) {
		all = append(all, buildJSON(c.res).Systems...)
	}
	j := buildJSON(hostileFields())
	all = append(all, j.Systems...)
	for _, s := range []string{"", "\"quoted\" \\back\\", "\b\f\n\r\t\x00\x1f\x7f", "\xff\xfe\xc3", "<b>&amp;</b>",
		"\u2028\u2029\u0085\u009b\u202e\u2066\u200b\ufeff\u061c", "£ – 日本 ✓ 👩‍👩‍👧", hostile} {
		sys := j.Systems[0]
		sys.Name, sys.Code, sys.Source = s, s, s
		sys.PrudencePenalty = &s
		all = append(all, sys)
	}
	for i := range all {
		if got, want := writtenSystem(&all[i]), encodedSystem(t, &all[i]); got != want {
			t.Fatalf("system %d:\n%s\nthe Encoder writes\n%s", i, got, want)
		}
	}
}

// FuzzSystemJSON: for any text in a system's fields, the hand-written
// encoding is the Encoder's.
func FuzzSystemJSON(f *testing.F) {
	for _, s := range []string{"", "a\"b\\c", "\x00\x7f\u0085\u2028", "\xff", hostile} {
		f.Add(s, s)
	}
	base := buildJSON(fixture()).Systems[0]
	f.Fuzz(func(t *testing.T, a, b string) {
		s := base
		s.Code, s.Name, s.Region, s.Source = a, b, a+b, b+a
		s.PenaltyPlan = &a
		if len(a)%2 == 0 {
			s.Repayments = s.Repayments[:0] // buildJSON never leaves it nil
		}
		s.Tranches = []jsonTranche{{Paid: a, Amount: b, Passed: len(b)%2 == 0}, {Paid: b, Amount: a}}[:len(a)%3]
		s.Consequences = []jsonConsequence{{Kind: a, Base: b, Year: a, Amount: b, Value: a}}[:len(b)%2]
		if got, want := writtenSystem(&s), encodedSystem(t, &s); got != want {
			t.Fatalf("writeSystemJSON:\n%s\nthe Encoder writes\n%s", got, want)
		}
	})
}

// TestSystemStreamMatchesJSONSystem: each system written straight from the
// analysis is the system buildJSON makes as writeSystemJSON writes it, for
// every system of the test cases (the fixture's hostile ones, the shipped
// ones, tranches, consequences and incentives among them) and of hostile
// fields.
func TestSystemStreamMatchesJSONSystem(t *testing.T) {
	var results []analysis.Result
	for _, c := range cases(t) {
		results = append(results, c.res)
	}
	for _, r := range append(results, hostileFields(), termsFixture(t)) {
		j := buildJSON(r)
		for i := range r.Systems {
			var b bytes.Buffer
			writeSystemStream(&jsonObject{b: &b, indent: "      "}, &r.Systems[i], systemIncentive(r, i))
			if got, want := b.String(), writtenSystem(&j.Systems[i]); got != want {
				t.Fatalf("system %d (%s):\n%s\nwriteSystemJSON writes\n%s", i, r.Systems[i].Code, got, want)
			}
		}
	}
}
