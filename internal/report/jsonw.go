package report

import (
	"bytes"
	"strconv"

	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// jsonWriter writes a JSON document laid out as encoding/json's Encoder
// lays it out with SetIndent(prefix, "  ") and SetEscapeHTML(false), each
// string made safe for a terminal (writeJSONString: the characters
// jsonEscaped names as \uXXXX), straight into a buffer: no reflection, no second pass
// to indent, no copy. Members and elements go one a line at two spaces a
// level; an empty object or array is "{}" or "[]".
//
// A value is written after key (in an object) or elem (in an array); open
// and close bracket a nested object or array.
type jsonWriter struct {
	b      *bytes.Buffer
	prefix string // written after every newline, before the indent
	counts []int  // members or elements written so far at each open level
}

// newJSONWriter writes into b, each line after the first starting prefix.
func newJSONWriter(b *bytes.Buffer, prefix string) *jsonWriter {
	return &jsonWriter{b: b, prefix: prefix, counts: make([]int, 0, 8)}
}

// spaces is the indent of the deepest levels a report has, and then some.
const spaces = "                                "

// newline writes a line break and the indent of the current level.
func (w *jsonWriter) newline() { w.b.Write(w.appendNewline(w.b.AvailableBuffer())) }

// appendNewline appends a line break and the indent of the current level
// to p.
func (w *jsonWriter) appendNewline(p []byte) []byte {
	p = append(p, '\n')
	p = append(p, w.prefix...)
	d := 2 * len(w.counts)
	for d > len(spaces) {
		p = append(p, spaces...)
		d -= len(spaces)
	}
	return append(p, spaces[:d]...)
}

// open writes '{' or '[' and starts a level.
func (w *jsonWriter) open(c byte) {
	w.b.WriteByte(c)
	w.counts = append(w.counts, 0)
}

// close ends the level open started, with '}' or ']': on a line of its own
// unless the level is empty.
func (w *jsonWriter) close(c byte) {
	n := w.counts[len(w.counts)-1]
	w.counts = w.counts[:len(w.counts)-1]
	if n > 0 {
		w.newline()
	}
	w.b.WriteByte(c)
}

// elem starts the next element of an array (or member of an object).
func (w *jsonWriter) elem() { w.b.Write(w.appendElem(w.b.AvailableBuffer())) }

// appendElem appends what elem writes to p.
func (w *jsonWriter) appendElem(p []byte) []byte {
	k := len(w.counts) - 1
	if w.counts[k] > 0 {
		p = append(p, ',')
	}
	w.counts[k]++
	return w.appendNewline(p)
}

// key starts the next member of an object, in one write: k is one of the
// report's own keys, which need no escaping.
func (w *jsonWriter) key(k string) { w.b.Write(w.appendKey(w.b.AvailableBuffer(), k)) }

// appendKey appends what key writes to p, so that a caller can append the
// value too and write both at once.
func (w *jsonWriter) appendKey(p []byte, k string) []byte {
	p = append(w.appendElem(p), '"')
	p = append(p, k...)
	return append(p, `": `...)
}

// str writes a string value.
func (w *jsonWriter) str(v string) { writeJSONString(w.b, v) }

// int writes an integer value.
func (w *jsonWriter) int(v int64) { w.b.Write(strconv.AppendInt(w.b.AvailableBuffer(), v, 10)) }

// bool writes true or false.
func (w *jsonWriter) bool(v bool) { w.b.Write(strconv.AppendBool(w.b.AvailableBuffer(), v)) }

// null writes null.
func (w *jsonWriter) null() { w.b.WriteString("null") }

// fixed writes d as a string to places decimals, as StringFixed writes it.
func (w *jsonWriter) fixed(d decimal.Decimal, places int32) {
	p := money.AppendFixed(append(w.b.AvailableBuffer(), '"'), d, places)
	w.b.Write(append(p, '"'))
}

// optFixed writes *d as fixed does, or null when d is nil.
func (w *jsonWriter) optFixed(d *decimal.Decimal, places int32) {
	if d == nil {
		w.null()
		return
	}
	w.fixed(*d, places)
}

// optStr writes *v as a string, or null when v is nil.
func (w *jsonWriter) optStr(v *string) {
	if v == nil {
		w.null()
		return
	}
	w.str(*v)
}

// The members most objects are made of: a key and its value, written
// together where the value needs no escaping.

func (w *jsonWriter) kstr(k, v string) {
	if !plainJSON(v) {
		w.key(k)
		w.str(v)
		return
	}
	p := append(w.appendKey(w.b.AvailableBuffer(), k), '"')
	p = append(p, v...)
	w.b.Write(append(p, '"'))
}

func (w *jsonWriter) kint(k string, v int) {
	w.b.Write(strconv.AppendInt(w.appendKey(w.b.AvailableBuffer(), k), int64(v), 10))
}

func (w *jsonWriter) kbool(k string, v bool) {
	w.b.Write(strconv.AppendBool(w.appendKey(w.b.AvailableBuffer(), k), v))
}

func (w *jsonWriter) kfixed(k string, d decimal.Decimal, places int32) {
	p := money.AppendFixed(append(w.appendKey(w.b.AvailableBuffer(), k), '"'), d, places)
	w.b.Write(append(p, '"'))
}

func (w *jsonWriter) koptStr(k string, v *string) {
	w.key(k)
	w.optStr(v)
}

// strs writes a list of strings.
func (w *jsonWriter) strs(vs []string) {
	w.open('[')
	for _, v := range vs {
		w.elem()
		w.str(v)
	}
	w.close(']')
}
