package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"icsplan/internal/plan"
	"icsplan/internal/report"
)

// userPlans writes a year folder of the user's own plans under the current
// folder and loads it as cmd does for `icsplan plans`.
func userPlans(t *testing.T) plan.Library {
	t.Helper()
	year := filepath.Join("plans", "2023-24")
	if err := os.MkdirAll(year, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(year, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("systems.csv", "code,name,population,plan\nAAA,Alpha,1000000,-5000000\nBBB,Beta,3000000,0\n")
	// Marked primary: its saved what-if must not be (a year has at most one).
	write("support.toml", "title = \"Support\"\nnote = \"Our scheme.\"\npot = \"£4m\"\nprimary = true\n[repayment]\nfirst_year = \"2025/26\"\nyears = 2\n")
	lib, err := plan.Load(os.DirFS("."), "plans", "plans", plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// TestSaveBesideThePlans: ctrl+s writes the what-if into the year folder
// the plans came from, with the year, and a title and note that say it was
// edited, when and from what; it loads with those plans, and saving again
// takes the next free name.
func TestSaveBesideThePlans(t *testing.T) {
	t.Chdir(t.TempDir())
	hs := newHarness(t, userPlans(t), Options{}, 100, 30)
	editPot(hs, "£3m")
	hs.keys("ctrl+s")
	path := filepath.Join("plans", "2023-24", "support-edited.toml")
	mustContain(t, hs.m.status, "Saved the scenario to "+absPath(path)+", beside the plans")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`title = "Support (edited)"`, `year = "2023/24"`,
		`note = "Our scheme. Edited in icsplan on 2026-12-01 from support.toml."`, `pot = "3000000"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the saved scenario lacks %s:\n%s", want, data)
		}
	}
	lib, err := plan.Load(os.DirFS("."), "plans", "plans", plan.Options{})
	if err != nil {
		t.Fatalf("the plans with the saved what-if do not load: %v", err)
	}
	if sc := lib.Years[0].Scenarios; len(sc) != 2 || sc[1].Name != "support-edited" || sc[1].Year != "2023/24" || sc[1].Pot.String() != "3000000" ||
		!sc[0].Primary || sc[1].Primary {
		t.Errorf("the saved what-if loads as %+v", sc)
	}
	// Saved: q quits at once.
	hs.keys("q")
	if !hs.quit {
		t.Error("q asked although the edits were saved")
	}

	hs = newHarness(t, userPlans(t), Options{}, 100, 30)
	editPot(hs, "£2m")
	hs.keys("ctrl+s")
	mustContain(t, hs.m.status, "Saved the scenario to "+absPath(filepath.Join("plans", "2023-24", "support-edited-2.toml")))
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), `pot = "3000000"`) {
		t.Errorf("the first save was replaced:\n%s", data)
	}
}

// TestSaveFallsBackToTheCurrentFolder: when the plans' folder cannot be
// written the what-if goes to the current folder, and the status line says
// why.
func TestSaveFallsBackToTheCurrentFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes in a read-only folder")
	}
	t.Chdir(t.TempDir())
	lib := userPlans(t)
	year := filepath.Join("plans", "2023-24")
	if err := os.Chmod(year, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(year, 0o755) })
	hs := newHarness(t, lib, Options{}, 100, 30)
	editPot(hs, "£3m")
	hs.keys("ctrl+s")
	mustContain(t, hs.m.status, "Saved the scenario to "+absPath("support-edited.toml")+" in the current folder (cannot write in plans/2023-24: no permission")
	if _, err := os.Stat("support-edited.toml"); err != nil {
		t.Error(err)
	}
}

// TestSaveFallsBackWhenThePlansAreGone: the same when the plans' folder
// has gone since they were opened (a drive unplugged); this one runs as
// root too.
func TestSaveFallsBackWhenThePlansAreGone(t *testing.T) {
	t.Chdir(t.TempDir())
	hs := newHarness(t, userPlans(t), Options{}, 100, 30)
	if err := os.RemoveAll("plans"); err != nil {
		t.Fatal(err)
	}
	editPot(hs, "£3m")
	hs.keys("ctrl+s")
	mustContain(t, hs.m.status, "Saved the scenario to "+absPath("support-edited.toml")+" in the current folder (cannot write in plans/2023-24: the folder does not exist)")
}

// TestSaveShippedPlans: the shipped plans are built in, so a what-if of
// theirs goes to the current folder, and the status line says how to
// apply it.
func TestSaveShippedPlans(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	hs := open(t)
	editPot(hs, "£800m")
	hs.keys("ctrl+s")
	mustContain(t, hs.m.status, "Saved the scenario to "+filepath.Join(dir, "deficit-support-feb-2024-edited.toml"),
		"built into icsplan", "icsplan --scenario deficit-support-feb-2024-edited.toml")
	data, _ := os.ReadFile("deficit-support-feb-2024-edited.toml")
	if !strings.Contains(string(data), `year = "2023/24"`) || !strings.Contains(string(data), "from deficit-support-feb-2024.toml.") {
		t.Errorf("saved:\n%s", data)
	}
}

// TestQuitWithUnsavedEditsAsksOnce: q with unsaved edits asks; q or y
// then quits, any other key carries on (and does nothing else).
func TestQuitWithUnsavedEditsAsksOnce(t *testing.T) {
	for _, answer := range []string{"q", "y"} {
		hs := open(t)
		editPot(hs, "£800m")
		hs.keys("1", "q")
		if hs.quit {
			t.Fatal("q quit with unsaved edits without asking")
		}
		mustContain(t, flat(hs.screen()), "Unsaved edits to Deficit support, February 2024: quit without saving? q or y quits")
		hs.keys(answer)
		if !hs.quit {
			t.Errorf("%s after the question did not quit", answer)
		}
	}
	hs := open(t)
	editPot(hs, "£800m")
	hs.keys("1", "q", "2") // 2 answers the question: it does not change screen
	if hs.quit {
		t.Fatal("a key other than q or y quit")
	}
	mustContain(t, hs.screen(), "Carrying on", "[1 Overview]")
	hs.keys("q") // asks again
	if hs.quit {
		t.Fatal("q quit without asking the second time")
	}
	// Without edits q quits at once.
	hs = open(t)
	hs.keys("q")
	if !hs.quit {
		t.Error("q did not quit")
	}
}

// TestFilesNamedForTheEditedScenario: the report, the email summary and
// their titles carry the edit.
func TestFilesNamedForTheEditedScenario(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	hs := open(t)
	hs.keys("w")
	mustContain(t, hs.m.status, "Wrote the email summary to "+filepath.Join(dir, "icsplan-2023-24-deficit-support-feb-2024-email.txt"))
	editPot(hs, "£800m")
	hs.keys("1", "e", "w", "y")
	mustContain(t, hs.m.status, "Sent the email summary")
	report := filepath.Join(dir, "icsplan-2023-24-deficit-support-feb-2024-edited.txt")
	email := filepath.Join(dir, "icsplan-2023-24-deficit-support-feb-2024-edited-email.txt")
	for _, path := range []string{report, email} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "Deficit support, February 2024 (edited)") || !strings.Contains(string(data), "£800") {
			t.Errorf("%s does not name the edited scenario:\n%s", path, data)
		}
	}
	if !strings.Contains(hs.out.String(), "\x1b]52;c;") {
		t.Error("y sent nothing to the terminal")
	}
}

// TestEmailFileIsTheSummary: w writes exactly what y copies.
func TestEmailFileIsTheSummary(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	hs := open(t)
	hs.keys("w")
	data, err := os.ReadFile(filepath.Join(dir, "icsplan-2023-24-deficit-support-feb-2024-email.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != report.EmailSummary(hs.m.res) {
		t.Errorf("the file is not the summary:\n%s", data)
	}
}

func TestEditedStem(t *testing.T) {
	for in, want := range map[string]string{
		"deficit":            "deficit-edited",
		"deficit-edited":     "deficit-edited",
		"deficit-edited-2":   "deficit-edited",
		"deficit-edited-x":   "deficit-edited-x-edited",
		"deficit-edited-":    "deficit-edited--edited",
		"edited-thing":       "edited-thing-edited",
		"deficit-edited-12a": "deficit-edited-12a-edited",
	} {
		if got := editedStem(in); got != want {
			t.Errorf("editedStem(%q) = %q, want %q", in, got, want)
		}
	}
}
