package report

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"testing"
)

// TestCSVLineMatchesWriter: a record built by csvLine is what
// encoding/csv's Writer (UseCRLF) writes for the same fields, for fields
// that need quoting in every way (quotes, CR, LF, CRLF, commas, a leading
// space or tab, a non-breaking space, `\.`), plain ones, empty ones and
// random mixes of them.
func TestCSVLineMatchesWriter(t *testing.T) {
	fields := []string{"", "plain", "a,b", `say "hi"`, "line\nbreak", "cr\ronly", "crlf\r\nend", " lead", "\ttab",
		"\u00a0nbsp", "\u2028sep", `\.`, `\.x`, "trail ", "£ – 日本", "\xff\xfe", "'=SUM(A1)", `""`, "\r", "\n", ","}
	check := func(record []string) {
		t.Helper()
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		w.UseCRLF = true
		if err := w.Write(record); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		var l csvLine
		for _, f := range record {
			l.text(f)
		}
		var got bytes.Buffer
		l.write(&got)
		if got.String() != want.String() {
			t.Fatalf("csvLine writes %q for %q, encoding/csv %q", got.String(), record, want.String())
		}
	}
	for _, f := range fields {
		check([]string{f})
		check([]string{f, f})
	}
	rng := rand.New(rand.NewPCG(2, 7))
	for range 2000 {
		record := make([]string, 1+rng.IntN(5))
		for i := range record {
			record[i] = fields[rng.IntN(len(fields))] + fields[rng.IntN(len(fields))]
		}
		check(record)
	}
}
