package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// scroller keeps the top line of a scrollable body.
type scroller struct{ off int }

// update scrolls by the key, given the total number of lines and the height
// shown; it reports whether the key was a scrolling key.
func (s *scroller) update(k *keyMap, msg tea.KeyMsg, total, h int) bool {
	switch {
	case key.Matches(msg, k.Up):
		s.off--
	case key.Matches(msg, k.Down):
		s.off++
	case key.Matches(msg, k.PageUp):
		s.off -= max(1, h-1)
	case key.Matches(msg, k.PageDown):
		s.off += max(1, h-1)
	case key.Matches(msg, k.Top):
		s.off = 0
	case key.Matches(msg, k.Bottom):
		s.off = total
	default:
		return false
	}
	s.clamp(total, h)
	return true
}

// viewH is how many content lines fit in h when total lines are shown: one
// line goes to the position marker when they do not all fit.
func viewH(total, h int) int {
	if total > h && h > 1 {
		return h - 1
	}
	return h
}

func (s *scroller) clamp(total, h int) {
	s.off = min(s.off, total-viewH(total, h))
	s.off = max(s.off, 0)
}

// window returns the lines shown, with a position marker on the last line
// when there is more above or below.
func (s scroller) window(lines []string, w, h int) string {
	s.clamp(len(lines), h)
	end := min(len(lines), s.off+viewH(len(lines), h))
	shown := append([]string(nil), lines[s.off:end]...)
	if len(lines) > h && h > 1 {
		more := fmt.Sprintf("── lines %d–%d of %d · ↑/↓ pgup/pgdn to scroll ", s.off+1, end, len(lines))
		shown = append(shown, more+strings.Repeat("─", max(0, w-ansi.StringWidth(more))))
	}
	return fitLines(shown, w, h)
}
