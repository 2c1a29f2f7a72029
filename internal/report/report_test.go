package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"icsplan/internal/analysis"
	"icsplan/internal/funding"
	"icsplan/internal/money"

	"github.com/charmbracelet/x/ansi"
	"github.com/shopspring/decimal"
)

// cases are the fixture, every shipped scenario, the golden regimes and the
// terms fixture.
func cases(t testing.TB) []shipped {
	return append([]shipped{{name: "fixture", res: fixture()}}, goldenResults(t)...)
}

func renderString(t testing.TB, r analysis.Result, f Format, o Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, r, f, o); err != nil {
		t.Fatalf("Render %s: %v", f, err)
	}
	return buf.String()
}

// parseK reads a £000 figure as shown: "1,234", "(1,234)", "0" or "-".
func parseK(t testing.TB, s string) decimal.Decimal {
	t.Helper()
	neg := strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")
	s = strings.Trim(s, "()")
	s = strings.ReplaceAll(s, ",", "")
	if s == "-" || s == "–" {
		return decimal.Zero
	}
	v, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatalf("cannot read %q as a figure: %v", s, err)
	}
	if neg {
		v = v.Neg()
	}
	return v
}

// tableAfter returns the body rows and the totals row of the first table
// after the heading line.
func tableAfter(t testing.TB, text, heading string) (rows []string, total string) {
	t.Helper()
	lines := strings.Split(text, "\n")
	i := 0
	for i < len(lines) && lines[i] != heading {
		i++
	}
	if i == len(lines) {
		t.Fatalf("no %q heading in:\n%s", heading, text)
	}
	rule := regexp.MustCompile(`^-{8,}$`) // a table's rule (the heading's underline is skipped)
	for i += 2; i < len(lines) && !rule.MatchString(lines[i]); i++ {
	}
	for i++; i < len(lines) && !rule.MatchString(lines[i]); i++ {
		rows = append(rows, lines[i])
	}
	if i+1 >= len(lines) {
		t.Fatalf("table after %q has no totals row", heading)
	}
	return rows, lines[i+1]
}

// lastFields returns the last n whitespace-separated fields of a line.
func lastFields(t testing.TB, line string, n int) []string {
	t.Helper()
	f := strings.Fields(line)
	if len(f) < n {
		t.Fatalf("line %q has fewer than %d fields", line, n)
	}
	return f[len(f)-n:]
}

// footProblems lists the summed columns of a text table whose total shown
// beneath differs from the sum of the figures above it.
func footProblems(t testing.TB, text, heading string, n int, summed []int) []string {
	t.Helper()
	rows, total := tableAfter(t, text, heading)
	if len(rows) == 0 {
		return []string{heading + ": no rows"}
	}
	sums := make([]decimal.Decimal, n)
	for _, r := range rows {
		for i, f := range lastFields(t, r, n) {
			sums[i] = sums[i].Add(parseK(t, f))
		}
	}
	var problems []string
	tot := lastFields(t, total, n)
	for _, i := range summed {
		if got := parseK(t, tot[i]); !got.Equal(sums[i]) {
			problems = append(problems, heading+": column "+itoa(i)+" totals "+got.String()+
				" but its rows sum to "+sums[i].String()+"; total row: "+total)
		}
	}
	return problems
}

func checkFoots(t *testing.T, text, heading string, n int, summed []int) {
	t.Helper()
	for _, p := range footProblems(t, text, heading, n, summed) {
		t.Error(p)
	}
}

func TestTextTablesFoot(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) {
			text := renderString(t, c.res, Text, Options{})
			// Plan, Allocated, (per head), Fair share, Transfer, Effective grant.
			checkFoots(t, text, "Systems", 6, []int{0, 1, 3, 4, 5})
			// Planned deficit, Cash, (per head), Effective grant, (per head).
			checkFoots(t, text, "Deficit planners and balanced planners", 5, []int{0, 1, 3})
			if c.res.Scenario.Repayment != nil {
				checkFoots(t, text, "Repayments by year", 3, []int{0, 1, 2})
			}
			// The groups' totals agree with the systems' totals.
			_, sysTotal := tableAfter(t, text, "Systems")
			_, grpTotal := tableAfter(t, text, "Deficit planners and balanced planners")
			s, g := lastFields(t, sysTotal, 6), lastFields(t, grpTotal, 5)
			if s[1] != g[1] || s[5] != g[3] {
				t.Errorf("systems total %v and groups total %v disagree on cash or effective grant", s, g)
			}
		})
	}
}

