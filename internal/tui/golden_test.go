package tui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// updating reports whether -update was given. The flag itself is defined by
// github.com/charmbracelet/x/exp/golden, which teatest imports; defining it
// here too would panic.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// checkGolden compares got with testdata/name.golden, or rewrites it with
// -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/tui -run Golden -update to create it)", err)
	}
	if got == string(want) {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs from the golden file at line %d:\n got: %q\nwant: %q\n\nwhole screen:\n%s\n(run with -update if the change is intended)", path, i+1, g, w, got)
		}
	}
}

// TestGoldenScreens renders every screen of the shipped 2023/24 plans at
// 80×24 and 120×40, ANSI stripped.
func TestGoldenScreens(t *testing.T) {
	humber := []string{"R", "2", "/", "H", "u", "m", "b", "e", "r", "enter", "enter"}
	screens := []struct {
		name string
		keys []string
	}{
		{"overview", nil},
		{"overview-help", []string{"?"}},
		{"systems", []string{"2"}},
		{"systems-sorted-filtered", []string{"2", "s", "s", "s", "s", "s", "s", "S", "/", "l", "o", "n", "enter"}},
		{"explain", []string{"2", "down", "down", "down", "enter"}},
		{"explain-balanced", []string{"2", "enter", "G"}},
		{"explain-water-filling", []string{"4", "down", "down", "down", "right", "2", "down", "down", "down", "down", "enter", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down"}},
		{"repayments", []string{"3"}},
		{"scenario", []string{"4"}},
		{"compare", []string{"5"}},
		// STF 2016/17 (the last regime by name) on Humber and North
		// Yorkshire: a tranche on the outturn it passed, others' forfeits and
		// a bonus on its improvement; then the effective grant written out.
		{"explain-regime-tranches", append(humber, "f")},
		{"explain-regime-grant", append(humber, "G")},
		{"incentives", []string{"6"}},
		{"incentives-terms", []string{"6", "G"}},
		{"incentives-strategy", []string{"6", "pgdown", "down", "down", "enter"}},
		// RAB (the last but one): deductions over four years and a bonus.
		{"repayments-regime", []string{"R", "R", "3"}},
		// STF's tranches and its consequence on the Scenario screen, the
		// cursor on the consequence's last field.
		{"scenario-regime", []string{"R", "4", "G"}},
		// PDC 2020 (the fifth regime) with the consequence c adds, an
		// overspend deducted the year after: dividends and deductions.
		{"repayments-pdc-deduction", []string{"r", "r", "r", "r", "r", "4", "c", "3"}},
		// The regimes side by side, STF's column scrolled into view and open;
		// then down to the verdicts.
		{"compare-regimes", []string{"R", "5", "v", "right", "right", "right", "right", "right"}},
		{"compare-regimes-verdicts", []string{"R", "5", "v", "right", "right", "right", "right", "right", "G"}},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range screens {
			name := fmt.Sprintf("%s-%dx%d", sc.name, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				hs := newHarness(t, embedded(t), Options{}, size[0], size[1])
				hs.keys(sc.keys...)
				got := hs.screen()
				checkLayout(t, got, size[0], size[1])
				checkGolden(t, name, got)
			})
		}
	}
}

// TestGoldenYears renders the Years screen of every shipped year (the other
// screens' goldens are of 2023/24 and 2024/25 alone), opened on the latest
// as icsplan is, at 80×24 and 120×40: the top, the systems table at its
// end, and a system's history.
func TestGoldenYears(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{"years", []string{"7"}},
		{"years-systems", []string{"7", "G"}},
		{"years-history", []string{"7", "G", "up", "up", "enter"}},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range screens {
			name := fmt.Sprintf("%s-%dx%d", sc.name, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				lib := embeddedAll(t)
				hs := newHarness(t, lib, Options{Year: len(lib.Years) - 1}, size[0], size[1]) // the latest, as icsplan opens
				hs.keys(sc.keys...)
				got := hs.screen()
				checkLayout(t, got, size[0], size[1])
				checkGolden(t, name, got)
			})
		}
	}
}

// TestGoldenTooSmall is the message below 80×24.
func TestGoldenTooSmall(t *testing.T) {
	hs := newHarness(t, embedded(t), Options{}, 60, 15)
	got := hs.screen()
	checkLayout(t, got, 60, 15)
	checkGolden(t, "too-small-60x15", got)
}

// checkLayout fails if a frame is not exactly h lines of at most w cells.
func checkLayout(t *testing.T, frame string, w, h int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) != h {
		t.Errorf("frame has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if n := cellWidth(l); n > w {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i+1, n, w, l)
		}
	}
}
