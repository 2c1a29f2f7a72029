package plan

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"icsplan/plans"
)

// TestShippedRegimes: the embedded plans carry the regime library, each
// regime saying its year and, in its note, what was paid, on what rule,
// with what consequence, its sources and its assumptions; each applies to
// both shipped years.
func TestShippedRegimes(t *testing.T) {
	lib, err := Load(plans.FS, ".", EmbeddedRoot, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"dsf-2024-25", "dsf-2025-26", "feb-2024-injection", "frf-2019-20", "pdc-2020", "psf-2018-19", "rab-deductions", "stf-2016-17"}
	var got []string
	for _, r := range lib.Regimes {
		got = append(got, r.Name)
		for _, word := range []string{"Paid:", "Rule:", "Consequence:", "Sources:", "https://", "Assumptions:"} {
			if !strings.Contains(r.Note, word) {
				t.Errorf("%s: the note does not say %q", r.Name, word)
			}
		}
		if r.Year == "" || r.Path != "plans/regimes/"+r.Name+".toml" {
			t.Errorf("%s: year %q, path %q", r.Name, r.Year, r.Path)
		}
		for _, y := range lib.Years {
			if _, err := PickRegime(lib.Regimes, r.Name, y); err != nil {
				t.Errorf("%s on %s: %v", r.Name, y.Label, err)
			}
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("regimes %v, want %v", got, want)
	}
}

// TestForYear: the RAB regime, written for 2005/06, applied to 2023/24
// plans moves 18 years: its deductions fall in 2024/25 to 2027/28; the PDC
// regime (2020/21, dividends from 2021/22) on 2024/25 plans pays from
// 2025/26; a tranche with no year stays in the plans' year.
func TestForYear(t *testing.T) {
	lib, err := Load(plans.FS, ".", EmbeddedRoot, Options{})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Scenario{}
	for _, r := range lib.Regimes {
		byName[r.Name] = r
	}
	rab, err := byName["rab-deductions"].ForYear("2023/24")
	if err != nil {
		t.Fatal(err)
	}
	var years []string
	for _, c := range rab.Consequences {
		years = append(years, c.Year)
	}
	if rab.Year != "2023/24" || strings.Join(years, " ") != "2024/25 2025/26 2026/27 2027/28 2024/25" {
		t.Errorf("RAB moved to %s: %v", rab.Year, years)
	}
	if byName["rab-deductions"].Consequences[0].Year != "2006/07" {
		t.Error("ForYear changed the regime it was called on")
	}
	pdc, _ := byName["pdc-2020"].ForYear("2024/25")
	if pdc.Repayment.FirstYear != "2025/26" || byName["pdc-2020"].Repayment.FirstYear != "2021/22" {
		t.Errorf("PDC first year %s", pdc.Repayment.FirstYear)
	}
	stf, _ := byName["stf-2016-17"].ForYear("2024/25")
	if stf.Tranches[0].Paid != "" || stf.Tranches[4].Paid != "2025/26" {
		t.Errorf("STF tranches %+v", stf.Tranches)
	}
	same, _ := NewScenario().ForYear("2024/25")
	if same.Year != "" {
		t.Error("a scenario that does not say its year moved")
	}
}

// TestPickRegimeMistakes: an unknown name is a usage mistake naming the
// regimes there are; a regimes file that does not say its year is a
// problem with the file.
func TestPickRegimeMistakes(t *testing.T) {
	lib, _ := Load(plans.FS, ".", EmbeddedRoot, Options{})
	_, err := PickRegime(lib.Regimes, "stf", lib.Years[0])
	var ce *ChoiceError
	if !errors.As(err, &ce) || ce.Option != "--regime" || !strings.Contains(err.Error(), "(have dsf-2024-25, dsf-2025-26,") {
		t.Errorf("unknown regime: %v", err)
	}
	if _, err := PickRegime(nil, "stf", lib.Years[0]); err == nil || !strings.Contains(err.Error(), "no regime library") {
		t.Errorf("no library: %v", err)
	}
	fsys := fstest.MapFS{"2023-24/systems.csv": {Data: []byte(tinyCSV)}, "regimes/x.toml": {Data: []byte("title = \"X\"\npot = \"£0\"\n")}}
	_, err = Load(fsys, ".", "plans", Options{})
	if err == nil || err.Error() != `plans/regimes/x.toml:1: column "year": is missing: a regime says the plans' year it was written for, like year = "2016/17", so that its years can be moved to the plans it is applied to` {
		t.Errorf("regime without a year: %v", err)
	}
}
