package tui

import (
	"context"

	"icsplan/internal/analysis"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// yearsScreen reads the plans library across its years (DESIGN.md, "Years:
// is planning a bidding process?"): the national series as a chart beside
// the published figures and their confidence, each pair of years'
// transitions, persistence, change per head and bailout slope, then every
// system's plan and cash by year and what it owes. Enter on a published
// figure, a transition, the recipients or a system opens what is behind it
// (years_pages.go, years_history.go). The panel reads each year's primary
// scenario as loaded, so it does not follow edits; it is read once, when
// the screen is first opened, in a job that quitting cancels.
type yearsScreen struct {
	common
	focused bool
	job     job
	asked   bool       // the panel was asked for
	data    *yearsData // the panel, once read
	err     error

	nav     navDoc
	pages   []page // what each of nav's rows opens
	yoff    int    // first year column of the systems table (the latest that fit, at first)
	builtW  int    // width the document was built at; 0 for not built
	earlier key.Binding
	later   key.Binding
}

// panelMsg carries the panel read by the job's analysis seq.
type panelMsg struct {
	seq   int
	ctx   context.Context
	panel analysis.Panel
	err   error
}

// newYears is the Years tab, with its pages.
func newYears(c common) screen {
	y := &yearsScreen{common: c, nav: navDoc{cur: -1}, earlier: c.keys.Earlier, later: c.keys.Later}
	y.earlier.SetHelp("←/h", "earlier years")
	y.later.SetHelp("→/l", "later years")
	return newDrill(c, y, "open the row")
}

// Title is the tab's title.
func (y *yearsScreen) Title() string { return "Years" }

// Capturing is always false: the screen has no text field.
func (y *yearsScreen) Capturing() bool { return false }

// ShortHelp lists ←/→ when the systems table has more years than fit, and
// ↑/↓.
func (y *yearsScreen) ShortHelp() []key.Binding {
	short, _ := y.keys.scrollKeys()
	if y.moreYears() {
		return append([]key.Binding{y.earlier, y.later}, short...)
	}
	return short
}

// FullHelp lists ←/→ (when they act) and the scrolling keys.
func (y *yearsScreen) FullHelp() [][]key.Binding {
	_, full := y.keys.scrollKeys()
	if y.moreYears() {
		return [][]key.Binding{{y.earlier, y.later}, full}
	}
	return [][]key.Binding{full}
}

// moreYears reports whether the systems table cannot show every year at
// once.
func (y *yearsScreen) moreYears() bool {
	return y.data != nil && yearsFit(y.width, len(y.data.p.Years), y.data.codeW) < len(y.data.p.Years)
}

// Explain opens what the row under the cursor stands for.
func (y *yearsScreen) Explain() (page, bool) {
	r := y.nav.selected()
	if r < 0 || r >= len(y.pages) {
		return nil, false
	}
	return y.pages[r], true
}

// SetSize sizes the body and lays the document out again for a new width.
func (y *yearsScreen) SetSize(w, h int) {
	y.common.SetSize(w, h)
	if w != y.builtW {
		y.build()
	}
	if y.nav.cur >= 0 && y.nav.cur < len(y.nav.rows) {
		y.nav.show(y.nav.rows[y.nav.cur], h)
	}
	y.nav.scroll.clamp(len(y.nav.lines), h)
}

// Update reads the panel when the screen is first opened, takes it, and
// moves through the document.
func (y *yearsScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case focusMsg:
		y.focused = msg.focused
		return y, y.read()
	case panelMsg:
		if y.job.take(msg.seq, msg.ctx) {
			y.err = msg.err
			if msg.err == nil {
				y.data = newYearsData(msg.panel)
				y.yoff = len(msg.panel.Years) // the latest years that fit, to begin with
			}
			y.build()
		}
	case quitMsg:
		y.job.cancelAll()
	case tea.KeyMsg:
		y.key(msg)
	}
	return y, nil
}

// key scrolls the year columns or moves through the document.
func (y *yearsScreen) key(msg tea.KeyMsg) {
	switch {
	case key.Matches(msg, y.earlier) && y.moreYears():
		y.yoff--
		y.build()
	case key.Matches(msg, y.later) && y.moreYears():
		y.yoff++
		y.build()
	default:
		y.nav.key(&y.keys, msg, y.height)
	}
}

// read starts reading the panel, once, when the screen is open.
func (y *yearsScreen) read() tea.Cmd {
	if !y.focused || y.asked || y.data != nil || y.readPanel == nil || y.cur.years == 0 {
		return nil
	}
	y.asked = true
	seq, ctx := y.job.start()
	read := y.readPanel
	return func() tea.Msg {
		p, err := read(ctx)
		return panelMsg{seq: seq, ctx: ctx, panel: p, err: err}
	}
}

// view is the panel the pages read.
func (y *yearsScreen) view() *yearsData { return y.data }

// View draws the document, or says why there is none yet.
func (y *yearsScreen) View() string {
	var lines []string
	switch {
	case y.readPanel == nil:
		lines = []string{"The panel across years is not available here."}
	case y.err != nil:
		lines = append([]string{y.st.errorText.Render("The panel across years could not be read:")}, wrap(safe(y.err.Error()), y.width)...)
	case y.data == nil:
		lines = []string{"", "Reading the plans across years: every year's primary scenario …"}
	default:
		return y.nav.view(&y.st, y.width, y.height)
	}
	return fitLines(lines, y.width, y.height)
}
