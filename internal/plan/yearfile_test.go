package plan

import (
	"errors"
	"reflect"
	"testing"
	"testing/fstest"
)

const goodYearFile = `# 2023/24 as published
[[reported]]
figure = "deficit plans"
value = 15
source = "Lowdown, Aug 2023"
url = "https://lowdownnhs.info/integrated-care/cash-restraints-show-survey-of-icbs"
confidence = "m"

[[reported]]
figure = "planned deficit"
value = "£720m"
source = "NAO, July 2024"
confidence = "High"
`

func TestParseYearFile(t *testing.T) {
	got, err := ParseYearFile("year.toml", []byte(goodYearFile))
	if err != nil {
		t.Fatal(err)
	}
	want := []Reported{
		{Figure: FigureDeficitPlans, Value: "15", Source: "Lowdown, Aug 2023",
			URL: "https://lowdownnhs.info/integrated-care/cash-restraints-show-survey-of-icbs", Confidence: "M", Line: 2},
		{Figure: FigurePlannedDeficit, Value: "£720m", Source: "NAO, July 2024", Confidence: "H", Line: 9},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if rs, err := ParseYearFile("year.toml", []byte("# nothing reported yet\n")); err != nil || len(rs) != 0 {
		t.Errorf("an empty year.toml: %v, %v", rs, err)
	}
}

func TestParseYearFileProblems(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"not TOML", "[[reported]\n", `y.toml:1: not valid TOML: expected ']]' to close array table name`},
		{"reported as a value", "reported = 3\n", "y.toml:1: reported must be written as [[reported]] tables, each with figure, value and source"},
		{"value a list", "[[reported]]\nfigure = \"x\"\nvalue = [1]\nsource = \"s\"\n", `y.toml:3: column "value": must be text in quotes`},
		{"url a number", "[[reported]]\nfigure = \"x\"\nvalue = \"1\"\nsource = \"s\"\nurl = 4\n", `y.toml:5: column "url": must be text in quotes`},
		{"source missing", "[[reported]]\nfigure = \"x\"\nvalue = \"1\"\n", `y.toml:1: column "source": is missing: each [[reported]] needs figure, value and source`},
	}
	for _, c := range cases {
		_, err := ParseYearFile("y.toml", []byte(c.text))
		var ps Problems
		if !errors.As(err, &ps) {
			t.Errorf("%s: not Problems: %v", c.name, err)
			continue
		}
		if ps.Error() != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, ps.Error(), c.want)
		}
	}
}

// A year.toml is read into Year.Reported and is not taken for a scenario;
// the year's primary scenario is the one marked so, else the first by name.
func TestLoadYearFileAndPrimary(t *testing.T) {
	csv := "code,name,population,plan\nQAA,A,100,-5\n"
	fsys := fstest.MapFS{
		"p/2023-24/systems.csv": {Data: []byte(csv)},
		"p/2023-24/year.toml":   {Data: []byte(goodYearFile)},
		"p/2023-24/a.toml":      {Data: []byte("title = \"A\"\npot = 1\n")},
		"p/2023-24/b.toml":      {Data: []byte("title = \"B\"\npot = 1\nprimary = true\n")},
		"p/2024-25/systems.csv": {Data: []byte(csv)},
		"p/2024-25/a.toml":      {Data: []byte("title = \"A\"\npot = 1\nprimary = false\n")},
		"p/2024-25/b.toml":      {Data: []byte("title = \"B\"\npot = 1\n")},
	}
	lib, err := Load(fsys, "p", "p", Options{})
	if err != nil {
		t.Fatal(err)
	}
	y := lib.Years[0]
	if len(y.Reported) != 2 || y.Reported[1].Value != "£720m" {
		t.Errorf("reported: %+v", y.Reported)
	}
	if len(y.Scenarios) != 2 || y.Scenarios[0].Name != "a" || y.Scenarios[1].Name != "b" {
		t.Fatalf("scenarios: %+v", y.Scenarios)
	}
	if y.Primary() != 1 {
		t.Errorf("2023/24 primary = %d, want 1 (b.toml is marked)", y.Primary())
	}
	if sc, i, err := y.PickScenario("", nil, ""); err != nil || i != 1 || sc.Name != "b" {
		t.Errorf("PickScenario(\"\") = %s, %d, %v; want the primary b, 1", sc.Name, i, err)
	}
	if y2 := lib.Years[1]; y2.Primary() != 0 || y2.Reported != nil {
		t.Errorf("2024/25: primary %d (want 0, the first by name), reported %v (want nil)", y2.Primary(), y2.Reported)
	}
}

func TestPrimaryKey(t *testing.T) {
	sc, err := ParseScenario("s.toml", []byte("title = \"T\"\npot = 1\nprimary = true\n"))
	if err != nil || !sc.Primary {
		t.Fatalf("primary = true: %v, %v", sc.Primary, err)
	}
	back, err := ParseScenario("s.toml", sc.MarshalTOML())
	if err != nil || !back.Primary {
		t.Errorf("primary lost in writing:\n%s", sc.MarshalTOML())
	}
	_, err = ParseScenario("s.toml", []byte("title = \"T\"\npot = 1\nprimary = \"yes\"\n"))
	wantErr(t, err, `s.toml:3: column "primary": must be true or false, without quotes, like primary = true`)
}

// FuzzParseYearFile: on any bytes, ParseYearFile never panics; it fails
// with Problems that name the file, or gives entries that each have a
// figure, a value and a source and a confidence of "", H, M or L.
func FuzzParseYearFile(f *testing.F) {
	f.Add([]byte(goodYearFile))
	f.Add([]byte("[[reported]]\nfigure = 1\n[x]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := ParseYearFile("y.toml", data)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error is not Problems: %v", err)
			}
			for _, p := range ps {
				if p.File != "y.toml" {
					t.Fatalf("problem not located: %+v", p)
				}
			}
			return
		}
		for _, r := range rs {
			if r.Figure == "" || r.Value == "" || r.Source == "" || (r.Confidence != ConfidenceUnknown && r.Confidence != ConfidenceHigh &&
				r.Confidence != ConfidenceMedium && r.Confidence != ConfidenceLow) {
				t.Fatalf("bad entry accepted: %+v", r)
			}
		}
	})
}
