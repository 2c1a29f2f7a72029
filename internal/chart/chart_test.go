package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/chart -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./internal/chart -update and review the diff):\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

// TestGoldenData pins each chart's data (figures and printed texts, not
// pixels) at every shipped scenario.
func TestGoldenData(t *testing.T) {
	for _, s := range shippedResults(t) {
		for _, c := range Charts() {
			t.Run(s.name+"/"+c.Name, func(t *testing.T) {
				checkGolden(t, s.name+"."+c.Name+".golden", []byte(c.Build(s.res).String()))
			})
		}
	}
}

// small is a hand-made result: two deficit planners, two balanced ones.
func small() analysis.Result {
	sys := func(code, name string, g analysis.Group, alloc, fair, source string) analysis.SystemResult {
		return analysis.SystemResult{System: plan.System{Code: code, Name: name, Source: source}, Group: g,
			Allocation: d(alloc), Received: d(alloc), FairShare: d(fair), Transfer: d(alloc).Sub(d(fair))}
	}
	return analysis.Result{
		Scenario: plan.Scenario{Repayment: &plan.Repayment{FirstYear: "2025/26", Years: 2},
			Assumptions: plan.Assumptions{WriteOff: d("0.5"), DiscountRate: d("0.035")}},
		Systems: []analysis.SystemResult{
			sys("AAA", "Alpha", analysis.Deficit, "1999.50", "500", "reported"),               // transfer 1,499.50
			sys("BBB", "Bravo\x1b[31m\u202e", analysis.Balanced, "0", "2500", "illustrative"), // (2,500)
			sys("CCC", "Charlie", analysis.Deficit, "2000.50", "500.50", "reported"),          // 1,500
			sys("DDD", "Delta", analysis.Balanced, "0", "499.50", "reported"),                 // (499.50)
		},
		Deficit:          analysis.GroupResult{Group: analysis.Deficit, Systems: 2, PerHead: d("35.43"), GrantPerHead: d("19.44")},
		Balanced:         analysis.GroupResult{Group: analysis.Balanced, Systems: 0},
		FairSharePerHead: d("11.31"),
		Totals:           analysis.Totals{GrantPerHead: d("6.21")},
		Years: []analysis.YearTotal{
			{Year: "2025/26", Principal: d("233333499.99"), Interest: d("0.01")},
			{Year: "2026/27", Principal: d("1499"), Interest: d("0")},
		},
		Flows: []analysis.YearFlow{
			{Year: "2024/25", Paid: d("4000")},
			{Year: "2025/26", Principal: d("233333499.99"), Interest: d("0.01")},
			{Year: "2026/27", Principal: d("1499"), Interest: d("0")},
		},
		Sensitivity: []analysis.Cell{
			{WriteOff: d("0"), DiscountRate: d("0"), GrantElement: d("0"), Verdict: analysis.Neutral},
			{WriteOff: d("0"), DiscountRate: d("0.035"), GrantElement: d("0.0980"), Verdict: analysis.RewardsDeficit},
			{WriteOff: d("0.5"), DiscountRate: d("0"), GrantElement: d("0.5"), Verdict: analysis.RewardsDeficit},
			{WriteOff: d("0.5"), DiscountRate: d("0.035"), GrantElement: d("0.5494"), Verdict: analysis.RewardsDeficit},
		},
	}
}

func TestPerHead(t *testing.T) {
	got := PerHead(small())
	if strings.Join(got.Categories, "|") != "Deficit plans (2 systems)|Balanced plans (0 systems)" {
		t.Errorf("categories %q", got.Categories)
	}
	cash, grant := got.Series[0].Values, got.Series[1].Values
	if cash[0].Text != "£35.43" || !cash[0].Exact.Equal(d("35.43")) || grant[0].Text != "£19.44" {
		t.Errorf("deficit group %+v %+v", cash[0], grant[0])
	}
	// An empty group has no per-head figure: "–", and nothing drawn.
	if !cash[1].Missing || cash[1].Text != "–" || !grant[1].Missing {
		t.Errorf("empty balanced group %+v %+v", cash[1], grant[1])
	}
	if got.Refs[0].Text != "£11.31" || got.Refs[1].Text != "£6.21" {
		t.Errorf("reference lines %+v", got.Refs)
	}
}

