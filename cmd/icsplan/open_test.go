package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestReportExitsZero(t *testing.T) {
	r := runArgs(t, "--report")
	r.want(t, exitOK)
	if r.stderr != "" {
		t.Errorf("stderr: %s", r.stderr)
	}
	if !strings.Contains(r.stdout, "Verdict: ") || !strings.Contains(r.stdout, "Dataset      2025/26") {
		t.Errorf("no text report of the latest year:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "\x1b") {
		t.Error("colour when stdout is not a terminal")
	}
}

func TestNoTerminalPrintsTextReport(t *testing.T) {
	plain := runArgs(t)
	plain.want(t, exitOK)
	if report := runArgs(t, "--report"); plain.stdout != report.stdout {
		t.Error("with stdout not a terminal and no --report, the output is not the text report")
	}
}

func TestFormats(t *testing.T) {
	for _, f := range []string{"text", "markdown", "csv", "json", "email", "xlsx", "JSON"} {
		r := runArgs(t, "--format", f, "--year", "2023/24")
		r.want(t, exitOK)
		if r.stdout == "" {
			t.Errorf("--format %s wrote nothing", f)
		}
	}
	j := runArgs(t, "--format", "json")
	var v map[string]any
	if err := json.Unmarshal([]byte(j.stdout), &v); err != nil {
		t.Errorf("--format json is not JSON: %v", err)
	}
	e := runArgs(t, "--format", "email", "--year", "2023/24", "--scenario", "deficit-support-feb-2024")
	if !strings.HasPrefix(e.stdout, "Subject: Deficit support, February 2024") {
		t.Errorf("email of the 2023/24 scenario:\n%s", e.stdout)
	}
}

func TestBadPlansFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "2023-24", "systems.csv"),
		"code,name,population,plan\nAAA,Alpha,1000,12x\nBBB,Beta,0,5\n")
	r := runArgs(t, "--report", dir)
	r.want(t, exitBadInput)
	if r.stdout != "" {
		t.Errorf("stdout not empty: %q", r.stdout)
	}
	for _, want := range []string{"systems.csv:2: ", `"12x"`, "systems.csv:3: "} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "Usage:") {
		t.Error("bad input shows the usage")
	}
}

func TestBadScenarioFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.toml")
	writeFile(t, path, "title = \"x\"\npot = \"£1m\"\nbogus = 1\n")
	r := runArgs(t, "--report", "--scenario", path)
	r.want(t, exitBadInput)
	if r.stdout != "" {
		t.Errorf("stdout not empty: %q", r.stdout)
	}
	if !strings.Contains(r.stderr, path+":3:") {
		t.Errorf("stderr lacks FILE:LINE:\n%s", r.stderr)
	}
	// A bad scenario inside a plans folder stops the load too.
	dir := goodPlans(t)
	writeFile(t, filepath.Join(dir, "2023-24", "broken.toml"), "title = \"x\"\npot = 1.5\n")
	r = runArgs(t, "--report", dir)
	r.want(t, exitBadInput)
	if r.stdout != "" || !regexp.MustCompile(`broken\.toml:\d+: `).MatchString(r.stderr) {
		t.Errorf("stdout %q, stderr:\n%s", r.stdout, r.stderr)
	}
	// A scenario file that is not there.
	r = runArgs(t, "--report", "--scenario", filepath.Join(t.TempDir(), "missing.toml"))
	r.want(t, exitBadInput)
}

func TestHostileNamesInReport(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "2023-24", "systems.csv"),
		"code,name,population,plan\nAAA,\"Evil\x1b[31mRed\rX\bY\u009b\u202eZ\",1000,-500\nBBB,Beta,3000,0\n")
	for _, f := range []string{"text", "markdown", "email"} {
		r := runArgs(t, "--format", f, dir)
		r.want(t, exitOK)
		if strings.ContainsAny(r.stdout, "\x1b\r\b\u009b\u202e") {
			t.Errorf("%s report carries raw controls: %q", f, r.stdout)
		}
	}
}

func TestColour(t *testing.T) {
	args := []string{"--report"}
	if r := runWith(t, true, nil, args...); !strings.Contains(r.stdout, "\x1b[") {
		t.Error("no colour on a terminal without NO_COLOR")
	}
	for _, v := range []string{"1", "0", "false", "yes"} {
		r := runWith(t, true, map[string]string{"NO_COLOR": v}, args...)
		r.want(t, exitOK)
		if strings.Contains(r.stdout, "\x1b") {
			t.Errorf("colour with NO_COLOR=%q", v)
		}
	}
	if r := runWith(t, true, nil, "--format", "markdown"); strings.Contains(r.stdout, "\x1b") {
		t.Error("colour in markdown")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "r.txt")
	runWith(t, true, nil, "-o", out).want(t, exitOK)
	if data, _ := os.ReadFile(out); bytes.Contains(data, []byte("\x1b")) {
		t.Error("colour in a file written with -o")
	}
}

