package plan

import (
	"fmt"
	"path"
)

// yearExtras reads what a year folder holds beside its systems and
// scenarios: the reported national figures of its year.toml (at fs path
// facts; "" if it has none), and checks that at most one of its scenarios
// is primary. It reports whether all was well.
func (l *loader) yearExtras(y *Year, dir, facts string) bool {
	ok := true
	if facts != "" {
		if data, read := l.readFile(facts); !read {
			ok = false
		} else if rs, err := ParseYearFile(l.name(facts), data); err != nil {
			l.addErr(l.name(facts), err)
			ok = false
		} else {
			y.Reported = rs
		}
	}
	first := -1
	for i, sc := range y.Scenarios {
		if !sc.Primary {
			continue
		}
		if first < 0 {
			first = i
			continue
		}
		l.probs = append(l.probs, Problem{File: sc.Path, Line: l.primaryLine(path.Join(dir, baseName(sc.Path))), Column: "primary",
			Message: fmt.Sprintf("%s is marked primary too, and a year has at most one primary scenario: remove primary = true from one of them",
				baseName(y.Scenarios[first].Path))})
		ok = false
	}
	return ok
}

// primaryLine finds the line of the primary key in the scenario file at fs
// path rel, for a message; it reads the file again, which only happens when
// there is a problem to report. 0 if it cannot be found.
func (l *loader) primaryLine(rel string) int {
	data, err := readInput(l.fsys, rel, rel)
	if err != nil {
		return 0
	}
	idx, _ := indexTOML(data)
	return idx["primary"].line
}

// primary reads the primary key: true or false, without quotes.
func (r *scenarioReader) primary(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	}
	r.bad("primary", "must be true or false, without quotes, like primary = true")
	return false
}

// Primary is the index in y.Scenarios of the year's primary scenario: the
// one marked primary = true, or else the first by name.
func (y Year) Primary() int {
	for i, sc := range y.Scenarios {
		if sc.Primary {
			return i
		}
	}
	return 0
}
