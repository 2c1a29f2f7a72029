package plan

import (
	"fmt"

	"github.com/shopspring/decimal"

	"icsplan/internal/money"
)

// Warning is a value a scenario may hold that is probably not what was
// meant, such as a pot of £700 where £700m was meant: the scenario is
// analysed as it stands, and the warning is shown beside it.
type Warning struct {
	Field   string // the field it is about, as in EditableFields ("pot")
	Message string // a sentence naming the value and what to write instead
}

// String is the warning as one line: the field, then the message.
func (w Warning) String() string { return w.Field + ": " + w.Message }

// potFloor is the least pot per system that is not warned about: £1,000.
// No bailout of NHS systems is that small, and a pot of £700 (700 typed
// where £700m was meant) is well below it for any number of systems.
var potFloor = decimal.NewFromInt(1000)

// FieldWarnings checks a scenario against the plans it is applied to for
// values that are allowed but probably mistaken: today a pot of less than
// £1,000 for each system (700 typed where £700m was meant), with the forms
// that write millions listed. A pot of "deficits" is worked out from the
// plans, and a pot of £0 (a regime with no pot, a year with no support)
// shows itself in every figure: neither is warned about.
func (s Scenario) FieldWarnings(d Dataset) []Warning {
	var ws []Warning
	n := int64(len(d.Systems))
	if n > 0 && !s.PotDeficits && s.Pot.IsPositive() && s.Pot.LessThan(potFloor.Mul(decimal.NewFromInt(n))) {
		ws = append(ws, Warning{Field: FieldPot, Message: potMessage(s.Pot, n)})
	}
	return ws
}

// Warnings is FieldWarnings as lines, for a report's warnings or a status
// line: `pot: the pot is £700, less than £1,000 for each of the 42 systems: …`.
func (s Scenario) Warnings(d Dataset) []string {
	var out []string
	for _, w := range s.FieldWarnings(d) {
		out = append(out, w.String())
	}
	return out
}

// potMessage says the pot is less than £1,000 a system and how to write it in
// millions: the figure typed, read as millions, in the three forms the
// money parser takes.
func potMessage(pot decimal.Decimal, n int64) string {
	m := pot
	forms := fmt.Sprintf(`"£%sm", "%sbn" or "%s"`, m.String(), m.Shift(-3).String(), money.Grouped(m.Shift(6)))
	shown := money.Format(pot, money.Style{Scale: money.Pounds})
	if !pot.IsInteger() {
		shown = money.Format(pot, money.Style{Scale: money.Pence})
	}
	return fmt.Sprintf("the pot is %s, less than £1,000 for each of the %d systems: if you meant £%s million, write %s", shown, n, m.String(), forms)
}

// IllustrativeWarning says how many of the dataset's systems have
// illustrative figures (their source says so), or "" when none do: one of
// the warnings shown whenever plans are loaded.
func (d Dataset) IllustrativeWarning() string {
	n := d.Illustrative()
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d of the %d systems have illustrative figures, not reported ones (marked †)", n, len(d.Systems))
}
