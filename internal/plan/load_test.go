package plan

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"

	"icsplan/plans"
)

func TestLoadEmbedded(t *testing.T) {
	lib, err := Load(plans.FS, ".", EmbeddedRoot, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if lib.Root != EmbeddedRoot || len(lib.Years) != 4 {
		t.Fatalf("library: root %q, %d years", lib.Root, len(lib.Years))
	}
	for i, c := range []struct {
		label, dir, path string
		deficits         int
		total            string
		illustrative     int
		scenarios        []string
	}{
		{"2022/23", "2022-23", "plans/2022-23/systems.csv", 5, "-100000000", 4, []string{"no-support-2022-23"}},
		{"2023/24", "2023-24", "plans/2023-24/systems.csv", 15, "-720000000", 31,
			[]string{"deficit-support-feb-2024", "fair-shares", "reward-balance"}},
		{"2024/25", "2024-25", "plans/2024-25/systems.csv", 31, "-2200000000", 26,
			[]string{"deficit-support-2024-25"}},
		{"2025/26", "2025-26", "plans/2025-26/systems.csv", 33, "-2200000000", 29,
			[]string{"deficit-support-2025-26"}},
	} {
		y := lib.Years[i]
		ds := y.Dataset
		if y.Label != c.label || y.Dir != c.dir || ds.Year != c.label || ds.Path != c.path || len(ds.Warnings) != 0 {
			t.Errorf("year %d: %q %q %q %q %v", i, y.Label, y.Dir, ds.Year, ds.Path, ds.Warnings)
		}
		if len(ds.Systems) != 42 {
			t.Errorf("%s: %d systems, want 42", c.label, len(ds.Systems))
		}
		n, sum := 0, decimal.Zero
		codes := map[string]bool{}
		for _, s := range ds.Systems {
			if s.Plan.IsNegative() {
				n++
				sum = sum.Add(s.Plan)
			}
			if s.Source == "" || s.Population <= 0 || !s.WeightedPopulation.IsPositive() || codes[s.Code] {
				t.Errorf("%s: system %+v", c.label, s)
			}
			codes[s.Code] = true
		}
		if n != c.deficits || !sum.Equal(dec(t, c.total)) {
			t.Errorf("%s: %d deficit plans summing to %s, want %d summing to %s", c.label, n, sum, c.deficits, c.total)
		}
		if got := ds.Illustrative(); got != c.illustrative {
			t.Errorf("%s: %d illustrative rows, want %d", c.label, got, c.illustrative)
		}
		var names []string
		for _, s := range y.Scenarios {
			names = append(names, s.Name)
			if s.Path != "plans/"+c.dir+"/"+s.Name+".toml" || s.Title == "" || s.Note == "" {
				t.Errorf("scenario %+v", s)
			}
		}
		if strings.Join(names, " ") != strings.Join(c.scenarios, " ") {
			t.Errorf("%s: scenarios %v, want %v", c.label, names, c.scenarios)
		}
		if !y.Scenarios[0].Primary || y.Primary() != 0 || len(y.Reported) < 5 {
			t.Errorf("%s: the first scenario is not the marked primary, or year.toml is missing (%d reported)", c.label, len(y.Reported))
		}
	}
	// Figures the engine relies on.
	s := lib.Years[1].Dataset.Systems[12]
	if s.Code != "QUA" || !s.Plan.Equal(dec(t, "-68800000")) || s.Confidence != ConfidenceMedium ||
		!strings.HasPrefix(s.Source, "reported ") || s.SourceURL != "https://lowdownnhs.info/analysis/midlands-icb-roundup" {
		t.Errorf("Black Country: %+v", s)
	}
	if !lib.Years[1].Dataset.Systems[1].Outturn.Known || lib.Years[1].Dataset.Systems[0].Outturn.Known {
		t.Error("outturn: a blank cell must be unknown and a 0 known")
	}
	sc := lib.Years[1].Scenarios[0]
	if !sc.Pot.Equal(dec(t, "700000000")) || sc.Repayment == nil || sc.Repayment.FirstYear != "2025/26" || sc.Repayment.Years != 3 ||
		!sc.Assumptions.WriteOff.Equal(dec(t, "0.5")) || sc.Paid != "2024-02-15" {
		t.Errorf("deficit support: %+v %+v", sc, sc.Repayment)
	}
	if sc := lib.Years[2].Scenarios[0]; !sc.Pot.Equal(dec(t, "2200000000")) || sc.Repayment.FirstYear != "2026/27" || sc.Repayment.Years != 5 {
		t.Errorf("2024/25 support: %+v %+v", sc, sc.Repayment)
	}
}

func TestLoadEmbeddedYearFolder(t *testing.T) {
	lib, err := Load(plans.FS, "2024-25", "plans/2024-25", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Years) != 1 || lib.Years[0].Label != "2024/25" || lib.Years[0].Dataset.Path != "plans/2024-25/systems.csv" {
		t.Errorf("%+v", lib.Years)
	}
}

const tinyCSV = "code,name,population,plan\nQAA,A,10,-100\nQBB,B,20,50\n"

func TestLoadShapes(t *testing.T) {
	fsys := fstest.MapFS{
		"plans/2023-24/systems.csv": {Data: []byte(tinyCSV)},
		"plans/2023-24/b.toml":      {Data: []byte("title = \"B\"\npot = 1\n")},
		"plans/2023-24/a.TOML":      {Data: []byte("title = \"A\"\npot = 2\n")},
		"plans/2023-24/notes.txt":   {Data: []byte("ignored")},
		"plans/2024-25/systems.csv": {Data: []byte(tinyCSV)},
		"plans/archive/systems.csv": {Data: []byte("not read")},
		"plans/README.md":           {Data: []byte("ignored")},
		"loose/mine.csv":            {Data: []byte(tinyCSV)},
		"flat/systems.csv":          {Data: []byte(tinyCSV)},
		"flat/s.toml":               {Data: []byte("title = \"S\"\npot = 1\n")},
	}
	lib, err := Load(fsys, "plans", "plans", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Years) != 2 || lib.Years[0].Label != "2023/24" || lib.Years[1].Label != "2024/25" {
		t.Fatalf("years: %+v", lib.Years)
	}
	if y := lib.Years[0]; len(y.Scenarios) != 2 || y.Scenarios[0].Name != "a" || y.Scenarios[1].Name != "b" || y.Scenarios[0].Path != "plans/2023-24/a.TOML" {
		t.Errorf("scenarios: %+v", y.Scenarios)
	}
	if y := lib.Years[1]; len(y.Scenarios) != 1 || y.Scenarios[0].Name != "default" || !y.Scenarios[0].Pot.Equal(dec(t, "100")) {
		t.Errorf("default scenario: %+v", y.Scenarios)
	}

	// One year folder: the display name is kept as the user wrote it.
	lib, err = Load(fsys, "plans/2023-24", `C:\Users\cfo\plans\2023-24`, Options{})
	if err != nil || len(lib.Years) != 1 || lib.Years[0].Dataset.Path != `C:\Users\cfo\plans\2023-24\systems.csv` {
		t.Errorf("year folder: %+v %v", lib.Years, err)
	}
	// A year folder opened as "." takes its year from the display name.
	sub, _ := fsTestSub(fsys, "plans/2023-24")
	lib, err = Load(sub, ".", "../plans/2023-24/", Options{})
	if err != nil || len(lib.Years) != 1 || lib.Years[0].Label != "2023/24" || lib.Years[0].Dataset.Path != "../plans/2023-24/systems.csv" {
		t.Errorf("year folder as '.': %+v %v", lib.Years, err)
	}
	// A folder with a systems file but no year in its name needs --year.
	_, err = Load(fsys, "flat", "flat", Options{})
	if err == nil || err.Error() != "cannot tell the year of flat: name the folder like 2023-24 or pass --year 2023/24" {
		t.Errorf("flat: %v", err)
	}
	lib, err = Load(fsys, "flat", "flat", Options{Year: "2030/31"})
	if err != nil || lib.Years[0].Label != "2030/31" || lib.Years[0].Dir != "2030-31" || lib.Years[0].Scenarios[0].Name != "s" {
		t.Errorf("flat with year: %+v %v", lib.Years, err)
	}
	_, err = Load(fsys, "flat", "flat", Options{Year: "2030/32"})
	var ce *ChoiceError // a bad --year is a usage mistake, not bad input (issue 12 item 12)
	if !errors.As(err, &ce) || err.Error() != `--year: "2030/32" is not a financial year written like 2023/24 (the second part is the year after the first)` {
		t.Errorf("flat with bad year: %v", err)
	}

	// A lone file takes its year from its folder.
	lib, err = Load(fsys, "plans/2024-25/systems.csv", "plans/2024-25/systems.csv", Options{})
	if err != nil || len(lib.Years) != 1 || lib.Years[0].Label != "2024/25" || lib.Years[0].Dataset.Path != "plans/2024-25/systems.csv" ||
		lib.Years[0].Scenarios[0].Name != "default" {
		t.Errorf("lone file: %+v %v", lib.Years, err)
	}
	_, err = Load(fsys, "loose/mine.csv", "loose/mine.csv", Options{})
	if err == nil || err.Error() != "cannot tell the year of loose/mine.csv: put it in a folder named like 2023-24 or pass --year 2023/24" {
		t.Errorf("lone file without year: %v", err)
	}
	lib, err = Load(fsys, "loose/mine.csv", "mine.csv", Options{Year: "2023/24"})
	if err != nil || lib.Years[0].Label != "2023/24" || lib.Years[0].Dataset.Path != "mine.csv" {
		t.Errorf("lone file with --year: %+v %v", lib.Years, err)
	}
	_, err = Load(fsys, "plans/README.md", "plans/README.md", Options{})
	if err == nil || err.Error() != "plans/README.md is not a systems file: give a .csv or .xlsx file, a year folder such as 2023-24, or a plans folder" {
		t.Errorf("readme: %v", err)
	}
	// Nothing to load.
	_, err = Load(fsys, "plans/archive/..", "somewhere", Options{})
	if err != nil {
		t.Errorf("clean path: %v", err)
	}
	_, err = Load(fstest.MapFS{"x/2023-24/a.toml": {Data: []byte("title = \"A\"\npot = 1\n")}}, "x/2023-24", "x/2023-24", Options{})
	wantErr(t, err, `x/2023-24: the year folder has no systems.csv or systems.xlsx (one is needed for each year)`)
	_, err = Load(fstest.MapFS{"x/readme.txt": {}}, "x", "x", Options{})
	if !errors.Is(err, ErrNoPlans) || err.Error() != "x: no systems.csv or systems.xlsx, and no year folders named like 2023-24" {
		t.Errorf("no plans: %v", err)
	}
	_, err = Load(fsys, "nope", "nope", Options{})
	if err == nil || err.Error() != "cannot open nope: file does not exist" {
		t.Errorf("missing: %v", err)
	}
}

func TestLoadCollectsEveryProblem(t *testing.T) {
	fsys := fstest.MapFS{
		"p/2022-23/readme.txt":   {Data: []byte("no systems here")},
		"p/2023-24/systems.csv":  {Data: []byte("code,name,population,plan\nQAA,A,0,-1\n")},
		"p/2023-24/a.toml":       {Data: []byte("title = \"A\"\npot = 1\n[repayment]\nfirst_year = \"2023/24\"\nyears = 1\n")},
		"p/2023-24/b.toml":       {Data: []byte("pot = 1.5\n")},
		"p/2024-25/systems.csv":  {Data: []byte(tinyCSV)},
		"p/2024-25/systems.xlsx": {Data: []byte("x")},
	}
	_, err := Load(fsys, "p", "p", Options{})
	wantErr(t, err, `
p/2022-23: the year folder has no systems.csv or systems.xlsx (one is needed for each year)
p/2023-24/systems.csv:2: column "population": must be more than 0, not "0"
p/2023-24/a.toml:4: column "repayment.first_year": 2023/24 is not after the plans' year 2023/24: repayment starts in a later year
p/2023-24/b.toml:1: column "title": is missing: every scenario needs a title, like title = "Deficit support"
p/2023-24/b.toml:1: column "pot": write it in quotes, like pot = "1.5": an unquoted number with a decimal point or exponent passes through floating point and can lose digits
p/2024-25: has both systems.csv and systems.xlsx: keep only one`)
}

// fsTestSub is fs.Sub for tests.
func fsTestSub(fsys fstest.MapFS, dir string) (fstest.MapFS, error) {
	out := fstest.MapFS{}
	for k, v := range fsys {
		if strings.HasPrefix(k, dir+"/") {
			out[strings.TrimPrefix(k, dir+"/")] = v
		}
	}
	return out, nil
}

func TestLoadSkipsLockAndHiddenFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"p/2023-24/systems.csv":       {Data: []byte(tinyCSV)},
		"p/2023-24/~$systems.xlsx":    {Data: []byte("excel lock file")},
		"p/2023-24/._a.toml":          {Data: []byte("\x00\x05\x16\x07 AppleDouble")},
		"p/2023-24/.#a.toml":          {Data: []byte("emacs lock")},
		"p/2023-24/a.toml":            {Data: []byte("title = \"A\"\npot = \"\xa3700m\"\n")},
		"p/2023-24/a.toml~":           {Data: []byte("backup")},
		"p/2023-24/sub/systems.csv":   {Data: []byte("ignored")},
		"p/2023-24/2023-24/other.csv": {Data: []byte("ignored")},
	}
	lib, err := Load(fsys, "p", "p", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sc := lib.Years[0].Scenarios; len(sc) != 1 || sc[0].Name != "a" || !sc[0].Pot.Equal(dec(t, "700000000")) {
		t.Errorf("scenarios: %+v", sc)
	}
}

func TestProblemsAreCapped(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("code,name,population,plan\n")
	for i := 0; i < 600; i++ {
		sb.WriteString("Q,N,0,0\n")
	}
	_, err := parseCSV(t, sb.String())
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != MaxProblems+1 {
		t.Fatalf("%d problems", len(ps))
	}
	if got := ps[MaxProblems].Error(); got != "systems.csv:252: and 699 more problems from here on, not listed: fix the ones above first" {
		t.Errorf("last line: %s", got)
	}
}

func TestValidateFor(t *testing.T) {
	sc, err := ParseScenario("s.toml", []byte("title = \"S\"\npot = 1\n[repayment]\nfirst_year = \"2024/25\"\nyears = 2\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := sc.ValidateFor(Dataset{Year: "2023/24"}); err != nil {
		t.Errorf("2023/24: %v", err)
	}
	wantErr(t, sc.ValidateFor(Dataset{Year: "2024/25"}), `s.toml: column "repayment.first_year": 2024/25 is not after the plans' year 2024/25: repayment starts in a later year`)
	sc.Repayment = nil
	if err := sc.ValidateFor(Dataset{Year: "2030/31"}); err != nil {
		t.Errorf("grant: %v", err)
	}
}
