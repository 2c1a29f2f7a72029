package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestRegimesCommand lists the library, each regime with its year and title.
func TestRegimesCommand(t *testing.T) {
	r := runArgs(t, "regimes")
	r.want(t, exitOK)
	for _, want := range []string{"stf-2016-17", "2016/17", "Sustainability and Transformation Fund", "dsf-2025-26", "rab-deductions"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("regimes lacks %q:\n%s", want, r.stdout)
		}
	}
	// A plans folder with no regimes folder lists the embedded library.
	r = runArgs(t, "regimes", goodPlans(t))
	r.want(t, exitOK)
	if !strings.Contains(r.stdout, "pdc-2020") {
		t.Errorf("a folder without regimes:\n%s", r.stdout)
	}
}

// TestRegimeFlag runs a regime on a year's plans, and refuses an unknown
// one or one given with --scenario as usage mistakes.
func TestRegimeFlag(t *testing.T) {
	r := runArgs(t, "--regime", "stf-2016-17", "--year", "2023/24", "--format", "json")
	r.want(t, exitOK)
	var doc struct {
		Scenario struct{ Title string } `json:"scenario"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || doc.Scenario.Title != "Sustainability and Transformation Fund, 2016/17" {
		t.Errorf("json: %v %q", err, doc.Scenario.Title)
	}
	// On a user's plans folder, the embedded library; its years move to 2023/24.
	runArgs(t, "--regime", "rab-deductions", "--report", goodPlans(t)).want(t, exitOK)
	r = runArgs(t, "--regime", "stf")
	r.want(t, exitUsage)
	if !strings.Contains(r.stderr, "--regime stf: no such regime (have dsf-2024-25,") {
		t.Errorf("stderr: %s", r.stderr)
	}
	r = runArgs(t, "--regime", "stf-2016-17", "--scenario", filepath.Join("x", "y.toml"))
	r.want(t, exitUsage)
	if !strings.Contains(r.stderr, "--regime and --scenario both choose the scenario") {
		t.Errorf("stderr: %s", r.stderr)
	}
	if !strings.Contains(runArgs(t, "--help").stdout, "--regime NAME") {
		t.Error("--help does not name --regime")
	}
}
