package plan

// Overrides are values given on the command line (--pot, --write-off,
// --discount-rate) that replace a scenario's own in every scenario
// analysed. A field that is not Known leaves the scenario's value; the two
// rates are fractions held in a Figure (50% is 0.5).
type Overrides struct {
	Pot          Figure
	WriteOff     Figure
	DiscountRate Figure
}

// ParseOverrides reads the text of --pot, --write-off and --discount-rate;
// an empty text overrides nothing. Each value is read by the same parser
// as the scenario field it replaces (see Scenario.SetField). A value that
// cannot be read is a *ChoiceError naming its option.
func ParseOverrides(pot, writeOff, discountRate string) (Overrides, error) {
	var o Overrides
	var s Scenario
	if pot != "" {
		if s.SetField(FieldPot, pot) != nil {
			return o, choiceErrorf("--pot", "--pot: cannot read %q as a pot of money", pot)
		}
		o.Pot = Known(s.Pot)
	}
	if writeOff != "" {
		if s.SetField(FieldWriteOff, writeOff) != nil {
			return o, choiceErrorf("--write-off", "--write-off: cannot read %q as a probability between 0%% and 100%%", writeOff)
		}
		o.WriteOff = Known(s.Assumptions.WriteOff)
	}
	if discountRate != "" {
		if s.SetField(FieldDiscountRate, discountRate) != nil {
			return o, choiceErrorf("--discount-rate", "--discount-rate: cannot read %q as a rate", discountRate)
		}
		o.DiscountRate = Known(s.Assumptions.DiscountRate)
	}
	return o, nil
}

// None reports whether o overrides nothing.
func (o Overrides) None() bool { return !o.Pot.Known && !o.WriteOff.Known && !o.DiscountRate.Known }

// Apply returns s with the overridden values in place of its own; an
// overridden pot replaces pot = "deficits" too.
func (o Overrides) Apply(s Scenario) Scenario {
	if o.Pot.Known {
		s.Pot, s.PotDeficits = o.Pot.Value, false
	}
	if o.WriteOff.Known {
		s.Assumptions.WriteOff = o.WriteOff.Value
	}
	if o.DiscountRate.Known {
		s.Assumptions.DiscountRate = o.DiscountRate.Value
	}
	return s
}

// Check says whether the overrides fit scenario s: an overridden pot must
// be a whole number of s's allocation unit, or funding cannot share it. A
// pot that does not fit is a *ChoiceError naming --pot; anything else wrong
// with s is left for Validate.
func (o Overrides) Check(s Scenario) error {
	unit := s.Allocation.Unit
	if !o.Pot.Known || checkUnit(unit) != nil || o.Pot.Value.Mod(unit).IsZero() {
		return nil
	}
	pot := o.Pot.Value
	return choiceErrorf("--pot", "--pot: %s is not a whole number of %s, the allocation unit of scenario %s: round it, like --pot %s",
		pot.String(), unitText(unit), s.Name, pot.Sub(pot.Mod(unit)).String())
}
