package report

import (
	"bytes"
	"html/template"
	"math/rand/v2"
	"strings"
	"testing"
)

// The reference for tableHTML is the template that wrote the paper's tables
// before it, with its views: each hostile table below is rendered both ways
// and must come out byte for byte the same.

// refTableTmpl is the paper's table as html/template wrote it.
var refTableTmpl = template.Must(template.New("t").Parse(`{{- with .}}
<table class="figures{{if .Short}} short{{end}}">
<caption>Table {{.Number}}: {{.Caption}}</caption>
<thead>
<tr>{{range .Head}}<th scope="col"{{if .Num}} class="num"{{end}}>{{range $i, $l := .Lines}}{{if $i}}<br/>{{end}}{{$l}}{{end}}</th>{{end}}</tr>
</thead>
<tbody>
{{- range .Rows}}
<tr{{with .ID}} id="{{.}}"{{end}}>{{range .Cells}}<td{{if .Num}} class="num"{{end}}>{{if .Href}}<a href="{{.Href}}"{{if .Out}} rel="noopener noreferrer"{{end}}>{{.Text}}</a>{{else}}{{.Text}}{{end}}</td>{{end}}</tr>
{{- end}}
{{- with .Total}}
<tr class="total">{{range .Cells}}<td{{if .Num}} class="num"{{end}}>{{.Text}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- end}}`))

// refTableView is a doc table with its columns merged and aligned for HTML.
type refTableView struct {
	Number  int
	Caption string
	Short   bool // few enough rows to keep on one page
	Head    []refCellView
	Rows    []refRowView
	Total   *refRowView
}

// refRowView is one row; ID is set when other rows link to it.
type refRowView struct {
	ID    string
	Cells []refCellView
}

// refCellView is one cell. Lines holds a heading's lines; Href links the cell
// to an annex row in the same file, or (an annex's source) to the web
// address the figures were published at.
type refCellView struct {
	Text  string
	Lines []string
	Num   bool
	Href  string
	Out   bool // Href is a web address: the link says rel="noopener noreferrer"
}

// refViewTable merges joined columns (a footnote mark) into the cell before
// them and links rows to the annex rows they trace to.
func refViewTable(t table, number int, caption string) *refTableView {
	tv := &refTableView{Number: number, Caption: caption, Short: len(t.rows) <= keepRows}
	merge := func(cells []string, id, href string) refRowView {
		rv := refRowView{ID: id}
		for i, c := range t.cols {
			v := ""
			if i < len(cells) {
				v = cells[i]
			}
			if c.join && len(rv.Cells) > 0 {
				if v != "" {
					rv.Cells[len(rv.Cells)-1].Text += " " + v
				}
				continue
			}
			cell := refCellView{Text: v, Num: c.right}
			if len(rv.Cells) == 0 && v != "" {
				cell.Href = href
			}
			rv.Cells = append(rv.Cells, cell)
		}
		return rv
	}
	for _, c := range t.cols {
		if c.join {
			continue
		}
		tv.Head = append(tv.Head, refCellView{Lines: strings.Split(c.head, "\n"), Num: c.right})
	}
	for i, r := range t.rows {
		id, href := "", ""
		if i < len(t.ids) {
			id = t.ids[i]
		}
		if i < len(t.refs) && t.refs[i] != "" {
			href = "#" + t.refs[i]
		}
		rv := merge(r, id, href)
		if i < len(t.links) && t.links[i] != "" && len(rv.Cells) > 0 {
			rv.Cells[len(rv.Cells)-1].Href, rv.Cells[len(rv.Cells)-1].Out = t.links[i], true
		}
		tv.Rows = append(tv.Rows, rv)
	}
	if t.total != nil {
		total := merge(t.total, "", "")
		tv.Total = &total
	}
	return tv
}

// hostilePieces are the strings random cells are made of: every byte
// either escaper treats specially, URL schemes safe and not, valid and
// invalid percent escapes, non-ASCII and invalid UTF-8.
var hostilePieces = []string{
	"a", "Z", "9", " ", "<", ">", "&", `"`, "'", "+", "\x00", "%", "%41", "%zz", "%4", ":", "/", "#",
	"é", "£", "\uFDD0", "\uFFFE", "\xff", "\xe2\x82", "javascript:", "http://", "HTTPS://", "mailto:",
	"data:", "(", ")", "{", "|", "\\", "^", "`", "~", "-", ".", "_", "?", "=", ";", "[", "]", "\t", "\n",
}

