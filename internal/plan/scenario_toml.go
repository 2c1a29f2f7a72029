package plan

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/charmap"

	"icsplan/internal/money"
)

// MaxRepaymentYears bounds repayment.years.
const MaxRepaymentYears = 100

var (
	rules   = []string{string(RuleDeficit), string(RuleBalanced), string(RuleAll)}
	bases   = []string{string(BasisPlan), string(BasisForecast), string(BasisOutturn)}
	methods = []string{string(MethodProRata), string(MethodPerCapita), string(MethodEqual)}
	caps    = []string{string(CapNone), string(CapDeficit)}
	units   = []decimal.Decimal{decimal.New(1, -2), decimal.NewFromInt(1), decimal.NewFromInt(1000)}
)

// NewScenario returns a scenario with every default a scenario file gets for
// a table or key it leaves out:
//
//   - note and paid: empty
//   - [eligibility]: rule "all", basis "plan"
//   - [allocation]: method "per_capita", basis the eligibility basis, cap
//     "none", unit "£1"
//   - [repayment]: omitted means a grant (Repayment nil); when present,
//     interest "0%", profile equal shares, and years the length of the
//     profile if only the profile is given
//   - [assumptions]: discount_rate "3.5%" (HM Treasury Green Book),
//     write_off "0%", balanced_threshold "0"
//
// title and pot have no default: a file must give them. The returned
// scenario has an empty title and a zero pot.
func NewScenario() Scenario {
	return Scenario{
		Eligibility: Eligibility{Rule: RuleAll, Basis: BasisPlan},
		Allocation:  Allocation{Method: MethodPerCapita, Basis: BasisPlan, Cap: CapNone, Unit: decimal.NewFromInt(1)},
		Assumptions: Assumptions{
			DiscountRate:      decimal.New(35, -3),
			WriteOff:          decimal.Zero,
			BalancedThreshold: decimal.Zero,
		},
	}
}

// rawScenario is the shape of a scenario file. Leaves are untyped so that
// every wrong value gets its own message rather than a decoder error.
type rawScenario struct {
	Title       any             `toml:"title"`
	Note        any             `toml:"note"`
	Pot         any             `toml:"pot"`
	Paid        any             `toml:"paid"`
	Eligibility *rawEligibility `toml:"eligibility"`
	Allocation  *rawAllocation  `toml:"allocation"`
	Repayment   *rawRepayment   `toml:"repayment"`
	Assumptions *rawAssumptions `toml:"assumptions"`
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
	"":            {"title", "note", "pot", "paid", "[eligibility]", "[allocation]", "[repayment]", "[assumptions]"},
	"eligibility": {"rule", "basis"},
	"allocation":  {"method", "basis", "cap", "unit"},
	"repayment":   {"first_year", "years", "profile", "interest"},
	"assumptions": {"discount_rate", "write_off", "balanced_threshold"},
}

// tomlPos is where a key sits in a TOML document.
type tomlPos struct {
	line int
	kind unstable.Kind
	raw  string
}

// indexTOML maps each dotted key path ("repayment.years") and table
// ("repayment") to its line, value kind and raw value text. It is
// best-effort: a document the parser rejects gives what was read before.
func indexTOML(data []byte) map[string]tomlPos {
	idx := map[string]tomlPos{}
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
		case unstable.KeyValue:
			keyValue(table, e)
		}
	}
	return idx
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

func (r *scenarioReader) text(key string, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case fmt.Stringer: // dates and times written without quotes
		if key == "paid" {
			return x.String()
		}
	}
	r.bad(key, "must be text in quotes")
	return ""
}

func (r *scenarioReader) money(key string, v any, def decimal.Decimal) decimal.Decimal {
	switch x := v.(type) {
	case nil:
		return def
	case string:
		d, err := money.Parse(x)
		if err != nil {
			r.bad(key, "%s", moneyMessage(x, err))
			return def
		}
		return d
	case int64:
		return decimal.NewFromInt(x)
	case float64: // an unquoted decimal: refused unread, so no money or rate passes through a float
		r.quoteHint(key, "£700m")
		return def
	}
	r.bad(key, "must be an amount of money in quotes, like \"£700m\"")
	return def
}

