package report

import (
	"bytes"
	"testing"
)

// BenchmarkRenderShipped renders the latest shipped year's primary report
// with the shipped panel, as `icsplan --report` does, in the formats that
// carry the panel (and text, which does not, beside them): part of issue
// 17's shipped-data figure (BenchmarkReportProcess in cmd/icsplan).
// encoder is the JSON report as encoding/json writes it, for comparison.
func BenchmarkRenderShipped(b *testing.B) {
	rs := shippedResults(b)
	r := rs[len(rs)-1].res
	p := shippedPanel(b)
	r.Panel = &p
	var buf bytes.Buffer
	for _, f := range []Format{Text, JSON, Email} {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := Render(&buf, r, f, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("encoder", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			if err := renderJSONEncoder(&buf, r); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkPanelJSONShipped writes the shipped panel as the Years report's
// JSON, and as the Encoder writes it, for comparison.
func BenchmarkPanelJSONShipped(b *testing.B) {
	p := shippedPanel(b)
	var buf bytes.Buffer
	b.Run("writer", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			if err := renderPanelJSON(&buf, p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoder", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			if err := renderPanelJSONEncoder(&buf, p); err != nil {
				b.Fatal(err)
			}
		}
	})
}
