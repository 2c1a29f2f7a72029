package report

import (
	"testing"

	"icsplan/internal/engine"
	"icsplan/internal/plan"
	"icsplan/plans"
)

// PanelYears by hand: the JSON report takes every year; the email the year
// and the next, or for the last year the one before and it.
func TestPanelYears(t *testing.T) {
	for _, c := range []struct {
		f                 Format
		n, year           int
		wantFirst, wantTo int
	}{
		{JSON, 4, 3, 0, 3}, {JSON, 2, 0, 0, 1}, {Email, 4, 0, 0, 1}, {Email, 4, 2, 2, 3}, {Email, 4, 3, 2, 3},
		{Email, 2, 1, 0, 1}, {Email, 2, 0, 0, 1},
	} {
		if first, last := PanelYears(c.f, c.n, c.year); first != c.wantFirst || last != c.wantTo {
			t.Errorf("PanelYears(%s, %d, %d) = %d, %d, want %d, %d", c.f, c.n, c.year, first, last, c.wantFirst, c.wantTo)
		}
	}
}

// The email of each shipped year with the panel of PanelYears' span alone
// is the email with the whole panel, and it does speak of the panel.
func TestEmailPanelOfItsYears(t *testing.T) {
	lib, err := plan.Load(plans.FS, ".", plan.EmbeddedRoot, plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	whole, err := engine.Panel(lib)
	if err != nil {
		t.Fatal(err)
	}
	for i, y := range lib.Years {
		r, err := engine.Analyse(y.Dataset, y.Scenarios[y.Primary()])
		if err != nil {
			t.Fatal(err)
		}
		first, last := PanelYears(Email, len(lib.Years), i)
		part := lib
		part.Years = lib.Years[first : last+1]
		p, err := engine.PanelReusing(t.Context(), part, i-first, r)
		if err != nil {
			t.Fatal(err)
		}
		r.Panel = &p
		got := emailSummary(r)
		r.Panel = &whole
		if want := emailSummary(r); got != want {
			t.Errorf("%s: the email with the panel of years %d to %d is\n%s\nwith the whole panel\n%s", y.Label, first, last, got, want)
		}
		if acrossYears(r) == "" {
			t.Errorf("%s: the email says nothing of the panel", y.Label)
		}
	}
}
