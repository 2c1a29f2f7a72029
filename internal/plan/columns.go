package plan

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"icsplan/internal/money"
)

// column is a known column of a systems file.
type column int

const (
	colCode column = iota
	colName
	colRegion
	colPopulation
	colWeighted
	colPlan
	colForecast
	colOutturn
	colSource
	colSourceURL
	colConfidence
	numColumns
)

// columnNames are the canonical names, used in messages.
var columnNames = [numColumns]string{
	"code", "name", "region", "population", "weighted population",
	"plan", "forecast", "outturn", "source", "source_url", "confidence",
}

// requiredColumns must be in every systems file.
var requiredColumns = []column{colCode, colName, colPopulation, colPlan}

// moneyColumn reports whether the column holds money (and so may carry a unit).
func (c column) money() bool { return c == colPlan || c == colForecast || c == colOutturn }

// numeric reports whether the column holds a figure: money or a population.
func (c column) numeric() bool { return c.money() || c == colPopulation || c == colWeighted }

// columnAliases maps a folded header (see foldHeading) to its column: the
// names a finance team writes, and NHS England's own where it publishes
// them (the ICB allocations' "J - Overall weighted populations" tables
// head their columns ICB code, ICB name, GP registered population and
// overall weighted population).
var columnAliases = map[string]column{
	"code": colCode, "ods code": colCode, "icb code": colCode, "ics code": colCode, "icb ods code": colCode,
	"organisation code": colCode, "org code": colCode,
	"name": colName, "system": colName, "ics": colName, "icb": colName, "icb name": colName, "ics name": colName,
	"system name": colName, "organisation name": colName, "integrated care board": colName,
	"region": colRegion, "region name": colRegion, "nhs england region": colRegion,
	"population": colPopulation, "registered population": colPopulation, "gp registered population": colPopulation,
	"registered patients": colPopulation, "list size": colPopulation,
	"weighted population": colWeighted, "overall weighted population": colWeighted,
	"needs weighted population": colWeighted, "needs-weighted population": colWeighted,
	"plan": colPlan, "planned surplus/(deficit)": colPlan, "plan surplus/(deficit)": colPlan,
	"surplus/(deficit)": colPlan, "opening plan": colPlan, "financial plan": colPlan, "planned position": colPlan,
	"forecast": colForecast, "forecast outturn": colForecast, "forecast surplus/(deficit)": colForecast,
	"outturn": colOutturn, "outturn surplus/(deficit)": colOutturn, "actual outturn": colOutturn,
	"year-end outturn": colOutturn, "year end outturn": colOutturn,
	"source":     colSource,
	"source url": colSourceURL, "url": colSourceURL, "source link": colSourceURL,
	"confidence": colConfidence, "confidence grade": colConfidence,
}

// HeaderAliases returns every header name (folded to lower case) that
// ParseSystems recognises, mapped to the canonical column name it stands for.
func HeaderAliases() map[string]string {
	m := make(map[string]string, len(columnAliases))
	for a, c := range columnAliases {
		m[a] = columnNames[c]
	}
	return m
}

// heading is one header cell as read: the column it names, if any, and the
// unit it carries.
type heading struct {
	col    column
	known  bool
	factor decimal.Decimal // pounds per unit of the column's figures; 1 if none given
	unit   string          // the unit as written, "" if none
	bad    string          // a unit that is not understood, as a message
	name   string          // the folded name without its unit, for suggestions
}

var (
	// yearToken is a financial year in a heading: 2023/24, 2023-24, FY24.
	yearToken = regexp.MustCompile(`^(?:fy|fy\d{2}(?:[/-]\d{2})?|(?:fy)?(?:19|20)\d{2}(?:[/-]\d{2}(?:\d{2})?)?|(?:fy)?\d{2}[/-]\d{2})$`)
	// surplusForms are the ways a heading writes "surplus/(deficit)".
	surplusForms = strings.NewReplacer("surplus/(deficit)", "surplus/(deficit)", "surplus (deficit)", "surplus/(deficit)",
		"surplus(deficit)", "surplus/(deficit)", "surplus/deficit", "surplus/(deficit)", "(deficit)/surplus", "surplus/(deficit)",
		"deficit/surplus", "surplus/(deficit)", "surplus/ (deficit)", "surplus/(deficit)")
)

// readHeading reads one header cell. Case, underscores and runs of spaces
// do not matter; a unit may follow the name in brackets or without them
// ("plan (£000)", "plan £m", "surplus/(deficit) £'000"); a financial year in
// the name ("plan 2023/24") and a trailing footnote mark are ignored. Other
// brackets are part of the name ("planned surplus/(deficit)"), unless the
// name is only known without them ("confidence (H/M/L)").
func readHeading(cell string) heading {
	name := normalHeader(cell)
	name = strings.ReplaceAll(strings.ReplaceAll(name, " /", "/"), "/ ", "/")
	name = strings.ReplaceAll(name, "£ ", "£")
	name = strings.TrimRight(name, "*:¹²³ ")
	var kept []string
	for _, w := range strings.Fields(name) {
		if !yearToken.MatchString(w) {
			kept = append(kept, w)
		}
	}
	h := heading{factor: decimal.NewFromInt(1)}
	name = surplusForms.Replace(h.takeUnit(strings.Join(kept, " ")))
	h.name = name
	h.col, h.known = columnAliases[name]
	if !h.known && strings.HasSuffix(name, ")") {
		if open := strings.LastIndex(name, "("); open > 0 {
			h.col, h.known = columnAliases[strings.TrimSpace(name[:open])]
		}
	}
	return h
}

// takeUnit removes a trailing unit from a folded heading, noting it on h,
// and returns the name before it.
func (h *heading) takeUnit(name string) string {
	inner, rest := "", name
	switch {
	case strings.HasSuffix(name, ")") || strings.HasSuffix(name, "]"):
		if open := strings.LastIndexAny(name, "(["); open >= 0 {
			inner, rest = name[open+1:len(name)-1], name[:open]
		}
	default:
		if i := strings.LastIndexAny(name, " ,"); i >= 0 && strings.HasPrefix(name[i+1:], "£") {
			inner, rest = name[i+1:], name[:i]
		} else if strings.HasPrefix(name, "£") {
			inner, rest = name, ""
		}
	}
	if inner == "" {
		return name
	}
	rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimRight(strings.TrimSpace(rest), ",-–"), " in"))
	if f, ok := unitFactor(inner); ok {
		h.factor, h.unit = f, strings.TrimSpace(inner)
		return rest
	}
	if strings.Contains(inner, "£") {
		h.bad = fmt.Sprintf("unit %q is not understood: use (£), (£000), (£000s), (£k) or (£m)", clip(strings.TrimSpace(inner)))
		return rest
	}
	return name // "(deficit)", "(H/M/L)": part of the name
}

// unitWords are other ways a heading writes a unit icsplan knows.
var unitWords = strings.NewReplacer("’", "'", "‘", "'", "`", "'", "£millions", "£m", "£million", "£m", "£mn", "£m",
	"£thousands", "£000", "£thousand", "£000", "£000's", "£000s", "£'000's", "£000s", "£'000", "£000")

// unitFactor reads a unit as a heading may write it: "£000", "£'000",
// "£ 000", "£m", "£ million".
func unitFactor(unit string) (decimal.Decimal, bool) {
	u := strings.ToLower(strings.Join(strings.Fields(unit), ""))
	return money.UnitFactor(unitWords.Replace(u))
}
