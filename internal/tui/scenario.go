package tui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"icsplan/internal/money"
	"icsplan/internal/plan"
	"icsplan/internal/report"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/shopspring/decimal"
)

// fieldKind is how a scenario field is edited.
type fieldKind int

const (
	kindText   fieldKind = iota // typed, parsed as you type
	kindChoice                  // one of a few values, changed with ←/→ or enter
)

// Field keys; they match plan.Problem.Column values from Scenario.Validate.
const (
	fPot       = "pot"
	fRule      = "eligibility.rule"
	fEligBasis = "eligibility.basis"
	fMethod    = "allocation.method"
	fAllocBase = "allocation.basis"
	fCap       = "allocation.cap"
	fUnit      = "allocation.unit"
	fRepay     = "repayment"
	fFirstYear = "repayment.first_year"
	fYears     = "repayment.years"
	fProfile   = "repayment.profile"
	fInterest  = "repayment.interest"
	fDiscount  = "assumptions.discount_rate"
	fWriteOff  = "assumptions.write_off"
	fThreshold = "assumptions.balanced_threshold"
)

// field is one editable scenario field.
type field struct {
	key     string
	label   string
	kind    fieldKind
	options []string // kindChoice
	choice  int      // kindChoice
	input   textinput.Model
	err     string
	repay   bool // part of the repayment schedule: off for a grant
}

func (f *field) value() string {
	if f.kind == kindChoice {
		return f.options[f.choice]
	}
	return f.input.Value()
}

// scenarioModel edits every field of the working scenario, validating as
// the user types; each valid change is analysed again at once.
type scenarioModel struct {
	fields  []field
	focus   int
	editing bool     // a text field has the keyboard
	changed bool     // edited since loaded or reset
	general []string // problems not tied to one field
	base    plan.Scenario
	year    string // year of receipt, for the default first repayment year
}

// newScenarioEditor fills the fields from sc.
func newScenarioEditor(sc plan.Scenario, year string, st styles) scenarioModel {
	e := scenarioModel{base: sc, year: year}
	text := func(key, label, v string, repay bool) {
		ti := textinput.New()
		ti.Prompt = ""
		ti.CharLimit = 64
		ti.Width = 16
		st.styleInput(&ti)
		ti.Cursor.SetMode(cursor.CursorStatic)
		ti.SetValue(v)
		e.fields = append(e.fields, field{key: key, label: label, kind: kindText, input: ti, repay: repay})
	}
	choice := func(key, label string, options []string, v string, repay bool) {
		c := -1
		for i, o := range options {
			if o == v {
				c = i
			}
		}
		if c < 0 {
			options = append(options, v)
			c = len(options) - 1
		}
		e.fields = append(e.fields, field{key: key, label: label, kind: kindChoice, options: options, choice: c, repay: repay})
	}
	bases := []string{string(plan.BasisPlan), string(plan.BasisForecast), string(plan.BasisOutturn)}
	text(fPot, "Pot", moneyText(sc.Pot), false)
	choice(fRule, "Eligible: rule", []string{string(plan.RuleDeficit), string(plan.RuleBalanced), string(plan.RuleAll)}, string(sc.Eligibility.Rule), false)
	choice(fEligBasis, "Eligible: basis", bases, string(sc.Eligibility.Basis), false)
	choice(fMethod, "Allocation: method", []string{string(plan.MethodProRata), string(plan.MethodPerCapita), string(plan.MethodEqual)}, string(sc.Allocation.Method), false)
	choice(fAllocBase, "Allocation: basis", append([]string(nil), bases...), string(sc.Allocation.Basis), false)
	choice(fCap, "Allocation: cap", []string{string(plan.CapNone), string(plan.CapDeficit)}, string(sc.Allocation.Cap), false)
	choice(fUnit, "Allocation: unit", []string{"£0.01", "£1", "£1000"}, unitText(sc.Allocation.Unit), false)
	rep := sc.Repayment
	on := "on"
	if rep == nil {
		on = "off (grant)"
		rep = &plan.Repayment{}
	}
	choice(fRepay, "Repayment", []string{"off (grant)", "on"}, on, false)
	years := ""
	if rep.Years > 0 {
		years = strconv.Itoa(rep.Years)
	}
	var prof []string
	for _, p := range rep.Profile {
		prof = append(prof, pct(p))
	}
	interest := ""
	if sc.Repayment != nil {
		interest = pct(rep.Interest)
	}
	text(fFirstYear, "Repayment: first year", rep.FirstYear, true)
	text(fYears, "Repayment: years", years, true)
	text(fProfile, "Repayment: profile", strings.Join(prof, ", "), true)
	text(fInterest, "Repayment: interest", interest, true)
	text(fDiscount, "Discount rate", pct(sc.Assumptions.DiscountRate), false)
	text(fWriteOff, "Write-off", pct(sc.Assumptions.WriteOff), false)
	text(fThreshold, "Balanced threshold", moneyText(sc.Assumptions.BalancedThreshold), false)
	return e
}

