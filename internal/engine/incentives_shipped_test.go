package engine

import (
	"testing"

	"icsplan/internal/analysis"
)

// TestShippedIncentives pins the incentive figures of the shipped 2023/24
// and 2024/25 deficit support and 2023/24 counterfactuals.
//
// 2023/24 deficit support: £700m over 15 deficit plans totalling £720m,
// pro rata, capped; a 0% loan repaid over 2025/26 to 2027/28, valued at
// 3.5% with a 50% write-off; deficit planners £19.44 a head, balanced
// nothing. Planning to balance was a losing strategy for every system.
// QH8 (Mid and South Essex, −£40.3m) was allocated £39,180,556 (£700m ×
// 40.3/720, rounded); at −£41.3m, £40,097,087 (£700m × 41.3/721): its grant
// rises from £21,504,276.66 to £22,007,315.36, £0.5030 per £1; the deficit
// group's median is Norfolk and Waveney's £0.4983 (worked again in Python
// fractions when the plans were corrected against their sources). A balanced
// system at −£1m gets £970,874 (£700m/721), £532,864.89 of grant: £0.5329.
// A clawback the next year must take 53.9% of the cash: at 53.89% the
// deficit group still has £1.00 a head (rewards), at 53.90% £0.99.
func TestShippedIncentives(t *testing.T) {
	cases := []struct {
		dir, name           string
		deficit, equal, bal int
		medD, medB          string
		writeOff, interest  analysis.LeverStatus
		clawback            string
		text                string
	}{
		{"2023-24", "deficit-support-feb-2024", 42, 0, 0, "0.4983", "0.5329", analysis.LeverNotReached, analysis.LeverNotReached, "0.5390",
			"It would stop rewarding deficit plans only if 53.9% were clawed back the following year. " +
				"Even if all of it were certain to be repaid, it would still reward deficit plans. No interest rate up to 20% would end it."},
		{"2024-25", "deficit-support-2024-25", 42, 0, 0, "0.5481", "0.5635", analysis.LeverNotReached, analysis.LeverNotReached, "0.5630",
			"It would stop rewarding deficit plans only if 56.3% were clawed back the following year. " +
				"Even if all of it were certain to be repaid, it would still reward deficit plans. No interest rate up to 20% would end it."},
		{"2023-24", "fair-shares", 0, 42, 0, "0.0000", "0.0000", analysis.LeverNotSearched, analysis.LeverNotSearched, "",
			"The money does not reward deficit plans as it stands (verdict: neutral), so there is no reward to end."},
		{"2023-24", "reward-balance", 0, 0, 42, "0.0000", "-25.4168", analysis.LeverNotSearched, analysis.LeverNotSearched, "",
			"The money does not reward deficit plans as it stands (verdict: rewards balanced plans), so there is no reward to end."},
	}
	for _, c := range cases {
		ds, sc := shipped(t, c.dir, c.name)
		res, err := Analyse(ds, sc)
		if err != nil {
			t.Fatal(err)
		}
		inc := res.Incentives
		st, m, e := inc.Strategy, inc.Marginal, inc.Ending
		if st.DeficitPays != c.deficit || st.Equal != c.equal || st.BalancedPays != c.bal || st.Counted != 42 {
			t.Errorf("%s: strategy %+v", c.name, st)
		}
		if m.DeficitMedian.StringFixed(4) != c.medD || m.BalancedMedian.StringFixed(4) != c.medB {
			t.Errorf("%s: medians %s %s", c.name, m.DeficitMedian.StringFixed(4), m.BalancedMedian.StringFixed(4))
		}
		claw := ""
		if e.Clawback.Value != nil {
			claw = e.Clawback.Value.StringFixed(4)
		}
		if e.WriteOff.Status != c.writeOff || e.Interest.Status != c.interest || claw != c.clawback || e.Text != c.text {
			t.Errorf("%s: write-off %s interest %s clawback %q\n%s", c.name, e.WriteOff.Status, e.Interest.Status, claw, e.Text)
		}
	}
	ds, sc := shipped(t, "2023-24", "deficit-support-feb-2024")
	res, err := Analyse(ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range res.Systems {
		r := res.Incentives.Systems[i]
		switch s.Code {
		case "QH8":
			if s.Allocation.String() != "39180556" || r.MarginalGrant.StringFixed(2) != "22007315.36" ||
				s.EffectiveGrant.StringFixed(2) != "21504276.66" || r.MarginalPrice.StringFixed(4) != "0.5030" || !r.BalancedGrant.IsZero() {
				t.Errorf("QH8: %+v", r)
			}
		case "QHG":
			if r.MarginalGrant.StringFixed(2) != "532864.89" || r.MarginalPrice.StringFixed(4) != "0.5329" || !r.Gain.Equal(*s.PrudencePenalty) {
				t.Errorf("QHG: %+v", r)
			}
		}
	}
	b := res.Incentives.Ending.Clawback.Bisect
	if len(b) < 2 || b[len(b)-1].Value.StringFixed(4) != "0.5389" || !b[len(b)-1].Rewards() ||
		b[len(b)-1].DeficitPerHead.StringFixed(2) != "1.00" || b[len(b)-2].Value.StringFixed(4) != "0.5388" {
		t.Errorf("clawback bisection %+v", b)
	}
}
