package report

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"html/template"
	"strconv"
	"strings"
	"unicode/utf8"

	"icsplan/internal/analysis"
	"icsplan/internal/chart"
)

// The HTML format is a board paper in one self-contained file: inline CSS,
// inline SVG charts, no script and nothing fetched from anywhere (a Content
// Security Policy forbids it). It is laid out the way NHS board papers are —
// title, "Report by", "Paper type", purpose, the action the Board is asked
// to take, a numbered summary with the verdict and its numbers, numbered
// sections with their tables in £000 (negatives in brackets), caveats and
// an annex tracing every system to its source row — and is built from the
// same doc as the text and markdown reports. html/template escapes every
// piece of text from the data.

var (
	//go:embed paper.tmpl
	paperTemplate string
	//go:embed paper.css
	paperCSS string
)

// paperTmpl is the paper's template; "css" holds the stylesheet, parsed as
// template text (trusted) so it is inlined as it is written.
var paperTmpl = func() *template.Template {
	t := template.Must(template.New("paper").Parse(paperTemplate))
	template.Must(t.New("css").Parse(paperCSS))
	return t
}()

// paperView is the doc laid out for the template: numbered, with the text
// every board paper carries.
type paperView struct {
	Title, Note  string
	Meta         []fact
	Purpose      string
	Action       string
	VerdictWords string
	VerdictClass string
	VerdictText  string
	Numbers      []string
	Closing      string
	Facts        []fact
	FactsNumber  int
	Sections     []sectionView
	CaveatNumber int
	Caveats      []string
	Annexes      []sectionView
}

// sectionView is one numbered section (or an annex) of the paper.
type sectionView struct {
	ID      string
	Number  string // "3." for a section; "" for an annex, whose heading names it
	Heading string
	Intro   []string
	Figures []figureView
	Table   template.HTML // the section's table, written and escaped by tableHTML
	Notes   []string
	Class   string // "keep": short and without a chart, print moves it whole to the next page rather than split it; "first": the body starts a page
}

// figureView is a chart drawn inline.
type figureView struct {
	Number  int
	Caption string
	SVG     template.HTML // drawn by internal/chart from sanitised labels; its text is escaped there
}

// Field accessors the template needs for facts (fact's fields are unexported).
func (f fact) Label() string { return f.label }
func (f fact) Value() string { return f.value }

// renderHTML writes the board paper into buf; charts maps a section's
// chart name to its inline SVG (sections whose chart is missing have none).
// The template writes the paper with a mark where each table goes
// (paperTables), and the tables are written straight into buf in their
// places: a table of 100,000 rows is not copied through the template.
func renderHTML(buf *bytes.Buffer, d doc, charts map[string]figure) error {
	v := paperView{
		Title:        d.title,
		Note:         d.note,
		VerdictWords: d.verdict.Words(),
		VerdictClass: "verdict-" + strings.ReplaceAll(string(d.verdict), "_", "-"),
		VerdictText:  d.verdictS,
		Numbers:      d.numbers,
		Facts:        d.facts,
		Caveats:      d.caveats,
	}
	v.Meta, v.Purpose, v.Action, v.Closing = paperFrame(d)
	// Section 1 is the summary and 2 the scenario; the doc's sections follow.
	v.FactsNumber = 2
	tables, figures := 0, 0
	var pt paperTables
	for i, s := range d.sections {
		sv := viewSection(s, "s"+itoa(i+3), itoa(i+3)+".", i == 0, &tables, &figures, charts, pt.mark)
		v.Sections = append(v.Sections, sv)
	}
	v.CaveatNumber = len(d.sections) + 3
	for i, s := range d.annexes {
		v.Annexes = append(v.Annexes, viewSection(s, "annex-"+itoa(i+1), "", false, &tables, &figures, charts, pt.mark))
	}
	var page bytes.Buffer
	if err := paperTmpl.ExecuteTemplate(&page, "paper", v); err != nil {
		return err
	}
	pt.splice(buf, page.Bytes())
	return nil
}

// paperTables holds the paper's tables while the template writes the rest
// of it: each table's place is marked with a NUL, its number and a NUL,
// which nothing else in the paper holds (html/template writes a NUL in
// text or an attribute as U+FFFD, and sanitised chart labels have none).
type paperTables struct{ tabs []paperTable }

