package tui

import (
	"os"
	"slices"
	"strings"
	"testing"

	"icsplan/internal/engine"
	"icsplan/internal/plan"
)

// fieldKeys are the Scenario screen's fields, by plan's keys.
func fieldKeys(hs *harness) []string {
	var out []string
	for _, f := range hs.editor().fields {
		out = append(out, f.key)
	}
	return out
}

// TestEditorAddsAndRemovesTerms: t adds a tranche and c a consequence,
// each with its fields (plan's Fields, in order) and the cursor on its
// first; the analysis follows at once; x removes the one under the cursor,
// and the help bar says which.
func TestEditorAddsAndRemovesTerms(t *testing.T) {
	hs := newHarness(t, embedded(t), Options{}, 120, 40)
	hs.keys("4", "t")
	// One tranche of what the others leave, 100%, paid in the plans' year
	// unconditionally: the money moves as it did.
	if got := hs.m.work.Tranches; len(got) != 1 || !got[0].Share.Equal(dec("1")) || got[0].Condition != plan.ConditionNone {
		t.Fatalf("after t the working scenario's tranches are %+v", got)
	}
	if !slices.Equal(fieldKeys(hs), hs.m.work.Fields()) {
		t.Fatalf("fields %v, want %v", fieldKeys(hs), hs.m.work.Fields())
	}
	mustContain(t, hs.screen(), "› Tranche 1: share", "100%", "Added tranche 1 (x removes it).", "x remove tranche 1", "Live: rewards deficit plans")
	if got := hs.editor().fields[hs.editor().focus].key; got != plan.TrancheKey(1, plan.LeafShare) {
		t.Errorf("the cursor is on %s", got)
	}

	// A consequence: the overspend deducted in full the year after.
	// Lancashire and South Cumbria (plan £0, outturn −£148,600,000) and
	// Greater Manchester (plan £0, outturn −£180,000,000) overspent, so
	// £328.6m is deducted in 2024/25.
	hs.keys("c")
	if got := hs.m.work.Consequences; len(got) != 1 || got[0].Year != "2024/25" || got[0].Kind != plan.Deduction || got[0].Base != plan.BaseOverspend {
		t.Fatalf("after c the consequences are %+v", got)
	}
	if !hs.m.res.Totals.Deductions.Equal(dec("328600000")) {
		t.Errorf("deductions %s, want £328,600,000", hs.m.res.Totals.Deductions)
	}
	mustContain(t, hs.screen(), "› Consequence 1: kind", "x remove consequence 1")
	hs.keys("3")
	mustContain(t, flat(hs.screen()), "Deducted", "2024/25", "£328.6m")

	// x on the consequence removes it; on the first stage x does nothing
	// but say so.
	hs.keys("4", "x")
	if len(hs.m.work.Consequences) != 0 || hs.m.res.Totals.Deductions.Sign() != 0 {
		t.Fatalf("x left %+v", hs.m.work.Consequences)
	}
	mustContain(t, hs.screen(), "Removed consequence 1.")
	hs.keys("g", "x")
	mustContain(t, hs.screen(), "Nothing to remove here")
	if len(hs.m.work.Tranches) != 1 {
		t.Fatal("x on the pot removed a tranche")
	}
}

// TestEditorTrancheShares: removing one of two tranches leaves shares short
// of 100%, which is invalid as any field is (banner, nothing leaves); a
// tranche added takes what the shares as typed leave.
func TestEditorTrancheShares(t *testing.T) {
	t.Chdir(t.TempDir())
	hs := newHarness(t, embedded(t), Options{}, 100, 30)
	hs.keys("4", "t")
	editField(hs, plan.TrancheKey(1, plan.LeafShare), "60%")
	if len(hs.m.invalid) == 0 {
		t.Fatal("one tranche of 60% is valid")
	}
	mustContain(t, hs.screen(), "✗ INVALID FIELD (Tranche 1: share)")
	hs.keys("t") // takes the 40% left
	if got := hs.m.work.Tranches; len(hs.m.invalid) != 0 || len(got) != 2 || !got[0].Share.Equal(dec("0.6")) || !got[1].Share.Equal(dec("0.4")) {
		t.Fatalf("invalid %v, tranches %+v", hs.m.invalid, got)
	}
	toField(hs, plan.TrancheKey(2, plan.LeafCondition))
	hs.keys("enter") // a choice: enter moves it on
	if got := hs.m.work.Tranches[1].Condition; got != plan.ConditionForecast {
		t.Errorf("tranche 2's condition after enter: %s", got)
	}
	toField(hs, plan.TrancheKey(1, plan.LeafPaid))
	hs.keys("x") // tranche 2, 40% on the forecast, moves up: 40% in all
	mustContain(t, hs.screen(), "✗ INVALID FIELD (Tranche 1: share)")
	if got := hs.editor().field(plan.TrancheKey(1, plan.LeafCondition)).value(); got != string(plan.ConditionForecast) {
		t.Errorf("tranche 1's condition after the first was removed: %s, want tranche 2's", got)
	}
	hs.keys("e")
	mustContain(t, hs.m.status, "Not exported: the scenario has an invalid field (Tranche 1: share)")
}

