package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/atomicfile"
	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/report"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/internal/visible"
)

type reportOptions struct {
	IO        *iostreams.IOStreams
	Store     stateStore
	Catalogue *playbook.Catalogue
	Now       func() time.Time
	// Lang is the report's language when --lang was given; otherwise the
	// incident's.
	Lang i18n.Lang

	Incident int
	Format   string
	Output   string
	Force    bool
	// For is --for: the reader of a letter, or empty for the report.
	For string
	// RemindAt is --remind-at as given: HH:MM or H:MM.
	RemindAt string
	remindAt report.TimeOfDay
}

var reportFormats = map[string]func(w *bytes.Buffer, r *report.Report) error{
	"md":   func(w *bytes.Buffer, r *report.Report) error { return report.Markdown(w, r) },
	"txt":  func(w *bytes.Buffer, r *report.Report) error { return report.Text(w, r) },
	"json": func(w *bytes.Buffer, r *report.Report) error { return report.JSON(w, r) },
	"ics":  func(w *bytes.Buffer, r *report.Report) error { return report.ICS(w, r) },
	"html": func(w *bytes.Buffer, r *report.Report) error { return report.HTML(w, r) },
}

// NewCmdReport returns "acctguard report".
func NewCmdReport(f *Factory, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report [N] [--format md|txt|html|json|ics] [-o FILE]",
		Short: "Write a report of an incident, or its reminders for a calendar",
		Long: `Write what happened and what was done, for a card issuer, the service's
support or the police: the timeline, every step, open items, follow-up
dates, contacts and sources. md (the default) prints well; txt suits a
terminal or an email; html is one page to print or save as PDF from a
browser; json is for programs; ics holds the follow-ups as calendar events
with reminders, to import into a calendar: each at 09:00 (or --remind-at)
on the day it can be done, and what is due now as one "still to do" event.
--for card-issuer, support or police writes a short letter instead, to
read out on the phone or hand over, with the facts that reader needs.`,
		Example: "  acctguard report -o report.md\n  acctguard --lang ja report --format txt\n  acctguard report --format html -o report.html\n  acctguard report --for card-issuer\n  acctguard report --format ics --remind-at 18:30 -o reminders.ics",
		Args:    incidentNumberArg(&opts.Incident, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.fill(f)
			if _, ok := reportFormats[opts.Format]; !ok {
				return usage(i18n.Errorf("error.report.format", opts.Format), i18n.M("error.report.format.hint"))
			}
			if opts.For != "" {
				if !report.IsReader(opts.For) {
					return usage(i18n.Errorf("error.report.for", opts.For), i18n.M("error.report.for.hint"))
				}
				// A letter is read out or handed over: text unless
				// asked otherwise, and never data.
				if !cmd.Flags().Changed("format") {
					opts.Format = "txt"
				}
				if opts.Format == "json" || opts.Format == "ics" {
					return usage(i18n.Errorf("error.report.for-format", opts.Format), i18n.M("error.report.for-format.hint"))
				}
			}
			if cmd.Flags().Changed("remind-at") {
				// Only the calendar has reminders; a time given with
				// another format is a mistake better said than ignored.
				if opts.Format != "ics" {
					return usage(i18n.Errorf("error.report.remind-ics", opts.Format), i18n.M("error.report.remind-ics.hint"))
				}
				at, ok := parseTimeOfDay(opts.RemindAt)
				if !ok {
					return usage(i18n.Errorf("error.report.remind-at", opts.RemindAt), i18n.M("error.report.remind-at.hint"))
				}
				opts.remindAt = at
			}
			if runF != nil {
				return runF(opts)
			}
			return runReport(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "md", "md, txt, html, json or ics")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", `write to this file instead of standard output ("-" for standard output)`)
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace the output file if it exists")
	cmd.Flags().StringVar(&opts.RemindAt, "remind-at", report.DefaultRemindAt.String(), "time of day of the ics reminders (HH:MM, local time)")
	cmd.Flags().StringVar(&opts.For, "for", "", "a short letter instead of the report: card-issuer, support or police")
	_ = cmd.RegisterFlagCompletionFunc("for", cobra.FixedCompletions(report.Readers, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("remind-at", cobra.FixedCompletions([]string{"09:00", "12:00", "18:30"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"md", "txt", "html", "json", "ics"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// timeOfDay is HH:MM or H:MM.
var timeOfDay = regexp.MustCompile(`^([0-9]{1,2}):([0-9]{2})$`)

// parseTimeOfDay reads --remind-at: 00:00 to 23:59, the hour with one
// digit or two.
func parseTimeOfDay(s string) (report.TimeOfDay, bool) {
	m := timeOfDay.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return report.TimeOfDay{}, false
	}
	hour, _ := strconv.Atoi(m[1])
	minute, _ := strconv.Atoi(m[2])
	return report.Clock(hour, minute)
}

// fill takes what a report needs from f.
func (opts *reportOptions) fill(f *Factory) {
	opts.IO, opts.Store, opts.Catalogue, opts.Now = f.IO, f.Store(), f.Catalogue(), f.Now
	if f.LangFromFlag {
		opts.Lang = f.Lang
	}
}

func runReport(opts *reportOptions) error {
	toFile := opts.Output != "" && opts.Output != "-"
	if toFile {
		if err := checkReportTarget(opts.Output, opts.Force); err != nil {
			return err
		}
	}
	file, err := loadState(opts.Store)
	if err != nil {
		return err
	}
	inc, err := pickIncident(file, opts.Incident)
	if err != nil {
		return err
	}
	p, err := incidentPlaybook(opts.Catalogue, inc, opts.IO.ErrOut, opts.Lang)
	if err != nil {
		return err
	}
	lang := opts.Lang
	if lang == "" {
		lang = i18n.Lang(inc.Lang)
	}
	now := opts.Now()
	r := buildReport(p, inc, derive(p, inc, now), lang, now)
	r.RemindAt = opts.remindAt
	r.For = opts.For
	for _, id := range file.Related(inc.ID) {
		other, _ := file.Incident(id)
		rel := report.Related{ID: id, OpenedAt: other.OpenedAt, ClosedAt: other.ClosedAt}
		if other.Playbook != inc.Playbook {
			// Not another attack on this account, but the same one's
			// other side: the e-mail account, the card.
			rel.Playbook, rel.Title = other.Playbook, playbookTitle(opts.Catalogue, other.Playbook, lang)
		} else {
			r.Intrusions = append(r.Intrusions, report.Intrusion{At: other.OpenedAt, Incident: id, Kind: "related"})
		}
		r.Incident.Related = append(r.Incident.Related, rel)
	}

	var b bytes.Buffer
	if err := reportFormats[opts.Format](&b, r); err != nil {
		return err
	}
	if !toFile {
		_, err := opts.IO.Out.Write(b.Bytes())
		return err
	}
	// The report holds what the person told us: private, like the state.
	if err := atomicfile.WriteFile(opts.Output, b.Bytes(), 0o600); err != nil {
		// The error names the temp file the report was written to first;
		// the person knows only the name they gave.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return hinted(i18n.Errorf("error.report.write", opts.Output, err), i18n.M("error.report.write.hint", filepath.Dir(opts.Output)))
	}
	// Say where it went: the person gave a name, perhaps relative to a
	// folder they no longer have in mind.
	where := opts.Output
	if abs, err := filepath.Abs(where); err == nil {
		where = abs
	}
	fmt.Fprintln(opts.IO.ErrOut, lang.Tf("report.written", visible.Line(where)))
	return nil
}

// checkReportTarget fails, before anything is done, when the report
// cannot or should not be written to path. Only a regular file is ever
// replaced, and only with force: the report is written beside it and
// renamed over it, which would turn a device such as /dev/null, a named
// pipe or a symbolic link into a plain file.
func checkReportTarget(path string, force bool) error {
	fi, err := os.Lstat(path)
	switch {
	case err == nil && fi.Mode().IsRegular():
		if !force {
			return hinted(i18n.Errorf("error.file.exists", path), i18n.M("error.file.force.hint"))
		}
		return nil
	case err == nil:
		hint := i18n.M("error.report.new-file.hint")
		if fi.Mode()&fs.ModeSymlink != 0 {
			if target, err := filepath.EvalSymlinks(path); err == nil {
				hint = i18n.M("error.report.link.hint", target)
			}
		}
		return hinted(i18n.Errorf("error.report.not-regular", path, fileKind(fi.Mode())), hint)
	case !errors.Is(err, fs.ErrNotExist):
		return i18n.Errorf("error.report.write", path, err)
	}
	dir := filepath.Dir(path)
	switch di, err := os.Stat(dir); {
	case errors.Is(err, fs.ErrNotExist):
		return hinted(i18n.Errorf("error.report.no-folder", path, dir), i18n.M("error.report.no-folder.hint"))
	case err != nil:
		return i18n.Errorf("error.report.write", path, err)
	case !di.IsDir():
		return hinted(i18n.Errorf("error.report.not-folder", path, dir), i18n.M("error.report.not-folder.hint"))
	}
	return nil
}

// fileKind names the kind of file mode m is, for an error message.
func fileKind(m fs.FileMode) i18n.Msg {
	switch {
	case m&fs.ModeDir != 0:
		return i18n.M("error.kind.folder")
	case m&fs.ModeSymlink != 0:
		return i18n.M("error.kind.symlink")
	case m&fs.ModeNamedPipe != 0:
		return i18n.M("error.kind.pipe")
	case m&fs.ModeSocket != 0:
		return i18n.M("error.kind.socket")
	case m&fs.ModeCharDevice != 0:
		return i18n.M("error.kind.char-device")
	case m&fs.ModeDevice != 0:
		return i18n.M("error.kind.device")
	}
	return i18n.M("error.kind.special")
}

// buildReport gathers the facts of an incident for the renderers, with
// every text in lang. Nothing is added that the person did not record.
func buildReport(p *playbook.Playbook, inc *state.Incident, v incident.View, lang i18n.Lang, now time.Time) *report.Report {
	text := func(t playbook.Text) string { return strings.TrimSpace(t.Get(string(lang))) }
	version := inc.PlaybookVersion
	if version == "" {
		version = p.Version
	}
	r := &report.Report{
		Lang:        string(lang),
		GeneratedAt: now,
		Location:    time.Local,
		Incident: report.Incident{
			ID: inc.ID, PlaybookID: p.ID, PlaybookTitle: text(p.Title), PlaybookVersion: version,
			Service: text(p.Service), Lang: inc.Lang, OpenedAt: inc.OpenedAt, ClosedAt: inc.ClosedAt,
		},
	}
	answerLabel := func(stepID, value string) string {
		s, ok := p.RecordStep(stepID)
		if !ok {
			return value
		}
		if o, ok := s.Option(value); ok {
			return text(o.Label)
		}
		if t, err := time.Parse(time.RFC3339, value); err == nil && s.Kind == playbook.KindTime {
			return lang.FullTime(t.In(r.Location))
		}
		return value
	}
	entry := func(e state.Event) report.Entry {
		en := report.Entry{At: e.At, StepID: e.Step, Action: string(e.Action), Reason: e.Reason, Note: e.Note}
		if s, ok := p.RecordStep(e.Step); ok {
			en.StepTitle = text(s.Title)
		}
		if e.Answer != "" {
			en.Answer = answerLabel(e.Step, e.Answer)
		}
		return en
	}
	for _, e := range inc.Events {
		r.Timeline = append(r.Timeline, entry(e))
	}
	r.Intrusions = append(r.Intrusions, report.Intrusion{At: inc.OpenedAt, Incident: inc.ID, Kind: "opened"})
	for _, e := range inc.Events {
		if e.Action == state.ActionAgain {
			r.Intrusions = append(r.Intrusions, report.Intrusion{At: e.At, Incident: inc.ID, Kind: "again", Note: e.Note})
		}
	}
	r.Charges = reportCharges(inc.ActiveCharges())
	if c := inc.Cover; c != nil {
		r.Cover = report.Cover{Name: c.Name, Contact: c.Contact, AccountEmail: c.AccountEmail}
	}

	for _, phase := range playbook.Phases {
		group := report.PhaseSteps{Phase: string(phase), Title: lang.T("phase." + string(phase))}
		for i := range v.Steps {
			s := &v.Steps[i]
			if s.Step.Phase != phase {
				continue
			}
			rs := report.Step{
				ID: s.Step.ID, Number: s.Index + 1, Title: text(s.Step.Title), Done: text(s.Step.Done), Critical: s.Step.Critical,
				State: string(s.State), AvailableAt: s.AvailableAt, Reason: s.Reason,
				Notes: append([]string{}, s.Notes...), Completions: s.Completions,
			}
			if s.State == incident.Done || s.State == incident.Skipped {
				rs.FinishedAt = s.FinishedAt
			}
			if s.Answer != "" {
				rs.Answer = answerLabel(s.Step.ID, s.Answer)
			}
			group.Steps = append(group.Steps, rs)
			countState(&r.Summary, s.State)
			if s.Step.Records(playbook.RecordEvidence) {
				r.Evidence = append(r.Evidence, rs)
			}
			if len(s.Step.Contacts) > 0 || s.Step.Records(playbook.RecordContact) {
				if c, ok := contacted(p, inc, s, rs, text); ok {
					r.Contacted = append(r.Contacted, c)
				}
			}
		}
		if len(group.Steps) > 0 {
			r.Phases = append(r.Phases, group)
		}
	}

	r.Done = doneSteps(p, inc, r.Phases)

	for _, o := range v.Orphans {
		removed := report.RemovedStep{ID: o.Step}
		for _, e := range inc.Events {
			if e.Step == o.Step {
				removed.Entries = append(removed.Entries, entry(e))
			}
		}
		r.Removed = append(r.Removed, removed)
	}

	for _, pl := range v.Schedule() {
		// What to check then: how to do it, else why it matters.
		what := text(pl.Status.Step.How)
		if what == "" {
			what = text(pl.Status.Step.Why)
		}
		r.FollowUps = append(r.FollowUps, report.FollowUp{
			StepID: pl.Status.Step.ID, Title: text(pl.Status.Step.Title), At: pl.At,
			Occurrence: pl.Occurrence, Of: pl.Of, Gate: pl.Status.Step.Phase != playbook.PhaseFollowUp,
			What: what,
		})
	}

	used := map[string]bool{}
	for _, s := range p.Steps {
		for _, id := range s.Contacts {
			used[id] = true
		}
	}
	for _, c := range p.Contacts {
		if used[c.ID] {
			r.Contacts = append(r.Contacts, report.Contact{Name: text(c.Name), Phone: c.Phone, URL: c.URL, Verified: c.Verified, Note: text(c.Note)})
		}
	}
	for _, src := range p.Sources {
		r.Sources = append(r.Sources, report.Source{ID: src.ID, Title: text(src.Title), URL: src.URL})
	}
	return r
}

// contacted is a step in which someone is contacted, for the report's
// list of who was: when it was done (the last time, even if the attack
// coming back has asked it again since) or has notes.
func contacted(p *playbook.Playbook, inc *state.Incident, s *incident.Status, rs report.Step, text func(playbook.Text) string) (report.Contacted, bool) {
	c := report.Contacted{StepID: rs.ID, Title: rs.Title, Done: rs.Done, Notes: rs.Notes}
	ids := append([]string{s.Step.ID}, s.Step.Was...)
	for _, e := range inc.Events {
		if e.Action == state.ActionDone && slices.Contains(ids, e.Step) {
			c.At = e.At
		}
	}
	if c.At.IsZero() && len(c.Notes) == 0 {
		return report.Contacted{}, false
	}
	for _, id := range s.Step.Contacts {
		for _, pc := range p.Contacts {
			if pc.ID == id {
				c.Who = append(c.Who, text(pc.Name))
			}
		}
	}
	return c, true
}

// doneSteps are the steps done, each at the last time it was, in the order
// they were done: a step the attack coming back asked again was still
// done that night, and a letter says what the person did.
func doneSteps(p *playbook.Playbook, inc *state.Incident, phases []report.PhaseSteps) []report.Step {
	byID := map[string]report.Step{}
	for _, ph := range phases {
		for _, s := range ph.Steps {
			byID[s.ID] = s
		}
	}
	last := map[string]time.Time{}
	for _, e := range inc.Events {
		if e.Action != state.ActionDone {
			continue
		}
		if s, ok := p.RecordStep(e.Step); ok {
			last[s.ID] = e.At
		}
	}
	var done []report.Step
	for id, at := range last {
		if s, ok := byID[id]; ok {
			s.FinishedAt = at
			done = append(done, s)
		}
	}
	slices.SortStableFunc(done, func(a, b report.Step) int {
		if c := a.FinishedAt.Compare(b.FinishedAt); c != 0 {
			return c
		}
		return a.Number - b.Number
	})
	return done
}

func countState(sum *report.Summary, st incident.State) {
	switch st {
	case incident.Done:
		sum.Done++
	case incident.Skipped:
		sum.Skipped++
	case incident.Due, incident.Overdue, incident.Later:
		sum.Open++
	case incident.Waiting:
		sum.Waiting++
	case incident.NotApplicable:
		sum.NotApplicable++
		return
	}
	sum.Total++
}
