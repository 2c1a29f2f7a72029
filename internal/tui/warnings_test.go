package tui

import (
	"strings"
	"testing"
	"testing/fstest"

	"icsplan/internal/plan"
)

// ownPlans is a finance team's year folder: a column icsplan does not
// read, an illustrative row, and a scenario whose pot was typed as 700
// where £700m was meant.
func ownPlans(t *testing.T) plan.Library {
	t.Helper()
	fsys := fstest.MapFS{
		"mine/2023-24/systems.csv": {Data: []byte("code,name,population,plan,comments,source\n" +
			"AAA,Alpha,1000000,-5000000,checked,reported\n" +
			"BBB,Beta,3000000,0,,illustrative breakeven\n")},
		"mine/2023-24/typo.toml": {Data: []byte("title = \"Typo\"\npot = 700\n")},
	}
	lib, err := plan.Load(fsys, "mine", "mine", plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// TestWarningsAtStartAndInTheCaveats: the plans' warnings (a column
// ignored), the illustrative rows and the scenario's (a pot below £1,000 a
// system) open the status line, and the Overview lists them with its
// caveats.
func TestWarningsAtStartAndInTheCaveats(t *testing.T) {
	hs := newHarness(t, ownPlans(t), Options{}, 120, 40)
	for _, want := range []string{`ignored column "comments"`, "1 of the 2 systems have illustrative figures",
		"pot: the pot is £700, less than £1,000 for each of the 2 systems", `write "£700m", "0.7bn" or "700,000,000"`, "? all keys"} {
		if !strings.Contains(hs.m.status, want) {
			t.Errorf("the opening status line lacks %q: %q", want, hs.m.status)
		}
	}
	mustContain(t, flat(hs.screen()), "⚠ mine/2023-24/systems.csv:1")
	hs.keys("G")
	scr := flat(hs.screen())
	mustContain(t, scr, "Caveats:", `⚠ mine/2023-24/systems.csv:1`, `ignored column "comments"`,
		"⚠ pot: the pot is £700, less than £1,000 for each of the 2 systems: if you meant £700 million, write \"£700m\", \"0.7bn\" or \"700,000,000\"",
		"1 with illustrative figures (marked †)")
}

// TestPotWarningByTheField: a pot of 700 is taken (the figures are its),
// and the Scenario screen warns by the field with the forms that write
// millions; a pot in millions ends the warning.
func TestPotWarningByTheField(t *testing.T) {
	hs := newHarness(t, embedded(t), Options{}, 120, 40)
	editPot(hs, "700")
	scr := flat(hs.screen())
	mustContain(t, scr, "[700]", "⚠ probably not meant",
		`⚠ Pot: the pot is £700, less than £1,000 for each of the 42 systems: if you meant £700 million, write "£700m", "0.7bn" or "700,000,000"`)
	mustNotContain(t, scr, "INVALID")
	hs.keys("1", "G")
	mustContain(t, flat(hs.screen()), "⚠ pot: the pot is £700")
	editPot(hs, "£700m")
	mustNotContain(t, hs.screen(), "⚠ Pot", "probably not meant")
	hs.keys("1", "G")
	mustNotContain(t, hs.screen(), "⚠ pot")
}
