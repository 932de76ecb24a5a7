package cli

import (
	"fmt"
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

// confirmer is the one question close and delete may ask.
type confirmer interface {
	Confirm(message string, defaultYes bool) (bool, error)
}

type incidentCloseOptions struct {
	IO        *iostreams.IOStreams
	Store     stateStore
	Catalogue *playbook.Catalogue
	Prompter  confirmer
	Now       func() time.Time
	Lang      i18n.Lang

	ID            int
	Yes           bool
	DropFollowUps bool
}

// NewCmdIncidentClose returns "acctguard incident close [N]".
func NewCmdIncidentClose(f *Factory, runF func(*incidentCloseOptions) error) *cobra.Command {
	opts := &incidentCloseOptions{}
	cmd := &cobra.Command{
		Use:   "close [N]",
		Short: "Close an incident once you are done with it",
		Long: `Close an incident. If steps are still open, they are listed and you are
asked first (or give --yes). Follow-ups still scheduled keep showing in
"acctguard status" until they are done, unless --drop-follow-ups.`,
		Args:              incidentNumberArg(&opts.ID, false),
		ValidArgsFunction: completeIncidentNumbers(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Store, opts.Catalogue, opts.Prompter, opts.Now, opts.Lang = f.IO, f.Store(), f.Catalogue(), f.Prompter(), f.Now, f.Lang
			if runF != nil {
				return runF(opts)
			}
			return runIncidentClose(opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "close without asking, even with open steps")
	cmd.Flags().BoolVar(&opts.DropFollowUps, "drop-follow-ups", false, "stop showing its follow-ups too")
	return cmd
}

func runIncidentClose(opts *incidentCloseOptions) error {
	file, err := loadState(opts.Store)
	if err != nil {
		return err
	}
	inc, err := pickIncident(file, opts.ID)
	if err != nil {
		return err
	}
	if inc.ClosedAt != nil {
		return hinted(i18n.Errorf("error.incident.already-closed", inc.ID), i18n.M("error.incident.already-closed.hint", inc.ID))
	}
	now := opts.Now()
	p, err := incidentPlaybook(opts.Catalogue, inc, opts.IO.ErrOut, opts.Lang)
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
			return usage(i18n.Errorf("error.incident.open-steps", inc.ID, len(open)), i18n.M("error.incident.open-steps.hint"))
		}
		fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("close.open-steps", inc.ID, len(open)))
		for _, t := range open {
			fmt.Fprintf(opts.IO.Out, "  - %s\n", visible.Line(t))
		}
		ok, err := opts.Prompter.Confirm(opts.Lang.Tf("close.confirm", inc.ID), false)
		if err != nil || !ok {
			return err
		}
	}
	id := inc.ID
	_, err = updateState(opts.Store, func(f *state.File) error {
		inc, ok := f.Incident(id)
		if !ok {
			return i18n.Errorf("error.incident.gone", id)
		}
		closed := now
		inc.ClosedAt, inc.DropFollowUps = &closed, opts.DropFollowUps
		inc.Events = append(inc.Events, state.Event{Action: state.ActionClose, At: now})
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
