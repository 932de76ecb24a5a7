package cli

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/money"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/report"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/internal/visible"
	"github.com/acctguard/acctguard/internal/wrap"
)

type statusOptions struct {
	IO        *iostreams.IOStreams
	Store     stateStore
	Catalogue *playbook.Catalogue
	Now       func() time.Time
	Lang      i18n.Lang
	// LangFromFlag is set when --lang chose Lang; otherwise the screen is
	// in the language the incidents shown were recorded in.
	LangFromFlag bool

	Incident   int
	All        bool
	JSON       bool
	ExitStatus bool
}

// NewCmdStatus returns "acctguard status".
func NewCmdStatus(f *Factory, runF func(*statusOptions) error) *cobra.Command {
	opts := &statusOptions{}
	cmd := &cobra.Command{
		Use:   "status [N]",
		Short: "Show what is still open, and what falls due when",
		Long: `Show each open incident: what is overdue, what to do now, what waits and
until when, the follow-ups, and what was put off or skipped. It never asks
anything, so it is safe in scripts and shell prompts.`,
		Args: incidentNumberArg(&opts.Incident, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Store, opts.Catalogue, opts.Now, opts.Lang = f.IO, f.Store(), f.Catalogue(), f.Now, f.Lang
			opts.LangFromFlag = f.LangFromFlag
			if runF != nil {
				return runF(opts)
			}
			return runStatus(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.All, "all", false, "include closed incidents")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON (the shape is documented in the README)")
	cmd.Flags().BoolVar(&opts.ExitStatus, "exit-status", false, "exit with 3 when an open incident has steps due")
	return cmd
}

// incidentView is what status shows of one incident: every printer, text,
// plain or JSON, prints it and nothing else.
type incidentView struct {
	inc *state.Incident
	p   *playbook.Playbook
	// view holds the steps shown: all of them, or only the follow-ups
	// still ahead of a closed incident.
	view incident.View
	// finished and total count the whole incident, even when view holds
	// only its pending follow-ups.
	finished, total int
	// related lists the incidents linked to this one, and relatedText says
	// so under its heading ("" when none).
	related     []int
	relatedText string
	// lang is the language its texts are shown in: the incident's, or
	// the one --lang chose.
	lang string
}

// raw returns t in the view's language, as written.
func (v *incidentView) raw(t playbook.Text) string { return strings.TrimSpace(t.Get(v.lang)) }

// text returns t in the incident's language, to print on one line with
// any control character in it made visible.
func (v *incidentView) text(t playbook.Text) string { return visible.Line(v.raw(t)) }

func runStatus(opts *statusOptions) error {
	file, err := loadState(opts.Store)
	if err != nil {
		return err
	}
	now := opts.Now()
	shown, failed, err := statusViews(opts, file, now)
	if err != nil {
		return err
	}
	switch {
	case opts.JSON:
		if err := printStatusJSON(opts, shown); err != nil {
			return err
		}
	case len(shown) == 0 && failed == nil:
		printNoIncidents(opts, len(file.Incidents))
	case !opts.IO.IsStdoutTTY():
		printStatusPlain(opts, shown)
	default:
		printStatusText(opts, shown, now)
	}
	return statusExit(opts, shown, failed)
}

// statusViews decides what status shows: incident N; every incident with
// --all; or else the open ones and the follow-ups still ahead of closed
// ones, since closing an incident does not cancel the re-checks that catch
// a second intrusion. An incident whose playbook cannot be used is
// reported on stderr and returned as failed, without hiding the others.
func statusViews(opts *statusOptions, file *state.File, now time.Time) (shown []incidentView, failed error, err error) {
	var chosen []*state.Incident
	if opts.Incident != 0 {
		inc, err := pickIncident(file, opts.Incident)
		if err != nil {
			return nil, nil, err
		}
		chosen = append(chosen, inc)
	} else {
		for i := range file.Incidents {
			inc := &file.Incidents[i]
			if opts.All || inc.ClosedAt == nil || !inc.DropFollowUps {
				chosen = append(chosen, inc)
			}
		}
	}
	for _, inc := range togetherWithRelated(chosen) {
		p, err := incidentPlaybook(opts.Catalogue, inc, opts.IO.ErrOut, opts.Lang)
		if err != nil {
			fmt.Fprintf(opts.IO.ErrOut, "acctguard: %s\n", visible.Text(err.Error()))
			failed = err
			continue
		}
		v := incidentView{inc: inc, p: p, view: derive(p, inc, now), related: file.Related(inc.ID)}
		v.lang = string(incidentLang(opts.Lang, opts.LangFromFlag, inc.Lang))
		v.finished, v.total = v.view.Progress()
		if inc.ClosedAt != nil && opts.Incident == 0 && !opts.All {
			if v.view = pendingFollowUps(v.view); len(v.view.Steps) == 0 {
				continue
			}
		}
		shown = append(shown, v)
	}
	// The screen speaks the incidents' language when they share one, so
	// that their steps and acctguard's words around them do not mix.
	if !opts.LangFromFlag && len(shown) > 0 {
		l := shown[0].lang
		for _, v := range shown {
			if v.lang != l {
				l = ""
			}
		}
		if parsed, err := i18n.Parse(l); err == nil && l != "" {
			opts.Lang = parsed
		}
	}
	for i := range shown {
		shown[i].relatedText = relatedLine(opts.Lang, opts.Catalogue, file, shown[i].inc, now)
	}
	return shown, failed, nil
}

// pendingFollowUps keeps only the unfinished follow-up steps of a view.
func pendingFollowUps(v incident.View) incident.View {
	var keep []incident.Status
	for _, s := range v.Steps {
		if isFollowUp(&s) && !s.IsFinished() {
			keep = append(keep, s)
		}
	}
	return incident.View{Steps: keep}
}

func isFollowUp(s *incident.Status) bool { return s.Step.Phase == playbook.PhaseFollowUp }

// listed reports whether status lists a step: those done or that do not
// apply are only counted.
func listed(s *incident.Status) bool {
	return s.State != incident.Done && s.State != incident.NotApplicable
}

// statusExit gives status its exit code: 1 when a playbook could not be
// used, else with --exit-status 3 when an open incident has steps due.
func statusExit(opts *statusOptions, shown []incidentView, failed error) error {
	if failed != nil {
		return &exitError{code: exitFailure, err: failed, quiet: true}
	}
	if opts.ExitStatus {
		for _, v := range shown {
			if v.inc.ClosedAt != nil {
				continue
			}
			for i := range v.view.Steps {
				if v.view.Steps[i].IsDue() {
					return &exitError{code: exitDue, err: fmt.Errorf("steps are due"), quiet: true}
				}
			}
		}
	}
	return nil
}

// statusGroups sorts an incident's unfinished and skipped steps into the
// groups status shows, in the order it shows them.
type statusGroups struct {
	overdue, due, waiting, followUps, later, skipped []*incident.Status
}

func groupSteps(v *incidentView) statusGroups {
	var g statusGroups
	var dueCritical, dueOther []*incident.Status
	for i := range v.view.Steps {
		s := &v.view.Steps[i]
		if !listed(s) {
			continue
		}
		if isFollowUp(s) && s.State != incident.Skipped {
			g.followUps = append(g.followUps, s)
			continue
		}
		switch s.State {
		case incident.Overdue:
			g.overdue = append(g.overdue, s)
		case incident.Due:
			if s.Step.Critical {
				dueCritical = append(dueCritical, s)
			} else {
				dueOther = append(dueOther, s)
			}
		case incident.Waiting:
			g.waiting = append(g.waiting, s)
		case incident.Later:
			g.later = append(g.later, s)
		case incident.Skipped:
			g.skipped = append(g.skipped, s)
		}
	}
	g.due = append(dueCritical, dueOther...)
	// The next follow-up first; those waiting for other steps have no
	// date yet and come last.
	sort.SliceStable(g.followUps, func(i, j int) bool {
		a, b := g.followUps[i], g.followUps[j]
		if (len(a.WaitingFor) == 0) != (len(b.WaitingFor) == 0) {
			return len(a.WaitingFor) == 0
		}
		return a.AvailableAt.Before(b.AvailableAt)
	})
	return g
}

// printNoIncidents says there is nothing to show: on the terminal, or on
// standard error when output is piped, so that scripts read no lines.
// total is how many incidents there are, all closed.
func printNoIncidents(opts *statusOptions, total int) {
	out := opts.IO.Out
	if !opts.IO.IsStdoutTTY() {
		out = opts.IO.ErrOut
	}
	l := opts.Lang
	if total == 0 {
		fmt.Fprintln(out, l.T("status.none"))
		fmt.Fprintln(out, l.Tf("status.none-hint", "acctguard respond"))
		return
	}
	fmt.Fprintln(out, l.T("status.no-open"))
	fmt.Fprintln(out, l.Tf("status.closed-hint", "acctguard status --all"))
}

func printStatusText(opts *statusOptions, shown []incidentView, now time.Time) {
	l, cs, out := opts.Lang, opts.IO.ColorScheme(), opts.IO.Out
	for n := range shown {
		v := &shown[n]
		if n > 0 {
			fmt.Fprintln(out)
		}
		header := l.Tf("incident.header", v.inc.ID, v.text(v.p.Title), l.Time(v.inc.OpenedAt.Local(), now))
		if v.inc.ClosedAt != nil {
			header += l.Tf("incident.closed", l.Time(v.inc.ClosedAt.Local(), now))
		}
		for _, line := range wrap.Wrap(header, opts.IO.WrapWidth()) {
			fmt.Fprintln(out, cs.Bold(line))
		}
		if v.relatedText != "" {
			for _, line := range wrap.Wrap(v.relatedText, opts.IO.WrapWidth()) {
				fmt.Fprintln(out, cs.Dim(line))
			}
		}
		fmt.Fprintf(out, "%s %s\n", progressBar(v.finished, v.total, 20, cs), l.Tf("incident.progress", v.finished, v.total))
		// What was taken, and what is still to come back: the figure a
		// person calls the card company about.
		_, all := report.Totals(reportCharges(v.inc.ActiveCharges()))
		for _, t := range all {
			amount := func(n int64) string { return money.Amount{Minor: n, Currency: t.Currency}.Format(string(l)) }
			printWrapped(out, "", "  ", l.Tf("status.charges", t.Count, amount(t.Charged), amount(t.Refunded), amount(t.Outstanding())), opts.IO.WrapWidth())
		}

		g := groupSteps(v)
		section := func(key string, color func(string) string, steps []*incident.Status, detail func(*incident.Status) string) {
			if len(steps) == 0 {
				return
			}
			fmt.Fprintf(out, "\n%s\n", color(l.T(key)))
			titles := make([]string, len(steps))
			width := 0
			for i, s := range steps {
				mark := "  "
				if s.Step.Critical {
					mark = cs.Yellow("★") + " "
				}
				titles[i] = mark + v.text(s.Step.Title)
				width = max(width, wrap.Width(stripANSI(titles[i])))
			}
			details := make([]string, len(steps))
			// Side by side when every line fits the terminal; otherwise
			// each detail goes under its title, so that none is cut.
			beside := true
			for i, s := range steps {
				details[i] = detail(s)
				if details[i] != "" && 2+width+2+wrap.Width(stripANSI(details[i])) > opts.IO.WrapWidth() {
					beside = false
				}
			}
			for i := range steps {
				d := details[i]
				switch {
				case d == "":
					printWrapped(out, "  ", "    ", titles[i], opts.IO.WrapWidth())
				case beside:
					pad := strings.Repeat(" ", width-wrap.Width(stripANSI(titles[i]))+2)
					fmt.Fprintf(out, "  %s%s%s\n", titles[i], pad, cs.Dim(d))
				default:
					printWrapped(out, "  ", "    ", titles[i], opts.IO.WrapWidth())
					fmt.Fprintf(out, "      %s\n", cs.Dim(d))
				}
			}
		}
		at := func(t time.Time) string { return l.Tf("status.at", l.Time(t.Local(), now), l.Until(t, now)) }
		// Late steps are told calmly, with the date they were planned
		// for: "overdue" in red frightens a person already frightened.
		section("status.overdue", cs.Yellow, g.overdue, func(s *incident.Status) string {
			return l.Tf("status.planned-for", at(s.AvailableAt))
		})
		section("status.due", cs.Cyan, g.due, func(*incident.Status) string { return "" })
		waitingDetail := func(s *incident.Status) string {
			if len(s.WaitingFor) == 0 {
				return at(s.AvailableAt)
			}
			// The first step it waits for is the one to look at: usually
			// the question whose answer decides the rest.
			if w, ok := v.p.Step(s.WaitingFor[0]); ok {
				return l.Tf("status.after", v.text(w.Title))
			}
			return ""
		}
		// Waiting steps are listed under what they wait for: while locked
		// out, a dozen steps wait for the same sign-in, and saying so once
		// reads better than a dozen times.
		if len(g.waiting) > 0 {
			fmt.Fprintf(out, "\n%s\n", cs.Bold(l.T("status.waiting")))
			var order []string
			groups := map[string][]*incident.Status{}
			for _, s := range g.waiting {
				heading := ""
				if len(s.WaitingFor) == 0 {
					heading = l.Tf("status.group-from", l.Time(s.AvailableAt.Local(), now), l.Until(s.AvailableAt, now))
				} else if w, ok := v.p.Step(s.WaitingFor[0]); ok {
					heading = l.Tf("status.group-after", v.text(w.Title))
				}
				if _, ok := groups[heading]; !ok {
					order = append(order, heading)
				}
				groups[heading] = append(groups[heading], s)
			}
			for _, heading := range order {
				indent := "  "
				if heading != "" {
					fmt.Fprintf(out, "  %s\n", cs.Dim(heading))
					indent = "    "
				}
				for _, s := range groups[heading] {
					mark := "  "
					if s.Step.Critical {
						mark = cs.Yellow("★") + " "
					}
					printWrapped(out, indent, indent+"  ", mark+v.text(s.Step.Title), opts.IO.WrapWidth())
				}
			}
		}
		section("status.follow-ups", cs.Bold, g.followUps, func(s *incident.Status) string {
			switch {
			case s.State == incident.Overdue:
				return cs.Yellow(l.Tf("status.follow-up-overdue", at(s.AvailableAt)))
			case s.IsDue():
				return l.Tf("status.due-since", at(s.AvailableAt))
			}
			return waitingDetail(s)
		})
		section("status.later", cs.Bold, g.later, func(*incident.Status) string { return "" })
		section("status.skipped", cs.Dim, g.skipped, func(s *incident.Status) string {
			if s.Reason == "" {
				return l.T("status.no-reason")
			}
			return visible.Line(s.Reason)
		})
		if len(v.view.Orphans) > 0 {
			fmt.Fprintf(out, "\n%s\n", cs.Dim(l.T("status.removed")))
			for _, o := range v.view.Orphans {
				fmt.Fprintf(out, "  %s\n", visible.Line(o.Step))
			}
		}
	}
}

// printWrapped prints text after first, wrapped to width, its further
// lines after rest. The width of a leading ★ mark's colour codes is not
// counted.
func printWrapped(out io.Writer, first, rest, text string, width int) {
	if width > 0 && wrap.Width(first+stripANSI(text)) > width {
		for i, line := range wrap.Wrap(text, width-wrap.Width(rest)+len(text)-len(stripANSI(text))) {
			if i > 0 {
				first = rest
			}
			fmt.Fprintf(out, "%s%s\n", first, line)
		}
		return
	}
	fmt.Fprintf(out, "%s%s\n", first, text)
}

// progressBar draws finished out of total in width cells; without colour
// it is made of # and -, which read on any terminal.
func progressBar(finished, total, width int, cs *iostreams.ColorScheme) string {
	filled := 0
	if total > 0 {
		filled = finished * width / total
	}
	return "[" + cs.Green(strings.Repeat("#", filled)) + cs.Dim(strings.Repeat("-", width-filled)) + "]"
}

// printStatusPlain prints one tab-separated line per step that is not
// done or inapplicable: incident, step id, state, the time that matters
// (RFC 3339, or -), title, and the reason for a skipped step. A line
// break, tab or backslash in a field is written \n, \t or \\ (and other
// control characters as \x1b and the like), so that what a person wrote
// can never add a field or a line.
func printStatusPlain(opts *statusOptions, shown []incidentView) {
	var b strings.Builder
	for n := range shown {
		v := &shown[n]
		for i := range v.view.Steps {
			s := &v.view.Steps[i]
			if !listed(s) {
				continue
			}
			when := "-"
			if !s.AvailableAt.IsZero() && len(s.WaitingFor) == 0 {
				when = s.AvailableAt.Format(time.RFC3339)
			}
			fields := []string{strconv.Itoa(v.inc.ID), visible.Field(s.Step.ID), string(s.State), when, visible.Field(v.raw(s.Step.Title)), visible.Field(s.Reason)}
			b.WriteString(strings.Join(fields, "\t"))
			b.WriteByte('\n')
		}
	}
	_, _ = io.WriteString(opts.IO.Out, b.String())
}

// The JSON shape of "status --json", documented in the README: fields may
// be added, never changed.
type statusJSON struct {
	Incidents []incidentJSON `json:"incidents"`
}

type incidentJSON struct {
	ID       int        `json:"id"`
	Playbook string     `json:"playbook"`
	Title    string     `json:"title"`
	Lang     string     `json:"lang"`
	OpenedAt time.Time  `json:"opened_at"`
	ClosedAt *time.Time `json:"closed_at"`
	Done     int        `json:"done"`
	Total    int        `json:"total"`
	// Related lists the incidents linked to this one (see
	// state.Incident.Related).
	Related []int `json:"related"`
	// Charges are the totals of the charges recorded, per currency.
	Charges      []report.TotalJSON `json:"charges"`
	Steps        []stepJSON         `json:"steps"`
	RemovedSteps []removedJSON      `json:"removed_steps"`
}

type stepJSON struct {
	ID          string     `json:"id"`
	Title       string     `json:"title"`
	Phase       string     `json:"phase"`
	Kind        string     `json:"kind"`
	Critical    bool       `json:"critical"`
	State       string     `json:"state"`
	AvailableAt *time.Time `json:"available_at"`
	DueAt       *time.Time `json:"due_at"`
	WaitingFor  []string   `json:"waiting_for"`
	Answer      *string    `json:"answer"`
	Reason      *string    `json:"reason"`
	Notes       []string   `json:"notes"`
	Completions int        `json:"completions"`
}

type removedJSON struct {
	ID     string `json:"id"`
	Events int    `json:"events"`
}

func printStatusJSON(opts *statusOptions, views []incidentView) error {
	out := statusJSON{Incidents: []incidentJSON{}}
	for _, v := range views {
		finished, total := v.finished, v.total
		j := incidentJSON{
			ID: v.inc.ID, Playbook: v.inc.Playbook, Title: v.raw(v.p.Title), Lang: v.inc.Lang,
			OpenedAt: v.inc.OpenedAt, ClosedAt: v.inc.ClosedAt, Done: finished, Total: total,
			Related: append([]int{}, v.related...), Steps: []stepJSON{}, RemovedSteps: []removedJSON{},
			Charges: chargeTotals(v.inc.ActiveCharges()),
		}
		for i := range v.view.Steps {
			s := &v.view.Steps[i]
			sj := stepJSON{
				ID: s.Step.ID, Title: v.raw(s.Step.Title), Phase: string(s.Step.Phase),
				Kind: string(s.Step.Kind), Critical: s.Step.Critical, State: string(s.State),
				WaitingFor: append([]string{}, s.WaitingFor...), Notes: append([]string{}, s.Notes...), Completions: s.Completions,
			}
			if t := s.AvailableAt; !t.IsZero() {
				switch {
				case s.State == incident.Waiting:
					sj.AvailableAt = &t
				case s.IsDue():
					sj.AvailableAt, sj.DueAt = &t, &t
				}
			}
			if s.Answer != "" {
				sj.Answer = &s.Answer
			}
			if s.State == incident.Skipped {
				sj.Reason = &s.Reason
			}
			j.Steps = append(j.Steps, sj)
		}
		for _, o := range v.view.Orphans {
			j.RemovedSteps = append(j.RemovedSteps, removedJSON{ID: o.Step, Events: len(o.Events)})
		}
		out.Incidents = append(out.Incidents, j)
	}
	return printJSON(opts.IO.Out, out)
}
