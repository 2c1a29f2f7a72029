package report

import (
	"bytes"
	"testing"

	"icsplan/internal/xlsxw/xlsxwtest"
)

// TestXLSXPackage: every workbook the reports write is a sound package
// (each part well-formed XML with a content type, each relationship's
// target present) and the same analysis gives the same bytes.
func TestXLSXPackage(t *testing.T) {
	for _, c := range append(cases(t), shipped{name: "fixture", res: fixture()}) {
		var a, b bytes.Buffer
		for _, buf := range []*bytes.Buffer{&a, &b} {
			if err := Render(buf, c.res, XLSX, Options{}); err != nil {
				t.Fatal(err)
			}
		}
		if err := xlsxwtest.Check(a.Bytes()); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: the same analysis gives different workbooks", c.name)
		}
	}
	p := shippedPanel(t)
	years := renderPanel(t, p, XLSX)
	if err := xlsxwtest.Check(years); err != nil {
		t.Errorf("Years workbook: %v", err)
	}
	if !bytes.Equal(years, renderPanel(t, p, XLSX)) {
		t.Error("the same panel gives different workbooks")
	}
}
