package tui

import (
	"icsplan/internal/analysis"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// incentivesScreen asks the finance chiefs' strategic question (DESIGN.md,
// "Incentives: would a balanced plan have paid?"): the strategy table's
// sentence and counts, the marginal price of a deficit and the terms that
// would end the reward, then the strategy table (sortable like Systems:
// each system's effective grant under a balanced and a deficit plan, the
// gain and its marginal price), then each term's search as a small chart of
// grant per head against the lever. Enter on a system shows its two reruns
// step by step (strategyPage); enter on a term lists every point of its
// search (leverPage). Every figure is from Result.Incentives, which the
// root's incentive stage fills in after the headline (see stage.go).
type incentivesScreen struct {
	common
	nav   navDoc
	pages []page // what each of nav's rows opens
	sort  incSort
	desc  bool
	order []int // system indices in table order
	resN  int   // the analysis the document was built from; -1 for none
	has   bool  // it had its incentives
	w     int   // the width it was built at
}

// newIncentives is the Incentives tab, with its pages.
func newIncentives(c common) screen {
	return newDrill(c, &incentivesScreen{common: c, nav: navDoc{cur: -1}, resN: -1}, "open the row")
}

// Title is the tab's title.
func (s *incentivesScreen) Title() string { return "Incentives" }

// Capturing is always false: the screen has no text field.
func (s *incentivesScreen) Capturing() bool { return false }

// ShortHelp lists the sort keys and ↑/↓.
func (s *incentivesScreen) ShortHelp() []key.Binding {
	short, _ := s.keys.scrollKeys()
	return append([]key.Binding{s.keys.Sort, s.keys.Reverse}, short...)
}

// FullHelp lists the sort keys and the scrolling keys.
func (s *incentivesScreen) FullHelp() [][]key.Binding {
	_, full := s.keys.scrollKeys()
	return [][]key.Binding{{s.keys.Sort, s.keys.Reverse}, full}
}

// Explain opens what the row under the cursor stands for.
func (s *incentivesScreen) Explain() (page, bool) {
	r := s.nav.selected()
	if r < 0 || r >= len(s.pages) {
		return nil, false
	}
	return s.pages[r], true
}

// incentives are the current analysis's incentive analyses, or nil.
func (s *incentivesScreen) incentives() *analysis.Incentives {
	inc := s.cur.res.Incentives
	if inc == nil || len(inc.Systems) != len(s.cur.res.Systems) {
		return nil
	}
	return inc
}

// SetSize sizes the body and lays the document out again for a new width.
func (s *incentivesScreen) SetSize(w, h int) {
	s.common.SetSize(w, h)
	if w != s.w {
		s.build(s.nav.selected())
	}
	if s.nav.cur >= 0 && s.nav.cur < len(s.nav.rows) {
		s.nav.show(s.nav.rows[s.nav.cur], h)
	}
	s.nav.scroll.clamp(len(s.nav.lines), h)
}

// Update lays the document out for a new analysis (or its incentives),
// sorts, and moves through it.
func (s *incentivesScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case changedMsg:
		if msg.switched {
			s.nav.scroll.off, s.nav.cur = 0, -1
		}
		if msg.result || msg.incentives || msg.switched {
			s.rebuild()
		}
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, s.keys.Sort):
			s.sort = (s.sort + 1) % numIncSorts
			s.rebuild()
		case key.Matches(msg, s.keys.Reverse):
			s.desc = !s.desc
			s.rebuild()
		default:
			s.nav.key(&s.keys, msg, s.height)
		}
	}
	return s, nil
}

// rebuild lays the document out again, keeping the system (or other row)
// under the cursor selected.
func (s *incentivesScreen) rebuild() {
	keep := s.nav.selected()
	if keep >= 0 && keep < len(s.pages) {
		if sp, ok := s.pages[keep].(*strategyPage); ok {
			s.build(-1)
			s.nav.cur = s.rowOf(sp.idx)
			return
		}
	}
	s.build(keep)
}

// rowOf is the nav row of system i's line in the table, or -1.
func (s *incentivesScreen) rowOf(i int) int {
	for r, p := range s.pages {
		if sp, ok := p.(*strategyPage); ok && sp.idx == i {
			return r
		}
	}
	return -1
}

// View draws the document.
func (s *incentivesScreen) View() string { return s.nav.view(&s.st, s.width, s.height) }
