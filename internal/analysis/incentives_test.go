package analysis

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestStrategyText(t *testing.T) {
	cases := []struct {
		s       Strategy
		systems int
		want    string
	}{
		{Strategy{StrategyCounts: StrategyCounts{DeficitPays: 42, Counted: 42}}, 42,
			"For 42 of 42 systems a deficit plan paid more than a balanced one: planning to balance was a losing strategy."},
		{Strategy{StrategyCounts: StrategyCounts{BalancedPays: 1, Counted: 1}}, 1,
			"For 1 of 1 system a balanced plan paid more than a deficit one: planning a deficit was a losing strategy."},
		{Strategy{StrategyCounts: StrategyCounts{Equal: 3, Counted: 3}}, 3, "For all 3 systems a deficit plan paid the same as a balanced one: the plan made no difference."},
		{Strategy{StrategyCounts: StrategyCounts{DeficitPays: 30, Equal: 10, BalancedPays: 2, Counted: 42}}, 42,
			"For 30 of 42 systems a deficit plan paid more than a balanced one; for 10 it made no difference and for 2 a balanced plan paid more."},
		{Strategy{StrategyCounts: StrategyCounts{DeficitPays: 5, BalancedPays: 2, Counted: 7}}, 7,
			"For 5 of 7 systems a deficit plan paid more than a balanced one; for 2 a balanced plan paid more."},
		{Strategy{StrategyCounts: StrategyCounts{Equal: 4, BalancedPays: 2, Counted: 6}}, 6,
			"For none of the 6 systems did a deficit plan pay more than a balanced one: for 4 it made no difference and for 2 a balanced plan paid more."},
		{Strategy{}, 5, "No system planned a deficit, so there is no deficit plan to compare a balanced one with."},
		{Strategy{}, 0, "There are no systems, so there is no strategy to compare."},
	}
	for _, c := range cases {
		if got := StrategyText(c.s, c.systems); got != c.want {
			t.Errorf("%+v:\n got %q\nwant %q", c.s, got, c.want)
		}
	}
}

func TestMarginalText(t *testing.T) {
	m := MarginalPrices{DeficitMedian: decimal.RequireFromString("0.4959"), HasDeficit: true,
		BalancedMedian: decimal.RequireFromString("-0.01"), HasBalanced: true}
	want := "A further £1 of planned deficit would have brought a median of £0.4959 of effective grant to a system that planned a deficit " +
		"and −£0.0100 to one that planned to balance, against an average of £0.5336 per £1 of the deficit group's planned deficit."
	if got := MarginalText(m, decimal.RequireFromString("0.5336"), true); got != want {
		t.Errorf("got %q", got)
	}
	m.HasDeficit = false
	want = "A further £1 of planned deficit would have brought a median of −£0.0100 of effective grant to a system that planned to balance."
	if got := MarginalText(m, decimal.Zero, false); got != want {
		t.Errorf("got %q", got)
	}
}

func found(name LeverName, v string) Lever {
	d := decimal.RequireFromString(v)
	return Lever{Name: name, Status: LeverFound, Value: &d}
}

func TestEndingText(t *testing.T) {
	e := EndingTerms{Rewarding: true, WriteOff: found(LeverWriteOff, "0.2870"), Interest: found(LeverInterest, "0.0620"),
		Clawback: found(LeverClawback, "0.4800")}
	want := "It would stop rewarding deficit plans only if at least 71.3% were certain to be repaid, or the loan carried 6.2% interest, " +
		"or 48% were clawed back the following year."
	if got := EndingText(e); got != want {
		t.Errorf("got %q", got)
	}
	e.PDC = true
	e.WriteOff = Lever{Name: LeverWriteOff, Status: LeverNotMonotone, From: decimal.Zero, To: decimal.NewFromInt(1)}
	want = "It would stop rewarding deficit plans only if the dividend were 6.2% a year, or 48% were clawed back the following year. " +
		"The verdict does not move one way with the write-off probability between 0% and 100%, so no single write-off probability ends it."
	if got := EndingText(e); got != want {
		t.Errorf("got %q", got)
	}
	e.Interest = Lever{Name: LeverInterest, Status: LeverNotReached, To: decimal.RequireFromString("0.2")}
	e.Clawback = Lever{Name: LeverClawback, Status: LeverNotReached, To: decimal.NewFromInt(2)}
	want = "None of the terms tried would stop it rewarding deficit plans. The verdict does not move one way with the write-off " +
		"probability between 0% and 100%, so no single write-off probability ends it. No dividend rate up to 20% would end it. " +
		"Clawing back up to 200% of the cash the following year would not end it."
	if got := EndingText(e); got != want {
		t.Errorf("got %q", got)
	}
	e = EndingTerms{Note: NotRewardingNote(Neutral)}
	if got := EndingText(e); got != "The money does not reward deficit plans as it stands (verdict: neutral), so there is no reward to end." {
		t.Errorf("got %q", got)
	}
}

func TestLeverNote(t *testing.T) {
	l := Lever{Name: LeverClawback, Status: LeverNotMonotone, From: decimal.Zero, To: decimal.NewFromInt(2)}
	if got := LeverNote(l, false, 1); got != "not monotone: the money does not reward deficit plans at the low end of the range (0% to 200%)" {
		t.Errorf("got %q", got)
	}
	l.Name = LeverWriteOff
	if got := LeverNote(l, false, 1); got != "not monotone: the money does not reward deficit plans at the high end of the range (0% to 200%)" {
		t.Errorf("got %q", got)
	}
	if got := LeverPercent(decimal.RequireFromString("0.0559")); got != "5.59%" {
		t.Errorf("got %q", got)
	}
}
