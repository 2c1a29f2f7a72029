package report

import (
	"io"

	"icsplan/internal/analysis"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// styles colour the text report. Colour never carries meaning alone: every
// coloured verdict is also written in words.
type styles struct {
	on      bool
	heading lipgloss.Style
	verdict map[analysis.Label]lipgloss.Style
}

func newStyles(colour bool) styles {
	if !colour {
		return styles{}
	}
	// A renderer of its own with a fixed profile: the caller has already
	// decided that the output is a colour terminal, and the bytes must not
	// depend on what this process's stdout happens to be.
	re := lipgloss.NewRenderer(io.Discard)
	re.SetColorProfile(termenv.ANSI)
	base := re.NewStyle().Bold(true)
	return styles{
		on:      true,
		heading: base,
		verdict: map[analysis.Label]lipgloss.Style{
			analysis.RewardsDeficit:  base.Foreground(lipgloss.Color("1")),
			analysis.RewardsBalanced: base.Foreground(lipgloss.Color("2")),
			analysis.Neutral:         base.Foreground(lipgloss.Color("4")),
			analysis.CannotCompare:   base.Foreground(lipgloss.Color("3")),
		},
	}
}

func (s styles) head(line string) string {
	if !s.on {
		return line
	}
	return s.heading.Render(line)
}

func (s styles) verdictWords(l analysis.Label, words string) string {
	if !s.on {
		return words
	}
	st, ok := s.verdict[l]
	if !ok {
		st = s.heading
	}
	return st.Render(words)
}
