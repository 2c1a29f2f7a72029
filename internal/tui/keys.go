package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// keyMap is the program's one keymap, shared by the root and every screen
// (through common). Every binding stays enabled: a screen lists in its help
// only the keys that act where the user is, and handles only those.
type keyMap struct {
	// The root's, everywhere unless a text field has the keyboard.
	Next, Prev   key.Binding // screens in turn
	Screen       key.Binding // 1…n jump to a screen
	PrevYear     key.Binding
	NextYear     key.Binding
	PrevScenario key.Binding
	NextScenario key.Binding
	NextRegime   key.Binding // the regime library, in turn, on the year's plans
	PrevRegime   key.Binding
	Copy, Export key.Binding
	WriteEmail   key.Binding // the email summary to a file
	ExportTable  key.Binding // e on a screen that exports its own table (Compare)
	Help, Quit   key.Binding
	ForceQuit    key.Binding // ctrl+c, even while typing

	// Scrolling, on the screens that scroll.
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	Top, Bottom      key.Binding

	// The screens' own.
	Earlier, Later         key.Binding // Compare: scroll the scenarios
	ToggleRegimes          key.Binding // Compare: the regimes side by side, or the scenarios
	PrevChoice, NextChoice key.Binding // Scenario: change a choice
	Sort, Reverse          key.Binding // Systems
	Filter                 key.Binding // Systems
	ClearFilter            key.Binding // Systems, while a filter is set
	Open                   key.Binding // a table row: open its explanation
	Back                   key.Binding // an explanation: back to the table
	Edit                   key.Binding // Scenario: edit or change the field
	Done                   key.Binding // while typing: finish
	ClearField             key.Binding // while typing: clear (handled by the text field)
	Save, Reset            key.Binding // Scenario
	AddTranche             key.Binding // Scenario: a tranche more
	AddConsequence         key.Binding // Scenario: a consequence more
	RemoveEntry            key.Binding // Scenario: remove the tranche or consequence under the cursor
}

// newKeyMap returns the keymap for a program of n screens.
func newKeyMap(n int) keyMap {
	nums := make([]string, min(n, 9))
	for i := range nums {
		nums[i] = fmt.Sprint(i + 1)
	}
	return keyMap{
		Next:           key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next screen")),
		Prev:           key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous screen")),
		Screen:         key.NewBinding(key.WithKeys(nums...), key.WithHelp(screenKeysHelp(len(nums), "-"), "go to screen")),
		PrevYear:       key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous year")),
		NextYear:       key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next year")),
		PrevScenario:   key.NewBinding(key.WithKeys("<", "p"), key.WithHelp("</p", "previous scenario")),
		NextScenario:   key.NewBinding(key.WithKeys(">", "n"), key.WithHelp(">/n", "next scenario")),
		NextRegime:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "next regime")),
		PrevRegime:     key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "previous regime")),
		Copy:           key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy summary")),
		Export:         key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export report")),
		WriteEmail:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "write summary to file")),
		ExportTable:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export comparison")),
		Help:           key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit:           key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		ForceQuit:      key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Up:             key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:           key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:         key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown:       key.NewBinding(key.WithKeys("pgdown", "f", " "), key.WithHelp("pgdn/f", "page down")),
		Top:            key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		Bottom:         key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom")),
		Earlier:        key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "earlier scenarios")),
		Later:          key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "later scenarios")),
		ToggleRegimes:  key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "regimes side by side")),
		PrevChoice:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous choice")),
		NextChoice:     key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next choice")),
		Sort:           key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort by next column")),
		Reverse:        key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "reverse sort")),
		Filter:         key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Open:           key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "explain")),
		Back:           key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Edit:           key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "edit field")),
		Done:           key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter/esc", "done")),
		ClearField:     key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear to start")),
		Save:           key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save as TOML")),
		Reset:          key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "reset scenario")),
		AddTranche:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "add tranche")),
		AddConsequence: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "add consequence")),
		RemoveEntry:    key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "remove")),
	}
}

// screenKeysHelp names the screen-number keys, "1-5" (or just "1").
func screenKeysHelp(n int, dash string) string {
	if n <= 1 {
		return "1"
	}
	return fmt.Sprintf("1%s%d", dash, n)
}

// scrollKeys are the keys of a screen that scrolls: the short help lists ↑↓,
// the full help every one.
func (k *keyMap) scrollKeys() (short, full []key.Binding) {
	return []key.Binding{k.Up, k.Down}, []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
}

// typingKeys are the keys that act while a text field has the keyboard (ctrl+c
// is then the only way to quit).
func (k *keyMap) typingKeys() []key.Binding {
	return []key.Binding{k.Done, k.ClearField, k.ForceQuit}
}

// rootHelp is the help of the current screen framed by the root's own keys:
// in the bar, the screen's keys and then tab, ?, q, y and e; in the full help,
// moving between screens, years and scenarios, the screen's columns, and the
// actions that work everywhere. While the screen is capturing text only its
// keys (and ctrl+c) are listed.
type rootHelp struct {
	k       *keyMap
	screen  screen
	regimes bool // there is a regime library: r and R act
}

// ShortHelp lists the keys in the one-line help bar.
func (h rootHelp) ShortHelp() []key.Binding {
	b := h.screen.ShortHelp()
	if h.screen.Capturing() {
		return b
	}
	b = append(b, h.k.Next)
	if h.regimes {
		b = append(b, h.k.NextRegime)
	}
	return append(b, h.k.Help, h.k.Quit, h.k.Copy, h.export(), h.k.WriteEmail)
}

// FullHelp lists every key that acts where the user is, in columns.
func (h rootHelp) FullHelp() [][]key.Binding {
	k := h.k
	if h.screen.Capturing() {
		return append(h.screen.FullHelp(), []key.Binding{k.ForceQuit})
	}
	move := []key.Binding{k.Next, k.Prev, k.Screen, k.PrevYear, k.NextYear, k.PrevScenario, k.NextScenario}
	if h.regimes {
		move = append(move, k.NextRegime, k.PrevRegime)
	}
	cols := [][]key.Binding{move}
	cols = append(cols, h.screen.FullHelp()...)
	return append(cols, []key.Binding{k.Copy, k.WriteEmail, h.export(), k.Help, k.Quit})
}

// export is e as it acts on the screen: the screen's own table, or the
// report.
func (h rootHelp) export() key.Binding {
	if _, ok := h.screen.(exporter); ok {
		return h.k.ExportTable
	}
	return h.k.Export
}

// openingHint is how to move around, on the first status line; r is
// there when there are regimes to run.
func openingHint(n int, regimes bool) string {
	hint := []string{"tab or " + screenKeysHelp(min(n, 9), "–") + " change screen", "[ ] year", "< > scenario"}
	if regimes {
		hint = append(hint, "r regimes")
	}
	return strings.Join(append(hint, "? all keys"), " · ")
}
