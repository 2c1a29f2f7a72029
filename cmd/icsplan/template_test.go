package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"icsplan/internal/plan"
)

func TestTemplate(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"plans.csv", "plans.xlsx"} {
		path := filepath.Join(dir, name)
		r := runArgs(t, "template", "-o", path)
		r.want(t, exitOK)
		data, err := os.ReadFile(path)
		if err != nil || len(data) == 0 {
			t.Fatalf("%s: %v", name, err)
		}
		var tab plan.Table
		if strings.HasSuffix(name, ".csv") {
			tab, err = plan.ReadCSV(name, data)
		} else {
			tab, err = plan.ReadXLSX(name, data, "")
		}
		if err != nil {
			t.Fatalf("%s does not read back: %v", name, err)
		}
		head := strings.ToLower(strings.Join(tab.Header.Cells, ","))
		for _, col := range []string{"code", "name", "population", "plan"} {
			if !strings.Contains(head, col) {
				t.Errorf("%s header %q lacks %s", name, head, col)
			}
		}
	}
}
