package tui

import (
	"strings"
	"testing"
)

// TestOneIllustrativeMark: illustrative rows are marked †, as in the
// reports, on every screen that marks rows, each with its legend; no
// screen marks them *.
func TestOneIllustrativeMark(t *testing.T) {
	hs := newHarness(t, embedded(t), Options{}, 120, 40)
	screens := map[string]string{}
	for _, k := range []string{"1", "2", "3", "4", "5"} {
		hs.keys(k)
		screens[k] = hs.screen()
	}
	mustContain(t, screens["2"], "›†QHG ", " †QUE ", "† illustrative")
	mustContain(t, screens["3"], " †QMM ", "† illustrative figures")
	hs.keys("1", "G")
	mustContain(t, hs.screen(), "31 with illustrative figures (marked †)")
	hs.keys("2", "enter")
	mustContain(t, hs.screen(), "(† illustrative figures)")
	for k, scr := range screens {
		for _, l := range strings.Split(scr, "\n") {
			if strings.Contains(l, "*") {
				t.Errorf("screen %s marks with *: %q", k, l)
			}
		}
	}
}