func TestTransfersSortedAndRoundedOnce(t *testing.T) {
	got := Transfers(small())
	// Biggest first: CCC 1,500.00, AAA 1,499.50, DDD (499.50), BBB (2,500).
	want := []string{"CCC Charlie", "AAA Alpha", "DDD Delta", "BBB † Bravo"}
	if strings.Join(got.Categories, "|") != strings.Join(want, "|") {
		t.Errorf("categories %q, want %q (sorted, sanitised, † for illustrative)", got.Categories, want)
	}
	// Footed as the Systems table is (largest remainder of each column's
	// exact total), a transfer shown as allocation less fair share as shown.
	// Allocations in £000: 1.9995, 0, 2.0005, 0 (total 4): floors 1, 0, 2, 0
	// and the last unit to AAA's remainder .9995, so 2, 0, 2, 0. Fair shares:
	// 0.5, 2.5, 0.5005, 0.4995 (total 4): floors 0, 2, 0, 0, and two units to
	// CCC (.5005) and, of the tied .5s, BBB (the larger value), so 0, 3, 1, 0.
	// Transfers shown: AAA 2, BBB (3), CCC 1, DDD 0 — CCC's exact 1,500 shows
	// as 1 beside AAA's 1,499.50 as 2, as in the table.
	texts := map[string]string{}
	for _, s := range got.Series {
		for i, v := range s.Values {
			if !v.Missing {
				texts[got.Categories[i]] = v.Text + " in " + s.Name
			}
		}
	}
	for cat, w := range map[string]string{"CCC Charlie": "1 in Planned a deficit", "AAA Alpha": "2 in Planned a deficit",
		"DDD Delta": "0 in Planned to balance", "BBB † Bravo": "(3) in Planned to balance"} {
		if texts[cat] != w {
			t.Errorf("%s: %q, want %q", cat, texts[cat], w)
		}
	}
	if v := got.Series[1].Values[3]; !v.Exact.Equal(d("-2.5")) {
		t.Errorf("BBB's exact transfer is %s thousand, want -2.5", v.Exact)
	}
	if len(got.Notes) != 2 || !strings.HasPrefix(got.Notes[1], "†") {
		t.Errorf("notes %q lack the illustrative mark", got.Notes)
	}
}

func TestRepayments(t *testing.T) {
	got := Repayments(small())
	// Principal in £000, footed: 233,333.49999 and 1.499 (total 233,334.99899,
	// so 233,335 units): floors 233,333 and 1, the last unit to the larger
	// remainder (.49999), so 233,334 and 1. Interest 0.00001 and 0 foots to 0
	// and 0. Each year's total is principal plus interest as shown. The
	// plans' year (2024/25: cash paid, nothing due) has no bar.
	if strings.Join(got.Categories, "|") != "2025/26|2026/27" || len(got.Series) != 2 {
		t.Fatalf("categories %q, %d series", got.Categories, len(got.Series))
	}
	if got.Totals[0].Text != "233,334" || got.Series[0].Values[0].Text != "233,334" || got.Series[1].Values[0].Text != "0" {
		t.Errorf("2025/26 %+v %+v %+v", got.Totals[0], got.Series[0].Values[0], got.Series[1].Values[0])
	}
	if !got.Totals[0].Exact.Equal(d("233333.5")) {
		t.Errorf("2025/26 exact total %s thousand, want 233333.5", got.Totals[0].Exact)
	}
	if got.Totals[1].Text != "1" || !got.Totals[1].Exact.Equal(d("1.499")) {
		t.Errorf("2026/27 total %+v, want 1 from 1.499 thousand", got.Totals[1])
	}
	if got.Title != "Repayments due back by year, all systems (£000)" {
		t.Errorf("title %q", got.Title)
	}
	r := small()
	r.Scenario.Repayment, r.Flows = nil, r.Flows[:1]
	if g := Repayments(r); !g.Empty() || len(g.Notes) != 1 || g.Notes[0] != "None: the money is a grant." {
		t.Errorf("a grant: %+v", g)
	}
}

