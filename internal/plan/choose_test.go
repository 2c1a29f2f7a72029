package plan

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// twoYears is a plans folder with two years, the later with two scenarios,
// a hidden file and an Excel lock file that are not read.
func twoYears(t *testing.T) (Library, fstest.MapFS) {
	t.Helper()
	sys := []byte("code,name,population,plan\nAAA,Alpha,1000,-500\nBBB,Beta,3000,0\n")
	fsys := fstest.MapFS{
		"p/2023-24/systems.csv":    {Data: sys},
		"p/2024-25/systems.csv":    {Data: sys},
		"p/2024-25/b.toml":         {Data: []byte("title = \"B\"\npot = 100\n")},
		"p/2024-25/a.toml":         {Data: []byte("title = \"A\"\npot = 200\n")},
		"p/2024-25/.hidden.toml":   {Data: []byte("not read")},
		"p/2024-25/~$systems.xlsx": {Data: []byte("not read")},
		"elsewhere/early.toml":     {Data: []byte("title = \"E\"\npot = 1\n[repayment]\nfirst_year = \"2024/25\"\nyears = 2\n")},
		"elsewhere/late.toml":      {Data: []byte("title = \"L\"\npot = 1\n[repayment]\nfirst_year = \"2026/27\"\nyears = 2\n")},
	}
	lib, err := Load(fsys, "p", "p", Options{})
	if err != nil {
		t.Fatal(err)
	}
	return lib, fsys
}

func TestLibraryRead(t *testing.T) {
	lib, _ := twoYears(t)
	want := []string{"p/2023-24/systems.csv", "p/2024-25/systems.csv", "p/2024-25/a.toml", "p/2024-25/b.toml"}
	if !slices.Equal(lib.Read, want) {
		t.Errorf("Read = %q, want %q", lib.Read, want)
	}
}

func TestLibraryYear(t *testing.T) {
	lib, _ := twoYears(t)
	for want, i := range map[string]int{"": 1, "2023/24": 0, "2023-24": 0, "2024/25": 1} {
		if got, err := lib.Year(want); err != nil || got != i {
			t.Errorf("Year(%q) = %d, %v; want %d", want, got, err, i)
		}
	}
	_, err := lib.Year("1999/00")
	var ce *ChoiceError
	if !errors.As(err, &ce) || ce.Option != "--year" || err.Error() != "--year 1999/00: no such year in p (have 2023/24, 2024/25)" {
		t.Errorf("an absent year: %v", err)
	}
	if _, err := (Library{Root: "q"}).Year(""); !errors.Is(err, ErrNoPlans) || errors.As(err, &ce) {
		t.Errorf("no years: %v", err)
	}
}

func TestPickScenario(t *testing.T) {
	lib, fsys := twoYears(t)
	y := lib.Years[1]
	for want, i := range map[string]int{"": 0, "a": 0, "b": 1} {
		if sc, got, err := y.PickScenario(want, fsys, ""); err != nil || got != i || sc.Name != y.Scenarios[i].Name {
			t.Errorf("PickScenario(%q) = %s %d, %v; want %d", want, sc.Name, got, err, i)
		}
	}
	_, _, err := y.PickScenario("c", fsys, "")
	var ce *ChoiceError
	if !errors.As(err, &ce) || ce.Option != "--scenario" || err.Error() != "--scenario c: no such scenario in 2024/25 (have a, b)" {
		t.Errorf("an absent scenario: %v", err)
	}
	sc, i, err := y.PickScenario("../elsewhere/late.toml", fsys, "elsewhere/late.toml")
	if err != nil || i != -1 || sc.Title != "L" || sc.Path != "../elsewhere/late.toml" {
		t.Errorf("a file: %+v %d %v", sc, i, err)
	}
	// Repayment from 2024/25 does not start after the plans' year 2024/25.
	_, _, err = y.PickScenario(`..\elsewhere\early.toml`, fsys, "elsewhere/early.toml")
	if err == nil || errors.As(err, &ce) || !strings.Contains(err.Error(), `..\elsewhere\early.toml:4: column "repayment.first_year": 2024/25 is not after the plans' year 2024/25`) {
		t.Errorf("a file that starts repayment too early: %v", err)
	}
	_, _, err = y.PickScenario("gone.toml", fsys, "gone.toml")
	if err == nil || errors.As(err, &ce) || !strings.HasPrefix(err.Error(), "cannot read scenario gone.toml: ") {
		t.Errorf("a missing file: %v", err)
	}
}

