package report

import (
	"bufio"
	"encoding/xml"
	"errors"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/chart"
	"icsplan/plans"

	"golang.org/x/net/html"
)

// parseHTML parses a rendered paper as a browser would.
func parseHTML(t testing.TB, s string) *html.Node {
	t.Helper()
	n, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatalf("parsing the paper: %v", err)
	}
	return n
}

// walk calls f on n and every node below it, in document order.
func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// attr returns n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// blocks are the elements whose text starts on a line of its own.
var blocks = map[string]bool{"p": true, "li": true, "h1": true, "h2": true, "tr": true, "caption": true,
	"figcaption": true, "section": true, "header": true, "main": true, "table": true, "ol": true, "ul": true}

// htmlText is the paper's text content as a reader sees it: one line per
// paragraph, heading, list item or table row (cells separated by " | "),
// whitespace collapsed. The head, styles and charts (which have their own
// golden files in internal/chart) are left out.
func htmlText(root *html.Node) string {
	var b strings.Builder
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			return
		case n.Type == html.ElementNode && (n.Data == "head" || n.Data == "style" || n.Data == "svg" || n.Data == "script"):
			return
		case n.Type == html.ElementNode && n.Data == "br":
			b.WriteString(" ")
			return
		case n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th") && n != root:
			for p := n.PrevSibling; p != nil; p = p.PrevSibling {
				if p.Type == html.ElementNode {
					b.WriteString(" | ")
					break
				}
			}
		}
		block := n.Type == html.ElementNode && blocks[n.Data]
		if block {
			b.WriteString("\n")
		}
		if n.Type == html.ElementNode && n.Data == "li" {
			// A numbered item shows its number, as the paper does.
			k := 1
			for p := n.PrevSibling; p != nil; p = p.PrevSibling {
				if p.Type == html.ElementNode && p.Data == "li" {
					k++
				}
			}
			if n.Parent != nil && n.Parent.Data == "ol" {
				b.WriteString(itoa(k) + ". ")
			} else {
				b.WriteString("• ")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
		if block {
			b.WriteString("\n")
		}
	}
	visit(root)
	var out []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n") + "\n"
}

func TestHTMLGolden(t *testing.T) {
	for _, s := range goldenResults(t) {
		t.Run(s.name, func(t *testing.T) {
			out := renderString(t, s.res, HTML, Options{})
			checkGolden(t, s.name+".html.txt.golden", []byte(htmlText(parseHTML(t, out))))
		})
	}
}

// TestHTMLIsWellFormed parses every paper with a strict XML parser: each
// element closed, attributes quoted, no stray & or <, the inline SVG valid
// XML too. (html.Parse accepts anything; this does not.)
func TestHTMLIsWellFormed(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) {
			checkWellFormed(t, renderString(t, c.res, HTML, Options{}))
		})
	}
}

func checkWellFormed(t *testing.T, doc string) {
	t.Helper()
	if !strings.HasPrefix(doc, "<!DOCTYPE html>\n") {
		t.Errorf("the paper does not start with the HTML5 doctype: %.40q", doc)
	}
	dec := xml.NewDecoder(strings.NewReader(doc))
	dec.Strict = true
	dec.Entity = map[string]string{} // no HTML named entities: only XML's and numeric ones
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, col := dec.InputPos()
			lines := strings.Split(doc, "\n")
			t.Fatalf("not well-formed at %d:%d: %v\n%s", line, col, err, lines[min(line, len(lines))-1])
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if depth != 0 || roots != 1 {
		t.Errorf("depth %d at the end and %d root elements, want 0 and 1", depth, roots)
	}
}

// shape is what a paper's markup is made of: elements and their attribute
// names, with counts.
func shape(root *html.Node) map[string]int {
	out := map[string]int{}
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		out["<"+n.Data+">"]++
		for _, a := range n.Attr {
			out["<"+n.Data+" "+a.Namespace+":"+a.Key+">"]++
		}
	})
	return out
}

// evil carries markup, script, a javascript: URL, quotes of both kinds,
// terminal escapes, bidi overrides and other controls.
const evil = `<script>alert(1)</script>"'><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>` +
	"&amp;&lt; javascript:alert(4) </style></table><!-- " + hostile + "\u202egpj.exe\x00\r\n]]>"

