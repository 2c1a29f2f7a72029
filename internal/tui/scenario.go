package tui

import (
	"fmt"

	"icsplan/internal/plan"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// scenarioScreen edits every field of the working scenario, validating as
// the user types; each change goes to the root (editedMsg), which analyses
// every valid one at once.
type scenarioScreen struct {
	common
	form
	focus   int
	editing bool // a text field has the keyboard
	changed bool // edited since loaded or reset
	load    int  // the load of cur the fields were filled from
	rev     int  // edits and resets sent, in order
}

func newScenario(c common) screen { return &scenarioScreen{common: c} }

// Title is the tab's title.
func (e *scenarioScreen) Title() string { return "Scenario" }

// Capturing reports whether a text field has the keyboard.
func (e *scenarioScreen) Capturing() bool { return e.editing }

// ShortHelp lists the editor's keys.
func (e *scenarioScreen) ShortHelp() []key.Binding {
	k := &e.keys
	if e.editing {
		return append(k.typingKeys(), k.Save, k.Reset)
	}
	choose := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "choose")) // PrevChoice and NextChoice, in a word
	return append(append([]key.Binding{k.Edit}, e.entryKeys()...), choose, k.Save, k.Reset, k.Up, k.Down)
}

// entryKeys are the keys that add a tranche or a consequence and, on one,
// remove it: "x remove tranche 2".
func (e *scenarioScreen) entryKeys() []key.Binding {
	k := &e.keys
	out := []key.Binding{k.AddTranche, k.AddConsequence}
	if en := e.entryAt(); en.n > 0 {
		rm := k.RemoveEntry
		rm.SetHelp("x", fmt.Sprintf("remove %s %d", en.table, en.n))
		out = append([]key.Binding{rm}, out...)
	}
	return out
}

// entryAt is the tranche or consequence under the cursor; n is 0 on a
// field of the first stage.
func (e *scenarioScreen) entryAt() entry {
	if e.focus < 0 || e.focus >= len(e.fields) {
		return entry{}
	}
	return entryOf(e.fields[e.focus].key)
}

// FullHelp lists the editor's keys and how to move between fields.
func (e *scenarioScreen) FullHelp() [][]key.Binding {
	k := &e.keys
	if e.editing {
		return [][]key.Binding{{k.Save, k.Reset, k.Done, k.ClearField}}
	}
	return [][]key.Binding{{k.Edit, k.PrevChoice, k.NextChoice, k.Save, k.Reset}, e.entryKeys(), {k.Up, k.Down, k.Top, k.Bottom}}
}

// Update refills the fields when the scenario is loaded, and edits them.
func (e *scenarioScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case changedMsg:
		if msg.loaded {
			e.refill()
		}
	case tea.KeyMsg:
		return e, e.key(msg)
	}
	return e, nil
}

// refill fills the fields from the scenario as loaded.
func (e *scenarioScreen) refill() {
	e.stopEditing()
	e.form = newForm(e.cur.base, e.cur.year.Dataset, &e.st)
	e.build() // the warnings of the scenario as loaded
	e.focus, e.changed, e.load = 0, false, e.cur.load
}

func (e *scenarioScreen) key(msg tea.KeyMsg) tea.Cmd {
	k := &e.keys
	switch {
	case key.Matches(msg, k.Save):
		return e.save()
	case key.Matches(msg, k.Reset):
		e.refill()
		e.rev++
		return send(resetMsg{load: e.load, rev: e.rev})
	}
	if e.editing {
		return e.typing(msg)
	}
	f := &e.fields[e.focus]
	switch {
	case key.Matches(msg, k.Up):
		e.move(-1)
	case key.Matches(msg, k.Down):
		e.move(1)
	case key.Matches(msg, k.Top):
		e.focus = 0
	case key.Matches(msg, k.Bottom):
		e.focus = len(e.fields) - 1
	case key.Matches(msg, k.Edit), msg.String() == " ":
		if f.kind == kindChoice {
			return e.cycle(f, 1)
		}
		e.editing = true
		f.input.CursorEnd()
		return f.input.Focus()
	case key.Matches(msg, k.PrevChoice):
		if f.kind == kindChoice {
			return e.cycle(f, -1)
		}
	case key.Matches(msg, k.NextChoice):
		if f.kind == kindChoice {
			return e.cycle(f, 1)
		}
	case key.Matches(msg, k.AddTranche), key.Matches(msg, k.AddConsequence):
		return e.add(key.Matches(msg, k.AddTranche))
	case key.Matches(msg, k.RemoveEntry):
		return e.remove()
	}
	return nil
}

