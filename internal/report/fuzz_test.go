package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// FuzzNames puts arbitrary text in every field a data file or scenario can
// fill and checks the reports people read: valid UTF-8, no terminal controls,
// text within 100 columns, the email within its ten lines.
func FuzzNames(f *testing.F) {
	for _, s := range []string{"", "Plain name", hostile, "=HYPERLINK(\"x\")", "名前がとても長いシステム名前がとても長いシステム名前がとても長い",
		"👩‍👩‍👧‍👦 family", "e\u0301\u0301\u0301", "\xff\xfe", "| pipe | * _", "a\r\nb\nc", "\u00a0\u2028\u2029"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, name, other string) {
		r := fixture()
		r.Systems[0].Name = name
		r.Systems[1].Code = other
		r.Systems[2].Name = other + name
		r.Scenario.Title = name
		r.Scenario.Note = other
		r.Dataset.Path = other
		r.Caveats = append(r.Caveats, name)
		for _, fm := range []Format{Text, Markdown, Email} {
			out := renderString(t, r, fm, Options{})
			if !utf8.ValidString(out) {
				for i, l := range strings.Split(out, "\n") {
					if !utf8.ValidString(l) {
						t.Logf("%d %q", i, l)
					}
				}
				t.Fatalf("%s: invalid UTF-8", fm)
			}
			if loc := unsafe.FindStringIndex(out); loc != nil {
				t.Fatalf("%s: raw control %q", fm, out[loc[0]:loc[1]])
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			switch fm {
			case Text:
				for i, l := range lines {
					if w := ansi.StringWidth(l); w > width {
						t.Fatalf("text line %d is %d columns: %q", i+1, w, l)
					}
				}
			case Email:
				if !strings.HasPrefix(lines[0], "Subject: ") || lines[1] != "" || len(lines)-2 > 10 {
					t.Fatalf("email shape:\n%s", out)
				}
			}
		}
	})
}