// randomText joins up to 6 hostile pieces.
func randomText(rng *rand.Rand) string {
	var b strings.Builder
	for range rng.IntN(7) {
		b.WriteString(hostilePieces[rng.IntN(len(hostilePieces))])
	}
	return b.String()
}

// randomTable is a table with random columns (some joined, some figures),
// rows, ids, refs, links and perhaps a total, every text from the pieces.
func randomTable(rng *rand.Rand) table {
	var t table
	for range 1 + rng.IntN(5) {
		head := randomText(rng)
		if rng.IntN(3) == 0 {
			head += "\n" + randomText(rng)
		}
		t.cols = append(t.cols, column{head: head, right: rng.IntN(2) == 0, join: rng.IntN(4) == 0})
	}
	rows := rng.IntN(keepRows + 4)
	for range rows {
		var r []string
		for range rng.IntN(len(t.cols) + 2) { // short and long rows too
			r = append(r, randomText(rng))
		}
		t.rows = append(t.rows, r)
		t.ids = append(t.ids, randomText(rng))
		t.refs = append(t.refs, randomText(rng))
		t.links = append(t.links, randomText(rng))
	}
	if rng.IntN(3) == 0 { // ids, refs and links shorter than the rows
		t.ids, t.refs, t.links = t.ids[:rows/2], t.refs[:rows/3], t.links[:rows/4]
	}
	if rng.IntN(2) == 0 {
		t.total = []string{randomText(rng), randomText(rng)}
	}
	return t
}

func TestTableHTMLMatchesTemplate(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 4))
	for i := range 3000 {
		tab := randomTable(rng)
		caption := randomText(rng)
		var want strings.Builder
		if err := refTableTmpl.Execute(&want, refViewTable(tab, i, caption)); err != nil {
			t.Fatal(err)
		}
		got := "\n" + string(tableHTML(tab, i, caption))
		if got != want.String() {
			t.Fatalf("table %d (%#v, caption %q):\n got %q\nwant %q", i, tab, caption, got, want.String())
		}
	}
}

// TestTableHTMLEscapesLinks pins the escapes the comparison relies on, by
// hand: '+' and quotes as html/template writes them, a script scheme
// refused, a space and a bad escape percent-encoded, a good escape kept.
func TestTableHTMLEscapesLinks(t *testing.T) {
	tab := table{
		cols:  []column{{head: "Code"}, {head: "Source"}},
		rows:  [][]string{{`a+b`, `"x" & 'y' <z>`}, {"c", "d"}},
		links: []string{"javascript:alert(1)", "http://e.g/a b%zz%41&c"},
	}
	got := string(tableHTML(tab, 1, "T"))
	for _, want := range []string{
		`<td>a&#43;b</td><td><a href="#ZgotmplZ" rel="noopener noreferrer">&#34;x&#34; &amp; &#39;y&#39; &lt;z&gt;</a></td>`,
		`<td>c</td><td><a href="http://e.g/a%20b%25zz%41&amp;c" rel="noopener noreferrer">d</a></td>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %s:\n%s", want, got)
		}
	}
}

// TestXMLCleanMatchesMap: cleaning the paper in its buffer is strings.Map
// with xmlChar, on text with and without noncharacters and bad UTF-8 (the
// prefix before start is left alone).
func TestXMLCleanMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 5))
	pieces := append([]string{"\U0001FFFE", "\U0010FFFF", "\uFDEF", "\uFDCF", "\uFFFD", "\u1FFE", "😀", "\xf0\x9f",
		"a", "abcdefgh", "<td class=\"num\">12,345</td>"}, // ASCII runs, so a nonchar falls anywhere in an eight-byte word
		hostilePieces...)
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		var buf bytes.Buffer
		buf.WriteString("\uFFFE")
		buf.WriteString(s)
		xmlClean(&buf, len("\uFFFE"))
		if got, want := buf.String(), "\uFFFE"+strings.Map(xmlChar, s); got != want {
			t.Fatalf("xmlClean(%q) = %q, want %q", s, got, want)
		}
	}
}