// add appends a tranche (its share what the others leave, paid in the
// plans' year unconditionally) or a consequence (a certain deduction of
// the overspend the year after), as plan's editor API gives them, keeps
// every field's text as typed, and moves the cursor to its first field.
func (e *scenarioScreen) add(tranche bool) tea.Cmd {
	base := e.form.base
	var n int
	var err error
	what, first := "consequence", plan.LeafKind
	if tranche {
		n, err = base.AddTranche()
		what, first = "tranche", plan.LeafShare
	} else {
		n, err = base.AddConsequence(e.cur.year.Dataset.Year)
	}
	if err != nil {
		return status("Not added: "+err.Error()+".", true)
	}
	// The tranche added takes its share from the shares as typed.
	if tranche {
		if sc, _ := e.build(); len(sc.Tranches) == n-1 {
			probe := sc
			if _, err := probe.AddTranche(); err == nil {
				base.Tranches[n-1].Share = probe.Tranches[n-1].Share
			}
		}
	}
	e.relist(base, func(k string) string { return k }, &e.st)
	added := entry{table: what, n: n}.key(first)
	for i := range e.fields {
		if e.fields[i].key == added {
			e.focus = i
		}
	}
	return tea.Batch(e.edited(), status(fmt.Sprintf("Added %s %d (x removes it).", what, n), false))
}

// remove removes the tranche or consequence under the cursor; the later
// ones move up, keeping their text as typed.
func (e *scenarioScreen) remove() tea.Cmd {
	en := e.entryAt()
	if en.n == 0 {
		return status("Nothing to remove here: x removes the tranche or consequence under the cursor.", true)
	}
	base := e.form.base
	var err error
	if en.table == "tranche" {
		err = base.RemoveTranche(en.n)
	} else {
		err = base.RemoveConsequence(en.n)
	}
	if err != nil {
		return status("Not removed: "+err.Error()+".", true)
	}
	e.relist(base, func(k string) string {
		if o := entryOf(k); o.table == en.table && o.n >= en.n {
			o.n++
			return o.key(o.leaf)
		}
		return k
	}, &e.st)
	e.focus = min(e.focus, len(e.fields)-1)
	if !e.enabled(e.focus) {
		e.move(-1)
	}
	return tea.Batch(e.edited(), status(fmt.Sprintf("Removed %s %d.", en.table, en.n), false))
}

// typing handles a key while a text field has the keyboard.
func (e *scenarioScreen) typing(msg tea.KeyMsg) tea.Cmd {
	f := &e.fields[e.focus]
	switch msg.Type {
	case tea.KeyEnter, tea.KeyEsc:
		e.stopEditing()
		return nil
	case tea.KeyUp, tea.KeyDown:
		e.stopEditing()
		if msg.Type == tea.KeyUp {
			e.move(-1)
		} else {
			e.move(1)
		}
		return nil
	}
	before := f.input.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	if f.input.Value() != before {
		return tea.Batch(cmd, e.edited())
	}
	return cmd
}

func (e *scenarioScreen) move(d int) {
	n := len(e.fields)
	for i := 0; i < n; i++ {
		e.focus = (e.focus + d + n) % n
		if e.enabled(e.focus) {
			return
		}
	}
}

func (e *scenarioScreen) stopEditing() {
	e.editing = false
	for i := range e.fields {
		e.fields[i].input.Blur()
	}
}

// cycle moves a choice field to its next or previous option.
func (e *scenarioScreen) cycle(f *field, d int) tea.Cmd {
	n := len(f.options)
	f.choice = (f.choice + d + n) % n
	if f.key == plan.FieldRepayment && e.repaymentOn() {
		e.defaultRepayment()
	}
	return e.edited()
}

// edited revalidates after a change and tells the root.
func (e *scenarioScreen) edited() tea.Cmd {
	e.changed = true
	sc, ok := e.build()
	e.rev++
	msg := editedMsg{load: e.load, rev: e.rev, sc: sc, valid: ok}
	if !ok {
		msg.invalid = e.invalid()
	}
	return send(msg)
}

// save writes the scenario the fields describe as a new TOML file beside
// the plans (see saveDirs and writeNew), saying the year it is for and,
// when it was edited, that it was and from what (asEdited).
func (e *scenarioScreen) save() tea.Cmd {
	sc, ok := e.build()
	if !ok {
		return status("Not saved: correct the fields marked ✗ first.", true)
	}
	y := e.cur.year
	sc.Year = y.Dataset.Year
	sc.Primary = false // a new file beside the year's own, which keep their primary
	if e.changed {
		sc = asEdited(sc, e.base, e.now())
	}
	return saveCmd(saveDirs(e.root, y), scenarioStem(e.base, true), sc.MarshalTOML(), e.load, e.rev, e.root == plan.EmbeddedRoot)
}
