package plan

import (
	"errors"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestFieldKeysAreFileKeys: every field but the repayment switch is a key a
// scenario file takes, written as its dotted path (an indexed key's number
// left out), and the lists and the table behind them agree.
func TestFieldKeysAreFileKeys(t *testing.T) {
	if len(EditableFields)+1 != len(fields) { // and FieldRepaymentKind
		t.Errorf("EditableFields has %d keys, the field table %d", len(EditableFields), len(fields))
	}
	sc := NewScenario()
	sc.AddTranche()
	sc.AddConsequence("2023/24")
	keys := sc.Fields()
	if want := len(EditableFields) + 1 + len(TrancheFields) + len(ConsequenceFields); len(keys) != want {
		t.Errorf("Fields gives %d keys, want %d", len(keys), want)
	}
	for _, key := range keys {
		if _, ok := fieldFor(key); !ok {
			t.Errorf("%s has no field", key)
		}
		if key == FieldRepayment {
			continue
		}
		key = strings.Replace(key, ".1.", ".", 1)
		table, leaf := "", key
		if i := strings.LastIndexByte(key, '.'); i >= 0 {
			table, leaf = key[:i], key[i+1:]
		}
		if !slices.Contains(scenarioKeys[table], leaf) {
			t.Errorf("%s is not a key of a scenario file", key)
		}
	}
}

// readerMessage is what the reader says about the one value text gives:
// the message of its problem at key.
func readerMessage(t *testing.T, text, key string) string {
	t.Helper()
	_, err := ParseScenario("x.toml", []byte(text))
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("%q: the reader accepted it (%v)", text, err)
	}
	for _, p := range ps {
		if p.Column == key {
			return p.Message
		}
	}
	t.Fatalf("%q: no problem at %s: %v", text, key, err)
	return ""
}

// TestSetFieldSaysWhatTheReaderSays: for each bad value, SetField's error is
// word for word the reader's message for the same value in a file.
func TestSetFieldSaysWhatTheReaderSays(t *testing.T) {
	const top = "title = \"T\"\npot = \"£700m\"\n"
	const repay = top + "[repayment]\nfirst_year = \"2025/26\"\nyears = 3\n"
	for _, c := range []struct{ key, typed, file string }{
		{FieldPot, "12,3x", "title = \"T\"\npot = \"12,3x\"\n"},
		{FieldPot, "-5", "title = \"T\"\npot = \"-5\"\n"},
		{FieldPot, "", "title = \"T\"\npot = \"\"\n"},
		{FieldRule, "defecit", top + "[eligibility]\nrule = \"defecit\"\n"},
		{FieldEligibilityBasis, "budget", top + "[eligibility]\nbasis = \"budget\"\n"},
		{FieldMethod, "fair", top + "[allocation]\nmethod = \"fair\"\n"},
		{FieldAllocationBasis, "x", top + "[allocation]\nbasis = \"x\"\n"},
		{FieldCap, "some", top + "[allocation]\ncap = \"some\"\n"},
		{FieldUnit, "£5", top + "[allocation]\nunit = \"£5\"\n"},
		{FieldUnit, "pence", top + "[allocation]\nunit = \"pence\"\n"},
		{FieldFirstYear, "2025/27", top + "[repayment]\nfirst_year = \"2025/27\"\nyears = 3\n"},
		{FieldFirstYear, "2025-26", top + "[repayment]\nfirst_year = \"2025-26\"\nyears = 3\n"},
		{FieldYears, "0", top + "[repayment]\nfirst_year = \"2025/26\"\nyears = 0\n"},
		{FieldYears, "101", top + "[repayment]\nfirst_year = \"2025/26\"\nyears = 101\n"},
		{FieldYears, "three", top + "[repayment]\nfirst_year = \"2025/26\"\nyears = \"three\"\n"},
		{FieldProfile, "25%, lots, 50%", top + "[repayment]\nfirst_year = \"2025/26\"\nprofile = [\"25%\", \"lots\", \"50%\"]\n"},
		{FieldInterest, "-1%", repay + "interest = \"-1%\"\n"},
		{FieldDiscountRate, "lots", top + "[assumptions]\ndiscount_rate = \"lots\"\n"},
		{FieldWriteOff, "150%", top + "[assumptions]\nwrite_off = \"150%\"\n"},
		{FieldThreshold, "(1,000)", top + "[assumptions]\nbalanced_threshold = \"(1,000)\"\n"},
	} {
		sc := NewScenario()
		r := DefaultRepayment("2023/24")
		sc.Repayment = &r
		before := sc
		err := sc.SetField(c.key, c.typed)
		if err == nil {
			t.Errorf("%s = %q: accepted", c.key, c.typed)
			continue
		}
		if want := readerMessage(t, c.file, c.key); err.Error() != want {
			t.Errorf("%s = %q:\n SetField: %s\n   reader: %s", c.key, c.typed, err, want)
		}
		if !scenarioEqual(sc, before) || sc.Repayment != before.Repayment {
			t.Errorf("%s = %q: a refused value changed the scenario", c.key, c.typed)
		}
	}
}

