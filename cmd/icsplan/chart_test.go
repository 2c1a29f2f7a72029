package main

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestChartListsTheCharts(t *testing.T) {
	r := runArgs(t, "chart")
	r.want(t, exitOK)
	for _, name := range []string{"per-head", "sensitivity", "transfers", "repayments"} {
		if !strings.Contains(r.stdout, "\n  "+name+" ") {
			t.Errorf("icsplan chart does not list %s:\n%s", name, r.stdout)
		}
	}
	help := runArgs(t, "--help").stdout
	if !strings.Contains(help, "icsplan chart NAME -o FILE") || !strings.Contains(help, "per-head, sensitivity, transfers, repayments") ||
		!strings.Contains(help, "--size SIZE") {
		t.Errorf("--help does not show the chart command, its names and --size:\n%s", help)
	}
}

func TestChartWritesSVGAndPNG(t *testing.T) {
	dir := t.TempDir()
	svg := filepath.Join(dir, "per-head.svg")
	runArgs(t, "chart", "per-head", "-o", svg, "--year", "2023/24").want(t, exitOK)
	data, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	var root struct {
		XMLName xml.Name
		Width   string `xml:"width,attr"`
		Height  string `xml:"height,attr"`
	}
	if err := xml.Unmarshal(data, &root); err != nil || root.XMLName.Local != "svg" {
		t.Fatalf("not an SVG: %v %v", root.XMLName, err)
	}
	// The default size is a slide: 1280x720 pixels, 960x540 points.
	if root.Width != "960pt" || root.Height != "540pt" {
		t.Errorf("SVG is %s by %s, want 960pt by 540pt", root.Width, root.Height)
	}
	// 2023/24's deficit support: £19.44 of effective grant per head to deficit planners.
	if !bytes.Contains(data, []byte("£19.44")) {
		t.Error("the per-head chart does not print the deficit group's £19.44")
	}

	for size, want := range map[string][2]int{"email": {800, 450}, "640x360": {640, 360}} {
		out := filepath.Join(dir, "t-"+size+".png")
		// Flags before and after NAME and PATH, as for the report.
		runArgs(t, "chart", "--size", size, "transfers", "--year", "2023/24", "-o", out).want(t, exitOK)
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", size, err)
		}
		if b := img.Bounds(); b.Dx() != want[0] || b.Dy() != want[1] {
			t.Errorf("--size %s gave %dx%d", size, b.Dx(), b.Dy())
		}
	}
}

func TestChartFollowsTheReportsChoices(t *testing.T) {
	dir := t.TempDir()
	plans := goodPlans(t)
	out := filepath.Join(dir, "r.svg")
	// With no scenario file the plans folder's scenario is a grant of each
	// planned deficit: AAA £500k over 1,000 people and CCC £100k over 2,000,
	// so the deficit group gets £600k over 3,000 = £200.00 per head.
	runArgs(t, "chart", "repayments", plans, "-o", out).want(t, exitOK)
	if data, _ := os.ReadFile(out); !bytes.Contains(data, []byte("None: the money is a grant.")) {
		t.Error("the repayments chart of a grant does not say it is one")
	}
	runArgs(t, "chart", "per-head", plans, "-o", out).want(t, exitOK)
	if data, _ := os.ReadFile(out); !bytes.Contains(data, []byte("£200.00")) {
		t.Error("the per-head chart of the plans folder does not print £200.00")
	}
	r := runArgs(t, "chart", "sensitivity", "--write-off", "25%", "--discount-rate", "0%", "--year", "2023/24", "-o", out)
	r.want(t, exitOK)
	data, _ := os.ReadFile(out)
	// At a 0% discount rate and a 25% write-off the grant element is exactly 25.0%, the scenario's own cell.
	if !bytes.Contains(data, []byte("25.0% *")) {
		t.Error("the sensitivity chart does not mark 25% × 0% as the scenario's own cell")
	}
}

func TestChartUsageMistakes(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"chart", "pie", "-o", filepath.Join(dir, "x.svg")},
		{"chart", "per-head"},
		{"chart", "-o", filepath.Join(dir, "x.svg")},
		{"chart", "per-head", "-o", filepath.Join(dir, "x.pdf")},
		{"chart", "per-head", "-o", filepath.Join(dir, "x.svg"), "--size", "huge"},
		{"chart", "per-head", "-o", filepath.Join(dir, "x.svg"), "--year", "1999/00"},
	} {
		r := runArgs(t, args...)
		r.want(t, exitUsage)
		if r.stdout != "" {
			t.Errorf("%q wrote to stdout: %q", args, r.stdout)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("a refused chart left files behind: %v", ents)
	}
	r := runArgs(t, "chart", "pie", "-o", filepath.Join(dir, "x.svg"))
	if !strings.Contains(r.stderr, `no chart "pie" (have per-head, sensitivity, transfers, repayments, ending-write-off, ending-interest, ending-clawback)`) {
		t.Errorf("the unknown chart message does not list the charts:\n%s", r.stderr)
	}
}