func TestFootingCheckCanFail(t *testing.T) {
	text := renderString(t, fixture(), Text, Options{})
	if p := footProblems(t, text, "Systems", 6, []int{0, 1, 3, 4, 5}); len(p) != 0 {
		t.Fatalf("the fixture does not foot: %v", p)
	}
	// AAA's allocation is shown as 601; show 602 and the check must object.
	rows, _ := tableAfter(t, text, "Systems")
	tampered := strings.Replace(text, rows[0], strings.Replace(rows[0], "     601", "     602", 1), 1)
	if tampered == text {
		t.Fatalf("could not tamper with %q", rows[0])
	}
	if p := footProblems(t, tampered, "Systems", 6, []int{1}); len(p) != 1 {
		t.Errorf("a tampered figure gives %d footing problems, want 1", len(p))
	}
}

func TestTextWidth(t *testing.T) {
	long := fixture()
	long.Scenario.Title = strings.Repeat("A very long scenario title ", 10)
	long.Scenario.Note = strings.Repeat("x", 300)
	long.Dataset.Path = "/" + strings.Repeat("deep/", 40) + "systems.csv"
	all := append(cases(t), shipped{name: "long", res: long})
	for _, c := range all {
		for _, f := range []Format{Text} {
			for i, line := range strings.Split(renderString(t, c.res, f, Options{}), "\n") {
				if w := ansi.StringWidth(line); w > width {
					t.Errorf("%s %s line %d is %d columns: %q", c.name, f, i+1, w, line)
				}
				if strings.HasSuffix(line, " ") {
					t.Errorf("%s %s line %d ends in a space", c.name, f, i+1)
				}
			}
		}
	}
}

func TestColourOnlyWhenAsked(t *testing.T) {
	r := fixture()
	plain := renderString(t, r, Text, Options{})
	colour := renderString(t, r, Text, Options{Colour: true})
	if strings.Contains(plain, "\x1b") {
		t.Error("text without Colour contains an escape sequence")
	}
	if !strings.Contains(colour, "\x1b[") {
		t.Error("text with Colour has no colour")
	}
	if ansi.Strip(colour) != plain {
		t.Error("colour changes the text, not just its colour")
	}
	if !strings.Contains(plain, "Verdict: REWARDS DEFICIT PLANS") {
		t.Error("the verdict is not in words")
	}
	for _, f := range []Format{Markdown, CSV, JSON, Email} {
		if a, b := renderString(t, r, f, Options{}), renderString(t, r, f, Options{Colour: true}); a != b {
			t.Errorf("Colour changes the %s format", f)
		}
	}
}

// unsafe finds terminal controls that must never come from data files.
var unsafe = regexp.MustCompile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

func TestHostileTextNeverReachesOutput(t *testing.T) {
	r := fixture()
	r.Scenario.Title = "Title\x1b[2J" + hostile
	r.Scenario.Note = "Note\x1b]52;c;ZXZpbA==\x07 " + hostile
	r.Dataset.Path = "path\x1b[31m/\u202esystems.csv"
	r.Verdict.Text = "Verdict \x1b[5m" + hostile
	r.Systems[0].Code = "A\x1b[1mA"
	for _, f := range []Format{Text, Markdown, Email} {
		out := renderString(t, r, f, Options{})
		if f == Email && out != EmailSummary(r) {
			t.Error("EmailSummary differs from the email format")
		}
		if !utf8.ValidString(out) {
			t.Errorf("%s output is not valid UTF-8", f)
		}
		if loc := unsafe.FindStringIndex(out); loc != nil {
			t.Errorf("%s output carries a raw control %q near %q", f, out[loc[0]:loc[1]],
				out[max(0, loc[0]-20):min(len(out), loc[1]+20)])
		}
		for _, bad := range []string{"]52;", "ZXZpbA==", "aGVsbG8=", "[31m", "[2J"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s output carries %q from an escape sequence", f, bad)
			}
		}
		if !strings.Contains(out, "Evil") || !strings.Contains(out, "ICS") {
			t.Errorf("%s output lost the printable part of the hostile name", f)
		}
	}
}

