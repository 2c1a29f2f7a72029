package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/engine"
	"icsplan/internal/plan"
	"icsplan/plans"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// shipped is one shipped scenario analysed on its year's embedded plans.
type shipped struct {
	name string // golden file stem: year folder and scenario name
	res  analysis.Result
}

// goldenRegimes are the regimes of the library whose reports are golden
// files, each on the shipped plans of one year: the 2025/26 fourth quarter
// withheld (tranches, a held forfeit), the RAB deductions (consequences on
// a £0 pot) and the STF (conditional tranches redistributed, a bonus).
var goldenRegimes = []struct{ dir, name string }{
	{"2024-25", "dsf-2025-26"},
	{"2023-24", "rab-deductions"},
	{"2023-24", "stf-2016-17"},
}

// shippedResults analyses every shipped scenario of every year, and the
// golden regimes on their year's plans (named "2023-24_regime-rab-deductions").
func shippedResults(t testing.TB) []shipped {
	t.Helper()
	lib, err := plan.Load(plans.FS, ".", "embedded plans", plan.Options{})
	if err != nil {
		t.Fatalf("loading the embedded plans: %v", err)
	}
	var out []shipped
	for _, y := range lib.Years {
		for _, sc := range y.Scenarios {
			res, err := engine.Analyse(y.Dataset, sc)
			if err != nil {
				t.Fatalf("%s %s: %v", y.Dir, sc.Name, err)
			}
			out = append(out, shipped{name: y.Dir + "_" + sc.Name, res: res})
		}
		for _, g := range goldenRegimes {
			if g.dir != y.Dir {
				continue
			}
			sc, err := plan.PickRegime(lib.Regimes, g.name, y)
			if err != nil {
				t.Fatalf("%s %s: %v", y.Dir, g.name, err)
			}
			res, err := engine.Analyse(y.Dataset, sc)
			if err != nil {
				t.Fatalf("%s %s: %v", y.Dir, g.name, err)
			}
			out = append(out, shipped{name: y.Dir + "_regime-" + g.name, res: res})
		}
	}
	if len(out) < 4+len(goldenRegimes) {
		t.Fatalf("found %d shipped scenarios and regimes, want at least %d", len(out), 4+len(goldenRegimes))
	}
	return out
}

// goldenResults are the shipped results and the hand-worked terms fixture
// (terms_fixture_test.go): every result whose reports are golden files.
func goldenResults(t testing.TB) []shipped {
	return append(shippedResults(t), shipped{name: "terms-fixture", res: termsFixture(t)})
}

// goldenExt is the golden file's extension for each format checked byte for byte.
var goldenExt = map[Format]string{Text: "txt", Markdown: "md", CSV: "csv", JSON: "json", Email: "eml"}

func TestGolden(t *testing.T) {
	for _, s := range goldenResults(t) {
		for _, f := range Formats {
			if f == XLSX || f == HTML {
				continue // compared cell by cell in TestXLSXMatchesJSON; HTML by its text in TestHTMLGolden
			}
			t.Run(s.name+"/"+string(f), func(t *testing.T) {
				var buf bytes.Buffer
				if err := Render(&buf, s.res, f, Options{}); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, s.name+"."+goldenExt[f]+".golden", buf.Bytes())
			})
		}
	}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./internal/report -update and review the diff):\n%s",
			path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first line that differs.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + itoa(i+1) + ":\nwant " + wl + "\ngot  " + gl
		}
	}
	return "(same lines, different bytes)"
}
