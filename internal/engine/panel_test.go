package engine

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// A panel of three years and six systems, every figure worked by hand.
//
// Populations: A 1000, B 2000 (3000 in 2025/26), C 1000 (3000 in 2025/26),
// D 4000, E 1000, F 2000. E leaves after 2024/25; F joins in 2024/25.
//
// Plans (£; d = planned deficit per head, max(0, −plan) ÷ population):
//
//	      2023/24          2024/25          2025/26
//	A   −10,000 d 10     −5,000 d 5       −2,000 d 2
//	B    −4,000 d 2           0 d 0       −1,000 d 1/3 (pop 3000)
//	C         0 d 0      −3,000 d 3       −5,000 d 5/3 (pop 3000)
//	D         0 d 0      −8,000 d 2            0 d 0
//	E    +1,000 d 0           0 d 0        (gone)
//	F    (not yet)       −2,000 d 1       −4,000 d 2
//
// 2024/25 lists D before C (in the order A, B, C, D its row would be read as
// a totals row: 4000 people and −8,000 are the sums of the rows above).
// Lists of systems follow the file order of the year named. C's 2024/25
// row is illustrative; every other row is reported.
//
// 2023/24 pays on forecasts (A −10,000, B −4,000, C −2,000, D 0, E +1,000):
// pot £16,000 pro rata to forecast deficits, capped at them, so A 10,000,
// B 4,000, C 2,000 (C planned to balance but received money, as Lancashire
// and South Cumbria did). A loan repaid in 2 equal parts in 2024/25 and
// 2025/26: A 5,000 + 5,000, B 2,000 + 2,000, C 1,000 + 1,000. At a 0%
// discount rate and 50% write-off G = R − ½R = ½R: A 5,000, B 2,000, C 1,000.
//
// 2024/25: a grant of £18,000, each deficit covered exactly: A 5,000,
// C 3,000, D 8,000, F 2,000; G = R.
//
// 2025/26: a loan of £12,000, each deficit covered exactly (A 2,000,
// B 1,000, C 5,000, F 4,000), repaid whole in 2026/27; 0% discount and 0%
// write-off, so G = 0.
func panelFixture() fstest.MapFS {
	head := "code,name,population,plan,forecast\n"
	return fstest.MapFS{
		"p/2023-24/systems.csv": {Data: []byte(head + "QA,A,1000,-10000,-10000\nQB,B,2000,-4000,-4000\nQC,C,1000,0,-2000\n" +
			"QD,D,4000,0,0\nQE,E,1000,1000,1000\n")},
		"p/2023-24/loan.toml": {Data: []byte(`title = "Loan on forecasts"
pot = "£16000"
primary = true
[eligibility]
rule = "deficit"
basis = "forecast"
[allocation]
method = "pro_rata"
cap = "deficit"
[repayment]
first_year = "2024/25"
years = 2
[assumptions]
discount_rate = "0%"
write_off = "50%"
`)},
		// A scenario that sorts first but is not primary: the panel must not read it.
		"p/2023-24/a-counterfactual.toml": {Data: []byte("title = \"Nothing\"\npot = \"£1\"\n[eligibility]\nrule = \"balanced\"\n")},
		"p/2023-24/year.toml": {Data: []byte(`[[reported]]
figure = "deficit plans"
value = "2"
source = "the test"
confidence = "H"
[[reported]]
figure = "Planned deficit"
value = "£15k"
source = "a rounder source"
[[reported]]
figure = "outturn"
value = "£20k"
source = "elsewhere"
`)},
		"p/2024-25/systems.csv": {Data: []byte("code,name,population,plan,forecast,source\nQA,A,1000,-5000,,\nQB,B,2000,0,,\n" +
			"QD,D,4000,-8000,,\nQC,C,1000,-3000,,illustrative\nQE,E,1000,0,,\nQF,F,2000,-2000,,\n")},
		"p/2024-25/grant.toml": {Data: []byte("title = \"Grant\"\npot = \"£18000\"\n[allocation]\ncap = \"deficit\"\n" +
			"[assumptions]\ndiscount_rate = \"0%\"\nwrite_off = \"0%\"\n")},
		"p/2025-26/systems.csv": {Data: []byte(head + "QA,A,1000,-2000,\nqb,B,3000,-1000,\nQC,C,3000,-5000,\nQD,D,4000,0,\n" +
			"QF,F,2000,-4000,\n")},
		"p/2025-26/loan.toml": {Data: []byte("title = \"Loan\"\npot = \"£12000\"\n[allocation]\ncap = \"deficit\"\n" +
			"[repayment]\nfirst_year = \"2026/27\"\nyears = 1\n[assumptions]\ndiscount_rate = \"0%\"\nwrite_off = \"0%\"\n")},
	}
}

