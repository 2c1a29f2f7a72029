package tui

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"icsplan/internal/engine"
	"icsplan/internal/plan"
	"icsplan/internal/report"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/shopspring/decimal"
)

func open(t *testing.T) *harness {
	t.Helper()
	return newHarness(t, embedded(t), Options{}, 100, 30)
}

func mustContain(t *testing.T, screen string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(screen, w) {
			t.Fatalf("screen lacks %q:\n%s", w, screen)
		}
	}
}

func mustNotContain(t *testing.T, screen string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(screen, b) {
			t.Fatalf("screen has %q but should not:\n%s", b, screen)
		}
	}
}

func TestTabsAndNumbersSwitchScreens(t *testing.T) {
	hs := open(t)
	mustContain(t, hs.screen(), "[1 Overview]", "Verdict: REWARDS DEFICIT PLANS")
	want := []string{"[2 Systems]", "[3 Repayments]", "[4 Scenario]", "[5 Compare]", "[6 Incentives]", "[7 Years]", "[1 Overview]"}
	for _, w := range want {
		hs.keys("tab")
		mustContain(t, hs.screen(), w)
	}
	hs.keys("shift+tab")
	mustContain(t, hs.screen(), "[7 Years]", "National series")
	for i, w := range []string{"[1 Overview]", "[2 Systems]", "[3 Repayments]", "[4 Scenario]", "[5 Compare]", "[6 Incentives]", "[7 Years]"} {
		hs.keys(string(rune('1' + i)))
		mustContain(t, hs.screen(), w)
	}
}

func TestYearKeys(t *testing.T) {
	hs := open(t)
	hs.keys("[")
	mustContain(t, hs.screen(), "2023/24 (year 1/2)", "No earlier year")
	hs.keys("]")
	mustContain(t, hs.screen(), "2024/25 (year 2/2)", "Deficit support, 2024/25", "£2,200.0m")
	hs.keys("]")
	mustContain(t, hs.screen(), "No later year")
	hs.keys("[")
	mustContain(t, hs.screen(), "2023/24 (year 1/2)", "£700.0m")
}

func TestScenarioKeys(t *testing.T) {
	for _, keys := range [][2]string{{">", "<"}, {"n", "p"}} {
		hs := open(t)
		hs.keys(keys[0])
		mustContain(t, hs.screen(), "scenario 2/3: Counterfactual: the same money as fair shares", "Verdict: NEUTRAL")
		hs.keys(keys[0], keys[0])
		mustContain(t, hs.screen(), "scenario 1/3: Deficit support", "Verdict: REWARDS DEFICIT PLANS")
		hs.keys(keys[1])
		mustContain(t, hs.screen(), "scenario 3/3: Counterfactual: reward balanced plans", "Verdict: REWARDS BALANCED PLANS")
	}
	hs := open(t)
	hs.keys("]", "n")
	mustContain(t, hs.screen(), "only one scenario")
}

func TestHelpToggles(t *testing.T) {
	hs := open(t)
	mustNotContain(t, hs.screen(), "previous year")
	hs.keys("?")
	mustContain(t, hs.screen(), "previous year", "next scenario", "copy summary", "export report")
	hs.keys("?")
	mustNotContain(t, hs.screen(), "previous year")
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		hs := open(t)
		hs.keys(k)
		if !hs.quit {
			t.Errorf("%s did not quit", k)
		}
	}
	// q while typing in the filter is a letter; ctrl+c still quits.
	hs := open(t)
	hs.keys("2", "/", "q")
	if hs.quit {
		t.Fatal("q quit while typing in the filter")
	}
	mustContain(t, hs.screen(), "filter: q")
	hs.keys("ctrl+c")
	if !hs.quit {
		t.Fatal("ctrl+c did not quit while typing")
	}
	// q while editing a scenario field is a letter too.
	hs = open(t)
	hs.keys("4", "enter", "q")
	if hs.quit {
		t.Fatal("q quit while editing a field")
	}
}

