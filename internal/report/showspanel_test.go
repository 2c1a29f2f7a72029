package report

import (
	"bytes"
	"testing"
)

// TestShowsPanel holds ShowsPanel to the renderers: on the shipped 2023/24
// deficit support, a report in a format that shows the panel changes when
// the panel across the shipped years is added, and one in any other format
// is byte for byte the same (so cmd may skip the panel's analyses for it).
func TestShowsPanel(t *testing.T) {
	var res *shipped
	for _, s := range shippedResults(t) {
		if s.name == "2023-24_deficit-support-feb-2024" {
			res = &s
		}
	}
	if res == nil {
		t.Fatal("no shipped 2023/24 deficit support")
	}
	p := shippedPanel(t)
	for _, f := range Formats {
		var without, with bytes.Buffer
		r := res.res
		r.Panel = nil
		if err := Render(&without, r, f, Options{}); err != nil {
			t.Fatal(err)
		}
		r.Panel = &p
		if err := Render(&with, r, f, Options{}); err != nil {
			t.Fatal(err)
		}
		if same := bytes.Equal(without.Bytes(), with.Bytes()); same == ShowsPanel(f) {
			t.Errorf("%s: ShowsPanel says %v, but the report with the panel is the same as without: %v", f, ShowsPanel(f), same)
		}
	}
}
