package plan

import (
	"fmt"
	"strings"
	"testing"

	"icsplan/plans"
)

func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(plans.FS, ".", EmbeddedRoot, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// syntheticCSV is a systems file of n systems, a third of them in deficit.
func syntheticCSV(n int) []byte {
	var sb strings.Builder
	sb.WriteString("\ufeff" + templateHeader[0])
	for _, h := range templateHeader[1:] {
		sb.WriteString("," + h)
	}
	sb.WriteString("\r\n")
	for i := 0; i < n; i++ {
		plan := "0"
		if i%3 == 0 {
			plan = fmt.Sprintf("\"(%d,%03d)\"", 10+i%90, i%1000)
		}
		fmt.Fprintf(&sb, "S%06d,\"System %d, synthetic\",Region %d,\"%d,%03d,%03d\",%d.5,%s,,,illustrative\r\n",
			i, i, i%7, 1+i%3, i%1000, (i*7)%1000, 900000+i, plan)
	}
	return []byte(sb.String())
}

func BenchmarkParseSystems10000(b *testing.B) {
	data := syntheticCSV(10000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		tab, err := ReadCSV("s.csv", data)
		if err != nil {
			b.Fatal(err)
		}
		ds, err := ParseSystems(tab, "2023/24")
		if err != nil || len(ds.Systems) != 10000 {
			b.Fatal(err)
		}
	}
}
