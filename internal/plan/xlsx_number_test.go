package plan

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// excelNumberRe is the grammar isExcelNumber implements by hand.
var excelNumberRe = regexp.MustCompile(`^-?[0-9]{1,309}(\.[0-9]{1,309})?([eE][-+]?[0-9]{1,3})?$`)

// TestIsExcelNumberIsTheRegexp: the hand-written check answers as the
// regular expression does, on edge cases and on random strings over the
// characters that matter.
func TestIsExcelNumberIsTheRegexp(t *testing.T) {
	cases := []string{"", "-", "0", "-0", "12", "1.", ".5", "1.5", "-1.5e10", "1E+308", "1e-3", "1e", "1e+", "1e1234",
		"1.5.5", "--1", "+1", " 1", "1 ", "1,000", "0x10", "1e1e1", "١٢", strings.Repeat("9", 309), strings.Repeat("9", 310),
		"1." + strings.Repeat("0", 309), "1." + strings.Repeat("0", 310), "1.5E-07", "NaN", "Inf"}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := "0123456789.-+eE x"
	for range 20_000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		if got, want := isExcelNumber(s), excelNumberRe.MatchString(s); got != want {
			t.Errorf("isExcelNumber(%q) = %v, the regexp says %v", s, got, want)
		}
	}
}
