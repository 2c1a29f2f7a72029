package report

import (
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The board paper in a real browser: headless Chromium prints the shipped
// 2023/24 paper to PDF and takes a screenshot; poppler (pdfinfo, pdftotext,
// pdftoppm) reads the PDF back. .ci/run installs Debian's chromium and
// poppler-utils; elsewhere the test skips when they are missing, and under
// CI=true it fails instead.

// needTool finds a program, or skips (fails in CI) saying how to get it.
func needTool(t *testing.T, pkg string, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	msg := names[0] + " is not installed (apt-get install " + pkg + "): the HTML paper is not checked in a real browser"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "; .ci/run installs it")
	}
	t.Skip(msg)
	return ""
}

// chromium runs headless Chromium on a file with the flags for a quiet,
// offline, throwaway profile, and extra flags for what to produce.
func chromium(t *testing.T, browser, page string, extra ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + t.TempDir()}, extra...)
	cmd := exec.CommandContext(ctx, browser, append(args, "file://"+page)...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", extra, err, out)
	}
}

func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

// inked is the share of an image's pixels, sampled, that are not white.
func inked(img image.Image) float64 {
	b := img.Bounds()
	n, ink := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			n++
			if r, g, bl, _ := img.At(x, y).RGBA(); r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				ink++
			}
		}
	}
	return float64(ink) / float64(max(n, 1))
}

func decodePNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

func TestPaperInABrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser := needTool(t, "chromium", "chromium", "chromium-browser", "google-chrome")
	needTool(t, "poppler-utils", "pdfinfo")
	var res shipped
	for _, s := range shippedResults(t) {
		if s.name == "2023-24_deficit-support-feb-2024" {
			res = s
		}
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "paper.html")
	html := renderString(t, res.res, HTML, Options{})
	checkWellFormed(t, html) // a strict parser: every element closed, attributes quoted, no stray & or <
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}

	pdf := filepath.Join(dir, "paper.pdf")
	chromium(t, browser, page, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
	info := runTool(t, "pdfinfo", pdf)
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", info)
	}
	pages, _ := strconv.Atoi(m[1])
	// Issue 16: the shipped 2023/24 paper prints as 3 to 6 A4 pages. Annex A
	// (every row's inputs, confidence and source) is one page of them.
	if pages < 3 || pages > 6 {
		t.Errorf("the paper prints as %d pages, want 3 to 6", pages)
	}
	if !strings.Contains(info, "(A4)") {
		t.Errorf("the paper is not A4:\n%s", info)
	}

	// Page 1 states the verdict with its numbers.
	first := strings.Join(strings.Fields(runTool(t, "pdftotext", "-f", "1", "-l", "1", pdf, "-")), " ")
	for _, want := range []string{"Action required: The Board is asked to note", "Verdict: rewards deficit plans.",
		poundsPence(res.res.Deficit.GrantPerHead) + " of effective grant per head",   // £19.44
		poundsPence(res.res.Deficit.PerHead), pounds(res.res.NetTransferToDeficit)} { // £35.43, £470.3m
		if !strings.Contains(first, want) {
			t.Errorf("page 1 does not say %q:\n%s", want, first)
		}
	}

	// Every page has something on it.
	runTool(t, "pdftoppm", "-r", "30", "-png", pdf, filepath.Join(dir, "page"))
	shots, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if len(shots) != pages {
		t.Fatalf("pdftoppm made %d page images of %d pages", len(shots), pages)
	}
	for _, s := range shots {
		if share := inked(decodePNG(t, s)); share < 0.01 {
			t.Errorf("%s is blank: %.2f%% of it is inked", filepath.Base(s), 100*share)
		}
	}

	// On screen: the first 1280×1600 pixels, not blank.
	shot := filepath.Join(dir, "screen.png")
	chromium(t, browser, page, "--window-size=1280,1600", "--hide-scrollbars", "--screenshot="+shot)
	img := decodePNG(t, shot)
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 1600 {
		t.Errorf("the screenshot is %dx%d, want 1280x1600", b.Dx(), b.Dy())
	}
	if share := inked(img); share < 0.02 {
		t.Errorf("the screenshot is blank: %.2f%% of it is inked", 100*share)
	}
}