// TestOverrides: "£350m" is 350,000,000 pounds, "100%" a write-off of 1,
// "5%" a discount rate of 0.05; what is not given stays the scenario's.
func TestOverrides(t *testing.T) {
	o, err := ParseOverrides("£350m", "100%", "")
	if err != nil {
		t.Fatal(err)
	}
	sc := NewScenario()
	sc.Pot = dec(t, "700000000")
	got := o.Apply(sc)
	if !got.Pot.Equal(dec(t, "350000000")) || !got.Assumptions.WriteOff.Equal(dec(t, "1")) || !got.Assumptions.DiscountRate.Equal(dec(t, "0.035")) {
		t.Errorf("applied: %+v", got)
	}
	if !sc.Pot.Equal(dec(t, "700000000")) {
		t.Error("Apply changed its argument")
	}
	if o, _ := ParseOverrides("", "", "5%"); !o.Apply(sc).Assumptions.DiscountRate.Equal(dec(t, "0.05")) || !o.Apply(sc).Pot.Equal(sc.Pot) {
		t.Errorf("discount rate only: %+v", o)
	}
	for _, c := range []struct{ pot, writeOff, discount, option, msg string }{
		{"lots", "", "", "--pot", `--pot: cannot read "lots" as a pot of money`},
		{"-1", "", "", "--pot", `--pot: cannot read "-1" as a pot of money`},
		{"", "150%", "", "--write-off", `--write-off: cannot read "150%" as a probability between 0% and 100%`},
		{"", "", "fast", "--discount-rate", `--discount-rate: cannot read "fast" as a rate`},
	} {
		_, err := ParseOverrides(c.pot, c.writeOff, c.discount)
		var ce *ChoiceError
		if !errors.As(err, &ce) || ce.Option != c.option || err.Error() != c.msg {
			t.Errorf("%+v: %v", c, err)
		}
	}
}

// TestOverridesCheck: --pot 1.5 cannot be shared in whole pounds; 1,500 is
// not a whole number of £1000 units, and 1,000 (1,500 rounded down to one)
// is suggested (issue 12 item 12: before, funding's own words, exit 1).
func TestOverridesCheck(t *testing.T) {
	sc := NewScenario()
	sc.Name = "s"
	for _, c := range []struct{ pot, unit, want string }{
		{"1.5", "1", "--pot: 1.5 is not a whole number of £1, the allocation unit of scenario s: round it, like --pot 1"},
		{"1500", "1000", "--pot: 1500 is not a whole number of £1000, the allocation unit of scenario s: round it, like --pot 1000"},
		{"0.005", "0.01", "--pot: 0.005 is not a whole number of £0.01, the allocation unit of scenario s: round it, like --pot 0"},
		{"2000", "1000", ""},
		{"", "1", ""},
	} {
		o, err := ParseOverrides(c.pot, "", "")
		if err != nil {
			t.Fatal(err)
		}
		sc.Allocation.Unit = dec(t, c.unit)
		err = o.Check(sc)
		var ce *ChoiceError
		switch {
		case c.want == "" && err != nil:
			t.Errorf("pot %s, unit %s: %v", c.pot, c.unit, err)
		case c.want != "" && (!errors.As(err, &ce) || ce.Option != "--pot" || err.Error() != c.want):
			t.Errorf("pot %s, unit %s:\n got: %v\nwant: %s", c.pot, c.unit, err, c.want)
		}
	}
}
