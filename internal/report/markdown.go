package report

import (
	"bytes"
	"strings"
)

// renderMarkdown writes the text report's content as GitHub-flavoured
// markdown, for Teams, GitHub and Confluence. Blocks are separated by one
// blank line.
func renderMarkdown(b *bytes.Buffer, d doc) error {
	w := mdWriter{b}
	b.WriteString("# " + mdBlock(d.title) + "\n\n")
	w.para(d.note)
	w.facts(d.facts)
	w.heading("Verdict: " + mdEscape(d.verdict.Words()))
	w.para(d.verdictS)
	for _, n := range d.numbers {
		b.WriteString("- " + mdBlock(n) + "\n")
	}
	w.sections(d.sections)
	w.heading("Caveats")
	if len(d.caveats) == 0 {
		b.WriteString("None.\n")
	}
	for _, c := range d.caveats {
		b.WriteString("- " + mdBlock(c) + "\n")
	}
	return nil
}

// mdWriter writes the blocks the markdown reports share.
type mdWriter struct{ b *bytes.Buffer }

// para writes a paragraph and the blank line after it; nothing for "".
func (w mdWriter) para(s string) {
	if s != "" {
		w.b.WriteString(mdBlock(s))
		w.b.WriteString("\n\n")
	}
}

// heading starts a level-2 heading after one blank line.
func (w mdWriter) heading(h string) {
	if !bytes.HasSuffix(w.b.Bytes(), []byte("\n\n")) {
		w.b.WriteByte('\n')
	}
	w.b.WriteString("## " + h + "\n\n")
}

// facts writes each fact as a bulleted "label: value".
func (w mdWriter) facts(fs []fact) {
	for _, f := range fs {
		w.b.WriteString("- **" + mdEscape(f.label) + ":** " + mdEscape(f.value) + "\n")
	}
}

// sections writes each section: its heading, intro, table and notes.
func (w mdWriter) sections(ss []section) {
	for _, s := range ss {
		w.heading(mdEscape(s.heading))
		for _, p := range s.intro {
			w.para(p)
		}
		if s.table != nil {
			mdTable(w.b, *s.table)
			w.b.WriteString("\n")
		}
		for _, p := range s.notes {
			w.para(p)
		}
	}
}

func mdTable(b *bytes.Buffer, t table) {
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
			b.WriteByte(' ')
			b.WriteString(v)
			b.WriteString(" |")
		}
		b.WriteString("\n")
	}
	heads := make([]string, len(t.cols))
	for i, c := range t.cols {
		heads[i] = strings.ReplaceAll(c.head, "\n", " ")
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
	if t.lazy != nil { // made one at a time into one row of cells
		cells := make([]string, len(t.cols))
		for i := range t.lazy.n {
			t.lazy.row(i, cells)
			row(cells, false)
		}
	}
	for _, r := range t.rows {
		row(r, false)
	}
	if t.total != nil {
		row(t.total, true)
	}
}

// mdEscape backslash-escapes the characters markdown would act on anywhere
// in a line, so that names from data files show as written: | cannot end a
// table cell, * and _ cannot start emphasis, < cannot start HTML.
func mdEscape(s string) string {
	if mdPlain(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '!', '&', '{', '}': // mdSpecial
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdSpecial are the characters mdEscape escapes.
const mdSpecial = "\\`*_[]<>|~!&{}"

// mdSpecialByte marks mdSpecial's bytes (all ASCII), made once rather than
// by each strings.IndexAny: the per-system tables have a million cells.
var mdSpecialByte = func() (m [256]bool) {
	for i := 0; i < len(mdSpecial); i++ {
		m[mdSpecial[i]] = true
	}
	return m
}()

// mdPlain reports whether s holds nothing mdEscape escapes.
func mdPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if mdSpecialByte[s[i]] {
			return false
		}
	}
	return true
}

// mdBlock escapes text that starts a paragraph or list item: as mdEscape,
// and a leading # + - = or "1." / "1)" cannot start a heading or a list.
func mdBlock(s string) string {
	s = mdEscape(s)
	if s != "" && strings.ContainsRune("#+-=", rune(s[0])) {
		return "\\" + s
	}
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') &&
		(digits+1 == len(s) || s[digits+1] == ' ') {
		return s[:digits] + "\\" + s[digits:]
	}
	return s
}
