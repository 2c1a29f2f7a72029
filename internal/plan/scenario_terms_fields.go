package plan

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// The fields of the tranches and consequences, edited by indexed keys
// ("tranche.2.share"), and the helpers an editor calls to add and remove
// them. Each leaf parses and checks its text with the functions the reader
// and Validate use, so it has one message wherever it is typed.

// leaf is how one leaf of a list entry of type T is read, shown and offered.
type leaf[T any] struct {
	choices []string
	get     func(T) string
	set     func(*T, string) error
}

func choiceLeaf[T any, V ~string](allowed []string, at func(*T) *V) leaf[T] {
	return leaf[T]{
		choices: allowed,
		get:     func(t T) string { return string(*at(&t)) },
		set: func(t *T, text string) error {
			v, err := parseChoice(text, allowed)
			if err == nil {
				*at(t) = V(v)
			}
			return err
		},
	}
}

func yearLeaf[T any](blankOK bool, at func(*T) *string) leaf[T] {
	return leaf[T]{
		get: func(t T) string { return *at(&t) },
		set: func(t *T, text string) error {
			if err := checkTermYear(text, blankOK); err != nil {
				return err
			}
			*at(t) = text
			return nil
		},
	}
}

func rateLeaf[T any](check func(decimal.Decimal) error, at func(*T) *decimal.Decimal) leaf[T] {
	return leaf[T]{
		get: func(t T) string { return percent(*at(&t)) },
		set: func(t *T, text string) error { return setRate(at(t), text, check) },
	}
}

var trancheLeaves = map[string]leaf[Tranche]{
	LeafShare:     rateLeaf(checkShareRange, func(t *Tranche) *decimal.Decimal { return &t.Share }),
	LeafPaid:      yearLeaf(true, func(t *Tranche) *string { return &t.Paid }),
	LeafCondition: choiceLeaf(conditions, func(t *Tranche) *Condition { return &t.Condition }),
	LeafTolerance: {
		get: func(t Tranche) string { return amountText(t.Tolerance) },
		set: func(t *Tranche, text string) error { return setAmount(&t.Tolerance, text) },
	},
	LeafForfeit: choiceLeaf(forfeits, func(t *Tranche) *Forfeit { return &t.Forfeit }),
}

var consequenceLeaves = map[string]leaf[Consequence]{
	LeafKind:        choiceLeaf(consKinds, func(c *Consequence) *ConsequenceKind { return &c.Kind }),
	LeafBase:        choiceLeaf(consBases, func(c *Consequence) *ConsequenceBase { return &c.Base }),
	LeafRate:        rateLeaf(checkRateNotNegative, func(c *Consequence) *decimal.Decimal { return &c.Rate }),
	LeafYear:        yearLeaf(false, func(c *Consequence) *string { return &c.Year }),
	LeafProbability: rateLeaf(checkProbability, func(c *Consequence) *decimal.Decimal { return &c.Probability }),
	LeafGroup:       choiceLeaf(groups, func(c *Consequence) *Applies { return &c.Group }),
}

// listField is the field of an indexed key such as "tranche.2.share".
func listField(key string) (field, bool) {
	table, rest, _ := strings.Cut(key, ".")
	num, name, _ := strings.Cut(rest, ".")
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 || strconv.Itoa(n) != num {
		return field{}, false
	}
	switch table {
	case trancheTable:
		l, ok := trancheLeaves[name]
		return entryField(n, "tranche", func(s *Scenario) *[]Tranche { return &s.Tranches }, l), ok
	case consequenceTable:
		l, ok := consequenceLeaves[name]
		return entryField(n, "consequence", func(s *Scenario) *[]Consequence { return &s.Consequences }, l), ok
	}
	return field{}, false
}

// entryField is leaf l of entry n (from 1) of a scenario's list. Setting it
// replaces the list rather than changing it, so copies of the scenario are
// not changed.
func entryField[T any](n int, what string, list func(*Scenario) *[]T, l leaf[T]) field {
	return field{
		choices: l.choices,
		get: func(s Scenario) string {
			xs := *list(&s)
			if n > len(xs) {
				return ""
			}
			return l.get(xs[n-1])
		},
		set: func(s *Scenario, text string) error {
			xs := *list(s)
			if n > len(xs) {
				return fmt.Errorf("there is no %s %d: this scenario has %d", what, n, len(xs))
			}
			xs = slices.Clone(xs)
			if err := l.set(&xs[n-1], text); err != nil {
				return err
			}
			*list(s) = xs
			return nil
		},
	}
}

