package plan

import (
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// tomlPos is where a key sits in a TOML document.
type tomlPos struct {
	line int
	kind unstable.Kind
	raw  string
}

// tomlEntry is a key or a table header of a TOML document, in document
// order: its full path (a list's tables not numbered) and line.
type tomlEntry struct {
	path   []string
	line   int
	header bool // a [table] or [[table]] line
}

// indexTOML maps each dotted key path ("repayment.years") and table
// ("repayment") to its line, value kind and raw value text, and lists
// every key and table header in order. The tables of a list ([[tranche]])
// are numbered from 1 after their name in the map, so the second tranche's
// share is "tranche.2.share" and its table "tranche.2"; the name alone is
// the first. Lines come from one table of line starts, so a document of
// many keys is indexed in time that grows with its length. It is
// best-effort: a document the parser rejects gives what was read before.
func indexTOML(data []byte) (map[string]tomlPos, []tomlEntry) {
	idx := map[string]tomlPos{}
	var order []tomlEntry
	counts := map[string]int{}
	var p unstable.Parser
	p.Reset(data)
	var table, plain []string // the current table's path, numbered and not
	starts := []int{0}        // offset of each line's start
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	keyOf := func(it unstable.Iterator) ([]string, int) {
		var parts []string
		line := 0
		for it.Next() {
			n := it.Node()
			if line == 0 {
				line = sort.SearchInts(starts, int(n.Raw.Offset)+1)
			}
			parts = append(parts, string(n.Data))
		}
		return parts, line
	}
	var keyValue func(prefix, plainPrefix []string, e *unstable.Node)
	keyValue = func(prefix, plainPrefix []string, e *unstable.Node) {
		parts, line := keyOf(e.Key())
		full := append(append([]string(nil), prefix...), parts...)
		plainFull := append(append([]string(nil), plainPrefix...), parts...)
		order = append(order, tomlEntry{path: plainFull, line: line})
		v := e.Value()
		pos := tomlPos{line: line, kind: v.Kind}
		if v.Kind == unstable.Float || v.Kind == unstable.Integer {
			pos.raw = string(v.Data)
		}
		name := strings.Join(full, ".")
		if _, dup := idx[name]; !dup {
			idx[name] = pos
		}
		if v.Kind == unstable.InlineTable {
			it := v.Children()
			for it.Next() {
				if c := it.Node(); c.Kind == unstable.KeyValue {
					keyValue(full, plainFull, c)
				}
			}
		}
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			parts, line := keyOf(e.Key())
			table, plain = parts, parts
			order = append(order, tomlEntry{path: parts, line: line, header: true})
			name := strings.Join(parts, ".")
			if _, dup := idx[name]; !dup {
				idx[name] = tomlPos{line: line, kind: e.Kind}
			}
			if e.Kind == unstable.ArrayTable {
				counts[name]++
				table = append(parts, strconv.Itoa(counts[name]))
				idx[strings.Join(table, ".")] = tomlPos{line: line, kind: e.Kind}
			}
		case unstable.KeyValue:
			keyValue(table, plain, e)
		}
	}
	return idx, order
}

// tomlSchema is the keys a TOML shape takes: each key's own schema, nil
// for a value of any kind.
type tomlSchema map[string]tomlSchema

// schemaOf reads the keys a struct takes from its toml tags: a struct (or
// a pointer to one, or a list of them) is a table.
func schemaOf(t reflect.Type) tomlSchema {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	s := tomlSchema{}
	for i := 0; i < t.NumField(); i++ {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ","); name != "" {
			s[name] = schemaOf(t.Field(i).Type)
		}
	}
	return s
}

// key finds a key's schema as the decoder matches keys to fields: exactly,
// or else ignoring case.
func (s tomlSchema) key(name string) (tomlSchema, bool) {
	if c, ok := s[name]; ok {
		return c, true
	}
	for k, c := range s {
		if strings.EqualFold(k, name) {
			return c, true
		}
	}
	return nil, false
}

// scenarioSchema is the keys a scenario file takes, from rawScenario.
var scenarioSchema = schemaOf(reflect.TypeOf(rawScenario{}))

// unknownEntries finds the keys and tables of a document that schema does
// not take, in order: a table header it does not take, and any key under
// a known table that it does not; the keys of an unknown table are not
// listed again, and a value of any kind takes whatever is below it.
func unknownEntries(order []tomlEntry, schema tomlSchema) []tomlEntry {
	var out []tomlEntry
	inUnknown := false
	for _, e := range order {
		if !e.header && inUnknown {
			continue
		}
		known := true
		node := schema
		for _, part := range e.path {
			if node == nil {
				break // a value of any kind
			}
			child, ok := node.key(part)
			if !ok {
				known = false
				break
			}
			node = child
		}
		if e.header {
			inUnknown = !known
		}
		if !known {
			out = append(out, e)
		}
	}
	return out
}
