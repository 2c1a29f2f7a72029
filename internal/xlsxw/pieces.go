package xlsxw

import (
	"archive/zip"
	"hash/crc32"
)

// writePieces compresses a worksheet's pieces side by side and writes them
// into the zip as the part name, their CRC-32s joined into the part's.
func (c *compressor) writePieces(zw *zip.Writer, name string, pieces []func(*tokenWriter)) error {
	chunks := make([]*chunk, len(pieces))
	for i, p := range pieces {
		chunks[i] = &chunk{piece: p, last: i == len(pieces)-1, done: make(chan struct{})}
		c.work <- chunks[i]
	}
	var crc uint32
	size := 0
	for _, ch := range chunks {
		<-ch.done
		crc = crc32Combine(crc, ch.crc, ch.size)
		size += ch.size
	}
	return writeChunks(zw, name, chunks, crc, uint64(size))
}

// crc32Combine is the CRC-32 (IEEE) of two pieces of bytes joined, from
// the CRC-32 of each and the length of the second: zlib's crc32_combine,
// which appends len2 zero bytes to crc1 with a squared operator matrix.
func crc32Combine(crc1, crc2 uint32, len2 int) uint32 {
	if len2 <= 0 {
		return crc1
	}
	var even, odd [32]uint32
	odd[0] = crc32.IEEE // the operator for one zero bit
	row := uint32(1)
	for n := 1; n < 32; n++ {
		odd[n] = row
		row <<= 1
	}
	gf2Square(&even, &odd) // two zero bits
	gf2Square(&odd, &even) // four zero bits
	for {
		gf2Square(&even, &odd)
		if len2&1 != 0 {
			crc1 = gf2Times(&even, crc1)
		}
		if len2 >>= 1; len2 == 0 {
			break
		}
		gf2Square(&odd, &even)
		if len2&1 != 0 {
			crc1 = gf2Times(&odd, crc1)
		}
		if len2 >>= 1; len2 == 0 {
			break
		}
	}
	return crc1 ^ crc2
}

func gf2Times(mat *[32]uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i, vec = i+1, vec>>1 {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
	}
	return sum
}

func gf2Square(square, mat *[32]uint32) {
	for n := range mat {
		square[n] = gf2Times(mat, mat[n])
	}
}
