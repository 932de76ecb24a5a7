package report

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/visible"
)

var errNilReport = errors.New("no report to render")

// document is what the Markdown, plain-text and HTML reports say, worked
// out once so that they say the same thing and differ only in layout.
type document struct {
	title    string
	header   []field
	sections []section
	colon    string // between a label and its value
	whenSep  string // between a time and what happened then
}

// section is a top-level part of the report, with an optional intro, a
// list of label-value lines and blocks of items.
type section struct {
	heading string
	intro   string
	// boxIntro, when set, is the intro for a page that draws check boxes
	// rather than writing [x].
	boxIntro string
	fields   []field
	blocks   []block
}

// block is a list of items, under its own heading when it has one.
type block struct {
	heading string
	intro   string
	items   []item
	// spaced puts a blank line between items: for items of several lines
	// that would otherwise run together on paper.
	spaced bool
	// table, when set, holds the block's content as a grid: the printable
	// page shows it as a table; Markdown and plain text, where a table is
	// cut off at the page's edge, show each row as an item (see
	// table.items). A block has items or a table, not both.
	table *table
}

// table is a grid of values with a heading for each column, and rows of
// totals after the others.
type table struct {
	columns []column
	rows    [][]string
	foot    [][]string
	// list, when set, is how Markdown and text show the table, in place
	// of the generic list items gives.
	list []item
}

// prune drops the columns that are empty in every row and total: a
// column of nothing only takes width from the others.
func (t *table) prune() {
	keep := make([]bool, len(t.columns))
	for _, rows := range [][][]string{t.rows, t.foot} {
		for _, r := range rows {
			for i, c := range r {
				if i < len(keep) && c != "" {
					keep[i] = true
				}
			}
		}
	}
	cut := func(r []string) []string {
		var out []string
		for i, c := range r {
			if i < len(keep) && keep[i] {
				out = append(out, c)
			}
		}
		return out
	}
	var cols []column
	for i, c := range t.columns {
		if keep[i] {
			cols = append(cols, c)
		}
	}
	t.columns = cols
	for i := range t.rows {
		t.rows[i] = cut(t.rows[i])
	}
	for i := range t.foot {
		t.foot[i] = cut(t.foot[i])
	}
}

// column is a table's column: its heading, and whether it holds amounts,
// which line up on the right.
type column struct {
	label   string
	numeric bool
}

// items is the table as a list: each row an item headed by its first
// cell, with the other cells that are not empty as "column: value"
// lines; the totals follow as items of their own.
func (t *table) items() []item {
	if t.list != nil {
		return t.list
	}
	var its []item
	for _, rows := range [][][]string{t.rows, t.foot} {
		for _, r := range rows {
			if len(r) == 0 {
				continue
			}
			it := item{head: r[0]}
			for i, c := range r[1:] {
				if c != "" && i+1 < len(t.columns) {
					it.details = append(it.details, field{label: t.columns[i+1].label, value: c})
				}
			}
			its = append(its, it)
		}
	}
	return its
}

type mark int

const (
	noMark mark = iota
	openMark
	doneMark
)

// item is one entry of a list: a step of the checklist, an event of the
// timeline, a contact. Only head and details carry text from the report;
// the rest is layout.
type item struct {
	when    string // a time shown before the head
	mark    mark   // a check box
	number  int    // the step's number, after the check box
	head    string
	details []field
}

// field is a "label: value" line; a field without a label is its value
// alone. Values may hold line breaks, which are kept.
type field struct {
	label string
	value string
	link  bool // value is a URL
}

// builder turns a Report into a document.
type builder struct {
	r       *Report
	l       i18n.Lang
	loc     *time.Location
	numbers map[string]int // step ID to its number in the playbook
}

func newBuilder(r *Report) *builder {
	b := &builder{r: r, l: i18n.Lang(r.Lang), loc: r.Location, numbers: map[string]int{}}
	if b.loc == nil {
		b.loc = time.UTC
	}
	for _, p := range r.Phases {
		for _, s := range p.Steps {
			b.numbers[s.ID] = s.Number
		}
	}
	return b
}

