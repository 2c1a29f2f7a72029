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
func newStyles(w io.Writer, colour bool) styles {
	if lf, ok := w.(*lockedFile); ok {
		w = lf.f // termenv only recognises a terminal as an *os.File
	}
	r := lipgloss.NewRenderer(w)
	if !colour {
		r.SetColorProfile(termenv.Ascii)
	} else {
		// Ask the terminal for its background now, before Bubble Tea owns
		// the input, rather than in the middle of the first View.
		r.HasDarkBackground()
	}
	ns := r.NewStyle
	s := styles{colour: colour, plain: ns()}
	s.title = ns().Bold(true)
	s.tab = ns()
	s.activeTab = ns().Bold(true)
	s.status = ns()
	s.errorText = ns()
	s.dim = ns()
	s.heading = ns().Bold(true)
	s.label = ns()
	s.selected = ns().Reverse(true)
	s.header = ns().Bold(true)
	s.barCash = ns()
	s.barGrant = ns()
	s.barFair = ns()
	s.barRepay = ns()
	s.verdict = map[analysis.Label]lipgloss.Style{
		analysis.RewardsDeficit:  ns().Bold(true),
		analysis.RewardsBalanced: ns().Bold(true),
		analysis.Neutral:         ns().Bold(true),
		analysis.CannotCompare:   ns().Bold(true),
	}
	s.verdictFG = map[analysis.Label]lipgloss.Style{
		analysis.RewardsDeficit:  ns(),
		analysis.RewardsBalanced: ns(),
		analysis.Neutral:         ns(),
		analysis.CannotCompare:   ns(),
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
	if !colour {
		return s
	}
	grey := lipgloss.AdaptiveColor{Light: "245", Dark: "243"}
	s.title = s.title.Foreground(lipgloss.Color("15")).Background(lipgloss.Color("24"))
	s.activeTab = s.activeTab.Foreground(lipgloss.Color("15")).Background(lipgloss.Color("24"))
	s.tab = s.tab.Foreground(grey)
	s.status = s.status.Foreground(lipgloss.AdaptiveColor{Light: "28", Dark: "114"})
	s.errorText = s.errorText.Foreground(lipgloss.Color("196"))
	s.dim = s.dim.Foreground(grey)
	s.heading = s.heading.Foreground(lipgloss.AdaptiveColor{Light: "24", Dark: "117"})
	s.header = s.header.Foreground(lipgloss.AdaptiveColor{Light: "24", Dark: "117"})
	s.barCash = s.barCash.Foreground(lipgloss.Color("33"))
	s.barGrant = s.barGrant.Foreground(lipgloss.Color("172"))
	s.barFair = s.barFair.Foreground(grey)
	s.barRepay = s.barRepay.Foreground(lipgloss.Color("133"))
	s.verdict[analysis.RewardsDeficit] = s.verdict[analysis.RewardsDeficit].Foreground(lipgloss.Color("15")).Background(lipgloss.Color("160"))
	s.verdict[analysis.RewardsBalanced] = s.verdict[analysis.RewardsBalanced].Foreground(lipgloss.Color("15")).Background(lipgloss.Color("28"))
	s.verdict[analysis.Neutral] = s.verdict[analysis.Neutral].Foreground(lipgloss.Color("0")).Background(lipgloss.Color("220"))
	s.verdict[analysis.CannotCompare] = s.verdict[analysis.CannotCompare].Foreground(lipgloss.Color("15")).Background(lipgloss.Color("243"))
	s.verdictFG[analysis.RewardsDeficit] = s.verdictFG[analysis.RewardsDeficit].Foreground(lipgloss.AdaptiveColor{Light: "160", Dark: "203"})
	s.verdictFG[analysis.RewardsBalanced] = s.verdictFG[analysis.RewardsBalanced].Foreground(lipgloss.AdaptiveColor{Light: "28", Dark: "114"})
	s.verdictFG[analysis.Neutral] = s.verdictFG[analysis.Neutral].Foreground(lipgloss.AdaptiveColor{Light: "136", Dark: "220"})
	s.verdictFG[analysis.CannotCompare] = s.verdictFG[analysis.CannotCompare].Foreground(grey)
	s.help.ShortKey = s.help.ShortKey.Foreground(lipgloss.AdaptiveColor{Light: "24", Dark: "117"})
	s.help.FullKey = s.help.FullKey.Foreground(lipgloss.AdaptiveColor{Light: "24", Dark: "117"})
	s.help.ShortDesc = s.help.ShortDesc.Foreground(grey)
	s.help.FullDesc = s.help.FullDesc.Foreground(grey)
	s.help.ShortSeparator = s.help.ShortSeparator.Foreground(grey)
	s.help.FullSeparator = s.help.FullSeparator.Foreground(grey)
	s.help.Ellipsis = s.help.Ellipsis.Foreground(grey)
	return s
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