// TestRepaymentsChartsEveryFlow: dividends, deductions and bonuses are
// drawn and labelled as such (a PDC's dividends are not "Interest"), a
// grant with deductions has a chart, and bonuses hang below the line, out
// of the total due.
func TestRepaymentsChartsEveryFlow(t *testing.T) {
	r := small()
	r.Scenario.Repayment = nil
	r.Flows = []analysis.YearFlow{
		{Year: "2024/25", Paid: d("4000")},
		{Year: "2025/26", Deductions: d("1500"), Bonuses: d("499.50")},
		{Year: "2026/27", Deductions: d("500.50")},
	}
	got := Repayments(r)
	if got.Title != "Deductions and bonuses by year, all systems (£000)" || len(got.Series) != 2 ||
		got.Series[0].Name != "Deductions" || !got.Series[1].Below {
		t.Fatalf("%s", got)
	}
	// Deductions 1.5 and 0.5005 thousand (total 2.0005, so 2 units): floors 1
	// and 0, the unit left to the larger remainder (.5005): 1 and 1. Bonuses
	// 0.4995 and 0 (total 0 units): 0 and 0. The totals due are the
	// deductions as shown; the bonuses are not part of them.
	if got.Totals[0].Text != "1" || got.Totals[1].Text != "1" || got.Series[1].Values[0].Text != "0" {
		t.Errorf("totals %+v, bonus %+v", got.Totals, got.Series[1].Values[0])
	}
	r.Scenario.Repayment = &plan.Repayment{Kind: plan.RepaymentPDC, FirstYear: "2025/26", Years: 100}
	r.Flows = []analysis.YearFlow{{Year: "2024/25", Paid: d("4000")}}
	for i := range 100 {
		r.Flows = append(r.Flows, analysis.YearFlow{Year: itoa(2025+i) + "/x", Dividends: d("140")})
	}
	got = Repayments(r)
	// 100 years of £140: each 0.14 thousand, 14 units in all, by largest
	// remainder (all .14, ties to the earlier year) 1 in each of the first 14
	// years and 0 after; the first 10 are drawn, the 90 after summed: 4.
	if got.Title != "Dividends by year, all systems (£000)" || len(got.Series) != 1 || got.Series[0].Name != "Dividends" {
		t.Fatalf("%s", got)
	}
	if len(got.Categories) != YearsShown || got.Categories[9] != "2034/x" {
		t.Errorf("categories %q, want the first %d years", got.Categories, YearsShown)
	}
	want := "Not drawn: the 90 years from 2035/x to 2124/x, in all dividends 4 (£000)."
	if len(got.Notes) != 1 || got.Notes[0] != want {
		t.Errorf("notes %q, want %q", got.Notes, want)
	}
}

func TestSensitivity(t *testing.T) {
	got := Sensitivity(small())
	if strings.Join(got.Rows, "|") != "0%|50%" || strings.Join(got.Categories, "|") != "0%|3.5%" {
		t.Fatalf("rows %q columns %q", got.Rows, got.Categories)
	}
	own := 0
	for r, row := range got.Cells {
		for c, cell := range row {
			if cell.Own {
				own++
				if r != 1 || c != 1 {
					t.Errorf("own cell at %d,%d, want 50%% × 3.5%%", r, c)
				}
			}
		}
	}
	if own != 1 {
		t.Errorf("%d cells marked as the scenario's own, want 1", own)
	}
	if c := got.Cells[0][1]; c.Text != "9.8%" || c.Verdict != "rewards deficit" {
		t.Errorf("0%% × 3.5%%: %+v", c)
	}
	if c := got.Cells[1][1]; c.Text != "54.9%" || !c.Exact.Equal(d("0.5494")) {
		t.Errorf("50%% × 3.5%%: %+v", c)
	}
}

// svgTexts parses an SVG strictly and returns its elements' names and the
// contents of its <text> elements.
func svgTexts(t *testing.T, svg []byte) (elements map[string]bool, texts []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	elements = map[string]bool{}
	inText := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			elements[tk.Name.Local] = true
			inText = tk.Name.Local == "text"
			if inText {
				texts = append(texts, "")
			}
		case xml.CharData:
			if inText {
				texts[len(texts)-1] += string(tk)
			}
		case xml.EndElement:
			inText = false
		}
	}
	return elements, texts
}

// printed lists every text the data says the chart prints.
func printed(d Data) []string {
	var out []string
	for _, s := range d.Series {
		if d.Kind == Stacked {
			break // a stacked bar prints its total, not its parts
		}
		for _, v := range s.Values {
			if !v.Missing {
				out = append(out, v.Text)
			}
		}
	}
	for _, s := range d.Series {
		if d.Kind != Stacked || !s.Below {
			continue
		}
		for _, v := range s.Values { // what is given is printed beneath its bar
			if !v.Missing && !v.Exact.IsZero() {
				out = append(out, v.Text)
			}
		}
	}
	for _, v := range d.Totals {
		if !v.Missing {
			out = append(out, v.Text)
		}
	}
	for _, r := range d.Refs {
		out = append(out, r.Text)
	}
	for _, row := range d.Cells {
		for _, c := range row {
			out = append(out, c.Text, c.Verdict)
		}
	}
	return out
}

