package plan

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// MaxRepaymentYears bounds repayment.years, and how many years after the
// plans' year a tranche or consequence may fall.
const MaxRepaymentYears = 100

// MaxTranches and MaxConsequences bound how many [[tranche]] and
// [[consequence]] tables a scenario may have.
const (
	MaxTranches     = 100
	MaxConsequences = 100
)

// The values each choice accepts, in the order messages and the editor list
// them.
var (
	rules       = []string{string(RuleDeficit), string(RuleBalanced), string(RuleAll)}
	bases       = []string{string(BasisPlan), string(BasisForecast), string(BasisOutturn)}
	methods     = []string{string(MethodProRata), string(MethodPerCapita), string(MethodEqual)}
	caps        = []string{string(CapNone), string(CapDeficit)}
	units       = []decimal.Decimal{decimal.New(1, -2), decimal.NewFromInt(1), decimal.NewFromInt(1000)}
	unitChoices = []string{"£0.01", "£1", "£1000"}
	onOff       = []string{"off", "on"}
	kinds       = []string{string(RepaymentLoan), string(RepaymentPDC)}
	conditions  = []string{string(ConditionNone), string(ConditionForecast), string(ConditionOutturn)}
	forfeits    = []string{string(ForfeitHeld), string(ForfeitRedistribute)}
	consKinds   = []string{string(Deduction), string(Bonus)}
	consBases   = []string{string(BaseOverspend), string(BaseImprovement), string(BaseReceived), string(BaseDeficit)}
	groups      = []string{string(AppliesAll), string(AppliesDeficit), string(AppliesBalanced)}
)

// potDeficits is how a file writes a pot that is the eligible deficits.
const potDeficits = "deficits"

// NewScenario returns a scenario with every default a scenario file gets for
// a table or key it leaves out:
//
//   - note and paid: empty
//   - [eligibility]: rule "all", basis "plan"
//   - [allocation]: method "per_capita", basis the eligibility basis, cap
//     "none", unit "£1"
//   - [repayment]: omitted means a grant (Repayment nil); when present,
//     interest "0%", profile equal shares, and years the length of the
//     profile if only the profile is given
//   - [assumptions]: discount_rate "3.5%" (HM Treasury Green Book),
//     write_off "0%", balanced_threshold "0"
//
// title and pot have no default: a file must give them. The returned
// scenario has an empty title and a zero pot.
func NewScenario() Scenario {
	return Scenario{
		Eligibility: Eligibility{Rule: RuleAll, Basis: BasisPlan},
		Allocation:  Allocation{Method: MethodPerCapita, Basis: BasisPlan, Cap: CapNone, Unit: decimal.NewFromInt(1)},
		Assumptions: Assumptions{
			DiscountRate:      decimal.New(35, -3),
			WriteOff:          decimal.Zero,
			BalancedThreshold: decimal.Zero,
		},
	}
}

// DefaultRepayment is the schedule a grant gets when repayment is switched
// on: repaid in three equal shares with no interest, the first two years
// after planYear (2023/24 gives 2025/26). If planYear is not a financial
// year written like 2023/24, FirstYear is left empty for the user to give.
func DefaultRepayment(planYear string) Repayment {
	r := Repayment{Years: 3, Interest: decimal.Zero}
	if y, err := yearStart(planYear); err == nil {
		r.FirstYear = yearText(y + 2)
	}
	return r
}

// DefaultTranche is a tranche as a [[tranche]] table that gives only its
// share gets it: paid in the plans' year, unconditionally, with no
// tolerance, and a forfeit (never arising unconditionally) held.
func DefaultTranche(share decimal.Decimal) Tranche {
	return Tranche{Share: share, Condition: ConditionNone, Tolerance: decimal.Zero, Forfeit: ForfeitHeld}
}

// DefaultConsequence is the consequence a scenario editor adds: the RAB
// rule, a deduction of 100% of the overspend against plan, certain, for
// every system, in the year after planYear (2023/24 gives 2024/25; empty
// if planYear is not a financial year written like 2023/24).
func DefaultConsequence(planYear string) Consequence {
	c := Consequence{Kind: Deduction, Base: BaseOverspend, Rate: decimal.NewFromInt(1),
		Probability: decimal.NewFromInt(1), Group: AppliesAll}
	if y, err := yearStart(planYear); err == nil {
		c.Year = yearText(y + 1)
	}
	return c
}

// yearText writes the financial year starting in calendar year y: "2025/26".
func yearText(y int) string { return fmt.Sprintf("%04d/%02d", y, (y+1)%100) }

// defaultScenario is DefaultScenario: named "default", the pot is the total
// planned deficit, for systems with a deficit on plan, pro rata to it,
// capped at each deficit, not repayable, valued at a 3.5% discount rate with
// no write-off and a zero balanced threshold. The unit is £1, or £0.01 when
// the total has pence (then the pot is the total rounded down to pence, in
// case a plan holds fractions of a penny).
func defaultScenario(d Dataset) Scenario {
	sc := NewScenario()
	sc.Name = "default"
	sc.Title = "Grant covering every planned deficit"
	sc.Note = "No scenario file was found, so this grant pays each system that planned a deficit exactly its planned deficit, not repayable."
	total := decimal.Zero
	for _, s := range d.Systems {
		if s.Plan.IsNegative() {
			total = total.Sub(s.Plan)
		}
	}
	sc.Eligibility = Eligibility{Rule: RuleDeficit, Basis: BasisPlan}
	sc.Allocation.Method = MethodProRata
	sc.Allocation.Cap = CapDeficit
	if !total.Mod(sc.Allocation.Unit).IsZero() {
		sc.Allocation.Unit = decimal.New(1, -2)
	}
	sc.Pot = total.RoundFloor(2) // whole pence: a plan with fractions of a penny cannot be paid exactly
	return sc
}
