package plan

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"icsplan/internal/money"
)

// The parsers of one value written as text. The reader uses them for a
// quoted value and SetField for what was typed, so the two say the same.

// parseAmount reads money such as "£700m".
func parseAmount(text string) (decimal.Decimal, error) {
	d, err := money.Parse(text)
	if err != nil {
		return d, errors.New(moneyMessage(text, err))
	}
	return d, nil
}

// parseRate reads a rate such as "3.5%" or "0.035".
func parseRate(text string) (decimal.Decimal, error) {
	d, err := money.ParseRate(text)
	if err != nil {
		return d, errors.New(rateMessage(err))
	}
	return d, nil
}

// rateMessage is the rate parser's message, with a hint if it gave no reason.
func rateMessage(err error) string {
	msg := err.Error()
	if !strings.Contains(msg, ": ") {
		msg += `: write it like "3.5%" or "0.035"`
	}
	return msg
}

// parseChoice reads one of allowed, forgiving case, spaces around it and
// "-" or " " for "_" ("Per-Capita" is per_capita).
func parseChoice(text string, allowed []string) (string, error) {
	s := strings.ToLower(strings.TrimSpace(text))
	s = strings.NewReplacer("-", "_", " ", "_").Replace(s)
	for _, a := range allowed {
		if s == a {
			return s, nil
		}
	}
	return "", checkChoice(text, allowed)
}

// parseUnit reads an allocation unit such as "£1000"; checkUnit says
// whether it is one of the three allowed.
func parseUnit(text string) (decimal.Decimal, error) {
	d, err := money.Parse(text)
	if err != nil {
		return d, fmt.Errorf("must be \"£0.01\", \"£1\" or \"£1000\", not %q", clip(text))
	}
	return d, nil
}

// parseShare reads share i (counted from 1) of a repayment profile.
func parseShare(i int, text string) (decimal.Decimal, error) {
	d, err := money.ParseRate(text)
	if err != nil {
		return d, fmt.Errorf("cannot read share %d, %q, as a percentage: write it like \"25%%\"", i, clip(text))
	}
	return d, nil
}

// parseYears reads a whole number of years. A scenario file writes it
// without quotes, so the reader never passes it text; the message is the
// reader's for anything but a whole number.
func parseYears(text string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(text), 10, 64)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return 0, fmt.Errorf("must be from 1 to %d, not %s", MaxRepaymentYears, clip(strings.TrimSpace(text)))
	case err != nil:
		return 0, errors.New("must be a whole number without quotes, like years = 3")
	}
	return n, nil
}

// How the reader takes each kind of TOML value: a quoted value goes to the
// parsers above; anything else (an unquoted number, a list, a table) gets
// a message about how to write it.

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
		d, err := parseAmount(x)
		if err != nil {
			r.bad(key, "%s", err)
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
		d, err := parseRate(x)
		if err != nil {
			r.bad(key, "%s", err)
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
		if s, err := parseChoice(x, allowed); err == nil {
			return s
		}
		return x // left for validation to report, in the same words
	}
	r.bad(key, "must be %s, in quotes", orList(allowed))
	return def
}

func (r *scenarioReader) unit(key string, v any) decimal.Decimal {
	def := decimal.NewFromInt(1)
	switch x := v.(type) {
	case nil:
		return def
	case int64:
		return decimal.NewFromInt(x)
	case string:
		d, err := parseUnit(x)
		if err != nil {
			r.bad(key, "%s", err)
			return def
		}
		return d
	case float64: // an unquoted decimal: refused unread, so no money or rate passes through a float
		r.quoteHint(key, "£0.01")
		return def
	}
	r.bad(key, "must be \"£0.01\", \"£1\" or \"£1000\"")
	return def
}

// profile reads a list of shares written as quoted percentages.
func (r *scenarioReader) profile(v any) []decimal.Decimal {
	const key = FieldProfile
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		profile := make([]decimal.Decimal, 0, len(x))
		for i, v := range x {
			switch y := v.(type) {
			case string:
				d, err := parseShare(i+1, y)
				if err != nil {
					r.bad(key, "%s", err)
					continue
				}
				profile = append(profile, d)
			case int64:
				r.bad(key, "write share %d as a percentage in quotes, like \"%d%%\"", i+1, y)
			default:
				r.bad(key, "write share %d as a percentage in quotes, like \"25%%\"", i+1)
			}
		}
		return profile
	}
	r.bad(key, "must be a list of percentages, like profile = [\"25%%\", \"25%%\", \"50%%\"]")
	return nil
}
