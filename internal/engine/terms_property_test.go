package engine

import (
	"reflect"
	"testing"

	"icsplan/internal/money"
	"icsplan/internal/plan"
	"icsplan/internal/synth"

	"github.com/shopspring/decimal"
)

// footsAt checks that exact rows footed to unit sum to the total shown and
// each is within one unit of its exact value.
func footsAt(t *testing.T, k int, what string, rows []money.Ratio, unit decimal.Decimal) {
	t.Helper()
	shown, total := money.Foot(rows, unit)
	sum := zero
	for i, s := range shown {
		sum = sum.Add(s)
		if diff := s.Mul(unit).Sub(rows[i].Round(10)).Abs(); diff.GreaterThanOrEqual(unit) {
			t.Fatalf("case %d: %s row %d shown %s, exact %s", k, what, i, s, rows[i].Round(4))
		}
	}
	if !sum.Equal(total) {
		t.Fatalf("case %d: %s rows sum to %s, total %s", k, what, sum, total)
	}
}

// TestTermsProperties: over random regimes (tranches, conditions,
// forfeits, consequences, pot = "deficits", PDC), what systems received
// and what was held make the allocation; what was withheld from each and
// what was shared out sum to the totals; fair shares share what was
// received and transfers sum to zero; the by-year table sums to the
// totals; £000 tables still foot; every prudence penalty equals a full
// rerun; and two runs give identical results.
func TestTermsProperties(t *testing.T) {
	penalties := 0
	for k := int64(0); k < propertyCases; k++ {
		ds, sc := synth.TermsCase(k)
		res, err := Analyse(ds, sc)
		if err != nil {
			t.Fatalf("case %d: %v", k, err)
		}
		if k%50 == 0 {
			if again, _ := Analyse(ds, sc); !reflect.DeepEqual(res, again) {
				t.Fatalf("case %d: two runs differ", k)
			}
		}
		tot := res.Totals
		var rec, wh, red, fair, tr, ded, bon, g decimal.Decimal
		var rowsR, rowsG []money.Ratio
		for _, s := range res.Systems {
			rec, wh, red = rec.Add(s.Received), wh.Add(s.Withheld), red.Add(s.Redistributed)
			fair, tr, g = fair.Add(s.FairShare), tr.Add(s.Transfer), g.Add(s.EffectiveGrant)
			ded, bon = ded.Add(s.Deductions), bon.Add(s.Bonuses)
			if !s.Received.Sub(s.Redistributed).Add(s.Withheld).Equal(s.Allocation) {
				t.Fatalf("case %d: %s received %s − redistributed %s + withheld %s ≠ allocated %s", k, s.Code, s.Received, s.Redistributed, s.Withheld, s.Allocation)
			}
			rowsR = append(rowsR, money.R(s.Received, one))
			rowsG = append(rowsG, s.Value.EffectiveGrantExact)
		}
		if !rec.Equal(tot.Received) || !tot.Received.Add(tot.Held).Equal(tot.Allocated) || !wh.Equal(tot.Withheld) ||
			!red.Equal(tot.Redistributed) || !tot.Held.Add(tot.Redistributed).Equal(tot.Withheld) {
			t.Fatalf("case %d: received %s held %s allocated %s withheld %s redistributed %s", k, rec, tot.Held, tot.Allocated, wh, red)
		}
		if !fair.Equal(tot.Received) || !tr.IsZero() || !g.Equal(tot.EffectiveGrant) || !ded.Equal(tot.Deductions) || !bon.Equal(tot.Bonuses) ||
			!res.Deficit.Received.Add(res.Balanced.Received).Equal(tot.Received) {
			t.Fatalf("case %d: fair %s transfers %s G %s/%s", k, fair, tr, g, tot.EffectiveGrant)
		}
		var paid, due, fd, fb decimal.Decimal
		for _, y := range res.Flows {
			paid, fd, fb = paid.Add(y.Paid), fd.Add(y.Deductions), fb.Add(y.Bonuses)
			due = due.Add(y.Principal).Add(y.Interest).Add(y.Dividends)
		}
		if !paid.Equal(tot.Received) || !due.Equal(tot.Repayments) || !fd.Equal(tot.Deductions) || !fb.Equal(tot.Bonuses) {
			t.Fatalf("case %d: by year paid %s due %s deductions %s bonuses %s; totals %+v", k, paid, due, fd, fb, tot)
		}
		footsAt(t, int(k), "received", rowsR, decimal.NewFromInt(1000))
		footsAt(t, int(k), "effective grant", rowsG, decimal.NewFromInt(1000))
		e, err := newJob(ds, sc)
		if err != nil {
			t.Fatal(err)
		}
		for j, s := range res.Systems {
			if s.PrudencePenalty == nil || (len(ds.Systems) > 20 && j%5 != 0) {
				continue
			}
			g, err := e.rerunGrant(j, s.PenaltyPlan)
			if err != nil {
				t.Fatalf("case %d: %v", k, err)
			}
			if want := g.Sub(s.EffectiveGrant); !want.Equal(*s.PrudencePenalty) {
				t.Fatalf("case %d: %s penalty %s, full rerun %s", k, s.Code, s.PrudencePenalty, want)
			}
			penalties++
		}
	}
	t.Logf("%d penalties checked against full reruns", penalties)
}

// TestNeutralTermsChangeNothing: one unconditional tranche of 100% in the
// plans' year and a consequence that is never enforced (probability 0)
// leave every figure of the first stage as it was: effective grants,
// present values, fair shares, transfers, penalties, the grid, the verdict
// and the caveats.
func TestNeutralTermsChangeNothing(t *testing.T) {
	for k := int64(0); k < propertyCases; k += 3 {
		ds, sc := synth.Case(k)
		plain, err := Analyse(ds, sc)
		if err != nil {
			t.Fatal(err)
		}
		sc.Tranches = []plan.Tranche{plan.DefaultTranche(one)}
		sc.Consequences = []plan.Consequence{{Kind: plan.Deduction, Base: plan.BaseReceived, Rate: one, Year: "2024/25", Probability: zero, Group: plan.AppliesAll}}
		neutral, err := Analyse(ds, sc)
		if err != nil {
			t.Fatal(err)
		}
		for i, a := range plain.Systems {
			b := neutral.Systems[i]
			if !a.EffectiveGrant.Equal(b.EffectiveGrant) || !a.PVRepayments.Equal(b.PVRepayments) || !a.GrantElement.Equal(b.GrantElement) ||
				!a.FairShare.Equal(b.FairShare) || !a.Transfer.Equal(b.Transfer) || difference(a.PrudencePenalty, b.PrudencePenalty) != "" ||
				difference(a.Repayments, b.Repayments) != "" || !a.Received.Equal(a.Allocation) {
				t.Fatalf("case %d: %s differs:\n%+v\n%+v", k, a.Code, a, b)
			}
		}
		if difference(plain.Sensitivity, neutral.Sensitivity) != "" || plain.Verdict != neutral.Verdict ||
			!reflect.DeepEqual(plain.Caveats, neutral.Caveats) || !plain.Totals.GrantElement.Equal(neutral.Totals.GrantElement) {
			t.Fatalf("case %d: headline differs", k)
		}
		if len(plain.Systems[0].Tranches) != 0 || len(neutral.Systems[0].Tranches) != 1 {
			t.Fatalf("case %d: tranche lists", k)
		}
	}
}
