package plan

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/encoding/charmap"
)

// YearFile is the name of the file in a year folder that holds the year's
// reported national figures. It is not a scenario, though it is TOML.
const YearFile = "year.toml"

// Figures a year.toml may report that the panel computes from the data too,
// so that the two can be set side by side.
const (
	FigureDeficitPlans   = "deficit plans"   // how many systems planned a deficit
	FigurePlannedDeficit = "planned deficit" // their planned deficits, summed
)

// Reported is one national figure of a year as it was published, from a
// [[reported]] table of the year's year.toml.
type Reported struct {
	Figure     string     // what was counted or summed, e.g. "deficit plans"
	Value      string     // as published, e.g. "15" or "£720m"; text, since many are approximate
	Source     string     // who published it, and where
	URL        string     // optional: where it can be read
	Confidence Confidence // optional: H, M or L, as data/SOURCES.md grades them; ConfidenceUnknown if not given
	Line       int        // line of the entry's [[reported]] header
}

// rawYearFile is the shape of a year.toml. Leaves are untyped so that a
// wrong value gets its own message.
type rawYearFile struct {
	Reported []rawReported `toml:"reported"`
}

type rawReported struct {
	Figure     any `toml:"figure"`
	Value      any `toml:"value"`
	Source     any `toml:"source"`
	URL        any `toml:"url"`
	Confidence any `toml:"confidence"`
}

// ParseYearFile reads a year.toml: any number of [[reported]] tables, each
// with figure, value and source, and optionally url and confidence (H, M or
// L). Unknown keys, missing keys and values of the wrong kind are problems
// naming the file, the line and the key; all of them are reported at once.
func ParseYearFile(file string, data []byte) ([]Reported, error) {
	for bytes.HasPrefix(data, bom) {
		data = data[len(bom):]
	}
	if !utf8.Valid(data) {
		if dec, err := charmap.Windows1252.NewDecoder().Bytes(data); err == nil {
			data = dec
		}
	}
	var raw rawYearFile
	err := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields().Decode(&raw)
	var strict *toml.StrictMissingError
	var de *toml.DecodeError
	var probs Problems
	switch {
	case err == nil:
	case errors.As(err, &strict):
		for i := range strict.Errors {
			line, _ := strict.Errors[i].Position()
			probs = append(probs, Problem{File: file, Line: line, Message: fmt.Sprintf(
				"unknown key %q: %s holds only [[reported]] tables of figure, value, source, url and confidence",
				clip(strings.Join(strict.Errors[i].Key(), ".")), YearFile)})
		}
	case errors.As(err, &de):
		line, _ := de.Position()
		msg := "not valid TOML: " + strings.TrimPrefix(de.Error(), "toml: ")
		if strings.HasPrefix(strings.TrimPrefix(de.Error(), "toml: "), "cannot decode") {
			msg = "reported must be written as [[reported]] tables, each with figure, value and source"
		}
		return nil, Problems{{File: file, Line: line, Message: msg}}
	default:
		return nil, Problems{{File: file, Message: "cannot read as TOML: " + err.Error()}}
	}
	idx, _ := indexTOML(data)
	out := make([]Reported, 0, len(raw.Reported))
	for i, rr := range raw.Reported {
		at := func(key string) int { // the key's line, or its table's, or 1
			table := "reported." + strconv.Itoa(i+1)
			if p, ok := idx[table+"."+key]; ok && key != "" {
				return p.line
			}
			if p, ok := idx[table]; ok {
				return p.line
			}
			return 1
		}
		bad := func(key, format string, a ...any) {
			probs = append(probs, Problem{File: file, Line: at(key), Column: key, Message: fmt.Sprintf(format, a...)})
		}
		rp := Reported{Line: at("")}
		rp.Figure = reportedText(rr.Figure, "figure", true, bad)
		rp.Value = reportedValue(rr.Value, bad)
		rp.Source = reportedText(rr.Source, "source", true, bad)
		rp.URL = reportedText(rr.URL, "url", false, bad)
		rp.Confidence = reportedConfidence(rr.Confidence, bad)
		out = append(out, rp)
	}
	if len(probs) > 0 {
		sort.SliceStable(probs, func(i, j int) bool { return probs[i].Line < probs[j].Line })
		return nil, probs
	}
	return out, nil
}

// badFunc notes a problem with a key of one [[reported]] table.
type badFunc func(key, format string, a ...any)

// reportedText reads a text key; a required one must be present and not blank.
func reportedText(v any, key string, required bool, bad badFunc) string {
	switch x := v.(type) {
	case nil:
		if required {
			bad(key, "is missing: each [[reported]] needs figure, value and source")
		}
		return ""
	case string:
		if required && strings.TrimSpace(x) == "" {
			bad(key, "is blank: say what it is, in quotes")
		}
		return strings.TrimSpace(x)
	}
	bad(key, "must be text in quotes")
	return ""
}

// reportedValue reads a value: text, or a whole number written without quotes.
func reportedValue(v any, bad badFunc) string {
	switch x := v.(type) {
	case int64:
		return fmt.Sprint(x)
	case float64:
		bad("value", "write it in quotes, like value = \"£2.2bn\": an unquoted number with a decimal point passes through floating point")
		return ""
	}
	return reportedText(v, "value", true, bad)
}

// reportedConfidence reads an optional confidence grade as a systems
// file's confidence column does: H, M or L (or high, medium and low), in
// any case.
func reportedConfidence(v any, bad badFunc) Confidence {
	s := reportedText(v, "confidence", false, bad)
	c, ok := confidenceOf(s)
	if !ok {
		bad("confidence", "%q is not a confidence grade: write H, M or L", clip(s))
	}
	return c
}