func TestMarkdownEscapesNames(t *testing.T) {
	r := fixture()
	r.Systems[3].Name = "Pipe | *star* _under_ <b>html</b> [link](x)"
	md := renderString(t, r, Markdown, Options{})
	if !strings.Contains(md, `Pipe \| \*star\* \_under\_ \<b\>html\</b\> \[link\](x)`) {
		t.Errorf("markdown does not escape the name:\n%s", md)
	}
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| DDD") && strings.Contains(line, " | B | ") && strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") != 11 {
			t.Errorf("the row has the wrong number of cells: %s", line)
		}
	}
	for in, want := range map[string]string{"1. first": `1\. first`, "# head": `\# head`, "- item": `\- item`,
		"35.43": "35.43", "12) x": `12\) x`, "a|b": `a\|b`} {
		if got := mdBlock(in); got != want {
			t.Errorf("mdBlock(%q) = %q, want %q", in, got, want)
		}
	}
	if got := mdEscape("0.5% -1"); got != "0.5% -1" {
		t.Errorf("mdEscape escapes a plain figure: %q", got)
	}
}

// TestMarkdownTablesAreWellFormed checks that every table line is a whole
// row and that each table's rows have as many cells as its header.
func TestMarkdownTablesAreWellFormed(t *testing.T) {
	for _, c := range cases(t) {
		md := renderString(t, c.res, Markdown, Options{})
		cells := -1
		for i, line := range strings.Split(md, "\n") {
			if !strings.HasPrefix(line, "|") {
				cells = -1
				continue
			}
			if !strings.HasSuffix(line, "|") {
				t.Errorf("%s line %d is not a whole row: %q", c.name, i+1, line)
			}
			n := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|")
			if cells >= 0 && n != cells {
				t.Errorf("%s line %d has %d cells, its header %d: %q", c.name, i+1, n-1, cells-1, line)
			}
			if cells < 0 {
				cells = n
			}
		}
	}
}

