package xlsxw

import (
	"encoding/binary"
	"math/bits"
)

// A token is a run of literal bytes (their number, below matchFlag) or a
// match: matchFlag, the length less 3 (0 to 255) at bit 16 and the
// distance less 1 (0 to 32767) below. The literals are read from the
// chunk's bytes.
type token uint32

const (
	matchFlag   token = 1 << 31
	maxMatch          = 258
	maxDistance       = 1 << 15
)

func matchToken(length, distance int) token {
	return matchFlag | token(length-3)<<16 | token(distance-1)
}

// lengthCode is a match length's symbol (257 to 285), less 257, and its
// extra bits, for a length less 3.
func lengthCode(l uint32) (code, extra uint32) {
	switch {
	case l < 8:
		return l, 0
	case l == 255:
		return 28, 0
	}
	n := uint32(bits.Len32(l)) // 4 to 8
	extra = n - 3
	return 4*(n-2) + (l>>extra)&3, extra
}

// distCode is a distance's symbol (0 to 29) and its extra bits, for a
// distance less 1.
func distCode(d uint32) (code, extra uint32) {
	if d < 2 {
		return d, 0
	}
	n := uint32(bits.Len32(d)) // 2 to 15
	extra = n - 2
	return 2*n - 2 + (d>>extra)&1, extra
}

// lenSym and distSym look up lengthCode and distCode: lenSym by a length
// less 3, distSym by a distance less 1 below 256 and, from 256 on, by the
// distance less 1 shifted right 7 (the codes of distances from 257 on
// cover multiples of 128), as zlib does.
var lenSym, distSym = func() (l [256]uint8, d [512]uint8) {
	for i := range l {
		c, _ := lengthCode(uint32(i))
		l[i] = uint8(c)
	}
	for i := range 256 {
		c, _ := distCode(uint32(i))
		d[i] = uint8(c)
		c, _ = distCode(uint32(i) << 7)
		d[256+i] = uint8(c)
	}
	return l, d
}()

// lenExtra and distExtra are the codes' numbers of extra bits.
var lenExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
var distExtra = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}

// matchSyms are a match's length and distance symbols, and their extra
// bits' numbers.
func matchSyms(t token) (lc, le, dc, de uint32) {
	lc = uint32(lenSym[t>>16&0xFF])
	d := uint32(t) & 0x7FFF
	if d < 256 {
		dc = uint32(distSym[d])
	} else {
		dc = uint32(distSym[256+d>>7])
	}
	return lc, uint32(lenExtra[lc]), dc, uint32(distExtra[dc])
}

// bitWriter appends bits least significant first.
type bitWriter struct {
	out   []byte
	acc   uint64
	nbits uint
}

// bits writes the n (at most 16) low bits of v.
func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.nbits
	w.nbits += n
	if w.nbits >= 32 {
		w.out = binary.LittleEndian.AppendUint32(w.out, uint32(w.acc))
		w.acc >>= 32
		w.nbits -= 32
	}
}

// align writes the bits held, padded with zeros to a byte's end.
func (w *bitWriter) align() {
	for w.nbits > 0 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.nbits = max(w.nbits, 8) - 8
	}
	w.acc = 0
}

