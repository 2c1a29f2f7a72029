package plan

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

const fullScenario = `title = "Deficit support, February 2024"
note  = "Repayable in later years."
pot   = "£700m"
paid  = "2024-02-15"

[eligibility]
rule  = "deficit"
basis = "plan"

[allocation]
method = "pro_rata"
basis  = "plan"
cap    = "deficit"
unit   = "£1"

[repayment]
first_year = "2025/26"
years      = 3
profile    = ["25%", "25%", "50%"]
interest   = "1.5%"

[assumptions]
discount_rate = "3.5%"
write_off     = "50%"
balanced_threshold = "0"
`

func TestParseScenarioFull(t *testing.T) {
	sc, err := ParseScenario("plans/2023-24/deficit.toml", []byte(fullScenario))
	if err != nil {
		t.Fatal(err)
	}
	want := Scenario{
		Name: "deficit", Path: "plans/2023-24/deficit.toml",
		Title: "Deficit support, February 2024", Note: "Repayable in later years.",
		Pot: dec(t, "700000000"), Paid: "2024-02-15",
		Eligibility: Eligibility{Rule: RuleDeficit, Basis: BasisPlan},
		Allocation:  Allocation{Method: MethodProRata, Basis: BasisPlan, Cap: CapDeficit, Unit: dec(t, "1")},
		Repayment: &Repayment{FirstYear: "2025/26", Years: 3,
			Profile: []decimal.Decimal{dec(t, "0.25"), dec(t, "0.25"), dec(t, "0.5")}, Interest: dec(t, "0.015")},
		Assumptions: Assumptions{DiscountRate: dec(t, "0.035"), WriteOff: dec(t, "0.5"), BalancedThreshold: dec(t, "0")},
	}
	if !scenarioEqual(sc, want) {
		t.Errorf("got  %+v\nwant %+v", sc, want)
	}
}

