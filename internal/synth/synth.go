// Package synth generates synthetic but realistic plans for tests and
// benchmarks: any number of systems, deterministic for a seed, with
// populations of 300,000 to 3.5 million, about 40% deficit plans in whole
// £000, unique codes and a mix of illustrative and reported sources. It does
// no I/O and uses only integer and decimal arithmetic.
package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"

	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

var regions = []string{"East of England", "London", "Midlands", "North East and Yorkshire", "North West", "South East", "South West"}

func rng(seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
}

// between returns a uniform integer in [lo, hi].
func between(r *rand.Rand, lo, hi int64) int64 { return lo + r.Int64N(hi-lo+1) }

// Generate returns n synthetic systems for 2023/24 in file order. The same n
// and seed always give the same dataset.
func Generate(n int, seed int64) plan.Dataset {
	r := rng(seed)
	ds := plan.Dataset{Year: "2023/24", Path: fmt.Sprintf("synthetic-%d-%d/systems.csv", n, seed),
		Systems: make([]plan.System, n)}
	perm := r.Perm(n) // codes are unique but not in file order
	thousand := decimal.NewFromInt(1000)
	for i := range ds.Systems {
		pop := between(r, 300_000, 3_500_000)
		wpop := pop * between(r, 850, 1150) / 1000
		var planK int64 // £000
		switch x := r.IntN(100); {
		case x < 40: // deficit of £5 to £60 a head, whole £000
			planK = -(pop * between(r, 5, 60) / 1000)
		case x < 48: // small surplus
			planK = between(r, 1, 20_000)
		}
		s := plan.System{
			Code:               fmt.Sprintf("S%06d", perm[i]+1),
			Name:               "Synthetic system " + strconv.Itoa(i+1),
			Region:             regions[r.IntN(len(regions))],
			Population:         pop,
			WeightedPopulation: decimal.NewFromInt(wpop),
			Plan:               decimal.NewFromInt(planK).Mul(thousand),
			Source:             "reported",
			Line:               i + 2,
		}
		if r.IntN(100) < 60 {
			s.Source = "illustrative"
		}
		if r.IntN(100) < 70 {
			s.Forecast = plan.Known(decimal.NewFromInt(planK + between(r, -10_000, 5_000)).Mul(thousand))
		}
		if r.IntN(100) < 30 {
			s.Outturn = plan.Known(decimal.NewFromInt(planK + between(r, -20_000, 10_000)).Mul(thousand))
		}
		ds.Systems[i] = s
	}
	return ds
}

// DeficitSupport returns a scenario like the February 2024 support for ds:
// pro rata to planned deficits, capped at each deficit, in whole pounds, a pot
// of nine tenths of the planned deficits rounded down to £1m, repaid over
// three years from 2025/26 without interest, valued at 3.5% with a 50%
// write-off.
func DeficitSupport(ds plan.Dataset) plan.Scenario {
	total := decimal.Zero
	for _, s := range ds.Systems {
		if s.Plan.IsNegative() {
			total = total.Sub(s.Plan)
		}
	}
	million := decimal.NewFromInt(1_000_000)
	pot, _ := total.Mul(decimal.RequireFromString("0.9")).QuoRem(million, 0)
	return plan.Scenario{
		Name:        "synthetic-deficit-support",
		Title:       "Synthetic deficit support",
		Pot:         pot.Mul(million),
		Eligibility: plan.Eligibility{Rule: plan.RuleDeficit, Basis: plan.BasisPlan},
		Allocation:  plan.Allocation{Method: plan.MethodProRata, Basis: plan.BasisPlan, Cap: plan.CapDeficit, Unit: decimal.NewFromInt(1)},
		Repayment:   &plan.Repayment{FirstYear: "2025/26", Years: 3, Interest: decimal.Zero},
		Assumptions: plan.Assumptions{DiscountRate: decimal.RequireFromString("0.035"), WriteOff: decimal.RequireFromString("0.5"), BalancedThreshold: decimal.Zero},
	}
}