func TestCopyWritesOSC52(t *testing.T) {
	hs := open(t)
	hs.keys("y")
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(report.EmailSummary(hs.m.res)))
	if got := hs.out.String(); !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "\x07") {
		t.Fatalf("clipboard output = %q, want %q…BEL", got, want)
	}
	mustContain(t, hs.screen(), "Sent the email summary (", "to the terminal for the clipboard (OSC 52)", "press w to write it to a file")
	mustNotContain(t, hs.screen(), "Copied")
}

func TestExportWritesReport(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	hs := open(t)
	hs.keys("e")
	path := filepath.Join(dir, "icsplan-2023-24-deficit-support-feb-2024.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("export: %v\n%s", err, hs.screen())
	}
	if !strings.Contains(string(data), "700") {
		t.Errorf("exported report looks wrong:\n%s", data)
	}
	mustContain(t, hs.m.status, "Wrote the report to "+path)
}

func TestSystemsKeys(t *testing.T) {
	hs := open(t)
	hs.keys("2")
	mustContain(t, hs.screen(), "42 of 42 systems · sorted by file order ↑", "›†QHG")
	hs.keys("down")
	mustContain(t, hs.screen(), "›†QUE")
	hs.keys("j", "k")
	mustContain(t, hs.screen(), "›†QUE")
	hs.keys("up")
	mustContain(t, hs.screen(), "›†QHG")
	hs.keys("G")
	mustContain(t, hs.screen(), "›†QSL") // the last system in the file
	hs.keys("g")
	mustContain(t, hs.screen(), "›†QHG")
	hs.keys("pgdown")
	mustNotContain(t, hs.screen(), "›†QHG")
	hs.keys("pgup")
	mustContain(t, hs.screen(), "›†QHG")
	hs.keys("end", "home")
	mustContain(t, hs.screen(), "›†QHG")

	hs.keys("s")
	mustContain(t, hs.screen(), "sorted by code ↑")
	hs.keys("S")
	mustContain(t, hs.screen(), "sorted by code ↓")
	for range 4 {
		hs.keys("s")
	}
	mustContain(t, hs.screen(), "sorted by plan ↓", "›†QHG") // the cursor stays on its system
	hs.keys("S", "g")
	mustContain(t, hs.screen(), "sorted by plan ↑", "›†QKS  Kent and Medway") // deepest deficit first

	hs.keys("/")
	hs.typeText("essex")
	mustContain(t, hs.screen(), "filter: essex")
	hs.keys("enter")
	mustContain(t, hs.screen(), "3 of 42 systems", `filter "essex" (esc clears)`, "Mid and South Essex")
	mustNotContain(t, hs.screen(), "Black Country")
	hs.keys("esc")
	mustContain(t, hs.screen(), "42 of 42 systems")
	hs.keys("/", "x", "y", "z", "esc")
	mustContain(t, hs.screen(), "42 of 42 systems")

	hs.keys("g", "enter")
	mustContain(t, hs.screen(), "QKS · Kent and Medway", "1. Eligibility", "esc back")
	hs.keys("j", "pgdown", "G", "g")
	mustContain(t, hs.screen(), "QKS · Kent and Medway")
	hs.keys("esc")
	mustContain(t, hs.screen(), "sorted by plan ↑")
}

func TestOverviewScrolls(t *testing.T) {
	hs := newHarness(t, embedded(t), Options{}, 80, 24)
	// 18 lines of body: 24 less the header and tabs (2), the status line
	// (2: it opens with the warnings) and the help (1), and the marker.
	mustContain(t, hs.screen(), "lines 1–18 of")
	hs.keys("j")
	mustContain(t, hs.screen(), "lines 2–19 of")
	hs.keys("G")
	mustContain(t, hs.screen(), "Caveats")
	hs.keys("g")
	mustContain(t, hs.screen(), "Verdict:")
}

func TestCompareKeys(t *testing.T) {
	hs := newHarness(t, embedded(t), Options{}, 80, 24)
	hs.keys("5")
	mustContain(t, hs.screen(), "3 scenario(s) side by side", "▶ open", "Write-off", "Discount rate")
	// the rows scroll: the verdict is at the bottom
	hs.keys("G")
	mustContain(t, hs.screen(), "rewards balanced", "Verdict")
	hs.keys("g")
	// three scenarios fit at 80 columns; ←/→ stay in range
	hs.keys("right", "left", "l", "h")
	mustContain(t, hs.screen(), "deficit-support", "▶ open")
}

