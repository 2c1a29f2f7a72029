package engine

import (
	"icsplan/internal/analysis"
	"icsplan/internal/plan"
	"icsplan/internal/wide"
)

// checkData reruns the scenario on the reported (not illustrative) rows
// alone and sets res.Data to its verdict beside the verdict on all rows,
// adding a caveat when illustrative rows were fitted to reported totals.
// The rerun is one allocation and valuation, with no prudence reruns and no
// sensitivity grid, so it is cheap.
func checkData(res *analysis.Result, ds plan.Dataset, sc plan.Scenario) {
	c := analysis.DataCheck{Systems: len(ds.Systems), All: res.Verdict.Label, Verdict: res.Verdict.Label}
	for _, s := range ds.Systems {
		if !s.Illustrative() {
			c.Reported++
		} else if analysis.Fitted(s.Source) {
			c.Fitted++
		}
	}
	if c.Reported > 0 && c.Reported < c.Systems {
		kept := make([]plan.System, 0, c.Reported) // counted first: no append growth beside the result
		for _, s := range ds.Systems {
			if !s.Illustrative() {
				kept = append(kept, s)
			}
		}
		sub := ds
		sub.Systems = kept
		if l, ok := verdictOn(sub, sc); ok {
			c.Verdict, c.Rerun = l, true
		}
	}
	c.Text = analysis.DataCheckText(c)
	res.Data = c
	if s := analysis.FittedCaveat(c); s != "" {
		res.Caveats = append(res.Caveats, s)
	}
}

// verdictOn is the verdict of the scenario on a dataset, from its groups'
// effective grant per head; false if the scenario cannot run on it. On the
// integer path it sums the groups straight from each system's grant in
// pence, as fastSystems does, without making any system's figures.
func verdictOn(ds plan.Dataset, sc plan.Scenario) (analysis.Label, bool) {
	j, err := newJob(ds, sc)
	if err != nil {
		return "", false
	}
	if j.fast != nil {
		return j.fastVerdict(), true
	}
	res, err := j.systems()
	if err != nil {
		return "", false
	}
	return analysis.VerdictOf(res.Deficit, res.Balanced).Label, true
}

// fastVerdict is the verdict on the integer path: each group's systems,
// population and effective grant (the sum of its systems' grants in pence,
// as fastTally.group sums them), and its grant per head rounded once.
func (j *job) fastVerdict() analysis.Label {
	f := j.fast
	var gs [2]analysis.GroupResult // deficit, balanced
	var eg [2]wide.Int
	for i, s := range j.ds.Systems {
		k := 0
		if f.planP[i] >= -f.thP {
			k = 1
		}
		gs[k].Systems++
		gs[k].Population += s.Population
		eg[k] = add(eg[k], f.grant[i])
	}
	for k := range gs {
		gs[k].GrantPerHead = perHead(widePence(eg[k]), gs[k].Population)
	}
	return analysis.VerdictOf(gs[0], gs[1]).Label
}
