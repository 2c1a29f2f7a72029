package plan

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// EmbeddedRoot is the display name cmd gives Load for the plans embedded in
// the binary. Files under it are named "plans/2023-24/systems.csv" in
// messages and in Dataset.Path, as they sit in the source tree.
const EmbeddedRoot = "embedded plans"

// loader carries what Load needs to name files for people.
type loader struct {
	fsys    fs.FS
	base    string // the path Load was given, within fsys
	display string // as the user named it
	opt     Options
	probs   Problems
	read    []string   // files read, within fsys
	regs    []Scenario // the regime library beside the year folders
}

// load is Load.
func load(fsys fs.FS, p, display string, opt Options) (Library, error) {
	p = path.Clean(strings.ReplaceAll(p, `\`, "/"))
	if display == "" {
		display = p
	}
	l := &loader{fsys: fsys, base: p, display: display, opt: opt}
	info, err := fs.Stat(fsys, p)
	if err != nil {
		return Library{Root: display}, fmt.Errorf("cannot open %s: %w", display, unwrapPath(err))
	}
	var years []Year
	if info.IsDir() {
		years, err = l.folder(p)
	} else {
		years, err = l.loneFileYears(p)
	}
	if err == nil && len(l.probs) > 0 {
		err = l.probs
	}
	if err != nil {
		return Library{Root: display}, err
	}
	return Library{Root: display, Years: years, Regimes: l.regs, Read: l.read}, nil
}

// loneFileYears is the one year of a lone systems file, if it loaded.
func (l *loader) loneFileYears(p string) ([]Year, error) {
	y, ok, err := l.loneFile(p)
	if err != nil || !ok {
		return nil, err
	}
	return []Year{y}, nil
}

// folder loads a plans folder of year folders, or one year folder.
func (l *loader) folder(p string) ([]Year, error) {
	entries, err := fs.ReadDir(l.fsys, p)
	if err != nil {
		return nil, fmt.Errorf("cannot read folder %s: %w", l.display, unwrapPath(err))
	}
	var yearDirs []string
	for _, e := range entries {
		if _, ok := yearLabel(e.Name()); ok && isDir(l.fsys, path.Join(p, e.Name()), e) {
			yearDirs = append(yearDirs, e.Name())
		}
	}
	sort.Strings(yearDirs)
	var years []Year
	switch {
	case len(yearDirs) > 0:
		l.regs = l.regimes(path.Join(p, RegimesDir))
		for _, d := range yearDirs {
			label, _ := yearLabel(d)
			if y, ok := l.yearFolder(path.Join(p, d), label, d); ok {
				years = append(years, y)
			}
		}
	case hasSystems(entries) || isYear(folderName(p, l.display)):
		dir := folderName(p, l.display)
		label, ok := yearLabel(dir)
		if !ok {
			if label, err = l.optYear(l.display, "name the folder like 2023-24"); err != nil {
				return nil, err
			}
			dir = strings.ReplaceAll(label, "/", "-")
		}
		if y, ok := l.yearFolder(p, label, dir); ok {
			years = append(years, y)
		}
	default:
		return nil, &noPlansError{display: l.display}
	}
	return years, nil
}

// folderName is the name of the folder at p, from the display name when p
// is the root of fsys.
func folderName(p, display string) string {
	if p == "." {
		return baseName(display)
	}
	return path.Base(p)
}

// isYear reports whether a folder name is a financial year like 2023-24.
func isYear(name string) bool {
	_, ok := yearLabel(name)
	return ok
}

// noPlansError says a folder holds neither year folders nor a systems file.
type noPlansError struct{ display string }

// Error names the folder and says what it lacks.
func (e *noPlansError) Error() string {
	return fmt.Sprintf("%s: %v, and no year folders named like 2023-24", e.display, ErrNoPlans)
}

// Unwrap gives ErrNoPlans.
func (e *noPlansError) Unwrap() error { return ErrNoPlans }

// optYear is the year given in Options for a file or folder whose name does
// not say it.
func (l *loader) optYear(display, hint string) (string, error) {
	if l.opt.Year == "" {
		return "", fmt.Errorf("cannot tell the year of %s: %s or pass --year 2023/24", display, hint)
	}
	if _, err := yearStart(l.opt.Year); err != nil {
		return "", choiceErrorf("--year", "--year: %v", err)
	}
	return l.opt.Year, nil
}

// name is the display name of a file at fs path rel.
func (l *loader) name(rel string) string {
	r := rel
	if l.base != "." {
		r = strings.TrimPrefix(strings.TrimPrefix(rel, l.base), "/")
	}
	d := l.display
	switch {
	case d == EmbeddedRoot:
		return path.Join("plans", r)
	case r == "":
		return d
	case d == "." || d == "":
		return r
	case strings.Contains(d, `\`) && !strings.Contains(d, "/"):
		return strings.TrimRight(d, `\`) + `\` + strings.ReplaceAll(r, "/", `\`)
	}
	return strings.TrimRight(d, "/") + "/" + r
}

// baseName is the last element of a path written with / or \.
func baseName(p string) string {
	p = strings.TrimRight(strings.ReplaceAll(p, `\`, "/"), "/")
	return path.Base(p)
}

// systemsKind says whether a file name is a systems file: "csv", "xlsx" or "".
func systemsKind(name string) string {
	switch strings.ToLower(name) {
	case "systems.csv":
		return "csv"
	case "systems.xlsx":
		return "xlsx"
	}
	return ""
}

// skipped reports whether a file in a year folder is not the user's own:
// hidden files (macOS "._x.toml" copies on shared drives, editor files) and
// the "~$" lock files Excel leaves beside an open workbook.
func skipped(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")
}

// isDir reports whether an entry is a folder, following a symbolic link.
func isDir(fsys fs.FS, p string, e fs.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&fs.ModeSymlink == 0 {
		return false
	}
	info, err := fs.Stat(fsys, p)
	return err == nil && info.IsDir()
}

func hasSystems(entries []fs.DirEntry) bool {
	for _, e := range entries {
		if !e.IsDir() && systemsKind(e.Name()) != "" {
			return true
		}
	}
	return false
}

// readFile reads an input file (see readInput), noting a problem if it
// cannot.
func (l *loader) readFile(rel string) ([]byte, bool) {
	data, err := readInput(l.fsys, rel, l.name(rel))
	if err != nil {
		l.addErr(l.name(rel), err)
		return nil, false
	}
	l.read = append(l.read, rel)
	return data, true
}

// addErr records an error from a parser as problems.
func (l *loader) addErr(file string, err error) {
	var ps Problems
	if errors.As(err, &ps) {
		l.probs = append(l.probs, ps...)
		return
	}
	l.probs = append(l.probs, Problem{File: file, Message: err.Error()})
}

// systems reads and validates one systems file.
func (l *loader) systems(rel, kind, label string) (Dataset, bool) {
	data, ok := l.readFile(rel)
	if !ok {
		return Dataset{}, false
	}
	name := l.name(rel)
	var t Table
	var err error
	if kind == "xlsx" {
		t, err = readXLSX(name, data, l.opt.Sheet)
	} else {
		t, err = readCSV(name, data)
	}
	if err != nil {
		l.addErr(name, err)
		return Dataset{}, false
	}
	ds, err := parseSystems(t, label)
	if err != nil {
		l.addErr(name, err)
		return Dataset{}, false
	}
	return ds, true
}

// yearFolder loads one year folder: its systems file and scenarios.
func (l *loader) yearFolder(dir, label, dirName string) (Year, bool) {
	y := Year{Label: label, Dir: dirName}
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		l.probs = append(l.probs, Problem{File: l.name(dir), Message: fmt.Sprintf("cannot read folder: %v", unwrapPath(err))})
		return y, false
	}
	var sys []fs.DirEntry
	var scen []string
	facts := ""
	for _, e := range entries {
		if e.IsDir() || skipped(e.Name()) {
			continue
		}
		if systemsKind(e.Name()) != "" {
			sys = append(sys, e)
		} else if strings.EqualFold(e.Name(), YearFile) {
			facts = path.Join(dir, e.Name())
		} else if strings.EqualFold(path.Ext(e.Name()), ".toml") {
			scen = append(scen, e.Name())
		}
	}
	ok := true
	switch len(sys) {
	case 0:
		l.probs = append(l.probs, Problem{File: l.name(dir), Message: fmt.Sprintf("the year folder has no systems.csv or systems.xlsx (%s)", "one is needed for each year")})
		ok = false
	case 1:
		y.Dataset, ok = l.systems(path.Join(dir, sys[0].Name()), systemsKind(sys[0].Name()), label)
	default:
		names := make([]string, len(sys))
		for i, e := range sys {
			names[i] = e.Name()
		}
		l.probs = append(l.probs, Problem{File: l.name(dir), Message: fmt.Sprintf("has both %s: keep only one", andList(names))})
		ok = false
	}
	sort.Slice(scen, func(i, j int) bool { return stem(scen[i]) < stem(scen[j]) })
	for _, f := range scen {
		sc, good := l.scenario(path.Join(dir, f), label)
		ok = ok && good
		y.Scenarios = append(y.Scenarios, sc)
	}
	ok = l.yearExtras(&y, dir, facts) && ok
	if ok && len(y.Scenarios) == 0 {
		y.Scenarios = []Scenario{defaultScenario(y.Dataset)}
	}
	return y, ok
}

// scenario reads one scenario file and checks it against the year.
func (l *loader) scenario(rel, label string) (Scenario, bool) {
	data, ok := l.readFile(rel)
	if !ok {
		return Scenario{}, false
	}
	name := l.name(rel)
	sc, lineOf, err := readScenario(name, data)
	if err != nil {
		l.addErr(name, err)
		return Scenario{}, false
	}
	if ps := yearProblems(sc, label); len(ps) > 0 {
		for _, p := range ps {
			p.File, p.Line = name, lineOf(p.Column)
			l.probs = append(l.probs, p)
		}
		return Scenario{}, false
	}
	return sc, true
}

// loneFile loads a single systems file; its year comes from its folder's
// name or from Options.Year. The year gets the default scenario.
func (l *loader) loneFile(p string) (Year, bool, error) {
	name := l.display
	var kind string
	switch strings.ToLower(path.Ext(p)) {
	case ".csv", ".txt":
		kind = "csv"
	case ".xlsx", ".xlsm":
		kind = "xlsx"
	default:
		return Year{}, false, fmt.Errorf("%s is not a systems file: give a .csv or .xlsx file, a year folder such as 2023-24, or a plans folder", name)
	}
	dir := ""
	if d := path.Dir(p); d != "." {
		dir = path.Base(d)
	} else if disp := strings.ReplaceAll(l.display, `\`, "/"); strings.Contains(disp, "/") {
		dir = path.Base(path.Dir(disp))
	}
	label, ok := yearLabel(dir)
	if !ok {
		var err error
		if label, err = l.optYear(name, "put it in a folder named like 2023-24"); err != nil {
			return Year{}, false, err
		}
		dir = strings.ReplaceAll(label, "/", "-")
	}
	saved := l.base
	l.base = p // so name(p) is the display name itself
	ds, ok := l.systems(p, kind, label)
	l.base = saved
	if !ok {
		return Year{}, false, nil
	}
	return Year{Label: label, Dir: dir, Dataset: ds, Scenarios: []Scenario{defaultScenario(ds)}}, true, nil
}