// TestSetFieldSets checks values worked out by hand: "£1.5m" is 1,500,000
// pounds, "3.5%" is 0.035, " Per-Capita " is per_capita (as the reader
// forgives it), "25% 25%; 50%" is three shares.
func TestSetFieldSets(t *testing.T) {
	sc := NewScenario()
	for _, kv := range [][2]string{
		{FieldPot, "£1.5m"}, {FieldMethod, " Per-Capita "}, {FieldUnit, "£1000"}, {FieldRepayment, "ON"},
		{FieldFirstYear, "2026/27"}, {FieldYears, " 3 "}, {FieldProfile, "25% 25%; 50%"}, {FieldInterest, "1.5%"},
		{FieldDiscountRate, "3.5%"}, {FieldWriteOff, "0.5"}, {FieldThreshold, "£250k"},
	} {
		if err := sc.SetField(kv[0], kv[1]); err != nil {
			t.Fatalf("%s = %q: %v", kv[0], kv[1], err)
		}
	}
	want := NewScenario()
	want.Pot = dec(t, "1500000")
	want.Allocation.Method, want.Allocation.Unit = MethodPerCapita, dec(t, "1000")
	want.Repayment = &Repayment{FirstYear: "2026/27", Years: 3, Interest: dec(t, "0.015"),
		Profile: []decimal.Decimal{dec(t, "0.25"), dec(t, "0.25"), dec(t, "0.5")}}
	want.Assumptions = Assumptions{DiscountRate: dec(t, "0.035"), WriteOff: dec(t, "0.5"), BalancedThreshold: dec(t, "250000")}
	if !scenarioEqual(sc, want) {
		t.Errorf("got  %+v %+v\nwant %+v %+v", sc, sc.Repayment, want, want.Repayment)
	}
	if err := sc.SetField(FieldProfile, ""); err != nil || sc.Repayment.Profile != nil {
		t.Errorf("an empty profile is equal shares: %v, %v", sc.Repayment.Profile, err)
	}
	if err := sc.SetField(FieldRepayment, "off"); err != nil || sc.Repayment != nil {
		t.Errorf("off is a grant: %+v, %v", sc.Repayment, err)
	}
	if err := sc.SetField(FieldYears, "3"); err == nil {
		t.Error("a grant took repayment.years")
	}
	if err := sc.SetField("allocation.colour", "red"); err == nil || !strings.Contains(err.Error(), `unknown field "allocation.colour"`) {
		t.Errorf("unknown key: %v", err)
	}
}