// tick is an axis mark as moneyTicks labels it.
var tick = regexp.MustCompile(`^\(?£?[0-9]{1,3}(,[0-9]{3})*(\.[0-9]{2})?\)?$`)

func TestRenderedChartsPrintTheDataTexts(t *testing.T) {
	results := append(shippedResults(t)[:2], shipped{name: "small", res: small()})
	for _, s := range results {
		for _, c := range Charts() {
			data := c.Build(s.res)
			for _, size := range []Size{Slide, Email} {
				var buf bytes.Buffer
				if err := Render(&buf, data, SVG, size); err != nil {
					t.Fatalf("%s %s: %v", s.name, c.Name, err)
				}
				els, texts := svgTexts(t, buf.Bytes())
				if els["script"] || els["image"] || els["foreignObject"] {
					t.Errorf("%s %s: the SVG has script, an image or foreign content: %v", s.name, c.Name, els)
				}
				all := strings.Join(texts, "\n")
				for _, want := range printed(data) {
					if !strings.Contains(all, strings.TrimSuffix(want, " *")) {
						t.Errorf("%s %s %s: %q is not printed", s.name, c.Name, size, want)
					}
				}
				// Any other figure on the chart is an axis mark in money's format.
				known := map[string]bool{}
				for _, p := range printed(data) {
					known[p] = true
				}
				for _, tx := range texts {
					tx = strings.TrimSuffix(tx, " *")
					if strings.ContainsAny(tx, "0123456789") && !known[tx] && !tick.MatchString(tx) &&
						!strings.Contains(all, tx) {
						t.Errorf("%s %s: %q is printed but is neither a figure of the data nor a money axis mark", s.name, c.Name, tx)
					}
				}
				for _, tx := range texts {
					if strings.ContainsAny(tx, "e+") && tick.MatchString(strings.ReplaceAll(tx, "e+", "")) {
						t.Errorf("%s %s: a float leaked onto the chart: %q", s.name, c.Name, tx)
					}
				}
			}
		}
	}
}

func TestPNGIsSizedAndNotBlank(t *testing.T) {
	res := shippedNamed(t, "2023-24_deficit-support-feb-2024")
	for _, c := range Charts() {
		for _, size := range []Size{Slide, Email} {
			var buf bytes.Buffer
			if err := Render(&buf, c.Build(res), PNG, size); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(&buf)
			if err != nil {
				t.Fatalf("%s: %v", c.Name, err)
			}
			b := img.Bounds()
			if b.Dx() != size.Width || b.Dy() != size.Height {
				t.Errorf("%s: PNG is %dx%d, want %s", c.Name, b.Dx(), b.Dy(), size)
			}
			inked := 0
			for y := b.Min.Y; y < b.Max.Y; y += 2 {
				for x := b.Min.X; x < b.Max.X; x += 2 {
					if r, g, bl, _ := img.At(x, y).RGBA(); r < 0xe000 || g < 0xe000 || bl < 0xe000 {
						inked++
					}
				}
			}
			if total := b.Dx() * b.Dy() / 4; inked*100 < total {
				t.Errorf("%s at %s: only %d of %d sampled pixels are not white", c.Name, size, inked, total)
			}
		}
	}
}

func TestHostileLabelsStayText(t *testing.T) {
	r := small()
	r.Systems[0].Name = `<script>alert(1)</script>"'&amp;]]><!--`
	r.Systems[1].Code = "\x00\x1b]52;c;ZXZpbA==\x07<b>"
	var buf bytes.Buffer
	if err := Render(&buf, Transfers(r), SVG, Email); err != nil {
		t.Fatal(err)
	}
	els, texts := svgTexts(t, buf.Bytes())
	if els["script"] || els["b"] {
		t.Errorf("a name became markup: %v", els)
	}
	all := strings.Join(texts, "\n")
	if !strings.Contains(all, "<script>alert(1)</script>") {
		t.Error("the hostile name is not shown as the text it is")
	}
	if strings.Contains(all, "ZXZpbA==") || strings.ContainsAny(all, "\x00\x1b") {
		t.Error("a terminal escape reached the chart")
	}
}

