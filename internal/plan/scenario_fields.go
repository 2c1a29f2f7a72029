package plan

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"icsplan/internal/money"
)

// The keys of the fields a scenario editor changes. Each equals the key's
// dotted path in a scenario file and the Problem.Column of a problem with
// it, so a message from the reader or from Validate can be put beside its
// field. FieldRepayment is not a key of the file: it is the [repayment]
// table, "on" when the scenario has a schedule and "off" for a grant.
const (
	FieldPot              = "pot"
	FieldRule             = "eligibility.rule"
	FieldEligibilityBasis = "eligibility.basis"
	FieldMethod           = "allocation.method"
	FieldAllocationBasis  = "allocation.basis"
	FieldCap              = "allocation.cap"
	FieldUnit             = "allocation.unit"
	FieldRepayment        = "repayment"
	FieldRepaymentKind    = "repayment.kind"
	FieldFirstYear        = "repayment.first_year"
	FieldYears            = "repayment.years"
	FieldProfile          = "repayment.profile"
	FieldInterest         = "repayment.interest"
	FieldDiscountRate     = "assumptions.discount_rate"
	FieldWriteOff         = "assumptions.write_off"
	FieldThreshold        = "assumptions.balanced_threshold"
)

// EditableFields lists the fields of the first stage's scenario that every
// scenario has, in the order an editor shows them. SetField also takes
// FieldRepaymentKind and the indexed keys of the tranches and consequences
// (the table's name, the entry's number counted from 1 and the leaf, as in
// "tranche.2.share": see TrancheKey, ConsequenceKey, TrancheFields and
// ConsequenceFields); Scenario.Fields lists every key one scenario has,
// these included.
var EditableFields = []string{
	FieldPot, FieldRule, FieldEligibilityBasis, FieldMethod, FieldAllocationBasis, FieldCap, FieldUnit,
	FieldRepayment, FieldFirstYear, FieldYears, FieldProfile, FieldInterest,
	FieldDiscountRate, FieldWriteOff, FieldThreshold,
}

// field is how one editable field is read, shown and offered.
type field struct {
	choices []string                      // the allowed values; nil for a typed field
	get     func(Scenario) string         // the value as FieldText shows it
	set     func(*Scenario, string) error // parse, check and set
}

// fields holds every field of EditableFields.
var fields = map[string]field{
	FieldPot:              {get: potText, set: setPot},
	FieldRepaymentKind:    kindField(),
	FieldRule:             choiceField(rules, func(s *Scenario) *Rule { return &s.Eligibility.Rule }),
	FieldEligibilityBasis: choiceField(bases, func(s *Scenario) *Basis { return &s.Eligibility.Basis }),
	FieldMethod:           choiceField(methods, func(s *Scenario) *Method { return &s.Allocation.Method }),
	FieldAllocationBasis:  choiceField(bases, func(s *Scenario) *Basis { return &s.Allocation.Basis }),
	FieldCap:              choiceField(caps, func(s *Scenario) *Cap { return &s.Allocation.Cap }),
	FieldUnit: {choices: unitChoices, get: func(s Scenario) string { return unitText(s.Allocation.Unit) }, set: func(s *Scenario, t string) error {
		u, err := parseUnit(t)
		if err == nil {
			err = checkUnit(u)
		}
		if err == nil {
			s.Allocation.Unit = u
		}
		return err
	}},
	FieldRepayment: {choices: onOff, get: repaymentText, set: setRepayment},
	FieldFirstYear: repaymentField(func(r Repayment) string { return r.FirstYear }, func(r *Repayment, t string) error {
		if err := checkFirstYear(t); err != nil {
			return err
		}
		r.FirstYear = t
		return nil
	}),
	FieldYears:    repaymentField(yearsText, setYears),
	FieldProfile:  repaymentField(profileText, setProfile),
	FieldInterest: repaymentField(func(r Repayment) string { return percent(r.Interest) }, func(r *Repayment, t string) error { return setRate(&r.Interest, t, checkRateNotNegative) }),
	FieldDiscountRate: {get: func(s Scenario) string { return percent(s.Assumptions.DiscountRate) }, set: func(s *Scenario, t string) error {
		return setRate(&s.Assumptions.DiscountRate, t, checkRateNotNegative)
	}},
	FieldWriteOff: {get: func(s Scenario) string { return percent(s.Assumptions.WriteOff) }, set: func(s *Scenario, t string) error {
		return setRate(&s.Assumptions.WriteOff, t, checkProbability)
	}},
	FieldThreshold: {get: func(s Scenario) string { return amountText(s.Assumptions.BalancedThreshold) }, set: func(s *Scenario, t string) error {
		return setAmount(&s.Assumptions.BalancedThreshold, t)
	}},
}

// fieldFor finds the field a key names: one of fields, or an indexed key
// of a tranche or consequence (see listField).
func fieldFor(key string) (field, bool) {
	if f, ok := fields[key]; ok {
		return f, ok
	}
	return listField(key)
}

