package chart

import (
	"unicode"
	"unicode/utf8"

	"icsplan/internal/analysis"

	"github.com/shopspring/decimal"
)

// The ending terms' charts: each group's effective grant per head against
// one lever (the write-off probability, the interest or dividend rate, a
// clawback the following year), at every twentieth point of the lever's
// scan (analysis.Lever.Scan: 0%, 20%, … 100% of its range), so that a reader
// sees where the deficit planners' bars stop standing clear of the
// balanced planners'. The threshold itself, found by bisection between
// two of the scan's points, is in the chart's note.

// endingEvery is the step between the scan points a chart shows.
const endingEvery = 20

// EndingWriteOff is grant per head by group against the write-off probability.
func EndingWriteOff(r analysis.Result) Data {
	return ending(r, analysis.LeverWriteOff, "ending-write-off", "the chance the balance is never repaid")
}

// EndingInterest is grant per head by group against the interest rate (the
// dividend rate of public dividend capital).
func EndingInterest(r analysis.Result) Data {
	what := "the interest rate"
	if r.Incentives != nil && r.Incentives.Ending.PDC {
		what = "the dividend rate"
	}
	return ending(r, analysis.LeverInterest, "ending-interest", what)
}

// EndingClawback is grant per head by group against a clawback of the cash
// received, the year after the plans' year.
func EndingClawback(r analysis.Result) Data {
	return ending(r, analysis.LeverClawback, "ending-clawback", "a clawback of the cash the following year")
}

func ending(r analysis.Result, name analysis.LeverName, chart, what string) Data {
	d := Data{Name: chart, Title: "Effective grant per head, by group, against " + what,
		Unit: "£ effective grant per head", Kind: Bars}
	if r.Incentives == nil {
		d.Notes = []string{"The incentive analyses were not computed."}
		return d
	}
	var l analysis.Lever
	for _, x := range r.Incentives.Ending.Levers() {
		if x.Name == name {
			l = x
		}
	}
	d.Notes = []string{sentence(clean(l.Note))}
	if l.Status == analysis.LeverFound && l.Value != nil {
		d.Notes = []string{foundNote(l)}
	}
	if len(l.Scan) == 0 {
		return d
	}
	def := Series{Name: "Deficit plans (" + systems(r.Deficit.Systems) + ")"}
	bal := Series{Name: "Balanced plans (" + systems(r.Balanced.Systems) + ")"}
	for k := 0; k < len(l.Scan); k += endingEvery {
		p := l.Scan[k]
		d.Categories = append(d.Categories, analysis.LeverPercent(p.Value))
		def.Values = append(def.Values, Value{Exact: p.DeficitPerHead, Text: pence(p.DeficitPerHead)})
		bal.Values = append(bal.Values, Value{Exact: p.BalancedPerHead, Text: pence(p.BalancedPerHead)})
	}
	d.Series = []Series{def, bal}
	return d
}

// foundNote says where the reward ends.
func foundNote(l analysis.Lever) string {
	v := analysis.LeverPercent(*l.Value)
	const how = ", found by exact reruns to 0.01 percentage point."
	switch l.Name {
	case analysis.LeverWriteOff:
		return "The money does not reward deficit plans at a write-off probability of " + v + " or less (at least " +
			analysis.LeverPercent(one.Sub(*l.Value)) + " certain to be repaid)" + how
	case analysis.LeverInterest:
		return "The money stops rewarding deficit plans at a rate of " + v + how
	default:
		return "The money stops rewarding deficit plans when " + v + " of the cash is clawed back the following year" + how
	}
}

var one = decimal.NewFromInt(1)

// sentence starts s with a capital letter and ends it with a full stop.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	s = string(unicode.ToUpper(r)) + s[n:]
	if s[len(s)-1] != '.' {
		s += "."
	}
	return s
}