func TestRepaymentsScreen(t *testing.T) {
	hs := open(t)
	hs.keys("3")
	mustContain(t, hs.screen(), "2025/26", "2027/28", "15 with something due", "Black Country")
	hs.keys("j", "G", "g")
	hs.keys("n")
	mustContain(t, hs.screen(), "This scenario is a grant")
}

func TestResize(t *testing.T) {
	hs := open(t)
	hs.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	mustContain(t, hs.screen(), "terminal too small: need 80×24, have 60×15")
	hs.send(tea.WindowSizeMsg{Width: 79, Height: 40})
	mustContain(t, hs.screen(), "terminal too small: need 80×24, have 79×40")
	hs.keys("2") // ignored while too small
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	mustContain(t, hs.screen(), "[1 Overview]", "Verdict:")
	checkLayout(t, hs.screen(), 80, 24)
	hs.send(tea.WindowSizeMsg{Width: 200, Height: 60})
	checkLayout(t, hs.screen(), 200, 60)
	hs.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	hs.keys("q")
	if !hs.quit {
		t.Fatal("q does not quit from the too-small screen")
	}
}

// editPot types a new pot on the Scenario screen.
func editPot(hs *harness, text string) {
	hs.keys("4", "g", "enter", "ctrl+u")
	hs.typeText(text)
	hs.keys("enter")
}

func TestEditPotChangesOverview(t *testing.T) {
	hs := open(t)
	editPot(hs, "£1400m")
	mustContain(t, hs.screen(), "[£1400m]", "(edited)")
	hs.keys("1")
	mustContain(t, hs.screen(), "Pot", "£1,400.0m", "(edited)")
	mustNotContain(t, hs.screen(), "£700.0m")
}

func TestInvalidInputKeepsLastGoodResult(t *testing.T) {
	hs := open(t)
	editPot(hs, "£900m")
	editPot(hs, "lots")
	mustContain(t, hs.screen(), `✗ cannot read "lots" as money`)
	hs.keys("1")
	mustContain(t, hs.screen(), "£900.0m")
	// A profile that does not match the years is caught by validation.
	hs.keys("4")
	for range 10 {
		hs.keys("down")
	}
	hs.keys("enter")
	hs.typeText("50%, 60%")
	hs.keys("enter")
	mustContain(t, hs.screen(), "✗")
	hs.keys("ctrl+s")
	mustContain(t, hs.screen(), "Not saved")
}

func TestScenarioChoicesAndReset(t *testing.T) {
	hs := open(t)
	hs.keys("4", "down")
	mustContain(t, hs.screen(), "‹ deficit ›")
	hs.keys("right")
	mustContain(t, hs.screen(), "‹ balanced ›", "(edited)")
	hs.keys("1")
	// Only balanced systems are eligible, but pro rata to a deficit capped
	// at the deficit gives them nothing.
	mustContain(t, hs.screen(), "Verdict: NEUTRAL", "£0.0m")
	hs.keys("4", "left", "l", "h", " ")
	mustContain(t, hs.screen(), "‹ balanced ›")
	hs.keys("ctrl+r")
	mustContain(t, hs.screen(), "Reset the scenario")
	mustNotContain(t, hs.screen(), "(edited)")
	hs.keys("1")
	mustContain(t, hs.screen(), "REWARDS DEFICIT PLANS", "£700.0m")

	// Repayment off makes a grant; its fields are shown as such.
	hs.keys("4")
	for range 7 {
		hs.keys("j")
	}
	hs.keys("enter")
	mustContain(t, hs.screen(), "‹ off (grant) ›", "— (grant)")
	hs.keys("k", "up")
	mustContain(t, hs.screen(), "‹ deficit ›") // the cap
}

