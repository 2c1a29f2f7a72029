package plan

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// The checks of one value, whatever else the scenario says. The reader's
// validation and SetField both use them, so a value has one message
// wherever it is typed. Each returns nil for a good value.

// checkChoice accepts v only if it is one of allowed, exactly.
func checkChoice(v string, allowed []string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return fmt.Errorf("must be %s, not %q", orList(allowed), clip(v))
}

// checkNotNegative refuses a negative amount of money.
func checkNotNegative(d decimal.Decimal) error {
	if d.IsNegative() {
		return fmt.Errorf("must not be negative, not %s", d.String())
	}
	return nil
}

// checkRateNotNegative refuses a negative rate.
func checkRateNotNegative(d decimal.Decimal) error {
	if d.IsNegative() {
		return fmt.Errorf("must not be negative, not %s", percent(d))
	}
	return nil
}

// checkProbability accepts a rate from 0% to 100%.
func checkProbability(d decimal.Decimal) error {
	if d.IsNegative() || d.GreaterThan(decimal.NewFromInt(1)) {
		return fmt.Errorf("is a probability: it must be from 0%% to 100%%, not %s", percent(d))
	}
	return nil
}

// checkUnit accepts the allocation units £0.01, £1 and £1000.
func checkUnit(u decimal.Decimal) error {
	for _, ok := range units {
		if u.Equal(ok) {
			return nil
		}
	}
	return fmt.Errorf("must be \"£0.01\", \"£1\" or \"£1000\", not %q", unitText(u))
}

// checkFirstYear accepts a financial year written like 2025/26.
func checkFirstYear(s string) error {
	_, err := yearStart(s)
	return err
}

// checkYears accepts from 1 to MaxRepaymentYears years.
func checkYears(n int64) error {
	if n < 1 || n > MaxRepaymentYears {
		return fmt.Errorf("must be from 1 to %d, not %d", MaxRepaymentYears, n)
	}
	return nil
}

// checkShare refuses a negative share; i counts from 1.
func checkShare(i int, f decimal.Decimal) error {
	if f.IsNegative() {
		return fmt.Errorf("share %d is negative (%s)", i, percent(f))
	}
	return nil
}

// scenarioProblems checks the values of a scenario, each on its own and
// then against each other; File and Line are left for the caller.
func scenarioProblems(s Scenario) Problems {
	var ps Problems
	add := func(key string, err error) {
		if err != nil {
			ps = append(ps, Problem{Column: key, Message: err.Error()})
		}
	}
	if strings.TrimSpace(s.Title) == "" {
		add("title", errors.New("is blank: every scenario needs a title"))
	}
	if s.Year != "" {
		_, err := yearStart(s.Year)
		add("year", err)
	}
	add(FieldRule, checkChoice(string(s.Eligibility.Rule), rules))
	add(FieldEligibilityBasis, checkChoice(string(s.Eligibility.Basis), bases))
	add(FieldMethod, checkChoice(string(s.Allocation.Method), methods))
	add(FieldAllocationBasis, checkChoice(string(s.Allocation.Basis), bases))
	add(FieldCap, checkChoice(string(s.Allocation.Cap), caps))
	unitErr := checkUnit(s.Allocation.Unit)
	add(FieldUnit, unitErr)
	if s.PotDeficits {
		// the pot is worked out on the plans, in whole units
	} else if err := checkNotNegative(s.Pot); err != nil {
		add(FieldPot, err)
	} else if unitErr == nil && !s.Pot.Mod(s.Allocation.Unit).IsZero() {
		add(FieldPot, fmt.Errorf("%s is not a whole number of the allocation unit (%s): round the pot, or choose a smaller allocation.unit", s.Pot.String(), unitText(s.Allocation.Unit)))
	}
	if rp := s.Repayment; rp != nil {
		add(FieldFirstYear, checkFirstYear(rp.FirstYear))
		add(FieldYears, checkYears(int64(rp.Years)))
		ps = append(ps, profileProblems(rp)...)
		add(FieldInterest, checkRateNotNegative(rp.Interest))
		if rp.Kind != "" {
			add(FieldRepaymentKind, checkChoice(string(rp.Kind), kinds))
		}
		if rp.IsPDC() && len(rp.Profile) > 0 {
			add(FieldProfile, errors.New("has no meaning for public dividend capital, which is never repaid: remove it (the dividend is paid in each of repayment.years)"))
		}
	}
	ps = append(ps, termProblems(s)...)
	a := s.Assumptions
	add(FieldDiscountRate, checkRateNotNegative(a.DiscountRate))
	add(FieldWriteOff, checkProbability(a.WriteOff))
	add(FieldThreshold, checkNotNegative(a.BalancedThreshold))
	return ps
}

