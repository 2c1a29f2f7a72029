package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// icsplan years writes the panel of the embedded plans in every format;
// the JSON is the panel object, DESIGN's keys first.
func TestYearsEveryFormat(t *testing.T) {
	for _, f := range []string{"text", "markdown", "csv", "json", "email", "html"} {
		r := runArgs(t, "years", "--format", f)
		r.want(t, exitOK)
		if r.stdout == "" || r.stderr != "" {
			t.Errorf("%s: stdout %d bytes, stderr %q", f, len(r.stdout), r.stderr)
		}
	}
	r := runArgs(t, "years", "--format", "json")
	var p struct {
		Years []string          `json:"years"`
		Pairs []json.RawMessage `json:"pairs"`
		Text  string            `json:"text"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &p); err != nil || len(p.Years) < 2 || len(p.Pairs) != len(p.Years)-1 || p.Text == "" {
		t.Errorf("years json: %v, %+v", err, p)
	}
	out := filepath.Join(t.TempDir(), "years.xlsx")
	runArgs(t, "years", "-o", out).want(t, exitOK) // -o alone writes text
	runArgs(t, "years", "--format", "xlsx", "-o", out).want(t, exitOK)
	if data, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(data), "PK") {
		t.Errorf("the workbook was not written: %v", err)
	}
}

// A one-year report of a library of several years carries the panel in
// JSON and one sentence of it in the email; one of a single year does not.
func TestReportCarriesPanelWhenSeveralYears(t *testing.T) {
	r := runArgs(t, "--format", "json")
	r.want(t, exitOK)
	if !strings.Contains(r.stdout, "\n  \"panel\": {") {
		t.Error("the JSON report of the embedded plans has no panel")
	}
	if r := runArgs(t, "--format", "email"); !strings.Contains(r.stdout, "\nAcross years: ") {
		t.Errorf("the email has no sentence across years:\n%s", r.stdout)
	}
	dir := teamPlans(t, "2023-24")
	if r := runArgs(t, "--format", "json", dir); strings.Contains(r.stdout, `"panel"`) {
		t.Error("a one-year library's report has a panel")
	}
}

// Too few years is bad input (1); flags that pick one year's scenario are
// bad usage (2).
func TestYearsRefuses(t *testing.T) {
	dir := teamPlans(t, "2023-24")
	r := runArgs(t, "years", dir)
	r.want(t, exitBadInput)
	if !strings.Contains(r.stderr, "years needs plans of two or more years") || !strings.Contains(r.stderr, "has only 2023/24") {
		t.Errorf("stderr %q", r.stderr)
	}
	for _, args := range [][]string{{"years", "--year", "2023/24"}, {"years", "--pot", "£1m"}, {"years", "--scenario", "x"}} {
		r := runArgs(t, args...)
		r.want(t, exitUsage)
		if !strings.Contains(r.stderr, "does not apply") {
			t.Errorf("%v: stderr %q", args, r.stderr)
		}
	}
}
