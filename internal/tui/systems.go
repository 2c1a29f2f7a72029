package tui

import (
	"sort"
	"strings"

	"icsplan/internal/analysis"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// sortCol is a column the Systems table can be sorted by.
type sortCol int

// Sort columns, in the order `s` cycles through them.
const (
	sortFile sortCol = iota
	sortCode
	sortName
	sortRegion
	sortGroup
	sortPlan
	sortAllocation
	sortPerHead
	sortTransfer
	numSorts
)

var sortNames = [numSorts]string{"file order", "code", "name", "region", "group", "plan", "allocation", "per head", "transfer"}

// sysRow is the sanitised text of one system, prepared once per analysis.
type sysRow struct {
	code, name, region string
	search             string // lower-case code, name and region for the filter
	illustrative       bool
}

// systemsTable is a sortable, filterable table of every system; enter on a
// row explains the system step by step (see drill). Only the rows on screen
// are rendered, so it stays fast with 10,000 systems.
type systemsTable struct {
	common
	rows      []sysRow   // by system index (file order)
	money     sysColumns // the £m columns, footed over every system
	codeW     int        // width of the code column
	order     []int      // system indices shown: filtered, then sorted
	cursor    int        // position in order
	off       int        // first position in order on screen
	sort      sortCol
	desc      bool
	filter    textinput.Model
	filtering bool // the filter field has the keyboard
	shown     bool // the screen is the current one: a new analysis is laid out at once, else when it is opened
	resN      int  // the analysis rows are of; -1 for none
}

// newSystems is the Systems tab: the table, with its explanations.
func newSystems(c common) screen {
	ti := textinput.New()
	c.st.styleInput(&ti)
	ti.Prompt = "filter: "
	ti.Placeholder = "code, name or region"
	ti.CharLimit = 64
	ti.Cursor.SetMode(cursor.CursorStatic)
	return newDrill(c, &systemsTable{common: c, filter: ti, resN: -1}, "explain system")
}

// Title is the tab's title.
func (s *systemsTable) Title() string { return "Systems" }

// Capturing reports whether the filter has the keyboard.
func (s *systemsTable) Capturing() bool { return s.filtering }

// ShortHelp lists the table's keys, or the filter's while typing.
func (s *systemsTable) ShortHelp() []key.Binding {
	if s.filtering {
		return s.keys.typingKeys()
	}
	short, _ := s.keys.scrollKeys()
	return append(s.own(), short...)
}

// FullHelp lists the table's keys and scrolling, or the filter's while
// typing.
func (s *systemsTable) FullHelp() [][]key.Binding {
	if s.filtering {
		return [][]key.Binding{{s.keys.Done, s.keys.ClearField}}
	}
	_, full := s.keys.scrollKeys()
	return [][]key.Binding{s.own(), full}
}

// own are the table's keys (esc only while a filter is set).
func (s *systemsTable) own() []key.Binding {
	k := &s.keys
	b := []key.Binding{k.Sort, k.Reverse, k.Filter}
	if s.filter.Value() != "" {
		b = append(b, k.ClearFilter)
	}
	return b
}

// Explain opens the explanation of the system under the cursor.
func (s *systemsTable) Explain() (page, bool) {
	i := s.current()
	return &systemPage{idx: i}, i >= 0
}

// sync lays out the current analysis if the rows are of an older one. A
// screen out of sight waits until it is opened, so that an edit's headline
// never waits for it.
func (s *systemsTable) sync() {
	if s.cur.hasRes && s.resN != s.cur.resN {
		s.setResult(&s.cur.res)
		s.resN = s.cur.resN
	}
}

// setResult prepares the rows of a new analysis, keeping sort and filter.
func (s *systemsTable) setResult(r *analysis.Result) {
	var keep = -1
	if s.cursor >= 0 && s.cursor < len(s.order) {
		keep = s.order[s.cursor]
	}
	s.rows = make([]sysRow, len(r.Systems))
	s.money = footSystems(r)
	s.codeW = 4
	for i, sys := range r.Systems {
		row := sysRow{
			code:         safe(sys.Code),
			name:         safe(sys.Name),
			region:       safe(sys.Region),
			illustrative: sys.Illustrative(),
		}
		row.search = strings.ToLower(row.code + "\x00" + row.name + "\x00" + row.region)
		s.rows[i] = row
		s.codeW = min(10, max(s.codeW, ansi.StringWidth(row.code)))
	}
	s.apply(r, keep)
}

// resetView goes back to the top of the table for a new year or scenario.
func (s *systemsTable) resetView() { s.cursor, s.off = 0, 0 }

// apply filters and sorts, keeping the cursor on system keep if it is
// still shown.
func (s *systemsTable) apply(r *analysis.Result, keep int) {
	q := strings.ToLower(strings.TrimSpace(s.filter.Value()))
	s.order = s.order[:0]
	for i, row := range s.rows {
		if q == "" || strings.Contains(row.search, q) {
			s.order = append(s.order, i)
		}
	}
	if len(r.Systems) == len(s.rows) {
		less := s.less(r)
		sort.SliceStable(s.order, func(a, b int) bool { return less(s.order[a], s.order[b]) })
	}
	s.cursor = 0
	for p, i := range s.order {
		if i == keep {
			s.cursor = p
			break
		}
	}
}

// less compares systems i and j on the sort column (reversed with S),
// falling back to file order so that sorting is deterministic.
func (s *systemsTable) less(r *analysis.Result) func(i, j int) bool {
	sys := r.Systems
	cmp := func(i, j int) int {
		switch s.sort {
		case sortCode:
			return strings.Compare(s.rows[i].code, s.rows[j].code)
		case sortName:
			return strings.Compare(strings.ToLower(s.rows[i].name), strings.ToLower(s.rows[j].name))
		case sortRegion:
			return strings.Compare(strings.ToLower(s.rows[i].region), strings.ToLower(s.rows[j].region))
		case sortGroup:
			return strings.Compare(string(sys[i].Group), string(sys[j].Group))
		case sortPlan:
			return sys[i].Plan.Cmp(sys[j].Plan)
		case sortAllocation:
			return sys[i].Allocation.Cmp(sys[j].Allocation)
		case sortPerHead:
			return sys[i].PerHead.Cmp(sys[j].PerHead)
		case sortTransfer:
			return sys[i].Transfer.Cmp(sys[j].Transfer)
		}
		return 0
	}
	return func(i, j int) bool {
		c := cmp(i, j)
		if s.desc {
			c = -c
		}
		if c != 0 {
			return c < 0
		}
		return i < j
	}
}

// tableHeight is the number of table rows shown in a body of height h:
// less the info line, the header, the totals row and the legend.
func tableHeight(h int) int { return max(1, h-4) }

// Update takes a new analysis, a new scenario, or a key.
func (s *systemsTable) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case focusMsg:
		if s.shown = msg.focused; s.shown {
			s.sync()
		}
	case changedMsg:
		if msg.switched {
			s.resetView()
		}
		if msg.result && s.shown {
			s.sync()
		}
	case tea.KeyMsg:
		if s.filtering {
			return s, s.typing(msg)
		}
		return s, s.key(msg)
	}
	return s, nil
}

