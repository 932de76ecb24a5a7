package cli

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/prompt"
	"github.com/acctguard/acctguard/internal/state"
)

type incidentOptions struct {
	IO        *iostreams.IOStreams
	Catalogue *playbook.Catalogue
	Prompter  prompt.Prompter
	Now       func() time.Time
	Lang      i18n.Lang
	Factory   *Factory

	ID            int
	All           bool
	JSON          bool
	Yes           bool
	DropFollowUps bool
}

func newIncidentCmd(f *Factory, use, short string, required bool, run func(*incidentOptions) error) (*cobra.Command, *incidentOptions) {
	opts := &incidentOptions{}
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  incidentNumberArg(&opts.ID, required),
		ValidArgsFunction: func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			flag, _ := c.Flags().GetString("state")
			file, err := state.New(f.resolveStateFile(flag)).Load()
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []string
			for _, inc := range file.Incidents {
				out = append(out, fmt.Sprintf("%d\t%s", inc.ID, inc.Playbook))
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Catalogue, opts.Now, opts.Lang, opts.Factory = f.IO, f.Catalogue(), f.Now, f.Lang, f
			return run(opts)
		},
	}
	return cmd, opts
}

// NewCmdIncidentList returns "acctguard incident list".
func NewCmdIncidentList(f *Factory) *cobra.Command {
	cmd, opts := newIncidentCmd(f, "list [--all] [--json]", "List incidents: open ones, or all with --all", false, runIncidentList)
	cmd.Args = exactArgs(0, "no arguments")
	cmd.Flags().BoolVar(&opts.All, "all", false, "include closed incidents")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON (the shape is documented in the README)")
	return cmd
}

// incidentListJSON is one incident in "incident list --json"; documented
// in the README.
type incidentListJSON struct {
	ID       int        `json:"id"`
	Playbook string     `json:"playbook"`
	Title    string     `json:"title"`
	OpenedAt time.Time  `json:"opened_at"`
	ClosedAt *time.Time `json:"closed_at"`
	Done     int        `json:"done"`
	Total    int        `json:"total"`
	// NextDue is when the next step falls due: now or earlier when
	// something is due already; null when nothing is left.
	NextDue *time.Time `json:"next_due"`
}

