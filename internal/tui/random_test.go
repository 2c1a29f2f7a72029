package tui

import (
	"math/rand/v2"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestRandomKeys presses thousands of random keys, with random resizes, and
// checks that nothing panics and every frame fits the window exactly.
func TestRandomKeys(t *testing.T) {
	keys := []string{"tab", "shift+tab", "1", "2", "3", "4", "5", "[", "]", "<", ">", "n", "p", "?",
		"up", "down", "left", "right", "pgup", "pgdown", "home", "end", "g", "G", "j", "k", "h", "l", "f", "b", " ",
		"s", "S", "/", "esc", "enter", "backspace", "ctrl+u", "ctrl+r", "a", "0", "%", "£", "m", ",", "."}
	sizes := [][2]int{{80, 24}, {100, 30}, {120, 40}, {81, 25}, {200, 50}, {60, 15}, {80, 23}}
	r := rand.New(rand.NewPCG(1, 2))
	hs := newHarness(t, embedded(t), Options{}, 80, 24)
	w, h := 80, 24
	for i := range 3000 {
		if r.IntN(50) == 0 {
			sz := sizes[r.IntN(len(sizes))]
			w, h = sz[0], sz[1]
			hs.send(tea.WindowSizeMsg{Width: w, Height: h})
		} else {
			k := keys[r.IntN(len(keys))]
			if k == "q" || k == "ctrl+c" {
				continue
			}
			hs.keys(k)
		}
		frame := hs.screen()
		lines := 0
		for _, c := range frame {
			if c == '\n' {
				lines++
			}
		}
		if lines+1 != h {
			t.Fatalf("step %d: frame has %d lines at %dx%d:\n%s", i, lines+1, w, h, frame)
		}
		checkLayout(t, frame, w, h)
		if t.Failed() {
			t.Fatalf("step %d:\n%s", i, frame)
		}
	}
}
