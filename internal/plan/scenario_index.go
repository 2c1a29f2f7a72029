package plan

import (
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

// indexTOML maps each dotted key path ("repayment.years") and table
// ("repayment") to its line, value kind and raw value text. The tables of a
// list ([[tranche]]) are numbered from 1 after their name, so the second
// tranche's share is "tranche.2.share" and its table "tranche.2"; the name
// alone is the first. It is best-effort: a document the parser rejects
// gives what was read before.
func indexTOML(data []byte) map[string]tomlPos {
	idx := map[string]tomlPos{}
	counts := map[string]int{}
	var p unstable.Parser
	p.Reset(data)
	var table []string
	keyOf := func(it unstable.Iterator) ([]string, int) {
		var parts []string
		line := 0
		for it.Next() {
			n := it.Node()
			if line == 0 {
				line = p.Shape(n.Raw).Start.Line
			}
			parts = append(parts, string(n.Data))
		}
		return parts, line
	}
	var keyValue func(prefix []string, e *unstable.Node)
	keyValue = func(prefix []string, e *unstable.Node) {
		parts, line := keyOf(e.Key())
		full := append(append([]string(nil), prefix...), parts...)
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
					keyValue(full, c)
				}
			}
		}
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			parts, line := keyOf(e.Key())
			table = parts
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
			keyValue(table, e)
		}
	}
	return idx
}
