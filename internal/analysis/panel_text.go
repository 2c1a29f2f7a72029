package analysis

import (
	"fmt"
	"strings"
)

// PanelText is the panel's plain-English reading: for each pair of
// consecutive years, how many systems that planned to balance in the first
// planned a deficit in the second, and how many of the systems that
// received money planned a deficit again; then the codes that appear or
// vanish. For example: "16 of the 27 systems that planned to balance in
// 2023/24 planned a deficit in 2024/25; all 15 systems that received money
// planned a deficit again."
func PanelText(p Panel) string {
	if len(p.Years) < 2 {
		return "The plans hold one year, so there is no panel across years."
	}
	var out []string
	for _, pr := range p.Pairs {
		out = append(out, PairText(pr))
		if s := comings(pr); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

// PairText is one pair's sentence of the reading: "16 of the 27 systems
// that planned to balance in 2023/24 planned a deficit in 2024/25; all 15
// systems that received money planned a deficit again."
func PairText(pr Pair) string { return capitalise(switchers(pr) + "; " + persistence(pr) + ".") }

// switchers says how many balanced planners of From planned a deficit in To.
func switchers(pr Pair) string {
	t := pr.Transitions
	b := len(t.BalancedDeficit) + len(t.BalancedBalanced)
	k := len(t.BalancedDeficit)
	switch {
	case b == 0:
		return fmt.Sprintf("no system present in both years planned to balance in %s", pr.From)
	case b == 1 && k == 1:
		return fmt.Sprintf("the one system that planned to balance in %s planned a deficit in %s", pr.From, pr.To)
	case b == 1:
		return fmt.Sprintf("the one system that planned to balance in %s planned to balance again in %s", pr.From, pr.To)
	case k == 0:
		return fmt.Sprintf("%s systems that planned to balance in %s planned a deficit in %s", noneOf(b), pr.From, pr.To)
	case k == b:
		return fmt.Sprintf("%s systems that planned to balance in %s planned a deficit in %s", allOf(b), pr.From, pr.To)
	}
	return fmt.Sprintf("%d of the %d systems that planned to balance in %s planned a deficit in %s", k, b, pr.From, pr.To)
}

// persistence says how many recipients of From planned a deficit in To:
// "again" when every recipient had planned a deficit in From too.
func persistence(pr Pair) string {
	r, k := len(pr.Recipients), len(pr.RecipientsDeficitNext)
	when := "again"
	if pr.RecipientsDeficitBefore < r {
		when = "in " + pr.To
	}
	switch {
	case r == 0:
		return fmt.Sprintf("no system received money in %s", pr.From)
	case r == 1 && k == 1:
		return "the one system that received money planned a deficit " + when
	case r == 1:
		return "the one system that received money did not plan a deficit " + when
	case k == 0:
		return fmt.Sprintf("%s systems that received money planned a deficit %s", noneOf(r), when)
	case k == r:
		return fmt.Sprintf("%s systems that received money planned a deficit %s", allOf(r), when)
	}
	return fmt.Sprintf("%d of the %d systems that received money planned a deficit %s", k, r, when)
}

// comings names the codes that appear in To or vanish from From, or "".
func comings(pr Pair) string {
	var parts []string
	if n := len(pr.Joined); n > 0 {
		parts = append(parts, fmt.Sprintf("%s %s first in %s (%s)", countWord(n), plural(n, "appears", "appear"), pr.To, codes(pr.Joined)))
	}
	if n := len(pr.Left); n > 0 {
		parts = append(parts, fmt.Sprintf("%s of %s %s not in %s (%s)", countWord(n), pr.From, plural(n, "is", "are"), pr.To, codes(pr.Left)))
	}
	if len(parts) == 0 {
		return ""
	}
	return capitalise(strings.Join(parts, "; ")) + "; codes are linked across years only where they are the same."
}

// allOf is "both" or "all 15"; noneOf is "neither of the 2" or "none of the 15".
func allOf(n int) string {
	if n == 2 {
		return "both"
	}
	return fmt.Sprintf("all %d", n)
}

func noneOf(n int) string {
	if n == 2 {
		return "neither of the 2"
	}
	return fmt.Sprintf("none of the %d", n)
}

func countWord(n int) string { return fmt.Sprintf("%d %s", n, plural(n, "system", "systems")) }

func codes(refs []SystemRef) string {
	cs := make([]string, len(refs))
	for i, r := range refs {
		cs[i] = r.Code
	}
	return strings.Join(cs, ", ")
}

// capitalise starts a sentence with a capital letter (ASCII, as the
// sentences here start).
func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
