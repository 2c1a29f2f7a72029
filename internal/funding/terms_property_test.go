package funding

import (
	"testing"

	"icsplan/internal/synth"
)

// TestReceiptProperties: over random regimes, each system's parts sum to
// its allocation in whole units; what it was paid and what was withheld
// from it make its allocation; it received what it was paid plus its
// redistributed shares; each tranche's forfeit is shared whole or held
// whole; and in total the cash received and the forfeits held make the
// allocated total.
func TestReceiptProperties(t *testing.T) {
	checked := 0
	for k := int64(0); k < propertyCases; k++ {
		ds, sc := synth.TermsCase(k)
		sc.Pot = PotFor(ds.Systems, sc)
		a, err := Allocate(ds.Systems, sc)
		if err != nil {
			t.Fatalf("case %d: %v", k, err)
		}
		rec, err := Receive(ds.Systems, sc, a.Amounts(), ds.Year)
		if err != nil {
			t.Fatalf("case %d: %v", k, err)
		}
		u := sc.Allocation.Unit
		received, redistributed := zero, zero
		for i, rc := range rec.Systems {
			amount := a.Shares[i].Amount
			sum := zero
			for _, p := range rc.Parts {
				if !p.Amount.Mod(u).IsZero() || p.Amount.IsNegative() || !p.Redistributed.Mod(u).IsZero() {
					t.Fatalf("case %d: system %d part %+v", k, i, p)
				}
				sum = sum.Add(p.Amount)
			}
			if len(sc.Tranches) > 0 && !sum.Equal(amount) {
				t.Fatalf("case %d: system %d parts %s of %s", k, i, sum, amount)
			}
			if !rc.Paid.Add(rc.Withheld).Equal(amount) || !rc.Paid.Add(rc.Redistributed).Equal(rc.Received) {
				t.Fatalf("case %d: system %d %+v of %s", k, i, rc, amount)
			}
			received = received.Add(rc.Received)
			redistributed = redistributed.Add(rc.Redistributed)
		}
		for j, tt := range rec.Tranches {
			if !(tt.Redistributed.IsZero() || tt.Redistributed.Equal(tt.Withheld)) || !tt.Held.Add(tt.Redistributed).Equal(tt.Withheld) {
				t.Fatalf("case %d: tranche %d %+v", k, j, tt)
			}
		}
		if !received.Add(rec.Held).Equal(a.Allocated) || !redistributed.Equal(rec.Redistributed) ||
			!rec.Held.Add(rec.Redistributed).Equal(rec.Withheld) {
			t.Fatalf("case %d: received %s held %s allocated %s", k, received, rec.Held, a.Allocated)
		}
		if rec.Withheld.IsPositive() {
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("only %d cases withheld anything", checked)
	}
}
