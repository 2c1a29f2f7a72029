package xlsxw

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// xmlText is s as a workbook can hold it: each character XML 1.0 forbids,
// and each byte that is not UTF-8, becomes U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				b.WriteRune('\uFFFD')
				continue
			}
		}
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || r >= 0x10000 {
			b.WriteRune(r)
		} else {
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}

// hostilePieces are what the random texts are made of: XML's special
// characters, Excel's _xHHHH_ escapes and pieces of them, controls, line
// ends, characters XML cannot hold, bytes that are not UTF-8, and plain
// and astral Unicode.
var hostilePieces = []string{
	"_x0041_", "_x005F_", "_x001B_", "_xD800_", "_x00e9_", "_", "x", "0", "5F", "A", "_x", "<", ">", "&", "&amp;",
	"]]>", "\"", "'", "\r", "\n", "\r\n", "\t", " ", "\x00", "\x1b", "\x7f", "\u0085", "\u2028", "\uFFFE", "\uFFFF",
	"\uFFFD", "\xff", "\xc3", "£", "é", "日本", "😀", "=SUM(A1)", "<t>", "&#xD;",
}

// TestTextRoundTrips: random hostile texts written as cells read back
// through excelize as the same text, with U+FFFD for what XML cannot hold;
// the _xHHHH_ escapes in them stay literal.
func TestTextRoundTrips(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 2026))
	b := New()
	s := b.AddSheet("Text")
	var want []string
	for i := range 400 {
		var sb strings.Builder
		for range 1 + rng.IntN(12) {
			sb.WriteString(hostilePieces[rng.IntN(len(hostilePieces))])
		}
		want = append(want, sb.String())
		s.Text(1, i+1, sb.String(), 0)
	}
	f := open(t, write(t, b))
	for i, w := range want {
		got, err := f.GetCellValue("Text", CellName(1, i+1), excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if got != xmlText(w) {
			t.Errorf("row %d: wrote %q, read %q, want %q", i+1, w, got, xmlText(w))
		}
	}
}

// TestEscapeOverlaps: escapes that share an underscore are each kept
// literal, as a reader that decodes from the left sees them.
func TestEscapeOverlaps(t *testing.T) {
	texts := []string{"_x005F_x0041_", "_x0041_x0042_", "_x004_x0041_", "__x0041__", "_x0041_x", "_X0041_"}
	b := New()
	s := b.AddSheet("Text")
	for i, x := range texts {
		s.Text(1, i+1, x, 0)
	}
	f := open(t, write(t, b))
	for i, x := range texts {
		if got, _ := f.GetCellValue("Text", CellName(1, i+1)); got != x {
			t.Errorf("%q read back as %q", x, got)
		}
	}
}

// TestLongText: a cell holds at most 32,767 UTF-16 units; an astral
// character takes two, and is never cut in half.
func TestLongText(t *testing.T) {
	b := New()
	s := b.AddSheet("Text")
	s.Text(1, 1, strings.Repeat("a", 40_000), 0)
	s.Text(1, 2, strings.Repeat("😀", 20_000), 0)
	s.Text(1, 3, strings.Repeat("é", MaxCellChars), 0) // 2 bytes, 1 unit each: not cut
	f := open(t, write(t, b))
	for row, want := range map[int]string{1: strings.Repeat("a", MaxCellChars), 2: strings.Repeat("😀", 16_383),
		3: strings.Repeat("é", MaxCellChars)} {
		got, _ := f.GetCellValue("Text", CellName(1, row))
		if got != want {
			t.Errorf("row %d: %d bytes read back, want %d", row, len(got), len(want))
		}
	}
}

func TestNames(t *testing.T) {
	for col, want := range map[int]string{0: "", 1: "A", 26: "Z", 27: "AA", 52: "AZ", 702: "ZZ", 703: "AAA",
		16_384: "XFD", 16_385: ""} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", col, got, want)
		}
	}
	if CellName(28, 5) != "AB5" || CellName(1, 0) != "" || CellName(1, MaxRows+1) != "" || CellName(16_384, MaxRows) != "XFD1048576" {
		t.Error("CellName")
	}
}

