package plan

import (
	"slices"
	"strings"
	"testing"
)

// twoTranches is a scenario with two tranches (60% and 40%) and one consequence.
func twoTranches(t *testing.T) Scenario {
	t.Helper()
	sc := NewScenario()
	sc.Tranches = []Tranche{DefaultTranche(dec(t, "0.6")), DefaultTranche(dec(t, "0.4"))}
	sc.Consequences = []Consequence{DefaultConsequence("2023/24")}
	return sc
}

// TestIndexedFields sets and shows a leaf of each list by its indexed key,
// and replaces the list rather than changing a copy's.
func TestIndexedFields(t *testing.T) {
	sc := twoTranches(t)
	copied := sc
	for _, kv := range [][2]string{
		{"tranche.2.share", "25%"}, {"tranche.2.paid", "2024/25"}, {"tranche.2.condition", " Outturn "},
		{"tranche.2.tolerance", "£1.5m"}, {"tranche.2.forfeit", "redistribute"},
		{"consequence.1.kind", "bonus"}, {"consequence.1.base", "improvement"}, {"consequence.1.rate", "200%"},
		{"consequence.1.year", "2025/26"}, {"consequence.1.probability", "0.5"}, {"consequence.1.group", "balanced"},
	} {
		if err := sc.SetField(kv[0], kv[1]); err != nil {
			t.Fatalf("%s = %q: %v", kv[0], kv[1], err)
		}
	}
	// £1.5m is 1,500,000 pounds; 0.5 is 50%.
	want := map[string]string{
		"tranche.1.share": "60%", "tranche.2.share": "25%", "tranche.2.paid": "2024/25", "tranche.2.condition": "outturn",
		"tranche.2.tolerance": "£1,500,000", "tranche.2.forfeit": "redistribute", "tranche.1.paid": "",
		"consequence.1.kind": "bonus", "consequence.1.base": "improvement", "consequence.1.rate": "200%",
		"consequence.1.year": "2025/26", "consequence.1.probability": "50%", "consequence.1.group": "balanced",
		"tranche.3.share": "", "consequence.2.kind": "",
	}
	for key, w := range want {
		if got := sc.FieldText(key); got != w {
			t.Errorf("FieldText(%s) = %q, want %q", key, got, w)
		}
	}
	if copied.Tranches[1].Condition != ConditionNone || copied.Consequences[0].Kind != Deduction {
		t.Error("setting a field changed a copy of the scenario")
	}
	if got := FieldChoices("tranche.1.condition"); !slices.Equal(got, []string{"none", "forecast", "outturn"}) {
		t.Errorf("choices of a condition: %v", got)
	}
	if got := FieldChoices(FieldRepaymentKind); !slices.Equal(got, []string{"loan", "pdc"}) {
		t.Errorf("choices of repayment.kind: %v", got)
	}
}

// TestIndexedFieldsRefused: an entry the scenario lacks, a number written
// otherwise than the reader counts, and an unknown leaf.
func TestIndexedFieldsRefused(t *testing.T) {
	sc := twoTranches(t)
	if err := sc.SetField("tranche.3.share", "10%"); err == nil || err.Error() != "there is no tranche 3: this scenario has 2" {
		t.Errorf("tranche 3: %v", err)
	}
	if err := sc.SetField("consequence.2.rate", "10%"); err == nil || err.Error() != "there is no consequence 2: this scenario has 1" {
		t.Errorf("consequence 2: %v", err)
	}
	for _, key := range []string{"tranche.0.share", "tranche.01.share", "tranche.+1.share", "tranche.1.colour", "tranche.share", "tranche.1", "penalty.1.rate"} {
		if err := sc.SetField(key, "10%"); err == nil || !strings.Contains(err.Error(), "unknown field") {
			t.Errorf("%s: %v", key, err)
		}
	}
}

// TestIndexedFieldsSayWhatTheReaderSays: SetField's error for a bad leaf
// is word for word the reader's for the same value in a file.
func TestIndexedFieldsSayWhatTheReaderSays(t *testing.T) {
	const top = "title = \"T\"\npot = \"£0\"\n"
	const tr = top + "[[tranche]]\nshare = \"60%\"\n[[tranche]]\nshare = \"40%\"\n"
	const cons = top + "[[consequence]]\nkind = \"deduction\"\nbase = \"overspend\"\nrate = \"1\"\nyear = \"2024/25\"\n"
	for _, c := range []struct{ key, typed, file string }{
		{"tranche.2.share", "140%", top + "[[tranche]]\nshare = \"-40%\"\n[[tranche]]\nshare = \"140%\"\n"},
		{"tranche.2.paid", "2024-25", tr + "paid = \"2024-25\"\n"},
		{"tranche.2.condition", "forcast", tr + "condition = \"forcast\"\n"},
		{"tranche.2.tolerance", "-£1", tr + "tolerance = \"-£1\"\n"},
		{"tranche.2.forfeit", "keep", tr + "forfeit = \"keep\"\n"},
		{"consequence.1.kind", "fine", strings.Replace(cons, `"deduction"`, `"fine"`, 1)},
		{"consequence.1.base", "x", strings.Replace(cons, `"overspend"`, `"x"`, 1)},
		{"consequence.1.rate", "lots", strings.Replace(cons, `"1"`, `"lots"`, 1)},
		{"consequence.1.year", "2024", strings.Replace(cons, `"2024/25"`, `"2024"`, 1)},
		{"consequence.1.year", "", strings.Replace(cons, `"2024/25"`, `""`, 1)},
		{"consequence.1.probability", "150%", cons + "probability = \"150%\"\n"},
		{"consequence.1.group", "some", cons + "group = \"some\"\n"},
		{FieldRepaymentKind, "grant", top + "[repayment]\nkind = \"grant\"\nfirst_year = \"2025/26\"\nyears = 1\n"},
	} {
		sc := twoTranches(t)
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
		if !scenarioEqual(sc, before) {
			t.Errorf("%s = %q: a refused value changed the scenario", c.key, c.typed)
		}
	}
}

