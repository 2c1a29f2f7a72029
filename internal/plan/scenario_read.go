package plan

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/charmap"
)

// rawScenario is the shape of a scenario file. Leaves are untyped so that
// every wrong value gets its own message rather than a decoder error.
type rawScenario struct {
	Title       any              `toml:"title"`
	Note        any              `toml:"note"`
	Year        any              `toml:"year"`
	Pot         any              `toml:"pot"`
	Paid        any              `toml:"paid"`
	Eligibility *rawEligibility  `toml:"eligibility"`
	Allocation  *rawAllocation   `toml:"allocation"`
	Repayment   *rawRepayment    `toml:"repayment"`
	Assumptions *rawAssumptions  `toml:"assumptions"`
	Tranche     []rawTranche     `toml:"tranche"`
	Consequence []rawConsequence `toml:"consequence"`
	Primary     any              `toml:"primary"`
}

type rawEligibility struct {
	Rule  any `toml:"rule"`
	Basis any `toml:"basis"`
}

type rawAllocation struct {
	Method any `toml:"method"`
	Basis  any `toml:"basis"`
	Cap    any `toml:"cap"`
	Unit   any `toml:"unit"`
}

type rawRepayment struct {
	Kind      any `toml:"kind"`
	FirstYear any `toml:"first_year"`
	Years     any `toml:"years"`
	Profile   any `toml:"profile"`
	Interest  any `toml:"interest"`
}

type rawAssumptions struct {
	DiscountRate      any `toml:"discount_rate"`
	WriteOff          any `toml:"write_off"`
	BalancedThreshold any `toml:"balanced_threshold"`
}

// scenarioKeys lists the keys each table takes, for unknown-key messages.
var scenarioKeys = map[string][]string{
	"":            {"title", "year", "note", "pot", "paid", "primary", "[eligibility]", "[allocation]", "[[tranche]]", "[[consequence]]", "[repayment]", "[assumptions]"},
	"eligibility": {"rule", "basis"},
	"allocation":  {"method", "basis", "cap", "unit"},
	"tranche":     TrancheFields,
	"consequence": ConsequenceFields,
	"repayment":   {"kind", "first_year", "years", "profile", "interest"},
	"assumptions": {"discount_rate", "write_off", "balanced_threshold"},
}

// scenarioReader turns a raw scenario into a Scenario, noting problems.
type scenarioReader struct {
	file    string
	data    []byte
	idx     map[string]tomlPos
	probs   Problems
	flagged map[string]bool
}

// line finds the line of a key, or of its table, or else 1: a key missing
// from the top of the file is a problem with the file as a whole.
func (r *scenarioReader) line(key string) int {
	for k := key; ; {
		if p, ok := r.idx[k]; ok {
			return p.line
		}
		i := strings.LastIndexByte(k, '.')
		if i < 0 {
			return 1
		}
		k = k[:i]
	}
}

func (r *scenarioReader) bad(key, format string, a ...any) {
	r.flagged[key] = true
	r.probs = append(r.probs, Problem{File: r.file, Line: r.line(key), Column: key, Message: fmt.Sprintf(format, a...)})
}

// rawAt finds the text of the value of key on a line of the document, for
// a message about a number the parser could not hold.
func (r *scenarioReader) rawAt(line int, key string) string {
	lines := strings.Split(string(r.data), "\n")
	if line < 1 || line > len(lines) {
		return "…"
	}
	_, v, ok := strings.Cut(lines[line-1], "=")
	if !ok {
		return "…"
	}
	v, _, _ = strings.Cut(v, "#")
	return strings.TrimSpace(v)
}

// quoteHint is the message for an unquoted number that is not a whole number.
func (r *scenarioReader) quoteHint(key, example string) {
	leaf := key[strings.LastIndexByte(key, '.')+1:]
	raw := strings.ReplaceAll(r.idx[key].raw, "_", "")
	if raw == "" || strings.Contains(raw, "inf") || strings.Contains(raw, "nan") {
		raw = example
	}
	r.bad(key, "write it in quotes, like %s = %q: an unquoted number with a decimal point or exponent passes through floating point and can lose digits", leaf, raw)
}

// parseScenario reads a scenario file; see ParseScenario and NewScenario.
// The text is UTF-8 (leading byte order marks dropped) or, when it is not
// valid UTF-8, Windows-1252, as for systems.csv.
func parseScenario(file string, data []byte) (Scenario, error) {
	sc, _, err := readScenario(file, data)
	return sc, err
}

