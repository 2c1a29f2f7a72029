package tui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// cutFigure matches an ellipsis straight after a character of a figure, or
// straight before a digit: a number cut short ("£700,00…", "2025/…").
var cutFigure = regexp.MustCompile(`[0-9£$€.,/%]…|…[0-9]`)

// cutSign matches a figure's minus sign (a hyphen, as money is written;
// − is the operator) left at the end of a line, its figure wrapped onto
// the next.
var cutSign = regexp.MustCompile(`(^|\s)-$`)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// checkFrame fails if a frame does not fit w×h or cuts a figure.
func checkFrame(t *testing.T, what, frame string, w, h int) {
	t.Helper()
	checkLayout(t, frame, w, h)
	for i, l := range strings.Split(frame, "\n") {
		if cutFigure.MatchString(l) || cutSign.MatchString(strings.TrimRight(l, " ")) {
			t.Errorf("%s: line %d cuts a figure: %q\n%s", what, i+1, l, frame)
			return
		}
	}
}

// scrollAll checks every frame of the current screen from the top down,
// paging with pgdown until the frame stops changing.
func scrollAll(t *testing.T, hs *harness, what string, w, h int) {
	t.Helper()
	hs.keys("g")
	prev := ""
	for range 40 {
		frame := hs.screen()
		checkFrame(t, what, frame, w, h)
		if frame == prev {
			return
		}
		prev = frame
		hs.keys("pgdown")
	}
}

// TestNoFigureCutAt80x24 draws every screen of both shipped years at
// 80×24, scrolled through, with help, with an invalid field and a warning,
// and checks that every line fits and no figure is cut mid-number: every
// figure fits, or its line wraps, or the text gives way before it.
func TestNoFigureCutAt80x24(t *testing.T) {
	const w, h = 80, 24
	for _, year := range []int{0, 1} {
		hs := newHarness(t, embedded(t), Options{Year: year}, w, h)
		for _, k := range []string{"1", "3", "5"} {
			hs.keys(k)
			scrollAll(t, hs, "screen "+k, w, h)
		}
		hs.keys("1", "?")
		checkFrame(t, "help", hs.screen(), w, h)
		hs.keys("?")
		for i := range hs.m.res.Systems {
			hs.keys("2", "g")
			for range i {
				hs.keys("down")
			}
			checkFrame(t, "systems", hs.screen(), w, h)
			hs.keys("enter")
			scrollAll(t, hs, "explain "+hs.m.res.Systems[i].Code, w, h)
			hs.keys("esc")
		}
		hs.keys("4", "g")
		for range hs.editor().fields {
			checkFrame(t, "scenario", hs.screen(), w, h)
			hs.keys("down")
		}
		for _, pot := range []string{"700", "1 billion"} {
			editPot(hs, pot)
			for _, k := range []string{"1", "2", "3", "4", "5"} {
				hs.keys(k)
				scrollAll(t, hs, "pot "+pot+" screen "+k, w, h)
			}
		}
	}
}

// TestNoFigureCutUnderRegimes draws the screens of every regime of the
// library on the 2023/24 plans at 80×24, every system's explanation
// scrolled through, and checks that every line fits and no figure is cut.
func TestNoFigureCutUnderRegimes(t *testing.T) {
	const w, h = 80, 24
	hs := newHarness(t, embedded(t), Options{}, w, h)
	for range hs.m.lib.Regimes {
		hs.keys("r")
		name := hs.m.work.Name
		for _, k := range []string{"1", "3", "4", "5"} {
			hs.keys(k)
			scrollAll(t, hs, name+" screen "+k, w, h)
		}
		for i := range hs.m.res.Systems {
			hs.keys("2", "g")
			for range i {
				hs.keys("down")
			}
			hs.keys("enter")
			scrollAll(t, hs, name+" explain "+hs.m.res.Systems[i].Code, w, h)
			hs.keys("esc")
		}
		hs.keys("4", "g")
		for range hs.editor().fields {
			checkFrame(t, name+" scenario", hs.screen(), w, h)
			hs.keys("down")
		}
	}
	// The regimes side by side, every column and row.
	hs.keys("5", "v")
	for range hs.m.lib.Regimes {
		scrollAll(t, hs, "compare regimes", w, h)
		hs.keys("right")
	}
}

// TestNoFigureCutWithLongTitles: long titles and names give way before a
// figure, never through one, in the header and on Compare.
func TestNoFigureCutWithLongTitles(t *testing.T) {
	lib := embedded(t)
	y := &lib.Years[0]
	for i := range y.Scenarios {
		y.Scenarios[i].Title = "Deficit support to 2025/26 of £700,000,000.00 from NHS England at 3.5%"
		y.Scenarios[i].Name = "support-2025-26-700000000-scheme"
	}
	hs := newHarness(t, lib, Options{}, 80, 24)
	for _, k := range []string{"1", "4", "5"} {
		hs.keys(k)
		scrollAll(t, hs, "screen "+k, 80, 24)
	}
	editPot(hs, "£800m")
	hs.keys("5")
	scrollAll(t, hs, "edited compare", 80, 24)
}

func TestTruncNeverCutsAFigure(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w    int
		want string
	}{
		{"pot £700,000,000 shared", 14, "pot …"},
		{"from 2025/26 on", 10, "from …"},
		{"Deficit support, February 2024", 27, "Deficit support, February …"},
		{"deficit-support-feb-2024", 22, "deficit-support-feb…"},
		{"grant per head £19.44 vs £0.00", 24, "grant per head £19.44 v…"},
		{"grant per head £19.44 vs £0.00", 22, "grant per head …"},
		{"Bedfordshire, Luton and Milton Keynes", 20, "Bedfordshire, Luton…"},
		{"£123,456.78", 5, "…"},
		{"short", 10, "short"},
	} {
		if got := trunc(tc.in, tc.w); got != tc.want {
			t.Errorf("trunc(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
	}
}

// TestWrapKeepsTheSign: a line breaks at a space or between hyphenated
// words, never between a minus sign and its figure.
func TestWrapKeepsTheSign(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w    int
		want []string
	}{
		{"Withheld: outturn -£148,600,000.00 is below", 20, []string{"Withheld: outturn", "-£148,600,000.00 is", "below"}},
		{"a rate of -5 points", 11, []string{"a rate of", "-5 points"}},
		{"well-known words", 6, []string{"well-", "known", "words"}},
		{"held \uE000 -£5", 9, []string{"held \uE000 -", "£5"}}, // holds the stand-in: wrapped as it is
	} {
		got := wrap(tc.in, tc.w)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrap(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
	}
}
