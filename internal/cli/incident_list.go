package cli

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/internal/visible"
)

type incidentListOptions struct {
	IO        *iostreams.IOStreams
	Store     stateStore
	Catalogue *playbook.Catalogue
	Now       func() time.Time
	Lang      i18n.Lang
	// LangFromFlag is set when --lang chose Lang: titles are then in it,
	// not in each incident's own language.
	LangFromFlag bool

	All  bool
	JSON bool
}

// NewCmdIncidentList returns "acctguard incident list".
func NewCmdIncidentList(f *Factory, runF func(*incidentListOptions) error) *cobra.Command {
	opts := &incidentListOptions{}
	cmd := &cobra.Command{
		Use:   "list [--all] [--json]",
		Short: "List incidents: open ones, or all with --all",
		Args:  exactArgs(0, "args.none"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Store, opts.Catalogue, opts.Now, opts.Lang = f.IO, f.Store(), f.Catalogue(), f.Now, f.Lang
			opts.LangFromFlag = f.LangFromFlag
			if runF != nil {
				return runF(opts)
			}
			return runIncidentList(opts)
		},
	}
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
	// Related lists the incidents linked to this one (see
	// state.Incident.Related).
	Related []int `json:"related"`

	relatedTo int // the earlier incident it is shown under, or 0
}

func runIncidentList(opts *incidentListOptions) error {
	file, err := loadState(opts.Store)
	if err != nil {
		return err
	}
	now := opts.Now()
	var chosen []*state.Incident
	for i := range file.Incidents {
		if inc := &file.Incidents[i]; inc.ClosedAt == nil || opts.All {
			chosen = append(chosen, inc)
		}
	}
	var rows []incidentListJSON
	for _, inc := range togetherWithRelated(chosen) {
		row := incidentListJSON{
			ID: inc.ID, Playbook: inc.Playbook, Title: inc.Playbook, OpenedAt: inc.OpenedAt, ClosedAt: inc.ClosedAt,
			Related: append([]int{}, file.Related(inc.ID)...),
		}
		if inc.Related != 0 && slices.ContainsFunc(rows, func(r incidentListJSON) bool { return r.ID == inc.Related }) {
			row.relatedTo = inc.Related
		}
		if e, err := opts.Catalogue.Get(inc.Playbook); err == nil && e.Playbook != nil {
			v := derive(e.Playbook, inc, now)
			row.Title = strings.TrimSpace(e.Playbook.Title.Get(string(incidentLang(opts.Lang, opts.LangFromFlag, inc.Lang))))
			row.Done, row.Total = v.Progress()
			row.NextDue = nextDue(v)
		}
		rows = append(rows, row)
	}
	if opts.JSON {
		out := struct {
			Incidents []incidentListJSON `json:"incidents"`
		}{Incidents: append([]incidentListJSON{}, rows...)}
		return printJSON(opts.IO.Out, out)
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
			fmt.Fprintf(opts.IO.Out, "%d\t%s\t%s\t%s\t%d/%d\t%s\n", r.ID, visible.Field(r.Playbook), r.OpenedAt.Format(time.RFC3339), closed, r.Done, r.Total, next)
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
		title := visible.Line(r.Title)
		if r.relatedTo != 0 {
			title = l.Tf("incidents.related-to", title, r.relatedTo)
		}
		table = append(table, []string{strconv.Itoa(r.ID), title, l.Time(r.OpenedAt.Local(), now), closed, fmt.Sprintf("%d/%d", r.Done, r.Total), next})
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