// TestSetFieldDoesNotChangeCopies: the editor keeps the loaded scenario as
// a copy; editing the schedule of the working one must not reach it.
func TestSetFieldDoesNotChangeCopies(t *testing.T) {
	base := NewScenario()
	base.Repayment = &Repayment{FirstYear: "2025/26", Years: 2, Profile: []decimal.Decimal{dec(t, "0.5"), dec(t, "0.5")}}
	work := base
	for _, kv := range [][2]string{{FieldYears, "4"}, {FieldProfile, "100%"}, {FieldFirstYear, "2027/28"}, {FieldInterest, "2%"}} {
		if err := work.SetField(kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	if r := base.Repayment; r.Years != 2 || r.FirstYear != "2025/26" || len(r.Profile) != 2 || !r.Interest.IsZero() {
		t.Errorf("the copy's schedule changed: %+v", r)
	}
}

// TestFieldTextRoundTrips: for random valid scenarios, setting each field
// to its own text leaves the scenario as it was.
func TestFieldTextRoundTrips(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 1000; i++ {
		sc := randomScenario(r)
		for _, key := range EditableFields {
			text := sc.FieldText(key)
			if sc.Repayment == nil && text == "" {
				continue // a grant's schedule has no fields
			}
			c := sc
			if err := c.SetField(key, text); err != nil {
				t.Fatalf("scenario %d: %s = %q: %v", i, key, text, err)
			}
			if !scenarioEqual(c, sc) {
				t.Fatalf("scenario %d: %s = %q changed it:\n%+v\n%+v", i, key, text, c, sc)
			}
			if ch := FieldChoices(key); ch != nil && !slices.Contains(ch, text) {
				t.Fatalf("%s shows %q, not one of its choices %v", key, text, ch)
			}
		}
	}
}

// TestFieldText pins what the editor shows.
func TestFieldText(t *testing.T) {
	sc := NewScenario()
	sc.Pot = dec(t, "700000000")
	sc.Assumptions.BalancedThreshold = dec(t, "1234.5")
	for key, want := range map[string]string{
		FieldPot: "£700,000,000", FieldThreshold: "£1,234.50", FieldUnit: "£1", FieldRule: "all",
		FieldRepayment: "off", FieldYears: "", FieldDiscountRate: "3.5%", FieldWriteOff: "0%", "no.such.key": "",
	} {
		if got := sc.FieldText(key); got != want {
			t.Errorf("%s shows %q, want %q", key, got, want)
		}
	}
	sc.Pot = dec(t, "0.001") // fractions of a penny are shown exactly, not rounded away
	if got := sc.FieldText(FieldPot); got != "0.001" {
		t.Errorf("pot 0.001 shows %q", got)
	}
	r := Repayment{FirstYear: "2025/26", Years: 3, Interest: dec(t, "0.015"), Profile: []decimal.Decimal{dec(t, "0.25"), dec(t, "0.25"), dec(t, "0.5")}}
	sc.Repayment = &r
	if got := sc.FieldText(FieldProfile) + " | " + sc.FieldText(FieldInterest) + " | " + sc.FieldText(FieldRepayment); got != "25%, 25%, 50% | 1.5% | on" {
		t.Errorf("schedule shows %q", got)
	}
}

func TestFieldChoices(t *testing.T) {
	for key, want := range map[string][]string{
		FieldRule: {"deficit", "balanced", "all"}, FieldEligibilityBasis: {"plan", "forecast", "outturn"},
		FieldMethod: {"pro_rata", "per_capita", "equal"}, FieldAllocationBasis: {"plan", "forecast", "outturn"},
		FieldCap: {"none", "deficit"}, FieldUnit: {"£0.01", "£1", "£1000"}, FieldRepayment: {"off", "on"},
		FieldPot: nil, FieldYears: nil, "nope": nil,
	} {
		if got := FieldChoices(key); !slices.Equal(got, want) {
			t.Errorf("FieldChoices(%s) = %q, want %q", key, got, want)
		}
	}
	FieldChoices(FieldRule)[0] = "changed"
	if FieldChoices(FieldRule)[0] != "deficit" {
		t.Error("FieldChoices hands out the package's own list")
	}
}

// TestDefaultRepayment: plans for 2023/24 are repaid from 2025/26, two
// years on, in three equal shares with no interest.
func TestDefaultRepayment(t *testing.T) {
	r := DefaultRepayment("2023/24")
	if r.FirstYear != "2025/26" || r.Years != 3 || r.Profile != nil || !r.Interest.IsZero() {
		t.Errorf("%+v", r)
	}
	if r := DefaultRepayment("2098/99"); r.FirstYear != "2100/01" {
		t.Errorf("across a century: %q", r.FirstYear)
	}
	if r := DefaultRepayment("soon"); r.FirstYear != "" || r.Years != 3 {
		t.Errorf("no year: %+v", r)
	}
	sc := NewScenario()
	if err := sc.SetField(FieldRepayment, "on"); err != nil || sc.Repayment == nil || sc.Repayment.Years != 3 {
		t.Errorf("switching repayment on: %+v, %v", sc.Repayment, err)
	}
}

// TestFieldHugeAmount: found by FuzzSetField. A threshold of 10^47 pounds
// shows with its separators in more than the 64 characters the money parser
// reads, so it shows as plain digits and reads back; an amount whose plain
// digits are longer still (60 nines and "m": 66 digits) is refused.
func TestFieldHugeAmount(t *testing.T) {
	sc := NewScenario()
	huge := "1" + strings.Repeat("0", 47)
	if err := sc.SetField(FieldThreshold, huge); err != nil {
		t.Fatal(err)
	}
	shown := sc.FieldText(FieldThreshold)
	again := sc
	if shown != huge || again.SetField(FieldThreshold, shown) != nil || !again.Assumptions.BalancedThreshold.Equal(sc.Assumptions.BalancedThreshold) {
		t.Errorf("10^47 shows as %q and does not read back", shown)
	}
	before := sc
	err := sc.SetField(FieldPot, strings.Repeat("9", 60)+"m")
	if err == nil || !strings.Contains(err.Error(), "too large to be an amount here") || !sc.Pot.Equal(before.Pot) {
		t.Errorf("66 digits: %v, pot %s", err, sc.Pot)
	}
}