// The order in which a block's header gives the code-length code's
// lengths (RFC 1951, 3.2.7).
var clOrder = [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// encodeBlock appends toks, the tokens of the bytes in, to out as one
// deflate block with dynamic Huffman codes, the last of the stream if
// final, and then ends on a byte boundary: a block that is not the last is
// followed by an empty stored block (a sync flush), so the next can be
// joined on.
func encodeBlock(out []byte, toks []token, in []byte, final bool) []byte {
	var litFreq [286]int64
	var distFreq [30]int64
	p := 0
	for _, t := range toks {
		if t&matchFlag == 0 {
			for _, c := range in[p : p+int(t)] {
				litFreq[c]++
			}
			p += int(t)
			continue
		}
		p += int(t>>16&0xFF) + 3
		lc, _, dc, _ := matchSyms(t)
		litFreq[257+lc]++
		distFreq[dc]++
	}
	litFreq[256] = 1 // the end of the block
	var litLen [286]uint8
	var distLen [30]uint8
	huffLengths(litFreq[:], 15, litLen[:])
	huffLengths(distFreq[:], 15, distLen[:])
	var litCode [286]uint16
	var distCodes [30]uint16
	huffCodes(litLen[:], litCode[:])
	huffCodes(distLen[:], distCodes[:])

	w := bitWriter{out: out}
	head := uint64(2 << 1) // BTYPE 10, dynamic codes
	if final {
		head |= 1
	}
	w.bits(head, 3)
	writeCodeLengths(&w, litLen[:], distLen[:])
	p = 0
	for _, t := range toks {
		if t&matchFlag == 0 {
			for _, c := range in[p : p+int(t)] {
				w.bits(uint64(litCode[c]), uint(litLen[c]))
			}
			p += int(t)
			continue
		}
		p += int(t>>16&0xFF) + 3
		lc, le, dc, de := matchSyms(t)
		w.bits(uint64(litCode[257+lc]), uint(litLen[257+lc]))
		w.bits(uint64(t>>16)&0xFF&(1<<le-1), uint(le))
		w.bits(uint64(distCodes[dc]), uint(distLen[dc]))
		w.bits(uint64(t)&0xFFFF&(1<<de-1), uint(de))
	}
	w.bits(uint64(litCode[256]), uint(litLen[256]))
	if !final {
		w.bits(0, 3) // an empty stored block
		w.align()
		return append(w.out, 0, 0, 0xFF, 0xFF)
	}
	w.align()
	return w.out
}

// writeCodeLengths writes a dynamic block's header after BTYPE: the counts
// of codes, the code-length code and the run-length coded lengths of the
// literal/length and distance codes.
func writeCodeLengths(w *bitWriter, litLen, distLen []uint8) {
	nlit, ndist := len(litLen), len(distLen)
	for nlit > 257 && litLen[nlit-1] == 0 {
		nlit--
	}
	for ndist > 1 && distLen[ndist-1] == 0 {
		ndist--
	}
	all := append(append(make([]uint8, 0, nlit+ndist), litLen[:nlit]...), distLen[:ndist]...)
	rle := runLengths(all)
	var clFreq [19]int64
	for _, r := range rle {
		clFreq[r&0x1F]++
	}
	var clLen [19]uint8
	var clCode [19]uint16
	huffLengths(clFreq[:], 7, clLen[:])
	huffCodes(clLen[:], clCode[:])
	nclen := 19
	for nclen > 4 && clLen[clOrder[nclen-1]] == 0 {
		nclen--
	}
	w.bits(uint64(nlit-257), 5)
	w.bits(uint64(ndist-1), 5)
	w.bits(uint64(nclen-4), 4)
	for _, s := range clOrder[:nclen] {
		w.bits(uint64(clLen[s]), 3)
	}
	for _, r := range rle {
		s := r & 0x1F
		w.bits(uint64(clCode[s]), uint(clLen[s]))
		switch s {
		case 16:
			w.bits(uint64(r>>5), 2)
		case 17:
			w.bits(uint64(r>>5), 3)
		case 18:
			w.bits(uint64(r>>5), 7)
		}
	}
}

// runLengths codes the lengths with the code-length alphabet: each entry
// is a symbol (0 to 18) with its extra bits' value from bit 5.
func runLengths(lengths []uint8) []uint16 {
	var out []uint16
	for i := 0; i < len(lengths); {
		v := lengths[i]
		run := 1
		for i+run < len(lengths) && lengths[i+run] == v {
			run++
		}
		i += run
		if v == 0 {
			for run >= 11 {
				n := min(run, 138)
				out = append(out, 18|uint16(n-11)<<5)
				run -= n
			}
			if run >= 3 {
				out = append(out, 17|uint16(run-3)<<5)
				run = 0
			}
		} else {
			out = append(out, uint16(v))
			run--
			for run >= 3 {
				n := min(run, 6)
				out = append(out, 16|uint16(n-3)<<5)
				run -= n
			}
		}
		for ; run > 0; run-- {
			out = append(out, uint16(v))
		}
	}
	return out
}
