package xlsxw

import (
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"strconv"
	"testing"
)

// inflate ends z's stream and inflates it, checking the CRC-32 and size
// z kept of its bytes.
func inflate(t testing.TB, z *tokenWriter) []byte {
	t.Helper()
	z.code(true)
	got, err := io.ReadAll(flate.NewReader(bytes.NewReader(z.out)))
	if err != nil {
		t.Fatalf("inflating: %v", err)
	}
	if z.size != len(got) || z.crc != crc32.ChecksumIEEE(got) {
		t.Errorf("kept size %d and CRC %08x, not %d and %08x", z.size, z.crc, len(got), crc32.ChecksumIEEE(got))
	}
	return got
}

// TestTokensRoundTrip: segments and literals, some repeated within the
// window and some far beyond it, some colliding in the table, inflate to
// exactly the bytes written, across several chunks.
func TestTokensRoundTrip(t *testing.T) {
	z := newTokenWriter()
	var want bytes.Buffer
	rng := rand.New(rand.NewPCG(1, 2))
	for row := 1; want.Len() < 3*chunkSize+12345; row++ {
		n := []byte(strconv.Itoa(row))
		for col := range 1 + rng.IntN(30) {
			for _, s := range [][]byte{[]byte(`</v></c><c r="` + ColumnName(col+1)), n, []byte(`" s="2"><v>`)} {
				z.seg(s)
				want.Write(s)
			}
			v := []byte(strconv.Itoa(rng.IntN(1 << (rng.IntN(40) + 1))))
			if rng.IntN(3) == 0 {
				z.lit(v)
			} else {
				z.seg(v)
			}
			want.Write(v)
		}
		if row%97 == 0 { // a long segment, longer than a match
			long := bytes.Repeat([]byte("0123456789"), 30)
			z.seg(long)
			want.Write(long)
		}
	}
	if got := inflate(t, z); !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("inflated %d bytes, want %d", len(got), want.Len())
	}
	if want.Len() < 3*chunkSize {
		t.Errorf("%d bytes are not several chunks", want.Len())
	}
}

// TestTokensEmpty: a part with no bytes is an empty deflate stream.
func TestTokensEmpty(t *testing.T) {
	z := newTokenWriter()
	if got := inflate(t, z); len(got) != 0 {
		t.Fatalf("inflated %q", got)
	}
}

// FuzzTokens: any sequence of segments and literals inflates to its bytes.
func FuzzTokens(f *testing.F) {
	f.Add([]byte("abcabcabc\x00abc\x01abcabc"))
	f.Add(bytes.Repeat([]byte{7}, 600))
	f.Fuzz(func(t *testing.T, data []byte) {
		z := newTokenWriter()
		var want []byte
		for len(data) > 1 {
			n := min(int(data[0]), len(data)-1)
			piece := data[1 : 1+n]
			if data[0]&1 == 0 {
				z.seg(piece)
			} else {
				z.lit(piece)
			}
			want = append(want, piece...)
			data = data[1+n:]
			z.seg(piece) // again, so that it repeats
			want = append(want, piece...)
		}
		if got := inflate(t, z); !bytes.Equal(got, want) {
			t.Fatalf("inflated %d bytes, want %d", len(got), len(want))
		}
	})
}

// TestCRC32Combine: the CRC-32 of two pieces joined is that of the whole,
// for pieces of every small length and some long ones.
func TestCRC32Combine(t *testing.T) {
	data := make([]byte, 70_000)
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range data {
		data[i] = byte(rng.Uint32())
	}
	for _, cut := range [][2]int{{0, 0}, {0, 5}, {5, 0}, {1, 1}, {100, 1}, {3, 65_537}, {70_000 - 9, 9}, {31, 33}} {
		a, b := data[:cut[0]], data[cut[0]:cut[0]+cut[1]]
		whole := crc32.ChecksumIEEE(data[:cut[0]+cut[1]])
		if got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), len(b)); got != whole {
			t.Errorf("pieces of %d and %d bytes: %08x, want %08x", len(a), len(b), got, whole)
		}
	}
}

// TestSymbolTables: the tables give what lengthCode and distCode work
// out, for every length and distance, and those agree with RFC 1951's
// table at its edges (length 3 is 257, 258 is 285; distance 1 is 0,
// 24577 to 32768 is 29 with 13 extra bits).
func TestSymbolTables(t *testing.T) {
	for l := 3; l <= maxMatch; l++ {
		for _, d := range []int{1, 2, 5, 256, 257, 1000, 24577, maxDistance} {
			lc, le, dc, de := matchSyms(matchToken(l, d))
			wl, wle := lengthCode(uint32(l - 3))
			wd, wde := distCode(uint32(d - 1))
			if lc != wl || le != wle || dc != wd || de != wde {
				t.Fatalf("length %d distance %d: %d %d %d %d, want %d %d %d %d", l, d, lc, le, dc, de, wl, wle, wd, wde)
			}
		}
	}
	for d := 1; d <= maxDistance; d++ {
		if _, _, dc, _ := matchSyms(matchToken(3, d)); dc != func() uint32 { c, _ := distCode(uint32(d - 1)); return c }() {
			t.Fatalf("distance %d: code %d", d, dc)
		}
	}
	for _, c := range []struct{ l, d, lc, dc, de int }{{3, 1, 0, 0, 0}, {258, 24577, 28, 29, 13}, {10, 5, 7, 4, 1}, {11, 32768, 8, 29, 13}} {
		lc, _, dc, de := matchSyms(matchToken(c.l, c.d))
		if int(lc) != c.lc || int(dc) != c.dc || int(de) != c.de {
			t.Errorf("length %d distance %d: symbols %d %d (%d extra), want %d %d (%d)", c.l, c.d, 257+lc, dc, de, 257+c.lc, c.dc, c.de)
		}
	}
}
