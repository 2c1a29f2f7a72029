package report

import (
	"icsplan/internal/analysis"
)

// The incentives on the email, the CSV report and the workbook: the
// email's sentence on the terms that end the reward, each system's
// strategy gain and marginal price as the last columns of the CSV and of
// the Systems sheet (to the penny and to 4 places, as the JSON report has
// them), the medians and thresholds among the Summary's headline figures,
// and the sentences on the Notes sheet. A result with no incentives has
// none of these.

// emailEnding is the email's sentence on the terms that end the reward
// ("It would stop rewarding deficit plans only if …"), after a space, or ""
// when the money does not reward deficit plans (or there are no
// incentives).
func emailEnding(r analysis.Result) string {
	if r.Incentives == nil || !r.Incentives.Ending.Rewarding {
		return ""
	}
	return " " + clean(r.Incentives.Ending.Text)
}

// incentiveHeads are the incentive columns' headings, in CSV's style.
func incentiveHeads(r analysis.Result) []string {
	if r.Incentives == nil {
		return nil
	}
	return []string{"strategy_gain", "marginal_price"}
}

// xlsxSystemIncentives gives the incentive columns of the Systems sheet,
// from column first on (xlsxSystemsHead heads them), their formats and
// widths; xlsxSystems writes a row per system. The gains are not summed: a
// sum of what each system alone would have gained means nothing.
func xlsxSystemIncentives(b *book, r analysis.Result, first int) {
	const s = sheetSystems
	if r.Incentives == nil {
		return
	}
	b.columns(s, numFmtMoney, first)
	b.columns(s, numFmtRatio, first+1)
	b.width(s, first, first+1, 16)
}

// xlsxIncentiveHeadlines are the Summary's headline lines for the
// incentives: label, figure and number format.
func xlsxIncentiveHeadlines(j jsonReport) [][3]string {
	var out [][3]string
	if st := j.Strategy; st != nil {
		out = append(out, [3]string{"Systems for which a deficit plan paid more than a balanced one", itoa(st.DeficitPays), numFmtCount},
			[3]string{"Systems for which it made no difference", itoa(st.Equal), numFmtCount},
			[3]string{"Systems for which a balanced plan paid more", itoa(st.BalancedPays), numFmtCount})
	}
	if m := j.MarginalPrice; m != nil {
		if m.DeficitMedian != nil {
			out = append(out, [3]string{"Median marginal price, deficit planners (per £1 of further deficit)", *m.DeficitMedian, numFmtRatio})
		}
		if m.BalancedMedian != nil {
			out = append(out, [3]string{"Median marginal price, balanced planners (per £1 of further deficit)", *m.BalancedMedian, numFmtRatio})
		}
	}
	if e := j.EndingTerms; e != nil {
		for _, l := range []struct {
			label string
			lever jsonLever
		}{{"Largest write-off probability that ends the reward", e.WriteOff},
			{"Smallest interest rate that ends the reward", e.Interest},
			{"Smallest clawback the following year that ends the reward", e.Clawback}} {
			if l.lever.Value != nil {
				out = append(out, [3]string{l.label, *l.lever.Value, numFmtRatio})
			}
		}
	}
	return out
}

// xlsxIncentiveNotes are the Notes sheet's lines for the incentives: the
// sentences, and each term's reading.
func xlsxIncentiveNotes(j jsonReport) [][2]string {
	if j.Strategy == nil {
		return nil
	}
	out := [][2]string{{"Strategy", j.Strategy.Text}}
	if j.MarginalPrice != nil {
		out = append(out, [2]string{"Marginal price", j.MarginalPrice.Text})
	}
	if e := j.EndingTerms; e != nil {
		out = append(out, [2]string{"Terms that end the reward", e.Text},
			[2]string{"Write-off probability", e.WriteOff.Note},
			[2]string{"Interest rate", e.Interest.Note},
			[2]string{"Clawback the following year", e.Clawback.Note})
	}
	return out
}
