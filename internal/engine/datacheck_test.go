package engine

import (
	"strings"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"
	"icsplan/internal/synth"
)

// Four systems of 100 people: A and B reported and balanced, C an
// illustrative deficit of £100, D illustrative and balanced, fitted to
// totals. A £100 pot for deficits covers C's exactly: on all rows the
// deficit group has £1.00 a head against nothing, so the money rewards
// deficit plans; on A and B alone nobody planned a deficit, so the groups
// cannot be compared.
func TestDataCheck(t *testing.T) {
	tab, err := plan.ReadCSV("s.csv", []byte("code,name,population,plan,source\nQA,A,100,0,reported\nQB,B,100,0,HSJ\n"+
		"QC,C,100,-100,illustrative\nQD,D,100,0,\"illustrative, fitted to the reported totals\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	ds, err := plan.ParseSystems(tab, "2023/24")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := plan.ParseScenario("s.toml", []byte("title = \"T\"\npot = \"£100\"\n[allocation]\ncap = \"deficit\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Analyse(ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	want := analysis.DataCheck{Systems: 4, Reported: 2, Rerun: true, Verdict: analysis.CannotCompare,
		All: analysis.RewardsDeficit, Fitted: 1,
		Text: "On the 2 reported rows alone the groups cannot be compared; on all 4 rows the money rewards deficit plans."}
	if res.Data != want {
		t.Errorf("got  %+v\nwant %+v", res.Data, want)
	}
	last := res.Caveats[len(res.Caveats)-1]
	if !strings.HasPrefix(last, "1 illustrative row was fitted to the reported national totals") {
		t.Errorf("caveats %q", res.Caveats)
	}

	// Every row reported: no rerun, one verdict.
	all := ds
	all.Systems = ds.Systems[:2]
	res, err = Analyse(all, sc)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.Rerun || res.Data.Text != "All 2 rows are reported, none illustrative, so the verdict rests on reported figures alone." {
		t.Errorf("all reported: %+v", res.Data)
	}
}

// TestFastVerdictMatchesSystems: on random regimes (synth.Case) that take
// the integer path, the data check's lean verdict, summed from each
// system's grant in pence, is the verdict of the groups systems makes; and
// the cases reach more than one verdict, so the comparison means something.
func TestFastVerdictMatchesSystems(t *testing.T) {
	labels := map[analysis.Label]int{}
	fast := 0
	for k := range int64(300) {
		ds, sc := synth.Case(k)
		j, err := newJob(ds, sc)
		if err != nil || j.fast == nil {
			continue
		}
		fast++
		res, err := j.systems()
		if err != nil {
			t.Fatalf("case %d: %v", k, err)
		}
		want := analysis.VerdictOf(res.Deficit, res.Balanced).Label
		if got := j.fastVerdict(); got != want {
			t.Errorf("case %d: lean verdict %s, systems' %s", k, got, want)
		}
		labels[want]++
	}
	if fast < 50 || len(labels) < 3 {
		t.Fatalf("%d cases on the integer path, verdicts %v: too few to tell", fast, labels)
	}
}
