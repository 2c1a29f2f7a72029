package report

import (
	"encoding/json"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// The JSON report, as DESIGN.md's "JSON report" fixes it. Structs, not maps,
// so the keys come out in this order every time. Money is a string with two
// decimals, ratios a string with four, rates a string ("0.035"). Keys after
// the contract's own in each object are additions.

type jsonReport struct {
	Dataset              jsonDataset      `json:"dataset"`
	Scenario             jsonScenario     `json:"scenario"`
	Totals               jsonTotals       `json:"totals"`
	Systems              []jsonSystem     `json:"systems"`
	Groups               jsonGroups       `json:"groups"`
	NetTransferToDeficit string           `json:"net_transfer_to_deficit"`
	PriceOfDeficit       *string          `json:"price_of_deficit"` // null when the deficit group planned no deficit
	Sensitivity          []jsonCell       `json:"sensitivity"`
	Verdict              jsonVerdict      `json:"verdict"`
	Years                []jsonInstalment `json:"years"`           // added: repayments of all systems by year
	Outturn              []jsonOutturn    `json:"outturn"`         // added: outturn against plan where known
	Caveats              []string         `json:"caveats"`         // added
	DataRobustness       jsonDataCheck    `json:"data_robustness"` // added: the verdict on the reported rows alone
	Strategy             *jsonStrategy    `json:"strategy"`        // the strategy table's counts (see jsonincentives.go)
	MarginalPrice        *jsonMarginal    `json:"marginal_price"`  // each group's median marginal price
	EndingTerms          *jsonEnding      `json:"ending_terms"`    // the terms that end the reward
	Panel                *jsonPanel       `json:"panel"`           // only when the library has two or more years
}

type jsonDataset struct {
	Year         string `json:"year"`
	Path         string `json:"path"`
	Systems      int    `json:"systems"`
	Illustrative int    `json:"illustrative"`
}

type jsonScenario struct {
	Title       string          `json:"title"`
	Note        string          `json:"note"`
	Pot         string          `json:"pot"`
	Eligibility jsonEligibility `json:"eligibility"`
	Allocation  jsonAllocation  `json:"allocation"`
	Repayment   *jsonRepayment  `json:"repayment"`
	Assumptions jsonAssumptions `json:"assumptions"`
	Name        string          `json:"name"` // added: the scenario file's stem
	Paid        string          `json:"paid"` // added: informational payment date
}

type jsonEligibility struct {
	Rule  string `json:"rule"`
	Basis string `json:"basis"`
}

type jsonAllocation struct {
	Method string `json:"method"`
	Basis  string `json:"basis"`
	Cap    string `json:"cap"`
	Unit   string `json:"unit"`
}

type jsonRepayment struct {
	FirstYear string   `json:"first_year"`
	Years     int      `json:"years"`
	Profile   []string `json:"profile"` // empty: equal shares
	Interest  string   `json:"interest"`
}

type jsonAssumptions struct {
	DiscountRate      string `json:"discount_rate"`
	WriteOff          string `json:"write_off"`
	BalancedThreshold string `json:"balanced_threshold"`
}

type jsonTotals struct {
	Pot            string `json:"pot"`
	Allocated      string `json:"allocated"`
	Unallocated    string `json:"unallocated"`
	Repayments     string `json:"repayments"`
	PVRepayments   string `json:"pv_repayments"`
	EffectiveGrant string `json:"effective_grant"`
	GrantElement   string `json:"grant_element"`
	// The terms: withheld is gross, before any was shared out again;
	// deductions and bonuses are nominal (before probability and discounting).
	Withheld      string `json:"withheld"`
	Redistributed string `json:"redistributed"`
	Deductions    string `json:"deductions"`
	Bonuses       string `json:"bonuses"`
}

type jsonSystem struct {
	Code               string           `json:"code"`
	Name               string           `json:"name"`
	Region             string           `json:"region"`
	Group              string           `json:"group"`
	Population         int64            `json:"population"`
	WeightedPopulation json.Number      `json:"weighted_population"`
	Plan               string           `json:"plan"`
	Eligible           bool             `json:"eligible"`
	Allocation         string           `json:"allocation"`
	PerHead            string           `json:"per_head"`
	FairShare          string           `json:"fair_share"`
	Transfer           string           `json:"transfer"`
	Repayments         []jsonInstalment `json:"repayments"`
	PVRepayments       string           `json:"pv_repayments"`
	EffectiveGrant     string           `json:"effective_grant"`
	GrantElement       string           `json:"grant_element"`
	PrudencePenalty    *string          `json:"prudence_penalty"`
	PenaltyPlan        *string          `json:"prudence_plan"` // added: the deficit plan assumed for the penalty
	Source             string           `json:"source"`        // added
	Illustrative       bool             `json:"illustrative"`  // added
	// The terms (DESIGN.md, "JSON for the second stage"); see jsonterms.go.
	Received     string            `json:"received"`
	Withheld     string            `json:"withheld"`
	Tranches     []jsonTranche     `json:"tranches"`     // every tranche of the scenario; [] when it has none
	Consequences []jsonConsequence `json:"consequences"` // the applied, non-zero ones, in the scenario's order
	// The incentives (see jsonincentives.go).
	StrategyGain  *string `json:"strategy_gain"`  // G(deficit plan) − G(balanced plan); null when no system planned a deficit
	MarginalPrice *string `json:"marginal_price"` // effective grant per further £1 of planned deficit, 4 places
}

type jsonInstalment struct {
	Year      string `json:"year"`
	Principal string `json:"principal"`
	Interest  string `json:"interest"`
	Total     string `json:"total"`
}

type jsonGroups struct {
	Deficit  jsonGroup `json:"deficit"`
	Balanced jsonGroup `json:"balanced"`
}

type jsonGroup struct {
	Systems        int    `json:"systems"`
	Population     int64  `json:"population"`
	PlannedDeficit string `json:"planned_deficit"`
	Allocation     string `json:"allocation"`
	PerHead        string `json:"per_head"`
	EffectiveGrant string `json:"effective_grant"`
	GrantPerHead   string `json:"grant_per_head"`
}

type jsonCell struct {
	WriteOff     string `json:"write_off"`
	DiscountRate string `json:"discount_rate"`
	GrantElement string `json:"grant_element"`
	Verdict      string `json:"verdict"`
}

type jsonVerdict struct {
	Label string `json:"label"`
	Text  string `json:"text"`
}

type jsonOutturn struct {
	Group      string `json:"group"`
	Systems    int    `json:"systems"`
	Plan       string `json:"plan"`
	Outturn    string `json:"outturn"`
	Difference string `json:"difference"`
}

// rate is a rate as a string with no trailing zeros: "0.035".
func rate(d decimal.Decimal) string { return d.String() }

// buildJSON lays the result out as the JSON report, every figure a string
// fixed to pence (money) or 4 decimals (grant elements, price).
func buildJSON(r analysis.Result) jsonReport {
	j := buildJSONHead(r)
	j.Systems = make([]jsonSystem, 0, len(r.Systems))
	jb := newJSONSystems(len(r.Systems))
	for i, s := range r.Systems {
		j.Systems = append(j.Systems, jb.system(s, systemIncentive(r, i)))
	}
	return j
}

// systemIncentive is system i's incentive row, or nil when r has none.
func systemIncentive(r analysis.Result, i int) *analysis.SystemIncentive {
	if r.Incentives == nil {
		return nil
	}
	return &r.Incentives.Systems[i]
}

// buildJSONHead is the JSON report without its systems (Systems is nil)
// and its panel, which renderJSON writes from the analysis (Panel is nil).
func buildJSONHead(r analysis.Result) jsonReport {
	j := jsonReport{
		Dataset: jsonDataset{Year: r.Dataset.Year, Path: r.Dataset.Path, Systems: r.Dataset.Systems,
			Illustrative: r.Dataset.Illustrative},
		Scenario:             jsonScenarioOf(r.Scenario),
		Totals:               jsonTotalsOf(r.Totals),
		Groups:               jsonGroups{Deficit: jsonGrp(r.Deficit), Balanced: jsonGrp(r.Balanced)},
		NetTransferToDeficit: money.Fixed2(r.NetTransferToDeficit),
		Sensitivity:          make([]jsonCell, 0, len(r.Sensitivity)),
		Verdict:              jsonVerdict{Label: string(r.Verdict.Label), Text: r.Verdict.Text},
		Years:                make([]jsonInstalment, 0, len(r.Years)),
		Outturn:              make([]jsonOutturn, 0, len(r.Outturn)),
		Caveats:              append(make([]string, 0, len(r.Caveats)), r.Caveats...),
	}
	if r.HasPrice {
		p := money.Fixed4(r.PriceOfDeficit)
		j.PriceOfDeficit = &p
	}
	j.DataRobustness = jsonDataOf(r.Data)
	for _, c := range r.Sensitivity {
		j.Sensitivity = append(j.Sensitivity, jsonCell{WriteOff: rate(c.WriteOff), DiscountRate: rate(c.DiscountRate),
			GrantElement: money.Fixed4(c.GrantElement), Verdict: string(c.Verdict)})
	}
	for _, y := range r.Years {
		j.Years = append(j.Years, jsonInstalment{Year: y.Year, Principal: money.Fixed2(y.Principal),
			Interest: money.Fixed2(y.Interest), Total: money.Fixed2(y.Principal.Add(y.Interest))})
	}
	for _, o := range r.Outturn {
		j.Outturn = append(j.Outturn, jsonOutturn{Group: string(o.Group), Systems: o.Systems, Plan: money.Fixed2(o.Plan),
			Outturn: money.Fixed2(o.Outturn), Difference: money.Fixed2(o.Outturn.Sub(o.Plan))})
	}
	jsonIncentivesOf(&j, r)
	return j
}

func jsonScenarioOf(sc plan.Scenario) jsonScenario {
	return jsonScenario{
		Title:       sc.Title,
		Note:        sc.Note,
		Pot:         money.Fixed2(sc.Pot),
		Eligibility: jsonEligibility{Rule: string(sc.Eligibility.Rule), Basis: string(sc.Eligibility.Basis)},
		Allocation: jsonAllocation{Method: string(sc.Allocation.Method), Basis: string(sc.Allocation.Basis),
			Cap: string(sc.Allocation.Cap), Unit: money.Fixed2(sc.Allocation.Unit)},
		Repayment: jsonRepay(sc.Repayment),
		Assumptions: jsonAssumptions{DiscountRate: rate(sc.Assumptions.DiscountRate),
			WriteOff: rate(sc.Assumptions.WriteOff), BalancedThreshold: money.Fixed2(sc.Assumptions.BalancedThreshold)},
		Name: sc.Name,
		Paid: sc.Paid,
	}
}

func jsonTotalsOf(t analysis.Totals) jsonTotals {
	return jsonTotals{
		Pot:            money.Fixed2(t.Pot),
		Allocated:      money.Fixed2(t.Allocated),
		Unallocated:    money.Fixed2(t.Unallocated),
		Repayments:     money.Fixed2(t.Repayments),
		PVRepayments:   money.Fixed2(t.PVRepayments),
		EffectiveGrant: money.Fixed2(t.EffectiveGrant),
		GrantElement:   money.Fixed4(t.GrantElement),
		Withheld:       money.Fixed2(t.Withheld),
		Redistributed:  money.Fixed2(t.Redistributed),
		Deductions:     money.Fixed2(t.Deductions),
		Bonuses:        money.Fixed2(t.Bonuses),
	}
}

func jsonRepay(r *plan.Repayment) *jsonRepayment {
	if r == nil {
		return nil
	}
	j := &jsonRepayment{FirstYear: r.FirstYear, Years: r.Years, Profile: make([]string, 0, len(r.Profile)),
		Interest: rate(r.Interest)}
	for _, p := range r.Profile {
		j.Profile = append(j.Profile, rate(p))
	}
	return j
}

func jsonGrp(g analysis.GroupResult) jsonGroup {
	return jsonGroup{
		Systems:        g.Systems,
		Population:     g.Population,
		PlannedDeficit: money.Fixed2(g.PlannedDeficit),
		Allocation:     money.Fixed2(g.Allocation),
		PerHead:        money.Fixed2(g.PerHead),
		EffectiveGrant: money.Fixed2(g.EffectiveGrant),
		GrantPerHead:   money.Fixed2(g.GrantPerHead),
	}
}