func TestCSV(t *testing.T) {
	out := renderString(t, fixture(), CSV, Options{})
	if !strings.HasPrefix(out, "\uFEFF") {
		t.Fatal("CSV has no UTF-8 BOM")
	}
	if !strings.HasSuffix(out, "\r\n") || strings.Count(out, "\n") != strings.Count(out, "\r\n") {
		t.Fatal("CSV lines do not all end in CRLF")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+len(fixture().Systems) {
		t.Fatalf("CSV has %d records, want a header and one per system", len(recs))
	}
	head := recs[0]
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	ddd := recs[4]
	if got := ddd[col["name"]]; got != `'=HYPERLINK("http://evil","x")` {
		t.Errorf("name = %q, want a leading '", got)
	}
	if got := ddd[col["region"]]; got != "'+East" {
		t.Errorf("region = %q, want a leading '", got)
	}
	if got := ddd[col["source"]]; got != "'-reported | piped *bold*" {
		t.Errorf("source = %q, want a leading '", got)
	}
	if got := recs[3][col["region"]]; !strings.HasPrefix(got, "'=") {
		t.Errorf("region = %q, want a leading '", got)
	}
	moneyCell := regexp.MustCompile(`^-?[0-9]+\.[0-9]{2}$`)
	for _, name := range []string{"plan", "allocation", "per_head", "fair_share", "transfer", "repayments",
		"pv_repayments", "effective_grant"} {
		for _, rec := range recs[1:] {
			if v := rec[col[name]]; !moneyCell.MatchString(v) {
				t.Errorf("%s = %q, want a plain number with two decimals", name, v)
			}
		}
	}
	if got := recs[1][col["plan"]]; got != "-600500.00" {
		t.Errorf("plan = %q, want -600500.00", got)
	}
	if got := recs[1][col["prudence_penalty"]]; got != "" {
		t.Errorf("a deficit system's prudence_penalty = %q, want empty", got)
	}
	if got := recs[3][col["prudence_penalty"]]; got != "478123.45" {
		t.Errorf("prudence_penalty = %q, want 478123.45", got)
	}
	for _, g := range []string{"", "a", "=1", "+1", "-1", "@x", "\tx", "\rx", "\nx", "plain"} {
		want := g
		if g != "" && strings.ContainsRune("=+-@\t\r\n", rune(g[0])) {
			want = "'" + g
		}
		if got := guard(g); got != want {
			t.Errorf("guard(%q) = %q, want %q", g, got, want)
		}
	}
}

// contractKeys are DESIGN.md's JSON report keys, in order.
var contractKeys = map[string][]string{
	"":            {"dataset", "scenario", "totals", "systems", "groups", "net_transfer_to_deficit", "price_of_deficit", "sensitivity", "verdict"},
	"dataset":     {"year", "path", "systems", "illustrative"},
	"scenario":    {"title", "note", "pot", "eligibility", "allocation", "repayment", "assumptions"},
	"eligibility": {"rule", "basis"},
	"allocation":  {"method", "basis", "cap", "unit"},
	"repayment":   {"first_year", "years", "profile", "interest"},
	"assumptions": {"discount_rate", "write_off", "balanced_threshold"},
	"totals":      {"pot", "allocated", "unallocated", "repayments", "pv_repayments", "effective_grant", "grant_element"},
	"systems": {"code", "name", "region", "group", "population", "weighted_population", "plan", "eligible", "allocation",
		"per_head", "fair_share", "transfer", "repayments", "pv_repayments", "effective_grant", "grant_element", "prudence_penalty"},
	"repayments":  {"year", "principal", "interest", "total"},
	"groups":      {"deficit", "balanced"},
	"deficit":     {"systems", "population", "planned_deficit", "allocation", "per_head", "effective_grant", "grant_per_head"},
	"balanced":    {"systems", "population", "planned_deficit", "allocation", "per_head", "effective_grant", "grant_per_head"},
	"sensitivity": {"write_off", "discount_rate", "grant_element", "verdict"},
	"verdict":     {"label", "text"},
}

// objectKeys walks a JSON document and records each object's keys in order,
// by the key that holds it (array elements by the array's key).
func objectKeys(t *testing.T, data []byte) map[string][][]string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	out := map[string][][]string{}
	var walk func(key string)
	walk = func(key string) {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		switch tok {
		case json.Delim('{'):
			var keys []string
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					t.Fatal(err)
				}
				keys = append(keys, k.(string))
				walk(k.(string))
			}
			dec.Token()
			out[key] = append(out[key], keys)
		case json.Delim('['):
			for dec.More() {
				walk(key)
			}
			dec.Token()
		}
	}
	walk("")
	return out
}

func TestJSONContract(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) {
			out := renderString(t, c.res, JSON, Options{})
			if !strings.HasSuffix(out, "}\n") || !strings.Contains(out, "\n  \"dataset\": {") {
				t.Error("JSON is not two-space indented with a trailing newline")
			}
			keys := objectKeys(t, []byte(out))
			for holder, want := range contractKeys {
				for _, got := range keys[holder] {
					if len(got) < len(want) || strings.Join(got[:len(want)], ",") != strings.Join(want, ",") {
						t.Errorf("object %q has keys %v, want %v first", holder, got, want)
					}
				}
			}
			var j jsonReport
			if err := json.Unmarshal([]byte(out), &j); err != nil {
				t.Fatal(err)
			}
			checkJSONFoots(t, j)
			if (c.res.Scenario.Repayment == nil) != strings.Contains(out, `"repayment": null`) {
				t.Error("repayment is null exactly when the scenario is a grant")
			}
			for _, s := range j.Systems {
				if (s.Group == "deficit") != (s.PrudencePenalty == nil) {
					t.Errorf("%s: prudence_penalty %v for a %s system", s.Code, s.PrudencePenalty, s.Group)
				}
			}
		})
	}
}

func dec(t testing.TB, s string) decimal.Decimal {
	t.Helper()
	if !regexp.MustCompile(`^-?[0-9]+\.[0-9]{2}$`).MatchString(s) {
		t.Fatalf("money %q is not a string with two decimals", s)
	}
	return decimal.RequireFromString(s)
}