func runIncidentList(opts *incidentOptions) error {
	file, err := loadState(opts.Factory)
	if err != nil {
		return err
	}
	now := opts.Now()
	var rows []incidentListJSON
	for i := range file.Incidents {
		inc := &file.Incidents[i]
		if inc.ClosedAt != nil && !opts.All {
			continue
		}
		row := incidentListJSON{ID: inc.ID, Playbook: inc.Playbook, Title: inc.Playbook, OpenedAt: inc.OpenedAt, ClosedAt: inc.ClosedAt}
		if e, err := opts.Catalogue.Get(inc.Playbook); err == nil && e.Playbook != nil {
			v := derive(e.Playbook, inc, now)
			row.Title = strings.TrimSpace(e.Playbook.Title.Get(inc.Lang))
			row.Done, row.Total = v.Progress()
			row.NextDue = nextDue(v)
		}
		rows = append(rows, row)
	}
	if opts.JSON {
		out := struct {
			Incidents []incidentListJSON `json:"incidents"`
		}{Incidents: append([]incidentListJSON{}, rows...)}
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	l := opts.Lang
	if len(rows) == 0 {
		fmt.Fprintln(opts.IO.ErrOut, l.T("status.no-open"))
		return nil
	}
	if !opts.IO.IsStdoutTTY() {
		for _, r := range rows {
			closed, next := "-", "-"
			if r.ClosedAt != nil {
				closed = r.ClosedAt.Format(time.RFC3339)
			}
			if r.NextDue != nil {
				next = r.NextDue.Format(time.RFC3339)
			}
			fmt.Fprintf(opts.IO.Out, "%d\t%s\t%s\t%s\t%d/%d\t%s\n", r.ID, r.Playbook, r.OpenedAt.Format(time.RFC3339), closed, r.Done, r.Total, next)
		}
		return nil
	}
	cs := opts.IO.ColorScheme()
	table := [][]string{{"#", l.T("list.title"), l.T("incidents.opened"), l.T("incidents.closed"), l.T("incidents.progress"), l.T("incidents.next")}}
	for _, r := range rows {
		closed, next := "", ""
		if r.ClosedAt != nil {
			closed = l.Time(r.ClosedAt.Local(), now)
		}
		if r.NextDue != nil {
			next = l.Time(r.NextDue.Local(), now)
			if !r.NextDue.After(now) {
				next = l.T("incidents.now")
			}
		}
		table = append(table, []string{strconv.Itoa(r.ID), r.Title, l.Time(r.OpenedAt.Local(), now), closed, fmt.Sprintf("%d/%d", r.Done, r.Total), next})
	}
	printTable(opts.IO, table, cs.Bold)
	return nil
}

// nextDue is when the next step of an incident falls due.
func nextDue(v incident.View) *time.Time {
	var next time.Time
	for i := range v.Steps {
		s := &v.Steps[i]
		if s.IsDue() || (s.State == incident.Waiting && len(s.WaitingFor) == 0) {
			if next.IsZero() || s.AvailableAt.Before(next) {
				next = s.AvailableAt
			}
		}
	}
	if next.IsZero() {
		return nil
	}
	return &next
}

// NewCmdIncidentClose returns "acctguard incident close [N]".
func NewCmdIncidentClose(f *Factory) *cobra.Command {
	cmd, opts := newIncidentCmd(f, "close [N]", "Close an incident once you are done with it", false, runIncidentClose)
	cmd.Long = `Close an incident. If steps are still open, they are listed and you are
asked first (or give --yes). Follow-ups still scheduled keep showing in
"acctguard status" until they are done, unless --drop-follow-ups.`
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "close without asking, even with open steps")
	cmd.Flags().BoolVar(&opts.DropFollowUps, "drop-follow-ups", false, "stop showing its follow-ups too")
	return cmd
}

func runIncidentClose(opts *incidentOptions) error {
	file, err := loadState(opts.Factory)
	if err != nil {
		return err
	}
	inc, err := pickIncident(file, opts.ID)
	if err != nil {
		return err
	}
	if inc.ClosedAt != nil {
		return withHint(fmt.Errorf("incident %d is already closed", inc.ID), fmt.Sprintf(`"acctguard incident reopen %d" opens it again`, inc.ID))
	}
	now := opts.Now()
	p, err := incidentPlaybook(opts.Catalogue, inc, opts.IO.ErrOut)
	if err != nil {
		return err
	}
	v := derive(p, inc, now)
	var open []string
	for i := range v.Steps {
		s := &v.Steps[i]
		if s.IsDue() || (s.State == incident.Waiting && s.Step.Phase != playbook.PhaseFollowUp) {
			open = append(open, strings.TrimSpace(s.Step.Title.Get(inc.Lang)))
		}
	}
	if len(open) > 0 && !opts.Yes {
		if !opts.IO.CanPrompt() {
			return usageError("add --yes to close it anyway", "incident %d has %d open steps", inc.ID, len(open))
		}
		fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("close.open-steps", inc.ID, len(open)))
		for _, t := range open {
			fmt.Fprintf(opts.IO.Out, "  - %s\n", t)
		}
		if opts.Prompter == nil {
			opts.Prompter = newSurvey(opts.IO, opts.Lang)
		}
		ok, err := opts.Prompter.Confirm(opts.Lang.Tf("close.confirm", inc.ID), false)
		if err != nil || !ok {
			return err
		}
	}
	id := inc.ID
	_, err = updateState(opts.Factory, func(f *state.File) error {
		inc, ok := f.Incident(id)
		if !ok {
			return fmt.Errorf("incident %d no longer exists", id)
		}
		closed := now
		inc.ClosedAt, inc.DropFollowUps = &closed, opts.DropFollowUps
		inc.Events = append(inc.Events, state.Event{Action: state.Action(incident.ActionClose), At: now})
		return nil
	})
	if err != nil {
		return err
	}
	if opts.DropFollowUps {
		fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("close.dropped", id))
	} else {
		fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("close.done", id))
	}
	return nil
}

