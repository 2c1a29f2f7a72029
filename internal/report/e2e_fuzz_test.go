package report

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/engine"
	"icsplan/internal/plan"
)

// e2eMaxSystems keeps each fuzz input fast: a bigger dataset tests nothing
// the small ones do not, and its analysis (the prudence reruns) grows faster
// than the input.
const e2eMaxSystems = 40

// e2eSeed is a clean systems.csv the fuzzer mutates; the committed corpus
// (testdata/fuzz/FuzzEndToEnd) holds the hostile rows.
const e2eSeed = "code,name,region,population,weighted population,plan (£000),source\r\n" +
	"QAA,Alpha ICS,North,1000000,1000000,-25000,reported\r\n" +
	"QBB,Bravo ICS,South,500000,520000,0,illustrative\r\n" +
	"QCC,Charlie ICS,East,750000,700000,-1000.5,reported\r\n"

// FuzzEndToEnd feeds arbitrary bytes as a systems.csv through the loader,
// the default scenario's analysis and every report format a person or a
// terminal reads, and checks that no output carries a control character
// (other than the line ends: \n, and CRLF in CSV), an ESC, a C1 control, a
// bidi or zero-width character (JSON may spell them as \u escapes), or a
// CSV cell a spreadsheet would run as a formula.
func FuzzEndToEnd(f *testing.F) {
	f.Add([]byte(e2eSeed))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := plan.ReadCSV("systems.csv", data)
		if err != nil {
			return
		}
		ds, err := plan.ParseSystems(tab, "2023/24")
		if err != nil || len(ds.Systems) > e2eMaxSystems {
			return
		}
		res, err := engine.Analyse(ds, plan.DefaultScenario(ds))
		if err != nil {
			t.Fatalf("the default scenario does not analyse a dataset the loader accepted: %v", err)
		}
		for _, fm := range []Format{Text, Markdown, Email, HTML, JSON, CSV} {
			checkE2E(t, res, fm)
		}
	})
}

// checkE2E renders res in fm and fails on anything a terminal or a
// spreadsheet would act on.
func checkE2E(t *testing.T, res analysis.Result, fm Format) {
	t.Helper()
	out := renderString(t, res, fm, Options{})
	allowed := "\n"
	if fm == CSV {
		allowed = "\r\n"
		if strings.Count(out, "\r") != strings.Count(out, "\r\n") || strings.Count(out, "\n") != strings.Count(out, "\r\n") {
			t.Fatalf("CSV has a CR or LF outside a CRLF line end:\n%q", out)
		}
		out = strings.TrimPrefix(out, "\ufeff")
	}
	if fm == HTML {
		out = svgTabs.ReplaceAllStringFunc(out, func(svg string) string { return strings.ReplaceAll(svg, "\t", " ") })
	}
	if why := terminalHazard(out, allowed); why != "" {
		t.Fatalf("%s carries %s", fm, why)
	}
	switch fm {
	case JSON:
		if !json.Valid([]byte(out)) {
			t.Fatalf("JSON is not valid:\n%s", out)
		}
	case CSV:
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("CSV does not read back: %v", err)
		}
		for _, rec := range recs {
			for _, cell := range rec {
				if liveFormula(cell) {
					t.Fatalf("CSV cell %q would run as a formula", cell)
				}
			}
		}
	}
}

// svgTabs finds the paper's inline charts: the SVG writer the chart package
// uses (gonum's vgsvg) indents its own markup with tabs, which carry no data
// and are let through there, and only there; every other check still
// applies inside the charts.
var svgTabs = regexp.MustCompile(`(?s)<svg.*?</svg>`)

// plainNumber is a figure as the CSV report writes one.
var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// liveFormula reports whether a spreadsheet would read cell as a formula:
// it starts with = + - @, a tab or a CR, and is not a plain number.
func liveFormula(cell string) bool {
	return cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !plainNumber.MatchString(cell)
}

// TestEndToEndSeedsLoad: every committed seed of FuzzEndToEnd is a
// systems.csv the loader accepts, so that its hostile text reaches the
// renderers (a seed the loader refused would test nothing past it).
func TestEndToEndSeedsLoad(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzEndToEnd")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 20 {
		t.Fatalf("%d seeds in %s, want the hostile rows", len(entries), dir)
	}
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
		if len(lines) != 2 || lines[0] != "go test fuzz v1" {
			t.Fatalf("%s is not a fuzz corpus file", e.Name())
		}
		data, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")"))
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		tab, err := plan.ReadCSV("systems.csv", []byte(data))
		if err == nil {
			_, err = plan.ParseSystems(tab, "2023/24")
		}
		if err != nil {
			t.Errorf("seed %s does not load: %v", e.Name(), err)
		}
	}
}
