package report

import (
	"bytes"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// width is the most columns the text report uses.
const width = 100

// renderText writes the report for a person reading top to bottom.
func renderText(b *bytes.Buffer, d doc, st styles) error {
	line := func(s string) {
		b.WriteString(strings.TrimRight(s, " "))
		b.WriteByte('\n')
	}
	heading := func(h, underline string) {
		if textWidth(h) > width {
			h = ansi.Truncate(h, width, "…")
		}
		line(st.head(h))
		line(strings.Repeat(underline, min(textWidth(h), width)))
	}
	para := func(s string, w int, bullet string) {
		for _, l := range wrap(s, w, bullet) {
			line(l)
		}
	}

	heading(d.title, "=")
	para(d.note, width, "")
	line("")
	labelW := 0
	for _, f := range d.facts {
		labelW = max(labelW, textWidth(f.label))
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
	para(d.verdictS, width, "")
	for _, n := range d.numbers {
		para(n, width, "- ")
	}

	for _, s := range d.sections {
		line("")
		heading(s.heading, "-")
		for _, p := range s.intro {
			para(p, width, "")
		}
		if s.table != nil {
			writeTextTable(b, *s.table, width)
		}
		for _, p := range s.notes {
			para(p, width, "")
		}
	}

	line("")
	heading("Caveats", "-")
	if len(d.caveats) == 0 {
		line("None.")
	}
	for _, c := range d.caveats {
		para(c, width, "- ")
	}
	return nil
}

// writeTextTable lays a table out in aligned columns within maxWidth,
// truncating flexible columns with … when needed. A heading may run over
// two lines ("Fair\nshare"); a joined column follows the one before it with
// no gap.
func writeTextTable(b *bytes.Buffer, t table, maxWidth int) {
	t = allRows(t) // the layout measures every row before it writes one
	l := newTextLayout(t, maxWidth)
	for k := 0; k < l.headLines; k++ {
		cells := l.headLine(k)
		ws := make([]uint8, len(cells))
		for i, c := range cells {
			ws[i] = cellWidth(textWidth(c))
		}
		l.writeRow(b, cells, ws)
	}
	rule := strings.Repeat("-", l.width())
	b.WriteString(rule + "\n")
	for i, r := range t.rows {
		l.writeRow(b, r, l.rowW(i))
	}
	if t.total != nil {
		b.WriteString(rule + "\n")
		l.writeRow(b, t.total, l.rowW(len(t.rows)))
	}
}

// textSep is the gap between two columns that are not joined.
const textSep = "  "

// textLayout is a table's headings split into lines, the width of each of
// its cells (measured once) and its column widths.
type textLayout struct {
	t         table
	heads     [][]string // each column's heading, line by line
	headLines int
	cellW     []uint8 // each row's cells' widths (cellWidth), then the totals row's, len(cols) a row
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
		for _, h := range l.heads[i] {
			l.widths[i] = max(l.widths[i], textWidth(h))
		}
	}
	rows := len(t.rows)
	if t.total != nil {
		rows++
	}
	l.cellW = make([]uint8, rows*n) // one allocation for every row's widths
	for k := range rows {
		r := t.total // after the rows, not appended to them: that would copy them all
		if k < len(t.rows) {
			r = t.rows[k]
		}
		ws := l.cellW[k*n : (k+1)*n : (k+1)*n]
		for i := 0; i < n && i < len(r); i++ {
			w := textWidth(r[i])
			ws[i] = cellWidth(w)
			l.widths[i] = max(l.widths[i], w)
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
				least = max(least, textWidth(h))
			}
			l.widths[i] = max(l.widths[i]-over, least)
		}
	}
	return l
}

// rowW are row k's cells' widths (the totals row's after the last row).
func (l *textLayout) rowW(k int) []uint8 {
	n := len(l.t.cols)
	return l.cellW[k*n : (k+1)*n : (k+1)*n]
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

// writeRow writes one row, each cell (of width ws[i], as cellWidth keeps
// it) padded to its
// column's width or truncated with …, trailing spaces trimmed, and a line
// end.
func (l *textLayout) writeRow(b *bytes.Buffer, cells []string, ws []uint8) {
	p := b.AvailableBuffer() // the row is appended here and written at once
	for i, c := range l.t.cols {
		v, w := "", 0
		if i < len(cells) {
			v, w = cells[i], int(ws[i])
			if ws[i] == wideCell {
				w = textWidth(v)
			}
		}
		cut := w > l.widths[i] && l.widths[i] >= 1 && plainASCII(v) // cut here, without a new string
		if w > l.widths[i] && !cut {
			v = truncate(v, l.widths[i])
			w = textWidth(v)
		}
		if i > 0 && !c.join {
			p = append(p, textSep...)
		}
		if cut {
			p = append(append(p, v[:l.widths[i]-1]...), "…"...)
			continue
		}
		if c.right {
			p = appendSpaces(p, l.widths[i]-w)
		}
		p = append(p, v...)
		if !c.right {
			p = appendSpaces(p, l.widths[i]-w)
		}
	}
	for len(p) > 0 && p[len(p)-1] == ' ' {
		p = p[:len(p)-1]
	}
	b.Write(append(p, '\n'))
}

// wideCell is the width cellWidth keeps for a cell of that many columns or
// more, whose width is measured again when it is written: a byte a cell
// holds the widths of a table of 100,000 rows in a quarter of the memory.
const wideCell = 255

// cellWidth is w as a cell's width is kept: wideCell when it is that or
// more.
func cellWidth(w int) uint8 { return uint8(min(w, wideCell)) }

// blanks is enough spaces to pad any cell of a table within the width.
var blanks = strings.Repeat(" ", width)

// appendSpaces appends n spaces (none when n ≤ 0).
func appendSpaces(p []byte, n int) []byte {
	for n > len(blanks) {
		p = append(p, blanks...)
		n -= len(blanks)
	}
	if n > 0 {
		p = append(p, blanks[:n]...)
	}
	return p
}

// textWidth is the number of columns s takes: its length when it is plain
// printable ASCII (most cells: figures and codes), else ansi.StringWidth.
func textWidth(s string) int {
	if plainASCII(s) {
		return len(s)
	}
	return ansi.StringWidth(s)
}

// plainASCII reports whether s is printable ASCII only.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// truncate cuts s to at most max columns ending in …, as ansi.Truncate
// does; plain ASCII (one column a byte) is cut directly.
func truncate(s string, max int) string {
	if max >= 1 && len(s) > max && plainASCII(s) {
		return s[:max-1] + "…"
	}
	return ansi.Truncate(s, max, "…")
}

func padRight(s string, w int) string {
	if d := w - textWidth(s); d > 0 {
		return s + strings.Repeat(" ", d)
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
	indent := strings.Repeat(" ", textWidth(bullet))
	var out []string
	cur := bullet
	curW := textWidth(bullet)
	empty := true
	for _, word := range words {
		ww := textWidth(word)
		if ww > w-len(indent) {
			word = ansi.Truncate(word, w-len(indent), "…")
			ww = textWidth(word)
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