func TestSaveScenario(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	hs := open(t)
	editPot(hs, "£800m")
	hs.keys("ctrl+s")
	path := filepath.Join(dir, "deficit-support-feb-2024-edited.toml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("save: %v\n%s", err, hs.screen())
	}
	if !strings.Contains(string(data), "800") {
		t.Errorf("saved scenario lacks the new pot:\n%s", data)
	}
	mustContain(t, hs.screen(), "Saved the scenario to")
}

func TestStaleResultIgnored(t *testing.T) {
	hs := open(t)
	editPot(hs, "£900m")
	old := resultMsg{seq: 1, yi: hs.m.yi, si: hs.m.si, ri: hs.m.ri, res: hs.m.res}
	old.res.Totals.Pot = old.res.Totals.Pot.Neg()
	hs.send(old)
	hs.keys("1")
	mustContain(t, hs.screen(), "£900.0m")
	// A result for another scenario is ignored too.
	other := resultMsg{seq: hs.m.job.seq + 1, yi: hs.m.yi, si: hs.m.si + 1, ri: hs.m.ri, res: old.res}
	hs.send(other)
	mustContain(t, hs.screen(), "£900.0m")
}

func TestEditingStopsOnArrows(t *testing.T) {
	hs := open(t)
	hs.keys("4", "enter")
	e := hs.editor()
	if !e.editing {
		t.Fatal("enter did not start editing")
	}
	hs.keys("down")
	if e.editing || e.focus != 1 {
		t.Fatalf("down: editing=%v focus=%d", e.editing, e.focus)
	}
	hs.keys("up", "enter", "esc")
	if e.editing {
		t.Fatal("esc did not stop editing")
	}
}

func TestRunesArrivingTogether(t *testing.T) {
	hs := open(t)
	hs.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("]2")})
	mustContain(t, hs.screen(), "2024/25", "[2 Systems]")
	// While typing they are text.
	hs.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/qa")})
	mustContain(t, hs.screen(), "filter: qa")
	if hs.quit {
		t.Fatal("q in a burst of typed text quit")
	}
}

func TestPagingAndBackKeys(t *testing.T) {
	hs := newHarness(t, embedded(t), Options{}, 80, 24)
	hs.keys("2")
	for _, k := range []string{"f", " ", "pgdown"} {
		hs.keys("g", k)
		mustNotContain(t, hs.screen(), "›†QHG")
	}
	for _, k := range []string{"b", "pgup"} {
		hs.keys(k)
	}
	hs.keys("b")
	mustContain(t, hs.screen(), "›†QHG")
	hs.keys("enter")
	mustContain(t, hs.screen(), "1. Eligibility")
	hs.keys("backspace")
	mustContain(t, hs.screen(), "of 42 systems")
	mustNotContain(t, hs.screen(), "1. Eligibility")
}

func TestCompareScrollsWhenScenariosDoNotFit(t *testing.T) {
	lib := embedded(t)
	y := &lib.Years[0]
	base := y.Scenarios
	for i := 0; len(y.Scenarios) < 8; i++ {
		sc := base[i%len(base)]
		sc.Name = sc.Name + "-copy"
		y.Scenarios = append(y.Scenarios, sc)
	}
	hs := newHarness(t, lib, Options{}, 80, 24)
	hs.keys("5")
	mustContain(t, hs.screen(), "8 scenario(s) side by side · showing 1–3 (←/→ for more)")
	hs.keys("right", "l")
	mustContain(t, hs.screen(), "showing 3–5")
	hs.keys("left")
	mustContain(t, hs.screen(), "showing 2–4")
	for range 10 {
		hs.keys("l")
	}
	mustContain(t, hs.screen(), "showing 6–8")
	hs.keys("h", "h", "h", "h", "h", "h", "h")
	mustContain(t, hs.screen(), "showing 1–3", "▶ open")
}

func TestOpeningStatusHint(t *testing.T) {
	hs := open(t)
	mustContain(t, hs.screen(), "? all keys")
}

func TestRepaymentOnFillsDefaults(t *testing.T) {
	hs := open(t)
	hs.keys("n", "4") // fair shares: a grant
	mustContain(t, hs.screen(), "off (grant)", "— (grant)")
	for range 7 {
		hs.keys("j")
	}
	hs.keys("right")
	mustContain(t, hs.screen(), "‹ on ›", "2025/26", "equal shares")
	hs.keys("3")
	mustContain(t, hs.screen(), "2025/26", "2026/27", "2027/28")
	mustNotContain(t, hs.screen(), "This scenario is a grant")
}