// moneyText writes an amount so that money.Parse reads it back exactly.
func moneyText(d decimal.Decimal) string {
	if d.Equal(d.Truncate(0)) {
		return fpound(d)
	}
	return fp(d)
}

func unitText(u decimal.Decimal) string {
	if u.Equal(u.Truncate(0)) {
		return "£" + u.String()
	}
	return "£" + u.StringFixed(2)
}

func (e *scenarioModel) field(key string) *field {
	for i := range e.fields {
		if e.fields[i].key == key {
			return &e.fields[i]
		}
	}
	return nil
}

func (e *scenarioModel) repaymentOn() bool { return e.field(fRepay).choice == 1 }

// enabled reports whether field i can be edited now.
func (e *scenarioModel) enabled(i int) bool { return !e.fields[i].repay || e.repaymentOn() }

// build reads every field into a scenario, recording each field's error; ok
// is false if any field is wrong.
func (e *scenarioModel) build() (plan.Scenario, bool) {
	sc := e.base
	ok := true
	e.general = nil
	for i := range e.fields {
		e.fields[i].err = ""
	}
	fail := func(f *field, format string, a ...any) {
		f.err = fmt.Sprintf(format, a...)
		ok = false
	}
	amount := func(key string, negOK bool) decimal.Decimal {
		f := e.field(key)
		d, err := money.Parse(f.input.Value())
		switch {
		case err != nil:
			fail(f, "cannot read %q as money", f.input.Value())
		case !negOK && d.IsNegative():
			fail(f, "must not be negative")
		}
		return d
	}
	rate := func(key string) decimal.Decimal {
		f := e.field(key)
		d, err := money.ParseRate(f.input.Value())
		if err != nil {
			fail(f, "cannot read %q as a rate (3.5%% or 0.035)", f.input.Value())
		}
		return d
	}
	sc.Pot = amount(fPot, false)
	sc.Eligibility.Rule = plan.Rule(e.field(fRule).value())
	sc.Eligibility.Basis = plan.Basis(e.field(fEligBasis).value())
	sc.Allocation.Method = plan.Method(e.field(fMethod).value())
	sc.Allocation.Basis = plan.Basis(e.field(fAllocBase).value())
	sc.Allocation.Cap = plan.Cap(e.field(fCap).value())
	if u, err := money.Parse(e.field(fUnit).value()); err == nil {
		sc.Allocation.Unit = u
	} else {
		fail(e.field(fUnit), "cannot read %q as money", e.field(fUnit).value())
	}
	sc.Assumptions.DiscountRate = rate(fDiscount)
	sc.Assumptions.WriteOff = rate(fWriteOff)
	sc.Assumptions.BalancedThreshold = amount(fThreshold, false)
	if e.repaymentOn() {
		r := &plan.Repayment{}
		fy := e.field(fFirstYear)
		r.FirstYear = strings.TrimSpace(fy.input.Value())
		if _, err := plan.YearStart(r.FirstYear); err != nil {
			fail(fy, "cannot read %q as a financial year such as 2025/26", fy.input.Value())
		}
		yf := e.field(fYears)
		n, err := strconv.Atoi(strings.TrimSpace(yf.input.Value()))
		switch {
		case err != nil:
			fail(yf, "cannot read %q as a whole number of years", yf.input.Value())
		case n < 1:
			fail(yf, "must be at least 1")
		}
		r.Years = n
		pf := e.field(fProfile)
		for _, part := range strings.FieldsFunc(pf.input.Value(), func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
			d, err := money.ParseRate(part)
			if err != nil {
				fail(pf, "cannot read %q as a share (25%%)", part)
				break
			}
			r.Profile = append(r.Profile, d)
		}
		r.Interest = rate(fInterest)
		sc.Repayment = r
	} else {
		sc.Repayment = nil
	}
	if !ok {
		return sc, false
	}
	if err := sc.Validate(); err != nil {
		ok = false
		e.attach(err)
	}
	return sc, ok
}