func checkJSONFoots(t *testing.T, j jsonReport) {
	t.Helper()
	var alloc, received, withheld, fair, transfer, pv, grant, repay decimal.Decimal
	group := map[string]*[3]decimal.Decimal{"deficit": {}, "balanced": {}}
	for _, s := range j.Systems {
		alloc = alloc.Add(dec(t, s.Allocation))
		received = received.Add(dec(t, s.Received))
		withheld = withheld.Add(dec(t, s.Withheld))
		parts := decimal.Zero
		for _, tr := range s.Tranches {
			parts = parts.Add(dec(t, tr.Amount))
		}
		if len(s.Tranches) > 0 && !parts.Equal(dec(t, s.Allocation)) {
			t.Errorf("%s: tranche amounts sum to %s, allocation %s", s.Code, parts.StringFixed(2), s.Allocation)
		}
		fair = fair.Add(dec(t, s.FairShare))
		transfer = transfer.Add(dec(t, s.Transfer))
		pv = pv.Add(dec(t, s.PVRepayments))
		grant = grant.Add(dec(t, s.EffectiveGrant))
		for _, in := range s.Repayments {
			if !dec(t, in.Principal).Add(dec(t, in.Interest)).Equal(dec(t, in.Total)) {
				t.Errorf("%s %s: principal + interest ≠ total", s.Code, in.Year)
			}
			repay = repay.Add(dec(t, in.Total))
		}
		g := group[s.Group]
		g[0] = g[0].Add(dec(t, s.Allocation))
		g[1] = g[1].Add(dec(t, s.EffectiveGrant))
		g[2] = g[2].Add(decimal.Min(dec(t, s.Plan), decimal.Zero).Neg())
	}
	eq := func(what string, got decimal.Decimal, want string) {
		t.Helper()
		if !got.Equal(dec(t, want)) {
			t.Errorf("%s: sum %s, reported %s", what, got.StringFixed(2), want)
		}
	}
	eq("Σ allocation = totals.allocated", alloc, j.Totals.Allocated)
	// Fair shares share out the cash received: what was allocated, less
	// what was withheld, plus what of that was shared again.
	eq("Σ withheld = totals.withheld", withheld, j.Totals.Withheld)
	eq("Σ received = allocated − withheld + redistributed", received,
		money.Fixed2(dec(t, j.Totals.Allocated).Sub(dec(t, j.Totals.Withheld)).Add(dec(t, j.Totals.Redistributed))))
	eq("Σ fair_share = Σ received", fair, money.Fixed2(received))
	eq("Σ transfer = 0", transfer, "0.00")
	eq("Σ pv_repayments = totals.pv_repayments", pv, j.Totals.PVRepayments)
	eq("Σ effective_grant = totals.effective_grant", grant, j.Totals.EffectiveGrant)
	eq("Σ repayments = totals.repayments", repay, j.Totals.Repayments)
	eq("allocated + unallocated = pot", dec(t, j.Totals.Allocated).Add(dec(t, j.Totals.Unallocated)), j.Totals.Pot)
	for name, g := range map[string]jsonGroup{"deficit": j.Groups.Deficit, "balanced": j.Groups.Balanced} {
		eq(name+" allocation", group[name][0], g.Allocation)
		eq(name+" effective grant", group[name][1], g.EffectiveGrant)
		eq(name+" planned deficit", group[name][2], g.PlannedDeficit)
	}
	var ySum decimal.Decimal
	for _, y := range j.Years {
		ySum = ySum.Add(dec(t, y.Total))
	}
	eq("Σ years = totals.repayments", ySum, j.Totals.Repayments)
}