// jsonOf runs a JSON report and decodes it.
func jsonOf(t *testing.T, args ...string) map[string]any {
	t.Helper()
	r := runArgs(t, append([]string{"--format", "json", "--year", "2023/24"}, args...)...)
	r.want(t, exitOK)
	var v map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func field(v map[string]any, path ...string) any {
	var cur any = v
	for _, p := range path {
		cur = cur.(map[string]any)[p]
	}
	return cur
}

func TestOverridesChangeTheJSON(t *testing.T) {
	base := jsonOf(t)
	pot := jsonOf(t, "--pot", "£350m")
	if got := field(pot, "totals", "pot"); got != "350000000.00" {
		t.Errorf("--pot: totals.pot = %v", got)
	}
	if field(pot, "totals", "allocated") == field(base, "totals", "allocated") {
		t.Error("--pot did not change the allocation")
	}
	w := jsonOf(t, "--write-off", "100%")
	if got := field(w, "scenario", "assumptions", "write_off"); got != "1" {
		t.Errorf("--write-off: write_off = %v", got)
	}
	if field(w, "totals", "effective_grant") != field(w, "totals", "allocated") {
		t.Error("with a certain write-off the effective grant is not the whole allocation")
	}
	dr := jsonOf(t, "--discount-rate", "5%")
	if got := field(dr, "scenario", "assumptions", "discount_rate"); got != "0.05" {
		t.Errorf("--discount-rate: discount_rate = %v", got)
	}
	if field(dr, "totals", "pv_repayments") == field(base, "totals", "pv_repayments") {
		t.Error("--discount-rate did not change the present value")
	}
}

func TestPathForms(t *testing.T) {
	dir := goodPlans(t)
	for _, p := range []string{dir, filepath.Join(dir, "2023-24"), filepath.Join(dir, "2023-24", "systems.csv")} {
		r := runArgs(t, "--format", "json", p)
		r.want(t, exitOK)
		if !strings.Contains(r.stdout, `"year": "2023/24"`) {
			t.Errorf("%s: %.200s", p, r.stdout)
		}
	}
	r := runArgs(t, "--report", filepath.Join(dir, "nothing here"))
	r.want(t, exitBadInput)
	if !strings.Contains(r.stderr, "nothing here") {
		t.Errorf("missing path not named:\n%s", r.stderr)
	}
}

// TestDotInsideAYearFolder: "icsplan ." run inside 2023-24 knows its year
// from the folder's name, and names files relative to it.
func TestDotInsideAYearFolder(t *testing.T) {
	dir := goodPlans(t)
	t.Chdir(filepath.Join(dir, "2023-24"))
	r := runArgs(t, "--format", "json", ".")
	r.want(t, exitOK)
	if !strings.Contains(r.stdout, `"year": "2023/24"`) || !strings.Contains(r.stdout, `"path": "systems.csv"`) {
		t.Errorf("%.300s", r.stdout)
	}
	t.Chdir(dir)
	r = runArgs(t, "--format", "json", ".")
	r.want(t, exitOK)
	if !strings.Contains(r.stdout, `"path": "2023-24/systems.csv"`) {
		t.Errorf("%.300s", r.stdout)
	}
}

// TestScenarioFileCheckedAgainstTheYear: a --scenario file from elsewhere
// whose repayment starts in the year of receipt is bad input, named by file
// and line.
func TestScenarioFileCheckedAgainstTheYear(t *testing.T) {
	dir := goodPlans(t)
	path := filepath.Join(t.TempDir(), "early.toml")
	writeFile(t, path, "title = \"Early\"\npot = \"£100k\"\n[repayment]\nfirst_year = \"2023/24\"\nyears = 2\n")
	r := runArgs(t, "--report", "--scenario", path, dir)
	r.want(t, exitBadInput)
	if r.stdout != "" || !strings.Contains(r.stderr, path+":4: ") || !strings.Contains(r.stderr, "2023/24") {
		t.Errorf("stdout %q, stderr:\n%s", r.stdout, r.stderr)
	}
}

// TestScenarioFileSizeLimit: a --scenario file over 64 MiB is refused from
// its size, naming the file and line 1 (issue 12 item 11: before, it had no
// limit and was read whole). The file is sparse, so it costs no disk.
func TestScenarioFileSizeLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.toml")
	writeFile(t, path, "title = \"Huge\"\npot = \"£1m\"\n")
	if err := os.Truncate(path, 64<<20+1); err != nil {
		t.Fatal(err)
	}
	r := runArgs(t, "--report", "--scenario", path)
	r.want(t, exitBadInput)
	if want := path + ":1: is 67108865 bytes, more than the 64 MiB icsplan reads\n"; !strings.HasPrefix(r.stderr, want) {
		t.Errorf("stderr:\n%s\nwant it to start %q", r.stderr, want)
	}
}

// TestFlagMistakesAreUsage: the two flag mistakes that exited 1 exit 2
// with the usage (issue 12 item 12): a --year that is not a year, for a
// file whose folder does not say its year, and a --pot that the scenario's
// allocation unit cannot share (before: "funding: pot 1.5 is not a whole
// number of units of 1").
func TestFlagMistakesAreUsage(t *testing.T) {
	dir := t.TempDir()
	lone := filepath.Join(dir, "mine", "systems.csv")
	writeFile(t, lone, "code,name,population,plan\nAAA,Alpha,1000,-500\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--report", "--year", "2023-24", lone}, `icsplan: --year: "2023-24" is not a financial year written like 2023/24`},
		{[]string{"--report", "--pot", "1.5"}, "icsplan: --pot: 1.5 is not a whole number of £1, the allocation unit of scenario deficit-support-2025-26: round it, like --pot 1\n"},
	} {
		r := runArgs(t, c.args...)
		r.want(t, exitUsage)
		if !strings.HasPrefix(r.stderr, c.want) || !strings.Contains(r.stderr, "Usage:") {
			t.Errorf("%q: stderr:\n%s", c.args, r.stderr)
		}
	}
}
