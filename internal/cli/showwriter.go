package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/visible"
	"github.com/acctguard/acctguard/internal/wrap"
)

// showWriter renders a playbook for reading in a terminal. The layout is
// the same when piped, only without colour.
type showWriter struct {
	w  io.Writer
	cs *iostreams.ColorScheme
	l  i18n.Lang
	p  *playbook.Playbook
	// width is the terminal width to wrap to, 0 for none.
	width int
	// lang is the language of the playbook's texts, when it differs from
	// the screens' (an incident keeps the language it began in).
	lang i18n.Lang
	// title names another playbook, for a step that opens one; nil shows
	// its id.
	title func(id string) string
}

func (s *showWriter) raw(t playbook.Text) string {
	lang := s.l
	if s.lang != "" {
		lang = s.lang
	}
	return strings.TrimSpace(t.Get(string(lang)))
}

// text returns t in the playbook's language with control characters made
// visible, since a playbook may come from anyone; line breaks are kept,
// for texts such as "how" that are shown as lines.
func (s *showWriter) text(t playbook.Text) string { return visible.Text(s.raw(t)) }

// line returns t as text does, for one line: titles, names and labels.
func (s *showWriter) line(t playbook.Text) string { return visible.Line(s.raw(t)) }

func (s *showWriter) printf(format string, args ...any) { fmt.Fprintf(s.w, format, args...) }

func (s *showWriter) playbook() {
	p, l := s.p, s.l
	s.printf("%s\n", s.cs.Bold(s.line(p.Title)))
	meta := []string{}
	if !p.Service.IsZero() {
		meta = append(meta, s.line(p.Service))
	}
	if p.Version != "" {
		meta = append(meta, l.Tf("show.version", visible.Line(p.Version)))
	}
	meta = append(meta, l.Tf("show.steps", len(p.Steps)))
	s.printf("%s\n", s.cs.Dim(strings.Join(meta, l.T("sep"))))
	if !p.Summary.IsZero() {
		s.printf("\n")
		s.wrapped("", "", s.text(p.Summary), "")
	}
	for _, phase := range playbook.Phases {
		first := true
		for i := range p.Steps {
			st := &p.Steps[i]
			if st.Phase != phase {
				continue
			}
			if first {
				s.printf("\n%s\n", s.cs.Cyan(fmt.Sprintf("■ %s — %s", l.T("phase."+string(phase)), l.T("phase."+string(phase)+".about"))))
				first = false
			}
			s.step(i, st)
		}
	}
	if len(p.Sources) > 0 {
		s.printf("\n%s\n", s.cs.Cyan("■ "+l.T("show.source-list")))
		for _, src := range p.Sources {
			s.printf("  [%s] %s\n", src.ID, s.line(src.Title))
			if src.URL != "" {
				s.printf("      %s\n", visible.Line(src.URL))
			}
		}
	}
}

const indent = "     "

func (s *showWriter) step(i int, st *playbook.Step) {
	l := s.l
	title := fmt.Sprintf("%2d. %s", i+1, s.cs.Bold(s.line(st.Title)))
	if st.Critical {
		title += "  " + s.cs.Yellow("★ "+l.T("show.critical"))
	}
	s.printf("\n%s\n", title)
	s.body(st, true)
}

// body prints what a step asks and says. full adds what only someone
// reading the whole playbook needs: conditions, timing and sources.
func (s *showWriter) body(st *playbook.Step, full bool) {
	l := s.l
	if st.Kind == playbook.KindTime && full {
		s.field("show.question", s.text(st.Question))
		s.field("show.answer-kind", l.T("show.answer-time"))
	}
	if st.Kind == playbook.KindQuestion && full {
		s.field("show.question", s.text(st.Question))
		var answers []string
		for _, o := range st.Options {
			answers = append(answers, s.line(o.Label))
		}
		s.field("show.answers", strings.Join(answers, " / "))
	}
	if !st.Why.IsZero() {
		s.field("show.why", s.text(st.Why))
	}
	if !st.How.IsZero() {
		s.block("show.how", s.text(st.How))
	}
	if len(st.Contacts) > 0 {
		s.label("show.contacts")
		for _, id := range st.Contacts {
			s.contact(id)
		}
	}
	if len(st.Links) > 0 {
		s.label("show.links")
		for _, lk := range st.Links {
			s.wrapped(indent+"  ", indent+"    ", s.line(lk.Title), "")
			s.printf("%s    %s\n", indent, visible.Line(lk.URL))
		}
	}
	if !full {
		return
	}
	if len(st.When) > 0 {
		s.field("show.only-if", s.condition(st.When))
	}
	if len(st.After) > 0 {
		var names []string
		for _, id := range st.After {
			names = append(names, s.stepRef(id))
		}
		s.field("show.after", strings.Join(names, ", "))
	}
	if !st.Delay.IsZero() {
		switch {
		case st.DelayFrom != "":
			s.field("show.wait", l.Tf("show.delay-from", humanDuration(l, st.Delay), s.stepRef(st.DelayFrom)))
		case len(st.After) == 0:
			s.field("show.wait", l.Tf("show.delay-start", humanDuration(l, st.Delay)))
		default:
			s.field("show.wait", l.Tf("show.delay", humanDuration(l, st.Delay)))
		}
	}
	if st.Repeat != nil {
		s.field("show.repeat", l.Tf("show.repeat-every", humanDuration(l, st.Repeat.Every), st.Repeat.Times))
	}
	if st.Opens != "" {
		name := visible.Line(st.Opens)
		if s.title != nil {
			name = s.title(st.Opens)
		}
		s.field("show.opens", l.Tf("show.opens-guide", name))
	}
	if len(st.Sources) > 0 {
		s.field("show.sources", s.cs.Dim(strings.Join(st.Sources, ", ")))
	}
}

