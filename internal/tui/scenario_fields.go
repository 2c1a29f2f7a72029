package tui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
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

// form is the text of every field of a scenario, and what is wrong with it.
type form struct {
	fields  []field
	general []string      // problems not tied to one field
	base    plan.Scenario // what the fields were filled from
	year    string        // year of receipt, for the default first repayment year
}

// newForm fills the fields from sc.
func newForm(sc plan.Scenario, year string, st *styles) form {
	f := form{base: sc, year: year}
	text := func(key, label, v string, repay bool) {
		ti := textinput.New()
		ti.Prompt = ""
		ti.CharLimit = 64
		ti.Width = 16
		st.styleInput(&ti)
		ti.Cursor.SetMode(cursor.CursorStatic)
		ti.SetValue(v)
		f.fields = append(f.fields, field{key: key, label: label, kind: kindText, input: ti, repay: repay})
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
		f.fields = append(f.fields, field{key: key, label: label, kind: kindChoice, options: options, choice: c, repay: repay})
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
	return f
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

func (f *form) field(key string) *field {
	for i := range f.fields {
		if f.fields[i].key == key {
			return &f.fields[i]
		}
	}
	return nil
}

func (f *form) repaymentOn() bool { return f.field(fRepay).choice == 1 }

// enabled reports whether field i can be edited now.
func (f *form) enabled(i int) bool { return !f.fields[i].repay || f.repaymentOn() }

// build reads every field into a scenario, recording each field's error; ok
// is false if any field is wrong.
func (f *form) build() (plan.Scenario, bool) {
	sc := f.base
	p := parser{form: f, ok: true}
	f.general = nil
	for i := range f.fields {
		f.fields[i].err = ""
	}
	sc.Pot = p.amount(fPot)
	sc.Eligibility.Rule = plan.Rule(f.field(fRule).value())
	sc.Eligibility.Basis = plan.Basis(f.field(fEligBasis).value())
	sc.Allocation.Method = plan.Method(f.field(fMethod).value())
	sc.Allocation.Basis = plan.Basis(f.field(fAllocBase).value())
	sc.Allocation.Cap = plan.Cap(f.field(fCap).value())
	if u, err := money.Parse(f.field(fUnit).value()); err == nil {
		sc.Allocation.Unit = u
	} else {
		p.fail(f.field(fUnit), "cannot read %q as money", f.field(fUnit).value())
	}
	sc.Assumptions.DiscountRate = p.rate(fDiscount)
	sc.Assumptions.WriteOff = p.rate(fWriteOff)
	sc.Assumptions.BalancedThreshold = p.amount(fThreshold)
	sc.Repayment = nil
	if f.repaymentOn() {
		sc.Repayment = p.repayment()
	}
	if !p.ok {
		return sc, false
	}
	if err := sc.Validate(); err != nil {
		f.attach(err)
		return sc, false
	}
	return sc, true
}

// parser reads the text fields of a form, putting each error on its field.
type parser struct {
	form *form
	ok   bool
}

func (p *parser) fail(f *field, format string, a ...any) {
	f.err = fmt.Sprintf(format, a...)
	p.ok = false
}

// amount reads a sum of money that must not be negative.
func (p *parser) amount(key string) decimal.Decimal {
	f := p.form.field(key)
	d, err := money.Parse(f.input.Value())
	switch {
	case err != nil:
		p.fail(f, "cannot read %q as money", f.input.Value())
	case d.IsNegative():
		p.fail(f, "must not be negative")
	}
	return d
}

// rate reads a rate such as 3.5% or 0.035.
func (p *parser) rate(key string) decimal.Decimal {
	f := p.form.field(key)
	d, err := money.ParseRate(f.input.Value())
	if err != nil {
		p.fail(f, "cannot read %q as a rate (3.5%% or 0.035)", f.input.Value())
	}
	return d
}

// repayment reads the repayment schedule's fields.
func (p *parser) repayment() *plan.Repayment {
	r := &plan.Repayment{}
	fy := p.form.field(fFirstYear)
	r.FirstYear = strings.TrimSpace(fy.input.Value())
	if _, err := plan.YearStart(r.FirstYear); err != nil {
		p.fail(fy, "cannot read %q as a financial year such as 2025/26", fy.input.Value())
	}
	yf := p.form.field(fYears)
	n, err := strconv.Atoi(strings.TrimSpace(yf.input.Value()))
	switch {
	case err != nil:
		p.fail(yf, "cannot read %q as a whole number of years", yf.input.Value())
	case n < 1:
		p.fail(yf, "must be at least 1")
	}
	r.Years = n
	pf := p.form.field(fProfile)
	for _, part := range strings.FieldsFunc(pf.input.Value(), func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
		d, err := money.ParseRate(part)
		if err != nil {
			p.fail(pf, "cannot read %q as a share (25%%)", part)
			break
		}
		r.Profile = append(r.Profile, d)
	}
	r.Interest = p.rate(fInterest)
	return r
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

// defaultRepayment fills empty repayment fields when repayment is switched
// on: three equal years starting two years after receipt, no interest.
func (f *form) defaultRepayment() {
	if fl := f.field(fFirstYear); fl.input.Value() == "" {
		if y, err := plan.YearStart(f.year); err == nil {
			fl.input.SetValue(fmt.Sprintf("%d/%02d", y+2, (y+3)%100))
		}
	}
	if fl := f.field(fYears); fl.input.Value() == "" {
		fl.input.SetValue("3")
	}
	if fl := f.field(fInterest); fl.input.Value() == "" {
		fl.input.SetValue("0%")
	}
}
