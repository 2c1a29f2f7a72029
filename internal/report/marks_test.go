package report

import (
	"strings"
	"testing"
)

// TestIllustrativeMarkEverywhere: every report that lists systems marks each
// illustrative row with †, and only those, and explains the mark in the same
// words; CSV and JSON carry the boolean column instead.
func TestIllustrativeMarkEverywhere(t *testing.T) {
	for _, c := range cases(t) {
		r := c.res
		for _, f := range []Format{Text, Markdown, HTML} {
			out := renderString(t, r, f, Options{})
			if n := r.Dataset.Illustrative; n > 0 && !strings.Contains(out, illustrativeNote) {
				t.Errorf("%s %s: %d illustrative systems but no %q", c.name, f, n, illustrativeNote)
			}
			if strings.Contains(out, "* Illustrative") || strings.Contains(out, "(*)") {
				t.Errorf("%s %s marks illustrative figures with *", c.name, f)
			}
		}
		text := renderString(t, r, Text, Options{})
		rows, _ := tableAfter(t, text, "Systems")
		md := renderString(t, r, Markdown, Options{})
		for i, s := range r.Systems {
			fields := strings.Fields(rows[i])
			marked := len(fields) > 1 && fields[1] == illustrativeMark
			if marked != s.Illustrative() {
				t.Errorf("%s text row %q: marked %v, illustrative %v", c.name, rows[i], marked, s.Illustrative())
			}
			mark := ""
			if s.Illustrative() {
				mark = illustrativeMark
			}
			cell := "| " + mdEscape(clean(s.Code)) + " | " + mark + " | "
			if !strings.Contains(md, cell) {
				t.Errorf("%s markdown has no row starting %q", c.name, cell)
			}
		}
	}
}