func TestHTMLHostileNamesCannotInject(t *testing.T) {
	clean, dirty := fixture(), fixture()
	dirty.Scenario.Title = evil
	dirty.Scenario.Note = evil
	dirty.Scenario.Paid = evil
	dirty.Dataset.Path = evil
	dirty.Verdict.Text = evil
	dirty.Caveats = append(dirty.Caveats[:len(dirty.Caveats):len(dirty.Caveats)], evil)
	clean.Caveats = append(clean.Caveats, "A plain caveat.")
	dirty.Systems = append(dirty.Systems[:0:0], dirty.Systems...)
	for i := range dirty.Systems {
		s := &dirty.Systems[i]
		s.Code, s.Name, s.Region, s.Source = evil, evil, evil, evil+" illustrative"
		clean.Systems[i].Source = "illustrative"
	}
	out := renderString(t, dirty, HTML, Options{})
	checkWellFormed(t, out)
	got, want := shape(parseHTML(t, out)), shape(parseHTML(t, renderString(t, clean, HTML, Options{})))
	var diff []string
	for k := range got {
		if got[k] != want[k] {
			diff = append(diff, k)
		}
	}
	for k := range want {
		if got[k] == 0 {
			diff = append(diff, k)
		}
	}
	sort.Strings(diff)
	if len(diff) > 0 {
		t.Errorf("hostile names changed the markup (elements or attributes): %v", diff)
	}
	text := htmlText(parseHTML(t, out))
	if !strings.Contains(text, `<script>alert(1)</script>"'><img src=x onerror=alert(2)>`) {
		t.Error("the hostile name is not shown as the text it is")
	}
	if loc := unsafe.FindStringIndex(text); loc != nil {
		t.Errorf("the paper's text carries a raw control or bidi character %q", text[loc[0]:loc[1]])
	}
	checkSelfContained(t, out)
}

func TestHTMLIsSelfContained(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) { checkSelfContained(t, renderString(t, c.res, HTML, Options{})) })
	}
}

// checkSelfContained fails on anything that could fetch, run or navigate:
// script, external resources, links other than to the paper's own ids, and a
// missing Content Security Policy.
func checkSelfContained(t *testing.T, out string) {
	t.Helper()
	root := parseHTML(t, out)
	ids := map[string]bool{}
	walk(root, func(n *html.Node) {
		if id := attr(n, "id"); id != "" {
			ids[id] = true
		}
	})
	csp := false
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "script", "link", "img", "iframe", "object", "embed", "base", "form", "video", "audio", "source", "image", "use", "foreignObject":
			t.Errorf("the paper has a <%s> element", n.Data)
		case "meta":
			if attr(n, "http-equiv") == "Content-Security-Policy" {
				csp = strings.HasPrefix(attr(n, "content"), "default-src 'none';")
			}
		case "style":
			if css := n.FirstChild; css != nil && (strings.Contains(css.Data, "url(") || strings.Contains(css.Data, "@import")) {
				t.Error("the stylesheet fetches something")
			}
		}
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			switch {
			case strings.HasPrefix(k, "on"):
				t.Errorf("<%s> has an event handler %s", n.Data, a.Key)
			case k == "src" || k == "srcset" || k == "action" || k == "formaction" || k == "data" || k == "poster":
				t.Errorf("<%s> loads %s=%q", n.Data, a.Key, a.Val)
			case k == "href" && attr(n, "rel") == "noopener noreferrer":
				// An annex's source links to where it was published: a
				// navigation the reader chooses, never a fetch.
				if !strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "http://") {
					t.Errorf("<%s> links out to %q, not to a web address", n.Data, a.Val)
				}
			case k == "href":
				if !strings.HasPrefix(a.Val, "#") || !ids[a.Val[1:]] {
					t.Errorf("<%s> links to %q, not to one of the paper's own ids", n.Data, a.Val)
				}
			case k == "style" && strings.Contains(a.Val, "url("):
				t.Errorf("<%s> style fetches something: %q", n.Data, a.Val)
			}
		}
	})
	if !csp {
		t.Error("no Content Security Policy forbidding every fetch")
	}
}