func (r *scenarioReader) rate(key string, v any, def decimal.Decimal) decimal.Decimal {
	switch x := v.(type) {
	case nil:
		return def
	case string:
		d, err := money.ParseRate(x)
		if err != nil {
			r.bad(key, "%s", rateMessage(err))
			return def
		}
		return d
	case int64:
		if x == 0 {
			return decimal.Zero
		}
		// 3 could mean 3% or 300%: ask for the unambiguous form.
		leaf := key[strings.LastIndexByte(key, '.')+1:]
		r.bad(key, "write it as a percentage in quotes, like %s = \"%d%%\": an unquoted %d could mean %d%% or %d%%", leaf, x, x, x, x*100)
		return def
	case float64: // an unquoted decimal: refused unread, so no money or rate passes through a float
		r.quoteHint(key, "3.5%")
		return def
	}
	r.bad(key, "must be a rate in quotes, like \"3.5%%\"")
	return def
}

func (r *scenarioReader) choice(key string, v any, def string, allowed []string) string {
	switch x := v.(type) {
	case nil:
		return def
	case string:
		s := strings.ToLower(strings.TrimSpace(x))
		s = strings.NewReplacer("-", "_", " ", "_").Replace(s)
		for _, a := range allowed {
			if s == a {
				return s
			}
		}
		return x // left for validation to report
	}
	r.bad(key, "must be %s, in quotes", orList(allowed))
	return def
}

func (r *scenarioReader) unit(key string, v any) decimal.Decimal {
	def := decimal.NewFromInt(1)
	var d decimal.Decimal
	switch x := v.(type) {
	case nil:
		return def
	case int64:
		d = decimal.NewFromInt(x)
	case string:
		var err error
		if d, err = money.Parse(x); err != nil {
			r.bad(key, "must be \"£0.01\", \"£1\" or \"£1000\", not %q", clip(x))
			return def
		}
	case float64: // an unquoted decimal: refused unread, so no money or rate passes through a float
		r.quoteHint(key, "£0.01")
		return def
	default:
		r.bad(key, "must be \"£0.01\", \"£1\" or \"£1000\"")
		return def
	}
	return d
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
	var raw rawScenario
	err := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields().Decode(&raw)
	r.idx = indexTOML(data)
	var strict *toml.StrictMissingError
	var de *toml.DecodeError
	switch {
	case err == nil:
	case errors.As(err, &strict):
		for i := range strict.Errors {
			r.probs = append(r.probs, unknownKey(file, &strict.Errors[i]))
		}
	case errors.As(err, &de):
		line, _ := de.Position()
		p := Problem{File: file, Line: line, Message: decodeMessage(de)}
		if msg := de.Error(); strings.Contains(msg, "too large") || strings.Contains(msg, "out of range") {
			key := strings.Join(de.Key(), ".")
			p.Column = key
			p.Message = fmt.Sprintf("is too large to write without quotes: write it in quotes, like %s = \"%s\"", key[strings.LastIndexByte(key, '.')+1:], clip(r.rawAt(line, key)))
		}
		return Scenario{}, r.line, Problems{p}
	default:
		return Scenario{}, r.line, Problems{{File: file, Message: "cannot read as TOML: " + err.Error()}}
	}

	sc := NewScenario()
	sc.Path = file
	sc.Name = stem(file)
	if raw.Title == nil {
		r.bad("title", "is missing: every scenario needs a title, like title = \"Deficit support\"")
	}
	sc.Title = r.text("title", raw.Title)
	sc.Note = r.text("note", raw.Note)
	sc.Paid = r.text("paid", raw.Paid)
	if raw.Pot == nil {
		r.bad("pot", "is missing: say how much money is shared, like pot = \"£700m\"")
	}
	sc.Pot = r.money("pot", raw.Pot, decimal.Zero)
	if e := raw.Eligibility; e != nil {
		sc.Eligibility.Rule = Rule(r.choice("eligibility.rule", e.Rule, string(sc.Eligibility.Rule), rules))
		sc.Eligibility.Basis = Basis(r.choice("eligibility.basis", e.Basis, string(sc.Eligibility.Basis), bases))
	}
	sc.Allocation.Basis = sc.Eligibility.Basis
	if a := raw.Allocation; a != nil {
		sc.Allocation.Method = Method(r.choice("allocation.method", a.Method, string(sc.Allocation.Method), methods))
		sc.Allocation.Basis = Basis(r.choice("allocation.basis", a.Basis, string(sc.Allocation.Basis), bases))
		sc.Allocation.Cap = Cap(r.choice("allocation.cap", a.Cap, string(sc.Allocation.Cap), caps))
		sc.Allocation.Unit = r.unit("allocation.unit", a.Unit)
	}
	if p := raw.Repayment; p != nil {
		sc.Repayment = r.repayment(p)
	}
	if a := raw.Assumptions; a != nil {
		sc.Assumptions.DiscountRate = r.rate("assumptions.discount_rate", a.DiscountRate, sc.Assumptions.DiscountRate)
		sc.Assumptions.WriteOff = r.rate("assumptions.write_off", a.WriteOff, sc.Assumptions.WriteOff)
		sc.Assumptions.BalancedThreshold = r.money("assumptions.balanced_threshold", a.BalancedThreshold, sc.Assumptions.BalancedThreshold)
	}
	for _, p := range scenarioProblems(sc) {
		if r.flagged[p.Column] {
			continue
		}
		p.File, p.Line = file, r.line(p.Column)
		r.probs = append(r.probs, p)
	}
	if len(r.probs) > 0 {
		sort.SliceStable(r.probs, func(i, j int) bool { return r.probs[i].Line < r.probs[j].Line })
		return Scenario{}, r.line, r.probs
	}
	return sc, r.line, nil
}

