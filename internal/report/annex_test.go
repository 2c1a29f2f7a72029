package report

import (
	"strings"
	"testing"

	"icsplan/internal/plan"
)

// TestAnnexGradesAndLinksSources: Annex A shows each row's confidence grade
// (a column only when some row is graded) and links its source to the
// address the file gives, but only an http or https one.
func TestAnnexGradesAndLinksSources(t *testing.T) {
	res := fixture()
	res.Systems[0].Confidence = plan.ConfidenceHigh
	res.Systems[0].SourceURL = "https://www.england.nhs.uk/publication/board-paper/"
	res.Systems[1].SourceURL = "javascript:alert(1)"
	page := renderString(t, res, HTML, Options{})
	if !strings.Contains(page, `<th scope="col">Conf.</th>`) {
		t.Error("a graded row, but Annex A has no Conf. column")
	}
	link := `<a href="https://www.england.nhs.uk/publication/board-paper/" rel="noopener noreferrer">`
	if strings.Count(page, link) != 1 {
		t.Errorf("the graded row's source is not linked once to its address (%q)", link)
	}
	if strings.Contains(page, "javascript:") {
		t.Error("a javascript: address is linked")
	}
	res.Systems[0].Confidence = plan.ConfidenceUnknown
	if strings.Contains(renderString(t, res, HTML, Options{}), ">Conf.<") {
		t.Error("no row is graded, yet Annex A has a Conf. column")
	}
}

// TestWebAddress: only http and https addresses with nothing to escape are
// linked.
func TestWebAddress(t *testing.T) {
	for in, want := range map[string]string{
		" https://lowdownnhs.info/news/12579 ": "https://lowdownnhs.info/news/12579",
		"HTTP://example.org/a?b=1&c=2":         "HTTP://example.org/a?b=1&c=2",
		"javascript:alert(1)":                  "",
		"data:text/html,<b>":                   "",
		"//example.org":                        "",
		"https://example.org/a b":              "",
		`https://example.org/"onmouseover=x`:   "",
		"https://example.org/\u202e":           "",
		"":                                     "",
	} {
		if got := webAddress(in); got != want {
			t.Errorf("webAddress(%q) = %q, want %q", in, got, want)
		}
	}
}
