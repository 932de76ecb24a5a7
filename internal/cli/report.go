package cli

import (
	"bytes"
	"fmt"
	"os"
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
}

var reportFormats = map[string]func(w *bytes.Buffer, r *report.Report) error{
	"md":   func(w *bytes.Buffer, r *report.Report) error { return report.Markdown(w, r) },
	"txt":  func(w *bytes.Buffer, r *report.Report) error { return report.Text(w, r) },
	"json": func(w *bytes.Buffer, r *report.Report) error { return report.JSON(w, r) },
	"ics":  func(w *bytes.Buffer, r *report.Report) error { return report.ICS(w, r) },
}

// NewCmdReport returns "acctguard report".
func NewCmdReport(f *Factory, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report [N] [--format md|json|ics|txt] [-o FILE]",
		Short: "Write a report of an incident, or its reminders for a calendar",
		Long: `Write what happened and what was done, for a card issuer, the service's
support or the police: the timeline, every step, open items, follow-up
dates, contacts and sources. md (the default) prints well; txt suits a
terminal or an email; json is for programs; ics holds the follow-ups as
calendar events with reminders, to import into a calendar.`,
		Example: "  acctguard report -o report.md\n  acctguard --lang ja report --format txt\n  acctguard report --format ics -o reminders.ics",
		Args:    incidentNumberArg(&opts.Incident, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.fill(f)
			if _, ok := reportFormats[opts.Format]; !ok {
				return usageError("use md, txt, json or ics", "unknown format %q", opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return runReport(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "md", "md, txt, json or ics")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace the output file if it exists")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"md", "txt", "json", "ics"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// fill takes what a report needs from f.
func (opts *reportOptions) fill(f *Factory) {
	opts.IO, opts.Store, opts.Catalogue, opts.Now = f.IO, f.Store(), f.Catalogue(), f.Now
	if f.LangFromFlag {
		opts.Lang = f.Lang
	}
}

func runReport(opts *reportOptions) error {
	if opts.Output != "" && !opts.Force {
		if _, err := os.Stat(opts.Output); err == nil {
			return withHint(fmt.Errorf("%s already exists", opts.Output), "add --force to replace it")
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
	p, err := incidentPlaybook(opts.Catalogue, inc, opts.IO.ErrOut)
	if err != nil {
		return err
	}
	lang := opts.Lang
	if lang == "" {
		lang = i18n.Lang(inc.Lang)
	}
	now := opts.Now()
	r := buildReport(p, inc, derive(p, inc, now), lang, now)
	for _, id := range file.Related(inc.ID) {
		other, _ := file.Incident(id)
		r.Incident.Related = append(r.Incident.Related, report.Related{ID: id, OpenedAt: other.OpenedAt, ClosedAt: other.ClosedAt})
	}

	var b bytes.Buffer
	if err := reportFormats[opts.Format](&b, r); err != nil {
		return err
	}
	if opts.Output == "" {
		_, err := opts.IO.Out.Write(b.Bytes())
		return err
	}
	// The report holds what the person told us: private, like the state.
	return atomicfile.WriteFile(opts.Output, b.Bytes(), 0o600)
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
			return t.In(r.Location).Format("2006-01-02 15:04")
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

	for _, phase := range playbook.Phases {
		group := report.PhaseSteps{Phase: string(phase), Title: lang.T("phase." + string(phase))}
		for i := range v.Steps {
			s := &v.Steps[i]
			if s.Step.Phase != phase {
				continue
			}
			rs := report.Step{
				ID: s.Step.ID, Number: s.Index + 1, Title: text(s.Step.Title), Critical: s.Step.Critical,
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
		}
		if len(group.Steps) > 0 {
			r.Phases = append(r.Phases, group)
		}
	}

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
		r.FollowUps = append(r.FollowUps, report.FollowUp{
			StepID: pl.Status.Step.ID, Title: text(pl.Status.Step.Title), At: pl.At,
			Occurrence: pl.Occurrence, Of: pl.Of, Gate: pl.Status.Step.Phase != playbook.PhaseFollowUp,
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