// paperTable is one table and its number and caption.
type paperTable struct {
	t       table
	number  int
	caption string
}

// mark keeps t for splice and returns the mark of its place.
func (p *paperTables) mark(t table, number int, caption string) template.HTML {
	p.tabs = append(p.tabs, paperTable{t, number, caption})
	return template.HTML("\x00" + itoa(len(p.tabs)-1) + "\x00")
}

// splice writes page into buf with each mark replaced by its table.
func (p *paperTables) splice(buf *bytes.Buffer, page []byte) {
	for {
		i := bytes.IndexByte(page, 0)
		if i < 0 {
			buf.Write(page)
			return
		}
		j := bytes.IndexByte(page[i+1:], 0)
		k, err := strconv.Atoi(string(page[i+1 : i+1+max(j, 0)]))
		if j < 0 || err != nil || k < 0 || k >= len(p.tabs) {
			buf.Write(page[:i+1]) // not a mark (never, as above): kept as it is
			page = page[i+1:]
			continue
		}
		buf.Write(page[:i])
		t := p.tabs[k]
		writeTableHTML(buf, t.t, t.number, t.caption)
		page = page[i+1+j+1:]
	}
}

// figure is a chart ready to inline: its caption and SVG markup.
type figure struct {
	caption string
	svg     template.HTML
}

// paperFrame writes the board paper's own words around the analysis: the
// header facts, the purpose, the action required and the summary's last
// paragraph.
func paperFrame(d doc) (meta []fact, purpose, action, closing string) {
	meta = []fact{
		{"Report by", "Chief Finance Officer (figures computed by icsplan, exactly, from the plans as read)"},
		{"Paper type", "For noting"},
	}
	for _, f := range d.facts {
		if f.label == "Dataset" {
			meta = append(meta, fact{"Data", f.value})
		}
	}
	purpose = "To set out whether this money rewards the systems that planned a deficit over those that " +
		"planned to balance, by how much, and how robust that answer is to the assumptions, with every " +
		"figure traced to its source."
	action = "The Board is asked to note that, on the terms and assumptions set out in section 2, " +
		actionWords(d.verdict) + ", and the caveats in section " + itoa(len(d.sections)+3) + "."
	closing = "Section 2 sets out the terms and assumptions; sections 3 to " + itoa(len(d.sections)+2) +
		" give the figures; Annex A traces every system to its row in the plans file."
	return meta, purpose, action, closing
}

// actionWords is the verdict as the Board is asked to note it.
func actionWords(l analysis.Label) string {
	switch l {
	case analysis.RewardsDeficit:
		return "the money rewards systems that planned a deficit over those that planned to balance"
	case analysis.RewardsBalanced:
		return "the money rewards systems that planned to balance over those that planned a deficit"
	case analysis.Neutral:
		return "the money neither rewards deficit plans nor balanced plans"
	default:
		return "the money cannot be compared between deficit and balanced plans, since one group is empty"
	}
}

// keepRows is the most rows a section's table has for print to keep the
// section on one page; a longer table splits, its header repeated.
const keepRows = 16

// sectionCharts are the registered charts that illustrate s, in order.
func sectionCharts(s section) []string {
	if s.chart == "" {
		return s.extra
	}
	return append([]string{s.chart}, s.extra...)
}

// viewSection lays out one section, numbering its table and figures; tab
// makes its table's markup (tableHTML, or a paperTables mark).
func viewSection(s section, id, number string, first bool, tables, figures *int, charts map[string]figure,
	tab func(t table, number int, caption string) template.HTML) sectionView {
	sv := sectionView{ID: id, Number: number, Heading: s.heading, Intro: s.intro, Notes: s.notes}
	for _, name := range sectionCharts(s) {
		if f, ok := charts[name]; ok {
			*figures++
			sv.Figures = append(sv.Figures, figureView{Number: *figures, Caption: f.caption, SVG: f.svg})
		}
	}
	if s.table != nil {
		*tables++
		sv.Table = tab(*s.table, *tables, s.heading)
	}
	var class []string
	if len(sv.Figures) == 0 && (s.table == nil || s.table.len() <= keepRows) {
		class = append(class, "keep")
	}
	if first {
		class = append(class, "first")
	}
	sv.Class = strings.Join(class, " ")
	return sv
}

