package tui

import (
	"context"
	"fmt"

	"icsplan/internal/analysis"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// compareScreen puts every scenario of the year side by side, one column
// each; ←/→ scroll when they do not all fit. It analyses the year's
// scenarios itself, only once it is opened (and again, when open, after the
// year changes): nothing is spent on it at start-up.
type compareScreen struct {
	common
	off     int      // first scenario column shown
	scroll  scroller // over the rows
	focused bool

	job     job            // the year's analyses
	year    int            // year entries belong to, or is being analysed for; -1 for none
	entries []compareEntry // one per scenario of year, once analysed
}

// compareEntry is one scenario's analysis for the Compare screen.
type compareEntry struct {
	res analysis.Result
	err error
}

// compareMsg carries the analyses of every scenario of year yi.
type compareMsg struct {
	seq     int
	ctx     context.Context
	yi      int
	entries []compareEntry
}

func newCompare(c common) screen { return &compareScreen{common: c, year: -1} }

// Title is the tab's title.
func (c *compareScreen) Title() string { return "Compare" }

// Capturing is always false: the screen has no text field.
func (c *compareScreen) Capturing() bool { return false }

// ShortHelp lists ←/→ and ↑/↓.
func (c *compareScreen) ShortHelp() []key.Binding {
	short, _ := c.keys.scrollKeys()
	return append([]key.Binding{c.keys.Earlier, c.keys.Later}, short...)
}

// FullHelp lists ←/→ and the scrolling keys.
func (c *compareScreen) FullHelp() [][]key.Binding {
	_, full := c.keys.scrollKeys()
	return [][]key.Binding{{c.keys.Earlier, c.keys.Later}, full}
}

const compareLabelW = 26

// compareCols sizes the scenario columns: 18 to 30 cells, as many as fit.
func compareCols(w, n int) (colW, fit int) {
	colW = max(18, min(30, (w-compareLabelW)/max(1, n)))
	fit = max(1, (w-compareLabelW)/colW)
	return colW, fit
}

// Update scrolls, starts the year's analyses when the screen is opened and
// takes their results.
func (c *compareScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case focusMsg:
		c.focused = msg.focused
		return c, c.analyseYear()
	case changedMsg:
		if msg.year {
			c.job.cancelAll()
			c.year, c.entries = -1, nil
			return c, c.analyseYear()
		}
	case compareMsg:
		if msg.yi == c.year && c.job.take(msg.seq, msg.ctx) {
			c.entries = msg.entries
		}
	case quitMsg:
		c.job.cancelAll()
	case tea.KeyMsg:
		n := len(c.cur.year.Scenarios)
		_, fit := compareCols(c.width, n)
		switch {
		case key.Matches(msg, c.keys.Earlier):
			c.off--
		case key.Matches(msg, c.keys.Later):
			c.off++
		default:
			c.scroll.update(&c.keys, msg, len(c.lines()), c.height)
		}
		c.off = max(0, min(c.off, n-fit))
	}
	return c, nil
}

// analyseYear starts analysing every scenario of the current year (as
// loaded, with the command line's overrides) if the screen is open and
// they are not analysed or being analysed already.
func (c *compareScreen) analyseYear() tea.Cmd {
	if !c.focused || c.cur.years == 0 || c.year == c.cur.yi {
		return nil
	}
	seq, ctx := c.job.start()
	c.year = c.cur.yi
	yi, y, ov, an := c.cur.yi, c.cur.year, c.override, c.analyse
	return func() tea.Msg {
		entries := make([]compareEntry, len(y.Scenarios))
		for i, sc := range y.Scenarios {
			if ctx.Err() != nil {
				break
			}
			entries[i].res, entries[i].err = an(ctx, y.Dataset, ov(sc))
		}
		return compareMsg{seq: seq, ctx: ctx, yi: yi, entries: entries}
	}
}

// columns are the columns of every scenario of the year: the working
// analysis for the current scenario, so that edits show here too (marked
// as the last valid one while a field is invalid).
func (c *compareScreen) columns() []compareCol {
	cur := &c.cur
	cols := make([]compareCol, len(cur.year.Scenarios))
	for i := range cols {
		cols[i].name = safe(cur.year.Scenarios[i].Name)
		switch {
		case i == cur.si && cur.hasRes:
			cols[i].res, cols[i].ok = cur.res, true
		case c.year == cur.yi && i < len(c.entries):
			cols[i].res, cols[i].err, cols[i].ok = c.entries[i].res, c.entries[i].err, c.entries[i].err == nil
		}
		if i == cur.si {
			cols[i].open = "▶ open"
			switch {
			case cur.stale():
				cols[i].open = "▶ last valid"
			case cur.edited:
				cols[i].open = "▶ open, edited"
			}
		}
	}
	return cols
}

// lines are the whole comparison as the screen draws it: every row, the
// columns from off that fit.
func (c *compareScreen) lines() []string {
	st := &c.st
	w := c.width
	y := c.cur.year
	n := len(y.Scenarios)
	colW, fit := compareCols(w, n)
	off := max(0, min(c.off, n-fit))
	end := min(n, off+fit)
	cols := c.columns()
	table := compareTable(cols)

	title := fmt.Sprintf("%s: %d scenario(s) side by side", y.Label, n)
	if n > fit {
		title += fmt.Sprintf(" · showing %d–%d (←/→ for more)", off+1, end)
	}
	lines := []string{st.heading.Render(trunc(title, w))}
	rows := compareRows()
	for r, cells := range table {
		line := padRight(cells[0], compareLabelW)
		for i := off; i < end; i++ {
			v := trunc(cells[i+1], colW-1)
			if r >= 2 && rows[r-2].verdict && cols[i].ok {
				v = st.verdictText(cols[i].res.Verdict.Label).Render(v)
			}
			line += padRight(v, colW)
		}
		if r < 2 {
			line = st.header.Render(line)
		}
		lines = append(lines, trunc(line, w))
	}
	lines = append(lines, st.dim.Render(trunc("▶ the scenario open in the other screens (< > switch) · e exports the comparison", w)))
	for i := off; i < end; i++ {
		if cols[i].err != nil {
			lines = append(lines, trunc(st.errorText.Render(fmt.Sprintf("✗ %s: %s", cols[i].name, safe(firstLine(cols[i].err.Error())))), w))
		}
	}
	return lines
}

// View draws the rows and columns that fit.
func (c *compareScreen) View() string { return c.scroll.window(c.lines(), c.width, c.height) }

// Export is the comparison of every scenario of the year as a text file
// (compareText): refused until every column is analysed.
func (c *compareScreen) Export() (stem, text string, err error) {
	y := c.cur.year
	cols := c.columns()
	var notes []string
	for _, col := range cols {
		switch {
		case col.err != nil:
			notes = append(notes, fmt.Sprintf("%s: not analysed: %s", col.name, safe(firstLine(col.err.Error()))))
		case !col.ok:
			return "", "", fmt.Errorf("the scenarios are still being analysed: open Compare and wait for every column")
		}
	}
	if c.cur.edited {
		notes = append(notes, fmt.Sprintf("▶ %s, with the edits made in icsplan on %s.",
			safe(scenarioTitle(c.cur.base)), c.now().Format("2006-01-02")))
	}
	notes = append(notes, "£m figures rounded to £0.1m; the groups' cash adds up to the allocated total; per-head figures are rounded alone.")
	title := fmt.Sprintf("icsplan · %s · %d scenario(s) compared, from %s", y.Label, len(cols), safe(y.Dataset.Path))
	return "icsplan-" + yearStem(y) + "-comparison", compareText(title, compareTable(cols), notes), nil
}
