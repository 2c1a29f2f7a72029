package plan

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"
)

// termsScenario has every new key: a pot of the deficits, two tranches (the
// second conditional, redistributed), two consequences and a PDC schedule.
const termsScenario = `title = "Terms"
pot = "Deficits"

[[tranche]]
share = "75%"

[[tranche]]
share = "25%"
paid = "2024/25"
condition = "forecast"
tolerance = "£1m"
forfeit = "redistribute"

[[consequence]]
kind = "deduction"
base = "overspend"
rate = "100%"
year = "2024/25"

[[consequence]]
kind = "bonus"
base = "improvement"
rate = "200%"
year = "2025/26"
probability = "50%"
group = "balanced"

[repayment]
kind = "pdc"
first_year = "2024/25"
years = 2
interest = "3.5%"
`

// TestReadTerms: each value as written, and the defaults of what a table
// leaves out (paid in the plans' year, no condition, £0 tolerance, held;
// probability 100%, all planners).
func TestReadTerms(t *testing.T) {
	sc, err := ParseScenario("t.toml", []byte(termsScenario))
	if err != nil {
		t.Fatal(err)
	}
	if !sc.PotDeficits || !sc.Pot.IsZero() || !sc.HasTerms() {
		t.Errorf("pot: deficits %v, %s", sc.PotDeficits, sc.Pot)
	}
	want := NewScenario()
	want.Name, want.Path, want.Title, want.PotDeficits = "t", "t.toml", "Terms", true
	want.Tranches = []Tranche{
		{Share: dec(t, "0.75"), Condition: ConditionNone, Tolerance: decimal.Zero, Forfeit: ForfeitHeld},
		{Share: dec(t, "0.25"), Paid: "2024/25", Condition: ConditionForecast, Tolerance: dec(t, "1000000"), Forfeit: ForfeitRedistribute},
	}
	want.Consequences = []Consequence{
		{Kind: Deduction, Base: BaseOverspend, Rate: dec(t, "1"), Year: "2024/25", Probability: dec(t, "1"), Group: AppliesAll},
		{Kind: Bonus, Base: BaseImprovement, Rate: dec(t, "2"), Year: "2025/26", Probability: dec(t, "0.5"), Group: AppliesBalanced},
	}
	want.Repayment = &Repayment{Kind: RepaymentPDC, FirstYear: "2024/25", Years: 2, Interest: dec(t, "0.035")}
	if !scenarioEqual(sc, want) {
		t.Errorf("got  %+v\nwant %+v", sc, want)
	}
	if !sc.Repayment.IsPDC() || !sc.Consequences[0].NeedsOutturn() || sc.Consequences[1].Base == BaseReceived {
		t.Error("IsPDC or NeedsOutturn")
	}
	if (Repayment{}).IsPDC() {
		t.Error("an empty kind is a loan")
	}
}

// TestTermMessages: every problem with a new key names its indexed key and
// line, all at once.
func TestTermMessages(t *testing.T) {
	const top = "title = \"T\"\npot = \"£0\"\n"
	for _, c := range []struct{ name, text, want string }{
		{"shares short of 100%", top + "[[tranche]]\nshare = \"75%\"\n[[tranche]]\nshare = \"20%\"\n",
			`x.toml:6: column "tranche.2.share": the 2 tranches' shares add up to 95%, not exactly 100%`},
		{"share over 100%", top + "[[tranche]]\nshare = \"101%\"\n",
			`x.toml:4: column "tranche.1.share": must be from 0% to 100% of each allocation, not 101%`},
		{"share missing, bad condition, forfeit and tolerance", top + "[[tranche]]\ncondition = \"forcast\"\nforfeit = \"keep\"\ntolerance = \"-£1\"\n",
			"x.toml:3: column \"tranche.1.share\": is missing: say what share of each allocation this tranche pays, like share = \"25%\"\n" +
				"x.toml:4: column \"tranche.1.condition\": must be none, forecast or outturn, not \"forcast\"\n" +
				"x.toml:5: column \"tranche.1.forfeit\": must be held or redistribute, not \"keep\"\n" +
				"x.toml:6: column \"tranche.1.tolerance\": must not be negative, not -1"},
		{"paid not a year", top + "[[tranche]]\nshare = \"100%\"\npaid = \"2024\"\n",
			`x.toml:5: column "tranche.1.paid": "2024" is not a financial year written like 2023/24 (the second part is the year after the first)`},
		{"one table for a list", top + "[tranche]\nshare = \"100%\"\n",
			`x.toml:3: column "tranche": is written [[tranche]], with two brackets, since a scenario may have several`},
		{"unknown key in a tranche", top + "[[tranche]]\nshare = \"100%\"\ncolour = \"red\"\n",
			`x.toml:5: unknown key "tranche.colour": [tranche] takes share, paid, condition, tolerance and forfeit`},
		{"consequence without year, base or rate", top + "[[consequence]]\nkind = \"deduction\"\n",
			"x.toml:3: column \"consequence.1.base\": is missing: every consequence gives its base, like base = \"overspend\"\n" +
				"x.toml:3: column \"consequence.1.rate\": is missing: every consequence gives its rate, like rate = \"100%\"\n" +
				"x.toml:3: column \"consequence.1.year\": is missing: every consequence gives its year, like year = \"2024/25\""},
		{"consequence out of range", top + "[[consequence]]\nkind = \"fine\"\nbase = \"received\"\nrate = \"-5%\"\nyear = \"2024/25\"\nprobability = \"150%\"\ngroup = \"some\"\n",
			"x.toml:4: column \"consequence.1.kind\": must be deduction or bonus, not \"fine\"\n" +
				"x.toml:6: column \"consequence.1.rate\": cannot read \"-5%\" as a rate: rates cannot be negative\n" +
				"x.toml:8: column \"consequence.1.probability\": is a probability: it must be from 0% to 100%, not 150%\n" +
				"x.toml:9: column \"consequence.1.group\": must be all, deficit or balanced, not \"some\""},
		{"unquoted rate", top + "[[consequence]]\nkind = \"bonus\"\nbase = \"improvement\"\nrate = 2\nyear = \"2024/25\"\n",
			`x.toml:6: column "consequence.1.rate": write it as a percentage in quotes, like rate = "2%": an unquoted 2 could mean 2% or 200%`},
		{"unknown kind of schedule", top + "[repayment]\nkind = \"grant\"\nfirst_year = \"2025/26\"\nyears = 1\n",
			`x.toml:4: column "repayment.kind": must be loan or pdc, not "grant"`},
		{"PDC with a profile", top + "[repayment]\nkind = \"pdc\"\nfirst_year = \"2025/26\"\nprofile = [\"50%\", \"50%\"]\n",
			`x.toml:6: column "repayment.profile": has no meaning for public dividend capital, which is never repaid: remove it (the dividend is paid in each of repayment.years)`},
	} {
		_, err := ParseScenario("x.toml", []byte(c.text))
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		if err.Error() != c.want {
			t.Errorf("%s:\n got: %s\nwant: %s", c.name, err, c.want)
		}
	}
}

