package tui

import (
	"icsplan/internal/plan"

	"github.com/charmbracelet/x/ansi"
)

// View draws the title, the fields, and below them what is wrong with
// them, their warnings and the live verdict; when they do not all fit the
// fields scroll to keep the one under the cursor in view, and the lines
// below stay.
func (e *scenarioScreen) View() string {
	st := &e.st
	w, h := e.width, e.height
	cur := &e.cur
	edited := ""
	if e.changed {
		edited = " (edited)"
	}
	title := st.heading.Render("Scenario: ") + trunc(safe(scenarioTitle(e.base))+edited, w-10)
	fields := make([]string, len(e.fields))
	for i := range e.fields {
		fields[i] = trunc(e.fieldLine(i), w)
	}
	var below []string
	for _, g := range e.general {
		below = append(below, trunc(st.errorText.Render("✗ "+safe(g)), w))
	}
	if cur.err != nil {
		below = append(below, trunc(st.errorText.Render("✗ "+safe(firstLine(cur.err.Error()))), w))
	}
	if f := &e.fields[e.focus]; f.err != "" && e.enabled(e.focus) {
		for _, l := range wrap("✗ "+f.label+": "+safe(f.err), w) {
			below = append(below, st.errorText.Render(l))
		}
	} else if h := fieldHint(f.key); h != "" && e.enabled(e.focus) {
		for _, l := range wrap(h, w) {
			below = append(below, st.dim.Render(l))
		}
	}
	below = append(below, e.warningLines(w)...)
	below = append(e.liveLines(w), below...)
	// The fields get what is left, and at least a few lines.
	fh := max(min(len(fields), 3), h-1-len(below))
	if fh < len(fields) {
		off := max(0, min(e.focus-fh/2, len(fields)-fh))
		fields = fields[off : off+fh]
	}
	return fitLines(append(append([]string{title}, fields...), below...), w, h)
}

// warningLines are the warnings of the scenario as the fields describe it,
// in full, each naming its field.
func (e *scenarioScreen) warningLines(w int) []string {
	var out []string
	for i := range e.fields {
		if f := &e.fields[i]; f.warn != "" && e.enabled(i) {
			for _, l := range wrap("⚠ "+f.label+": "+safe(f.warn), w) {
				out = append(out, e.st.warn.Render(l))
			}
		}
	}
	for _, n := range e.notes {
		for _, l := range wrap("⚠ "+safe(n), w) {
			out = append(out, e.st.warn.Render(l))
		}
	}
	return out
}

// liveLines are the verdict and headline figures of the latest analysis,
// wrapped between figures, never through one; while a field is invalid
// they say they are the last valid scenario's.
func (e *scenarioScreen) liveLines(w int) []string {
	st := &e.st
	cur := &e.cur
	r := &cur.res
	head := "Live: "
	if cur.stale() {
		head = "Last valid (not as typed): "
	}
	live := head + st.verdictText(r.Verdict.Label).Render(r.Verdict.Label.Words())
	if cur.busy {
		live += " · recomputing…"
	}
	parts := []string{"pot " + fm(r.Totals.Pot), "to deficit group " + fm(r.Deficit.Allocation),
		"to balanced group " + fm(r.Balanced.Allocation),
		"grant per head " + fp(r.Deficit.GrantPerHead) + " vs " + fp(r.Balanced.GrantPerHead)}
	if len(r.Scenario.Tranches) > 0 {
		parts = append(parts, "withheld "+fm(r.Totals.Withheld))
	}
	if len(r.Scenario.Consequences) > 0 {
		parts = append(parts, "deductions "+fm(r.Totals.Deductions), "bonuses "+fm(r.Totals.Bonuses))
	}
	return append([]string{trunc(live, w)}, joinWrap(parts, " · ", "      ", w)...)
}

// joinWrap joins parts with sep into lines of at most w cells, each line
// starting with indent, breaking only between parts (a part too long for
// a line of its own is word-wrapped).
func joinWrap(parts []string, sep, indent string, w int) []string {
	var out []string
	line := ""
	for _, p := range parts {
		switch {
		case line == "":
			line = indent + p
		case ansi.StringWidth(line+sep+p) <= w:
			line += sep + p
		default:
			out = append(out, line)
			line = indent + p
		}
		if ansi.StringWidth(line) > w {
			ls := wrap(line, w)
			out = append(out, ls[:len(ls)-1]...)
			line = ls[len(ls)-1]
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// fieldLine draws field i: its label, its value (as typed, or the choice)
// and its error or warning.
func (e *scenarioScreen) fieldLine(i int) string {
	const valueW = 20
	labelW := 23
	for k := range e.fields { // as wide as the longest label, "Consequence 1: probability"
		labelW = max(labelW, ansi.StringWidth(e.fields[k].label)+1)
	}
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
		switch en := entryOf(f.key); {
		case v == "" && f.key == plan.FieldProfile:
			v = st.dim.Render("equal shares")
		case v == "" && en.table == "tranche" && en.leaf == plan.LeafPaid:
			v = st.dim.Render("the plans' year")
		}
		if i == e.focus {
			v = "[" + v + "]"
		}
	}
	line := mark + padRight(f.label, labelW) + padRight(v, valueW)
	switch {
	case f.err != "" && e.enabled(i):
		line += st.errorText.Render("✗ " + safe(f.err))
	case f.warn != "" && e.enabled(i):
		line += st.warn.Render("⚠ probably not meant: see below")
	}
	if i == e.focus && !e.editing {
		line = st.selected.Render(padRight(line, e.width))
	}
	return line
}

// fieldHint says what a typed field takes, for the one under the cursor.
func fieldHint(key string) string {
	if key == plan.FieldPot {
		return "An amount (£700m, 2.2bn), or deficits: each eligible system's own deficit on the allocation basis."
	}
	en := entryOf(key)
	return map[string]string{
		"tranche." + plan.LeafShare:           "Its share of each allocation: the tranches' shares add up to 100%.",
		"tranche." + plan.LeafPaid:            "The financial year it is paid, like 2024/25; blank for the plans' year.",
		"tranche." + plan.LeafTolerance:       "How far below its plan a system's figure may fall and still be paid.",
		"consequence." + plan.LeafRate:        "Of the base: 100% is £1 for each £1 (PSF paid 200%).",
		"consequence." + plan.LeafYear:        "The financial year it falls in, like 2024/25.",
		"consequence." + plan.LeafProbability: "The chance it is enforced: its value is weighted by it.",
	}[en.table+"."+en.leaf]
}
