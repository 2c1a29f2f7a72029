package report

import (
	"strconv"
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"
)

// The board paper's annexes: every system's row as read, so that each
// figure in the paper can be traced to its source row (file and line) and
// the source text that vouches for it. Only the HTML paper shows them.

// annexID is the id of system i's row in the sources annex; the paper's
// system rows link to it.
func annexID(i int) string { return "sys-" + itoa(i+1) }

// annexIDs are annexID(0) to annexID(n-1), sliced from one string.
func annexIDs(n int) []string {
	b := make([]byte, 0, n*11)
	ends := make([]int, n)
	for i := range n {
		b = strconv.AppendInt(append(b, "sys-"...), int64(i+1), 10)
		ends[i] = len(b)
	}
	s, out, start := string(b), make([]string, n), 0
	for i, e := range ends {
		out[i], start = s[start:e], e
	}
	return out
}

// sourceAnnex lists each system's inputs as read, with the line (CSV) or row
// (XLSX) of the file they came from and the row's source text; row i's id
// is ids[i] (annexIDs).
func sourceAnnex(r analysis.Result, ids []string) section {
	path := clean(r.Dataset.Path)
	where := "Line"
	if strings.HasSuffix(strings.ToLower(path), ".xlsx") {
		where = "Row"
	}
	forecast, outturn, graded, illustrative, linked := false, false, false, false, false
	for _, s := range r.Systems {
		forecast = forecast || s.Forecast.Known
		outturn = outturn || s.Outturn.Known
		graded = graded || s.Confidence != plan.ConfidenceUnknown
		illustrative = illustrative || s.Illustrative()
		linked = linked || webAddress(s.SourceURL) != ""
	}
	t := &table{cols: []column{
		{head: "Code"},
		{head: "", join: true},
		{head: "Name"},
		{head: where, right: true},
		{head: "Population", right: true},
		{head: "Weighted\npopulation", right: true},
		{head: "Plan", right: true},
	}}
	if forecast {
		t.cols = append(t.cols, column{head: "Forecast", right: true})
	}
	if outturn {
		t.cols = append(t.cols, column{head: "Outturn", right: true})
	}
	if graded {
		t.cols = append(t.cols, column{head: "Conf."})
	}
	t.cols = append(t.cols, column{head: "Source"})
	t.ids = ids
	t.lazy = &lazyRows{n: len(r.Systems), row: annexRow(r.Systems, forecast, outturn, graded)}
	notes := []string{"A blank forecast or outturn is unknown, not zero."}
	if graded {
		notes = append(notes, "Conf.: how well the row's figures are known, as the file grades them: "+
			"H an NHS England or ICB document, M a trade or local report of one, L an aggregator or a "+
			"paraphrase whose scope is unclear; blank, not graded.")
	}
	if linked {
		notes = append(notes, "A source with a published address links to it.")
	}
	if illustrative {
		notes = append(notes, illustrativeNote)
	}
	return section{
		heading: "Annex A: the systems' figures as read, with their sources",
		intro: []string{"Each system's row of " + path + ", in file order, with its " + strings.ToLower(where) +
			" number in that file. £000 except populations. Every per-system figure in this paper is computed " +
			"from these inputs and the scenario's terms."},
		table: t,
		notes: notes,
	}
}

// annexRow makes the sources annex's row i from systems[i]: code, mark,
// name, line, population, weighted population and plan, the forecast and
// the outturn when the annex has those columns, the grade when it is graded,
// and the source; it returns the source's web address.
func annexRow(systems []analysis.SystemResult, forecast, outturn, graded bool) func(i int, row []string) string {
	var cb cellBuf
	return func(i int, row []string) string {
		s := &systems[i]
		row[0], row[1], row[2] = clean(s.Code), "", clean(s.Name)
		if s.Illustrative() {
			row[1] = illustrativeMark
		}
		cb.int(int64(s.Line))
		cb.count(s.Population)
		cb.grouped(s.WeightedPopulation)
		cb.k(s.Plan)
		if forecast {
			cb.knownK(s.Forecast.Known, s.Forecast.Value)
		}
		if outturn {
			cb.knownK(s.Outturn.Known, s.Outturn.Value)
		}
		k := 3 + len(cb.take(row[3:3]))
		if graded {
			row[k], k = string(s.Confidence), k+1
		}
		row[k] = clean(s.Source)
		return webAddress(s.SourceURL)
	}
}

// webAddress is addr if it is an http or https address with nothing the
// paper should not link to, else "".
func webAddress(addr string) string {
	a := strings.TrimSpace(addr)
	lower := strings.ToLower(a)
	if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") {
		return ""
	}
	if strings.ContainsAny(a, " \t\r\n\"'<>`") || clean(a) != a {
		return ""
	}
	return a
}
