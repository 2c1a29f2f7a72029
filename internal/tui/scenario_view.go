package tui

import "icsplan/internal/plan"

// View draws the fields, their errors and the live verdict, scrolled to
// keep the field under the cursor in view.
func (e *scenarioScreen) View() string {
	st := &e.st
	w, h := e.width, e.height
	cur := &e.cur
	edited := ""
	if e.changed {
		edited = " (edited)"
	}
	lines := []string{st.heading.Render("Scenario: ") + trunc(safe(scenarioTitle(e.base))+edited, w-10)}
	focusLine := 0
	for i := range e.fields {
		if i == e.focus {
			focusLine = len(lines)
		}
		lines = append(lines, trunc(e.fieldLine(i), w))
	}
	for _, g := range e.general {
		lines = append(lines, trunc(st.errorText.Render("✗ "+safe(g)), w))
	}
	if cur.err != nil {
		lines = append(lines, trunc(st.errorText.Render("✗ "+safe(firstLine(cur.err.Error()))), w))
	}
	if f := &e.fields[e.focus]; f.err != "" && e.enabled(e.focus) {
		for _, l := range wrap("✗ "+f.label+": "+safe(f.err), w) {
			lines = append(lines, st.errorText.Render(l))
		}
	}
	r := &cur.res
	live := "Live: " + st.verdictText(r.Verdict.Label).Render(r.Verdict.Label.Words())
	if cur.busy {
		live += " · recomputing…"
	}
	lines = append(lines, trunc(live, w), trunc("      pot "+fm(r.Totals.Pot)+" · to deficit group "+fm(r.Deficit.Allocation)+
		" · to balanced group "+fm(r.Balanced.Allocation)+" · grant per head "+fp(r.Deficit.GrantPerHead)+
		" vs "+fp(r.Balanced.GrantPerHead), w))
	if len(lines) <= h {
		return fitLines(lines, w, h)
	}
	off := max(0, min(focusLine-h/2, len(lines)-h))
	return fitLines(lines[off:], w, h)
}

// fieldLine draws field i: its label, its value (as typed, or the choice)
// and its error.
func (e *scenarioScreen) fieldLine(i int) string {
	const labelW, valueW = 23, 20
	st := &e.st
	f := &e.fields[i]
	mark := "  "
	if i == e.focus {
		mark = "› "
	}
	var v string
	switch {
	case !e.enabled(i):
		v = st.dim.Render("— (grant)")
	case f.kind == kindChoice && i == e.focus:
		v = "‹ " + choiceText(f.key, f.value()) + " ›"
	case f.kind == kindChoice:
		v = choiceText(f.key, f.value())
	case i == e.focus && e.editing:
		v = f.input.View()
	default:
		v = safe(f.input.Value())
		if v == "" && f.key == plan.FieldProfile {
			v = st.dim.Render("equal shares")
		}
		if i == e.focus {
			v = "[" + v + "]"
		}
	}
	line := mark + padRight(f.label, labelW) + padRight(v, valueW)
	if f.err != "" && e.enabled(i) {
		line += st.errorText.Render("✗ " + safe(f.err))
	}
	if i == e.focus && !e.editing {
		line = st.selected.Render(padRight(line, e.width))
	}
	return line
}