// attach puts validation problems next to their fields.
func (e *scenarioModel) attach(err error) {
	var probs plan.Problems
	var prob plan.Problem
	switch {
	case errors.As(err, &probs):
	case errors.As(err, &prob):
		probs = plan.Problems{prob}
	default:
		e.general = append(e.general, err.Error())
		return
	}
	for _, p := range probs {
		if f := e.match(p.Column); f != nil {
			if f.err == "" {
				f.err = p.Message
			}
			continue
		}
		e.general = append(e.general, p.Error())
	}
}

// match finds the field a problem's column names.
func (e *scenarioModel) match(col string) *field {
	col = strings.ToLower(strings.TrimSpace(col))
	if col == "" {
		return nil
	}
	for i := range e.fields {
		if e.fields[i].key == col {
			return &e.fields[i]
		}
	}
	for i := range e.fields {
		k := e.fields[i].key
		if last := k[strings.LastIndex(k, ".")+1:]; col == last {
			return &e.fields[i]
		}
	}
	return nil
}

func (e *scenarioModel) move(d int) {
	n := len(e.fields)
	for i := 0; i < n; i++ {
		e.focus = (e.focus + d + n) % n
		if e.enabled(e.focus) {
			return
		}
	}
}

func (e *scenarioModel) stopEditing() {
	e.editing = false
	for i := range e.fields {
		e.fields[i].input.Blur()
	}
}

// changedField revalidates after an edit and, if the scenario is valid,
// asks the root to analyse it.
func (e *scenarioModel) changedField(m *model) tea.Cmd {
	e.changed = true
	sc, ok := e.build()
	if !ok {
		return nil
	}
	return m.editedScenario(sc)
}

func (e *scenarioModel) update(m *model, msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Save):
		return e.save(m)
	case key.Matches(msg, k.Reset):
		e.stopEditing()
		m.work = m.base
		m.minSeq = m.seq + 1
		*e = newScenarioEditor(m.base, m.year().Dataset.Year, m.st)
		m.setStatus("Reset the scenario to how it was loaded.", false)
		return m.computeCmd()
	}
	f := &e.fields[e.focus]
	if e.editing {
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
			return tea.Batch(cmd, e.changedField(m))
		}
		return cmd
	}
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
			return e.cycle(m, f, 1)
		}
		e.editing = true
		f.input.CursorEnd()
		return f.input.Focus()
	case key.Matches(msg, k.Left):
		if f.kind == kindChoice {
			return e.cycle(m, f, -1)
		}
	case key.Matches(msg, k.Right):
		if f.kind == kindChoice {
			return e.cycle(m, f, 1)
		}
	}
	return nil
}

// cycle moves a choice field to its next or previous option.
func (e *scenarioModel) cycle(m *model, f *field, d int) tea.Cmd {
	n := len(f.options)
	f.choice = (f.choice + d + n) % n
	if f.key == fRepay && e.repaymentOn() {
		e.defaultRepayment()
	}
	return e.changedField(m)
}

