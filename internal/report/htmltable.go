package report

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
)

// The paper's tables are written by hand rather than by the template: at
// 100,000 systems html/template's walk of a row and its cells cost five
// seconds, most of the paper's. The writer escapes every cell and every
// attribute value exactly as html/template does in the same place (text and
// quoted attributes with its HTML escaper, hrefs filtered and normalised as
// URLs first), so the paper is the same byte for byte;
// TestTableHTMLMatchesTemplate renders hostile tables both ways and compares
// them.

// tableHTML is t's markup as the paper shows it (writeTableHTML).
func tableHTML(t table, number int, caption string) template.HTML {
	var b bytes.Buffer
	b.Grow(tableSize(t))
	writeTableHTML(&b, t, number, caption)
	return template.HTML(b.String())
}

// writeTableHTML appends t's markup as the paper shows it to b: its caption
// numbered, its joined columns (a footnote mark) merged into the cell before
// them, and its rows linked to the annex rows they trace to. It is escaped
// throughout.
func writeTableHTML(b *bytes.Buffer, t table, number int, caption string) {
	w := htmlWriter{b: b}
	w.raw(`<table class="figures`)
	if t.len() <= keepRows {
		w.raw(" short")
	}
	w.raw("\">\n<caption>Table ")
	w.raw(strconv.Itoa(number))
	w.raw(": ")
	w.text(caption)
	w.raw("</caption>\n<thead>\n<tr>")
	for _, c := range t.cols {
		if c.join {
			continue
		}
		w.raw(`<th scope="col"`)
		w.numClass(c.right)
		w.b.WriteByte('>')
		for i, l := range strings.Split(c.head, "\n") {
			if i > 0 {
				w.raw("<br/>")
			}
			w.text(l)
		}
		w.raw("</th>")
	}
	w.raw("</tr>\n</thead>\n<tbody>")
	var cells []string // a lazy table's row, made again for each
	if t.lazy != nil {
		cells = make([]string, len(t.cols))
	}
	for i := range t.len() {
		w.raw("\n<tr")
		if i < len(t.ids) && t.ids[i] != "" {
			w.raw(` id="`)
			w.text(t.ids[i])
			w.b.WriteByte('"')
		}
		w.b.WriteByte('>')
		if t.lazy != nil {
			link := t.lazy.row(i, cells)
			w.cells(t.cols, cells, rowCell(t.refs, i), link)
		} else {
			w.cells(t.cols, t.rows[i], rowCell(t.refs, i), rowCell(t.links, i))
		}
		w.raw("</tr>")
	}
	if t.total != nil {
		w.raw("\n<tr class=\"total\">")
		w.cells(t.cols, t.total, "", "")
		w.raw("</tr>")
	}
	w.raw("\n</tbody>\n</table>")
}

// tableSize is a little over the bytes of t's markup when nothing in it
// needs escaping, so that tableHTML grows its buffer once (the paper's
// buffer is grown for the whole paper).
func tableSize(t table) int {
	n := 1024
	if t.lazy != nil {
		n += t.lazy.n * (64 + len(t.cols)*40)
	}
	for i, r := range t.rows {
		n += 64 + len(t.cols)*20 + len(rowCell(t.ids, i)) + 2*len(rowCell(t.refs, i)) + len(rowCell(t.links, i))
		for _, c := range r {
			n += len(c)
		}
	}
	return n
}

// htmlWriter appends escaped markup to b.
type htmlWriter struct{ b *bytes.Buffer }

// raw appends trusted markup as it is.
func (w *htmlWriter) raw(s string) { w.b.WriteString(s) }

// numClass appends the class of a figure's cell.
func (w *htmlWriter) numClass(num bool) {
	if num {
		w.raw(` class="num"`)
	}
}