// readScenario parses a scenario and also returns the line of each key, so
// Load can place the problems it finds against a dataset.
func readScenario(file string, data []byte) (Scenario, func(key string) int, error) {
	for bytes.HasPrefix(data, bom) {
		data = data[len(bom):]
	}
	if !utf8.Valid(data) { // saved as "ANSI" by an old editor: read as Windows-1252, as CSV is
		if dec, err := charmap.Windows1252.NewDecoder().Bytes(data); err == nil {
			data = dec
		}
	}
	r := &scenarioReader{file: file, data: data, flagged: map[string]bool{}}
	raw, err := r.decode()
	if err != nil {
		return Scenario{}, r.line, err
	}
	sc := r.build(raw)
	for _, p := range scenarioProblems(sc) {
		if r.flagged[p.Column] {
			continue
		}
		p.File, p.Line = file, r.line(p.Column)
		r.probs = append(r.probs, p)
	}
	if len(r.probs) > 0 {
		sort.SliceStable(r.probs, func(i, j int) bool { return r.probs[i].Line < r.probs[j].Line })
		return Scenario{}, r.line, capProblems(r.probs)
	}
	return sc, r.line, nil
}

// maxScenarioKeys bounds the keys and table headers of a scenario file.
const maxScenarioKeys = 1000

// decode reads the TOML into its raw shape and indexes its keys. Unknown
// keys are noted as problems and reading goes on; a document that is not
// TOML, or has a value of the wrong shape, is an error at once.
func (r *scenarioReader) decode() (rawScenario, error) {
	var raw rawScenario
	idx, order := indexTOML(r.data)
	r.idx = idx
	if len(order) > maxScenarioKeys { // the decoder's check for repeated keys takes time that grows with their square
		return raw, Problems{{File: r.file, Line: order[maxScenarioKeys].line,
			Message: fmt.Sprintf("has more than %d keys and tables: a scenario has a few dozen, so this is not a scenario file", maxScenarioKeys)}}
	}
	// Unknown keys are found from the index, not by the decoder's strict
	// mode, which rescans the document for each one.
	err := toml.NewDecoder(bytes.NewReader(r.data)).Decode(&raw)
	var de *toml.DecodeError
	switch {
	case err == nil:
		for _, e := range unknownEntries(order, scenarioSchema) {
			r.probs = append(r.probs, unknownKey(r.file, e))
		}
	case errors.As(err, &de):
		line, _ := de.Position()
		p := Problem{File: r.file, Line: line, Message: decodeMessage(de)}
		if msg := de.Error(); strings.Contains(msg, "too large") || strings.Contains(msg, "out of range") {
			key := strings.Join(de.Key(), ".")
			p.Column = key
			p.Message = fmt.Sprintf("is too large to write without quotes: write it in quotes, like %s = \"%s\"", key[strings.LastIndexByte(key, '.')+1:], clip(r.rawAt(line, key)))
		}
		return raw, Problems{p}
	default:
		return raw, Problems{{File: r.file, Message: "cannot read as TOML: " + err.Error()}}
	}
	return raw, nil
}

// build reads each value of the raw scenario over the defaults.
func (r *scenarioReader) build(raw rawScenario) Scenario {
	sc := NewScenario()
	sc.Path = r.file
	sc.Name = stem(r.file)
	if raw.Title == nil {
		r.bad("title", "is missing: every scenario needs a title, like title = \"Deficit support\"")
	}
	sc.Title = r.text("title", raw.Title)
	sc.Note = r.text("note", raw.Note)
	sc.Year = r.text("year", raw.Year)
	sc.Paid = r.text("paid", raw.Paid)
	sc.Primary = r.primary(raw.Primary)
	r.pot(&sc, raw.Pot)
	if e := raw.Eligibility; e != nil {
		sc.Eligibility.Rule = Rule(r.choice(FieldRule, e.Rule, string(sc.Eligibility.Rule), rules))
		sc.Eligibility.Basis = Basis(r.choice(FieldEligibilityBasis, e.Basis, string(sc.Eligibility.Basis), bases))
	}
	sc.Allocation.Basis = sc.Eligibility.Basis
	if a := raw.Allocation; a != nil {
		sc.Allocation.Method = Method(r.choice(FieldMethod, a.Method, string(sc.Allocation.Method), methods))
		sc.Allocation.Basis = Basis(r.choice(FieldAllocationBasis, a.Basis, string(sc.Allocation.Basis), bases))
		sc.Allocation.Cap = Cap(r.choice(FieldCap, a.Cap, string(sc.Allocation.Cap), caps))
		sc.Allocation.Unit = r.unit(FieldUnit, a.Unit)
	}
	if p := raw.Repayment; p != nil {
		sc.Repayment = r.repayment(p)
	}
	sc.Tranches = r.tranches(raw.Tranche)
	sc.Consequences = r.consequences(raw.Consequence)
	if a := raw.Assumptions; a != nil {
		sc.Assumptions.DiscountRate = r.rate(FieldDiscountRate, a.DiscountRate, sc.Assumptions.DiscountRate)
		sc.Assumptions.WriteOff = r.rate(FieldWriteOff, a.WriteOff, sc.Assumptions.WriteOff)
		sc.Assumptions.BalancedThreshold = r.money(FieldThreshold, a.BalancedThreshold, sc.Assumptions.BalancedThreshold)
	}
	return sc
}