func TestInlineSVG(t *testing.T) {
	s, err := InlineSVG(Sensitivity(small()), Size{Width: 960, Height: 400})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s, "<svg") || !strings.HasSuffix(s, "</svg>") || strings.Contains(s, "<?xml") {
		t.Errorf("inline SVG starts %.30q and ends %q", s, s[max(0, len(s)-10):])
	}
	if !strings.Contains(s, `width="720pt" height="300pt"`) {
		t.Errorf("inline SVG is not 960x400 px (720x300 pt): %.200s", s)
	}
}

func TestDeterministic(t *testing.T) {
	res := shippedNamed(t, "2023-24_deficit-support-feb-2024")
	for _, c := range Charts() {
		for _, f := range []Format{SVG, PNG} {
			var a, b bytes.Buffer
			if err := Render(&a, c.Build(res), f, Email); err != nil {
				t.Fatal(err)
			}
			if err := Render(&b, c.Build(res), f, Email); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("%s %s: two renders differ", c.Name, f)
			}
		}
	}
}

func TestEmptyResultDraws(t *testing.T) {
	for _, c := range Charts() {
		for _, f := range []Format{SVG, PNG} {
			if err := Render(io.Discard, c.Build(analysis.Result{}), f, Email); err != nil {
				t.Errorf("%s %s of an empty result: %v", c.Name, f, err)
			}
		}
	}
}

func TestRegistry(t *testing.T) {
	names := Names()
	if strings.Join(names, ",") != "per-head,sensitivity,transfers,repayments,ending-write-off,ending-interest,ending-clawback" {
		t.Errorf("names %v", names)
	}
	for _, n := range names {
		c, ok := Lookup(n)
		if !ok || c.Name != n || c.About == "" || c.Build == nil {
			t.Errorf("Lookup(%q) = %+v, %v", n, c, ok)
		}
		if got := c.Build(small()).Name; got != n {
			t.Errorf("chart %s builds data named %q", n, got)
		}
	}
	if _, ok := Lookup("pie"); ok {
		t.Error("Lookup found a chart that is not registered")
	}
	cs := Charts()
	cs[0].Name = "changed"
	if Names()[0] != "per-head" {
		t.Error("Charts hands out the registry itself")
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]Size{"slide": Slide, "EMAIL": Email, "1024x768": {1024, 768}, " 640 x 360 ": {640, 360}} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "big", "100x100", "5000x300", "800", "800x", "x450", "-800x450", "800x450x2"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) accepted it", bad)
		}
	}
}

func TestFormatOf(t *testing.T) {
	for in, want := range map[string]Format{"a.svg": SVG, "B.PNG": PNG, "dir.x/c.png": PNG} {
		if got, err := FormatOf(in); err != nil || got != want {
			t.Errorf("FormatOf(%q) = %v, %v", in, got, err)
		}
	}
	for _, bad := range []string{"a.pdf", "svg", "a.svg.txt", ""} {
		if _, err := FormatOf(bad); err == nil {
			t.Errorf("FormatOf(%q) accepted it", bad)
		}
	}
}

func TestTransfersShowTheBiggestEachWayOfMany(t *testing.T) {
	var r analysis.Result
	for i := range 100 { // transfers 50, 49, …, -49 (£000)
		code := string(rune('A'+i/26)) + string(rune('A'+i%26))
		tr := decimal.NewFromInt(int64(50-i) * 1000)
		r.Systems = append(r.Systems, analysis.SystemResult{System: plan.System{Code: code, Name: code},
			Group: analysis.Deficit, Allocation: tr.Add(d("100000")), Received: tr.Add(d("100000")), FairShare: d("100000"), Transfer: tr})
	}
	got := Transfers(r)
	if len(got.Categories) != 60 || got.Short[0] != "AA" || got.Short[29] != "BD" || got.Short[30] != "CS" || got.Short[59] != "DV" {
		t.Errorf("%d bars, %q … %q | %q … %q; want 60: AA…BD (50…21) and CS…DV (-20…-49: i = 70…99)",
			len(got.Categories), got.Short[0], got.Short[29], got.Short[30], got.Short[59])
	}
	if got.Series[0].Values[30].Text != "(20)" {
		t.Errorf("the first bar below is %q, want (20)", got.Series[0].Values[30].Text)
	}
	if !strings.Contains(strings.Join(got.Notes, " "), "the 40 between them are not shown") {
		t.Errorf("notes %q do not say 40 systems are left out", got.Notes)
	}
}
