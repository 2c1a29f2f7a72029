package plan

import (
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"
)

// scenarioEqual compares scenarios field by field, decimals by value.
func scenarioEqual(a, b Scenario) bool {
	if a.Name != b.Name || a.Path != b.Path || a.Title != b.Title || a.Year != b.Year || a.Note != b.Note || !a.Pot.Equal(b.Pot) ||
		a.Paid != b.Paid || a.Eligibility != b.Eligibility || a.Allocation.Method != b.Allocation.Method ||
		a.Allocation.Basis != b.Allocation.Basis || a.Allocation.Cap != b.Allocation.Cap ||
		!a.Allocation.Unit.Equal(b.Allocation.Unit) || !a.Assumptions.DiscountRate.Equal(b.Assumptions.DiscountRate) ||
		!a.Assumptions.WriteOff.Equal(b.Assumptions.WriteOff) ||
		!a.Assumptions.BalancedThreshold.Equal(b.Assumptions.BalancedThreshold) || a.PotDeficits != b.PotDeficits ||
		!termsEqual(a, b) {
		return false
	}
	if (a.Repayment == nil) != (b.Repayment == nil) {
		return false
	}
	if a.Repayment == nil {
		return true
	}
	ra, rb := a.Repayment, b.Repayment
	if ra.Kind != rb.Kind || ra.FirstYear != rb.FirstYear || ra.Years != rb.Years || !ra.Interest.Equal(rb.Interest) || len(ra.Profile) != len(rb.Profile) {
		return false
	}
	for i := range ra.Profile {
		if !ra.Profile[i].Equal(rb.Profile[i]) {
			return false
		}
	}
	return true
}

// termsEqual compares the tranches and consequences, decimals by value.
func termsEqual(a, b Scenario) bool {
	if len(a.Tranches) != len(b.Tranches) || len(a.Consequences) != len(b.Consequences) {
		return false
	}
	for i, x := range a.Tranches {
		y := b.Tranches[i]
		if !x.Share.Equal(y.Share) || x.Paid != y.Paid || x.Condition != y.Condition || !x.Tolerance.Equal(y.Tolerance) || x.Forfeit != y.Forfeit {
			return false
		}
	}
	for i, x := range a.Consequences {
		y := b.Consequences[i]
		if x.Kind != y.Kind || x.Base != y.Base || !x.Rate.Equal(y.Rate) || x.Year != y.Year || !x.Probability.Equal(y.Probability) || x.Group != y.Group {
			return false
		}
	}
	return true
}

// randomTerms gives sc random tranches (shares summing to 100%),
// consequences and a repayment kind.
func randomTerms(r *rand.Rand, sc *Scenario) {
	pick := func(xs []string) string { return xs[r.Intn(len(xs))] }
	years := []string{"", "2023/24", "2024/25", "2026/27"}
	if n := r.Intn(4); n > 0 {
		left := int64(10000)
		for k := 0; k < n; k++ {
			x := left
			if k < n-1 {
				x = r.Int63n(left + 1)
			}
			left -= x
			sc.Tranches = append(sc.Tranches, Tranche{Share: decimal.New(x, -4), Paid: years[r.Intn(len(years))],
				Condition: Condition(pick(conditions)), Tolerance: decimal.New(r.Int63n(1e9), -int32(r.Intn(3))), Forfeit: Forfeit(pick(forfeits))})
		}
	}
	for n := r.Intn(4); n > 0; n-- {
		sc.Consequences = append(sc.Consequences, Consequence{Kind: ConsequenceKind(pick(consKinds)), Base: ConsequenceBase(pick(consBases)),
			Rate: decimal.New(r.Int63n(30000), -4), Year: years[1+r.Intn(len(years)-1)], Probability: decimal.New(r.Int63n(1001), -3),
			Group: Applies(pick(groups))})
	}
	if r.Intn(4) == 0 {
		sc.PotDeficits, sc.Pot = true, decimal.Zero
	}
	if rp := sc.Repayment; rp != nil {
		switch r.Intn(3) {
		case 1:
			rp.Kind = RepaymentLoan
		case 2:
			rp.Kind, rp.Profile = RepaymentPDC, nil
		}
	}
}

