package xlsxw

import (
	"bufio"
	"strconv"
)

// styles is the book's registry of cell formats: the custom number formats
// (numbered from 164, the first id Excel leaves to a workbook) and the
// cellXfs, each a number format and a font (0 regular, 1 bold), in the order
// first asked for, so the same calls give the same styles.xml.
type styles struct {
	numFmts []string
	fmtID   map[string]int
	xfs     []xf
	xfID    map[xf]Style
}

type xf struct {
	numFmt int // 0 is General
	bold   bool
}

// firstCustomNumFmt is the id of a workbook's first custom number format.
const firstCustomNumFmt = 164

func (st *styles) init() {
	st.fmtID = map[string]int{}
	st.xfID = map[xf]Style{}
	st.xfs = []xf{{}}
	st.xfID[xf{}] = 0
}

func (st *styles) get(numFmt string, bold bool) Style {
	k := xf{bold: bold}
	if numFmt != "" && numFmt != "General" {
		id, ok := st.fmtID[numFmt]
		if !ok {
			id = firstCustomNumFmt + len(st.numFmts)
			st.numFmts = append(st.numFmts, numFmt)
			st.fmtID[numFmt] = id
		}
		k.numFmt = id
	}
	if s, ok := st.xfID[k]; ok {
		return s
	}
	s := Style(len(st.xfs))
	st.xfs = append(st.xfs, k)
	st.xfID[k] = s
	return s
}

// The fonts: Excel's default (Calibri 11 in the theme's text colour) and
// the same in bold.
const fontsXML = `<fonts count="2">` +
	`<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>` +
	`<font><b val="1"/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>` +
	`</fonts>`

// The parts of styles.xml that do not change: the two fills Excel requires
// (none and gray125), one empty border, the Normal style.
const (
	fillsXML = `<fills count="2"><fill><patternFill patternType="none"/></fill>` +
		`<fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`
	stylesTailXML = `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
		`<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
		`</styleSheet>`
)

// write writes xl/styles.xml: numFmts, fonts, fills, borders, cellStyleXfs,
// cellXfs, cellStyles, dxfs and tableStyles, in the schema's order.
func (st *styles) write(w *bufio.Writer) {
	w.WriteString(xmlHeader + `<styleSheet xmlns="` + nsMain + `">`)
	if len(st.numFmts) > 0 {
		w.WriteString(`<numFmts count="` + strconv.Itoa(len(st.numFmts)) + `">`)
		for i, f := range st.numFmts {
			w.WriteString(`<numFmt numFmtId="` + strconv.Itoa(firstCustomNumFmt+i) + `" formatCode="`)
			writeEscaped(w, f, true)
			w.WriteString(`"/>`)
		}
		w.WriteString(`</numFmts>`)
	}
	w.WriteString(fontsXML + fillsXML)
	w.WriteString(`<cellXfs count="` + strconv.Itoa(len(st.xfs)) + `">`)
	for _, x := range st.xfs {
		font := "0"
		if x.bold {
			font = "1"
		}
		w.WriteString(`<xf numFmtId="` + strconv.Itoa(x.numFmt) + `" fontId="` + font + `" fillId="0" borderId="0" xfId="0"`)
		if x.numFmt != 0 {
			w.WriteString(` applyNumberFormat="1"`)
		}
		if x.bold {
			w.WriteString(` applyFont="1"`)
		}
		w.WriteString(`/>`)
	}
	w.WriteString(`</cellXfs>` + stylesTailXML)
}