// typing handles a key while the filter has the keyboard.
func (s *systemsTable) typing(msg tea.KeyMsg) tea.Cmd {
	h := tableHeight(s.height)
	switch msg.Type {
	case tea.KeyEnter:
		s.filtering = false
		s.filter.Blur()
		return nil
	case tea.KeyEsc:
		s.filtering = false
		s.filter.Blur()
		s.filter.SetValue("")
		s.apply(&s.cur.res, s.current())
		s.scrollTo(h)
		return nil
	}
	before := s.filter.Value()
	var cmd tea.Cmd
	s.filter, cmd = s.filter.Update(msg)
	if s.filter.Value() != before {
		s.apply(&s.cur.res, s.current())
		s.scrollTo(h)
	}
	return cmd
}

// key handles a key while the table has the keyboard.
func (s *systemsTable) key(msg tea.KeyMsg) tea.Cmd {
	k := &s.keys
	r := &s.cur.res
	h := tableHeight(s.height)
	switch {
	case key.Matches(msg, k.Filter):
		s.filtering = true
		return s.filter.Focus()
	case key.Matches(msg, k.ClearFilter) && s.filter.Value() != "":
		s.filter.SetValue("")
		s.apply(r, s.current())
	case key.Matches(msg, k.Sort):
		s.sort = (s.sort + 1) % numSorts
		s.apply(r, s.current())
	case key.Matches(msg, k.Reverse):
		s.desc = !s.desc
		s.apply(r, s.current())
	case key.Matches(msg, k.Up):
		s.cursor--
	case key.Matches(msg, k.Down):
		s.cursor++
	case key.Matches(msg, k.PageUp):
		s.cursor -= h
	case key.Matches(msg, k.PageDown):
		s.cursor += h
	case key.Matches(msg, k.Top):
		s.cursor = 0
	case key.Matches(msg, k.Bottom):
		s.cursor = len(s.order) - 1
	}
	s.scrollTo(h)
	return nil
}

// current is the system index under the cursor, or -1.
func (s *systemsTable) current() int {
	if s.cursor < 0 || s.cursor >= len(s.order) {
		return -1
	}
	return s.order[s.cursor]
}

// scrollTo keeps the cursor in range and on screen.
func (s *systemsTable) scrollTo(h int) {
	s.cursor = max(0, min(s.cursor, len(s.order)-1))
	if s.cursor < s.off {
		s.off = s.cursor
	}
	if s.cursor >= s.off+h {
		s.off = s.cursor - h + 1
	}
	s.off = max(0, min(s.off, len(s.order)-h))
}
