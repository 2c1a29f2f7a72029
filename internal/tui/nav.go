package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// navDoc is a scrolling document with rows the cursor can rest on (a
// table's rows, a figure with more behind it), for a screen that reads top
// to bottom and opens a row with enter (Years, Incentives). ↑↓ move the
// cursor to the next row while that row is on screen or just past its
// edge, and scroll the document one line otherwise, so that the text
// between tables is read by the same keys; pgup/pgdn and g/G scroll by a
// page and to the ends. The cursor is always on screen or on no row: a row
// scrolled out of view is let go, so enter never opens what cannot be
// seen.
//
// A row's line starts with one blank cell, where the cursor draws its
// marker (›), so the selection never shows by colour alone; rows are plain
// text, drawn reversed under the cursor.
type navDoc struct {
	lines  []string
	rows   []int // line index of each row, ascending
	scroll scroller
	cur    int // index into rows; -1 for none
}

// set replaces the document, selecting row keep (-1 for none).
func (n *navDoc) set(lines []string, rows []int, keep int) {
	n.lines, n.rows = lines, rows
	n.cur = -1
	if keep >= 0 && keep < len(rows) {
		n.cur = keep
	}
}

// selected is the index of the row under the cursor, or -1.
func (n *navDoc) selected() int { return n.cur }

// visible reports whether line i is on screen at height h.
func (n *navDoc) visible(i, h int) bool {
	vh := viewH(len(n.lines), h)
	return i >= n.scroll.off && i < n.scroll.off+vh
}

// show scrolls the least that puts line i on screen at height h.
func (n *navDoc) show(i, h int) {
	vh := viewH(len(n.lines), h)
	if i < n.scroll.off {
		n.scroll.off = i
	}
	if i >= n.scroll.off+vh {
		n.scroll.off = i - vh + 1
	}
	n.scroll.clamp(len(n.lines), h)
}

// letGo drops the selection if its row has left the screen.
func (n *navDoc) letGo(h int) {
	if n.cur >= 0 && !n.visible(n.rows[n.cur], h) {
		n.cur = -1
	}
}

// firstShown and lastShown are the first and last rows on screen, or -1.
func (n *navDoc) firstShown(h int) int {
	for r, i := range n.rows {
		if n.visible(i, h) {
			return r
		}
	}
	return -1
}

func (n *navDoc) lastShown(h int) int {
	for r := len(n.rows) - 1; r >= 0; r-- {
		if n.visible(n.rows[r], h) {
			return r
		}
	}
	return -1
}

// key moves or scrolls by a key at height h; it reports whether the key
// was one of navDoc's.
func (n *navDoc) key(k *keyMap, msg tea.KeyMsg, h int) bool {
	total := len(n.lines)
	vh := viewH(total, h)
	switch {
	case key.Matches(msg, k.Down):
		n.step(1, h)
	case key.Matches(msg, k.Up):
		n.step(-1, h)
	case key.Matches(msg, k.PageDown):
		n.scroll.off += max(1, vh-1)
		n.scroll.clamp(total, h)
		if n.letGo(h); n.cur < 0 {
			n.cur = n.firstShown(h)
		}
	case key.Matches(msg, k.PageUp):
		n.scroll.off -= max(1, vh-1)
		n.scroll.clamp(total, h)
		if n.letGo(h); n.cur < 0 {
			n.cur = n.lastShown(h)
		}
	case key.Matches(msg, k.Top):
		n.scroll.off, n.cur = 0, -1
	case key.Matches(msg, k.Bottom):
		n.scroll.off = total
		n.scroll.clamp(total, h)
		n.cur = n.lastShown(h)
	default:
		return false
	}
	return true
}

// step moves the cursor one row in direction d (1 down, -1 up) if the
// next row is on screen or one line past its edge, and otherwise scrolls
// one line.
func (n *navDoc) step(d, h int) {
	next := -1
	switch {
	case n.cur >= 0:
		next = n.cur + d
	case d > 0:
		next = n.firstFrom(n.scroll.off)
	default:
		next = n.lastBefore(n.scroll.off + viewH(len(n.lines), h))
	}
	if next >= 0 && next < len(n.rows) {
		i := n.rows[next]
		if n.visible(i, h) || n.visible(i-d, h) {
			n.cur = next
			n.show(i, h)
			return
		}
	}
	n.scroll.off += d
	n.scroll.clamp(len(n.lines), h)
	n.letGo(h)
}

// firstFrom is the first row at or after line i; lastBefore the last row
// before line i; -1 when there is none.
func (n *navDoc) firstFrom(i int) int {
	for r, l := range n.rows {
		if l >= i {
			return r
		}
	}
	return -1
}

func (n *navDoc) lastBefore(i int) int {
	for r := len(n.rows) - 1; r >= 0; r-- {
		if n.rows[r] < i {
			return r
		}
	}
	return -1
}

// view draws the lines on screen at w×h, the row under the cursor marked
// and reversed, with scroller's position marker when they do not all fit.
func (n *navDoc) view(st *styles, w, h int) string {
	lines := n.lines
	if n.cur >= 0 && n.cur < len(n.rows) {
		i := n.rows[n.cur]
		lines = append([]string(nil), lines...)
		rest := []rune(lines[i])
		if len(rest) > 0 {
			rest = rest[1:]
		}
		lines[i] = "›" + st.selected.Render(trunc(string(rest), w-1))
	}
	return n.scroll.window(lines, w, h)
}

// navBuilder collects a navDoc's lines and the page each row opens.
type navBuilder struct {
	lines []string
	rows  []int
	pages []page
}

// add appends plain lines.
func (b *navBuilder) add(lines ...string) { b.lines = append(b.lines, lines...) }

// para appends s word-wrapped to w cells.
func (b *navBuilder) para(s string, w int) { b.add(wrap(s, w)...) }

// row appends a row (plain text after its blank first cell) that opens p.
func (b *navBuilder) row(line string, p page) {
	b.rows = append(b.rows, len(b.lines))
	b.pages = append(b.pages, p)
	b.add(" " + line)
}
