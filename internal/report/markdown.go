package report

import (
	"io"
	"strings"
)

// renderMarkdown writes the text report's content as GitHub-flavoured
// markdown, for Teams, GitHub and Confluence.
func renderMarkdown(w io.Writer, d doc) error {
	var b strings.Builder
	para := func(s string) {
		if s != "" {
			b.WriteString(mdEscape(s))
			b.WriteString("\n\n")
		}
	}
	b.WriteString("# " + mdEscape(d.title) + "\n\n")
	para(d.note)
	for _, f := range d.facts {
		b.WriteString("- **" + mdEscape(f.label) + ":** " + mdEscape(f.value) + "\n")
	}
	b.WriteString("\n## Verdict: " + mdEscape(d.verdict.Words()) + "\n\n")
	para(d.verdictS)
	for _, n := range d.numbers {
		b.WriteString("- " + mdEscape(n) + "\n")
	}
	for _, s := range d.sections {
		b.WriteString("\n## " + mdEscape(s.heading) + "\n\n")
		for _, p := range s.intro {
			para(p)
		}
		if s.table != nil {
			mdTable(&b, *s.table)
			b.WriteString("\n")
		}
		for _, p := range s.notes {
			para(p)
		}
	}
	b.WriteString("\n## Caveats\n\n")
	if len(d.caveats) == 0 {
		b.WriteString("None.\n")
	}
	for _, c := range d.caveats {
		b.WriteString("- " + mdEscape(c) + "\n")
	}
	_, err := io.WriteString(w, strings.ReplaceAll(b.String(), "\n\n\n", "\n\n"))
	return err
}

func mdTable(b *strings.Builder, t table) {
	row := func(cells []string, bold bool) {
		b.WriteString("|")
		for i := range t.cols {
			v := ""
			if i < len(cells) {
				v = mdEscape(cells[i])
			}
			if bold && v != "" {
				v = "**" + v + "**"
			}
			b.WriteString(" " + v + " |")
		}
		b.WriteString("\n")
	}
	heads := make([]string, len(t.cols))
	for i, c := range t.cols {
		heads[i] = c.head
	}
	row(heads, false)
	b.WriteString("|")
	for _, c := range t.cols {
		if c.right {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteString("\n")
	for _, r := range t.rows {
		row(r, false)
	}
	if t.total != nil {
		row(t.total, true)
	}
}

// mdEscape backslash-escapes the characters markdown would act on, so that
// names from data files show as written: | cannot end a table cell, * and _
// cannot start emphasis, < cannot start HTML, and a leading # + - = or digit
// run followed by . or ) cannot start a heading or list.
func mdEscape(s string) string {
	var b strings.Builder
	// "1." or "1)" at the start would begin an ordered list.
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	for i, r := range s {
		if digits > 0 && i == digits && (r == '.' || r == ')') {
			b.WriteByte('\\')
		}
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '!', '&', '{', '}':
			b.WriteByte('\\')
		case '#', '+', '-', '=', '.':
			if i == 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}
