package funding

import (
	"fmt"

	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

var (
	zero = decimal.Zero
	one  = decimal.NewFromInt(1)
)

// terms is what the scenario makes of each system before any money moves:
// who is eligible, with what weight, and up to what cap.
type terms struct {
	eligible     []bool
	weights      []decimal.Decimal
	caps         []decimal.Decimal
	hasCap       bool
	unknownElig  int // systems not eligible because the eligibility basis figure is blank
	unknownAlloc int // eligible systems whose allocation basis figure is blank
}

// checkScenario rejects allocation settings that cannot be applied.
func checkScenario(sc plan.Scenario) error {
	u := sc.Allocation.Unit
	if !u.IsPositive() {
		return fmt.Errorf("funding: allocation unit must be positive, not %s", u.String())
	}
	if sc.Pot.IsNegative() {
		return fmt.Errorf("funding: pot must not be negative, not %s", sc.Pot.String())
	}
	if !sc.Pot.Mod(u).IsZero() {
		return fmt.Errorf("funding: pot %s is not a whole number of units of %s", sc.Pot.String(), u.String())
	}
	switch sc.Eligibility.Rule {
	case plan.RuleDeficit, plan.RuleBalanced, plan.RuleAll:
	default:
		return fmt.Errorf("funding: unknown eligibility rule %q", string(sc.Eligibility.Rule))
	}
	switch sc.Allocation.Method {
	case plan.MethodProRata, plan.MethodPerCapita, plan.MethodEqual:
	default:
		return fmt.Errorf("funding: unknown allocation method %q", string(sc.Allocation.Method))
	}
	switch sc.Allocation.Cap {
	case plan.CapNone, plan.CapDeficit, "":
	default:
		return fmt.Errorf("funding: unknown cap %q", string(sc.Allocation.Cap))
	}
	return nil
}

// eligibleUnder reports whether s is eligible under sc, and whether its
// eligibility basis figure is known. Under rule "all" every system is
// eligible whatever its figures.
func eligibleUnder(s plan.System, sc plan.Scenario) (eligible, known bool) {
	if sc.Eligibility.Rule == plan.RuleAll {
		return true, true
	}
	f := s.Basis(sc.Eligibility.Basis)
	if !f.Known {
		return false, false
	}
	below, ok := belowNeg(f.Value, sc.Assumptions.BalancedThreshold) // in integers when they fit
	if !ok {
		below = f.Value.LessThan(sc.Assumptions.BalancedThreshold.Neg())
	}
	if sc.Eligibility.Rule == plan.RuleDeficit {
		return below, true
	}
	return !below, true
}

// deficitOn returns −min(0, figure) on the basis, and whether the figure is known
// (an unknown figure gives 0).
func deficitOn(s plan.System, b plan.Basis) (decimal.Decimal, bool) {
	f := s.Basis(b)
	if !f.Known {
		return zero, false
	}
	if f.Value.IsNegative() {
		return neg(f.Value), true
	}
	return zero, true
}

// systemTerms is one system's eligibility, weight and cap under sc.
func systemTerms(s plan.System, sc plan.Scenario) (eligible, eligKnown bool, weight, cap decimal.Decimal, allocKnown bool) {
	eligible, eligKnown = eligibleUnder(s, sc)
	if !eligible {
		return false, eligKnown, zero, zero, true
	}
	def, allocKnown := deficitOn(s, sc.Allocation.Basis)
	switch sc.Allocation.Method {
	case plan.MethodProRata:
		weight = def
	case plan.MethodPerCapita:
		weight = s.WeightedPopulation
	default:
		weight = one
	}
	if sc.Allocation.Cap == plan.CapDeficit {
		cap = wholeUnits(def, sc.Allocation.Unit)
	}
	if sc.Allocation.Method != plan.MethodProRata && sc.Allocation.Cap != plan.CapDeficit {
		allocKnown = true // the allocation basis is not used
	}
	return true, eligKnown, weight, cap, allocKnown
}

func scenarioTerms(systems []plan.System, sc plan.Scenario) terms {
	n := len(systems)
	t := terms{
		eligible: make([]bool, n),
		weights:  make([]decimal.Decimal, n),
		caps:     make([]decimal.Decimal, n),
		hasCap:   sc.Allocation.Cap == plan.CapDeficit,
	}
	for i, s := range systems {
		e, ek, w, c, ak := systemTerms(s, sc)
		t.eligible[i], t.weights[i], t.caps[i] = e, w, c
		if !ek {
			t.unknownElig++
		}
		if e && !ak {
			t.unknownAlloc++
		}
	}
	return t
}

func allocate(systems []plan.System, sc plan.Scenario) (Allocation, error) {
	if err := checkScenario(sc); err != nil {
		return Allocation{}, err
	}
	t := scenarioTerms(systems, sc)
	a, open, weights := newAllocation(t, sc.Allocation.Unit)
	pot, weights, open := a.waterFill(t, sc.Pot, weights, open)
	if weights.IsPositive() && pot.IsPositive() {
		if err := a.apportion(systems, t, pot, weights, open); err != nil {
			return Allocation{}, err
		}
	}
	allocated := zero
	if len(a.Shares) > 0 {
		allocated = sumAmounts(a.Shares)
	}
	a.Allocated = allocated
	a.Unallocated = sc.Pot.Sub(allocated)
	return a, nil
}

// newAllocation starts an allocation under terms t: every share zero, the
// eligible systems open (in file order), with their total weight.
func newAllocation(t terms, u decimal.Decimal) (a Allocation, open []int, weights decimal.Decimal) {
	n := len(t.eligible)
	a = Allocation{
		Shares:            make([]Share, n),
		Unit:              u,
		UnknownBasis:      t.unknownElig,
		UnknownAllocBasis: t.unknownAlloc,
	}
	weights = zero
	for i := range n {
		sh := &a.Shares[i]
		sh.Exact = money.R(zero, one)
		sh.Weight, sh.Floor, sh.Amount, sh.Cap = zero, zero, zero, zero
		if !t.eligible[i] {
			continue
		}
		sh.Eligible = true
		sh.Weight = t.weights[i]
		sh.HasCap = t.hasCap
		sh.Cap = t.caps[i]
		weights = weights.Add(t.weights[i])
		open = append(open, i)
	}
	return a, open, weights
}

// waterFill fixes at its cap every open system whose exact share of what is
// left exceeds its cap (pot·w > cap·W, compared exactly), and shares the rest
// again among the others, until none exceeds, one Round per pass. It returns
// the pot and weights left and the systems still open.
func (a *Allocation) waterFill(t terms, pot, weights decimal.Decimal, open []int) (decimal.Decimal, decimal.Decimal, []int) {
	for weights.IsPositive() {
		var capped []int
		if t.hasCap {
			for _, i := range open {
				if exceeds(pot, t.weights[i], t.caps[i], weights) {
					capped = append(capped, i)
				}
			}
		}
		a.Rounds = append(a.Rounds, Round{Pot: pot, Weights: weights, Capped: capped})
		if len(capped) == 0 {
			break
		}
		round := len(a.Rounds)
		keep := open[:0:0]
		ci := 0
		for _, i := range open {
			if ci < len(capped) && capped[ci] == i {
				ci++
				sh := &a.Shares[i]
				sh.CapRound = round
				sh.Amount, sh.Floor = t.caps[i], t.caps[i]
				sh.Exact = money.R(t.caps[i], one)
				pot = pot.Sub(t.caps[i])
				weights = weights.Sub(t.weights[i])
				continue
			}
			keep = append(keep, i)
		}
		open = keep
	}
	return pot, weights, open
}

// apportion shares pot among the open systems (of total weight weights) by
// money.Apportion, keys their codes, recording each one's exact share, floor
// and whether it received a leftover unit.
func (a *Allocation) apportion(systems []plan.System, t terms, pot, weights decimal.Decimal, open []int) error {
	u := a.Unit
	ws := make([]decimal.Decimal, len(open))
	keys := make([]string, len(open))
	for k, i := range open {
		ws[k] = t.weights[i]
		keys[k] = systems[i].Code
	}
	parts, err := money.Apportion(pot, ws, u, keys)
	if err != nil {
		return fmt.Errorf("funding: sharing the pot: %w", err)
	}
	units, ok := quoUnits(pot, u)
	den := weights.Mul(u)
	for k, i := range open {
		sh := &a.Shares[i]
		num := product(pot, t.weights[i])
		sh.Exact = money.R(num, weights)
		sh.Amount = parts[k]
		if q, fits := shareQuo(units, t.weights[i], weights); ok && fits {
			sh.Floor = unitsOf(q, u, parts[k]) // ⌊pot·w ÷ (W·u)⌋·u, pot being units whole units
		} else {
			q, _ := num.QuoRem(den, 0)
			sh.Floor = q.Mul(u)
		}
		sh.Extra = parts[k].GreaterThan(sh.Floor)
	}
	return nil
}