// profileProblems checks each share of a repayment profile, then that there
// is one share a year and that they add up to exactly 100%.
func profileProblems(rp *Repayment) Problems {
	if len(rp.Profile) == 0 {
		return nil
	}
	var ps Problems
	bad := func(err error) { ps = append(ps, Problem{Column: FieldProfile, Message: err.Error()}) }
	sum := decimal.Zero
	for i, f := range rp.Profile {
		if err := checkShare(i+1, f); err != nil {
			bad(err)
		}
		sum = sum.Add(f)
	}
	switch {
	case len(rp.Profile) != rp.Years:
		n := len(rp.Profile)
		bad(fmt.Errorf("has %d %s but repayment.years is %d: give one share for each year", n, plural(n, "share", "shares"), rp.Years))
	case len(ps) == 0 && !sum.Equal(decimal.NewFromInt(1)):
		bad(fmt.Errorf("shares add up to %s, not exactly 100%%", percent(sum)))
	}
	return ps
}

// validateScenario is Scenario.Validate.
func validateScenario(s Scenario) error {
	ps := scenarioProblems(s)
	if len(ps) == 0 {
		return nil
	}
	file := s.Path
	if file == "" {
		file = "scenario"
		if s.Name != "" {
			file = s.Name
		}
	}
	for i := range ps {
		ps[i].File = file
	}
	return ps
}

// yearProblems checks a scenario against the plans' year label: the year
// it was written for, if it says, must be theirs, repayment must start
// after it, and no tranche or consequence may fall before it.
func yearProblems(sc Scenario, label string) Problems {
	var ps Problems
	if sc.Year != "" && sc.Year != label {
		ps = append(ps, Problem{Column: "year",
			Message: fmt.Sprintf("is %s but the plans are for %s: this scenario was written for another year's plans; apply it to %s's plans, or change its year and check its figures", clip(sc.Year), label, clip(sc.Year))})
	}
	ps = append(ps, termYearProblems(sc, label)...)
	rp := sc.Repayment
	if rp == nil {
		return ps
	}
	first, err1 := yearStart(rp.FirstYear)
	year, err2 := yearStart(label)
	if err1 != nil || err2 != nil || first > year {
		return ps
	}
	return append(ps, Problem{Column: "repayment.first_year",
		Message: fmt.Sprintf("%s is not after the plans' year %s: repayment starts in a later year", rp.FirstYear, label)})
}

// ValidateFor checks a scenario against the plans it is applied to, as Load
// does for the scenarios in a year folder: the year it was written for, if
// it says, must be the dataset's, repayment must start after the dataset's
// year, and no tranche or consequence may fall before it. Use it
// for a scenario read from elsewhere (a --scenario file) or edited in the
// program. Problems name the scenario's Path (or "scenario") and the field,
// with no line.
func (s Scenario) ValidateFor(d Dataset) error {
	ps := yearProblems(s, d.Year)
	if len(ps) == 0 {
		return nil
	}
	for i := range ps {
		ps[i].File = s.Path
		if ps[i].File == "" {
			ps[i].File = "scenario"
		}
	}
	return ps
}
