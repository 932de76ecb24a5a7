package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/state"
)

type incidentNewOptions struct {
	IO        *iostreams.IOStreams
	Store     stateStore
	Catalogue *playbook.Catalogue
	Now       func() time.Time
	Lang      i18n.Lang

	PlaybookID string
	// Related is the incident the new one belongs with (an e-mail account
	// secured because of an Amazon takeover); zero for none.
	Related int
}

// NewCmdIncidentNew returns "acctguard incident new PLAYBOOK".
func NewCmdIncidentNew(f *Factory, runF func(*incidentNewOptions) error) *cobra.Command {
	opts := &incidentNewOptions{}
	cmd := &cobra.Command{
		Use:               "new PLAYBOOK",
		Short:             "Open a new incident and print its number",
		Example:           "  n=$(acctguard incident new amazon-takeover)\n  acctguard step done open-amazon-yourself --incident \"$n\"",
		Args:              exactArgs(1, "args.playbook-id"),
		ValidArgsFunction: completePlaybookIDs(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Store, opts.Catalogue, opts.Now, opts.Lang = f.IO, f.Store(), f.Catalogue(), f.Now, f.Lang
			opts.PlaybookID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runIncidentNew(opts)
		},
	}
	cmd.Flags().IntVar(&opts.Related, "related", 0, "the incident this one belongs with; the two are shown together")
	return cmd
}

func runIncidentNew(opts *incidentNewOptions) error {
	p, err := usablePlaybook(opts.Catalogue, opts.PlaybookID, opts.IO.ErrOut, opts.Lang)
	if err != nil {
		return err
	}
	var id int
	_, err = updateState(opts.Store, func(f *state.File) error {
		if opts.Related != 0 {
			if _, err := pickIncident(f, opts.Related); err != nil {
				return err
			}
		}
		inc := f.NewIncident(p.ID, p.Version, p.Digest, string(opts.Lang), opts.Now())
		inc.Related = opts.Related
		id = inc.ID
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, id)
	return nil
}
