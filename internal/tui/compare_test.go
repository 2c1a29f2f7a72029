package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"icsplan/internal/engine"
	"icsplan/internal/plan"
)

// shippedColumns analyses the shipped 2023/24 scenarios as Compare's
// columns, the first open.
func shippedColumns(t *testing.T) []compareCol {
	t.Helper()
	y := embedded(t).Years[0]
	cols := make([]compareCol, len(y.Scenarios))
	for i, sc := range y.Scenarios {
		res, err := engine.Analyse(y.Dataset, sc)
		if err != nil {
			t.Fatal(err)
		}
		cols[i] = compareCol{name: sc.Name, res: res, ok: true}
	}
	cols[0].open = "▶ open"
	return cols
}

// TestCompareTable: the comparison's rows, assumptions included, as text
// cells, from the analyses alone.
func TestCompareTable(t *testing.T) {
	cols := shippedColumns(t)
	cols = append(cols, compareCol{name: "computing"}, compareCol{name: "broken", err: errors.New("no")})
	table := compareTable(cols)
	row := func(label string) string {
		for _, r := range table {
			if r[0] == label {
				return strings.Join(r[1:], " | ")
			}
		}
		t.Fatalf("no row %q", label)
		return ""
	}
	if got := strings.Join(table[0][1:], " | "); got != "deficit-support-feb-2024 | fair-shares | reward-balance | computing | broken" {
		t.Errorf("names: %s", got)
	}
	if got := strings.Join(table[1][1:], " | "); got != "▶ open |  |  |  | " {
		t.Errorf("open: %q", got)
	}
	for label, want := range map[string]string{
		"Repayment":         "from 2025/26 | none (grant) | none (grant) | … | error",
		"Repayment years":   "3 | — | — | … | error",
		"Interest":          "0% | — | — | … | error",
		"Discount rate":     "3.5% | 3.5% | 3.5% | … | error",
		"Write-off":         "50% | 0% | 0% | … | error",
		"To deficit group":  "£700.0m | £229.7m | £0.0m | … | error",
		"To balanced group": "£0.0m | £470.3m | £700.0m | … | error",
		"Verdict":           "rewards deficit | neutral | rewards balanced | … | error",
	} {
		if got := row(label); got != want {
			t.Errorf("%s: %q, want %q", label, got, want)
		}
	}
	text := compareText("Title", table, []string{"A note."})
	if !strings.HasPrefix(text, "Title\n\n") || !strings.HasSuffix(text, "\n\nA note.\n") {
		t.Errorf("compareText's title and notes:\n%s", text)
	}
	for _, want := range []string{"Write-off 50% 0% 0% … error", "Title Deficit support, February 2024 Counterfactual: the same money as fair shares"} {
		if !strings.Contains(flat(text), want) {
			t.Errorf("compareText lacks %q:\n%s", want, text)
		}
	}
}

