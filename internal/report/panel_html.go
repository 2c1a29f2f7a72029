package report

import (
	"bytes"
	_ "embed"
	"html/template"
	"strings"
	"sync"
)

//go:embed panel.tmpl
var panelTemplate string

// panelTmpl is the Years paper's template: the board paper's own, with its
// stylesheet and section layout, and a cover and summary of its own. It is
// parsed when the first Years paper is written, not when the program
// starts, which every other report would pay for; the paper's template is
// cloned at start, as html/template clones only a template not yet run.
var panelTmpl = sync.OnceValue(func() *template.Template { return template.Must(panelBase.Parse(panelTemplate)) })

var panelBase = template.Must(paperTmpl.Clone())

// panelView is the Years doc laid out for the template.
type panelView struct {
	Title        string
	Facts        []fact
	Purpose      string
	Reading      string
	Sections     []sectionView
	CaveatNumber int
	Caveats      []string
}

// renderPanelHTML writes the Years report as a board paper in one
// self-contained file, numbered as the one-year paper is.
func renderPanelHTML(buf *bytes.Buffer, d panelDoc) error {
	v := panelView{Title: d.title, Reading: d.reading, Caveats: d.caveats,
		Facts: append([]fact{{"Report by", "Chief Finance Officer (figures computed by icsplan, exactly, from the plans as read)"},
			{"Paper type", "For noting"}}, d.facts...),
		Purpose: "To set out, across the years of plans, whether systems that were paid went on to plan deficits, " +
			"whether a bigger planned deficit brought more money, and what is still owed: is planning a bidding process?"}
	tables, figures := 0, 0
	for i, s := range d.sections {
		v.Sections = append(v.Sections, viewSection(s, "s"+itoa(i+2), itoa(i+2)+".", i == 0, &tables, &figures, nil, tableHTML))
	}
	v.CaveatNumber = len(d.sections) + 2
	var b strings.Builder
	if err := panelTmpl().ExecuteTemplate(&b, "panelpaper", v); err != nil {
		return err
	}
	buf.WriteString(strings.Map(xmlChar, b.String()))
	return nil
}