func build(r *Report) *document {
	b := newBuilder(r)
	if r.For != "" {
		return b.letter()
	}
	d := &document{
		title:   b.t("title"),
		header:  b.header(),
		colon:   b.t("colon"),
		whenSep: b.t("when-sep"),
	}
	// What a reader needs first, then the record in full.
	d.sections = append(d.sections,
		b.happened(b.t("happened")),
		b.charges(b.t("charges")),
		b.refunds(),
		b.contacted(b.t("contacted")),
		b.open(),
		b.timeline())
	if len(r.Phases) > 0 {
		d.sections = append(d.sections, b.steps())
	}
	if len(r.Removed) > 0 {
		d.sections = append(d.sections, b.removed())
	}
	if len(r.Contacts) > 0 {
		d.sections = append(d.sections, b.contacts())
	}
	if len(r.Sources) > 0 {
		d.sections = append(d.sections, b.sources())
	}
	return d
}

func (b *builder) t(key string) string                 { return msg(b.l, key) }
func (b *builder) msgf(key string, args ...any) string { return msgf(b.l, key, args...) }

// time formats t in full, with the year: a report is read long after it
// is made, and often on paper.
func (b *builder) time(t time.Time) string {
	return formatTime(b.l, t.In(b.loc))
}

func formatTime(l i18n.Lang, t time.Time) string { return l.FullTime(t) }

// zone names the time zone the report's times are in, with its offset
// from UTC at the time the report was made.
func (b *builder) zone() string {
	abbr, off := b.r.GeneratedAt.In(b.loc).Zone()
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	utc := fmt.Sprintf("UTC%c%02d:%02d", sign, off/3600, off%3600/60)
	if off == 0 && (abbr == "UTC" || abbr == "GMT") {
		utc = abbr
	}
	var about []string
	name := b.loc.String()
	if abbr != "" && abbr[0] != '+' && abbr[0] != '-' && abbr != utc {
		about = append(about, abbr)
	}
	if name == "Local" || name == abbr || name == utc {
		if len(about) == 0 {
			return utc
		}
		return b.msgf("paren", about[0], utc)
	}
	about = append(about, utc)
	return b.msgf("paren", name, strings.Join(about, b.t("list-sep")))
}

func (b *builder) langName(code string) string {
	if messages.Has("lang." + code) {
		return b.t("lang." + code)
	}
	return code
}

// stepName names a step of the timeline: its title and number, or its ID
// when it is no longer in the playbook.
func (b *builder) stepName(id, title string) string {
	n, ok := b.numbers[id]
	switch {
	case title == "" && !ok:
		return b.msgf("removed-as", id)
	case title == "":
		title = id
	}
	if ok && n > 0 {
		return b.msgf("step-ref", title, n)
	}
	return title
}

func (b *builder) header() []field {
	inc := b.r.Incident
	playbook := inc.PlaybookTitle
	if playbook == "" {
		playbook = inc.PlaybookID
	}
	if inc.PlaybookVersion != "" {
		playbook = b.msgf("head.playbook-version", playbook, inc.PlaybookVersion)
	}
	fs := b.coverFields(false, "cover.name", "cover.contact", "cover.email")
	fs = append(fs, field{label: b.t("head.playbook"), value: playbook})
	if inc.Service != "" {
		fs = append(fs, field{label: b.t("head.service"), value: inc.Service})
	}
	closed := b.t("head.not-closed")
	if inc.ClosedAt != nil {
		closed = b.time(*inc.ClosedAt)
	}
	lang := b.langName(b.r.Lang)
	if inc.Lang != "" && inc.Lang != b.r.Lang {
		lang = b.msgf("head.lang-recorded", lang, b.langName(inc.Lang))
	}
	fs = append(fs,
		field{label: b.t("head.incident"), value: strconv.Itoa(inc.ID)},
		field{label: b.t("head.opened"), value: b.time(inc.OpenedAt)},
		field{label: b.t("head.closed"), value: closed},
	)
	for _, o := range inc.Related {
		key, args := "head.related-open", []any{o.ID, b.time(o.OpenedAt)}
		if o.ClosedAt != nil {
			key, args = "head.related-closed", append(args, b.time(*o.ClosedAt))
		}
		if o.Title != "" {
			key, args = key+"-titled", append(args, o.Title)
		}
		fs = append(fs, field{label: b.t("head.related"), value: b.msgf(key, args...)})
	}
	return append(fs,
		field{label: b.t("head.lang"), value: lang},
		field{label: b.t("head.generated"), value: b.time(b.r.GeneratedAt)},
		field{label: b.t("head.zone"), value: b.zone()},
	)
}

