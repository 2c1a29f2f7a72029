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
	off     int // first scenario column shown
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

// ShortHelp lists ←/→.
func (c *compareScreen) ShortHelp() []key.Binding { return []key.Binding{c.keys.Earlier, c.keys.Later} }

// FullHelp lists ←/→.
func (c *compareScreen) FullHelp() [][]key.Binding { return [][]key.Binding{c.ShortHelp()} }

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

// compareCol is one scenario's column: the working analysis for the current
// scenario, so that edits show here too.
type compareCol struct {
	res analysis.Result
	err error
	ok  bool
}

// columns are the columns of every scenario of the year.
func (c *compareScreen) columns() []compareCol {
	cur := &c.cur
	cols := make([]compareCol, len(cur.year.Scenarios))
	for i := range cols {
		switch {
		case i == cur.si && cur.hasRes:
			cols[i] = compareCol{res: cur.res, ok: true}
		case c.year == cur.yi && i < len(c.entries):
			cols[i] = compareCol{res: c.entries[i].res, err: c.entries[i].err, ok: c.entries[i].err == nil}
		}
	}
	return cols
}

// View draws the columns that fit.
func (c *compareScreen) View() string {
	st := &c.st
	w, h := c.width, c.height
	y := c.cur.year
	n := len(y.Scenarios)
	colW, fit := compareCols(w, n)
	off := max(0, min(c.off, n-fit))
	end := min(n, off+fit)
	cols := c.columns()

	title := fmt.Sprintf("%s: %d scenario(s) side by side", y.Label, n)
	if n > fit {
		title += fmt.Sprintf(" · showing %d–%d (←/→ for more)", off+1, end)
	}
	lines := []string{st.heading.Render(trunc(title, w)), ""}
	hdr := padRight("", compareLabelW)
	for i := off; i < end; i++ {
		name := safe(y.Scenarios[i].Name)
		if i == c.cur.si {
			name = "▶ " + name
			if c.cur.edited {
				name += " (edited)"
			}
		}
		hdr += padRight(name, colW-1) + " "
	}
	lines = append(lines, st.header.Render(trunc(hdr, w)))
	for _, row := range compareRows(st, colW) {
		line := padRight(row.label, compareLabelW)
		for i := off; i < end; i++ {
			v := "…"
			switch {
			case cols[i].err != nil:
				v = "error"
			case cols[i].ok:
				v = row.cell(&cols[i].res)
			}
			line += padRight(trunc(v, colW-1), colW)
		}
		lines = append(lines, trunc(line, w))
	}
	lines = append(lines, "", st.dim.Render(trunc("▶ the scenario open in the other screens; < > or p n switch to another.", w)))
	for i := off; i < end; i++ {
		if cols[i].err != nil {
			lines = append(lines, trunc(st.errorText.Render(fmt.Sprintf("✗ %s: %s", safe(y.Scenarios[i].Name), safe(firstLine(cols[i].err.Error())))), w))
		}
	}
	return fitLines(lines, w, h)
}

// compareRow is one row of the comparison: its label and each cell's text.
type compareRow struct {
	label string
	cell  func(r *analysis.Result) string
}

// compareRows are the rows of the comparison, in order.
func compareRows(st *styles, colW int) []compareRow {
	return []compareRow{
		{"Title", func(r *analysis.Result) string { return trunc(safe(scenarioTitle(r.Scenario)), colW-1) }},
		{"Pot", func(r *analysis.Result) string { return fm(r.Totals.Pot) }},
		{"Eligible / method", func(r *analysis.Result) string {
			return trunc(string(r.Scenario.Eligibility.Rule)+" / "+string(r.Scenario.Allocation.Method), colW-1)
		}},
		{"Repayable", func(r *analysis.Result) string {
			if r.Scenario.Repayment == nil {
				return "no (grant)"
			}
			return fmt.Sprintf("%d yrs from %s", r.Scenario.Repayment.Years, safe(r.Scenario.Repayment.FirstYear))
		}},
		{"To deficit group", func(r *analysis.Result) string { return fm(r.Deficit.Allocation) }},
		{"To balanced group", func(r *analysis.Result) string { return fm(r.Balanced.Allocation) }},
		{"Per head, deficit", func(r *analysis.Result) string { return fp(r.Deficit.PerHead) }},
		{"Per head, balanced", func(r *analysis.Result) string { return fp(r.Balanced.PerHead) }},
		{"Eff. grant, deficit", func(r *analysis.Result) string { return fm(r.Deficit.EffectiveGrant) }},
		{"Eff. grant, balanced", func(r *analysis.Result) string { return fm(r.Balanced.EffectiveGrant) }},
		{"Grant/head, deficit", func(r *analysis.Result) string { return fp(r.Deficit.GrantPerHead) }},
		{"Grant/head, balanced", func(r *analysis.Result) string { return fp(r.Balanced.GrantPerHead) }},
		{"Net transfer to deficit", func(r *analysis.Result) string { return fm(r.NetTransferToDeficit) }},
		{"Verdict", func(r *analysis.Result) string {
			return st.verdictText(r.Verdict.Label).Render(r.Verdict.Label.Short())
		}},
	}
}
