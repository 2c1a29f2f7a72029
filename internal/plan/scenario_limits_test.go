package plan

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// manyKeys is a scenario with n unknown keys after its title and pot, one
// to a line from line 3.
func manyKeys(n int) []byte {
	var b strings.Builder
	b.WriteString("title = \"T\"\npot = \"£1m\"\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "k%d = 1\n", i)
	}
	return []byte(b.String())
}

// Unknown keys are listed up to MaxProblems, with a line for the rest, as
// for a systems file; today every one is printed.
func TestScenarioUnknownKeysCapped(t *testing.T) {
	_, err := ParseScenario("s.toml", manyKeys(600))
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != MaxProblems+1 {
		t.Fatalf("%d problems: %v", len(ps), err)
	}
	// Key k499 is on line 502, k500 (the 501st) on line 503.
	if got := ps[MaxProblems-1].Error(); !strings.HasPrefix(got, `s.toml:502: unknown key "k499": the top of a scenario takes`) {
		t.Errorf("last listed: %s", got)
	}
	if got, want := ps[MaxProblems].Error(), "s.toml:503: and 100 more problems from here on, not listed: fix the ones above first"; got != want {
		t.Errorf("summary:\n got: %s\nwant: %s", got, want)
	}
	// 16,000 keys (21.6 s today) stop at the 1,001st key or table: the
	// entries are title (line 1), pot (2) and k0 (3) on, so it is k998 on
	// line 1001.
	_, err = ParseScenario("s.toml", manyKeys(16000))
	wantErr(t, err, `s.toml:1001: has more than 1000 keys and tables: a scenario has a few dozen, so this is not a scenario file`)
}

// BenchmarkParseScenarioUnknownKeys990 parses a scenario of 990 unknown
// keys, near the most a scenario may have.
func BenchmarkParseScenarioUnknownKeys990(b *testing.B) {
	data := manyKeys(990)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseScenario("s.toml", data); err == nil {
			b.Fatal("no error")
		}
	}
}

// Keys match as the decoder matches them to fields, ignoring case, as
// before unknown keys were found from the index.
func TestScenarioKeysIgnoreCase(t *testing.T) {
	sc, err := ParseScenario("s.toml", []byte("TITLE = \"T\"\nPot = \"£1m\"\n[Eligibility]\nRule = \"deficit\"\n"))
	if err != nil || sc.Title != "T" || sc.Eligibility.Rule != RuleDeficit {
		t.Errorf("%+v %v", sc, err)
	}
}
