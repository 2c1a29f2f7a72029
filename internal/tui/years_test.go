package tui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	"github.com/charmbracelet/x/ansi"
)

// yearsFixture is a library of three years and five systems, its panel
// worked by hand (£m; populations QA 1m, QB 2m, QC 1m, QE 1m, QF 2m; a
// deficit per head is max(0, −plan) ÷ population):
//
//	      2023/24    2024/25    2025/26
//	QA    −10         −5         −2
//	QB     −4          0         −1
//	QC      0         −3         −5
//	QE     +1          0        (gone)
//	QF   (not yet)    −2         −4
//
// 2023/24's primary scenario lends £14m pro rata to the deficits, capped at
// them: QA 10, QB 4, repaid in two equal parts in 2025/26 and 2026/27, at a
// 0% discount rate and 50% write-off, so G = ½R: QA 5, QB 2. The later years
// have no scenario file: the default grant covers each deficit exactly, so
// R = G = the deficit.
//
// National: 2023/24 2 deficit plans of 4, £14.0m; 2024/25 3 of 5, £10.0m;
// 2025/26 4 of 4, £12.0m. 2023/24's year.toml publishes 2 deficit plans
// (the data agrees) and £15m (it differs: the data has £14.0m), and an
// outturn the panel does not compute.
//
// 2023/24 → 2024/25, over QA QB QC QE: deficit → deficit QA, deficit →
// balanced QB, balanced → deficit QC, balanced → balanced QE; QF appears.
// Recipients QA and QB: only QA planned a deficit again (1 of 2). Change
// per head: recipients QA −5, QB −2, mean −£3.50; others QC +3, QE 0, mean
// +£1.50; difference −£5.00. The bailout slope of cash per head on deficit
// per head is exactly 1 (QA 10 on 10, QB 2 on 2, QC and QE 0 on 0).
//
// 2024/25 → 2025/26, over QA QB QC QF: deficit → deficit QA QC QF,
// balanced → deficit QB; QE is not in 2025/26.
//
// QA's history: received 10, 5, 2 (17); repaid 0, 0, 5 (5); owed at the
// year ends 10, 10, 5, then 0 at the end of 2026/27; effective grants 5, 5,
// 2 (12). Owed at the end of 2025/26: QA 5 + QB 2 = £7.0m.
func yearsFixture(t *testing.T) plan.Library {
	t.Helper()
	head := "code,name,population,plan\n"
	fsys := fstest.MapFS{
		"p/2023-24/systems.csv": {Data: []byte(head + "QA,Alpha,1000000,-10000000\nQB,Beta,2000000,-4000000\n" +
			"QC,Gamma,1000000,0\nQE,Epsilon,1000000,1000000\n")},
		"p/2023-24/loan.toml": {Data: []byte(`title = "Loan on plans"
pot = "£14000000"
primary = true
[eligibility]
rule = "deficit"
[allocation]
method = "pro_rata"
cap = "deficit"
[repayment]
first_year = "2025/26"
years = 2
[assumptions]
discount_rate = "0%"
write_off = "50%"
`)},
		"p/2023-24/year.toml": {Data: []byte(`[[reported]]
figure = "deficit plans"
value = "2"
source = "the test's board paper"
confidence = "H"
[[reported]]
figure = "planned deficit"
value = "£15m"
source = "a rounder source"
confidence = "M"
[[reported]]
figure = "outturn"
value = "£13m"
source = "the year's accounts"
url = "https://example.org/accounts"
`)},
		"p/2024-25/systems.csv": {Data: []byte(head + "QA,Alpha,1000000,-5000000\nQB,Beta,2000000,0\n" +
			"QC,Gamma,1000000,-3000000\nQE,Epsilon,1000000,0\nQF,Phi,2000000,-2000000\n")},
		"p/2025-26/systems.csv": {Data: []byte(head + "QA,Alpha,1000000,-2000000\nQB,Beta,2000000,-1000000\n" +
			"QC,Gamma,1000000,-5000000\nQF,Phi,2000000,-4000000\n")},
	}
	lib, err := plan.Load(fsys, "p", "p", plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// document is the whole Years document as the screen lays it out at the
// harness's width, one string.
func (hs *harness) yearsDocument() string {
	hs.t.Helper()
	for _, s := range hs.m.tabs {
		if d, ok := s.(*drill); ok {
			if y, ok := d.table.(*yearsScreen); ok {
				return ansi.Strip(strings.Join(y.nav.lines, "\n"))
			}
		}
	}
	hs.t.Fatal("no Years screen")
	return ""
}

// downTo presses ↓ until want is on screen, at most n times.
func (hs *harness) downTo(want string, n int) {
	hs.t.Helper()
	for range n {
		if strings.Contains(hs.screen(), want) {
			return
		}
		hs.keys("down")
	}
	mustContain(hs.t.(*testing.T), hs.screen(), want)
}

// TestYearsFigures checks the Years document of the fixture against the
// figures worked by hand in yearsFixture.
func TestYearsFigures(t *testing.T) {
	hs := newHarness(t, yearsFixture(t), Options{}, 120, 40)
	hs.keys("7")
	doc := strings.ReplaceAll(hs.yearsDocument(), "\n", " ")
	for _, want := range []string{
		"Years: 2023/24 to 2025/26, 3 years",
		"2023/24    2 of 4 ", "£14.0m", "2024/25    3 of 5 ", "£10.0m", "2025/26    4 of 4 ", "£12.0m",
		"published deficit plans 2 · data agrees ✓ · high confidence · the test's board paper",
		"published planned deficit £15m · data differs ✗ (£14.0m) · medium confidence · a rounder source",
		"2023/24 → 2024/25: plans by group",
		" deficit → deficit           1 ", " deficit → balanced          1 ", " balanced → deficit          1 ", " balanced → balanced         1 ",
		"Persistence: of 2 systems paid in 2023/24, 1 planned a deficit in 2024/25",
		// Every row is reported, so on reported rows alone it is the same.
		"On rows reported in both years alone: 2 of the 2, and 1 of those 2 planned a deficit in 2024/25.",
		"recipients of money -£3.50 (2), the others +£1.50 (2); difference -£5.00.",
		"Bailout slope, 2023/24: 1.0000.",
		"1 system appears first in 2024/25: QF",
		" deficit → deficit           3 ", " balanced → deficit          1 ",
		"1 system of 2024/25 not in 2025/26: QE",
		// £m, footed: 2023/24's plans −10 − 4 + 0 + 1 = −13, cash 10 + 4 = 14;
		// owed at the end of 2025/26 QA 5 + QB 2 = 7.
		"(10.0m)     10.0m",
		"Total, all 5",
		"(13.0m)     14.0m",
		"7.0m",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the Years document lacks %q:\n%s", want, doc)
		}
	}
}

// TestYearsKeys drives every key of the Years screen at 80×24.
func TestYearsKeys(t *testing.T) {
	hs := newHarness(t, yearsFixture(t), Options{}, 80, 24)
	hs.keys("7")
	scr := hs.screen()
	mustContain(t, scr, "[7 Years]", "Years: 2023/24 to 2025/26", "enter open the row", "←/h earlier years")
	mustNotContain(t, scr, "›")

	// ↓ selects the first row on screen: 2023/24's first published figure.
	hs.keys("down")
	mustContain(t, hs.screen(), "›  ↳ published deficit plans 2")
	hs.keys("enter")
	mustContain(t, hs.screen(), "2023/24 · published deficit plans", "Value as published: 2.",
		"Confidence: high confidence", "The data gives exactly this figure: 2 from the year's primary scenario.")
	hs.keys("esc", "down", "enter")
	mustContain(t, hs.screen(), "Source: a rounder source.", "The data gives £14.0m from the year's primary scenario, not the figure")
	// The figures the panel does not compute are behind one row.
	hs.keys("esc", "down")
	mustContain(t, hs.screen(), "›  ↳ 1 other published figure (support, forecasts, outturns): enter")
	hs.keys("enter")
	mustContain(t, hs.screen(), "2023/24: every national figure published, from year.toml",
		"outturn: £13m · not graded · not compared with the data", "Source: the year's accounts.", "Address: https://example.org/accounts")

	// ↓ scrolls the text between the figures and the transitions a line at
	// a time, then selects the first transition.
	hs.keys("esc")
	hs.downTo("›deficit → deficit", 12)
	hs.keys("enter")
	mustContain(t, hs.screen(), "2023/24 → 2024/25: deficit → deficit, 1 of the 4 systems in both years",
		"QA   Alpha (£10,000,000.00) (£5,000,000.00)")
	hs.keys("esc", "down", "down", "down", "down")
	mustContain(t, hs.screen(), "›Persistence: of 2 systems paid in 2023/24")
	hs.keys("enter")
	mustContain(t, hs.screen(), "Systems that received money in 2023/24",
		"QA   Alpha   £10,000,000.00 (£5,000,000.00)    deficit",
		"QB   Beta     £4,000,000.00           £0.00   balanced",
		"1 of the 2 planned a deficit in 2024/25; 2 of them had planned a deficit in")

	// G: the last system, and its history.
	hs.keys("esc", "G")
	mustContain(t, hs.screen(), "›QF   Phi", "Total, all 5")
	hs.keys("enter")
	mustContain(t, hs.screen(), "QF · Phi", "In the plans of 2 of the panel's 3 years")
	hs.keys("esc")

	// ← and →: the year columns, the latest shown first.
	mustContain(t, hs.screen(), "years 2–3 of 3, ←/→ for more")
	hs.keys("left")
	mustContain(t, hs.screen(), "years 1–2 of 3", "›QF")
	hs.keys("left")
	mustContain(t, hs.screen(), "years 1–2 of 3")
	hs.keys("right", "right")
	mustContain(t, hs.screen(), "years 2–3 of 3")

	// g: the top, and nothing selected; pgdn a page on, the first row shown.
	hs.keys("g")
	scr = hs.screen()
	mustContain(t, scr, "Years: 2023/24 to 2025/26")
	mustNotContain(t, scr, "›")
	hs.keys("pgdown")
	mustContain(t, hs.screen(), "›")
	hs.keys("pgup")
	mustContain(t, hs.screen(), "Years: 2023/24 to 2025/26")
	// ↑ from the first row lets it go once it has scrolled away.
	hs.keys("g", "down", "up")
	mustContain(t, hs.screen(), "›  ↳ published deficit plans 2")
}

// TestYearsHistory is QA's history, to the penny where it fits.
func TestYearsHistory(t *testing.T) {
	hs := newHarness(t, yearsFixture(t), Options{}, 120, 40)
	hs.keys("7", "G", "up", "up", "up", "up", "enter")
	scr := hs.screen()
	mustContain(t, scr, "QA · Alpha", "In the plans of 3 of the panel's 3 years",
		// 2023/24: the loan of £10m, owed whole at the year's end; G = ½R.
		"2023/24 deficit (£10,000,000.00)       £10.00 £10,000,000.00         £0.00 £10,000,000.00 £5,000,000.00",
		// 2025/26: the default grant of £2m; the first half of the loan repaid.
		"2025/26 deficit  (£2,000,000.00)        £2.00  £2,000,000.00 £5,000,000.00  £5,000,000.00 £2,000,000.00",
		"received £17,000,000.00 in cash; repaid £5,000,000.00 of loan principal due by the end of 2025/26;",
		"owes £5,000,000.00 at the end of 2025/26; effective grant £12,000,000.00",
		"2025/26   £5,000,000.00")
}

// TestYearsOneYear says plainly that a panel needs two years.
func TestYearsOneYear(t *testing.T) {
	lib := embedded(t)
	lib.Years = lib.Years[:1]
	hs := newHarness(t, lib, Options{}, 80, 24)
	hs.keys("7")
	mustContain(t, hs.screen(), "the panel needs two or more years. These plans hold one, 2023/24")
}

// TestYearsReadOnce reads the panel when the screen is first opened, and
// only then; a failure is shown, and without a reader the screen says so.
func TestYearsReadOnce(t *testing.T) {
	calls := 0
	opt := Options{Panel: func(ctx context.Context, lib plan.Library) (analysis.Panel, error) {
		calls++
		return analysis.Panel{}, errors.New("year 2024/25: no primary scenario")
	}}
	hs := newHarness(t, embedded(t), opt, 80, 24)
	if calls != 0 {
		t.Fatalf("the panel was read %d time(s) before the screen was opened", calls)
	}
	hs.keys("7", "1", "7")
	if calls != 1 {
		t.Errorf("the panel was read %d times, want once", calls)
	}
	mustContain(t, hs.screen(), "The panel across years could not be read:", "year 2024/25: no primary scenario")

	hs = newHarness(t, embedded(t), Options{}, 80, 24)
	hs.m.prog.readPanel = nil
	hs.keys("7")
	mustContain(t, hs.screen(), "The panel across years is not available here.")
}

// TestYearsQuitCancels: quitting while the panel is read cancels it, and
// its result is not taken.
func TestYearsQuitCancels(t *testing.T) {
	var seen context.Context
	opt := Options{Panel: func(ctx context.Context, lib plan.Library) (analysis.Panel, error) {
		seen = ctx
		return analysis.Panel{}, ctx.Err()
	}}
	hs := newHarness(t, embedded(t), opt, 80, 24)
	next, cmd := hs.m.Update(keyMsg("7"))
	hs.m = next.(model)
	if cmd == nil {
		t.Fatal("opening Years started nothing")
	}
	hs.keys("q")
	if !hs.quit {
		t.Fatal("q did not quit")
	}
	hs.send(cmd())
	if seen == nil || seen.Err() == nil {
		t.Errorf("the panel's context was not cancelled by quitting: %v", seen)
	}
}