// An edit's analysis that finishes after the user has left the scenario
// and come back must not show: the scenario was reloaded as it was.
func TestEditResultStaleAfterReload(t *testing.T) {
	hs := open(t)
	hs.keys("4", "enter", "ctrl+u")
	hs.typeText("£900")
	// The last keystroke's analysis is still running…
	next, inFlight := hs.m.Update(keyMsg("m"))
	hs.m = next.(model)
	// …while the user leaves and comes back (their analyses still running too).
	for _, k := range []string{"enter", "n", "p"} {
		next, _ = hs.m.Update(keyMsg(k))
		hs.m = next.(model)
	}
	hs.send(inFlight())
	hs.keys("1")
	mustNotContain(t, hs.screen(), "£900.0m")
}

func TestProblemsGoToTheirFields(t *testing.T) {
	hs := open(t)
	e := hs.editor()
	for _, key := range []string{plan.FieldPot, plan.FieldRule, plan.FieldEligibilityBasis, plan.FieldMethod, plan.FieldAllocationBasis, plan.FieldCap, plan.FieldUnit, plan.FieldFirstYear, plan.FieldYears, plan.FieldProfile, plan.FieldInterest, plan.FieldDiscountRate, plan.FieldWriteOff, plan.FieldThreshold} {
		if f := e.match(key); f == nil || f.key != key {
			t.Errorf("problem column %q goes to %v", key, f)
		}
	}
	if f := e.match("title"); f != nil {
		t.Errorf("title matched field %q", f.key)
	}
	// A write-off over 100% is caught by plan.Scenario.Validate.
	hs.keys("4", "G", "k", "enter", "ctrl+u")
	hs.typeText("150%")
	mustContain(t, hs.screen(), "Write-off", "150%", "✗ is a probability")
}

func TestSwitchingSaysEditsAreDropped(t *testing.T) {
	hs := open(t)
	editPot(hs, "£800m")
	hs.keys("n")
	mustContain(t, hs.screen(), "Unsaved edits to Deficit support, February 2024 dropped")
	hs.keys("p", "1")
	mustContain(t, hs.screen(), "£700.0m")
}

func TestLongStatusWrapsAndFrameStillFits(t *testing.T) {
	hs := newHarness(t, embedded(t), Options{}, 80, 24)
	hs.send(statusMsg{text: "Exported the report to /a/very/long/path/" + strings.Repeat("folder/", 20) + "icsplan-2023-24-x.txt"})
	scr := hs.screen()
	checkLayout(t, scr, 80, 24)
	mustContain(t, strings.ReplaceAll(scr, "\n", ""), "folder/folder/")
}

func TestOverrideAppliesToEveryScenario(t *testing.T) {
	pot := decimal.NewFromInt(100_000_000)
	opt := Options{Override: func(s plan.Scenario) plan.Scenario { s.Pot = pot; return s }}
	hs := newHarness(t, embedded(t), opt, 120, 40)
	mustContain(t, hs.screen(), "£100.0m")
	mustNotContain(t, hs.screen(), "£700.0m")
	hs.keys("5")
	mustNotContain(t, hs.screen(), "£700.0m")
	hs.keys("4", "ctrl+r", "1") // reset goes back to the overridden scenario
	mustContain(t, hs.screen(), "£100.0m")
}

func TestOpensOnTheRequestedYearAndScenario(t *testing.T) {
	hs := newHarness(t, embedded(t), Options{Year: 0, Scenario: 2}, 100, 30)
	mustContain(t, hs.screen(), "2023/24 (year 1/2) · scenario 3/3", "REWARDS BALANCED PLANS")
	hs = newHarness(t, embedded(t), Options{Year: 1}, 100, 30)
	mustContain(t, hs.screen(), "2024/25 (year 2/2) · scenario 1/1")
}