// TestHTMLTracesEverySystemToItsSourceLine follows each system's link from
// the Systems table to its annex row, and checks that row's line number
// against the shipped plans file read here, line by line.
func TestHTMLTracesEverySystemToItsSourceLine(t *testing.T) {
	f, err := plans.FS.Open("2023-24/systems.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lines := map[int]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		lines[n] = sc.Text()
	}
	var res shipped
	for _, s := range shippedResults(t) {
		if s.name == "2023-24_deficit-support-feb-2024" {
			res = s
		}
	}
	if res.name == "" {
		t.Fatal("no shipped 2023/24 deficit support scenario")
	}
	root := parseHTML(t, renderString(t, res.res, HTML, Options{}))
	rows := map[string][]string{} // annex row id → cell texts
	links := map[string]string{}  // link target → the linked text
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "tr" && attr(n, "id") != "" {
			var cells []string
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					cells = append(cells, strings.TrimSpace(htmlText(c)))
				}
			}
			rows[attr(n, "id")] = cells
		}
		if n.Type == html.ElementNode && n.Data == "a" {
			links[strings.TrimPrefix(attr(n, "href"), "#")] = strings.TrimSpace(htmlText(n))
		}
	})
	for i, s := range res.res.Systems {
		id := "sys-" + itoa(i+1)
		code := strings.TrimSuffix(links[id], " "+illustrativeMark)
		if code != s.Code {
			t.Errorf("the Systems table links %s as %q, want %s", id, links[id], s.Code)
		}
		cells := rows[id]
		if len(cells) < 4 || !strings.HasPrefix(cells[0], s.Code) {
			t.Fatalf("annex row %s = %q, want %s's", id, cells, s.Code)
		}
		n, err := strconv.Atoi(cells[2])
		if err != nil || !strings.HasPrefix(lines[n], s.Code+",") {
			t.Errorf("%s: the annex says line %q, which is %q", s.Code, cells[2], lines[n])
		}
		if s.Illustrative() != strings.HasSuffix(cells[0], illustrativeMark) {
			t.Errorf("%s: illustrative %v, annex code cell %q", s.Code, s.Illustrative(), cells[0])
		}
	}
}

// TestHTMLIsABoardPaper checks the parts a board paper has, in order, and
// that the summary opens with the verdict and its numbers.
func TestHTMLIsABoardPaper(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) {
			text := htmlText(parseHTML(t, renderString(t, c.res, HTML, Options{})))
			at := -1
			for _, want := range []string{"Report by | ", "Paper type | For noting", "\nPurpose\n",
				"Action required: The Board is asked to note that", "\n1. Summary\n",
				"\n1. Verdict: " + c.res.Verdict.Label.Words() + ". ", "\n2. The scenario and the data\n",
				"Table 1: ", "Caveats\n", "Annex A: "} {
				i := strings.Index(text, want)
				if i <= at {
					t.Fatalf("%q missing or out of order in:\n%s", want, text)
				}
				at = i
			}
			root := parseHTML(t, renderString(t, c.res, HTML, Options{}))
			svgs, captions := 0, 0
			walk(root, func(n *html.Node) {
				if n.Type == html.ElementNode && n.Data == "svg" {
					svgs++
				}
				if n.Type == html.ElementNode && n.Data == "figcaption" {
					captions++
				}
			})
			// Per head, transfers and sensitivity always; repayments when
			// something is due or given in a later year; grant per head against each term whose threshold
			// was found.
			wantFigs := 3
			if !chart.Repayments(c.res).Empty() {
				wantFigs = 4
			}
			if c.res.Incentives != nil {
				for _, l := range c.res.Incentives.Ending.Levers() {
					if l.Status == analysis.LeverFound {
						wantFigs++
					}
				}
			}
			if svgs != wantFigs || captions != wantFigs {
				t.Errorf("%d charts and %d figure captions, want %d", svgs, captions, wantFigs)
			}
			summary := text[strings.Index(text, "1. Summary"):strings.Index(text, "2. The scenario")]
			for _, fig := range []string{poundsPence(c.res.Deficit.GrantPerHead), poundsPence(c.res.Balanced.GrantPerHead),
				pounds(c.res.NetTransferToDeficit)} {
				if !strings.Contains(summary, fig) {
					t.Errorf("the summary lacks %s:\n%s", fig, summary)
				}
			}
		})
	}
}