// defaultRepayment fills empty repayment fields when repayment is switched
// on: three equal years starting two years after receipt, no interest.
func (e *scenarioModel) defaultRepayment() {
	if f := e.field(fFirstYear); f.input.Value() == "" {
		if y, err := plan.YearStart(e.year); err == nil {
			f.input.SetValue(fmt.Sprintf("%d/%02d", y+2, (y+3)%100))
		}
	}
	if f := e.field(fYears); f.input.Value() == "" {
		f.input.SetValue("3")
	}
	if f := e.field(fInterest); f.input.Value() == "" {
		f.input.SetValue("0%")
	}
}

// savedMsg reports the outcome of saving or exporting a file.
type savedMsg struct {
	text string
	err  bool
}

// save writes the working scenario as TOML beside the user, atomically.
func (e *scenarioModel) save(m *model) tea.Cmd {
	if _, ok := e.build(); !ok {
		m.setStatus("Not saved: correct the fields marked ✗ first.", true)
		return nil
	}
	name := fileStem(m.work.Name, "scenario") + "-edited.toml"
	data := m.work.MarshalTOML()
	return func() tea.Msg {
		if err := report.WriteBytes(name, data); err != nil {
			return savedMsg{text: "Not saved: " + firstLine(err.Error()), err: true}
		}
		return savedMsg{text: "Saved the scenario to " + absPath(name)}
	}
}

// absPath is path made absolute for messages; it falls back to path.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// fileStem turns a name into something safe to use in a file name.
func fileStem(name, fallback string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	s := strings.Trim(b.String(), "-.")
	if s == "" {
		return fallback
	}
	return s
}

func (e scenarioModel) view(m *model, w, h int) string {
	st := m.st
	var lines []string
	edited := ""
	if e.changed {
		edited = " (edited)"
	}
	lines = append(lines, st.heading.Render("Scenario: ")+trunc(safe(scenarioTitle(e.base))+edited, w-10))
	const labelW, valueW = 23, 20
	focusLine := 0
	for i := range e.fields {
		f := &e.fields[i]
		mark := "  "
		if i == e.focus {
			mark = "› "
			focusLine = len(lines)
		}
		var v string
		switch {
		case !e.enabled(i):
			v = st.dim.Render("— (grant)")
		case f.kind == kindChoice && i == e.focus:
			v = "‹ " + f.value() + " ›"
		case f.kind == kindChoice:
			v = f.value()
		case i == e.focus && e.editing:
			v = f.input.View()
		default:
			v = safe(f.input.Value())
			if v == "" && f.key == fProfile {
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
			line = st.selected.Render(padRight(line, w))
		}
		lines = append(lines, trunc(line, w))
	}
	for _, g := range e.general {
		lines = append(lines, trunc(st.errorText.Render("✗ "+safe(g)), w))
	}
	if m.calcErr != nil {
		lines = append(lines, trunc(st.errorText.Render("✗ "+safe(firstLine(m.calcErr.Error()))), w))
	}
	if f := &e.fields[e.focus]; f.err != "" && e.enabled(e.focus) {
		for _, l := range wrap("✗ "+f.label+": "+safe(f.err), w) {
			lines = append(lines, st.errorText.Render(l))
		}
	}
	live := "Live: " + st.verdictText(m.res.Verdict.Label).Render(m.res.Verdict.Label.Words())
	if m.busy {
		live += " · recomputing…"
	}
	lines = append(lines, trunc(live, w), trunc("      pot "+fm(m.res.Totals.Pot)+" · to deficit group "+fm(m.res.Deficit.Allocation)+
		" · to balanced group "+fm(m.res.Balanced.Allocation)+" · grant per head "+fp(m.res.Deficit.GrantPerHead)+
		" vs "+fp(m.res.Balanced.GrantPerHead), w))
	if len(lines) <= h {
		return fitLines(lines, w, h)
	}
	off := max(0, min(focusLine-h/2, len(lines)-h))
	return fitLines(lines[off:], w, h)
}