func (r *scenarioReader) repayment(p *rawRepayment) *Repayment {
	rp := &Repayment{Interest: decimal.Zero}
	if p.FirstYear == nil {
		r.bad("repayment.first_year", "is missing: say when repayment starts, like first_year = \"2025/26\" (or remove [repayment] for a grant)")
	}
	rp.FirstYear = r.text("repayment.first_year", p.FirstYear)
	switch x := p.Profile.(type) {
	case nil:
	case []any:
		rp.Profile = make([]decimal.Decimal, 0, len(x))
		for i, v := range x {
			key := "repayment.profile"
			switch y := v.(type) {
			case string:
				d, err := money.ParseRate(y)
				if err != nil {
					r.bad(key, "cannot read share %d, %q, as a percentage: write it like \"25%%\"", i+1, clip(y))
					continue
				}
				rp.Profile = append(rp.Profile, d)
			case int64:
				r.bad(key, "write share %d as a percentage in quotes, like \"%d%%\"", i+1, y)
			default:
				r.bad(key, "write share %d as a percentage in quotes, like \"25%%\"", i+1)
			}
		}
	default:
		r.bad("repayment.profile", "must be a list of percentages, like profile = [\"25%%\", \"25%%\", \"50%%\"]")
	}
	switch x := p.Years.(type) {
	case nil:
		if rp.Profile != nil {
			rp.Years = len(rp.Profile)
		} else if !r.flagged["repayment.profile"] {
			r.bad("repayment.years", "is missing: say over how many years the money is repaid, like years = 3")
		}
	case int64:
		if x < 1 || x > MaxRepaymentYears {
			r.bad("repayment.years", "must be from 1 to %d, not %d", MaxRepaymentYears, x)
		} else {
			rp.Years = int(x)
		}
	default:
		r.bad("repayment.years", "must be a whole number without quotes, like years = 3")
	}
	rp.Interest = r.rate("repayment.interest", p.Interest, decimal.Zero)
	if r.flagged["repayment.profile"] || r.flagged["repayment.years"] {
		r.flagged["repayment.profile"], r.flagged["repayment.years"] = true, true
	}
	return rp
}

