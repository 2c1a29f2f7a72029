package plan

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"
)

// A scenario says which plans' year it was written for, so that a what-if
// saved from 2023/24 cannot be applied to 2024/25 by accident.

func TestScenarioYearIsReadAndWritten(t *testing.T) {
	sc, err := ParseScenario("s.toml", []byte("title = \"S\"\nyear = \"2023/24\"\npot = \"£1m\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Year != "2023/24" {
		t.Fatalf("Year = %q, want 2023/24", sc.Year)
	}
	data := string(sc.MarshalTOML())
	if !strings.HasPrefix(data, "title = \"S\"\nyear = \"2023/24\"\n") {
		t.Errorf("MarshalTOML does not write the year after the title:\n%s", data)
	}
	back, err := ParseScenario("s.toml", []byte(data))
	if err != nil || back.Year != "2023/24" {
		t.Errorf("read back: %q, %v", back.Year, err)
	}
	// A scenario without a year writes none.
	sc.Year = ""
	if strings.Contains(string(sc.MarshalTOML()), "year =") {
		t.Errorf("a scenario without a year writes one:\n%s", sc.MarshalTOML())
	}
}

func TestScenarioYearMustBeAFinancialYear(t *testing.T) {
	for text, want := range map[string]string{
		"title = \"S\"\npot = 1\nyear = \"2023-24\"\n": `s.toml:3: column "year": "2023-24" is not a financial year written like 2023/24`,
		"title = \"S\"\npot = 1\nyear = 2023\n":        `s.toml:3: column "year": must be text in quotes`,
	} {
		_, err := ParseScenario("s.toml", []byte(text))
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: got %v, want %s…", text, err, want)
		}
	}
}

// yearFS is a plans folder whose 2024/25 folder holds a scenario saved
// from 2023/24, and a file elsewhere saved from 2023/24.
func yearFS() fstest.MapFS {
	sys := []byte("code,name,population,plan\nAAA,Alpha,1000,-500\nBBB,Beta,3000,0\n")
	saved := []byte("title = \"Saved (edited)\"\nyear = \"2023/24\"\npot = 100\n")
	return fstest.MapFS{
		"p/2023-24/systems.csv":   {Data: sys},
		"p/2023-24/ok.toml":       {Data: saved},
		"p/2024-25/systems.csv":   {Data: sys},
		"p/2024-25/moved.toml":    {Data: saved},
		"elsewhere/2023-24.toml":  {Data: saved},
		"elsewhere/no-year.toml":  {Data: []byte("title = \"N\"\npot = 100\n")},
		"elsewhere/right.toml":    {Data: []byte("title = \"R\"\nyear = \"2024/25\"\npot = 100\n")},
		"elsewhere/early-y.toml":  {Data: []byte("title = \"E\"\nyear = \"2024/25\"\npot = 1\n[repayment]\nfirst_year = \"2023/24\"\nyears = 1\n")},
		"elsewhere/unreadable.md": {Data: []byte("not read")},
	}
}

func TestLoadRefusesAScenarioOfAnotherYear(t *testing.T) {
	_, err := Load(yearFS(), "p", "p", Options{})
	want := `p/2024-25/moved.toml:2: column "year": is 2023/24 but the plans are for 2024/25: this scenario was written for another year's plans`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("Load: %v\nwant %s…", err, want)
	}
	if strings.Contains(err.Error(), "ok.toml") {
		t.Errorf("the scenario of the right year is refused too: %v", err)
	}
}

func TestPickScenarioRefusesAFileOfAnotherYear(t *testing.T) {
	fsys := yearFS()
	delete(fsys, "p/2024-25/moved.toml")
	lib, err := Load(fsys, "p", "p", Options{})
	if err != nil {
		t.Fatal(err)
	}
	y := lib.Years[1] // 2024/25
	_, _, err = y.PickScenario("../elsewhere/2023-24.toml", fsys, "elsewhere/2023-24.toml")
	want := `../elsewhere/2023-24.toml:2: column "year": is 2023/24 but the plans are for 2024/25`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("a file of another year: %v\nwant %s…", err, want)
	}
	for _, name := range []string{"no-year.toml", "right.toml"} {
		if _, _, err := y.PickScenario("../elsewhere/"+name, fsys, "elsewhere/"+name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// Both problems of a file, each on its own line.
	_, _, err = y.PickScenario("e.toml", fsys, "elsewhere/early-y.toml")
	if err == nil || !strings.Contains(err.Error(), `e.toml:5: column "repayment.first_year": 2023/24 is not after`) {
		t.Errorf("repayment before the year: %v", err)
	}
}

func TestValidateForChecksTheYear(t *testing.T) {
	sc := Scenario{Title: "T", Year: "2023/24", Pot: decimal.NewFromInt(1)}
	if err := sc.ValidateFor(Dataset{Year: "2023/24"}); err != nil {
		t.Errorf("the right year: %v", err)
	}
	err := sc.ValidateFor(Dataset{Year: "2024/25"})
	want := `scenario: column "year": is 2023/24 but the plans are for 2024/25`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("another year: %v\nwant %s…", err, want)
	}
}
