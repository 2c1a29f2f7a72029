package report

import (
	"strings"
	"testing"

	"icsplan/internal/engine"
	"icsplan/internal/plan"
)

// TestTermsTablesFoot: the terms' tables and the by-year table of every
// case foot in each £000 column, and the counts add up.
func TestTermsTablesFoot(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) {
			text := renderString(t, c.res, Text, Options{})
			sc := c.res.Scenario
			if len(sc.Tranches) > 0 {
				// Amount, Paid, Withheld, Shared again, Failed.
				checkFoots(t, text, termsHeading+": tranches", 5, []int{0, 1, 2, 3, 4})
			}
			if len(sc.Consequences) > 0 {
				// Systems, Nominal, Value today.
				checkFoots(t, text, termsHeading+": consequences", 3, []int{0, 1, 2})
			}
			if cols := flowColumns(c.res); len(cols) > 0 {
				n := len(cols)
				for _, fc := range cols {
					if fc.due {
						n++ // and the total due
						break
					}
				}
				all := make([]int, n)
				for i := range all {
					all[i] = i
				}
				checkFoots(t, text, "Repayments by year", n, all)
			}
			if !sc.HasTerms() && (strings.Contains(text, termsHeading) || strings.Contains(text, "Received")) {
				t.Error("a scenario without terms has a terms section or a Received column")
			}
		})
	}
}

// TestTermsFixtureText checks the text report of the terms fixture
// against its figures worked by hand (TestJSONTermsByHand), in £000.
//
// Tranches: amounts 600 and 400 (60% and 40% of £1m); paid 600 and 160
// (BBB's 120 and CCC's 40); AAA's 240 withheld and all of it shared again.
// Consequences: AAA's deduction 100 nominal, 0.5 × 100/1.05 = 47.619 → (48)
// today; the bonuses 25 + 25 = 50, 50/1.05 = 47.619 → 48; net (50) and 0.
// By year: dividends 12.6 + 16.8 + 5.6 = 35 in each of 2025/26 and 2026/27;
// the deduction 100 and the bonuses 50 in 2025/26.
func TestTermsFixtureText(t *testing.T) {
	text := renderString(t, termsFixture(t), Text, Options{})
	want := map[string][]string{
		termsHeading + ": tranches": {
			"1        2024/25    60%  none                          600   600         0       0       0",
			"2        2025/26    40%  forecast ≥ plan − £20,000     400   160       240     240       1",
			"Total                                                1,000   760       240     240       1",
		},
		termsHeading + ": consequences": {
			"1    Deduction: 100% × overspend  2025/26     50%        1    (100)   (48)",
			"2    Bonus: 50% × improvement     2025/26    100%        2       50     48",
			"Net                                                      3     (50)      0",
		},
		"Repayments by year": {
			"2025/26         35         100    135       50",
			"2026/27         35           0     35        0",
			"Total           70         100    170       50",
		},
		"Systems": {
			"AAA   Alpha               D    (600)       360    0.90    400      (40)        289",
			"DDD   Delta               B        0         0    0.00    200     (200)         24",
			"      Total of 4 systems     (1,000)     1,000    1.00  1,000         0        916",
		},
	}
	for heading, lines := range want {
		rows, total := tableAfter(t, text, heading)
		got := strings.Join(append(rows, total), "\n")
		for _, l := range lines {
			if !strings.Contains(got, l) {
				t.Errorf("%s lacks\n%s\nin\n%s", heading, l, got)
			}
		}
	}
	for _, s := range []string{
		"Tranche 2 was withheld from 1 system whose forecast fell more than £20,000 below plan, £240k in all;",
		"Alpha (AAA): forecast\n-£650,000.00 is below -£620,000.00 (plan -£600,000.00 less £20,000.00 tolerance).",
		"Received £1,000,000.00: withheld £240,000.00, of which\n£240,000.00 was shared again and £0.00 held by the centre.",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("text lacks %q", s)
		}
	}
}

