package xlsxw

import "hash/crc32"

// A worksheet is compressed without searching for matches: its writer
// knows which pieces of a row repeat (a cell's markup, its row number, a
// value such as 0.00) and hands each to a tokenWriter as a segment, which
// is written as a copy of where the same bytes were last written when that
// is within deflate's window, and as literal bytes otherwise; then the
// tokens are Huffman-coded. A copy is made only after its bytes are
// compared with the window's, so a segment met by chance, or a hash that
// collides, costs size, never correctness.

// segBits sizes the table of segments seen: 2^segBits slots.
const segBits = 14

// tokenWriter takes a piece of a part as segments and literals, makes the
// tokens, and codes them a chunk of bytes at a time, each chunk a deflate
// block ended on a byte boundary (the last of the stream if the piece is
// the part's last), so that pieces coded side by side join into one
// stream. A piece's copies reach back only into the piece itself.
type tokenWriter struct {
	win   []byte // the piece's bytes from base on: history, then the chunk
	base  int    // the piece's offset of win[0]
	start int    // where the chunk begins in win
	toks  []token
	seen  [1 << segBits]int // a segment's hash to the offset after it, plus 1
	out   []byte            // the chunks coded
	crc   uint32            // of the piece's bytes
	size  int
}

func newTokenWriter() *tokenWriter {
	return &tokenWriter{win: make([]byte, 0, chunkSize+maxDistance+1<<12), toks: make([]token, 0, chunkSize)}
}

// reset makes z ready for a new piece, keeping its buffers.
func (z *tokenWriter) reset() {
	*z = tokenWriter{win: z.win[:0], toks: z.toks[:0], out: z.out[:0]}
}

// lit writes b as literal bytes.
func (z *tokenWriter) lit(b []byte) {
	z.run(len(b))
	z.win = append(z.win, b...)
	z.fill()
}

// run adds n literal bytes to the tokens, to the last run if it is one.
func (z *tokenWriter) run(n int) {
	if n == 0 {
		return
	}
	if k := len(z.toks) - 1; k >= 0 && z.toks[k]&matchFlag == 0 {
		z.toks[k] += token(n)
		return
	}
	z.toks = append(z.toks, token(n))
}

// seg writes b as a copy of the last segment with the same bytes, or as
// literals when there is none in the window.
func (z *tokenWriter) seg(b []byte) {
	if !copied(z, b) {
		z.lit(b)
	}
}

// copied writes b as a copy of the last segment with the same bytes and
// reports whether there was one in the window; either way, b is now the
// last segment with its bytes.
func copied[T string | []byte](z *tokenWriter, b T) bool {
	n := len(b)
	if n < 3 || n > maxMatch {
		return false
	}
	slot := &z.seen[segHash(b)>>(64-segBits)]
	from := *slot - 1 - n
	*slot = z.at() + n + 1
	return copyFrom(z, b, from)
}

// at is the part's offset of the next byte.
func (z *tokenWriter) at() int { return z.base + len(z.win) }

// copyAt writes b as a copy of the bytes at the part's offset from, if
// they are b and in the window, or as literals.
func (z *tokenWriter) copyAt(b []byte, from int) {
	if !copyFrom(z, b, from) {
		z.lit(b)
	}
}

// copyFrom writes b as a copy of the bytes at the part's offset from and
// reports whether it could: they must be b, and in the window.
func copyFrom[T string | []byte](z *tokenWriter, b T, from int) bool {
	n, at := len(b), z.at()
	if n < 3 || n > maxMatch || from < z.base || from+n > at || at-from > maxDistance ||
		string(z.win[from-z.base:from-z.base+n]) != string(b) {
		return false
	}
	z.toks = append(z.toks, matchToken(n, at-from))
	z.win = append(z.win, b...)
	z.fill()
	return true
}

// fill codes the chunk when it is full.
func (z *tokenWriter) fill() {
	if len(z.win)-z.start >= chunkSize {
		z.code(false)
	}
}

// code codes the chunk's tokens, the stream's end if last, and keeps the
// window's last maxDistance bytes as the next chunk's history.
func (z *tokenWriter) code(last bool) {
	in := z.win[z.start:]
	z.crc = crc32.Update(z.crc, crc32.IEEETable, in)
	z.size += len(in)
	z.out = encodeBlock(z.out, z.toks, in, last)
	z.toks = z.toks[:0]
	keep := min(len(z.win), maxDistance)
	z.base += len(z.win) - keep
	z.win = z.win[:copy(z.win, z.win[len(z.win)-keep:])]
	z.start = keep
}

// segHash hashes a segment of 3 to maxMatch bytes by its length and its
// first and last eight bytes (or four, or three): enough to tell apart the
// pieces of markup, numbers and short texts a sheet repeats, and a
// collision only costs a copy not made.
func segHash[T string | []byte](b T) uint64 {
	n := len(b)
	var x, y uint64
	switch {
	case n >= 8:
		x, y = load64(b, 0), load64(b, n-8)
	case n >= 4:
		x, y = uint64(load32(b, 0)), uint64(load32(b, n-4))
	default:
		x = uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16
	}
	return (x*0x9E3779B185EBCA87 ^ y*0xC2B2AE3D27D4EB4F ^ uint64(n)) * 0x165667B19E3779F9
}

func load64[T string | []byte](b T, i int) uint64 {
	return uint64(load32(b, i)) | uint64(load32(b, i+4))<<32
}

func load32[T string | []byte](b T, i int) uint32 {
	return uint32(b[i]) | uint32(b[i+1])<<8 | uint32(b[i+2])<<16 | uint32(b[i+3])<<24
}
