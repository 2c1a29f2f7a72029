package plan

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// The regular expressions isWhole, isDecimal and isNegative stand for.
var (
	wholeRe    = regexp.MustCompile(`^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)$`)
	decimalRe  = regexp.MustCompile(`^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$`)
	negativeRe = regexp.MustCompile(`^(?:[-−–]\s*[0-9,]+(?:\.[0-9]+)?|\(\s*[0-9,]+(?:\.[0-9]+)?\s*\))$`)
)

// checkShapes compares the hand-written shapes with their expressions on v.
func checkShapes(t *testing.T, v string) {
	t.Helper()
	for _, c := range []struct {
		name string
		got  bool
		re   *regexp.Regexp
	}{{"isWhole", isWhole(v), wholeRe}, {"isDecimal", isDecimal(v), decimalRe}, {"isNegative", isNegative(v), negativeRe}} {
		if want := c.re.MatchString(v); c.got != want {
			t.Fatalf("%s(%q) = %v, the expression says %v", c.name, v, c.got, want)
		}
	}
}

// TestShapes checks every string of up to five symbols from an alphabet of
// digits, separators, signs, brackets, spaces and a stray letter and byte,
// and 200,000 longer random ones, against the expressions.
func TestShapes(t *testing.T) {
	alphabet := []string{"0", "7", ",", ".", "-", "−", "–", "(", ")", " ", "\t", "\v", "a", "\xff"}
	var walk func(v string, depth int)
	walk = func(v string, depth int) {
		checkShapes(t, v)
		if depth > 0 {
			for _, a := range alphabet {
				walk(v+a, depth-1)
			}
		}
	}
	walk("", 5)
	digits := []string{"0", "1", "9", ",", ",", ".", " ", "(", ")", "-"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		v := ""
		for range 6 + r.IntN(14) {
			v += digits[r.IntN(len(digits))]
		}
		checkShapes(t, v)
	}
	for _, v := range []string{"1,000", "12,345,678", "1,00", "1000", ",100", "1,000.5", "1,000.", "-1,0.5", "( 1,000.25 )", "(1", "- 5", "−5", "–5"} {
		checkShapes(t, v)
	}
}

// FuzzShapes compares the hand-written shapes with their expressions on
// any string.
func FuzzShapes(f *testing.F) {
	for _, v := range []string{"1,000", "12,345.67", "(1,000)", "- 5", "−5.5", "1,00", ""} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) { checkShapes(t, v) })
}
