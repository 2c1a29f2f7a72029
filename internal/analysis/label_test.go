package analysis

import "testing"

// TestLabelWords pins the verdict wording every renderer uses.
func TestLabelWords(t *testing.T) {
	cases := []struct {
		l            Label
		words, short string
	}{
		{RewardsDeficit, "rewards deficit plans", "rewards deficit"},
		{RewardsBalanced, "rewards balanced plans", "rewards balanced"},
		{Neutral, "neutral", "neutral"},
		{CannotCompare, "cannot compare", "cannot compare"},
	}
	for _, c := range cases {
		if got := c.l.Words(); got != c.words {
			t.Errorf("%s.Words() = %q, want %q", c.l, got, c.words)
		}
		if got := c.l.Short(); got != c.short {
			t.Errorf("%s.Short() = %q, want %q", c.l, got, c.short)
		}
	}
}