// renderHTMLReport builds the doc and the charts and writes the paper into
// buf.
func renderHTMLReport(buf *bytes.Buffer, r analysis.Result) error {
	d := buildDoc(r)
	figs := map[string]figure{}
	var names []string
	for _, s := range d.sections {
		names = append(names, sectionCharts(s)...)
	}
	for _, name := range names {
		c, ok := chart.Lookup(name)
		if !ok {
			continue
		}
		data := buildChart(c, r, d)
		if data.Empty() {
			continue // the section's own words say why (a grant has no repayments)
		}
		caption := data.Title
		data.Title = "" // the figure's caption carries it
		svg, err := chart.InlineSVG(data, paperSize(c.Name))
		if err != nil {
			return err
		}
		// Trusted markup: gonum escapes every text it draws (html.EscapeString)
		// and the chart's labels are sanitised; TestHTMLHostileNamesCannotInject
		// checks that a hostile name adds no element or attribute.
		figs[c.Name] = figure{caption: caption, svg: template.HTML(svg)}
	}
	start := buf.Len()
	if err := renderHTML(buf, d, figs); err != nil {
		return err
	}
	xmlClean(buf, start)
	return nil
}

// buildChart builds chart c of r; the transfers chart takes its figures
// from the Systems table of d, which shows them already (chart.Transfers
// would foot them again: the same figures, TestChartsShowTheTablesFigures).
func buildChart(c chart.Chart, r analysis.Result, d doc) chart.Data {
	if c.Name != "transfers" {
		return c.Build(r)
	}
	for _, s := range d.sections {
		if s.chart != "transfers" || s.table == nil || s.table.len() != len(r.Systems) {
			continue
		}
		for k, col := range s.table.cols {
			if col.head != "Transfer" {
				continue
			}
			t := s.table
			if t.lazy == nil {
				return chart.TransfersShown(r, func(i int) string { return t.rows[i][k] })
			}
			cells := make([]string, len(t.cols)) // a row made for each bar shown
			return chart.TransfersShown(r, func(i int) string { t.lazy.row(i, cells); return cells[k] })
		}
	}
	return c.Build(r)
}

// xmlClean maps what buf holds from start through xmlChar, as strings.Map
// does (which also replaces each byte of invalid UTF-8 with U+FFFD); the
// paper's text is sanitised, so usually there is nothing to change and
// nothing is copied.
func xmlClean(buf *bytes.Buffer, start int) {
	tail := buf.Bytes()[start:]
	if utf8.Valid(tail) && !hasNonchar(tail) {
		return
	}
	s := strings.Map(xmlChar, string(tail))
	buf.Truncate(start)
	buf.WriteString(s)
}

// hasNonchar reports whether b holds a rune xmlChar replaces. Each of them
// is encoded in UTF-8 with the lead byte 0xEF (U+FDD0 to U+FFFF) or 0xF0 to
// 0xF4 (the other planes), so only runes with a lead of 0xEF or more are
// decoded; eight bytes of ASCII (most of a paper) are passed over at once.
func hasNonchar(b []byte) bool {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 == 0 {
			continue
		}
		for j := i; j < i+8; j++ {
			if nonchar(b, j) {
				return true
			}
		}
	}
	for ; i < len(b); i++ {
		if nonchar(b, i) {
			return true
		}
	}
	return false
}

// nonchar reports whether a rune xmlChar replaces starts at b[i].
func nonchar(b []byte, i int) bool {
	if b[i] < 0xEF {
		return false
	}
	r, _ := utf8.DecodeRune(b[i:])
	return xmlChar(r) != r
}

// xmlChar replaces the Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0 to
// U+FDEF and the last two of every plane), which sanitised text keeps but
// neither HTML nor SVG may hold, with U+FFFD.
func xmlChar(r rune) rune {
	if (r >= 0xfdd0 && r <= 0xfdef) || r&0xfffe == 0xfffe {
		return '\uFFFD'
	}
	return r
}

// paperSize is a chart's size in the paper: the text's width (180 mm at 96
// pixels to the inch, so the chart's type prints at its own size), and a
// height that suits the chart.
func paperSize(name string) chart.Size {
	const width = 680
	switch name {
	case "transfers": // bars stand as columns labelled by code
		return chart.Size{Width: width, Height: 270}
	case "sensitivity":
		return chart.Size{Width: width, Height: 230}
	default:
		return chart.Size{Width: width, Height: 200}
	}
}
