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
	l := newTextLayout(t, maxWidth)
	var out []string
	for k := 0; k < l.headLines; k++ {
		out = append(out, l.row(l.headLine(k)))
	}
	rule := strings.Repeat("-", l.width())
	out = append(out, rule)
	for _, r := range t.rows {
		out = append(out, l.row(r))
	}
	if t.total != nil {
		out = append(out, rule, l.row(t.total))
	}
	return out
}

// textSep is the gap between two columns that are not joined.
const textSep = "  "

// textLayout is a table's headings split into lines and its column widths.
type textLayout struct {
	t         table
	heads     [][]string // each column's heading, line by line
	headLines int
	widths    []int
}

// newTextLayout sizes each column to its widest heading line or cell, caps
// it at the column's maxw, then shrinks flexible columns, left to right,
// until the table fits maxWidth (a flexible column keeps at least 8 cells or
// its heading's width).
func newTextLayout(t table, maxWidth int) *textLayout {
	n := len(t.cols)
	l := &textLayout{t: t, heads: make([][]string, n), headLines: 1, widths: make([]int, n)}
	for i, c := range t.cols {
		l.heads[i] = strings.Split(c.head, "\n")
		l.headLines = max(l.headLines, len(l.heads[i]))
	}
	all := append([][]string{}, t.rows...)
	if t.total != nil {
		all = append(all, t.total)
	}
	for i := range t.cols {
		for _, h := range l.heads[i] {
			l.widths[i] = max(l.widths[i], ansi.StringWidth(h))
		}
		for _, r := range all {
			if i < len(r) {
				l.widths[i] = max(l.widths[i], ansi.StringWidth(r[i]))
			}
		}
	}
	for i, c := range t.cols {
		if c.maxw > 0 && l.widths[i] > c.maxw {
			l.widths[i] = c.maxw
		}
	}
	for i, c := range t.cols {
		if over := l.width() - maxWidth; over > 0 && c.flex {
			least := 8
			for _, h := range l.heads[i] {
				least = max(least, ansi.StringWidth(h))
			}
			l.widths[i] = max(l.widths[i]-over, least)
		}
	}
	return l
}

// width is the table's width: the columns and the gaps between them.
func (l *textLayout) width() int {
	s := 0
	for i, w := range l.widths {
		s += w
		if i > 0 && !l.t.cols[i].join {
			s += len(textSep)
		}
	}
	return s
}

// headLine is line k of the headings; headings sit at the bottom, so a
// one-line heading is on the last line.
func (l *textLayout) headLine(k int) []string {
	cells := make([]string, len(l.t.cols))
	for i := range l.t.cols {
		if h := k - (l.headLines - len(l.heads[i])); h >= 0 {
			cells[i] = l.heads[i][h]
		}
	}
	return cells
}

// row lays one row out, each cell padded to its column's width or truncated
// with …, and trailing spaces trimmed.
func (l *textLayout) row(cells []string) string {
	var b strings.Builder
	for i, c := range l.t.cols {
		v := ""
		if i < len(cells) {
			v = cells[i]
		}
		if ansi.StringWidth(v) > l.widths[i] {
			v = ansi.Truncate(v, l.widths[i], "…")
		}
		if i > 0 && !c.join {
			b.WriteString(textSep)
		}
		if c.right {
			b.WriteString(padLeft(v, l.widths[i]))
		} else {
			b.WriteString(padRight(v, l.widths[i]))
		}
	}
	return strings.TrimRight(b.String(), " ")
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
