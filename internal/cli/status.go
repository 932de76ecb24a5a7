package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/internal/summary"
	"github.com/acctguard/acctguard/internal/wrap"
)

type statusOptions struct {
	IO        *iostreams.IOStreams
	Catalogue *playbook.Catalogue
	Now       func() time.Time
	Lang      i18n.Lang
	Factory   *Factory

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
			opts.IO, opts.Catalogue, opts.Now, opts.Lang, opts.Factory = f.IO, f.Catalogue(), f.Now, f.Lang, f
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

// incidentView is an incident with its playbook and derived steps.
type incidentView struct {
	inc  *state.Incident
	p    *playbook.Playbook
	view incident.View
	// finished and total count the whole incident, even when view holds
	// only its pending follow-ups.
	finished, total int
}

// runStatus shows the summary kept from an earlier run when it was worked
// out from the same state file, playbooks and acctguard, and still holds
// at now; otherwise it works the summary out and keeps it. JSON always
// comes from the state file, as it holds every step and note.
func runStatus(opts *statusOptions) error {
	store := state.New(opts.Factory.StateFile)
	now := opts.Now()
	cache := newStatusCache(opts.Factory, opts.Catalogue, store)
	if !opts.JSON {
		if sum, ok := cache.load(now); ok {
			if shown, ok := shownIncidents(opts, sum); ok {
				return showStatus(opts, shown, len(sum.Incidents), nil, now)
			}
		}
	}
	data, err := store.Data()
	if err != nil {
		return stateError(err)
	}
	cache.read(data)
	file, err := store.Decode(data)
	if err != nil {
		return stateError(err)
	}
	chosen, err := chooseIncidents(opts, file)
	if err != nil {
		return err
	}

	entry, views, failed, complete := summarise(opts, file, chosen, cache, now)
	if complete {
		cache.save(entry)
	}

	if opts.JSON {
		var kept []incidentView
		for _, v := range views {
			if v.inc.ClosedAt != nil && opts.Incident == 0 && !opts.All {
				// A closed incident shows only what is still ahead of it.
				if v.view = pendingFollowUps(v.view); len(v.view.Steps) == 0 {
					continue
				}
			}
			kept = append(kept, v)
		}
		if err := printStatusJSON(opts, kept); err != nil {
			return err
		}
		shown, _ := shownIncidents(opts, &entry.Summary)
		return statusExit(opts, shown, failed)
	}
	shown, _ := shownIncidents(opts, &entry.Summary)
	return showStatus(opts, shown, len(file.Incidents), failed, now)
}

// summarise works out every incident, shown or not, so that the summary
// kept serves status with any flags; only the problems of the chosen
// incidents are reported. It returns the summary of the incidents whose
// playbook could be used, the views of the chosen ones, the last problem
// reported, and whether every playbook could be used.
func summarise(opts *statusOptions, file *state.File, chosen []*state.Incident, cache *statusCache, now time.Time) (entry *summary.Entry, views []incidentView, failed error, complete bool) {
	entry = &summary.Entry{From: now}
	complete = true
	for i := range file.Incidents {
		inc := &file.Incidents[i]
		shown := slices.Contains(chosen, inc)
		w := io.Discard
		if shown {
			w = opts.IO.ErrOut
		}
		cache.reading(inc.Playbook)
		p, err := incidentPlaybook(opts.Catalogue, inc, w)
		if err != nil {
			complete = false
			if shown {
				// One incident whose playbook cannot be read does not
				// hide the others.
				fmt.Fprintf(opts.IO.ErrOut, "acctguard: %v\n", err)
				failed = err
			}
			continue
		}
		v := incidentView{inc: inc, p: p, view: derive(p, inc, now)}
		v.finished, v.total = v.view.Progress()
		if next := v.view.NextChange(now); !next.IsZero() && (entry.Until.IsZero() || next.Before(entry.Until)) {
			entry.Until = next
		}
		entry.Summary.Incidents = append(entry.Summary.Incidents, summaryOf(v))
		if shown {
			views = append(views, v)
		}
	}
	return entry, views, failed, complete
}

// summaryOf returns what status shows of an incident.
func summaryOf(v incidentView) summary.Incident {
	in := summary.Incident{ID: v.inc.ID, Playbook: v.inc.Playbook, Lang: v.inc.Lang, OpenedAt: v.inc.OpenedAt, DropFollowUps: v.inc.DropFollowUps}
	if v.inc.ClosedAt != nil {
		in.ClosedAt = *v.inc.ClosedAt
	}
	in.SetView(v.p, &v.view)
	return in
}

// chooseIncidents returns the incidents status is asked about: incident
// N, every incident with --all, or else the open ones and the closed ones
// whose follow-ups still stand: closing an incident does not cancel the
// re-checks that catch a second intrusion.
func chooseIncidents(opts *statusOptions, file *state.File) ([]*state.Incident, error) {
	var chosen []*state.Incident
	switch {
	case opts.Incident != 0:
		inc, err := pickIncident(file, opts.Incident)
		if err != nil {
			return nil, err
		}
		chosen = append(chosen, inc)
	default:
		for i := range file.Incidents {
			inc := &file.Incidents[i]
			if opts.All || inc.ClosedAt == nil || !inc.DropFollowUps {
				chosen = append(chosen, inc)
			}
		}
	}
	return chosen, nil
}

// shownIncidents picks from a summary what status shows, as
// chooseIncidents does from the state file; a closed incident shows only
// the follow-ups still ahead of it, unless asked for by number or with
// --all. ok is false when incident N is not in the summary.
func shownIncidents(opts *statusOptions, sum *summary.Summary) (shown []*summary.Incident, ok bool) {
	shown = make([]*summary.Incident, 0, len(sum.Incidents))
	for i := range sum.Incidents {
		in := &sum.Incidents[i]
		switch {
		case opts.Incident != 0:
			if in.ID == opts.Incident {
				return []*summary.Incident{in}, true
			}
			continue
		case opts.All || !in.Closed():
		case in.DropFollowUps:
			continue
		default:
			var ahead []summary.Step
			for _, s := range in.Steps {
				if s.Pending() {
					ahead = append(ahead, s)
				}
			}
			if len(ahead) == 0 {
				continue
			}
			closed := *in
			closed.Steps, closed.Removed = ahead, nil
			in = &closed
		}
		shown = append(shown, in)
	}
	return shown, opts.Incident == 0
}

// showStatus prints the incidents shown; total is how many incidents the
// state file holds, and failed the problem with a playbook, if any.
func showStatus(opts *statusOptions, shown []*summary.Incident, total int, failed error, now time.Time) error {
	switch {
	case len(shown) == 0 && failed == nil:
		printNoIncidents(opts, total)
	case !opts.IO.IsStdoutTTY():
		printStatusPlain(opts, shown)
	default:
		printStatusText(opts, shown, now)
	}
	return statusExit(opts, shown, failed)
}

// statusExit gives status its exit code: 1 when a playbook could not be
// used, else with --exit-status 3 when an open incident has steps due.
func statusExit(opts *statusOptions, shown []*summary.Incident, failed error) error {
	if failed != nil {
		return &exitError{code: exitFailure, err: failed, quiet: true}
	}
	if opts.ExitStatus {
		for _, in := range shown {
			if in.Closed() {
				continue
			}
			for i := range in.Steps {
				if in.Steps[i].IsDue() {
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
	overdue, due, waiting, followUps, later, skipped []*summary.Step
}

func groupSteps(in *summary.Incident) statusGroups {
	var g statusGroups
	var dueCritical, dueOther []*summary.Step
	for i := range in.Steps {
		s := &in.Steps[i]
		if s.Pending() {
			g.followUps = append(g.followUps, s)
			continue
		}
		switch s.State {
		case incident.Overdue:
			g.overdue = append(g.overdue, s)
		case incident.Due:
			if s.Critical {
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
		if (a.WaitingFor == "") != (b.WaitingFor == "") {
			return a.WaitingFor == ""
		}
		return a.At.Before(b.At)
	})
	return g
}

// pendingFollowUps keeps only the unfinished follow-up steps of a view.
func pendingFollowUps(v incident.View) incident.View {
	var keep []incident.Status
	for _, s := range v.Steps {
		if s.Step.Phase == playbook.PhaseFollowUp && !s.IsFinished() {
			keep = append(keep, s)
		}
	}
	return incident.View{Steps: keep}
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
		fmt.Fprintln(out, l.Tf("status.none-hint", `"acctguard respond"`))
		return
	}
	fmt.Fprintln(out, l.T("status.no-open"))
	fmt.Fprintln(out, l.Tf("status.closed-hint", `"acctguard status --all"`))
}

func printStatusText(opts *statusOptions, shown []*summary.Incident, now time.Time) {
	l, cs, out := opts.Lang, opts.IO.ColorScheme(), opts.IO.Out
	for n, in := range shown {
		if n > 0 {
			fmt.Fprintln(out)
		}
		header := l.Tf("incident.header", in.ID, in.Title, l.Time(in.OpenedAt.Local(), now))
		if in.Closed() {
			header += l.Tf("incident.closed", l.Time(in.ClosedAt.Local(), now))
		}
		fmt.Fprintln(out, cs.Bold(header))
		fmt.Fprintf(out, "%s %s\n", progressBar(in.Finished, in.Total, 20, cs), l.Tf("incident.progress", in.Finished, in.Total))

		g := groupSteps(in)
		section := func(key string, color func(string) string, steps []*summary.Step, detail func(*summary.Step) string) {
			if len(steps) == 0 {
				return
			}
			fmt.Fprintf(out, "\n%s\n", color(l.T(key)))
			titles := make([]string, len(steps))
			width := 0
			for i, s := range steps {
				mark := "  "
				if s.Critical {
					mark = cs.Yellow("★") + " "
				}
				titles[i] = mark + s.Title
				width = max(width, wrap.Width(stripANSI(titles[i])))
			}
			for i, s := range steps {
				d := detail(s)
				if d == "" {
					fmt.Fprintf(out, "  %s\n", titles[i])
					continue
				}
				pad := strings.Repeat(" ", width-wrap.Width(stripANSI(titles[i]))+2)
				fmt.Fprintf(out, "  %s%s%s\n", titles[i], pad, cs.Dim(d))
			}
		}
		at := func(t time.Time) string { return l.Tf("status.at", l.Time(t.Local(), now), l.Until(t, now)) }
		section("status.overdue", cs.Red, g.overdue, func(s *summary.Step) string {
			return l.Tf("status.due-since", at(s.At))
		})
		section("status.due", cs.Cyan, g.due, func(*summary.Step) string { return "" })
		waitingDetail := func(s *summary.Step) string {
			switch {
			case s.WaitingFor == "":
				return at(s.At)
			case s.AfterTitle != "":
				return l.Tf("status.after", s.AfterTitle)
			}
			return ""
		}
		section("status.waiting", cs.Bold, g.waiting, waitingDetail)
		section("status.follow-ups", cs.Bold, g.followUps, func(s *summary.Step) string {
			switch {
			case s.State == incident.Overdue:
				return cs.Red(l.Tf("status.follow-up-overdue", at(s.At)))
			case s.IsDue():
				return l.Tf("status.due-since", at(s.At))
			}
			return waitingDetail(s)
		})
		section("status.later", cs.Bold, g.later, func(*summary.Step) string { return "" })
		section("status.skipped", cs.Dim, g.skipped, func(s *summary.Step) string {
			if s.Reason == "" {
				return l.T("status.no-reason")
			}
			return s.Reason
		})
		if len(in.Removed) > 0 {
			fmt.Fprintf(out, "\n%s\n", cs.Dim(l.T("status.removed")))
			for _, id := range in.Removed {
				fmt.Fprintf(out, "  %s\n", id)
			}
		}
	}
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
// (RFC 3339, or -), title, and the reason for a skipped step.
func printStatusPlain(opts *statusOptions, shown []*summary.Incident) {
	// Built by hand and written at once rather than with Fprintf: a shell
	// prompt may print hundreds of these lines after every command.
	size := 0
	for _, in := range shown {
		for i := range in.Steps {
			s := &in.Steps[i]
			size += 64 + len(s.ID) + len(s.Title) + len(s.Reason)
		}
	}
	out := make([]byte, 0, size)
	for _, in := range shown {
		for i := range in.Steps {
			s := &in.Steps[i]
			out = strconv.AppendInt(out, int64(in.ID), 10)
			out = append(append(append(append(out, '\t'), s.ID...), '\t'), s.State...)
			out = append(out, '\t')
			if !s.At.IsZero() && s.WaitingFor == "" {
				out = s.At.AppendFormat(out, time.RFC3339)
			} else {
				out = append(out, '-')
			}
			out = append(append(append(append(append(out, '\t'), s.Title...), '\t'), s.Reason...), '\n')
		}
	}
	_, _ = opts.IO.Out.Write(out)
}

// The JSON shape of "status --json", documented in the README: fields may
// be added, never changed.
type statusJSON struct {
	Incidents []incidentJSON `json:"incidents"`
}

type incidentJSON struct {
	ID           int           `json:"id"`
	Playbook     string        `json:"playbook"`
	Title        string        `json:"title"`
	Lang         string        `json:"lang"`
	OpenedAt     time.Time     `json:"opened_at"`
	ClosedAt     *time.Time    `json:"closed_at"`
	Done         int           `json:"done"`
	Total        int           `json:"total"`
	Steps        []stepJSON    `json:"steps"`
	RemovedSteps []removedJSON `json:"removed_steps"`
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
			ID: v.inc.ID, Playbook: v.inc.Playbook, Title: strings.TrimSpace(v.p.Title.Get(v.inc.Lang)), Lang: v.inc.Lang,
			OpenedAt: v.inc.OpenedAt, ClosedAt: v.inc.ClosedAt, Done: finished, Total: total,
			Steps: []stepJSON{}, RemovedSteps: []removedJSON{},
		}
		for i := range v.view.Steps {
			s := &v.view.Steps[i]
			sj := stepJSON{
				ID: s.Step.ID, Title: strings.TrimSpace(s.Step.Title.Get(v.inc.Lang)), Phase: string(s.Step.Phase),
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
	enc := json.NewEncoder(opts.IO.Out)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