func TestEmailShape(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) {
			e := EmailSummary(c.res)
			if e != renderString(t, c.res, Email, Options{}) {
				t.Error("EmailSummary differs from --format email")
			}
			lines := strings.Split(strings.TrimSuffix(e, "\n"), "\n")
			if !strings.HasPrefix(lines[0], "Subject: ") {
				t.Errorf("first line %q is not a Subject line", lines[0])
			}
			if len(lines) < 3 || lines[1] != "" {
				t.Fatalf("no blank line after the subject:\n%s", e)
			}
			if body := lines[2:]; len(body) > 10 {
				t.Errorf("email body has %d lines, want at most 10", len(body))
			}
			for _, l := range lines[2:] {
				if l == "" || strings.HasPrefix(l, " ") || strings.Contains(l, "\t") || strings.Contains(l, "  ") ||
					strings.Contains(l, "|") {
					t.Errorf("line %q depends on alignment or is empty", l)
				}
			}
			if !strings.Contains(e, c.res.Verdict.Label.Words()) {
				t.Error("the verdict is not in words")
			}
			if !strings.Contains(e, "per head") || !strings.Contains(e, "Price of a deficit") {
				t.Error("email lacks per-head figures or the price of a deficit")
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, c := range cases(t) {
		for _, f := range Formats {
			a := renderString(t, c.res, f, Options{})
			b := renderString(t, c.res, f, Options{})
			if a != b {
				t.Errorf("%s %s: two renders differ", c.name, f)
			}
		}
	}
}

// TestDeterministicAcrossEnvironments renders every format in a child process
// with another time zone and locale and compares the bytes.
func TestDeterministicAcrossEnvironments(t *testing.T) {
	if dir := os.Getenv("ICSPLAN_REPORT_DUMP"); dir != "" {
		for _, c := range cases(t) {
			for _, f := range Formats {
				out := renderString(t, c.res, f, Options{Colour: f == Text})
				if err := os.WriteFile(filepath.Join(dir, c.name+"."+string(f)), []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		return
	}
	if testing.Short() {
		t.Skip("runs a child process")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestDeterministicAcrossEnvironments$")
	cmd.Env = append(os.Environ(), "ICSPLAN_REPORT_DUMP="+dir, "TZ=Pacific/Chatham", "LANG=tr_TR.UTF-8",
		"LC_ALL=tr_TR.UTF-8", "NO_COLOR=1", "TERM=dumb", "COLORTERM=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	for _, c := range cases(t) {
		for _, f := range Formats {
			got, err := os.ReadFile(filepath.Join(dir, c.name+"."+string(f)))
			if err != nil {
				t.Fatal(err)
			}
			if want := renderString(t, c.res, f, Options{Colour: f == Text}); string(got) != want {
				t.Errorf("%s %s differs under another time zone and locale", c.name, f)
			}
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range Formats {
		if got, err := ParseFormat(strings.ToUpper(string(f))); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil || !strings.Contains(err.Error(), `"pdf"`) {
		t.Errorf("ParseFormat(pdf) error = %v", err)
	}
	if err := Render(&bytes.Buffer{}, fixture(), Format("pdf"), Options{}); err == nil {
		t.Error("Render accepts an unknown format")
	}
}

// TestEffectiveGrantRoundedOnceFromExact: the £000 shown comes from the exact
// effective grant, not from the figure already rounded to pence.
func TestEffectiveGrantRoundedOnceFromExact(t *testing.T) {
	// G = 3000 − (1 − 0.5) × 3000.01 = 1499.995 exactly: £1,500.00 to the penny, 1 in £000.
	w := decimal.RequireFromString("0.5")
	s := analysis.SystemResult{Allocation: decimal.NewFromInt(3000)}
	v := funding.ValueOf(s.Allocation, money.R(decimal.RequireFromString("3000.01"), decimal.NewFromInt(1)), w)
	s.Value = analysis.Value{PVExact: v.PVExact, PV: v.PV, EffectiveGrant: v.EffectiveGrant, GrantElement: v.GrantElement,
		EffectiveGrantExact: v.EffectiveGrantExact}
	s.EffectiveGrant = s.Value.EffectiveGrant
	if !s.EffectiveGrant.Equal(decimal.RequireFromString("1500")) {
		t.Fatalf("effective grant to the penny = %s, want 1500.00", s.EffectiveGrant)
	}
	grantK := func(s analysis.SystemResult) decimal.Decimal {
		c := footSystems(analysis.Result{Systems: []analysis.SystemResult{s}})
		return c.grant.at(0)
	}
	if got := grantK(s); !got.Equal(decimal.NewFromInt(1)) {
		t.Errorf("effective grant 1499.995 shows as %s thousand, want 1", got)
	}
	if got := thousands(s.EffectiveGrant); !got.Equal(decimal.NewFromInt(2)) {
		t.Errorf("rounding twice gives %s, the case this test is about", got)
	}
	// A grant has no present value: the pence figure is exact.
	g := analysis.SystemResult{Allocation: decimal.NewFromInt(2500), EffectiveGrant: decimal.NewFromInt(2500)}
	if got := grantK(g); !got.Equal(decimal.NewFromInt(3)) {
		t.Errorf("grant of 2500 shows as %s thousand, want 3 (half away from zero)", got)
	}
	if got := thousands(decimal.RequireFromString("-2500")); !got.Equal(decimal.NewFromInt(-3)) {
		t.Errorf("-2500 shows as %s thousand, want -3", got)
	}
}

// TestSparseResults renders results with nothing in them, or without a
// price, penalties or repayments, in every format without failing.
func TestSparseResults(t *testing.T) {
	empty := analysis.Result{}
	grant := fixture()
	grant.Scenario.Repayment = nil
	grant.Years = nil
	grant.HasPrice = false
	grant.Verdict.Label = analysis.CannotCompare
	grant.Outturn = nil
	grant.Caveats = nil
	grant.Sensitivity = nil
	for i := range grant.Systems {
		grant.Systems[i].Repayments = nil
		grant.Systems[i].PrudencePenalty = nil
	}
	for name, r := range map[string]analysis.Result{"empty": empty, "grant": grant} {
		for _, f := range Formats {
			var buf bytes.Buffer
			if err := Render(&buf, r, f, Options{}); err != nil {
				t.Errorf("%s %s: %v", name, f, err)
			}
		}
		e := EmailSummary(r)
		if !strings.HasPrefix(e, "Subject: ") || !strings.Contains(e, "cannot compare") && name == "grant" {
			t.Errorf("%s email:\n%s", name, e)
		}
	}
	j := renderString(t, grant, JSON, Options{})
	for _, want := range []string{`"repayment": null`, `"price_of_deficit": null`, `"repayments": []`, `"caveats": []`} {
		if !strings.Contains(j, want) {
			t.Errorf("grant JSON lacks %s", want)
		}
	}
}

// TestPenaltiesOrder: biggest penalty first, equal penalties (whatever their
// exponent) by code, then in file order; systems without one are left out.
func TestPenaltiesOrder(t *testing.T) {
	r := analysis.Result{}
	for _, c := range []struct{ code, p string }{
		{"D", "100"}, {"B", "100.00"}, {"X", ""}, {"A", "99.99"}, {"C", "1E+2"}, {"B", "100.0"}, {"E", "-5"},
	} {
		s := analysis.SystemResult{}
		s.Code = c.code
		if c.p != "" {
			s.PrudencePenalty = ptr(d(c.p))
		}
		r.Systems = append(r.Systems, s)
	}
	// 100 four times: B (index 1), B (index 5), C, D; then 99.99 (A), then −5 (E).
	want := []int{1, 5, 4, 0, 3, 6}
	if got := sortedPenalties(r); !slices.Equal(got, want) {
		t.Errorf("sortedPenalties order %v, want %v", got, want)
	}
	for most := 1; most <= len(want)+1; most++ {
		top, n, least := penalties(r, most)
		if !slices.Equal(top, want[:min(most, len(want))]) || n != len(want) || least != 6 {
			t.Errorf("penalties(r, %d) = %v, %d, %d, want %v, %d, 6", most, top, n, least, want[:min(most, len(want))], len(want))
		}
	}
}

// TestTruncateMatchesAnsi: the ASCII shortcut cuts as ansi.Truncate does.
func TestTruncateMatchesAnsi(t *testing.T) {
	for _, s := range []string{"Bedfordshire, Luton and Milton Keynes", "ab", "abc", "x", "£1,000 †", "日本語の名前", "e\u0301e\u0301e\u0301"} {
		for max := 1; max <= len(s)+1; max++ {
			if textWidth(s) <= max {
				continue
			}
			if got, want := truncate(s, max), ansi.Truncate(s, max, "…"); got != want {
				t.Errorf("truncate(%q, %d) = %q, ansi.Truncate gives %q", s, max, got, want)
			}
		}
	}
}
