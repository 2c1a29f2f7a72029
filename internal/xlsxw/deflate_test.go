package xlsxw

import (
	"archive/zip"
	"bytes"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"icsplan/internal/xlsxw/xlsxwtest"

	"github.com/xuri/excelize/v2"
)

// big is a workbook whose sheet is several chunks long.
func big() *Book {
	b := New()
	s := b.AddSheet("Big")
	money := b.Style("#,##0.00", false)
	for r := 1; r <= 30_000; r++ {
		s.Text(1, r, "System "+strconv.Itoa(r*7919%100_003), 0)
		s.Number(2, r, strconv.Itoa(r*104_729%1_000_003)+".25", money)
	}
	return b
}

// TestChunkedParts: a part of many chunks, and one of exactly a chunk,
// unzip to what was written (the zip reader checks the CRC-32), and the
// bytes do not depend on how many CPUs compressed them.
func TestChunkedParts(t *testing.T) {
	prev := runtime.GOMAXPROCS(1)
	one := write(t, big())
	runtime.GOMAXPROCS(4)
	four := write(t, big())
	runtime.GOMAXPROCS(prev)
	if !bytes.Equal(one, four) {
		t.Error("the workbook differs with the number of CPUs")
	}
	if err := xlsxwtest.Check(one); err != nil {
		t.Fatal(err)
	}
	sheet := parts(t, one)["xl/worksheets/sheet1.xml"]
	if len(sheet) < 3*chunkSize {
		t.Fatalf("the sheet is %d bytes, not several chunks: this test tests nothing", len(sheet))
	}
	f := open(t, one)
	for _, r := range []int{1, 9_999, 30_000} {
		name, _ := f.GetCellValue("Big", CellName(1, r))
		v, _ := f.GetCellValue("Big", CellName(2, r), excelizeRaw)
		if name != "System "+strconv.Itoa(r*7919%100_003) || v != strconv.Itoa(r*104_729%1_000_003)+".25" {
			t.Errorf("row %d: %q %q", r, name, v)
		}
	}

	for _, n := range []int{0, 1, chunkSize - 1, chunkSize, 2 * chunkSize, 2*chunkSize + 1} {
		data := strings.Repeat("<a/>", n/4+1)[:n]
		var buf bytes.Buffer
		c := newCompressor()
		pw := c.part()
		io.WriteString(pw, data)
		zw := zip.NewWriter(&buf)
		if err := pw.finish(zw, "p.xml"); err != nil {
			t.Fatal(err)
		}
		zw.Close()
		c.stop()
		if got := unzipOne(t, buf.Bytes()); got != data {
			t.Errorf("a part of %d bytes unzips to %d bytes", n, len(got))
		}
	}
}

var excelizeRaw = excelize.Options{RawCellValue: true}

func unzipOne(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(zr.File) != 1 {
		t.Fatal(err)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
