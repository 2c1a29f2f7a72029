package xlsxw

import (
	"bufio"
	"fmt"
	"strconv"
)

// Chart is a native clustered column chart: Excel draws it from the cells
// its series name, so it follows any change to them.
type Chart struct {
	// Title is the chart's title.
	Title string
	// Series are the chart's columns, each a colour.
	Series []Series
	// NumFmt is the number format of the value axis and the data labels,
	// which sit outside the end of each column.
	NumFmt string
	// Col and Row (from 1) are the cell at the chart's top left corner.
	Col, Row int
	// Width and Height are the chart's size in pixels.
	Width, Height int
}

// Series is one series of a chart, each field a reference such as
// 'Summary'!$F$30:$F$31.
type Series struct {
	// Name is the cell holding the series' name, shown in the legend.
	Name string
	// Categories are the cells naming the categories along the axis.
	Categories string
	// Values are the cells holding the figures.
	Values string
	// Colour is the columns' fill as RRGGBB, such as 005EB8.
	Colour string
}

// AddChart draws c on the sheet.
func (s *Sheet) AddChart(c Chart) {
	if c.Col < 1 || c.Col > MaxCols || c.Row < 1 || c.Row > MaxRows || c.Width <= 0 || c.Height <= 0 || len(c.Series) == 0 {
		s.book.fail(fmt.Errorf("xlsx: sheet %s: a chart needs a cell, a size and a series", s.name))
		return
	}
	for _, se := range c.Series {
		if !isColour(se.Colour) {
			s.book.fail(fmt.Errorf("xlsx: sheet %s: chart colour %q is not RRGGBB", s.name, se.Colour))
			return
		}
	}
	s.charts = append(s.charts, c)
}

func isColour(c string) bool {
	if len(c) != 6 {
		return false
	}
	_, err := strconv.ParseUint(c, 16, 32)
	return err == nil
}

// Excel's default column width and row height in pixels, and the EMUs in
// a pixel, with which a chart's size becomes the cells it spans.
const (
	colPixels = 64
	rowPixels = 20
	emuPixel  = 9525
)

// writeDrawing writes a drawing part holding the charts, whose parts are
// the drawing's relationships rId1, rId2, ...
func writeDrawing(w *bufio.Writer, charts []Chart) {
	w.WriteString(xmlHeader + `<xdr:wsDr xmlns:xdr="` + nsDrawing + `" xmlns:a="` + nsDrawingML + `">`)
	for i, c := range charts {
		anchor := func(tag string, col, colOff, row, rowOff int) {
			w.WriteString(`<xdr:` + tag + `><xdr:col>` + strconv.Itoa(col) + `</xdr:col><xdr:colOff>` +
				strconv.Itoa(colOff*emuPixel) + `</xdr:colOff><xdr:row>` + strconv.Itoa(row) + `</xdr:row><xdr:rowOff>` +
				strconv.Itoa(rowOff*emuPixel) + `</xdr:rowOff></xdr:` + tag + `>`)
		}
		w.WriteString(`<xdr:twoCellAnchor editAs="oneCell">`)
		anchor("from", c.Col-1, 0, c.Row-1, 0)
		anchor("to", c.Col-1+c.Width/colPixels, c.Width%colPixels, c.Row-1+c.Height/rowPixels, c.Height%rowPixels)
		id := strconv.Itoa(i + 2)
		w.WriteString(`<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="` + id + `" name="Chart ` + id +
			`"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
			`<a:graphic><a:graphicData uri="` + nsChart + `"><c:chart xmlns:c="` + nsChart + `" xmlns:r="` + nsOfficeRel +
			`" r:id="rId` + strconv.Itoa(i+1) + `"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`)
	}
	w.WriteString(`</xdr:wsDr>`)
}

