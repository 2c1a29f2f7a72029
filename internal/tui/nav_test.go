package tui

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
)

// navFixture is a document of n lines with rows at the given lines.
func navFixture(n int, rows ...int) *navDoc {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf(" line %d", i)
	}
	d := &navDoc{cur: -1}
	d.set(lines, rows, -1)
	return d
}

// TestNavDocSteps: ↓ and ↑ move between rows on screen or one line past
// its edge, and otherwise scroll a line, letting go of a row scrolled away.
func TestNavDocSteps(t *testing.T) {
	k := newKeyMap(1)
	// 30 lines at height 10: 9 lines shown and the position marker.
	d := navFixture(30, 2, 3, 20, 21, 29)
	type want struct{ off, cur int }
	down, up := keyMsg("down"), keyMsg("up")
	steps := []struct {
		key  string
		want want
	}{
		{"down", want{0, 0}}, // line 2 is on screen
		{"down", want{0, 1}}, // line 3
		{"down", want{1, 1}}, // line 20 is far below: scroll, line 3 still shown
		{"down", want{2, 1}},
		{"down", want{3, 1}},
		{"down", want{4, -1}}, // line 3 has gone: let go
	}
	for i, s := range steps {
		msg := down
		if s.key == "up" {
			msg = up
		}
		d.key(&k, msg, 10)
		if got := (want{d.scroll.off, d.cur}); got != s.want {
			t.Fatalf("step %d (%s): off, cur = %v, want %v", i+1, s.key, got, s.want)
		}
	}
	// Scroll on until line 20 is one past the bottom (off 11, lines 11–19
	// shown): the next ↓ selects it and brings it on screen.
	for d.scroll.off < 11 {
		d.key(&k, down, 10)
	}
	if d.cur != -1 {
		t.Fatalf("at off 11 a row is selected: %d", d.cur)
	}
	d.key(&k, down, 10)
	if d.cur != 2 || d.scroll.off != 12 {
		t.Fatalf("↓ one line above line 20: off, cur = %d, %d, want 12, 2", d.scroll.off, d.cur)
	}
	d.key(&k, down, 10) // line 21, on screen
	d.key(&k, up, 10)   // line 20
	d.key(&k, up, 10)   // line 3 is far above: scroll up a line, line 20 still shown
	if d.cur != 2 || d.scroll.off != 12 {
		t.Fatalf("↑ from line 20: off, cur = %d, %d, want 12, 2", d.scroll.off, d.cur)
	}
	d.key(&k, keyMsg("G"), 10)
	if d.cur != 4 || d.scroll.off != 21 {
		t.Fatalf("G: off, cur = %d, %d, want 21, 4", d.scroll.off, d.cur)
	}
	d.key(&k, keyMsg("g"), 10)
	if d.cur != -1 || d.scroll.off != 0 {
		t.Fatalf("g: off, cur = %d, %d, want 0, -1", d.scroll.off, d.cur)
	}
	d.key(&k, keyMsg("pgdown"), 10) // lines 8–16: no row, none selected
	if d.cur != -1 || d.scroll.off != 8 {
		t.Fatalf("pgdn: off, cur = %d, %d, want 8, -1", d.scroll.off, d.cur)
	}
	d.key(&k, keyMsg("pgdown"), 10) // lines 16–24: line 20 is the first row shown
	if d.cur != 2 || d.scroll.off != 16 {
		t.Fatalf("pgdn: off, cur = %d, %d, want 16, 2", d.scroll.off, d.cur)
	}
	d.key(&k, keyMsg("pgup"), 10) // lines 8–16 again: nothing to select
	if d.cur != -1 || d.scroll.off != 8 {
		t.Fatalf("pgup: off, cur = %d, %d, want 8, -1", d.scroll.off, d.cur)
	}
}

// TestNavDocCursorShown: whatever the keys, the cursor is on a row on
// screen or on none, and the window stays in the document.
func TestNavDocCursorShown(t *testing.T) {
	k := newKeyMap(1)
	keys := []string{"down", "up", "pgdown", "pgup", "g", "G"}
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		n := 1 + r.IntN(60)
		var rows []int
		for i := range n {
			if r.IntN(3) == 0 {
				rows = append(rows, i)
			}
		}
		d := navFixture(n, rows...)
		h := 2 + r.IntN(20)
		for step := range 100 {
			name := keys[r.IntN(len(keys))]
			d.key(&k, keyMsg(name), h)
			if d.cur >= 0 && (d.cur >= len(rows) || !d.visible(rows[d.cur], h)) {
				t.Fatalf("trial %d step %d (%s): row %d selected off screen (off %d, h %d)", trial, step, name, d.cur, d.scroll.off, h)
			}
			if d.scroll.off < 0 || d.scroll.off > max(0, n-viewH(n, h)) {
				t.Fatalf("trial %d step %d: off %d out of range for %d lines at %d", trial, step, d.scroll.off, n, h)
			}
		}
	}
}

// TestNavDocView marks the row under the cursor with › as well as colour.
func TestNavDocView(t *testing.T) {
	k := newKeyMap(1)
	d := navFixture(3, 1)
	d.key(&k, keyMsg("down"), 5)
	st := newStyles(&bytes.Buffer{}, false)
	if got, want := d.view(&st, 20, 3), " line 0\n›line 1\n line 2"; got != want {
		t.Fatalf("view = %q, want %q", got, want)
	}
}