// TestEditorPotDeficitsAndPDC: the pot can be typed as "deficits", and the
// repayment kind is a choice, loan or pdc.
func TestEditorPotDeficitsAndPDC(t *testing.T) {
	hs := open(t)
	editField(hs, plan.FieldPot, "deficits")
	if !hs.m.work.PotDeficits || len(hs.m.invalid) != 0 {
		t.Fatalf("pot \"deficits\": PotDeficits %v, invalid %v", hs.m.work.PotDeficits, hs.m.invalid)
	}
	// Every eligible deficit, £720m, covered.
	if !hs.m.res.Totals.Pot.Equal(dec("720000000")) {
		t.Errorf("pot %s, want the £720,000,000 of deficits", hs.m.res.Totals.Pot)
	}
	toField(hs, plan.FieldRepaymentKind)
	mustContain(t, hs.screen(), "Repayment: kind", "‹ loan ›")
	hs.keys("right")
	if rp := hs.m.work.Repayment; rp == nil || rp.Kind != plan.RepaymentPDC {
		t.Fatalf("repayment after → on its kind: %+v", rp)
	}
	// A dividend of 3.5% of the £720m received, £25.2m, in each of the
	// three years from 2025/26.
	editField(hs, plan.FieldInterest, "3.5%")
	hs.keys("3")
	mustContain(t, flat(hs.screen()), "Year Paid out Dividends Due back", "2025/26 – £25.2m £25.2m", "Total £720.0m £75.6m £75.6m")
}

// TestSaveTerms: ctrl+s writes the tranches and consequences, and the file
// reads back to the scenario analysed.
func TestSaveTerms(t *testing.T) {
	t.Chdir(t.TempDir())
	hs := open(t)
	hs.keys("4", "t", "c")
	editField(hs, plan.ConsequenceKey(1, plan.LeafProbability), "25%")
	hs.keys("ctrl+s")
	mustContain(t, hs.m.status, "Saved the scenario to")
	data, err := os.ReadFile("deficit-support-feb-2024-edited.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[[tranche]]", "[[consequence]]", `probability = "25%"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the saved scenario lacks %s:\n%s", want, data)
		}
	}
	back, err := plan.ParseScenario("deficit-support-feb-2024-edited.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	ds := hs.m.year().Dataset
	want, err := engine.Analyse(ds, hs.m.work)
	if err != nil {
		t.Fatal(err)
	}
	got, err := engine.Analyse(ds, back)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Tranches) != 1 || len(back.Consequences) != 1 || !back.Consequences[0].Probability.Equal(dec("0.25")) ||
		!got.Totals.EffectiveGrant.Equal(want.Totals.EffectiveGrant) || got.Verdict != want.Verdict {
		t.Errorf("read back: %+v %+v; G %s against %s", back.Tranches, back.Consequences, got.Totals.EffectiveGrant, want.Totals.EffectiveGrant)
	}
}

// TestEditorRegime: a regime's tranches and consequences are fields of the
// editor, and ctrl+r after edits goes back to the regime as moved to the
// year.
func TestEditorRegime(t *testing.T) {
	hs := open(t)
	toRegime(t, hs, "stf-2016-17")
	hs.keys("4")
	if !slices.Equal(fieldKeys(hs), hs.m.work.Fields()) || len(hs.m.work.Tranches) != 5 {
		t.Fatalf("fields %v", fieldKeys(hs))
	}
	mustContain(t, hs.screen(), "Tranche 1: share")
	toField(hs, plan.TrancheKey(5, plan.LeafPaid))
	mustContain(t, hs.screen(), "2024/25") // 2017/18, moved from 2016/17 to the 2023/24 plans
	hs.keys("x", "ctrl+r")
	if len(hs.m.work.Tranches) != 5 || hs.m.edited {
		t.Fatalf("after ctrl+r: %d tranches, edited %v", len(hs.m.work.Tranches), hs.m.edited)
	}
}