func (b *builder) action(a string) string {
	if messages.Has("action." + a) {
		return b.t("action." + a)
	}
	return a
}

// entry is one recorded event; the timeline names its step, the list of a
// removed step's records does not need to.
func (b *builder) entry(e Entry, withStep bool) item {
	head := b.action(e.Action)
	if withStep && (e.StepID != "" || e.StepTitle != "") {
		head += b.t("colon") + b.stepName(e.StepID, e.StepTitle)
	}
	it := item{when: b.time(e.At), head: head}
	if e.Answer != "" {
		it.details = append(it.details, field{label: b.t("label.answer"), value: e.Answer})
	}
	if e.Reason != "" {
		it.details = append(it.details, field{label: b.t("label.reason"), value: e.Reason})
	}
	if e.Note != "" {
		it.details = append(it.details, field{label: b.t("label.note"), value: e.Note})
	}
	return it
}

func (b *builder) timeline() section {
	s := section{heading: b.t("timeline"), intro: b.t("timeline.intro")}
	if len(b.r.Timeline) == 0 {
		s.intro = b.t("timeline.none")
		return s
	}
	bl := block{spaced: true}
	for _, e := range b.r.Timeline {
		bl.items = append(bl.items, b.entry(e, true))
	}
	s.blocks = []block{bl}
	return s
}

// state says where a step stands, in one line.
func (b *builder) state(s Step) string {
	dated := func(key string, at time.Time) string {
		if at.IsZero() {
			return b.t(key + "-undated")
		}
		return b.msgf(key, b.time(at))
	}
	switch s.State {
	case "done":
		return dated("state.done", s.FinishedAt)
	case "skipped":
		return dated("state.skipped", s.FinishedAt)
	case "not-applicable":
		return b.t("state.not-applicable")
	case "waiting":
		if s.AvailableAt.IsZero() {
			return b.t("state.waiting-steps")
		}
		return b.msgf("state.waiting-until", b.time(s.AvailableAt))
	case "due":
		return dated("state.due", s.AvailableAt)
	case "overdue":
		return dated("state.overdue", s.AvailableAt)
	case "later":
		return b.t("state.later")
	}
	return s.State
}

func (b *builder) stepDetails(s Step) []field {
	fs := []field{{value: b.state(s)}}
	if s.State == "skipped" {
		reason := s.Reason
		if reason == "" {
			reason = b.t("label.no-reason")
		}
		fs = append(fs, field{label: b.t("label.reason"), value: reason})
	}
	if s.Answer != "" {
		fs = append(fs, field{label: b.t("label.answer"), value: s.Answer})
	}
	// A repeating step counts its completions; "done once" says nothing
	// new about a step that is simply done.
	switch {
	case s.Completions > 1:
		fs = append(fs, field{value: b.msgf("label.done-times", s.Completions)})
	case s.Completions == 1 && s.State != "done":
		fs = append(fs, field{value: b.t("label.done-once")})
	}
	return append(fs, b.notes(s.Notes)...)
}

func (b *builder) steps() section {
	sec := section{heading: b.t("steps"), intro: b.t("steps.intro"), boxIntro: b.t("steps.intro-boxes")}
	for _, p := range b.r.Phases {
		bl := block{heading: p.Title}
		if bl.heading == "" {
			bl.heading = p.Phase
		}
		for _, s := range p.Steps {
			m := openMark
			if s.State == "done" {
				m = doneMark
			}
			bl.items = append(bl.items, item{mark: m, number: s.Number, head: s.Title, details: b.stepDetails(s)})
		}
		sec.blocks = append(sec.blocks, bl)
	}
	return sec
}

func (b *builder) removed() section {
	sec := section{heading: b.t("removed"), intro: b.t("removed.intro")}
	for _, rs := range b.r.Removed {
		bl := block{heading: rs.ID, spaced: true}
		for _, e := range rs.Entries {
			bl.items = append(bl.items, b.entry(e, false))
		}
		sec.blocks = append(sec.blocks, bl)
	}
	return sec
}

// stepRef names a step by title and number, for the lists that are not
// grouped by phase.
func (b *builder) stepRef(id, title string) string {
	if title == "" {
		title = id
	}
	if n := b.numbers[id]; n > 0 {
		return b.msgf("step-ref", title, n)
	}
	return title
}

