package tui

import (
	"io"

	"icsplan/internal/analysis"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// styles holds every lipgloss style the program uses, so that colour is
// decided in one place. With colour off every style renders plain text:
// meaning is always carried by words and markers, never by colour alone.
type styles struct {
	colour bool

	title     lipgloss.Style // the header line
	tab       lipgloss.Style // an inactive tab
	activeTab lipgloss.Style // the current tab
	status    lipgloss.Style // the status line
	errorText lipgloss.Style // validation and computation errors
	banner    lipgloss.Style // the body's warning that the figures are not the scenario as typed
	warn      lipgloss.Style // warnings: allowed values that are probably mistaken
	dim       lipgloss.Style // secondary text
	heading   lipgloss.Style // section headings
	label     lipgloss.Style // field labels
	selected  lipgloss.Style // the row or field under the cursor
	header    lipgloss.Style // table header rows
	barCash   lipgloss.Style // cash-per-head bars
	barGrant  lipgloss.Style // effective-grant bars
	barFair   lipgloss.Style // the fair-share reference bar
	barRepay  lipgloss.Style // repayment bars

	verdict   map[analysis.Label]lipgloss.Style // the verdict badge
	verdictFG map[analysis.Label]lipgloss.Style // verdict words in tables

	help help.Styles

	plain lipgloss.Style // unstyled, from the same renderer
}

// styleInput gives a text field the program's styles, so that a field never
// brings its own colours when colour is off.
func (s styles) styleInput(ti *textinput.Model) {
	ti.PromptStyle = s.plain
	ti.TextStyle = s.plain
	ti.PlaceholderStyle = s.dim
	ti.CompletionStyle = s.dim
	ti.Cursor.Style = s.plain.Reverse(true)
	ti.Cursor.TextStyle = s.plain
}

// newStyles builds the styles for output w. When colour is false the
// renderer is forced to plain ASCII, so no SGR sequence is ever emitted.
// The colours are fixed ones that read on dark and light backgrounds
// alike, so the terminal is never asked for its background (a terminal that
// does not answer would stall the start by 5 seconds).
func newStyles(w io.Writer, colour bool) styles {
	if lf, ok := w.(*lockedFile); ok {
		w = lf.f // termenv only recognises a terminal as an *os.File
	}
	r := lipgloss.NewRenderer(w)
	if !colour {
		r.SetColorProfile(termenv.Ascii)
	}
	s := plainStyles(r.NewStyle)
	if colour {
		s.colour = true
		s.paint()
	}
	return s
}

// plainStyles are the styles without colour: bold and reverse only.
func plainStyles(ns func() lipgloss.Style) styles {
	s := styles{plain: ns()}
	s.title = ns().Bold(true)
	s.tab = ns()
	s.activeTab = ns().Bold(true)
	s.status = ns()
	s.errorText = ns()
	s.banner = ns().Bold(true)
	s.warn = ns()
	s.dim = ns()
	s.heading = ns().Bold(true)
	s.label = ns()
	s.selected = ns().Reverse(true)
	s.header = ns().Bold(true)
	s.barCash = ns()
	s.barGrant = ns()
	s.barFair = ns()
	s.barRepay = ns()
	s.verdict = map[analysis.Label]lipgloss.Style{}
	s.verdictFG = map[analysis.Label]lipgloss.Style{}
	for _, l := range []analysis.Label{analysis.RewardsDeficit, analysis.RewardsBalanced, analysis.Neutral, analysis.CannotCompare} {
		s.verdict[l] = ns().Bold(true)
		s.verdictFG[l] = ns()
	}
	s.help = help.Styles{
		ShortKey:       ns().Bold(true),
		ShortDesc:      ns(),
		ShortSeparator: ns(),
		Ellipsis:       ns(),
		FullKey:        ns().Bold(true),
		FullDesc:       ns(),
		FullSeparator:  ns(),
	}
	return s
}

// The fixed colours (xterm 256-colour numbers), each mid-luminance so that
// it reads on a dark and on a light background.
const (
	white  = lipgloss.Color("15")
	black  = lipgloss.Color("0")
	grey   = lipgloss.Color("244") // #808080
	blue   = lipgloss.Color("31")  // #0087af: headings, keys
	green  = lipgloss.Color("29")  // #00875f: status, rewards balanced
	red    = lipgloss.Color("167") // #d75f5f: rewards deficit
	amber  = lipgloss.Color("136") // #af8700: neutral
	alarm  = lipgloss.Color("196") // errors
	navy   = lipgloss.Color("24")  // the title bar and the active tab
	cash   = lipgloss.Color("33")
	grant  = lipgloss.Color("172")
	repaid = lipgloss.Color("133")
)

// paint colours the plain styles.
func (s *styles) paint() {
	s.title = s.title.Foreground(white).Background(navy)
	s.activeTab = s.activeTab.Foreground(white).Background(navy)
	s.tab = s.tab.Foreground(grey)
	s.status = s.status.Foreground(green)
	s.errorText = s.errorText.Foreground(alarm)
	s.banner = s.banner.Foreground(white).Background(lipgloss.Color("160"))
	s.warn = s.warn.Foreground(amber)
	s.dim = s.dim.Foreground(grey)
	s.heading = s.heading.Foreground(blue)
	s.header = s.header.Foreground(blue)
	s.barCash = s.barCash.Foreground(cash)
	s.barGrant = s.barGrant.Foreground(grant)
	s.barFair = s.barFair.Foreground(grey)
	s.barRepay = s.barRepay.Foreground(repaid)
	badge := map[analysis.Label][2]lipgloss.Color{
		analysis.RewardsDeficit:  {white, "160"},
		analysis.RewardsBalanced: {white, "28"},
		analysis.Neutral:         {black, "220"},
		analysis.CannotCompare:   {white, "243"},
	}
	words := map[analysis.Label]lipgloss.Color{
		analysis.RewardsDeficit:  red,
		analysis.RewardsBalanced: green,
		analysis.Neutral:         amber,
		analysis.CannotCompare:   grey,
	}
	for l, c := range badge {
		s.verdict[l] = s.verdict[l].Foreground(c[0]).Background(c[1])
		s.verdictFG[l] = s.verdictFG[l].Foreground(words[l])
	}
	s.help.ShortKey = s.help.ShortKey.Foreground(blue)
	s.help.FullKey = s.help.FullKey.Foreground(blue)
	for _, st := range []*lipgloss.Style{&s.help.ShortDesc, &s.help.FullDesc, &s.help.ShortSeparator, &s.help.FullSeparator, &s.help.Ellipsis} {
		*st = st.Foreground(grey)
	}
}

// verdictStyle returns the badge style of a verdict label.
func (s styles) verdictStyle(l analysis.Label) lipgloss.Style {
	if st, ok := s.verdict[l]; ok {
		return st
	}
	return s.verdict[analysis.CannotCompare]
}

// verdictText returns the style of a verdict's words in a table cell.
func (s styles) verdictText(l analysis.Label) lipgloss.Style {
	if st, ok := s.verdictFG[l]; ok {
		return st
	}
	return s.verdictFG[analysis.CannotCompare]
}