// Pieces of a chart part that do not change: the text properties of the
// title and of the data labels, an axis line and its labels' text.
const (
	chartBodyPr = `<a:bodyPr rot="0" spcFirstLastPara="0" anchorCtr="0"/>`
	chartGrey   = `<a:solidFill><a:schemeClr val="tx1"><a:lumMod val="15000"/><a:lumOff val="85000"/></a:schemeClr></a:solidFill>`
	chartLine   = `<c:spPr><a:ln w="9525" cap="flat" cmpd="sng" algn="ctr">` + chartGrey + `</a:ln></c:spPr>`
	chartAxTx   = `<c:txPr><a:bodyPr rot="0" spcFirstLastPara="1" vertOverflow="ellipsis" vert="horz" wrap="square" anchor="ctr" anchorCtr="1"/>` +
		`<a:p><a:pPr><a:defRPr sz="900" b="0" i="0" u="none" strike="noStrike" kern="1200" baseline="0">` + chartGrey +
		`<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`
	chartShows = `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>` +
		`<c:showPercent val="0"/><c:showBubbleSize val="0"/>`
)

// writeChart writes a chart part: a clustered column chart with a title, a
// series per Series, labels outside each column's end, gridlines and a
// legend below, in the schema's order.
func writeChart(w *bufio.Writer, c Chart) {
	w.WriteString(xmlHeader + `<c:chartSpace xmlns:c="` + nsChart + `" xmlns:a="` + nsDrawingML + `" xmlns:r="` + nsOfficeRel + `">`)
	w.WriteString(`<c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/><c:chart>`)
	w.WriteString(`<c:title><c:tx><c:rich>` + chartBodyPr + `<a:p><a:pPr><a:defRPr sz="1400" b="0"/></a:pPr>` +
		`<a:r><a:rPr lang="en-GB" sz="1400" b="0"><a:solidFill><a:srgbClr val="595959"/></a:solidFill></a:rPr><a:t>`)
	writeEscaped(w, c.Title, false)
	w.WriteString(`</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`)
	w.WriteString(`<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>`)
	for i, se := range c.Series {
		n := strconv.Itoa(i)
		w.WriteString(`<c:ser><c:idx val="` + n + `"/><c:order val="` + n + `"/><c:tx><c:strRef><c:f>`)
		writeEscaped(w, se.Name, false)
		w.WriteString(`</c:f></c:strRef></c:tx><c:spPr><a:solidFill><a:srgbClr val="` + se.Colour + `"/></a:solidFill></c:spPr>` +
			`<c:invertIfNegative val="0"/><c:dLbls>`)
		writeNumFmt(w, c.NumFmt)
		w.WriteString(`<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:dLblPos val="outEnd"/>` + chartShows + `</c:dLbls><c:cat><c:strRef><c:f>`)
		writeEscaped(w, se.Categories, false)
		w.WriteString(`</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>`)
		writeEscaped(w, se.Values, false)
		w.WriteString(`</c:f></c:numRef></c:val></c:ser>`)
	}
	w.WriteString(`<c:gapWidth val="150"/><c:axId val="100000000"/><c:axId val="100000001"/></c:barChart>`)
	w.WriteString(`<c:catAx><c:axId val="100000000"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
		`<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
		`<c:tickLblPos val="nextTo"/>` + chartLine + chartAxTx + `<c:crossAx val="100000001"/><c:crosses val="autoZero"/>` +
		`<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`)
	w.WriteString(`<c:valAx><c:axId val="100000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
		`<c:axPos val="l"/><c:majorGridlines>` + chartLine + `</c:majorGridlines>`)
	writeNumFmt(w, c.NumFmt)
	w.WriteString(`<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` + chartLine + chartAxTx +
		`<c:crossAx val="100000000"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>`)
	w.WriteString(`<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
		`<c:dispBlanksAs val="gap"/></c:chart><c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" ` +
		`header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings></c:chartSpace>`)
}

func writeNumFmt(w *bufio.Writer, format string) {
	if format == "" {
		format = "General"
	}
	w.WriteString(`<c:numFmt formatCode="`)
	writeEscaped(w, format, true)
	w.WriteString(`" sourceLinked="0"/>`)
}