// randomScenario makes a valid scenario from r.
func randomScenario(r *rand.Rand) Scenario {
	pick := func(xs []string) string { return xs[r.Intn(len(xs))] }
	text := func() string {
		alphabet := []rune("aZ £0\"\\\n\t\x01\x7fé—🙂'#[]=,")
		n := r.Intn(20)
		out := make([]rune, n)
		for i := range out {
			out[i] = alphabet[r.Intn(len(alphabet))]
		}
		return string(out)
	}
	rate := func() decimal.Decimal { return decimal.New(r.Int63n(100000), -int32(r.Intn(7))) }
	sc := NewScenario()
	sc.Name, sc.Path = "rt", "rt.toml"
	sc.Title = "T" + text()
	sc.Note = text()
	if r.Intn(2) == 0 {
		sc.Paid = "2024-02-15"
	}
	if r.Intn(2) == 0 {
		sc.Year = "2025/26"
	}
	sc.Eligibility = Eligibility{Rule: Rule(pick(rules)), Basis: Basis(pick(bases))}
	sc.Allocation = Allocation{Method: Method(pick(methods)), Basis: Basis(pick(bases)), Cap: Cap(pick(caps)), Unit: units[r.Intn(len(units))]}
	sc.Pot = decimal.NewFromInt(r.Int63n(1 << 40)).Mul(sc.Allocation.Unit)
	if r.Intn(3) > 0 {
		years := 1 + r.Intn(8)
		rp := &Repayment{FirstYear: "2026/27", Years: years, Interest: rate()}
		if r.Intn(2) == 0 {
			left := int64(1000000)
			for i := 0; i < years-1; i++ {
				x := r.Int63n(left + 1)
				rp.Profile = append(rp.Profile, decimal.New(x, -6))
				left -= x
			}
			rp.Profile = append(rp.Profile, decimal.New(left, -6))
		}
		sc.Repayment = rp
	}
	sc.Assumptions = Assumptions{DiscountRate: rate(), WriteOff: decimal.New(r.Int63n(1001), -3), BalancedThreshold: decimal.New(r.Int63n(1e9), -int32(r.Intn(3)))}
	randomTerms(r, &sc)
	return sc
}

func TestMarshalRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		sc := randomScenario(r)
		if err := sc.Validate(); err != nil {
			t.Fatalf("generated an invalid scenario: %v", err)
		}
		data := sc.MarshalTOML()
		back, err := ParseScenario("rt.toml", data)
		if err != nil {
			t.Fatalf("round trip %d: %v\n%s", i, err, data)
		}
		if !scenarioEqual(sc, back) {
			t.Fatalf("round trip %d changed the scenario:\n%+v\n%+v\n%s", i, sc, back, data)
		}
	}
}

func TestMarshalShippedLooksLikeShipped(t *testing.T) {
	sc, err := ParseScenario("d.toml", []byte(fullScenario))
	if err != nil {
		t.Fatal(err)
	}
	want := `title = "Deficit support, February 2024"
note = "Repayable in later years."
pot = "700000000"
paid = "2024-02-15"

[eligibility]
rule = "deficit"
basis = "plan"

[allocation]
method = "pro_rata"
basis = "plan"
cap = "deficit"
unit = "£1"

[repayment]
first_year = "2025/26"
years = 3
profile = ["25%", "25%", "50%"]
interest = "1.5%"

[assumptions]
discount_rate = "3.5%"
write_off = "50%"
balanced_threshold = "0"
`
	if got := string(sc.MarshalTOML()); got != want {
		t.Errorf("MarshalTOML:\n%s\nwant:\n%s", got, want)
	}
}
