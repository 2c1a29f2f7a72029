package plan

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// dec reads a decimal for tests.
func dec(t testing.TB, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatalf("bad test decimal %q: %v", s, err)
	}
	return d
}

// parseCSV reads and validates CSV text as a 2023/24 systems file.
func parseCSV(t testing.TB, text string) (Dataset, error) {
	t.Helper()
	tab, err := ReadCSV("systems.csv", []byte(text))
	if err != nil {
		return Dataset{}, err
	}
	return ParseSystems(tab, "2023/24")
}

// mustCSV is parseCSV that fails the test on error.
func mustCSV(t testing.TB, text string) Dataset {
	t.Helper()
	ds, err := parseCSV(t, text)
	if err != nil {
		t.Fatalf("unexpected error:\n%v", err)
	}
	return ds
}

// errText is the error's message, or "" for nil; it checks that a non-nil
// error is Problems.
func errText(t testing.TB, err error) string {
	t.Helper()
	if err == nil {
		return ""
	}
	var ps Problems
	if !errors.As(err, &ps) {
		return "(not Problems) " + err.Error()
	}
	return ps.Error()
}

// wantErr checks an error's exact text.
func wantErr(t testing.TB, err error, want string) {
	t.Helper()
	got := errText(t, err)
	if got != strings.TrimSpace(want) {
		t.Errorf("error:\n got: %s\nwant: %s", got, strings.TrimSpace(want))
	}
}
