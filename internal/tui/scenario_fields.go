package tui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"icsplan/internal/plan"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
)

// fieldKind is how a scenario field is edited.
type fieldKind int

const (
	kindText   fieldKind = iota // typed, checked as you type
	kindChoice                  // one of a few values, changed with ←/→ or enter
)

// fieldLabels are the editor's names for plan's editable fields; a field
// plan adds without a label here shows its key.
var fieldLabels = map[string]string{
	plan.FieldPot:              "Pot",
	plan.FieldRule:             "Eligible: rule",
	plan.FieldEligibilityBasis: "Eligible: basis",
	plan.FieldMethod:           "Allocation: method",
	plan.FieldAllocationBasis:  "Allocation: basis",
	plan.FieldCap:              "Allocation: cap",
	plan.FieldUnit:             "Allocation: unit",
	plan.FieldRepayment:        "Repayment",
	plan.FieldRepaymentKind:    "Repayment: kind",
	plan.FieldFirstYear:        "Repayment: first year",
	plan.FieldYears:            "Repayment: years",
	plan.FieldProfile:          "Repayment: profile",
	plan.FieldInterest:         "Repayment: interest",
	plan.FieldDiscountRate:     "Discount rate",
	plan.FieldWriteOff:         "Write-off",
	plan.FieldThreshold:        "Balanced threshold",
}

// field is one editable scenario field.
type field struct {
	key     string
	label   string
	kind    fieldKind
	options []string // kindChoice
	choice  int      // kindChoice
	input   textinput.Model
	err     string
	warn    string // a value allowed but probably mistaken (plan's FieldWarnings)
	repay   bool   // part of the repayment schedule: off for a grant
}

func (f *field) value() string {
	if f.kind == kindChoice {
		return f.options[f.choice]
	}
	return f.input.Value()
}

// form is the text of every field of a scenario, and what is wrong with it.
type form struct {
	fields  []field
	general []string      // problems not tied to one field
	notes   []string      // warnings not tied to one field
	base    plan.Scenario // what the fields were filled from
	ds      plan.Dataset  // the plans it is applied to: their year is the year of receipt
}

// newForm fills the fields from sc, one for each of its fields (plan's
// Fields: the first stage's, then each tranche's and each consequence's),
// with the text plan gives for its value; ds are the plans it is applied
// to.
func newForm(sc plan.Scenario, ds plan.Dataset, st *styles) form {
	f := form{base: sc, ds: ds}
	for _, key := range sc.Fields() {
		fl := field{key: key, label: fieldLabel(key), repay: strings.HasPrefix(key, plan.FieldRepayment+".")}
		v := sc.FieldText(key)
		if key == plan.FieldRepaymentKind && v == "" { // a grant: a loan if it is switched on
			v = string(plan.RepaymentLoan)
		}
		if options := plan.FieldChoices(key); options != nil {
			fl.kind, fl.options, fl.choice = kindChoice, options, slices.Index(options, v)
			if fl.choice < 0 { // a value plan does not offer: keep it as a choice
				fl.options, fl.choice = append(fl.options, v), len(fl.options)
			}
		} else {
			fl.input = textInput(st, v)
		}
		f.fields = append(f.fields, fl)
	}
	return f
}

// relist refills the fields from base, a scenario with a tranche or a
// consequence more or fewer than the form's: a field whose key from(key)
// names a field of the form keeps that field's text (typed, perhaps
// invalid) under its new key; the others get base's values.
func (f *form) relist(base plan.Scenario, from func(key string) string, st *styles) {
	old := make(map[string]field, len(f.fields))
	for _, fl := range f.fields {
		old[fl.key] = fl
	}
	nf := newForm(base, f.ds, st)
	for i := range nf.fields {
		if o, ok := old[from(nf.fields[i].key)]; ok {
			o.key, o.label = nf.fields[i].key, nf.fields[i].label
			nf.fields[i] = o
		}
	}
	f.fields, f.base = nf.fields, base
}

// entry is the tranche or consequence a field's key belongs to
// ("tranche.2.share" is tranche 2's share); n is 0 for a field of the
// first stage.
type entry struct {
	table string // "tranche" or "consequence"
	n     int
	leaf  string
}

// entryOf reads an indexed key of plan's (TrancheKey, ConsequenceKey).
func entryOf(key string) entry {
	_, rest, _ := strings.Cut(key, ".")
	num, leaf, _ := strings.Cut(rest, ".")
	n, err := strconv.Atoi(num)
	switch {
	case err != nil || n < 1:
	case key == plan.TrancheKey(n, leaf):
		return entry{table: "tranche", n: n, leaf: leaf}
	case key == plan.ConsequenceKey(n, leaf):
		return entry{table: "consequence", n: n, leaf: leaf}
	}
	return entry{}
}

// key is the entry's key for leaf.
func (e entry) key(leaf string) string {
	if e.table == "tranche" {
		return plan.TrancheKey(e.n, leaf)
	}
	return plan.ConsequenceKey(e.n, leaf)
}