// TestEmailNamesTheTerms: the Terms line names the conditional tranches
// and the consequences with their totals, and a long note is cut to its
// first sentence.
func TestEmailNamesTheTerms(t *testing.T) {
	e := EmailSummary(termsFixture(t))
	for _, want := range []string{
		"with the second tranche (40%) paid in 2025/26 only to systems whose forecast is no more than £20,000 below plan (£240k withheld from 1 system, shared among those that passed)",
		"never repaid: public dividend capital with a 3.5% dividend on the cash received for 2 years from 2025/26",
		"; a deduction of 100% of any overspend against plan in 2025/26, 50% likely; a bonus of 50% of any improvement on plan in 2025/26 (£100k deducted and £50,000 given at face value).",
	} {
		if !strings.Contains(e, want) {
			t.Errorf("email lacks %q:\n%s", want, e)
		}
	}
	for _, c := range cases(t) {
		for _, l := range strings.Split(EmailSummary(c.res), "\n") {
			if strings.HasPrefix(l, "Scenario: ") && len([]rune(l)) > scenarioLineMost+len(" (see the report)") {
				t.Errorf("%s: Scenario line of %d characters", c.name, len([]rune(l)))
			}
		}
	}
}

func TestFirstSentence(t *testing.T) {
	for in, want := range map[string]string{
		"Paid: £2.2bn to systems (e.g. some). Rule: more.": "Paid: £2.2bn to systems (e.g. some).",
		"One sentence only.":               "One sentence only.",
		"No stop at all":                   "No stop at all",
		"Is it? Yes.":                      "Is it?",
		"Ends at 3. then lower case. Next": "Ends at 3. then lower case.",
	} {
		if got := firstSentence(in); got != want {
			t.Errorf("firstSentence(%q) = %q, want %q", in, got, want)
		}
	}
	long := strings.Repeat("word ", 200)
	if got := emailScenario("T", long); !strings.HasSuffix(got, " (see the report)") || len([]rune(got)) > scenarioLineMost {
		t.Errorf("a long note gives %d characters: %q", len([]rune(got)), got)
	}
	if got := emailScenario("T", "Short."); got != "Scenario: T. Short." {
		t.Errorf("a short note gives %q", got)
	}
}

func TestDescribeConsequencesMergesRuns(t *testing.T) {
	sc := termsScenario()
	c := sc.Consequences[0]
	c2, c3 := c, c
	c2.Rate, c2.Year = d("0.3334"), "2026/27"
	c3.Rate, c3.Year = d("0.3333"), "2027/28"
	got := describeConsequences(append([]plan.Consequence{c, c2, c3}, sc.Consequences[1]))
	want := "a deduction of 100% of any overspend against plan in 2025/26, then 33.34% in 2026/27 and 33.33% in 2027/28, " +
		"50% likely; a bonus of 50% of any improvement on plan in 2025/26"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestFlowsTableWithALoan: a loan with consequences shows principal and
// interest beside the deductions, a total due, and the bonuses; the terms
// fixture as a loan repaid whole in 2026/27 with no interest has AAA's
// 360, BBB's 480 and CCC's 160 repaid then (1,000), the deduction of 100
// and the bonuses of 50 in 2025/26.
func TestFlowsTableWithALoan(t *testing.T) {
	sc := termsScenario()
	sc.Repayment = &plan.Repayment{Kind: plan.RepaymentLoan, FirstYear: "2026/27", Years: 1, Interest: d("0")}
	res, err := engine.Analyse(termsDataset(), sc)
	if err != nil {
		t.Fatal(err)
	}
	text := renderString(t, res, Text, Options{})
	rows, total := tableAfter(t, text, "Repayments by year")
	want := []string{
		"2025/26          0         0         100    100       50",
		"2026/27      1,000         0           0  1,000        0",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") || total != "Total        1,000         0         100  1,100       50" {
		t.Errorf("by year:\n%s\n%s", strings.Join(rows, "\n"), total)
	}
	if !strings.Contains(text, "Year     Principal  Interest  Deductions    due  Bonuses") {
		t.Errorf("by-year headings:\n%s", text)
	}
}
