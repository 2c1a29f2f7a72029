package tui

import (
	"context"
	"fmt"
	"strings"

	"icsplan/internal/analysis"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// compareScreen puts every scenario of the year side by side, one column
// each, or (v) every regime of the library moved to the year's plans;
// ←/→ scroll when they do not all fit. It analyses them itself, only once
// it is opened (and again, when open, after the year changes): nothing is
// spent on it at start-up.
type compareScreen struct {
	common
	off         int      // first column shown
	scroll      scroller // over the rows
	focused     bool
	showRegimes bool // the regimes side by side, not the year's scenarios

	sets [2]compareSet // the year's scenarios, and the regimes
}

// compareSet is the analyses of one kind of column.
type compareSet struct {
	job     job            // its analyses
	year    int            // year entries belong to, or are being analysed for; -1 for none
	entries []compareEntry // one per column, once analysed
}

// compareEntry is one scenario's analysis for the Compare screen.
type compareEntry struct {
	res analysis.Result
	err error
}

// compareMsg carries the analyses of every scenario (or every regime) of
// year yi.
type compareMsg struct {
	seq     int
	ctx     context.Context
	yi      int
	regimes bool
	entries []compareEntry
}

func newCompare(c common) screen {
	return &compareScreen{common: c, sets: [2]compareSet{{year: -1}, {year: -1}}}
}

// Title is the tab's title.
func (c *compareScreen) Title() string { return "Compare" }

// Capturing is always false: the screen has no text field.
func (c *compareScreen) Capturing() bool { return false }

// ShortHelp lists ←/→, v when there are regimes, and ↑/↓.
func (c *compareScreen) ShortHelp() []key.Binding {
	short, _ := c.keys.scrollKeys()
	return append(append([]key.Binding{c.keys.Earlier, c.keys.Later}, c.toggle()...), short...)
}

// FullHelp lists ←/→, v and the scrolling keys.
func (c *compareScreen) FullHelp() [][]key.Binding {
	_, full := c.keys.scrollKeys()
	return [][]key.Binding{append([]key.Binding{c.keys.Earlier, c.keys.Later}, c.toggle()...), full}
}

// toggle is v as it acts now: to the regimes, or back to the scenarios;
// none without a regime library.
func (c *compareScreen) toggle() []key.Binding {
	if len(c.regimes) == 0 {
		return nil
	}
	b := c.keys.ToggleRegimes
	if c.showRegimes {
		b.SetHelp("v", "scenarios side by side")
	}
	return []key.Binding{b}
}

const compareLabelW = 26

// compareCols sizes the scenario columns: 18 to 30 cells, as many as fit.
func compareCols(w, n int) (colW, fit int) {
	colW = max(18, min(30, (w-compareLabelW)/max(1, n)))
	fit = max(1, (w-compareLabelW)/colW)
	return colW, fit
}

// set is the analyses of the columns shown.
func (c *compareScreen) set() *compareSet {
	if c.showRegimes {
		return &c.sets[1]
	}
	return &c.sets[0]
}

// count is how many columns there are.
func (c *compareScreen) count() int {
	if c.showRegimes {
		return len(c.regimes)
	}
	return len(c.cur.year.Scenarios)
}

// Update scrolls, toggles, starts the analyses when the screen is opened
// and takes their results.
func (c *compareScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case focusMsg:
		c.focused = msg.focused
		return c, c.analyseYear()
	case changedMsg:
		if msg.year {
			for i := range c.sets {
				c.sets[i].job.cancelAll()
				c.sets[i].year, c.sets[i].entries = -1, nil
			}
			return c, c.analyseYear()
		}
	case compareMsg:
		set := &c.sets[0]
		if msg.regimes {
			set = &c.sets[1]
		}
		if msg.yi == set.year && set.job.take(msg.seq, msg.ctx) {
			set.entries = msg.entries
		}
	case quitMsg:
		for i := range c.sets {
			c.sets[i].job.cancelAll()
		}
	case tea.KeyMsg:
		return c, c.key(msg)
	}
	return c, nil
}

// key scrolls the columns and rows, and toggles scenarios and regimes.
func (c *compareScreen) key(msg tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, c.keys.Earlier):
		c.off--
	case key.Matches(msg, c.keys.Later):
		c.off++
	case key.Matches(msg, c.keys.ToggleRegimes) && len(c.regimes) > 0:
		c.showRegimes = !c.showRegimes
		c.off, c.scroll = 0, scroller{}
		cmd = c.analyseYear()
	default:
		head := min(compareHead, max(0, c.height-2))
		c.scroll.update(&c.keys, msg, len(c.lines())-head, c.height-head)
	}
	_, fit := compareCols(c.width, c.count())
	c.off = max(0, min(c.off, c.count()-fit))
	return cmd
}

