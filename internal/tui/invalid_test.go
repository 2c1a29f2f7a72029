package tui

import (
	"os"
	"strings"
	"testing"

	"icsplan/internal/plan"

	tea "github.com/charmbracelet/bubbletea"
)

// editField puts text in the Scenario field of plan's key (plan.FieldPot,
// "tranche.2.share"), pasted in one go, so that no value on the way is
// taken.
func editField(hs *harness, key, text string) {
	hs.t.Helper()
	toField(hs, key)
	hs.keys("enter", "ctrl+u")
	hs.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text), Paste: true})
	hs.keys("enter")
}

// toField moves the Scenario screen's cursor to the field of plan's key.
func toField(hs *harness, key string) {
	hs.t.Helper()
	hs.keys("4", "g")
	for _, f := range hs.editor().fields {
		if f.key == key {
			return
		}
		hs.keys("down")
	}
	hs.t.Fatalf("no field %s on the Scenario screen", key)
}

// flat is a screen's words on one line, as a wrapped sentence reads.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// bodyTop is the first line of the body: the line below the tabs.
func bodyTop(hs *harness) string { return strings.Split(hs.screen(), "\n")[2] }

// TestInvalidFieldNeverGivesAVerdict: with an invalid field on the Scenario
// screen, every screen says in its body that its figures are the last valid
// scenario's, not what is typed; y, w and e (the report, and on Compare the
// comparison) refuse, so nothing invalid leaves the program; correcting the
// field, or resetting, ends it.
func TestInvalidFieldNeverGivesAVerdict(t *testing.T) {
	for _, tc := range []struct {
		name  string
		field string
		text  string
		label string
	}{
		{"pot in words", plan.FieldPot, "1 billion", "Pot"},
		{"pot not money", plan.FieldPot, "abc", "Pot"},
		{"profile short of 100%", plan.FieldProfile, "50%, 30%, 10%", "Repayment: profile"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			hs := newHarness(t, embedded(t), Options{}, 80, 24)
			editPot(hs, "£900m") // the last valid scenario: a £900m pot
			editField(hs, tc.field, tc.text)
			mustContain(t, hs.screen(), "✗")
			mustContain(t, hs.editor().View(), "Last valid (not as typed)")

			for _, k := range []string{"1", "2", "3", "4", "5"} {
				hs.keys(k)
				if top := bodyTop(hs); !strings.Contains(top, "✗ INVALID FIELD ("+tc.label+")") {
					t.Errorf("screen %s does not open its body with the banner:\n%s", k, hs.screen())
				}
				mustContain(t, flat(hs.screen()), "the figures of the last valid scenario", "(edited, invalid)")
			}
			hs.keys("1")
			mustContain(t, hs.screen(), "£900.0m") // the last valid analysis, marked as such
			hs.keys("2")
			mustContain(t, hs.screen(), "Total, all 42")
			hs.keys("5")
			mustContain(t, hs.screen(), "▶ last valid")

			hs.out.Reset()
			for _, keys := range [][]string{{"1", "y"}, {"1", "w"}, {"1", "e"}, {"5", "e"}, {"2", "e"}} {
				hs.keys(keys...)
				if !strings.Contains(hs.m.status, "invalid field ("+tc.label+")") || !strings.Contains(hs.m.status, "nothing invalid leaves icsplan") {
					t.Errorf("%v: status %q does not refuse", keys, hs.m.status)
				}
			}
			if hs.out.Len() != 0 {
				t.Errorf("something was sent to the clipboard: %q", hs.out.String())
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("files were written: %v", entries)
			}
			hs.keys("4", "ctrl+s")
			mustContain(t, hs.m.status, "Not saved")

			// Reset ends it: the banner goes, and the figures are the scenario's.
			hs.keys("4", "ctrl+r", "1")
			mustNotContain(t, hs.screen(), "INVALID FIELD", "(edited")
			mustContain(t, hs.screen(), "£700.0m")
			hs.keys("y")
			mustContain(t, hs.m.status, "Sent the email summary")
		})
	}
}

// TestCorrectingTheFieldEndsTheBanner: typing a valid value again brings
// the figures back to what is typed. Typed a key at a time, "1 billion"
// passes through "1", a valid pot of £1: the banner says that is what the
// figures are.
func TestCorrectingTheFieldEndsTheBanner(t *testing.T) {
	hs := open(t)
	editPot(hs, "1 billion")
	hs.keys("1")
	mustContain(t, bodyTop(hs), "INVALID FIELD (Pot)")
	mustContain(t, flat(hs.screen()), "last valid scenario (Pot £1), not of what is typed")
	editPot(hs, "£800m")
	hs.keys("1")
	mustNotContain(t, hs.screen(), "INVALID FIELD", "last valid")
	mustContain(t, hs.screen(), "£800.0m", "(edited)")
}

// TestFailedAnalysisIsMarkedToo: a valid scenario whose analysis fails
// keeps the last good analysis, marked in the body, and y refuses.
func TestFailedAnalysisIsMarkedToo(t *testing.T) {
	hs := open(t)
	hs.send(resultMsg{seq: hs.m.job.seq + 1, yi: hs.m.yi, si: hs.m.si, ri: hs.m.ri, err: os.ErrInvalid})
	hs.m.job.seq++ // as if the analysis had been started
	hs.send(resultMsg{seq: hs.m.job.seq, yi: hs.m.yi, si: hs.m.si, ri: hs.m.ri, err: os.ErrInvalid})
	mustContain(t, bodyTop(hs), "COULD NOT BE ANALYSED")
	hs.keys("y")
	mustContain(t, hs.m.status, "Not copied: the edited scenario could not be analysed")
}