func refs(codes ...string) []analysis.SystemRef {
	var out []analysis.SystemRef
	for _, c := range codes {
		out = append(out, analysis.SystemRef{Code: "Q" + c, Name: c})
	}
	return out
}

func dp(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

func TestPanelByHand(t *testing.T) {
	lib, err := plan.Load(panelFixture(), "p", "p", plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := Panel(lib)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Years[0].Scenario; got != "loan" {
		t.Errorf("2023/24 read through %q, want the primary loan", got)
	}
	// 2023/24 → 2024/25, linked A–E (F joins). Groups 2023/24: A D, B D,
	// C B, D B, E B (a surplus); 2024/25: A D, B B, C D, D D, E B.
	// Recipients A, B, C; of them A and C planned a deficit in 2024/25, and
	// C had planned to balance, so not "again". Reported in both years
	// (C is illustrative in 2024/25): A and B, and of them A planned a
	// deficit next.
	// Change in d: recipients A −5, B −2, C +3: mean −4/3 → −1.33;
	// others D +2, E 0: mean 1 → 1.00; difference −4/3 − 1 = −7/3 → −2.33.
	// Slope over A–E of 2023/24: x = 10, 2, 0, 0, 0; y = R/pop = 10, 2, 2,
	// 0, 0. n = 5, Σx = 12, Σy = 14, Σx² = 104, Σxy = 104:
	// (5·104 − 12·14) / (5·104 − 12²) = 352/376 = 0.936170… → 0.9362.
	first := analysis.Pair{From: "2023/24", To: "2024/25",
		Transitions: analysis.Transitions{DeficitDeficit: refs("A"), DeficitBalanced: refs("B"),
			BalancedDeficit: refs("D", "C"), BalancedBalanced: refs("E")},
		Recipients: refs("A", "B", "C"), RecipientsDeficitNext: refs("A", "C"), RecipientsDeficitBefore: 2,
		ReportedRecipients: refs("A", "B"), ReportedRecipientsDeficitNext: refs("A"),
		ChangePerHead: analysis.ChangePerHead{Recipients: dp("-1.33"), Others: dp("1.00"), Difference: dp("-2.33"),
			NRecipients: 3, NOthers: 2},
		BailoutSlope: dp("0.9362"), Joined: refs("F")}
	// 2024/25 → 2025/26, linked A, B, C, D, F (E leaves; "qb" is QB).
	// Groups 2025/26: A D, B D, C D, D B, F D. Recipients A, C, D, F, all
	// deficit planners in 2024/25; A, C and F planned a deficit again. On
	// reported rows (not C): A, D and F, of whom A and F.
	// Change in d: A 2−5 = −3, C 5/3−3 = −4/3, D 0−2 = −2, F 2−1 = 1:
	// Σ −16/3, mean −4/3 → −1.33; others B 1/3 − 0 → 0.33; difference of
	// the exact means −4/3 − 1/3 = −5/3 → −1.67 (not −1.33 − 0.33 = −1.66).
	// Slope over A–F of 2024/25: y = R/pop = 5, 0, 3, 2, 0, 1 equals
	// x = d exactly, so 1.0000.
	second := analysis.Pair{From: "2024/25", To: "2025/26",
		Transitions: analysis.Transitions{DeficitDeficit: []analysis.SystemRef{{Code: "QA", Name: "A"}, {Code: "QC", Name: "C"}, {Code: "QF", Name: "F"}},
			DeficitBalanced: refs("D"), BalancedDeficit: []analysis.SystemRef{{Code: "qb", Name: "B"}}},
		Recipients: refs("A", "D", "C", "F"), RecipientsDeficitNext: refs("A", "C", "F"), RecipientsDeficitBefore: 4,
		ReportedRecipients: refs("A", "D", "F"), ReportedRecipientsDeficitNext: refs("A", "F"),
		ChangePerHead: analysis.ChangePerHead{Recipients: dp("-1.33"), Others: dp("0.33"), Difference: dp("-1.67"),
			NRecipients: 4, NOthers: 1},
		BailoutSlope: dp("1.0000"), Left: refs("E")}
	checkPair(t, p.Pairs[0], first)
	checkPair(t, p.Pairs[1], second)

	wantText := "2 of the 3 systems that planned to balance in 2023/24 planned a deficit in 2024/25; " +
		"2 of the 3 systems that received money planned a deficit in 2024/25. " +
		"1 system appears first in 2024/25 (QF); codes are linked across years only where they are the same. " +
		"The one system that planned to balance in 2024/25 planned a deficit in 2025/26; " +
		"3 of the 4 systems that received money planned a deficit again. " +
		"1 system of 2024/25 is not in 2025/26 (QE); codes are linked across years only where they are the same."
	if p.Text != wantText {
		t.Errorf("text:\n got %s\nwant %s", p.Text, wantText)
	}
	checkNational(t, p)
	checkOwed(t, p)
}

func checkPair(t *testing.T, got, want analysis.Pair) {
	t.Helper()
	if !reflect.DeepEqual(got.Transitions, want.Transitions) || !reflect.DeepEqual(got.Recipients, want.Recipients) ||
		!reflect.DeepEqual(got.RecipientsDeficitNext, want.RecipientsDeficitNext) ||
		got.RecipientsDeficitBefore != want.RecipientsDeficitBefore || !reflect.DeepEqual(got.Joined, want.Joined) ||
		!reflect.DeepEqual(got.Left, want.Left) || got.From != want.From || got.To != want.To ||
		!reflect.DeepEqual(got.ReportedRecipients, want.ReportedRecipients) ||
		!reflect.DeepEqual(got.ReportedRecipientsDeficitNext, want.ReportedRecipientsDeficitNext) {
		t.Errorf("pair %s→%s:\n got %+v\nwant %+v", want.From, want.To, got, want)
	}
	g, w := got.ChangePerHead, want.ChangePerHead
	if fixed(g.Recipients) != fixed(w.Recipients) || fixed(g.Others) != fixed(w.Others) ||
		fixed(g.Difference) != fixed(w.Difference) || g.NRecipients != w.NRecipients || g.NOthers != w.NOthers {
		t.Errorf("pair %s→%s change per head: got %s %s %s (%d, %d), want %s %s %s (%d, %d)", want.From, want.To,
			fixed(g.Recipients), fixed(g.Others), fixed(g.Difference), g.NRecipients, g.NOthers,
			fixed(w.Recipients), fixed(w.Others), fixed(w.Difference), w.NRecipients, w.NOthers)
	}
	if got.BailoutSlope == nil || got.BailoutSlope.StringFixed(4) != want.BailoutSlope.StringFixed(4) {
		t.Errorf("pair %s→%s slope: got %v, want %s", want.From, want.To, got.BailoutSlope, want.BailoutSlope.StringFixed(4))
	}
}

// National: deficit plans and their sum per year. 2023/24: A, B → 2,
// £14,000; 2024/25: A, C, D, F → 4, £18,000; 2025/26: A, B, C, F → 4,
// £12,000. The published 2 agrees, £15k does not, "outturn" is not compared.
func checkNational(t *testing.T, p analysis.Panel) {
	t.Helper()
	want := []struct {
		plans   int
		deficit string
	}{{2, "14000"}, {4, "18000"}, {4, "12000"}}
	for i, w := range want {
		n := p.National[i]
		if n.DeficitPlans != w.plans || n.PlannedDeficit.String() != w.deficit {
			t.Errorf("%s: %d plans, %s; want %d, %s", n.Year, n.DeficitPlans, n.PlannedDeficit, w.plans, w.deficit)
		}
	}
	r := p.National[0].Reported
	if len(r) != 3 || r[0].Agrees == nil || !*r[0].Agrees || r[1].Agrees == nil || *r[1].Agrees || r[2].Agrees != nil ||
		r[0].Confidence != "H" {
		t.Errorf("reported 2023/24: %+v", r)
	}
	if p.National[1].Reported != nil {
		t.Errorf("2024/25 has no year.toml, got %+v", p.National[1].Reported)
	}
}

// Owed, at each year end from 2023/24 to 2025/26 (after the last repayment,
// in 2026/27, nothing is owed, so the years end at 2025/26):
// A: 10,000 received 2023/24, 5,000 due 2024/25 and 2025/26; 2,000
// received 2025/26, due 2026/27 → 10,000, 5,000, 2,000.
// B: 2,000 + 2,000; then 1,000 → 4,000, 2,000, 1,000.
// C: 1,000 + 1,000; then 5,000 → 2,000, 1,000, 5,000.
// F: 4,000 in 2025/26 → 0, 0, 4,000. D and E never borrowed.
// Cumulative at the end of 2025/26 (received, repaid, owed, effective grant):
// A 17,000 (10,000 + 5,000 + 2,000), 10,000, 2,000, 10,000 (5,000 + 5,000 + 0)
// B 5,000, 4,000, 1,000, 2,000; C 10,000, 2,000, 5,000, 4,000;
// D 8,000, 0, 0, 8,000; E 0, 0, 0, 0; F 6,000, 0, 4,000, 2,000.
func checkOwed(t *testing.T, p analysis.Panel) {
	t.Helper()
	if got := strings.Join(p.OwedYears, " "); got != "2023/24 2024/25 2025/26" {
		t.Errorf("owed years %s", got)
	}
	want := map[string]string{"QA": "10000 5000 2000", "QB": "4000 2000 1000", "QC": "2000 1000 5000", "QF": "0 0 4000"}
	var codes []string
	for _, o := range p.Owed {
		codes = append(codes, o.Code)
		var bs []string
		for _, b := range o.Balances {
			bs = append(bs, b.Balance.String())
		}
		if got := strings.Join(bs, " "); got != want[o.Code] {
			t.Errorf("%s owes %s, want %s", o.Code, got, want[o.Code])
		}
	}
	if strings.Join(codes, " ") != "QA QB QC QF" {
		t.Errorf("owed systems %v", codes)
	}
	cum := map[string]string{"QA": "17000 10000 2000 10000", "QB": "5000 4000 1000 2000", "QC": "10000 2000 5000 4000",
		"QD": "8000 0 0 8000", "QE": "0 0 0 0", "QF": "6000 0 4000 2000"}
	for _, s := range p.Systems {
		got := strings.Join([]string{s.Received.String(), s.Repaid.String(), s.Owed.String(), s.EffectiveGrant.String()}, " ")
		if got != cum[codeKey(s.Code)] {
			t.Errorf("%s cumulative %s, want %s", s.Code, got, cum[codeKey(s.Code)])
		}
	}
	if e := p.Systems[4]; e.Code != "QE" || len(e.History) != 3 || e.History[2].Present || !e.History[1].Present {
		t.Errorf("E's history: %+v", e)
	}
	// C's history: 2025/26 deficit per head 5/3 → 1.67; received 5,000; owes 5,000.
	if c := p.Systems[2].History; !c[1].Illustrative || c[2].Illustrative {
		t.Errorf("C is illustrative in 2024/25 only: %+v", c)
	}
	if c := p.Systems[2].History[2]; c.DeficitPerHead.StringFixed(2) != "1.67" || c.Received.String() != "5000" || c.Owed.String() != "5000" {
		t.Errorf("C in 2025/26: %+v", c)
	}
}
