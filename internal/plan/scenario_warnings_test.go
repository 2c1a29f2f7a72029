package plan

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// fortyTwo is a dataset of 42 systems, as the shipped plans have.
func fortyTwo() Dataset {
	return Dataset{Year: "2023/24", Systems: make([]System, 42)}
}

func TestPotBelowAPoundASystemIsWarned(t *testing.T) {
	sc := NewScenario()
	sc.Pot = decimal.NewFromInt(700)
	got := sc.Warnings(fortyTwo())
	want := `pot: the pot is £700, less than £1,000 for each of the 42 systems: if you meant £700 million, write "£700m", "0.7bn" or "700,000,000"`
	if len(got) != 1 || got[0] != want {
		t.Fatalf("Warnings = %q\nwant [%q]", got, want)
	}
	fw := sc.FieldWarnings(fortyTwo())
	if len(fw) != 1 || fw[0].Field != FieldPot {
		t.Errorf("FieldWarnings = %+v", fw)
	}
	// The forms follow the figure typed: 5 is £5m, 0.005bn, 5,000,000.
	sc.Pot = decimal.NewFromInt(5)
	if got := sc.Warnings(fortyTwo()); len(got) != 1 || !strings.HasSuffix(got[0], `write "£5m", "0.005bn" or "5,000,000"`) {
		t.Errorf("pot 5: %q", got)
	}
	// A pot of £0 (a regime with no pot, a year with no support) shows
	// itself in every figure and is not warned about.
	sc.Pot = decimal.Zero
	if got := sc.Warnings(fortyTwo()); len(got) != 0 {
		t.Errorf("pot 0: %q", got)
	}
}

func TestPotOfAThousandPoundsASystemIsNotWarned(t *testing.T) {
	sc := NewScenario()
	for _, pot := range []int64{42_000, 42_001, 1_000_000, 700_000_000} {
		sc.Pot = decimal.NewFromInt(pot)
		if got := sc.Warnings(fortyTwo()); len(got) != 0 {
			t.Errorf("pot %d: %q", pot, got)
		}
	}
	// £41,999 is below £1,000 for each of 42 systems (42 × £1,000 =
	// £42,000).
	for _, pot := range []int64{1, 41_999} {
		sc.Pot = decimal.NewFromInt(pot)
		if got := sc.Warnings(fortyTwo()); len(got) != 1 {
			t.Errorf("pot %d: %q", pot, got)
		}
	}
	// A pot of "deficits" is the plans' own: 0 as read, never warned about.
	sc.Pot, sc.PotDeficits = decimal.Zero, true
	if got := sc.Warnings(fortyTwo()); len(got) != 0 {
		t.Errorf("pot deficits: %q", got)
	}
	sc.PotDeficits = false
	// No systems, no warning.
	if got := sc.Warnings(Dataset{}); len(got) != 0 {
		t.Errorf("no systems: %q", got)
	}
}

func TestIllustrativeWarning(t *testing.T) {
	d := fortyTwo()
	if w := d.IllustrativeWarning(); w != "" {
		t.Errorf("none illustrative: %q", w)
	}
	d.Systems[3].Source = "Illustrative breakeven"
	d.Systems[9].Source = "illustrative"
	want := "2 of the 42 systems have illustrative figures, not reported ones (marked †)"
	if w := d.IllustrativeWarning(); w != want {
		t.Errorf("IllustrativeWarning = %q, want %q", w, want)
	}
}
