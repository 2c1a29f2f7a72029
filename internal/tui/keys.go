package tui

import "github.com/charmbracelet/bubbles/key"

// keyMap is the program's one keymap. Bindings that only make sense on some
// screens are enabled and disabled as the user moves around, so the help bar
// only ever lists keys that do something where the user is.
type keyMap struct {
	// Everywhere.
	Next, Prev       key.Binding // screens in turn
	Screen           key.Binding // 1–5 jump to a screen
	PrevYear         key.Binding
	NextYear         key.Binding
	PrevScenario     key.Binding
	NextScenario     key.Binding
	Copy, Export     key.Binding
	Help, Quit       key.Binding
	ForceQuit        key.Binding // ctrl+c, even while typing
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	Top, Bottom      key.Binding
	Left, Right      key.Binding // Compare: scroll scenarios; Scenario: choose
	Sort, Reverse    key.Binding // Systems
	Filter           key.Binding // Systems
	ClearFilter      key.Binding // Systems, while a filter is set
	Open             key.Binding // Systems: explain the system
	Back             key.Binding // Explanation: back to Systems
	Edit             key.Binding // Scenario: edit or change the field
	Done             key.Binding // while typing: finish
	ClearField       key.Binding // while typing: clear (handled by the text field)
	Save, Reset      key.Binding // Scenario
}

// newKeyMap returns the keymap with every binding enabled.
func newKeyMap() keyMap {
	k := keyMap{
		Next:         key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next screen")),
		Prev:         key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous screen")),
		Screen:       key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-5", "go to screen")),
		PrevYear:     key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous year")),
		NextYear:     key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next year")),
		PrevScenario: key.NewBinding(key.WithKeys("<", "p"), key.WithHelp("</p", "previous scenario")),
		NextScenario: key.NewBinding(key.WithKeys(">", "n"), key.WithHelp(">/n", "next scenario")),
		Copy:         key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy summary")),
		Export:       key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export report")),
		Help:         key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit:         key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		ForceQuit:    key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown", "f", " "), key.WithHelp("pgdn/f", "page down")),
		Top:          key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		Bottom:       key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom")),
		Left:         key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "left")),
		Right:        key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "right")),
		Sort:         key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort by next column")),
		Reverse:      key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "reverse sort")),
		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "explain system")),
		Back:         key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Edit:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "edit field")),
		Done:         key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter/esc", "done")),
		ClearField:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear to start")),
		Save:         key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save as TOML")),
		Reset:        key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "reset scenario")),
	}
	return k
}

// context says what the user is doing, for enabling bindings.
type keyContext struct {
	screen    screen
	explain   bool // the explanation of a system is open
	typing    bool // a text field has the keyboard
	filtering bool // the Systems filter has a value
}

// setContext enables exactly the bindings that act in c.
func (k *keyMap) setContext(c keyContext) {
	global := !c.typing
	for _, b := range []*key.Binding{&k.Next, &k.Prev, &k.Screen, &k.PrevYear, &k.NextYear,
		&k.PrevScenario, &k.NextScenario, &k.Copy, &k.Export, &k.Help, &k.Quit} {
		b.SetEnabled(global)
	}
	k.ForceQuit.SetEnabled(c.typing)
	k.Done.SetEnabled(c.typing)
	k.ClearField.SetEnabled(c.typing)
	scroll := global && (c.screen == screenOverview || c.screen == screenSystems || c.screen == screenRepayments || c.screen == screenScenario)
	k.Up.SetEnabled(scroll)
	k.Down.SetEnabled(scroll)
	page := global && c.screen != screenScenario && c.screen != screenCompare
	k.PageUp.SetEnabled(page)
	k.PageDown.SetEnabled(page)
	k.Top.SetEnabled(page || (global && c.screen == screenScenario))
	k.Bottom.SetEnabled(page || (global && c.screen == screenScenario))
	lr := global && (c.screen == screenCompare || c.screen == screenScenario)
	k.Left.SetEnabled(lr)
	k.Right.SetEnabled(lr)
	if c.screen == screenScenario {
		k.Left.SetHelp("←/h", "previous choice")
		k.Right.SetHelp("→/l", "next choice")
	} else {
		k.Left.SetHelp("←/h", "earlier scenarios")
		k.Right.SetHelp("→/l", "later scenarios")
	}
	systems := global && c.screen == screenSystems && !c.explain
	k.Sort.SetEnabled(systems)
	k.Reverse.SetEnabled(systems)
	k.Filter.SetEnabled(systems)
	k.ClearFilter.SetEnabled(systems && c.filtering)
	k.Open.SetEnabled(systems)
	k.Back.SetEnabled(global && c.screen == screenSystems && c.explain)
	k.Edit.SetEnabled(global && c.screen == screenScenario)
	k.Save.SetEnabled(c.screen == screenScenario)
	k.Reset.SetEnabled(c.screen == screenScenario)
}

// ShortHelp lists the keys shown in the one-line help bar: the screen's own
// keys first, then the ones that work everywhere (y and e where there is
// room; ? lists them all).
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{
		k.Done, k.ClearField, k.ForceQuit,
		k.Back, k.Open, k.Sort, k.Reverse, k.Filter, k.ClearFilter,
		k.Edit, k.Left, k.Right, k.Save, k.Reset,
		k.Up, k.Down,
		k.Next, k.Help, k.Quit, k.Copy, k.Export,
	}
}

// FullHelp lists every key that acts where the user is, in columns: moving
// between screens, years and scenarios; the screen's own keys; scrolling;
// and the actions that work everywhere.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Prev, k.Screen, k.PrevYear, k.NextYear, k.PrevScenario, k.NextScenario},
		{k.Open, k.Back, k.Sort, k.Reverse, k.Filter, k.ClearFilter, k.Edit, k.Left, k.Right, k.Save, k.Reset, k.Done, k.ClearField},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Copy, k.Export, k.Help, k.Quit, k.ForceQuit},
	}
}