// RandomScenario returns a valid scenario for ds drawn at random from every
// rule, basis, method, cap, unit, repayment profile, interest rate and
// assumption, deterministic for the seed. The pot ranges from nothing to more
// than all the planned deficits and is always a whole number of units.
func RandomScenario(ds plan.Dataset, seed int64) plan.Scenario {
	r := rng(seed)
	rules := []plan.Rule{plan.RuleDeficit, plan.RuleBalanced, plan.RuleAll}
	bases := []plan.Basis{plan.BasisPlan, plan.BasisPlan, plan.BasisForecast, plan.BasisOutturn}
	methods := []plan.Method{plan.MethodProRata, plan.MethodPerCapita, plan.MethodEqual}
	caps := []plan.Cap{plan.CapNone, plan.CapDeficit}
	units := []string{"0.01", "1", "1000"}
	unit := decimal.RequireFromString(units[r.IntN(len(units))])
	total := decimal.Zero
	for _, s := range ds.Systems {
		if s.Plan.IsNegative() {
			total = total.Sub(s.Plan)
		}
	}
	// pot: 0 to 130% of planned deficits (or of 1,000 units when none), whole units
	scale := total
	if scale.IsZero() {
		scale = unit.Mul(decimal.NewFromInt(1000))
	}
	potUnits, _ := scale.Mul(decimal.NewFromInt(between(r, 0, 1300))).QuoRem(unit.Mul(decimal.NewFromInt(1000)), 0)
	sc := plan.Scenario{
		Name:        "random-" + strconv.FormatInt(seed, 10),
		Pot:         potUnits.Mul(unit),
		Eligibility: plan.Eligibility{Rule: rules[r.IntN(3)], Basis: bases[r.IntN(4)]},
		Allocation: plan.Allocation{Method: methods[r.IntN(3)], Basis: bases[r.IntN(4)], Cap: caps[r.IntN(2)],
			Unit: unit},
		Assumptions: plan.Assumptions{
			DiscountRate:      decimal.New(between(r, 0, 80), -3),
			WriteOff:          decimal.New(between(r, 0, 100), -2),
			BalancedThreshold: decimal.NewFromInt(between(r, 0, 3) * 1000),
		},
	}
	if r.IntN(4) > 0 {
		years := int(between(r, 1, 5))
		y := 2024 + r.IntN(3)
		rep := &plan.Repayment{FirstYear: fmt.Sprintf("%d/%02d", y, (y+1)%100), Years: years}
		if r.IntN(2) == 0 { // a profile of whole percentages summing to 100%
			left := int64(100)
			for k := 0; k < years; k++ {
				p := left
				if k < years-1 {
					p = between(r, 0, left)
				}
				left -= p
				rep.Profile = append(rep.Profile, decimal.New(p, -2))
			}
		}
		if r.IntN(2) == 0 {
			rep.Interest = decimal.New(between(r, 0, 80), -3)
		}
		sc.Repayment = rep
	}
	return sc
}

// CSV writes ds as a systems.csv in the shipped layout (money in £000), so
// that loading can be measured at scale.
func CSV(ds plan.Dataset) []byte {
	var b bytes.Buffer
	b.Grow(100 * (len(ds.Systems) + 1))
	b.WriteString("code,name,region,population,weighted population,plan (£000),forecast (£000),outturn (£000),source\r\n")
	k := func(f plan.Figure) string {
		if !f.Known {
			return ""
		}
		return f.Value.Shift(-3).String()
	}
	for _, s := range ds.Systems {
		fmt.Fprintf(&b, "%s,%s,%s,%d,%s,%s,%s,%s,%s\r\n", s.Code, s.Name, s.Region, s.Population,
			s.WeightedPopulation.String(), k(plan.Known(s.Plan)), k(s.Forecast), k(s.Outturn), s.Source)
	}
	return b.Bytes()
}

// Tiny returns a dataset of 1 to 12 systems with small figures — populations
// up to 20, plans of a few thousand pounds, some with pence, some forecasts
// and outturns blank — so that ties in remainders, binding caps and zero
// weights are common. It is deterministic for the seed.
func Tiny(seed int64) plan.Dataset {
	r := rng(seed)
	n := 1 + r.IntN(12)
	codes := r.Perm(26)
	ds := plan.Dataset{Year: "2023/24", Path: fmt.Sprintf("tiny-%d/systems.csv", seed)}
	for i := 0; i < n; i++ {
		s := plan.System{
			Code:               string(rune('A' + codes[i])),
			Name:               "Tiny " + strconv.Itoa(i+1),
			Population:         1 + r.Int64N(20),
			WeightedPopulation: decimal.New(1+r.Int64N(40), -int32(r.IntN(2))),
			Line:               i + 2,
		}
		switch r.IntN(4) {
		case 0:
			s.Plan = decimal.New(r.Int64N(5000), -2) // surplus or zero
		case 1:
			s.Plan = decimal.New(-r.Int64N(5000), -2) // deficit with pence
		default:
			s.Plan = decimal.NewFromInt(-r.Int64N(60) * 1000 * int64(r.IntN(2)))
		}
		if r.IntN(3) > 0 {
			s.Forecast = plan.Known(s.Plan.Add(decimal.NewFromInt(r.Int64N(3000) - 2000)))
		}
		if r.IntN(3) == 0 {
			s.Outturn = plan.Known(s.Plan.Sub(decimal.NewFromInt(r.Int64N(3000))))
		}
		if r.IntN(2) == 0 {
			s.Source = "illustrative"
		}
		ds.Systems = append(ds.Systems, s)
	}
	return ds
}

// Case returns property-test case k: usually a Tiny dataset, every tenth a
// Generate dataset of 20 to 80 systems, with a RandomScenario whose pot is,
// one time in three, a small multiple of the unit. It is deterministic for k.
func Case(k int64) (plan.Dataset, plan.Scenario) {
	r := rng(k ^ 0x5eed)
	var ds plan.Dataset
	if k%10 == 0 {
		ds = Generate(20+r.IntN(60), k)
	} else {
		ds = Tiny(k)
	}
	sc := RandomScenario(ds, k)
	if r.IntN(3) == 0 {
		sc.Pot = sc.Allocation.Unit.Mul(decimal.NewFromInt(r.Int64N(200)))
	}
	return ds, sc
}
