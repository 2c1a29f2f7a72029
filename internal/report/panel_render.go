package report

import (
	"bytes"
	"strings"

	"icsplan/internal/analysis"
)

// RenderPanel writes the Years report, the panel across years, to buf in
// format f: text, markdown, csv, json, email, html or xlsx.
func RenderPanel(buf *bytes.Buffer, p analysis.Panel, f Format, o Options) error {
	switch f {
	case Text:
		return renderPanelText(buf, buildPanelDoc(p), newStyles(o.Colour))
	case Markdown:
		return renderPanelMarkdown(buf, buildPanelDoc(p))
	case CSV:
		return renderPanelCSV(buf, p)
	case JSON:
		return renderPanelJSON(buf, p)
	case Email:
		_, err := buf.WriteString(panelEmail(p))
		return err
	case XLSX:
		return renderPanelXLSX(buf, p)
	case HTML:
		return renderPanelHTML(buf, buildPanelDoc(p))
	}
	_, err := ParseFormat(string(f))
	return err
}

// renderPanelText lays the Years report out as the text report is laid
// out: headings underlined, paragraphs wrapped, tables aligned, ≤ 100 columns.
func renderPanelText(b *bytes.Buffer, d panelDoc, st styles) error {
	line := func(s string) {
		b.WriteString(strings.TrimRight(s, " "))
		b.WriteByte('\n')
	}
	heading := func(h, underline string) {
		line(st.head(h))
		line(strings.Repeat(underline, min(textWidth(h), width)))
	}
	para := func(s string, bullet string) {
		for _, l := range wrap(s, width, bullet) {
			line(l)
		}
	}
	heading(d.title, "=")
	para(d.reading, "")
	line("")
	labelW := 0
	for _, f := range d.facts {
		labelW = max(labelW, textWidth(f.label))
	}
	for _, f := range d.facts {
		for i, l := range wrap(f.value, width-labelW-2, "") {
			label := strings.Repeat(" ", labelW)
			if i == 0 {
				label = padRight(f.label, labelW)
			}
			line(label + "  " + l)
		}
	}
	for _, s := range d.sections {
		line("")
		heading(s.heading, "-")
		for _, p := range s.intro {
			para(p, "")
		}
		if s.table != nil {
			writeTextTable(b, *s.table, width)
		}
		for _, p := range s.notes {
			para(p, "")
		}
	}
	line("")
	heading("Caveats", "-")
	for _, c := range d.caveats {
		para(c, "- ")
	}
	return nil
}

// renderPanelMarkdown writes the Years report as GitHub-flavoured markdown.
func renderPanelMarkdown(b *bytes.Buffer, d panelDoc) error {
	w := mdWriter{b}
	b.WriteString("# " + mdBlock(d.title) + "\n\n")
	w.para(d.reading)
	w.facts(d.facts)
	w.sections(d.sections)
	w.heading("Caveats")
	for _, c := range d.caveats {
		b.WriteString("- " + mdBlock(c) + "\n")
	}
	return nil
}
