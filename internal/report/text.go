package report

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// width is the most columns the text report uses.
const width = 100

// renderText writes the report for a person reading top to bottom.
func renderText(w io.Writer, d doc, st styles) error {
	var b strings.Builder
	line := func(s string) {
		b.WriteString(strings.TrimRight(s, " "))
		b.WriteByte('\n')
	}
	heading := func(h, underline string) {
		if ansi.StringWidth(h) > width {
			h = ansi.Truncate(h, width, "…")
		}
		line(st.head(h))
		line(strings.Repeat(underline, min(ansi.StringWidth(h), width)))
	}

	heading(d.title, "=")
	for _, l := range wrap(d.note, width, "") {
		line(l)
	}
	line("")
	labelW := 0
	for _, f := range d.facts {
		labelW = max(labelW, ansi.StringWidth(f.label))
	}
	indent := strings.Repeat(" ", labelW+2)
	for _, f := range d.facts {
		for i, l := range wrap(f.value, width-labelW-2, "") {
			if i == 0 {
				line(padRight(f.label, labelW) + "  " + l)
			} else {
				line(indent + l)
			}
		}
	}
	line("")

	line(st.head("Verdict: ") + st.verdictWords(d.verdict, strings.ToUpper(d.verdict.Words())))
	for _, l := range wrap(d.verdictS, width, "") {
		line(l)
	}
	for _, n := range d.numbers {
		for _, l := range wrap(n, width, "- ") {
			line(l)
		}
	}

	for _, s := range d.sections {
		line("")
		heading(s.heading, "-")
		for _, p := range s.intro {
			for _, l := range wrap(p, width, "") {
				line(l)
			}
		}
		if s.table != nil {
			for _, l := range textTable(*s.table, width) {
				line(l)
			}
		}
		for _, p := range s.notes {
			for _, l := range wrap(p, width, "") {
				line(l)
			}
		}
	}

	line("")
	heading("Caveats", "-")
	if len(d.caveats) == 0 {
		line("None.")
	}
	for _, c := range d.caveats {
		for _, l := range wrap(c, width, "- ") {
			line(l)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// textTable lays a table out in aligned columns within maxWidth, truncating
// flexible columns with … when needed. A heading may run over two lines
// ("Fair\nshare"); a joined column follows the one before it with no gap.
func textTable(t table, maxWidth int) []string {
	const sep = "  "
	n := len(t.cols)
	heads := make([][]string, n)
	headLines := 1
	for i, c := range t.cols {
		heads[i] = strings.Split(c.head, "\n")
		headLines = max(headLines, len(heads[i]))
	}
	widths := make([]int, n)
	all := append([][]string{}, t.rows...)
	if t.total != nil {
		all = append(all, t.total)
	}
	for i := range t.cols {
		for _, h := range heads[i] {
			widths[i] = max(widths[i], ansi.StringWidth(h))
		}
		for _, r := range all {
			if i < len(r) {
				widths[i] = max(widths[i], ansi.StringWidth(r[i]))
			}
		}
	}
	total := func() int {
		s := 0
		for i, w := range widths {
			s += w
			if i > 0 && !t.cols[i].join {
				s += len(sep)
			}
		}
		return s
	}
	for i, c := range t.cols {
		if c.maxw > 0 && widths[i] > c.maxw {
			widths[i] = c.maxw
		}
	}
	for i, c := range t.cols {
		if over := total() - maxWidth; over > 0 && c.flex {
			least := 8
			for _, h := range heads[i] {
				least = max(least, ansi.StringWidth(h))
			}
			widths[i] = max(widths[i]-over, least)
		}
	}
	row := func(cells []string) string {
		var b strings.Builder
		for i, c := range t.cols {
			v := ""
			if i < len(cells) {
				v = cells[i]
			}
			if ansi.StringWidth(v) > widths[i] {
				v = ansi.Truncate(v, widths[i], "…")
			}
			if i > 0 && !c.join {
				b.WriteString(sep)
			}
			if c.right {
				b.WriteString(padLeft(v, widths[i]))
			} else {
				b.WriteString(padRight(v, widths[i]))
			}
		}
		return strings.TrimRight(b.String(), " ")
	}
	var out []string
	for l := 0; l < headLines; l++ {
		cells := make([]string, n)
		for i := range t.cols {
			// Headings sit at the bottom: a one-line heading on the last line.
			k := l - (headLines - len(heads[i]))
			if k >= 0 {
				cells[i] = heads[i][k]
			}
		}
		out = append(out, row(cells))
	}
	rule := strings.Repeat("-", total())
	out = append(out, rule)
	for _, r := range t.rows {
		out = append(out, row(r))
	}
	if t.total != nil {
		out = append(out, rule, row(t.total))
	}
	return out
}

func padRight(s string, w int) string {
	if d := w - ansi.StringWidth(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

func padLeft(s string, w int) string {
	if d := w - ansi.StringWidth(s); d > 0 {
		return strings.Repeat(" ", d) + s
	}
	return s
}

// wrap breaks text into lines of at most w columns at spaces; the first line
// starts with bullet and the others are indented to match. A word longer
// than a line is cut with ….
func wrap(text string, w int, bullet string) []string {
	words := strings.Fields(text)
	if len(words) == 0 {
		return nil
	}
	indent := strings.Repeat(" ", ansi.StringWidth(bullet))
	var out []string
	cur := bullet
	curW := ansi.StringWidth(bullet)
	empty := true
	for _, word := range words {
		ww := ansi.StringWidth(word)
		if ww > w-len(indent) {
			word = ansi.Truncate(word, w-len(indent), "…")
			ww = ansi.StringWidth(word)
		}
		switch {
		case empty:
			cur += word
			curW += ww
			empty = false
		case curW+1+ww <= w:
			cur += " " + word
			curW += 1 + ww
		default:
			out = append(out, cur)
			cur = indent + word
			curW = len(indent) + ww
		}
	}
	return append(out, cur)
}