// cells appends a row's cells. A joined column's value is merged into the
// cell before it after a space; the first cell links to "#" + ref (an annex
// row) when neither is blank, and the last to link (a web address) when
// that is set.
func (w *htmlWriter) cells(cols []column, r []string, ref, link string) {
	// A cell starts at each column that is not joined (and at the first);
	// last is where the last cell starts.
	last := 0
	for i, c := range cols {
		if !c.join || i == 0 {
			last = i
		}
	}
	p := w.b.AvailableBuffer() // the row is appended here and written at once
	for i := 0; i < len(cols); {
		end := i + 1
		for end < len(cols) && cols[end].join {
			end++
		}
		cellRef, cellHref, out := "", "", false
		if i == 0 && rowCell(r, 0) != "" {
			cellRef = ref
		}
		if i == last && link != "" {
			cellRef, cellHref, out = "", link, true
		}
		p = append(p, "<td"...)
		if cols[i].right {
			p = append(p, ` class="num"`...)
		}
		p = append(p, '>')
		if cellRef != "" || cellHref != "" {
			p = append(p, `<a href="`...)
			if plainRef(cellRef) { // "#" + an annex id, as url writes it
				p = append(append(p, '#'), cellRef...)
			} else {
				w.b.Write(p)
				if cellRef != "" {
					w.url("#" + cellRef)
				} else {
					w.url(cellHref)
				}
				p = w.b.AvailableBuffer()
			}
			p = append(p, '"')
			if out {
				p = append(p, ` rel="noopener noreferrer"`...)
			}
			p = append(p, '>')
		}
		p = appendHTMLText(p, rowCell(r, i))
		for j := i + 1; j < end; j++ {
			if v := rowCell(r, j); v != "" {
				p = appendHTMLText(append(p, ' '), v)
			}
		}
		if cellRef != "" || cellHref != "" {
			p = append(p, "</a>"...)
		}
		p = append(p, "</td>"...)
		i = end
	}
	w.b.Write(p)
}

// rowCell is r's i'th cell, or "" past its end.
func rowCell(r []string, i int) string {
	if i < len(r) {
		return r[i]
	}
	return ""
}

// htmlEscapes is html/template's replacement for each byte its HTML
// escaper replaces, in text and in quoted attribute values alike. It is
// not html.EscapeString's or template.HTMLEscapeString's set: those leave
// '+' as it is, and the template writes "&#43;". Every byte replaced is
// ASCII, which no byte of a multi-byte UTF-8 sequence is, so escaping byte
// by byte is escaping rune by rune.
var htmlEscapes = [256]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// text appends s escaped for HTML text or a quoted attribute value.
func (w *htmlWriter) text(s string) { w.b.Write(appendHTMLText(w.b.AvailableBuffer(), s)) }

// appendHTMLText appends s to p escaped as text does.
func appendHTMLText(p []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		if htmlEscaped[s[i]] {
			p = append(append(p, s[start:i]...), htmlEscapes[s[i]]...)
			start = i + 1
		}
	}
	return append(p, s[start:]...)
}

// htmlEscaped marks the bytes htmlEscapes replaces.
var htmlEscaped = func() (m [256]bool) {
	for c, r := range htmlEscapes {
		m[c] = r != ""
	}
	return m
}()

// url appends s as html/template writes an href: a scheme other than http,
// https or mailto replaced by "#ZgotmplZ", every byte a URL may not hold
// percent-encoded (a valid %xx escape kept), then escaped for the
// attribute.
func (w *htmlWriter) url(s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") &&
		!strings.EqualFold(scheme, "mailto") {
		s = "#ZgotmplZ"
	}
	const hex = "0123456789abcdef"
	var n []byte
	start := 0
	for i := 0; i < len(s); i++ {
		if urlKeeps(s, i) {
			continue
		}
		c := s[i]
		n = append(append(n, s[start:i]...), '%', hex[c>>4], hex[c&15])
		start = i + 1
	}
	if n == nil {
		w.text(s)
		return
	}
	w.text(string(append(n, s[start:]...)))
}

// plainRef reports whether "#" + id is written by url as it is: id is not
// blank and holds only letters, digits and hyphens (every annex id,
// "sys-12").
func plainRef(id string) bool {
	for i := 0; i < len(id); i++ {
		if c := id[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return id != ""
}

// urlKeeps reports whether html/template's URL normaliser keeps s[i] as it
// is: an unreserved or reserved byte, or the % of a valid escape.
func urlKeeps(s string, i int) bool {
	c := s[i]
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
		return true
	case c == '%':
		return i+2 < len(s) && isHexByte(s[i+1]) && isHexByte(s[i+2])
	}
	return false
}

// isHexByte reports whether c is a hexadecimal digit.
func isHexByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