func (b *builder) open() section {
	sec := section{heading: b.t("open"), fields: b.progress()}
	scheduled := map[string]bool{}
	for _, f := range b.r.FollowUps {
		scheduled[f.StepID] = true
	}
	// Overdue first, then what is due, then what was put off: the order
	// in which they need doing.
	todo := block{heading: b.t("open.todo")}
	for _, state := range []string{"overdue", "due", "later"} {
		for _, p := range b.r.Phases {
			for _, s := range p.Steps {
				if s.State == state {
					todo.items = append(todo.items, item{head: b.stepRef(s.ID, s.Title), details: []field{{value: b.state(s)}}})
				}
			}
		}
	}
	// A waiting step with a date is among the dates ahead; the others
	// wait for other steps and have no date to show.
	waiting := block{heading: b.t("open.waiting")}
	for _, p := range b.r.Phases {
		for _, s := range p.Steps {
			if s.State == "waiting" && !scheduled[s.ID] {
				waiting.items = append(waiting.items, item{head: b.stepRef(s.ID, s.Title), details: []field{{value: b.state(s)}}})
			}
		}
	}
	dates := block{heading: b.t("open.dates"), spaced: true}
	followUps := slices.Clone(b.r.FollowUps)
	slices.SortStableFunc(followUps, func(x, y FollowUp) int { return x.At.Compare(y.At) })
	for _, f := range followUps {
		it := item{when: b.time(f.At), head: b.stepRef(f.StepID, f.Title)}
		if f.Gate {
			it.details = append(it.details, field{value: b.t("open.gate")})
		}
		if f.Of > 0 {
			it.details = append(it.details, field{value: b.msgf("open.repeat", f.Occurrence, f.Of)})
		}
		if f.At.Before(b.r.GeneratedAt) {
			it.details = append(it.details, field{value: b.t("open.past")})
		}
		dates.items = append(dates.items, it)
	}
	for _, bl := range []block{todo, waiting, dates} {
		if len(bl.items) > 0 {
			sec.blocks = append(sec.blocks, bl)
		}
	}
	if len(sec.blocks) == 0 {
		sec.intro = b.t("open.none")
	}
	return sec
}

// verified shows when a contact was last confirmed, as the playbook gives
// it (2020-09), or in Japanese as 2020年9月.
func (b *builder) verified(v string) string {
	if b.l != i18n.Japanese {
		return v
	}
	if d, err := time.Parse("2006-01-02", v); err == nil {
		return fmt.Sprintf("%d年%d月%d日", d.Year(), d.Month(), d.Day())
	}
	if d, err := time.Parse("2006-01", v); err == nil {
		return fmt.Sprintf("%d年%d月", d.Year(), d.Month())
	}
	return v
}

func (b *builder) contacts() section {
	bl := block{spaced: true}
	for _, c := range b.r.Contacts {
		it := item{head: c.Name}
		if c.Phone != "" {
			it.details = append(it.details, field{label: b.t("contacts.phone"), value: c.Phone})
		}
		if c.URL != "" {
			it.details = append(it.details, field{label: b.t("contacts.web"), value: c.URL, link: true})
		}
		if c.Verified != "" {
			it.details = append(it.details, field{label: b.t("contacts.verified"), value: b.verified(c.Verified)})
		}
		if c.Note != "" {
			it.details = append(it.details, field{label: b.t("contacts.note"), value: c.Note})
		}
		bl.items = append(bl.items, it)
	}
	return section{heading: b.t("contacts"), intro: b.t("contacts.intro"), blocks: []block{bl}}
}

func (b *builder) sources() section {
	var bl block
	for _, s := range b.r.Sources {
		it := item{head: s.Title}
		if it.head == "" {
			it.head = s.ID
		}
		if s.URL != "" {
			it.details = append(it.details, field{value: s.URL, link: true})
		}
		bl.items = append(bl.items, it)
	}
	return section{heading: b.t("sources"), blocks: []block{bl}}
}

// clean makes text safe to lay out: "\n" for every line break, no
// trailing blank lines, and every control character (which could drive a
// terminal, or hide text) and byte that is not UTF-8 written as an escape
// a reader can see, such as \x1b (see package visible). Everything else is
// kept as the person wrote it.
func clean(s string) string {
	return strings.TrimRight(visible.Text(s), "\n")
}
