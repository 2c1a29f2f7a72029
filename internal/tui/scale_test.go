package tui

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestScaleTo places a value on a scale exactly, halves away from zero:
// 5 of 0–10 on 0–7 is 3.5, so 4; 1 of 0–3 on 0–1 is ⅓, so 0; 53.9% of
// 0–200% on 0–39 is 10.5105, so 11.
func TestScaleTo(t *testing.T) {
	d := decimal.RequireFromString
	for _, c := range []struct {
		v, lo, hi string
		n         int
		want      int64
	}{
		{"5", "0", "10", 7, 4},
		{"1", "0", "3", 1, 0},
		{"0.539", "0", "2", 39, 11},
		{"2", "0", "2", 39, 39},
	} {
		if got := scaleTo(d(c.v), d(c.lo), d(c.hi), c.n); got != c.want {
			t.Errorf("scaleTo(%s, %s, %s, %d) = %d, want %d", c.v, c.lo, c.hi, c.n, got, c.want)
		}
	}
}