// analyseYear starts analysing every column of the current year (the
// scenarios as loaded, or the regimes moved to the year, with the command
// line's overrides) if the screen is open and they are not analysed or
// being analysed already.
func (c *compareScreen) analyseYear() tea.Cmd {
	set := c.set()
	if !c.focused || c.cur.years == 0 || set.year == c.cur.yi {
		return nil
	}
	seq, ctx := set.job.start()
	set.year = c.cur.yi
	yi, y, ov, an, regs := c.cur.yi, c.cur.year, c.override, c.analyse, c.showRegimes
	list := y.Scenarios
	if regs {
		list = c.regimes
	}
	return func() tea.Msg {
		entries := make([]compareEntry, len(list))
		for i, sc := range list {
			if ctx.Err() != nil {
				break
			}
			if regs {
				if sc, entries[i].err = regimeFor(sc, y); entries[i].err != nil {
					continue
				}
			}
			entries[i].res, entries[i].err = an(ctx, y.Dataset, ov(sc))
		}
		return compareMsg{seq: seq, ctx: ctx, yi: yi, regimes: regs, entries: entries}
	}
}

// columns are the columns of every scenario of the year (or every regime):
// the working analysis for the one open in the other screens, so that
// edits show here too (marked as the last valid one while a field is
// invalid).
func (c *compareScreen) columns() []compareCol {
	cur := &c.cur
	set := c.set()
	open := cur.si
	names := make([]string, 0, c.count())
	if c.showRegimes {
		open = cur.ri
		for _, r := range c.regimes {
			names = append(names, r.Name)
		}
	} else {
		if cur.ri >= 0 { // a regime is open: no scenario of the year is
			open = -1
		}
		for _, sc := range cur.year.Scenarios {
			names = append(names, sc.Name)
		}
	}
	cols := make([]compareCol, len(names))
	for i := range cols {
		cols[i].name = safe(names[i])
		switch {
		case i == open && cur.hasRes:
			cols[i].res, cols[i].ok = cur.res, true
		case set.year == cur.yi && i < len(set.entries):
			e := &set.entries[i]
			cols[i].res, cols[i].err, cols[i].ok = e.res, e.err, e.err == nil
		}
		if i == open {
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

// what names the columns: "scenario(s)" or "regimes".
func (c *compareScreen) what() string {
	if c.showRegimes {
		return "regime(s)"
	}
	return "scenario(s)"
}

// lines are the whole comparison as the screen draws it: every row, the
// columns from off that fit.
func (c *compareScreen) lines() []string {
	st := &c.st
	w := c.width
	y := c.cur.year
	n := c.count()
	colW, fit := compareCols(w, n)
	off := max(0, min(c.off, n-fit))
	end := min(n, off+fit)
	cols := c.columns()
	table, rows := compareTable(cols), tableRows(cols)

	title := fmt.Sprintf("%s: %d %s side by side", y.Label, n, c.what())
	if c.showRegimes {
		title = fmt.Sprintf("%s: %d regime(s) of the library side by side, on %s's plans", y.Label, n, y.Label)
	}
	if n > fit {
		title += fmt.Sprintf(" · showing %d–%d (←/→ for more)", off+1, end)
	}
	lines := []string{st.heading.Render(trunc(title, w))}
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
	foot := "▶ the scenario open in the other screens (< > switch) · e exports the comparison"
	if c.showRegimes {
		foot = "▶ the regime open in the other screens (r R switch) · v the year's scenarios · e exports the comparison"
	}
	lines = append(lines, st.dim.Render(trunc(foot, w)))
	for i := off; i < end; i++ {
		if cols[i].err != nil {
			lines = append(lines, trunc(st.errorText.Render(fmt.Sprintf("✗ %s: %s", cols[i].name, safe(firstLine(cols[i].err.Error())))), w))
		}
	}
	return lines
}

// compareHead is how many lines of the comparison stay on screen as its
// rows scroll: the title, the columns' names and the open mark.
const compareHead = 3

// View draws the rows and columns that fit, the columns' names always.
func (c *compareScreen) View() string {
	lines := c.lines()
	head := min(compareHead, len(lines), max(0, c.height-2))
	return strings.Join(append(lines[:head:head], c.scroll.window(lines[head:], c.width, c.height-head)), "\n")
}

// Export is the comparison of every scenario of the year (or every regime)
// as a text file (compareText): refused until every column is analysed.
func (c *compareScreen) Export() (stem, text string, err error) {
	y := c.cur.year
	cols := c.columns()
	var notes []string
	for _, col := range cols {
		switch {
		case col.err != nil:
			notes = append(notes, fmt.Sprintf("%s: not analysed: %s", col.name, safe(firstLine(col.err.Error()))))
		case !col.ok:
			return "", "", fmt.Errorf("the %s are still being analysed: open Compare and wait for every column", strings.TrimSuffix(c.what(), "(s)")+"s")
		}
	}
	if c.cur.edited {
		notes = append(notes, fmt.Sprintf("▶ %s, with the edits made in icsplan on %s.",
			safe(scenarioTitle(c.cur.base)), c.now().Format("2006-01-02")))
	}
	if c.showRegimes {
		notes = append(notes, "Each regime's years are moved to "+y.Label+"'s plans, as icsplan --regime does.")
	}
	notes = append(notes, "£m figures rounded to £0.1m; the groups' cash adds up to the allocated total; per-head figures are rounded alone.")
	title := fmt.Sprintf("icsplan · %s · %d %s compared, from %s", y.Label, len(cols), c.what(), safe(y.Dataset.Path))
	stem = "icsplan-" + yearStem(y) + "-comparison"
	if c.showRegimes {
		stem = "icsplan-" + yearStem(y) + "-regimes"
	}
	return stem, compareText(title, compareTable(cols), notes), nil
}