func (s *showWriter) label(key string) {
	s.printf("%s%s\n", indent, s.cs.Dim(s.l.T(key)))
}

func (s *showWriter) field(key, value string) {
	s.wrapped(indent, indent+"  ", value, s.l.T(key))
}

func (s *showWriter) block(key, value string) {
	s.label(key)
	for _, line := range strings.Split(value, "\n") {
		switch {
		case strings.TrimSpace(line) == "":
			s.printf("\n")
		case strings.HasPrefix(line, "- "):
			s.wrapped(indent+"  ", indent+"    ", line, "")
		default:
			s.wrapped(indent+"  ", indent+"  ", line, "")
		}
	}
}

// wrapped prints a dimmed label and text, the first line after first and
// the lines it wraps onto after rest.
func (s *showWriter) wrapped(first, rest, text, label string) {
	width := 0
	if s.width > 0 {
		width = max(s.width-wrap.Width(rest), 20)
	}
	for i, line := range wrap.Wrap(label+text, width) {
		if i == 0 {
			if label != "" {
				line = s.cs.Dim(label) + strings.TrimPrefix(line, label)
			}
			s.printf("%s%s\n", first, line)
			continue
		}
		s.printf("%s%s\n", rest, line)
	}
}

func (s *showWriter) contact(id string) {
	c, ok := s.p.Contact(id)
	if !ok {
		return
	}
	line := s.line(c.Name)
	if c.Phone != "" {
		line += "  " + s.cs.Bold(visible.Line(c.Phone))
	}
	if c.Verified != "" {
		line += "  " + s.cs.Dim(s.l.Tf("show.verified", visible.Line(c.Verified)))
	}
	s.printf("%s  %s\n", indent, line)
	if c.URL != "" {
		s.printf("%s    %s\n", indent, visible.Line(c.URL))
	}
	if !c.Note.IsZero() {
		s.wrapped(indent+"    ", indent+"    ", s.text(c.Note), "")
	}
}

func (s *showWriter) stepRef(id string) string {
	for i := range s.p.Steps {
		if s.p.Steps[i].ID == id {
			return fmt.Sprintf("%d. %s", i+1, s.line(s.p.Steps[i].Title))
		}
	}
	return id
}

// condition renders a when clause with the question's title and the
// labels of the answers it needs.
func (s *showWriter) condition(when []playbook.Condition) string {
	var parts []string
	for _, c := range when {
		q, ok := s.p.Step(c.Step)
		if !ok {
			continue
		}
		var labels []string
		for _, v := range c.Values {
			if o, ok := q.Option(v); ok {
				labels = append(labels, s.l.Tf("show.quote", s.line(o.Label)))
			}
		}
		parts = append(parts, s.l.Tf("show.answered", s.l.Tf("show.quote", s.line(q.Title)), strings.Join(labels, s.l.T("show.or"))))
	}
	return strings.Join(parts, s.l.T("show.and"))
}

// humanDuration says a playbook duration the way a person would: "5 h",
// "7 days", "5時間".
func humanDuration(l i18n.Lang, d playbook.Duration) string {
	text := d.String()
	if text == "" {
		return ""
	}
	unit := text[len(text)-1:]
	n, err := strconv.Atoi(text[:len(text)-1])
	if err != nil {
		return text
	}
	if n == 1 && (unit == "d" || unit == "w") {
		return l.T("duration." + unit + "1")
	}
	return l.Tf("duration."+unit, n)
}
