package plan

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"
)

// checkShareRange accepts a tranche's share from 0% to 100%.
func checkShareRange(d decimal.Decimal) error {
	if d.IsNegative() || d.GreaterThan(decimal.NewFromInt(1)) {
		return fmt.Errorf("must be from 0%% to 100%% of each allocation, not %s", percent(d))
	}
	return nil
}

// checkTermYear accepts a financial year written like 2024/25, or empty
// when blank means the plans' year.
func checkTermYear(s string, blankOK bool) error {
	if s == "" {
		if blankOK {
			return nil
		}
		return errors.New("is required: say the financial year it falls in, like \"2024/25\"")
	}
	return checkFirstYear(s)
}

// termProblems checks the tranches and consequences, each value on its own,
// then that the tranches' shares add up to exactly 100%.
func termProblems(s Scenario) Problems {
	var ps Problems
	add := func(key string, err error) {
		if err != nil {
			ps = append(ps, Problem{Column: key, Message: err.Error()})
		}
	}
	if len(s.Tranches) > MaxTranches {
		add(trancheTable, fmt.Errorf("has %d tranches: a scenario takes at most %d", len(s.Tranches), MaxTranches))
	}
	sum, sharesOK := decimal.Zero, true
	for i, t := range s.Tranches {
		key := func(leaf string) string { return TrancheKey(i+1, leaf) }
		if err := checkShareRange(t.Share); err != nil {
			add(key(LeafShare), err)
			sharesOK = false
		}
		sum = sum.Add(t.Share)
		add(key(LeafPaid), checkTermYear(t.Paid, true))
		add(key(LeafCondition), checkChoice(string(t.Condition), conditions))
		add(key(LeafTolerance), checkNotNegative(t.Tolerance))
		add(key(LeafForfeit), checkChoice(string(t.Forfeit), forfeits))
	}
	if n := len(s.Tranches); n > 0 && sharesOK && !sum.Equal(decimal.NewFromInt(1)) {
		add(TrancheKey(n, LeafShare), fmt.Errorf("the %d %s' shares add up to %s, not exactly 100%%", n, plural(n, "tranche", "tranches"), percent(sum)))
	}
	if len(s.Consequences) > MaxConsequences {
		add(consequenceTable, fmt.Errorf("has %d consequences: a scenario takes at most %d", len(s.Consequences), MaxConsequences))
	}
	for i, c := range s.Consequences {
		key := func(leaf string) string { return ConsequenceKey(i+1, leaf) }
		add(key(LeafKind), checkChoice(string(c.Kind), consKinds))
		add(key(LeafBase), checkChoice(string(c.Base), consBases))
		add(key(LeafRate), checkRateNotNegative(c.Rate))
		add(key(LeafYear), checkTermYear(c.Year, false))
		add(key(LeafProbability), checkProbability(c.Probability))
		add(key(LeafGroup), checkChoice(string(c.Group), groups))
	}
	return ps
}

// termYearProblems checks the years of the tranches and consequences against
// the plans' year label: none may fall before it, nor more than
// MaxRepaymentYears after it.
func termYearProblems(s Scenario, label string) Problems {
	year, err := yearStart(label)
	if err != nil {
		return nil
	}
	var ps Problems
	check := func(key, what, y string) {
		start, err := yearStart(y)
		switch {
		case err != nil:
		case start < year:
			ps = append(ps, Problem{Column: key, Message: fmt.Sprintf("%s is before the plans' year %s: %s cannot fall before the year it follows", y, label, what)})
		case start-year > MaxRepaymentYears:
			ps = append(ps, Problem{Column: key, Message: fmt.Sprintf("%s is more than %d years after the plans' year %s", y, MaxRepaymentYears, label)})
		}
	}
	for i, t := range s.Tranches {
		check(TrancheKey(i+1, LeafPaid), "a tranche", t.Paid)
	}
	for i, c := range s.Consequences {
		check(ConsequenceKey(i+1, LeafYear), "a consequence", c.Year)
	}
	if rp := s.Repayment; rp != nil {
		if start, err := yearStart(rp.FirstYear); err == nil && start-year > MaxRepaymentYears {
			ps = append(ps, Problem{Column: FieldFirstYear, Message: fmt.Sprintf("%s is more than %d years after the plans' year %s", rp.FirstYear, MaxRepaymentYears, label)})
		}
	}
	return ps
}