// Fields lists every key SetField takes for this scenario, in the order an
// editor shows them: EditableFields with FieldRepaymentKind after
// FieldRepayment, then each tranche's TrancheFields and each consequence's
// ConsequenceFields by indexed key ("tranche.1.share", ...).
func (s Scenario) Fields() []string {
	out := make([]string, 0, len(EditableFields)+1+len(s.Tranches)*len(TrancheFields)+len(s.Consequences)*len(ConsequenceFields))
	for _, k := range EditableFields {
		out = append(out, k)
		if k == FieldRepayment {
			out = append(out, FieldRepaymentKind)
		}
	}
	for i := range s.Tranches {
		for _, l := range TrancheFields {
			out = append(out, TrancheKey(i+1, l))
		}
	}
	for i := range s.Consequences {
		for _, l := range ConsequenceFields {
			out = append(out, ConsequenceKey(i+1, l))
		}
	}
	return out
}

// AddTranche appends a tranche and returns its number, counted from 1: its
// share is what the others leave of 100% (0% when they take it all), paid
// in the plans' year, unconditionally (DefaultTranche). A scenario with
// MaxTranches tranches is an error and is not changed. Like SetField it
// replaces the list, so copies of s are not changed.
func (s *Scenario) AddTranche() (int, error) {
	if len(s.Tranches) >= MaxTranches {
		return 0, fmt.Errorf("a scenario takes at most %d tranches", MaxTranches)
	}
	left := decimal.NewFromInt(1)
	for _, t := range s.Tranches {
		left = left.Sub(t.Share)
	}
	if left.IsNegative() {
		left = decimal.Zero
	}
	s.Tranches = append(slices.Clip(s.Tranches), DefaultTranche(left))
	return len(s.Tranches), nil
}

// RemoveTranche removes tranche n, counted from 1; the later ones move up.
func (s *Scenario) RemoveTranche(n int) error {
	if n < 1 || n > len(s.Tranches) {
		return fmt.Errorf("there is no tranche %d: this scenario has %d", n, len(s.Tranches))
	}
	s.Tranches = slices.Delete(slices.Clone(s.Tranches), n-1, n)
	return nil
}

// AddConsequence appends DefaultConsequence(planYear) (a certain deduction
// of the whole overspend, for every system, the year after planYear) and
// returns its number, counted from 1. A scenario with MaxConsequences
// consequences is an error and is not changed.
func (s *Scenario) AddConsequence(planYear string) (int, error) {
	if len(s.Consequences) >= MaxConsequences {
		return 0, fmt.Errorf("a scenario takes at most %d consequences", MaxConsequences)
	}
	s.Consequences = append(slices.Clip(s.Consequences), DefaultConsequence(planYear))
	return len(s.Consequences), nil
}

// RemoveConsequence removes consequence n, counted from 1.
func (s *Scenario) RemoveConsequence(n int) error {
	if n < 1 || n > len(s.Consequences) {
		return fmt.Errorf("there is no consequence %d: this scenario has %d", n, len(s.Consequences))
	}
	s.Consequences = slices.Delete(slices.Clone(s.Consequences), n-1, n)
	return nil
}

// potText is the pot as an editor shows it: "deficits", or the amount.
func potText(s Scenario) string {
	if s.PotDeficits {
		return potDeficits
	}
	return amountText(s.Pot)
}

// setPot reads "deficits" or an amount of money.
func setPot(s *Scenario, text string) error {
	if isPotDeficits(text) {
		s.PotDeficits, s.Pot = true, decimal.Zero
		return nil
	}
	if err := setAmount(&s.Pot, text); err != nil {
		return err
	}
	s.PotDeficits = false
	return nil
}

// kindField is FieldRepaymentKind: loan or pdc, a field of the schedule.
func kindField() field {
	f := repaymentField(kindText, setKind)
	f.choices = kinds
	return f
}

// kindText shows a schedule's kind; an empty kind is a loan.
func kindText(r Repayment) string {
	if r.Kind == "" {
		return string(RepaymentLoan)
	}
	return string(r.Kind)
}

func setKind(r *Repayment, text string) error {
	v, err := parseChoice(text, kinds)
	if err == nil {
		r.Kind = RepaymentKind(v)
	}
	return err
}
