package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"icsplan/internal/analysis"
	"icsplan/internal/engine"
	"icsplan/internal/plan"

	"github.com/xuri/excelize/v2"
)

// terminalHazard says what in out a terminal would act on or hide, or "".
// allowed are the C0 controls the format may carry (its line ends).
func terminalHazard(out, allowed string) string {
	if !utf8.ValidString(out) {
		return "invalid UTF-8"
	}
	for i, r := range out {
		near := out[max(0, i-20):min(len(out), i+20)]
		switch {
		case (r < 0x20 || r == 0x7f) && !strings.ContainsRune(allowed, r):
			return "a C0 control or DEL near " + strings.ToValidUTF8(near, "?")
		case r >= 0x80 && r <= 0x9f:
			return "a C1 control near " + near
		case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return "a bidi control near " + near
		case r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0xfeff && i > 0, r == 0x2028, r == 0x2029:
			return "a zero-width character, BOM or line separator near " + near
		}
	}
	return ""
}

// hostileFields puts a different attack in each text field a data file fills.
func hostileFields() analysis.Result {
	r := fixture()
	r.Systems[0].Code = "A\x1b[2JA"                                 // CSI 2J: clear the screen
	r.Systems[0].Name = "Alpha\x1b]52;c;ZXZpbA==\x07 ICS"           // OSC 52: write the clipboard
	r.Systems[0].Region = "\x1bPq#0;2;0;0;0\x1b\\North"             // DCS (sixel)
	r.Systems[1].Name = "Bravo\x9b2J raw"                           // 8-bit CSI, as the raw byte
	r.Systems[1].Region = "South\u009b31m\u0085"                    // 8-bit CSI and NEL, as runes
	r.Systems[1].Source = "\u200b=HYPERLINK(\"http://evil\")"       // a formula behind a zero-width space
	r.Systems[2].Region = "\x1b[31m+1"                              // a formula behind an escape sequence
	r.Systems[2].Source = "illustrative \u202egpj.exe\u2066x\u2069" // bidi override and isolates
	r.Systems[3].Source = "\ufeff@SUM(A1)\r\nnext"                  // BOM, then a formula; a line break
	return r
}

func TestCSVCarriesNoTerminalControls(t *testing.T) {
	out := renderString(t, hostileFields(), CSV, Options{})
	if why := terminalHazard(out, "\r\n"); why != "" {
		t.Errorf("CSV carries %s", why)
	}
	for _, bad := range []string{"]52;", "ZXZpbA==", "[2J", "[31m", "q#0"} {
		if strings.Contains(out, bad) {
			t.Errorf("CSV carries %q from an escape sequence", bad)
		}
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, c := range []struct {
		row         int
		field, want string
	}{
		{1, "code", "AA"},
		{1, "name", "Alpha ICS"},
		{1, "region", "North"},
		{2, "name", "Bravo\uFFFD2J raw"},
		{2, "region", "South\uFFFD31m\uFFFD"},
		{2, "source", `'=HYPERLINK("http://evil")`}, // guarded once the zero-width space is gone
		{3, "region", "'+1"},
		{3, "source", "illustrative gpj.exex"},
		{4, "source", "'@SUM(A1) next"},
	} {
		if got := recs[c.row][col[c.field]]; got != c.want {
			t.Errorf("row %d %s = %q, want %q", c.row, c.field, got, c.want)
		}
	}
}

func TestJSONEscapesHiddenCharacters(t *testing.T) {
	r := fixture()
	names := []string{
		"CSI\u009b2J", "NEL\u0085 DEL\x7f", "RLO\u202egpj.exe", "iso\u2066x\u2069", "zw\u200b\u200c\u200d\u2060",
		"bom\ufeff", "marks\u200e\u200f\u061c", "ls\u2028ps\u2029", "plain £ – 日本 ✓",
	}
	for i, n := range names {
		r.Systems[i%len(r.Systems)].Name = n
		r.Caveats = append(r.Caveats, n)
	}
	out := renderString(t, r, JSON, Options{})
	if !json.Valid([]byte(out)) {
		t.Fatal("the JSON report is not valid JSON")
	}
	if why := terminalHazard(out, "\n"); why != "" {
		t.Errorf("JSON carries %s", why)
	}
	for _, esc := range []string{`\u009b`, `\u0085`, `\u007f`, `\u202e`, `\u2066`, `\u200b`, `\ufeff`, `\u061c`, `\u2028`} {
		if !strings.Contains(out, esc) {
			t.Errorf("JSON lacks the escape %s", esc)
		}
	}
	var back struct {
		Caveats []string `json:"caveats"`
	}
	if err := json.Unmarshal([]byte(out), &back); err != nil {
		t.Fatal(err)
	}
	if got := back.Caveats[len(back.Caveats)-len(names):]; strings.Join(got, "|") != strings.Join(names, "|") {
		t.Errorf("decoded text differs from the input:\n%q\nwant\n%q", got, names)
	}
	if !strings.Contains(out, `"plain £ – 日本 ✓"`) {
		t.Error("plain Unicode is escaped too")
	}
}

// TestWorkbookEscapesNeverReachCSV: a workbook cell can carry ESC as the
// escape _x001B_, which the reader decodes; the CSV report must not pass it on.
func TestWorkbookEscapesNeverReachCSV(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"code", "name", "region", "population", "weighted population", "plan (£000)", "source"},
		{"QAA", "_x001B_]52;c;ZXZpbA==_x0007_Evil_x001B_[2J ICS", "_x009B_31mNorth", 1000, 1000, -10, "reported"},
		{"QBB", "Bravo", "South", 1000, 1000, 0, "reported"},
	}
	for i, row := range rows {
		if err := f.SetSheetRow("Sheet1", "A"+itoa(i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	var xb bytes.Buffer
	if err := f.Write(&xb); err != nil {
		t.Fatal(err)
	}
	tab, err := plan.ReadXLSX("systems.xlsx", xb.Bytes(), "")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := plan.ParseSystems(tab, "2023/24")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ds.Systems[0].Name, "\x1b]52;") {
		t.Fatalf("the reader did not decode _x001B_ (name %q): this test tests nothing", ds.Systems[0].Name)
	}
	res, err := engine.Analyse(ds, plan.DefaultScenario(ds))
	if err != nil {
		t.Fatal(err)
	}
	out := renderString(t, res, CSV, Options{})
	if why := terminalHazard(out, "\r\n"); why != "" {
		t.Errorf("CSV carries %s", why)
	}
	if !strings.Contains(out, ",Evil ICS,") || strings.Contains(out, "ZXZpbA==") {
		t.Errorf("CSV row of the hostile system:\n%s", out)
	}
}
