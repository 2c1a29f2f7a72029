package plan

import (
	"testing"

	"icsplan/internal/xlsxw/xlsxwtest"
)

// TestTemplateXLSXPackage: the xlsx template is a sound package, the same
// bytes every time.
func TestTemplateXLSXPackage(t *testing.T) {
	a, err := Template("xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if err := xlsxwtest.Check(a); err != nil {
		t.Error(err)
	}
	b, _ := Template("xlsx")
	if string(a) != string(b) {
		t.Error("the template differs from one run to the next")
	}
}
