package tui

import (
	"fmt"

	"github.com/charmbracelet/x/ansi"
)

// columns of the table; name takes what is left.
type sysCols struct{ code, name, region, group, money, perHead int }

func systemsCols(w, codeW int) sysCols {
	c := sysCols{code: codeW, group: 8, money: 10, perHead: 9}
	fixed := 2 + c.code + 1 + 1 + c.group + 1 + 3*(c.money+1) + c.perHead
	if w >= 110 {
		c.region = 24
		fixed += c.region + 1
	}
	c.name = max(8, w-fixed-1)
	return c
}

// View draws the rows on screen.
func (s *systemsTable) View() string {
	t := *s // keeping the window valid for this height must not move it
	return t.view()
}

func (s *systemsTable) view() string {
	st := &s.st
	w, h := s.width, s.height
	th := tableHeight(h)
	// Keep the window valid even if the height changed since the last key.
	s.scrollTo(th)

	var lines []string
	dir := "↑"
	if s.desc {
		dir = "↓"
	}
	info := fmt.Sprintf("%d of %d systems · sorted by %s %s", len(s.order), len(s.rows), sortNames[s.sort], dir)
	switch {
	case s.filtering:
		lines = append(lines, trunc(s.filter.View(), w))
	case s.filter.Value() != "":
		lines = append(lines, trunc(info+fmt.Sprintf(" · filter %q (esc clears)", s.filter.Value()), w))
	default:
		lines = append(lines, trunc(info+" · / to filter", w))
	}

	c := systemsCols(w, s.codeW)
	hdr := "  " + padRight("Code", c.code) + " " + padRight("Name", c.name) + " "
	if c.region > 0 {
		hdr += padRight("Region", c.region) + " "
	}
	hdr += padRight("Group", c.group) + " " + padLeft("Plan", c.money) + " " + padLeft("Allocation", c.money) + " " +
		padLeft("Per head", c.perHead) + " " + padLeft("Transfer", c.money)
	lines = append(lines, st.header.Render(trunc(hdr, w)))

	end := min(len(s.order), s.off+th)
	for p := s.off; p < end; p++ {
		lines = append(lines, trunc(s.rowLine(p, c), w))
	}
	if len(s.order) == 0 {
		lines = append(lines, "  No system matches the filter.")
	}
	for len(lines) < h-2 {
		lines = append(lines, "")
	}
	lines = append(lines, st.header.Render(trunc(s.totalLine(c), w)))
	legend := "† illustrative · plan: surplus/(deficit) · £m columns add up to the totals row; per head is rounded alone"
	if ansi.StringWidth(legend) > w {
		legend = "† illustrative · £m columns add up to the totals row; per head rounded alone"
	}
	lines = append(lines, st.dim.Render(trunc(legend, w)))
	return fitLines(lines, w, h)
}

// totalLine is the totals row: the footed £m columns over every system,
// whatever the filter shows.
func (s *systemsTable) totalLine(c sysCols) string {
	m := &s.money
	label := fmt.Sprintf("Total, all %d", len(s.rows))
	line := "  " + padRight(label, c.code+1+c.name) + " "
	if c.region > 0 {
		line += padRight("", c.region) + " "
	}
	return line + padRight("", c.group) + " " + padLeft(fmb(m.planT), c.money) + " " + padLeft(fm(m.allocT), c.money) + " " +
		padLeft("", c.perHead) + " " + padLeft(fmb(m.transferT), c.money)
}

// rowLine draws the system at position p of the order: the cursor and
// illustrative marks, then its cells.
func (s *systemsTable) rowLine(p int, c sysCols) string {
	i := s.order[p]
	row := s.rows[i]
	sys := &s.cur.res.Systems[i]
	mark := " "
	if p == s.cursor {
		mark = "›"
	}
	if row.illustrative {
		mark += "†"
	} else {
		mark += " "
	}
	m := &s.money
	line := padRight(row.code, c.code) + " " + padRight(row.name, c.name) + " "
	if c.region > 0 {
		line += padRight(row.region, c.region) + " "
	}
	line += padRight(string(sys.Group), c.group) + " " + padLeft(fmb(m.plan[i]), c.money) + " " +
		padLeft(fm(m.alloc[i]), c.money) + " " + padLeft(fp(sys.PerHead), c.perHead) + " " +
		padLeft(fmb(m.transfer[i]), c.money)
	if p == s.cursor {
		line = s.st.selected.Render(line)
	}
	return mark + line
}