// TestUnknownKeyListsTerms: an unknown key at the top names the list tables.
func TestUnknownKeyListsTerms(t *testing.T) {
	_, err := ParseScenario("x.toml", []byte("title = \"T\"\npot = \"£0\"\ntranch = 1\n"))
	if err == nil || !strings.Contains(err.Error(), "[[tranche]], [[consequence]]") {
		t.Errorf("got %v", err)
	}
}

// TestTermYearsAgainstThePlans: against 2023/24 plans, a tranche paid in
// 2022/23 and a consequence in 2022/23 fall before the plans' year, and one
// in 2124/25 is 101 years after it; 2023/24 itself is allowed.
func TestTermYearsAgainstThePlans(t *testing.T) {
	sc, err := ParseScenario("t.toml", []byte(termsScenario))
	if err != nil {
		t.Fatal(err)
	}
	sc.Consequences[0].Year = "2023/24"
	if err := sc.ValidateFor(Dataset{Year: "2023/24"}); err != nil {
		t.Errorf("2023/24 plans: %v", err)
	}
	sc.Tranches[1].Paid = "2022/23"
	sc.Consequences[0].Year = "2022/23"
	sc.Consequences[1].Year = "2124/25"
	err = sc.ValidateFor(Dataset{Year: "2023/24"})
	want := `t.toml: column "tranche.2.paid": 2022/23 is before the plans' year 2023/24: a tranche cannot fall before the year it follows` + "\n" +
		`t.toml: column "consequence.1.year": 2022/23 is before the plans' year 2023/24: a consequence cannot fall before the year it follows` + "\n" +
		`t.toml: column "consequence.2.year": 2124/25 is more than 100 years after the plans' year 2023/24`
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}

// TestLoadLocatesTermYears: Load puts a year problem on its line.
func TestLoadLocatesTermYears(t *testing.T) {
	text := strings.Replace(termsScenario, `paid = "2024/25"`, `paid = "2022/23"`, 1)
	fsys := fstest.MapFS{"2023-24/systems.csv": {Data: []byte(tinyCSV)}, "2023-24/t.toml": {Data: []byte(text)}}
	_, err := Load(fsys, ".", "plans", Options{})
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Line != 9 || ps[0].Column != "tranche.2.paid" {
		t.Fatalf("got %v", err)
	}
}

// TestMarshalTerms writes every key of every table, and reads back equal.
func TestMarshalTerms(t *testing.T) {
	sc, err := ParseScenario("t.toml", []byte(termsScenario))
	if err != nil {
		t.Fatal(err)
	}
	got := string(sc.MarshalTOML())
	for _, want := range []string{
		"pot = \"deficits\"\n",
		"\n[[tranche]]\nshare = \"75%\"\ncondition = \"none\"\ntolerance = \"0\"\nforfeit = \"held\"\n",
		"\n[[tranche]]\nshare = \"25%\"\npaid = \"2024/25\"\ncondition = \"forecast\"\ntolerance = \"1000000\"\nforfeit = \"redistribute\"\n",
		"\n[[consequence]]\nkind = \"bonus\"\nbase = \"improvement\"\nrate = \"200%\"\nyear = \"2025/26\"\nprobability = \"50%\"\ngroup = \"balanced\"\n",
		"\n[repayment]\nkind = \"pdc\"\nfirst_year = \"2024/25\"\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("MarshalTOML lacks %q:\n%s", want, got)
		}
	}
	back, err := ParseScenario("t.toml", []byte(got))
	if err != nil || !scenarioEqual(sc, back) {
		t.Errorf("round trip: %v\n%+v\n%+v", err, sc, back)
	}
}