// FuzzHTMLNames puts arbitrary text in every field a data file or scenario
// can fill and checks the paper: well-formed, and made of the same elements
// and attributes as the paper of plain names (nothing injected).
func FuzzHTMLNames(f *testing.F) {
	for _, s := range []string{"", "Plain name", evil, hostile, "\uffff\ufffe\U0010FFFF\ufdd0", "a\r\nb\nc",
		"</svg><script>x</script>", "]]><![CDATA[", "&#x3c;b&#x3e;", "javascript:alert(1)", "\xff\xfe"} {
		f.Add(s, s)
	}
	plain := fixture()
	want := keys(shape(parseHTML(f, renderString(f, plain, HTML, Options{}))))
	f.Fuzz(func(t *testing.T, name, other string) {
		r := fixture()
		r.Systems = append(r.Systems[:0:0], r.Systems...)
		r.Systems[0].Name = name
		r.Systems[1].Code = other
		r.Systems[2].Name = other + name
		r.Systems[3].Source = name
		r.Scenario.Title = name
		r.Scenario.Note = other
		r.Dataset.Path = other
		r.Caveats = append(r.Caveats[:len(r.Caveats):len(r.Caveats)], name)
		out := renderString(t, r, HTML, Options{})
		checkWellFormed(t, out)
		if got := keys(shape(parseHTML(t, out))); got != want {
			t.Fatalf("names changed the paper's elements or attributes:\n got %s\nwant %s", got, want)
		}
	})
}

// keys lists a shape's kinds of element and attribute, without counts.
func keys(m map[string]int) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// TestChartsShowTheTablesFigures checks that the charts print the figures
// the tables beside them show (both foot their £000 columns the same way).
func TestChartsShowTheTablesFigures(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) {
			d := buildDoc(c.res)
			byCode := map[string]string{}
			tr := chart.Transfers(c.res)
			for _, s := range tr.Series {
				for i, v := range s.Values {
					if !v.Missing {
						byCode[strings.TrimSuffix(tr.Short[i], " "+illustrativeMark)] = v.Text
					}
				}
			}
			sys := allRows(*d.sections[1].table) // Code, mark, Name, G, Plan, Allocated, Per head, Fair share, Transfer, …
			for i, row := range sys.rows {
				if got := byCode[row[0]]; got != row[8] {
					t.Errorf("%s: the chart shows a transfer of %q, the Systems table %q", row[0], got, row[8])
				}
				if i >= len(c.res.Systems) {
					t.Fatal("more rows than systems")
				}
			}
			rep := chart.Repayments(c.res)
			var tab *table
			for _, s := range d.sections {
				if s.heading == "Repayments by year" {
					tab = s.table
				}
			}
			if tab != nil {
				checkChartMatchesYears(t, rep, tab)
			} else if !rep.Empty() {
				t.Error("the chart has repayments the table does not")
			}
		})
	}
}

// checkChartMatchesYears checks the repayments chart against the by-year
// table: the same years (the chart without the table's summed row), each
// series' figure the figure in the table's column of that name, each total
// due the table's total.
func checkChartMatchesYears(t *testing.T, rep chart.Data, tab *table) {
	t.Helper()
	col := map[string]int{}
	for k, c := range tab.cols {
		col[strings.Fields(c.head)[0]] = k
	}
	total, hasTotal := col["Total"]
	n := len(tab.rows)
	if n == chart.YearsShown+1 && strings.Contains(tab.rows[n-1][0], " to ") {
		n-- // the table's last row sums the years the chart leaves out
	}
	if len(rep.Categories) != n {
		t.Fatalf("the chart has %d years, the table %d", len(rep.Categories), n)
	}
	for i, y := range rep.Categories {
		row := tab.rows[i]
		if row[0] != y {
			t.Errorf("year %d: the chart has %s, the table %s", i, y, row[0])
		}
		if hasTotal && !rep.Totals[i].Missing && rep.Totals[i].Text != row[total] {
			t.Errorf("%s: the chart's total is %q, the table's %q", y, rep.Totals[i].Text, row[total])
		}
		for _, s := range rep.Series {
			k, ok := col[strings.Fields(s.Name)[0]]
			if !ok {
				t.Fatalf("the chart's series %q has no column in the table", s.Name)
			}
			if s.Values[i].Text != row[k] {
				t.Errorf("%s %s: the chart shows %q, the table %q", y, s.Name, s.Values[i].Text, row[k])
			}
		}
	}
}

// TestPaperTransfersChartIsTheChart: the paper's transfers chart, which
// takes its figures from the Systems table, is the chart chart.Transfers
// builds, for every test case.
func TestPaperTransfersChartIsTheChart(t *testing.T) {
	c, ok := chart.Lookup("transfers")
	if !ok {
		t.Fatal("no transfers chart")
	}
	for _, tc := range cases(t) {
		got, want := buildChart(c, tc.res, buildDoc(tc.res)), chart.Transfers(tc.res)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the paper's transfers chart is %+v, chart.Transfers builds %+v", tc.name, got, want)
		}
	}
}
