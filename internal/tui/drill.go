package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// table is a screen of rows that can be explained step by step (Systems
// today). It does not handle enter itself: drill asks it for the page of
// the row under the cursor.
type table interface {
	screen
	// Explain returns the explanation of the row under the cursor; false when
	// there is no row.
	Explain() (page, bool)
}

// page is a step-by-step explanation of one row, drawn from the current
// analysis each time, so that it follows edits to the scenario.
type page interface {
	// Lines renders the page at width w.
	Lines(c *common, w int) []string
	// Valid reports whether what the page explains is still in the current
	// analysis; the page closes when it is not.
	Valid(cur *current) bool
}

// refresher is a page that keeps figures derived from the analysis (a
// rerun it asked for): drill calls Refresh when the page opens and after
// each new analysis, so that View only draws.
type refresher interface {
	Refresh(c *common)
}

// refresh refreshes p if it keeps figures of its own.
func (d *drill) refresh() {
	if rf, ok := d.page.(refresher); ok {
		rf.Refresh(&d.common)
	}
}

// drill is a table's tab: the table, and after enter on a row the row's
// explanation, which scrolls; esc or backspace goes back to the table. It
// closes when the year or scenario changes, or when its row is gone from a
// new analysis. To give a new table this, wrap it: newDrill(c, t, "explain
// year").
type drill struct {
	common
	table  table
	open   key.Binding // enter, with the table's own help text
	page   page        // nil while the table shows
	scroll scroller
}

// newDrill wraps t; what is the help text of enter ("explain system").
func newDrill(c common, t table, what string) *drill {
	open := c.keys.Open
	open.SetHelp("enter", what)
	return &drill{common: c, table: t, open: open}
}

// Title is the table's title.
func (d *drill) Title() string { return d.table.Title() }

// Capturing reports whether the table's text field has the keyboard.
func (d *drill) Capturing() bool { return d.page == nil && d.table.Capturing() }

// SetSize sizes the page and the table.
func (d *drill) SetSize(w, h int) {
	d.common.SetSize(w, h)
	d.table.SetSize(w, h)
}

// ShortHelp is back and scrolling on a page, or enter and the table's keys.
func (d *drill) ShortHelp() []key.Binding {
	if d.page != nil {
		short, _ := d.keys.scrollKeys()
		return append([]key.Binding{d.keys.Back}, short...)
	}
	if d.table.Capturing() {
		return d.table.ShortHelp()
	}
	return append([]key.Binding{d.open}, d.table.ShortHelp()...)
}

// FullHelp is ShortHelp in columns: the screen's own keys, then scrolling.
func (d *drill) FullHelp() [][]key.Binding {
	if d.page != nil {
		_, full := d.keys.scrollKeys()
		return [][]key.Binding{{d.keys.Back}, full}
	}
	cols := d.table.FullHelp()
	if d.table.Capturing() {
		return cols
	}
	if len(cols) == 0 {
		return [][]key.Binding{{d.open}}
	}
	own := append([]key.Binding{d.open}, cols[0]...)
	return append([][]key.Binding{own}, cols[1:]...)
}

// Update opens, scrolls and closes the page; everything else goes to the
// table.
func (d *drill) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case d.page != nil && key.Matches(msg, d.keys.Back):
			d.page = nil
			return d, nil
		case d.page != nil:
			d.scroll.update(&d.keys, msg, len(d.page.Lines(&d.common, d.width)), d.height)
			return d, nil
		case !d.table.Capturing() && key.Matches(msg, d.open):
			if p, ok := d.table.Explain(); ok {
				d.page, d.scroll = p, scroller{}
				d.refresh()
			}
			return d, nil
		}
	case changedMsg:
		if d.page != nil && (msg.switched || !d.page.Valid(&d.cur)) {
			d.page = nil
		}
		if d.page != nil && msg.result {
			d.refresh()
		}
	}
	s, cmd := d.table.Update(msg)
	if t, ok := s.(table); ok {
		d.table = t
	}
	return d, cmd
}

// View draws the page, or the table.
func (d *drill) View() string {
	if d.page != nil {
		return d.scroll.window(d.page.Lines(&d.common, d.width), d.width, d.height)
	}
	return d.table.View()
}
