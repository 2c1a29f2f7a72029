package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// hostile names carry escape sequences (SGR, OSC 52 clipboard, window
// title), CR, BS, a C1 CSI, bidi overrides and isolates, zero-width
// characters, a BOM, NUL and invalid UTF-8.
var hostile = []string{
	"\x1b[31mRed\x1b[0m name",
	"\x1b]52;c;aGFja2Vk\x07clip",
	"\x1b]0;title\x1b\\ title",
	"Over\rwrite",
	"Back\bspace",
	"C1\u009b31mCSI",
	"bidi\u202eesrever\u202c",
	"iso\u2066late\u2069",
	"zero\u200bwidth\ufeff",
	"nul\x00byte",
	"bad\xff\xfeutf8",
	"bell\x07 and del\x7f",
}

// forbidden must never reach the terminal from data: with colour off the
// program emits no escape sequence at all, so ESC itself is forbidden.
var forbidden = []string{"\x1b", "\r", "\b", "\u009b", "\u202e", "\u202c", "\u2066", "\u2069", "\u200b", "\ufeff", "\x00", "\x07", "\x7f", "]52;"}

func TestHostileTextNeverReachesView(t *testing.T) {
	lib := embedded(t)
	y := &lib.Years[0]
	lib.Root = hostile[2]
	y.Dataset.Path = hostile[1] + "/systems.csv"
	for i := range y.Dataset.Systems {
		s := &y.Dataset.Systems[i]
		h := hostile[i%len(hostile)]
		s.Name = h
		s.Region = hostile[(i+3)%len(hostile)]
		s.Source = "illustrative " + hostile[(i+5)%len(hostile)]
		if i < 3 {
			s.Code = hostile[i] // codes are untrusted too
		}
	}
	for i := range y.Scenarios {
		y.Scenarios[i].Title = hostile[i] + " title"
		y.Scenarios[i].Note = hostile[i+4] + " note"
		y.Scenarios[i].Name = hostile[i+1]
	}
	for _, size := range [][2]int{{80, 24}, {160, 60}} {
		hs := newHarness(t, lib, Options{}, size[0], size[1])
		check := func(where string) {
			t.Helper()
			v := hs.m.View()
			for _, f := range forbidden {
				if strings.Contains(v, f) {
					t.Fatalf("%s at %dx%d: view contains %q:\n%q", where, size[0], size[1], f, v)
				}
			}
			checkLayout(t, v, size[0], size[1])
		}
		check("overview")
		hs.keys("G")
		check("overview, bottom")
		hs.keys("2")
		check("systems")
		for i := range len(y.Dataset.Systems) {
			hs.keys("enter")
			check("explanation")
			hs.keys("G")
			check("explanation, bottom")
			hs.keys("esc", "down")
			_ = i
		}
		hs.keys("/", "r", "e", "d")
		check("systems, filtering")
		hs.keys("esc", "3")
		check("repayments")
		hs.keys("4")
		check("scenario")
		hs.keys("5")
		check("compare")
		hs.keys("n")
		check("next scenario")
	}
}

func TestSafe(t *testing.T) {
	for _, h := range hostile {
		got := safe(h)
		for _, f := range forbidden {
			if strings.Contains(got, f) {
				t.Errorf("safe(%q) = %q, still has %q", h, got, f)
			}
		}
	}
	if got := safe("Bedfordshire, Luton and Milton Keynes — £50m"); got != "Bedfordshire, Luton and Milton Keynes — £50m" {
		t.Errorf("plain text changed: %q", got)
	}
}

// TestNoColourMeansNoEscapes: with colour off, no frame carries an escape
// sequence, even with the process-wide lipgloss profile forced to true
// colour (as it would be on a colour terminal) and text fields focused.
func TestNoColourMeansNoEscapes(t *testing.T) {
	old := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(old)
	hs := newHarness(t, embedded(t), Options{Colour: false}, 100, 30)
	for _, keys := range [][]string{nil, {"?"}, {"?", "2"}, {"/", "l", "o"}, {"esc", "enter"}, {"esc", "3"}, {"4", "enter"}, {"esc", "5"}} {
		hs.keys(keys...)
		if v := hs.m.View(); strings.Contains(v, "\x1b") {
			t.Fatalf("after %q: escape sequence with colour off:\n%q", keys, v)
		}
	}
}
