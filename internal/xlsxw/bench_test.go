package xlsxw

import (
	"io"
	"strconv"
	"testing"
)

// BenchmarkWrite writes a sheet shaped like the report's Systems sheet at
// 100,000 systems: four text cells and nineteen numbers a row, 2.3 million
// cells, about 100 MB of XML.
func BenchmarkWrite(b *testing.B) {
	for b.Loop() {
		bk := New()
		s := bk.AddSheet("Systems")
		money := bk.Style(`£#,##0.00;(£#,##0.00)`, false)
		s.ColStyle(5, 23, money)
		for r := 1; r <= 100_000; r++ {
			s.Text(1, r, "S"+strconv.Itoa(100_000+r), 0)
			s.Text(2, r, "Synthetic system "+strconv.Itoa(r), 0)
			s.Text(3, r, "North East and Yorkshire", 0)
			s.Text(4, r, "balanced", 0)
			v := strconv.Itoa(r*7919) + ".25"
			for c := 5; c <= 23; c++ {
				s.Number(c, r, v, 0)
			}
		}
		if _, err := bk.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