// SetField parses text as the value of the field key, as a scenario file's
// reader parses that key's value written in quotes, checks it on its own
// (not against the other fields: Validate does that) and sets it. On error
// the scenario is unchanged and the error's text is the reader's message for
// that value, without a file or line. An unknown key is an error.
//
// FieldRepayment takes "on" or "off": "off" makes the scenario a grant, and
// "on" keeps an existing schedule or else gives a grant DefaultRepayment("")
// (a caller that knows the plans' year sets DefaultRepayment(year) itself).
// The fields of the schedule are errors on a grant. SetField replaces a
// Repayment rather than changing it, so copies of s are not changed.
func (s *Scenario) SetField(key, text string) error {
	f, ok := fieldFor(key)
	if !ok {
		return fmt.Errorf("unknown field %q: a scenario's fields are %s and %s, and each tranche's %s and each consequence's %s, numbered from 1 (like %q)", clip(key),
			strings.Join(EditableFields, ", "), FieldRepaymentKind, andList(TrancheFields), andList(ConsequenceFields), TrancheKey(2, LeafShare))
	}
	return f.set(s, text)
}

// FieldText is the value of the field key as an editor shows it, in a form
// SetField reads back to the same value: money in pounds with thousands
// separators ("£700,000,000"), rates as exact percentages ("3.5%"), the
// profile as its shares ("25%, 25%, 50%"; empty for equal shares). It is
// empty for the fields of a grant's schedule and for an unknown key.
func (s Scenario) FieldText(key string) string {
	f, ok := fieldFor(key)
	if !ok {
		return ""
	}
	return f.get(s)
}

// FieldChoices returns the values a choice field allows, in the order an
// editor cycles through them; nil for a typed field or an unknown key.
func FieldChoices(key string) []string {
	f, ok := fieldFor(key)
	if !ok || f.choices == nil {
		return nil
	}
	return append([]string(nil), f.choices...)
}

// choiceField is a field holding one of allowed, of any string type.
func choiceField[T ~string](allowed []string, at func(*Scenario) *T) field {
	return field{
		choices: allowed,
		get:     func(s Scenario) string { return string(*at(&s)) },
		set: func(s *Scenario, t string) error {
			v, err := parseChoice(t, allowed)
			if err == nil {
				*at(s) = T(v)
			}
			return err
		},
	}
}

// repaymentField is a field of the repayment schedule.
func repaymentField(get func(Repayment) string, set func(*Repayment, string) error) field {
	return field{
		get: func(s Scenario) string {
			if s.Repayment == nil {
				return ""
			}
			return get(*s.Repayment)
		},
		set: func(s *Scenario, t string) error {
			if s.Repayment == nil {
				return errors.New("is part of the repayment schedule, and this scenario is a grant: switch repayment on first")
			}
			r := *s.Repayment
			if err := set(&r, t); err != nil {
				return err
			}
			s.Repayment = &r
			return nil
		},
	}
}

func repaymentText(s Scenario) string {
	if s.Repayment == nil {
		return "off"
	}
	return "on"
}

func setRepayment(s *Scenario, t string) error {
	v, err := parseChoice(t, onOff)
	switch {
	case err != nil:
		return err
	case v == "off":
		s.Repayment = nil
	case s.Repayment == nil:
		r := DefaultRepayment("")
		s.Repayment = &r
	}
	return nil
}

func yearsText(r Repayment) string {
	if r.Years == 0 {
		return ""
	}
	return strconv.Itoa(r.Years)
}

func setYears(r *Repayment, t string) error {
	n, err := parseYears(t)
	if err == nil {
		err = checkYears(n)
	}
	if err != nil {
		return err
	}
	r.Years = int(n)
	return nil
}

func profileText(r Repayment) string {
	shares := make([]string, len(r.Profile))
	for i, f := range r.Profile {
		shares[i] = percent(f)
	}
	return strings.Join(shares, ", ")
}

// setProfile reads shares separated by commas, semicolons or spaces; none
// means equal shares.
func setProfile(r *Repayment, t string) error {
	var profile []decimal.Decimal
	for i, part := range strings.FieldsFunc(t, func(c rune) bool { return c == ',' || c == ';' || c == ' ' }) {
		f, err := parseShare(i+1, part)
		if err == nil {
			err = checkShare(i+1, f)
		}
		if err != nil {
			return err
		}
		profile = append(profile, f)
	}
	r.Profile = profile
	return nil
}

func setAmount(to *decimal.Decimal, t string) error {
	d, err := parseAmount(t)
	if err == nil {
		err = checkNotNegative(d)
	}
	if err == nil && len(amountText(d)) > money.MaxInputLen {
		err = fmt.Errorf("%q is too large to be an amount here: check the figure", clip(t))
	}
	if err == nil {
		*to = d
	}
	return err
}

func setRate(to *decimal.Decimal, t string, check func(decimal.Decimal) error) error {
	d, err := parseRate(t)
	if err == nil {
		err = check(d)
	}
	if err == nil {
		*to = d
	}
	return err
}

// amountText writes an amount as people read it, in whole pounds or pence
// with thousands separators, or exactly when it has fractions of a penny.
// An amount whose pounds and separators would be too long for the money
// parser to read back is written as plain digits.
func amountText(d decimal.Decimal) string {
	var s string
	switch {
	case !d.Equal(d.Round(2)):
		return d.String()
	case d.Equal(d.Truncate(0)):
		s = money.Format(d, money.Style{Scale: money.Pounds})
	default:
		s = money.Format(d, money.Style{Scale: money.Pence})
	}
	if len(s) > money.MaxInputLen {
		return d.String()
	}
	return s
}