// TestPotDeficitsAndKindFields: "deficits" (any case) is the pot of the
// deficits and an amount undoes it; a grant has no kind to set, a schedule
// is a loan until set to pdc.
func TestPotDeficitsAndKindFields(t *testing.T) {
	sc := NewScenario()
	if err := sc.SetField(FieldPot, " Deficits "); err != nil || !sc.PotDeficits || sc.FieldText(FieldPot) != "deficits" {
		t.Errorf("deficits: %v %v %q", err, sc.PotDeficits, sc.FieldText(FieldPot))
	}
	if err := sc.SetField(FieldPot, "£5m"); err != nil || sc.PotDeficits || sc.FieldText(FieldPot) != "£5,000,000" {
		t.Errorf("£5m: %v %v %q", err, sc.PotDeficits, sc.FieldText(FieldPot))
	}
	if err := sc.SetField(FieldPot, "deficit"); err == nil || sc.PotDeficits {
		t.Errorf("deficit (singular) is not money: %v", err)
	}
	if err := sc.SetField(FieldRepaymentKind, "pdc"); err == nil || sc.FieldText(FieldRepaymentKind) != "" {
		t.Errorf("a grant took a kind: %v", err)
	}
	if err := sc.SetField(FieldRepayment, "on"); err != nil || sc.FieldText(FieldRepaymentKind) != "loan" {
		t.Fatalf("a schedule is a loan: %v %q", err, sc.FieldText(FieldRepaymentKind))
	}
	if err := sc.SetField(FieldRepaymentKind, "PDC"); err != nil || !sc.Repayment.IsPDC() {
		t.Errorf("PDC: %v", err)
	}
}

// TestAddRemoveTerms: a new tranche takes what the others leave of 100%
// (100%, then 0%; after 60% and 25%, 15%); removing moves the later ones
// up; a new consequence is the RAB deduction in the following year.
func TestAddRemoveTerms(t *testing.T) {
	sc := NewScenario()
	sc.Title = "T"
	if n, err := sc.AddTranche(); n != 1 || err != nil || sc.FieldText("tranche.1.share") != "100%" {
		t.Fatalf("first tranche: %d %v %q", n, err, sc.FieldText("tranche.1.share"))
	}
	if n, _ := sc.AddTranche(); n != 2 || sc.FieldText("tranche.2.share") != "0%" {
		t.Errorf("second tranche: %q", sc.FieldText("tranche.2.share"))
	}
	copied := sc
	_ = sc.SetField("tranche.1.share", "60%")
	_ = sc.SetField("tranche.2.share", "25%")
	sc.AddTranche()
	if got := sc.FieldText("tranche.3.share"); got != "15%" { // 100% − 60% − 25%
		t.Errorf("third tranche: %q", got)
	}
	if err := sc.Validate(); err != nil {
		t.Errorf("shares 60%%, 25%% and 15%%: %v", err)
	}
	if err := sc.RemoveTranche(1); err != nil || sc.FieldText("tranche.1.share") != "25%" || len(sc.Tranches) != 2 {
		t.Errorf("remove 1: %v %q", err, sc.FieldText("tranche.1.share"))
	}
	if len(copied.Tranches) != 2 || copied.FieldText("tranche.1.share") != "100%" {
		t.Error("adding or removing changed a copy")
	}
	if err := sc.RemoveTranche(3); err == nil {
		t.Error("removed a tranche that is not there")
	}
	if n, err := sc.AddConsequence("2023/24"); n != 1 || err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"consequence.1.kind": "deduction", "consequence.1.base": "overspend",
		"consequence.1.rate": "100%", "consequence.1.year": "2024/25", "consequence.1.probability": "100%", "consequence.1.group": "all"} {
		if got := sc.FieldText(key); got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
	if err := sc.RemoveConsequence(1); err != nil || len(sc.Consequences) != 0 {
		t.Errorf("remove consequence: %v", err)
	}
	for range MaxTranches - 2 {
		sc.AddTranche()
	}
	if _, err := sc.AddTranche(); err == nil || len(sc.Tranches) != MaxTranches {
		t.Errorf("more than %d tranches: %v", MaxTranches, err)
	}
}
