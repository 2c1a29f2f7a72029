package report

import (
	"bytes"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/engine"
	"icsplan/internal/plan"
	"icsplan/internal/synth"

	"github.com/shopspring/decimal"
)

// syntheticPanel is a panel of three years of synthetic systems, each year
// a random scenario (loans among them, so that money is owed), with systems
// joining (n grows) and leaving (the last year is smaller).
func syntheticPanel(t testing.TB, n int, seed int64) analysis.Panel {
	t.Helper()
	labels := []string{"2021/22", "2022/23", "2023/24"}
	sizes := []int{n, n + 3, n - 2}
	yes, no := plan.Reported{Figure: plan.FigureDeficitPlans, Value: "7", Source: "a source", URL: "https://x.example/a?b=1&c=<2>",
		Confidence: "H"}, plan.Reported{Figure: "something else", Value: "£1bn", Source: "another", Confidence: "L"}
	in := make([]engine.PanelInput, len(labels))
	for k, l := range labels {
		ds := synth.Generate(sizes[k], seed+int64(k))
		ds.Year = l
		res, err := engine.Analyse(ds, synth.RandomScenario(ds, seed+int64(k)))
		if err != nil {
			t.Fatal(err)
		}
		in[k] = engine.PanelInput{Year: plan.Year{Label: l, Dataset: ds, Reported: []plan.Reported{yes, no}[:k%3]}, Result: res}
	}
	return engine.PanelOf(in)
}

// textPanel is a small panel made by hand whose every text is a or b, with
// every figure that may be missing both missing and present.
func textPanel(a, b string) analysis.Panel {
	d := decimal.RequireFromString("-1234.565")
	yes, no := true, false
	refs := []analysis.SystemRef{{Code: a, Name: b}, {Code: b, Name: a}}
	hist := []analysis.SystemYear{{Year: a, Present: true, Group: analysis.Deficit, Plan: d, DeficitPerHead: d, Received: d,
		Repaid: d, Owed: d, EffectiveGrant: d, Illustrative: true}, {Year: b, Group: analysis.Balanced}}
	return analysis.Panel{
		Years: []analysis.PanelYear{{Year: a, Scenario: b, Title: a + b, Systems: 3, Illustrative: 1, Verdict: analysis.Label(b),
			Data: analysis.DataCheck{Verdict: analysis.Label(a)}}, {Year: b}},
		Pairs: []analysis.Pair{{From: a, To: b, Transitions: analysis.Transitions{DeficitDeficit: refs, BalancedDeficit: refs[:1]},
			Recipients: refs, RecipientsDeficitNext: refs[1:], ReportedRecipients: refs,
			ChangePerHead: analysis.ChangePerHead{Recipients: &d, Difference: &d}, BailoutSlope: &d, Joined: refs, Left: refs[:1]},
			{From: b, To: a}},
		National: []analysis.National{{Year: a, Systems: 2, DeficitPlans: 1, PlannedDeficit: d, Reported: []analysis.ReportedFigure{
			{Figure: a, Value: b, Source: a, URL: b, Confidence: a, Agrees: &yes}, {Figure: b, Agrees: &no}, {Value: a}}}, {Year: b}},
		OwedYears: []string{a, b},
		Owed:      []analysis.Owed{{Code: a, Name: b, Balances: []analysis.Balance{{Year: a, Balance: d}, {Year: b}}}, {Code: b}},
		Systems: []analysis.PanelSystem{{Code: a, Name: b, History: hist, Received: d, Repaid: d, Owed: d, EffectiveGrant: d},
			{Code: b, Name: a}},
		Text: a + "\n" + b,
	}
}

// panels are the panels the writers are checked on: the shipped one,
// synthetic ones, hand-made ones with hostile text, and empty ones.
func panels(t testing.TB) []analysis.Panel {
	return []analysis.Panel{shippedPanel(t), syntheticPanel(t, 40, 1), syntheticPanel(t, 9, 7), textPanel(hostile, "£ – 日本 ✓"),
		textPanel("\"q\" \\b\\ \b\f\n\r\t\x00\x1f\x7f\xff\u2028\u0085\u200b\ufeff", "<b>&amp;</b>"), {}, {Years: []analysis.PanelYear{{}}}}
}

// TestPanelJSONMatchesEncoder: the Years report's JSON is what the Encoder
// writes for buildPanelJSON's object, byte for byte, on every panel.
func TestPanelJSONMatchesEncoder(t *testing.T) {
	for i, p := range panels(t) {
		var got, want bytes.Buffer
		if err := renderPanelJSON(&got, p); err != nil {
			t.Fatal(err)
		}
		if err := renderPanelJSONEncoder(&want, p); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("panel %d: the writer and the Encoder differ at %s", i, firstDiff(want.String(), got.String()))
		}
	}
}

// TestRenderJSONMatchesEncoder: the one-year JSON report is what the
// Encoder writes for it, byte for byte, for every test case with no panel
// and with each panel.
func TestRenderJSONMatchesEncoder(t *testing.T) {
	ps := panels(t)
	var results []analysis.Result
	for _, c := range cases(t) {
		results = append(results, c.res)
	}
	for i, r := range append(results, hostileFields(), termsFixture(t)) {
		for k := -1; k < len(ps); k++ {
			r.Panel = nil
			if k >= 0 {
				r.Panel = &ps[k]
			}
			var got, want bytes.Buffer
			if err := renderJSON(&got, r); err != nil {
				t.Fatal(err)
			}
			if err := renderJSONEncoder(&want, r); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("result %d, panel %d: the writer and the Encoder differ at %s", i, k, firstDiff(want.String(), got.String()))
			}
		}
	}
}

// FuzzPanelJSON: for any text in a panel's fields, the writer writes what
// the Encoder writes.
func FuzzPanelJSON(f *testing.F) {
	for _, s := range []string{"", "a\"b\\c", "\x00\x7f\u0085\u2028", "\xff", "\xe2\x80", hostile} {
		f.Add(s, "2023/24")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		p := textPanel(a, b)
		var got, want bytes.Buffer
		if err := renderPanelJSON(&got, p); err != nil {
			t.Fatal(err)
		}
		if err := renderPanelJSONEncoder(&want, p); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("the writer and the Encoder differ at %s", firstDiff(want.String(), got.String()))
		}
	})
}
