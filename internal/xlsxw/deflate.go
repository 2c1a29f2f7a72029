package xlsxw

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"runtime"
	"sync"
)

// A part is compressed as pigz does it: cut into chunks of chunkSize
// bytes, each chunk deflated on its own (side by side, one worker a CPU)
// and ended with a sync flush, which leaves it on a byte boundary, so the
// chunks joined in order, and a final empty block, are one deflate stream.
// The chunks depend only on the part's bytes, so the file is the same
// whatever the number of workers. A chunk's matches cannot reach into the
// chunk before it, which costs well under 1% of the size at 1 MiB. A
// worksheet is cut into pieces of rows (Sheet.pieces), each written and
// coded by a worker into chunks of its own the same way.
const chunkSize = 1 << 20

// chunk is a piece of a part: its bytes, or the function that writes a
// worksheet's piece (piece); then their compressed form, and for a piece,
// the CRC-32 and length of its bytes.
type chunk struct {
	in    []byte
	piece func(*tokenWriter)
	out   []byte
	crc   uint32
	size  int
	last  bool
	err   error
	done  chan struct{}
}

// compressor runs the workers for one workbook.
type compressor struct {
	work chan *chunk
	free sync.Pool // chunkSize buffers for chunks' bytes
	wg   sync.WaitGroup
}

func newCompressor() *compressor {
	c := &compressor{work: make(chan *chunk, 2)}
	c.free.New = func() any { b := make([]byte, 0, chunkSize); return &b }
	for range max(1, runtime.GOMAXPROCS(0)) {
		c.wg.Add(1)
		go c.run()
	}
	return c
}

// run compresses chunks until the work runs out, with one flate.Writer
// and one tokenWriter reused for each.
func (c *compressor) run() {
	defer c.wg.Done()
	var fw *flate.Writer
	var z *tokenWriter
	defer func() {
		if z != nil {
			tokenWriters.Put(z)
		}
	}()
	for ch := range c.work {
		if ch.piece != nil {
			if z == nil {
				z = tokenWriters.Get().(*tokenWriter)
			}
			z.reset()
			ch.piece(z)
			z.code(ch.last)
			ch.out, ch.crc, ch.size = append([]byte(nil), z.out...), z.crc, z.size
			close(ch.done)
			continue
		}
		var buf bytes.Buffer
		if fw == nil {
			fw, ch.err = flate.NewWriter(&buf, Level)
		} else {
			fw.Reset(&buf)
		}
		if ch.err == nil {
			if _, ch.err = fw.Write(ch.in); ch.err == nil {
				if ch.last {
					ch.err = fw.Close()
				} else {
					ch.err = fw.Flush()
				}
			}
		}
		ch.out = buf.Bytes()
		in := ch.in[:0]
		ch.in = nil
		c.free.Put(&in)
		close(ch.done)
	}
}

// tokenWriters keeps the workers' tokenWriters (5 MiB of buffers each)
// from one workbook to the next.
var tokenWriters = sync.Pool{New: func() any { return newTokenWriter() }}

// stop ends the workers.
func (c *compressor) stop() {
	close(c.work)
	c.wg.Wait()
}

// partWriter takes a part's bytes, sends each chunk to the workers as it
// fills, and keeps the CRC-32 and length of the whole.
type partWriter struct {
	c      *compressor
	cur    []byte
	chunks []*chunk
	crc    uint32
	size   uint64
}

func (c *compressor) part() *partWriter {
	return &partWriter{c: c, cur: (*c.free.Get().(*[]byte))[:0]}
}

// Write never fails: the errors of compression are the workers', seen by
// finish.
func (p *partWriter) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		k := min(len(b), chunkSize-len(p.cur))
		p.cur = append(p.cur, b[:k]...)
		b = b[k:]
		if len(p.cur) == chunkSize {
			p.send(false)
		}
	}
	return n, nil
}

func (p *partWriter) send(last bool) {
	ch := &chunk{in: p.cur, last: last, done: make(chan struct{})}
	p.crc = crc32.Update(p.crc, crc32.IEEETable, ch.in)
	p.size += uint64(len(ch.in))
	p.chunks = append(p.chunks, ch)
	p.c.work <- ch
	if !last {
		p.cur = (*p.c.free.Get().(*[]byte))[:0]
	}
}

// finish sends the last chunk, waits for every chunk, and writes the
// compressed part into the zip under name.
func (p *partWriter) finish(zw *zip.Writer, name string) error {
	p.send(true)
	return writeChunks(zw, name, p.chunks, p.crc, p.size)
}

// writeChunks waits for a part's chunks and writes them into the zip under
// name, with the CRC-32 and size of the part's bytes.
func writeChunks(zw *zip.Writer, name string, chunks []*chunk, crc uint32, usize uint64) error {
	var size uint64
	for _, ch := range chunks {
		<-ch.done
		if ch.err != nil {
			return fmt.Errorf("xlsx: %s: %w", name, ch.err)
		}
		size += uint64(len(ch.out))
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name:               name,
		Method:             zip.Deflate,
		CreatorVersion:     20,
		ReaderVersion:      20,
		CRC32:              crc,
		CompressedSize64:   size,
		UncompressedSize64: usize,
	})
	if err != nil {
		return fmt.Errorf("xlsx: %s: %w", name, err)
	}
	for _, ch := range chunks {
		if _, err := w.Write(ch.out); err != nil {
			return fmt.Errorf("xlsx: %s: %w", name, err)
		}
	}
	return nil
}