func TestFirstFrameWhileComputing(t *testing.T) {
	m := newModel(embedded(t), Options{}, &strings.Builder{}, engine.AnalyseContext)
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = next.(model)
	mustContain(t, m.View(), "Computing Deficit support, February 2024")
	checkLayout(t, m.View(), 80, 24)
	next, _ = m.Update(keyMsg("y"))
	mustContain(t, next.(model).View(), "Nothing copied yet")
	_, cmd := m.Update(keyMsg("q"))
	if cmd == nil || cmd() != tea.Quit() {
		t.Fatal("q does not quit while the first analysis runs")
	}
}

// TestSaveAndExportNeverReplaceAFile: saving and exporting write new
// files: a file of the name (here a read-only one the user made) is left
// alone and the next free name is taken, which the status line gives.
func TestSaveAndExportNeverReplaceAFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	mine := []string{"deficit-support-feb-2024-edited.toml", "icsplan-2023-24-deficit-support-feb-2024.txt",
		"icsplan-2023-24-deficit-support-feb-2024-edited.txt"}
	for _, name := range mine {
		if err := os.WriteFile(name, []byte("mine\n"), 0o444); err != nil {
			t.Fatal(err)
		}
	}
	hs := open(t)
	hs.keys("e")
	mustContain(t, hs.m.status, "Wrote the report to "+filepath.Join(dir, "icsplan-2023-24-deficit-support-feb-2024-2.txt"))
	editPot(hs, "£800m")
	hs.keys("ctrl+s")
	mustContain(t, hs.m.status, "Saved the scenario to "+filepath.Join(dir, "deficit-support-feb-2024-edited-2.toml"))
	hs.keys("1", "e")
	mustContain(t, hs.m.status, "Wrote the report to "+filepath.Join(dir, "icsplan-2023-24-deficit-support-feb-2024-edited-2.txt"))
	for _, name := range mine {
		if data, err := os.ReadFile(name); err != nil || string(data) != "mine\n" {
			t.Errorf("%s was replaced: %q, %v", name, data, err)
		}
	}
	for _, name := range []string{"icsplan-2023-24-deficit-support-feb-2024-2.txt", "deficit-support-feb-2024-edited-2.toml", "icsplan-2023-24-deficit-support-feb-2024-edited-2.txt"} {
		if _, err := os.Stat(name); err != nil {
			t.Errorf("not written: %v", err)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// TestSwitchMessage: a screen asks the root for another year and scenario
// with switchMsg (as a Years screen will); out of range is ignored.
func TestSwitchMessage(t *testing.T) {
	hs := open(t)
	hs.send(switchMsg{yi: 1, si: 0})
	mustContain(t, hs.screen(), "2024/25 (year 2/2) · scenario 1/1", "£2,200.0m")
	hs.send(switchMsg{yi: 0, si: 2})
	mustContain(t, hs.screen(), "2023/24 (year 1/2) · scenario 3/3", "REWARDS BALANCED PLANS")
	hs.send(switchMsg{yi: 5, si: 0})
	mustContain(t, hs.screen(), "2023/24 (year 1/2) · scenario 3/3")
}

// TestOverviewShowsCashReceivedWhenATrancheIsWithheld: in 2025/26 the
// deficit group is allocated £2,200.0m but the fourth quarter (25%) is
// withheld from 13 systems, £455.0m, so it receives £2,200.0m − £455.0m =
// £1,745.0m, the cash its per-head figure is of; the balanced group is
// allocated and receives nothing. A year without tranches has no such row.
func TestOverviewShowsCashReceivedWhenATrancheIsWithheld(t *testing.T) {
	hs := newHarness(t, embeddedAll(t), Options{Year: 3}, 100, 30) // 2025/26, as icsplan opens
	mustContain(t, hs.screen(), "2025/26", "To deficit group (33)           £2,200.0m",
		"Received, deficit               £1,745.0m   Received, balanced                    £0.0m")
	hs.keys("[", "[") // 2024/25, then 2023/24
	mustContain(t, hs.screen(), "2023/24", "To deficit group (15)")
	mustNotContain(t, hs.screen(), "Received, deficit")
}