// TestCompareExport: e on Compare writes the comparison of every scenario
// of the year to a new file, with the edited column marked; refused while
// a column is still being analysed.
func TestCompareExport(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	hs := newHarness(t, embedded(t), Options{}, 80, 24)
	editPot(hs, "£800m")
	hs.keys("5", "e")
	path := filepath.Join(dir, "icsplan-2023-24-comparison.txt")
	mustContain(t, hs.m.status, "Wrote the comparison to "+path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{"icsplan · 2023/24 · 3 scenario(s) compared, from plans/2023-24/systems.csv",
		"deficit-support-feb-2024", "fair-shares", "reward-balance", "▶ open, edited",
		"Deficit support, February 2024  ", // titles whole, not cut
		"Pot                      £800.0m", "Write-off", "Discount rate", "Repayment years", "Interest",
		"▶ Deficit support, February 2024, with the edits made in icsplan on 2026-12-01."} {
		if !strings.Contains(text, want) {
			t.Errorf("the comparison lacks %q:\n%s", want, text)
		}
	}
	hs.keys("e")
	mustContain(t, hs.m.status, "icsplan-2023-24-comparison-2.txt")

	// While the other scenarios are being analysed there is nothing to write.
	c := hs.m.tabs[4].(*compareScreen)
	c.sets[0].entries = nil // as before their analyses come back
	if _, _, err := c.Export(); err == nil || !strings.Contains(err.Error(), "still being analysed") {
		t.Errorf("Export while analysing: %v", err)
	}
	hs.keys("e")
	mustContain(t, hs.m.status, "Not exported: the scenarios are still being analysed")
}

// TestCompareRowsOnScreen: the assumption rows are on the Compare screen,
// and an open column shows what the working scenario is.
func TestCompareRowsOnScreen(t *testing.T) {
	hs := newHarness(t, embedded(t), Options{}, 120, 40)
	hs.keys("5")
	mustContain(t, hs.screen(), "Write-off", "Discount rate", "Interest", "Repayment years", "▶ open")
	hs.keys("?")
	mustContain(t, hs.screen(), "e export comparison")
	hs.keys("?")
	editPot(hs, "£800m")
	hs.keys("5")
	mustContain(t, hs.screen(), "▶ open, edited", "£800.0m")
}

// TestCompareRegimes: v on Compare sets the regimes of the library side
// by side, each moved to the year's plans and analysed as --regime does,
// with rows for their terms; the regime open in the other screens is
// marked; e writes that comparison; v goes back to the year's scenarios,
// where none is marked open while a regime is.
func TestCompareRegimes(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	lib := embedded(t)
	hs := newHarness(t, lib, Options{}, 120, 40)
	toRegime(t, hs, "dsf-2025-26")
	hs.keys("5")
	mustContain(t, flat(hs.screen()), "v regimes side by side")
	hs.keys("v")
	scr := flat(hs.screen())
	mustContain(t, scr, "2023/24: 8 regime(s) of the library side by side, on 2023/24's plans", "dsf-2024-25 dsf-2025-26",
		"▶ open", "Tranches none: at once 4 (1 conditional)", "Tested on — forecast", "Forfeits — held",
		"Pot deficits: £720.0m deficits: £720.0m £700.0m", "v scenarios side by side")
	c := hs.m.tabs[4].(*compareScreen)
	cols := c.columns()
	if len(cols) != len(lib.Regimes) || cols[1].open != "▶ open" || cols[0].open != "" {
		t.Fatalf("%d columns, open marks %q %q", len(cols), cols[0].open, cols[1].open)
	}
	y := lib.Years[0]
	for i, reg := range lib.Regimes {
		sc, err := plan.PickRegime(lib.Regimes, reg.Name, y)
		if err != nil {
			t.Fatal(err)
		}
		want, err := engine.Analyse(y.Dataset, sc)
		if err != nil {
			t.Fatal(err)
		}
		if !cols[i].ok || cols[i].res.Verdict != want.Verdict || !cols[i].res.Totals.EffectiveGrant.Equal(want.Totals.EffectiveGrant) {
			t.Errorf("%s: column %+v, want the verdict %s", reg.Name, cols[i].err, want.Verdict.Label)
		}
	}
	// The terms in words: RAB's four deductions and its bonus.
	table := compareTable(cols)
	for _, row := range table {
		if row[0] == "Deductions on" && row[7] != "overspend ×4" {
			t.Errorf("RAB's deductions: %q", row[7])
		}
		if row[0] == "Bonuses on" && row[7] != "improvement" {
			t.Errorf("RAB's bonuses: %q", row[7])
		}
	}
	hs.keys("e")
	path := filepath.Join(dir, "icsplan-2023-24-regimes.txt")
	mustContain(t, hs.m.status, "Wrote the comparison to "+path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, string(data), "icsplan · 2023/24 · 8 regime(s) compared", "stf-2016-17", "rab-deductions",
		"Each regime's years are moved to 2023/24's plans, as icsplan --regime does.")

	hs.keys("v")
	scr = hs.screen()
	mustContain(t, scr, "3 scenario(s) side by side")
	mustNotContain(t, scr, "▶ open", "Tranches")
}