// TestErrors: what Excel would refuse or repair is refused when written,
// with the first error, and nothing is written.
func TestErrors(t *testing.T) {
	for _, c := range []struct {
		name, want string
		do         func(b *Book)
	}{
		{"not a number", `xlsx: sheet S!B2: "1,000" is not a number`, func(b *Book) { b.AddSheet("S").Number(2, 2, "1,000", 0) }},
		{"a float's text", `xlsx: sheet S!A1: "NaN" is not a number`, func(b *Book) { b.AddSheet("S").Number(1, 1, "NaN", 0) }},
		{"outside", "xlsx: sheet S: no cell at column 16385, row 1 (a sheet has 16384 columns and 1048576 rows)",
			func(b *Book) { b.AddSheet("S").Text(16_385, 1, "x", 0) }},
		{"row 0", "xlsx: sheet S: no cell at column 1, row 0 (a sheet has 16384 columns and 1048576 rows)",
			func(b *Book) { b.AddSheet("S").Bool(1, 0, true, 0) }},
		{"twice", `xlsx: two sheets are named "data"`, func(b *Book) { b.AddSheet("Data"); b.AddSheet("data") }},
		{"slash", `xlsx: sheet name "a/b" has '/', which Excel does not allow`, func(b *Book) { b.AddSheet("a/b") }},
		{"long", `xlsx: sheet name "` + strings.Repeat("x", 32) + `" must have 1 to 31 characters`,
			func(b *Book) { b.AddSheet(strings.Repeat("x", 32)) }},
		{"no sheet", "xlsx: a workbook needs a sheet", func(*Book) {}},
		{"active", "xlsx: no sheet 1 to make active", func(b *Book) { b.AddSheet("S"); b.SetActive(1) }},
		{"style", "xlsx: sheet S!C3: style 7 is not one of this book's", func(b *Book) { b.AddSheet("S").Text(3, 3, "x", 7) }},
		{"col style", "xlsx: sheet S: style -1 is not one of this book's", func(b *Book) { b.AddSheet("S").ColStyle(1, 2, -1) }},
		{"width", "xlsx: sheet S: column width 300 is not between 0 and 255", func(b *Book) { b.AddSheet("S").ColWidth(1, 1, 300) }},
		{"colour", `xlsx: sheet S: chart colour "blue" is not RRGGBB`, func(b *Book) {
			b.AddSheet("S").AddChart(Chart{Col: 1, Row: 1, Width: 1, Height: 1, Series: []Series{{Colour: "blue"}}})
		}},
		{"date", `xlsx: document time "16/09/2006" is not like 2006-09-16T00:00:00Z`, func(b *Book) {
			b.AddSheet("S")
			b.Props.Created = "16/09/2006"
		}},
	} {
		b := New()
		c.do(b)
		var buf strings.Builder
		_, err := b.WriteTo(&buf)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: %v, want %s", c.name, err, c.want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: %d bytes written", c.name, buf.Len())
		}
	}
}

func TestIsNumber(t *testing.T) {
	for v, want := range map[string]bool{"0": true, "-0.01": true, "12345678901234567890.12": true, "1e5": true,
		"1.5E-07": true, "": false, "-": false, "1.": false, ".5": false, "+1": false, "--1": false, "1e": false,
		"0x10": false, "1 ": false, "Inf": false} {
		if isNumber(v) != want {
			t.Errorf("isNumber(%q) = %v", v, !want)
		}
	}
}

// FuzzText: any text written as a cell reads back through excelize as the
// same text, cut to Excel's limit, with U+FFFD for what XML cannot hold.
func FuzzText(f *testing.F) {
	for _, p := range hostilePieces {
		f.Add(p + " " + p)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := New()
		b.AddSheet("T").Text(1, 1, s, 0)
		var buf strings.Builder
		if _, err := b.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(strings.NewReader(buf.String()))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		got, err := f.GetCellValue("T", "A1", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if want := xmlText(truncate(s)); got != want {
			t.Errorf("wrote %q, read %q, want %q", s, got, want)
		}
	})
}

// TestValueBlocks: values are kept in blocks of blockSize bytes; one
// longer than a block has a block of its own, and the values around it,
// in the block before and a block after, read back as written.
func TestValueBlocks(t *testing.T) {
	b := New()
	s := b.AddSheet("V")
	filler := strings.Repeat("x", 1000)
	rows := blockSize/len(filler) + 5 // past the first block's end
	for r := 1; r <= rows; r++ {
		s.Text(1, r, filler, 0)
		s.Number(2, r, strconv.Itoa(r), 0)
	}
	s.Text(1, rows+1, strings.Repeat("b", 2*blockSize), 0) // cut to MaxCellChars when written
	s.Number(2, rows+1, "42.5", 0)
	if len(s.values) < 3 {
		t.Fatalf("%d blocks, want at least 3", len(s.values))
	}
	f := open(t, write(t, b))
	for r, want := range map[int][2]string{1: {filler, "1"}, rows: {filler, strconv.Itoa(rows)},
		rows + 1: {strings.Repeat("b", MaxCellChars), "42.5"}} {
		a, _ := f.GetCellValue("V", CellName(1, r), excelizeRaw)
		v, _ := f.GetCellValue("V", CellName(2, r), excelizeRaw)
		if a != want[0] || v != want[1] {
			t.Errorf("row %d: %d bytes and %q, want %d bytes and %q", r, len(a), v, len(want[0]), want[1])
		}
	}
}