// unknownKey explains a key or table the scenario does not take.
func unknownKey(file string, e *toml.DecodeError) Problem {
	line, _ := e.Position()
	key := []string(e.Key())
	name := strings.Join(key, ".")
	if strings.Contains(e.Error(), "missing table") {
		return Problem{File: file, Line: line, Message: fmt.Sprintf("unknown table [%s]: a scenario has [eligibility], [allocation], [repayment] and [assumptions]", clip(name))}
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

// rateMessage is the rate parser's message, with a hint if it gave no reason.
func rateMessage(err error) string {
	msg := err.Error()
	if !strings.Contains(msg, ": ") {
		msg += `: write it like "3.5%" or "0.035"`
	}
	return msg
}

// percent shows a fraction as an exact percentage: 0.035 is "3.5%".
func percent(d decimal.Decimal) string { return d.Shift(2).String() + "%" }

// unitText shows an allocation unit as a scenario file writes it.
func unitText(u decimal.Decimal) string { return "£" + u.String() }

// scenarioProblems checks the values of a scenario; File and Line are left
// for the caller.
func scenarioProblems(s Scenario) Problems {
	var ps Problems
	bad := func(key, format string, a ...any) {
		ps = append(ps, Problem{Column: key, Message: fmt.Sprintf(format, a...)})
	}
	oneOf := func(key, v string, allowed []string) {
		for _, a := range allowed {
			if v == a {
				return
			}
		}
		bad(key, "must be %s, not %q", orList(allowed), clip(v))
	}
	if strings.TrimSpace(s.Title) == "" {
		bad("title", "is blank: every scenario needs a title")
	}
	oneOf("eligibility.rule", string(s.Eligibility.Rule), rules)
	oneOf("eligibility.basis", string(s.Eligibility.Basis), bases)
	oneOf("allocation.method", string(s.Allocation.Method), methods)
	oneOf("allocation.basis", string(s.Allocation.Basis), bases)
	oneOf("allocation.cap", string(s.Allocation.Cap), caps)
	unitOK := false
	for _, u := range units {
		unitOK = unitOK || s.Allocation.Unit.Equal(u)
	}
	if !unitOK {
		bad("allocation.unit", "must be \"£0.01\", \"£1\" or \"£1000\", not %q", unitText(s.Allocation.Unit))
	}
	switch {
	case s.Pot.IsNegative():
		bad("pot", "must not be negative, not %s", s.Pot.String())
	case unitOK && !s.Pot.Mod(s.Allocation.Unit).IsZero():
		bad("pot", "%s is not a whole number of the allocation unit (%s): round the pot, or choose a smaller allocation.unit", s.Pot.String(), unitText(s.Allocation.Unit))
	}
	if rp := s.Repayment; rp != nil {
		if _, err := yearStart(rp.FirstYear); err != nil {
			bad("repayment.first_year", "%v", err)
		}
		if rp.Years < 1 || rp.Years > MaxRepaymentYears {
			bad("repayment.years", "must be from 1 to %d, not %d", MaxRepaymentYears, rp.Years)
		}
		if len(rp.Profile) > 0 {
			sum := decimal.Zero
			neg := false
			for i, f := range rp.Profile {
				if f.IsNegative() {
					bad("repayment.profile", "share %d is negative (%s)", i+1, percent(f))
					neg = true
				}
				sum = sum.Add(f)
			}
			switch {
			case len(rp.Profile) != rp.Years:
				bad("repayment.profile", "has %d %s but repayment.years is %d: give one share for each year", len(rp.Profile), plural(len(rp.Profile), "share", "shares"), rp.Years)
			case !neg && !sum.Equal(decimal.NewFromInt(1)):
				bad("repayment.profile", "shares add up to %s, not exactly 100%%", percent(sum))
			}
		}
		if rp.Interest.IsNegative() {
			bad("repayment.interest", "must not be negative, not %s", percent(rp.Interest))
		}
	}
	a := s.Assumptions
	if a.DiscountRate.IsNegative() {
		bad("assumptions.discount_rate", "must not be negative, not %s", percent(a.DiscountRate))
	}
	if a.WriteOff.IsNegative() || a.WriteOff.GreaterThan(decimal.NewFromInt(1)) {
		bad("assumptions.write_off", "is a probability: it must be from 0%% to 100%%, not %s", percent(a.WriteOff))
	}
	if a.BalancedThreshold.IsNegative() {
		bad("assumptions.balanced_threshold", "must not be negative, not %s", a.BalancedThreshold.String())
	}
	return ps
}

// validateScenario is Scenario.Validate.
func validateScenario(s Scenario) error {
	ps := scenarioProblems(s)
	if len(ps) == 0 {
		return nil
	}
	file := s.Path
	if file == "" {
		file = "scenario"
		if s.Name != "" {
			file = s.Name
		}
	}
	for i := range ps {
		ps[i].File = file
	}
	return ps
}

// marshalScenario writes s as TOML that parseScenario reads back equal.
func marshalScenario(s Scenario) []byte {
	var b bytes.Buffer
	kv := func(k, v string) { fmt.Fprintf(&b, "%s = %s\n", k, v) }
	kv("title", tomlString(s.Title))
	if s.Note != "" {
		kv("note", tomlString(s.Note))
	}
	kv("pot", tomlString(s.Pot.String()))
	if s.Paid != "" {
		kv("paid", tomlString(s.Paid))
	}
	b.WriteString("\n[eligibility]\n")
	kv("rule", tomlString(string(s.Eligibility.Rule)))
	kv("basis", tomlString(string(s.Eligibility.Basis)))
	b.WriteString("\n[allocation]\n")
	kv("method", tomlString(string(s.Allocation.Method)))
	kv("basis", tomlString(string(s.Allocation.Basis)))
	kv("cap", tomlString(string(s.Allocation.Cap)))
	kv("unit", tomlString(unitText(s.Allocation.Unit)))
	if rp := s.Repayment; rp != nil {
		b.WriteString("\n[repayment]\n")
		kv("first_year", tomlString(rp.FirstYear))
		kv("years", strconv.Itoa(rp.Years))
		if len(rp.Profile) > 0 {
			shares := make([]string, len(rp.Profile))
			for i, f := range rp.Profile {
				shares[i] = tomlString(percent(f))
			}
			kv("profile", "["+strings.Join(shares, ", ")+"]")
		}
		kv("interest", tomlString(percent(rp.Interest)))
	}
	b.WriteString("\n[assumptions]\n")
	kv("discount_rate", tomlString(percent(s.Assumptions.DiscountRate)))
	kv("write_off", tomlString(percent(s.Assumptions.WriteOff)))
	kv("balanced_threshold", tomlString(s.Assumptions.BalancedThreshold.String()))
	return b.Bytes()
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// defaultScenario is DefaultScenario: named "default", the pot is the total
// planned deficit, for systems with a deficit on plan, pro rata to it,
// capped at each deficit, not repayable, valued at a 3.5% discount rate with
// no write-off and a zero balanced threshold. The unit is £1, or £0.01 when
// the total has pence (then the pot is the total rounded down to pence, in
// case a plan holds fractions of a penny).
func defaultScenario(d Dataset) Scenario {
	sc := NewScenario()
	sc.Name = "default"
	sc.Title = "Grant covering every planned deficit"
	sc.Note = "No scenario file was found, so this grant pays each system that planned a deficit exactly its planned deficit, not repayable."
	total := decimal.Zero
	for _, s := range d.Systems {
		if s.Plan.IsNegative() {
			total = total.Sub(s.Plan)
		}
	}
	sc.Eligibility = Eligibility{Rule: RuleDeficit, Basis: BasisPlan}
	sc.Allocation.Method = MethodProRata
	sc.Allocation.Cap = CapDeficit
	if !total.Mod(sc.Allocation.Unit).IsZero() {
		sc.Allocation.Unit = decimal.New(1, -2)
	}
	sc.Pot = total.RoundFloor(2) // whole pence: a plan with fractions of a penny cannot be paid exactly
	return sc
}