// NewCmdIncidentReopen returns "acctguard incident reopen N".
func NewCmdIncidentReopen(f *Factory) *cobra.Command {
	cmd, _ := newIncidentCmd(f, "reopen N", "Open a closed incident again, keeping its history", true, runIncidentReopen)
	return cmd
}

func runIncidentReopen(opts *incidentOptions) error {
	now := opts.Now()
	_, err := updateState(opts.Factory, func(f *state.File) error {
		return reopen(f, opts.ID, now)
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("reopen.done", opts.ID))
	return nil
}

// reopen opens incident id again, with an event that says so.
func reopen(f *state.File, id int, now time.Time) error {
	inc, ok := f.Incident(id)
	switch {
	case !ok:
		return usageError(`"acctguard incident list --all" lists the incidents`, "no incident %d", id)
	case inc.ClosedAt == nil:
		return withHint(fmt.Errorf("incident %d is open already", id), `"acctguard respond" carries on with it`)
	}
	inc.ClosedAt, inc.DropFollowUps = nil, false
	inc.Events = append(inc.Events, state.Event{Action: state.Action(incident.ActionReopen), At: now})
	return nil
}

// NewCmdIncidentDelete returns "acctguard incident delete N".
func NewCmdIncidentDelete(f *Factory) *cobra.Command {
	cmd, opts := newIncidentCmd(f, "delete N", "Delete an incident and everything recorded in it", true, runIncidentDelete)
	cmd.Long = `Delete an incident and everything recorded in it. This cannot be undone
and is logged nowhere else; "acctguard report N -o FILE" keeps a copy.`
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "delete without asking")
	return cmd
}

func runIncidentDelete(opts *incidentOptions) error {
	file, err := loadState(opts.Factory)
	if err != nil {
		return err
	}
	inc, ok := file.Incident(opts.ID)
	if !ok {
		return usageError(`"acctguard incident list --all" lists the incidents`, "no incident %d", opts.ID)
	}
	if !opts.Yes {
		if !opts.IO.CanPrompt() {
			return usageError("add --yes to delete it without a terminal", "delete asks before it removes incident %d", inc.ID)
		}
		if opts.Prompter == nil {
			opts.Prompter = newSurvey(opts.IO, opts.Lang)
		}
		ok, err := opts.Prompter.Confirm(opts.Lang.Tf("delete.confirm", inc.ID, len(inc.Events)), false)
		if err != nil || !ok {
			return err
		}
	}
	id := inc.ID
	_, err = updateState(opts.Factory, func(f *state.File) error {
		for i := range f.Incidents {
			if f.Incidents[i].ID == id {
				f.Incidents = append(f.Incidents[:i], f.Incidents[i+1:]...)
				return nil
			}
		}
		return fmt.Errorf("incident %d no longer exists", id)
	})
	if err != nil {
		return err
	}
	// Nothing else may keep it: not the backup of the state file, nor the
	// summary status keeps, which names its steps and reasons.
	if err := state.New(opts.Factory.StateFile).DropPrevious(); err != nil {
		fmt.Fprintf(opts.IO.ErrOut, "acctguard: %s.bak may still hold incident %d: %v\n", opts.Factory.StateFile, id, err)
	}
	forgetStatus(opts.Factory)
	fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("delete.done", id))
	return nil
}

// NewCmdIncidentShow returns "acctguard incident show [N]".
func NewCmdIncidentShow(f *Factory) *cobra.Command {
	cmd, _ := newIncidentCmd(f, "show [N]", "Show the whole timeline of an incident and where each step stands", false, runIncidentShow)
	return cmd
}

// runIncidentShow prints the text report: the timeline with every note
// and reason, then each step's state.
func runIncidentShow(opts *incidentOptions) error {
	r := &reportOptions{IO: opts.IO, Catalogue: opts.Catalogue, Now: opts.Now, Factory: opts.Factory, Incident: opts.ID, Format: "txt"}
	if opts.Factory.LangFromFlag {
		r.Lang = opts.Lang
	}
	return runReport(r)
}