// leafLabels are the editor's names for the leaves of a tranche and a
// consequence.
var leafLabels = map[string]string{
	plan.LeafPaid:  "paid in",
	plan.LeafGroup: "applies to",
}

// entryLabel is the editor's name for an indexed key: "Tranche 2: share".
func entryLabel(e entry) string {
	leaf := leafLabels[e.leaf]
	if leaf == "" {
		leaf = e.leaf
	}
	return fmt.Sprintf("%s%s %d: %s", strings.ToUpper(e.table[:1]), e.table[1:], e.n, leaf)
}

// textInput is a text field holding v.
func textInput(st *styles, v string) textinput.Model {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = 64
	ti.Width = 16
	st.styleInput(&ti)
	ti.Cursor.SetMode(cursor.CursorStatic)
	ti.SetValue(v)
	return ti
}

// choiceText is how a choice is shown: a grant says so.
func choiceText(key, v string) string {
	if key == plan.FieldRepayment && v == "off" {
		return "off (grant)"
	}
	return v
}

func (f *form) field(key string) *field {
	for i := range f.fields {
		if f.fields[i].key == key {
			return &f.fields[i]
		}
	}
	return nil
}

func (f *form) repaymentOn() bool { return f.field(plan.FieldRepayment).value() == "on" }

// enabled reports whether field i can be edited now.
func (f *form) enabled(i int) bool { return !f.fields[i].repay || f.repaymentOn() }

// build sets every field's text on the scenario as loaded with plan's
// SetField, putting plan's message on each field it refuses, then checks
// the fields against each other with Validate and against the plans with
// ValidateFor; ok is false if anything is wrong. The fields of the
// schedule are skipped for a grant. A valid scenario's warnings (plan's
// FieldWarnings) go on their fields.
func (f *form) build() (plan.Scenario, bool) {
	sc := f.base
	ok := true
	f.general, f.notes = nil, nil
	for i := range f.fields {
		fl := &f.fields[i]
		fl.err, fl.warn = "", ""
		if !f.enabled(i) {
			continue
		}
		if err := sc.SetField(fl.key, fl.value()); err != nil {
			fl.err = err.Error()
			ok = false
		}
	}
	if !ok {
		return sc, false
	}
	err := sc.Validate()
	if err == nil {
		err = sc.ValidateFor(f.ds)
	}
	if err != nil {
		f.attach(err)
		return sc, false
	}
	for _, w := range sc.FieldWarnings(f.ds) {
		if fl := f.field(w.Field); fl != nil {
			fl.warn = w.Message
		} else {
			f.notes = append(f.notes, w.String())
		}
	}
	return sc, true
}

// invalid names the fields that are wrong, by plan's keys ("pot"), and ""
// for a problem of the whole, after build.
func (f *form) invalid() []string {
	var out []string
	for i := range f.fields {
		if fl := &f.fields[i]; fl.err != "" && f.enabled(i) {
			out = append(out, fl.key)
		}
	}
	if len(f.general) > 0 && len(out) == 0 {
		out = append(out, "")
	}
	return out
}

// fieldLabel is the editor's name for a field of plan's ("Pot",
// "Tranche 2: share"), or its key; "the scenario" for "".
func fieldLabel(key string) string {
	switch l := fieldLabels[key]; {
	case key == "":
		return "the scenario"
	case l != "":
		return l
	case entryOf(key).n > 0:
		return entryLabel(entryOf(key))
	}
	return key
}

// labels names fields by their labels: "Pot, Write-off".
func labels(keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = fieldLabel(k)
	}
	return strings.Join(out, ", ")
}

// attach puts validation problems next to their fields.
func (f *form) attach(err error) {
	var probs plan.Problems
	var prob plan.Problem
	switch {
	case errors.As(err, &probs):
	case errors.As(err, &prob):
		probs = plan.Problems{prob}
	default:
		f.general = append(f.general, err.Error())
		return
	}
	for _, p := range probs {
		if fl := f.match(p.Column); fl != nil {
			if fl.err == "" {
				fl.err = p.Message
			}
			continue
		}
		f.general = append(f.general, p.Error())
	}
}

// match finds the field a problem's column names.
func (f *form) match(col string) *field {
	col = strings.ToLower(strings.TrimSpace(col))
	if col == "" {
		return nil
	}
	for i := range f.fields {
		if f.fields[i].key == col {
			return &f.fields[i]
		}
	}
	for i := range f.fields {
		k := f.fields[i].key
		if last := k[strings.LastIndex(k, ".")+1:]; col == last {
			return &f.fields[i]
		}
	}
	return nil
}

// defaultRepayment fills the empty fields of the schedule when repayment is
// switched on, from plan's DefaultRepayment for the year of receipt (three
// equal years starting two years after it, no interest).
func (f *form) defaultRepayment() {
	r := plan.DefaultRepayment(f.ds.Year)
	def := plan.Scenario{Repayment: &r}
	for i := range f.fields {
		if fl := &f.fields[i]; fl.repay && fl.kind == kindText && fl.input.Value() == "" {
			fl.input.SetValue(def.FieldText(fl.key))
		}
	}
}