func (r *scenarioReader) repayment(p *rawRepayment) *Repayment {
	rp := &Repayment{Interest: decimal.Zero}
	if p.Kind != nil {
		rp.Kind = RepaymentKind(r.choice(FieldRepaymentKind, p.Kind, string(RepaymentLoan), kinds))
	}
	if p.FirstYear == nil {
		r.bad(FieldFirstYear, "is missing: say when repayment starts, like first_year = \"2025/26\" (or remove [repayment] for a grant)")
	}
	rp.FirstYear = r.text(FieldFirstYear, p.FirstYear)
	rp.Profile = r.profile(p.Profile)
	switch x := p.Years.(type) {
	case nil:
		if rp.Profile != nil {
			rp.Years = len(rp.Profile)
		} else if !r.flagged[FieldProfile] {
			r.bad(FieldYears, "is missing: say over how many years the money is repaid, like years = 3")
		}
	case int64:
		if err := checkYears(x); err != nil {
			r.bad(FieldYears, "%s", err)
		} else {
			rp.Years = int(x)
		}
	default:
		r.bad(FieldYears, "must be a whole number without quotes, like years = 3")
	}
	rp.Interest = r.rate(FieldInterest, p.Interest, decimal.Zero)
	if r.flagged[FieldProfile] || r.flagged[FieldYears] {
		r.flagged[FieldProfile], r.flagged[FieldYears] = true, true
	}
	return rp
}

// unknownKey explains a key or table the scenario does not take.
func unknownKey(file string, e tomlEntry) Problem {
	line, key := e.line, e.path
	name := strings.Join(key, ".")
	if e.header {
		return Problem{File: file, Line: line, Message: fmt.Sprintf("unknown table [%s]: a scenario has [eligibility], [allocation], [[tranche]], [[consequence]], [repayment] and [assumptions]", clip(name))}
	}
	table := strings.Join(key[:max(len(key)-1, 0)], ".")
	allowed, ok := scenarioKeys[table]
	switch {
	case !ok:
		return Problem{File: file, Line: line, Message: fmt.Sprintf("unknown key %q", clip(name))}
	case table == "":
		return Problem{File: file, Line: line, Message: fmt.Sprintf("unknown key %q: the top of a scenario takes %s", clip(name), andList(allowed))}
	}
	return Problem{File: file, Line: line, Message: fmt.Sprintf("unknown key %q: [%s] takes %s", clip(name), table, andList(allowed))}
}

// decodeMessage explains a TOML syntax or shape error.
func decodeMessage(de *toml.DecodeError) string {
	msg := strings.TrimPrefix(de.Error(), "toml: ")
	key := strings.Join(de.Key(), ".")
	switch {
	case strings.HasPrefix(msg, "cannot decode"):
		if key == "tranche" || key == "consequence" {
			return fmt.Sprintf("%s must be a list of tables, each written [[%s]] on a line of its own with its keys below", key, key)
		}
		if _, table := scenarioKeys[key]; table && key != "" {
			return fmt.Sprintf("%s must be a table, written [%s] on a line of its own with its keys below", key, key)
		}
		return fmt.Sprintf("%s has the wrong kind of value", key)
	}
	return "not valid TOML: " + msg
}

// stem is a file's name without folders or extension.
func stem(file string) string {
	base := path.Base(strings.ReplaceAll(file, `\`, "/"))
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return base
}
