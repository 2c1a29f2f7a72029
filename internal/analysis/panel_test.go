package analysis

import "testing"

func sref(codes ...string) []SystemRef {
	out := make([]SystemRef, len(codes))
	for i, c := range codes {
		out[i] = SystemRef{Code: c}
	}
	return out
}

// The reading's wording for the edge cases: none, one, all, some.
func TestPanelTextCases(t *testing.T) {
	cases := []struct {
		pair Pair
		want string
	}{
		{Pair{From: "2022/23", To: "2023/24", Transitions: Transitions{DeficitDeficit: sref("A")}},
			"No system present in both years planned to balance in 2022/23; no system received money in 2022/23."},
		{Pair{From: "2022/23", To: "2023/24", Transitions: Transitions{BalancedBalanced: sref("A")},
			Recipients: sref("A")},
			"The one system that planned to balance in 2022/23 planned to balance again in 2023/24; " +
				"the one system that received money did not plan a deficit in 2023/24."},
		{Pair{From: "2022/23", To: "2023/24", Transitions: Transitions{BalancedBalanced: sref("A", "B"), DeficitDeficit: sref("C")},
			Recipients: sref("C"), RecipientsDeficitNext: sref("C"), RecipientsDeficitBefore: 1},
			"Neither of the 2 systems that planned to balance in 2022/23 planned a deficit in 2023/24; " +
				"the one system that received money planned a deficit again."},
		{Pair{From: "2022/23", To: "2023/24", Transitions: Transitions{BalancedDeficit: sref("A", "B")},
			Recipients: sref("A", "B"), RecipientsDeficitBefore: 0},
			"Both systems that planned to balance in 2022/23 planned a deficit in 2023/24; " +
				"neither of the 2 systems that received money planned a deficit in 2023/24."},
		{Pair{From: "2022/23", To: "2023/24", Transitions: Transitions{BalancedDeficit: sref("A"), DeficitDeficit: sref("B")},
			Recipients: sref("A", "B"), RecipientsDeficitNext: sref("A", "B"), RecipientsDeficitBefore: 1,
			Joined: sref("X", "Y"), Left: sref("Z")},
			"The one system that planned to balance in 2022/23 planned a deficit in 2023/24; " +
				"both systems that received money planned a deficit in 2023/24. " +
				"2 systems appear first in 2023/24 (X, Y); 1 system of 2022/23 is not in 2023/24 (Z); " +
				"codes are linked across years only where they are the same."},
	}
	for _, c := range cases {
		p := Panel{Years: make([]PanelYear, 2), Pairs: []Pair{c.pair}}
		if got := PanelText(p); got != c.want {
			t.Errorf("\n got %s\nwant %s", got, c.want)
		}
	}
	if got := PanelText(Panel{Years: make([]PanelYear, 1)}); got != "The plans hold one year, so there is no panel across years." {
		t.Errorf("one year: %s", got)
	}
}
