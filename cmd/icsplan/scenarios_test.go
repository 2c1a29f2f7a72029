package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// teamPlans is a finance team's own year folder: a misspelt heading, a
// totals row, and no scenario file.
func teamPlans(t *testing.T, year string) string {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, year, "systems.csv"),
		"Our plans,,,,\n,,,,\nICB Code,ICB Name,Registered Population,weighted populaton,Plan £000\n"+
			"AAA,Alpha,1000,900,(500)\nBBB,Beta,3000,3100,0\nCCC,Gamma,2000,2000,(100)\nTotal,,6000,6000,(600)\n")
	return dir
}

// The plans' warnings, and which scenario is applied, are on stderr for
// --report, never in the report; today nothing outside plan reads them.
func TestReportWarningsOnStderr(t *testing.T) {
	dir := teamPlans(t, "2023-24")
	r := runArgs(t, "--report", dir)
	r.want(t, exitOK)
	csv := filepath.Join(dir, "2023-24", "systems.csv")
	want := "icsplan: warning: " + csv + `:3: column "weighted populaton" is not one icsplan reads: did you mean "weighted population"? it is ignored until it is renamed, so each system's fair share rests on its registered population` + "\n" +
		"icsplan: warning: " + csv + `:7: skipped a totals row ("Total"): it is not a system, and icsplan adds up the systems itself` + "\n" +
		"icsplan: no scenario file beside " + csv + `, so applying "Grant covering every planned deficit"; give --scenario NAME or FILE for another (icsplan scenarios lists the shipped ones)` + "\n"
	if r.stderr != want {
		t.Errorf("stderr:\n%s\nwant\n%s", r.stderr, want)
	}
	if strings.Contains(r.stdout, "populaton") || strings.Contains(r.stdout, "skipped") || !strings.Contains(r.stdout, "Verdict: ") {
		t.Errorf("the report carries the warnings, or is not a report:\n%s", r.stdout)
	}
	// Three systems, not four: the totals row is not one.
	if r := runArgs(t, "--format", "json", dir); !strings.Contains(r.stdout, `"systems": 3`) {
		t.Errorf("json: %.400s", r.stdout)
	}
	// chart says them too.
	r = runArgs(t, "chart", "per-head", "-o", filepath.Join(t.TempDir(), "c.svg"), dir)
	r.want(t, exitOK)
	if r.stderr != want {
		t.Errorf("chart stderr:\n%s", r.stderr)
	}
}

// --scenario NAME applies a shipped scenario to the user's plans of its
// year, and says so; for plans of another year it is a usage mistake
// naming both years.
func TestShippedScenarioOnOwnPlans(t *testing.T) {
	dir := teamPlans(t, "2023-24")
	r := runArgs(t, "--format", "json", "--scenario", "deficit-support-feb-2024", dir)
	r.want(t, exitOK)
	if !strings.Contains(r.stdout, `"title": "Deficit support, February 2024"`) {
		t.Errorf("json: %.600s", r.stdout)
	}
	note := `icsplan: applying the shipped scenario deficit-support-feb-2024, "Deficit support, February 2024", to ` + filepath.Join(dir, "2023-24", "systems.csv") + "\n"
	if !strings.HasSuffix(r.stderr, note) || strings.Contains(r.stderr, "no scenario file") {
		t.Errorf("stderr:\n%s\nwant it to end\n%s", r.stderr, note)
	}
	r = runArgs(t, "--report", "--scenario", "deficit-support-feb-2024", teamPlans(t, "2024-25"))
	r.want(t, exitUsage)
	if want := "icsplan: --scenario deficit-support-feb-2024 is a shipped scenario for 2023/24, but these plans are for 2024/25: a scenario applies to plans of its own year (icsplan scenarios lists them)\n"; !strings.HasPrefix(r.stderr, want) {
		t.Errorf("stderr:\n%s\nwant it to start\n%s", r.stderr, want)
	}
	r = runArgs(t, "--report", "--scenario", "no-such-thing", dir)
	r.want(t, exitUsage)
	if !strings.HasPrefix(r.stderr, "icsplan: --scenario no-such-thing: no such scenario in 2023/24 (have default)") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

func TestScenariosListsTheShipped(t *testing.T) {
	r := runArgs(t, "scenarios")
	r.want(t, exitOK)
	want := "Shipped scenarios (icsplan --scenario NAME applies one, to your own plans of the same year too):\n" +
		"  no-support-2022-23        2022/23  No deficit support found, 2022/23\n" +
		"  deficit-support-feb-2024  2023/24  Deficit support, February 2024\n" +
		"  fair-shares               2023/24  Counterfactual: the same money as fair shares\n" +
		"  reward-balance            2023/24  Counterfactual: reward balanced plans\n" +
		"  deficit-support-2024-25   2024/25  Deficit support, 2024/25\n" +
		"  deficit-support-2025-26   2025/26  Deficit support, 2025/26: the fourth quarter withheld\n"
	if r.stdout != want || r.stderr != "" {
		t.Errorf("stdout:\n%s\nwant\n%s\nstderr: %s", r.stdout, want, r.stderr)
	}
	if r := runArgs(t, "scenarios", "extra"); r.code != exitUsage {
		t.Errorf("scenarios with an argument: exit %d", r.code)
	}
}