func TestScenarioDefaults(t *testing.T) {
	sc, err := ParseScenario(`C:\plans\minimal.toml`, []byte("title = \"Minimal\"\npot = 1000\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := NewScenario()
	want.Name, want.Path, want.Title, want.Pot = "minimal", `C:\plans\minimal.toml`, "Minimal", dec(t, "1000")
	if !scenarioEqual(sc, want) {
		t.Errorf("got  %+v\nwant %+v", sc, want)
	}
	if sc.Eligibility.Rule != RuleAll || sc.Eligibility.Basis != BasisPlan || sc.Allocation.Method != MethodPerCapita ||
		sc.Allocation.Cap != CapNone || !sc.Allocation.Unit.Equal(dec(t, "1")) || sc.Repayment != nil ||
		!sc.Assumptions.DiscountRate.Equal(dec(t, "0.035")) || !sc.Assumptions.WriteOff.IsZero() || !sc.Assumptions.BalancedThreshold.IsZero() {
		t.Errorf("defaults: %+v", sc)
	}
	// The allocation basis follows the eligibility basis; years follow the profile.
	sc, err = ParseScenario("x.toml", []byte("title = \"X\"\npot = \"£1m\"\n[eligibility]\nbasis = \"forecast\"\n[repayment]\nfirst_year = \"2025/26\"\nprofile = [\"50%\", \"50%\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Allocation.Basis != BasisForecast || sc.Repayment.Years != 2 || !sc.Repayment.Interest.IsZero() {
		t.Errorf("derived defaults: %+v %+v", sc.Allocation, sc.Repayment)
	}
	// Without a profile, shares are equal (nil profile).
	sc, err = ParseScenario("x.toml", []byte("title = \"X\"\npot = 0\n[repayment]\nfirst_year = \"2025/26\"\nyears = 4\n"))
	if err != nil || sc.Repayment.Profile != nil || sc.Repayment.Years != 4 {
		t.Errorf("equal shares: %+v %v", sc.Repayment, err)
	}
}

func TestScenarioUnits(t *testing.T) {
	for in, want := range map[string]string{
		`"£0.01"`: "0.01", `"0.01"`: "0.01", `"£1"`: "1", `"1"`: "1", `1`: "1", `"£1000"`: "1000",
		`"1000"`: "1000", `"£1,000"`: "1000", `1000`: "1000", `"£1k"`: "1000",
	} {
		sc, err := ParseScenario("u.toml", []byte("title = \"U\"\npot = \"£7m\"\n[allocation]\nunit = "+in+"\n"))
		if err != nil {
			t.Errorf("unit %s: %v", in, err)
			continue
		}
		if !sc.Allocation.Unit.Equal(dec(t, want)) {
			t.Errorf("unit %s = %s, want %s", in, sc.Allocation.Unit, want)
		}
	}
}

func TestScenarioChoicesAreForgiving(t *testing.T) {
	sc, err := ParseScenario("c.toml", []byte("title = \"C\"\npot = 1\n[allocation]\nmethod = \" Per-Capita \"\ncap = \"Deficit\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Allocation.Method != MethodPerCapita || sc.Allocation.Cap != CapDeficit {
		t.Errorf("%+v", sc.Allocation)
	}
}

func TestScenarioMessages(t *testing.T) {
	base := "title = \"T\"\npot = \"£700m\"\n"
	for _, c := range []struct{ name, text, want string }{
		{"unknown keys", "title = \"T\"\npott = 1\npot = 1\n[allocation]\nmetod = \"equal\"\n[extra]\nx = 1\n", `
x.toml:2: unknown key "pott": the top of a scenario takes title, year, note, pot, paid, primary, [eligibility], [allocation], [[tranche]], [[consequence]], [repayment] and [assumptions]
x.toml:5: unknown key "allocation.metod": [allocation] takes method, basis, cap and unit
x.toml:6: unknown table [extra]: a scenario has [eligibility], [allocation], [[tranche]], [[consequence]], [repayment] and [assumptions]`},
		{"unquoted float pot", "title = \"T\"\npot = 700000000.5\n", `x.toml:2: column "pot": write it in quotes, like pot = "700000000.5": an unquoted number with a decimal point or exponent passes through floating point and can lose digits`},
		{"unquoted exponent pot", "title = \"T\"\npot = 7e8\n", `x.toml:2: column "pot": write it in quotes, like pot = "7e8": an unquoted number with a decimal point or exponent passes through floating point and can lose digits`},
		{"unquoted float rate", base + "[assumptions]\ndiscount_rate = 0.035\n", `x.toml:4: column "assumptions.discount_rate": write it in quotes, like discount_rate = "0.035": an unquoted number with a decimal point or exponent passes through floating point and can lose digits`},
		{"huge integer", "title = \"T\"\npot = 123456789012345678901\n", `x.toml:2: column "pot": is too large to write without quotes: write it in quotes, like pot = "123456789012345678901"`},
		{"pot not whole units", "title = \"T\"\npot = \"700000000.5\"\n", `x.toml:2: column "pot": 700000000.5 is not a whole number of the allocation unit (£1): round the pot, or choose a smaller allocation.unit`},
		{"pot not whole thousands", "title = \"T\"\npot = \"£1,500\"\n[allocation]\nunit = \"£1000\"\n", `x.toml:2: column "pot": 1500 is not a whole number of the allocation unit (£1000): round the pot, or choose a smaller allocation.unit`},
		{"negative pot", "title = \"T\"\npot = \"-5\"\n", `x.toml:2: column "pot": must not be negative, not -5`},
		{"bad money", "title = \"T\"\npot = \"12,3x\"\n", `x.toml:2: column "pot": cannot read "12,3x" as money`},
		{"missing title and pot", "note = \"n\"\n", `
x.toml:1: column "title": is missing: every scenario needs a title, like title = "Deficit support"
x.toml:1: column "pot": is missing: say how much money is shared, like pot = "£700m"`},
		{"blank title", "title = \"  \"\npot = 1\n", `x.toml:1: column "title": is blank: every scenario needs a title`},
		{"title not text", "title = 5\npot = 1\n", `x.toml:1: column "title": must be text in quotes`},
		{"bad choices", base + "[eligibility]\nrule = \"defecit\"\nbasis = \"budget\"\n[allocation]\nmethod = \"fair\"\nbasis = 3\ncap = \"some\"\n", `
x.toml:4: column "eligibility.rule": must be deficit, balanced or all, not "defecit"
x.toml:5: column "eligibility.basis": must be plan, forecast or outturn, not "budget"
x.toml:7: column "allocation.method": must be pro_rata, per_capita or equal, not "fair"
x.toml:8: column "allocation.basis": must be plan, forecast or outturn, in quotes
x.toml:9: column "allocation.cap": must be none or deficit, not "some"`},
		{"bad unit", base + "[allocation]\nunit = \"£5\"\n", `x.toml:4: column "allocation.unit": must be "£0.01", "£1" or "£1000", not "£5"`},
		{"bad unit text", base + "[allocation]\nunit = \"pence\"\n", `x.toml:4: column "allocation.unit": must be "£0.01", "£1" or "£1000", not "pence"`},
		{"profile sum", base + "[repayment]\nfirst_year = \"2025/26\"\nyears = 3\nprofile = [\"25%\", \"25%\", \"40%\"]\n", `x.toml:6: column "repayment.profile": shares add up to 90%, not exactly 100%`},
		{"profile over", base + "[repayment]\nfirst_year = \"2025/26\"\nprofile = [\"0.5\", \"50.01%\"]\n", `x.toml:5: column "repayment.profile": shares add up to 100.01%, not exactly 100%`},
		{"profile length", base + "[repayment]\nfirst_year = \"2025/26\"\nyears = 2\nprofile = [\"25%\", \"25%\", \"50%\"]\n", `x.toml:6: column "repayment.profile": has 3 shares but repayment.years is 2: give one share for each year`},
		{"profile numbers", base + "[repayment]\nfirst_year = \"2025/26\"\nprofile = [50, 0.5]\n", `
x.toml:5: column "repayment.profile": write share 1 as a percentage in quotes, like "50%"
x.toml:5: column "repayment.profile": write share 2 as a percentage in quotes, like "25%"`},
		{"profile not list", base + "[repayment]\nfirst_year = \"2025/26\"\nprofile = \"even\"\n", `x.toml:5: column "repayment.profile": must be a list of percentages, like profile = ["25%", "25%", "50%"]`},
		{"years zero", base + "[repayment]\nfirst_year = \"2025/26\"\nyears = 0\n", `x.toml:5: column "repayment.years": must be from 1 to 100, not 0`},
		{"years quoted", base + "[repayment]\nfirst_year = \"2025/26\"\nyears = \"3\"\n", `x.toml:5: column "repayment.years": must be a whole number without quotes, like years = 3`},
		{"years missing", base + "[repayment]\nfirst_year = \"2025/26\"\n", `x.toml:3: column "repayment.years": is missing: say over how many years the money is repaid, like years = 3`},
		{"first year missing", base + "[repayment]\nyears = 2\n", `x.toml:3: column "repayment.first_year": is missing: say when repayment starts, like first_year = "2025/26" (or remove [repayment] for a grant)`},
		{"first year bad", base + "[repayment]\nfirst_year = \"2025/27\"\nyears = 2\n", `x.toml:4: column "repayment.first_year": "2025/27" is not a financial year written like 2023/24 (the second part is the year after the first)`},
		{"negative interest", base + "[repayment]\nfirst_year = \"2025/26\"\nyears = 2\ninterest = \"-1%\"\n", `x.toml:6: column "repayment.interest": cannot read "-1%" as a rate: rates cannot be negative`},
		{"integer rate", base + "[assumptions]\ndiscount_rate = 3\nwrite_off = 0\n", `x.toml:4: column "assumptions.discount_rate": write it as a percentage in quotes, like discount_rate = "3%": an unquoted 3 could mean 3% or 300%`},
		{"inf pot", "title = \"T\"\npot = inf\n", `x.toml:2: column "pot": write it in quotes, like pot = "£700m": an unquoted number with a decimal point or exponent passes through floating point and can lose digits`},
		{"underscored float", "title = \"T\"\npot = 700_000_000.5\n", `x.toml:2: column "pot": write it in quotes, like pot = "700000000.5": an unquoted number with a decimal point or exponent passes through floating point and can lose digits`},
		{"bad rate", base + "[assumptions]\ndiscount_rate = \"lots\"\n", `x.toml:4: column "assumptions.discount_rate": cannot read "lots" as a rate: write it like "3.5%" or "0.035"`},
		{"write off over 100", base + "[assumptions]\nwrite_off = \"150%\"\n", `x.toml:4: column "assumptions.write_off": is a probability: it must be from 0% to 100%, not 150%`},
		{"negative threshold", base + "[assumptions]\nbalanced_threshold = \"(1,000)\"\n", `x.toml:4: column "assumptions.balanced_threshold": must not be negative, not -1000`},
		{"table as value", "title = \"T\"\npot = 1\neligibility = \"deficit\"\n", `x.toml:3: eligibility must be a table, written [eligibility] on a line of its own with its keys below`},
		{"syntax", "title = \"T\npot = 1\n", `x.toml:1: not valid TOML: basic strings cannot have new lines`},
		{"duplicate key", "title = \"T\"\ntitle = \"U\"\npot = 1\n", `x.toml:2: not valid TOML: key title is already defined`},
		{"empty", "", `
x.toml:1: column "title": is missing: every scenario needs a title, like title = "Deficit support"
x.toml:1: column "pot": is missing: say how much money is shared, like pot = "£700m"`},
	} {
		_, err := ParseScenario("x.toml", []byte(c.text))
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if got := errText(t, err); got != strings.TrimSpace(c.want) {
			t.Errorf("%s:\n got: %s\nwant: %s", c.name, got, strings.TrimSpace(c.want))
		}
	}
}

func TestValidate(t *testing.T) {
	sc := NewScenario()
	if err := sc.Validate(); err == nil {
		t.Fatal("a scenario with no title validated")
	}
	sc.Title = "T"
	sc.Pot = dec(t, "10.5")
	sc.Repayment = &Repayment{FirstYear: "2025-26", Years: 2, Profile: []decimal.Decimal{dec(t, "0.5"), dec(t, "0.6")}, Interest: dec(t, "-0.01")}
	sc.Assumptions.WriteOff = dec(t, "-0.1")
	wantErr(t, sc.Validate(), `
scenario: column "pot": 10.5 is not a whole number of the allocation unit (£1): round the pot, or choose a smaller allocation.unit
scenario: column "repayment.first_year": "2025-26" is not a financial year written like 2023/24 (the second part is the year after the first)
scenario: column "repayment.profile": shares add up to 110%, not exactly 100%
scenario: column "repayment.interest": must not be negative, not -1%
scenario: column "assumptions.write_off": is a probability: it must be from 0% to 100%, not -10%`)
	sc = NewScenario()
	sc.Title, sc.Path = "T", "a.toml"
	sc.Allocation.Unit = dec(t, "0.5")
	sc.Allocation.Method = "fair"
	sc.Repayment = &Repayment{FirstYear: "2025/26", Years: 0}
	sc.Assumptions.DiscountRate = dec(t, "-0.035")
	sc.Assumptions.BalancedThreshold = dec(t, "-1")
	wantErr(t, sc.Validate(), `
a.toml: column "allocation.method": must be pro_rata, per_capita or equal, not "fair"
a.toml: column "allocation.unit": must be "£0.01", "£1" or "£1000", not "£0.5"
a.toml: column "repayment.years": must be from 1 to 100, not 0
a.toml: column "assumptions.discount_rate": must not be negative, not -3.5%
a.toml: column "assumptions.balanced_threshold": must not be negative, not -1`)
}

func TestDefaultScenario(t *testing.T) {
	ds := mustCSV(t, "code,name,population,plan\nA,A,1,-100\nB,B,1,50\nC,C,1,(20)\n")
	sc := DefaultScenario(ds)
	if sc.Name != "default" || sc.Title == "" || !sc.Pot.Equal(dec(t, "120")) || sc.Eligibility.Rule != RuleDeficit ||
		sc.Eligibility.Basis != BasisPlan || sc.Allocation.Method != MethodProRata || sc.Allocation.Cap != CapDeficit ||
		!sc.Allocation.Unit.Equal(dec(t, "1")) || sc.Repayment != nil || !sc.Assumptions.DiscountRate.Equal(dec(t, "0.035")) ||
		!sc.Assumptions.WriteOff.IsZero() || !sc.Assumptions.BalancedThreshold.IsZero() {
		t.Errorf("%+v", sc)
	}
	if err := sc.Validate(); err != nil {
		t.Error(err)
	}
	ds = mustCSV(t, "code,name,population,plan\nA,A,1,-100.25\n")
	if sc := DefaultScenario(ds); !sc.Pot.Equal(dec(t, "100.25")) || !sc.Allocation.Unit.Equal(dec(t, "0.01")) || sc.Validate() != nil {
		t.Errorf("pence: %+v", sc)
	}
	ds = mustCSV(t, "code,name,population,plan\nA,A,1,-100.257\nB,B,1,-0.001\n")
	if sc := DefaultScenario(ds); !sc.Pot.Equal(dec(t, "100.25")) || !sc.Allocation.Unit.Equal(dec(t, "0.01")) || sc.Validate() != nil {
		t.Errorf("fractions of a penny: %+v", sc)
	}
}

func TestYears(t *testing.T) {
	for dir, want := range map[string]string{"2023-24": "2023/24", "1999-00": "1999/00", "2099-00": "2099/00"} {
		if got, ok := YearLabel(dir); !ok || got != want {
			t.Errorf("YearLabel(%q) = %q, %v", dir, got, ok)
		}
	}
	for _, dir := range []string{"2023-25", "2023/24", "23-24", "2023-24x", "abcd-ef", "", "2023_24", "０２３-24"} {
		if got, ok := YearLabel(dir); ok {
			t.Errorf("YearLabel(%q) = %q, want not a year", dir, got)
		}
	}
	if y, err := YearStart("2023/24"); err != nil || y != 2023 {
		t.Errorf("YearStart = %d, %v", y, err)
	}
	_, err := YearStart("2023/25")
	if err == nil || err.Error() != `"2023/25" is not a financial year written like 2023/24 (the second part is the year after the first)` {
		t.Errorf("YearStart(2023/25) error = %v", err)
	}
	if _, err := YearStart("2023-24"); err == nil {
		t.Error("YearStart accepted 2023-24")
	}
}
