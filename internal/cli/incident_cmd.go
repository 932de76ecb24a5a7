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

// NewCmdIncident returns "acctguard incident" and its subcommands.
func NewCmdIncident(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "incident",
		Short: "Open, list, close, reopen and delete incidents",
		Args:  exactArgs(0, "a subcommand"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(NewCmdIncidentNew(f, nil))
	cmd.AddCommand(NewCmdIncidentList(f))
	cmd.AddCommand(NewCmdIncidentShow(f))
	cmd.AddCommand(NewCmdIncidentClose(f))
	cmd.AddCommand(NewCmdIncidentReopen(f))
	cmd.AddCommand(NewCmdIncidentDelete(f))
	return cmd
}

type incidentNewOptions struct {
	IO        *iostreams.IOStreams
	Catalogue *playbook.Catalogue
	Now       func() time.Time
	Lang      i18n.Lang
	Factory   *Factory

	PlaybookID string
}

// NewCmdIncidentNew returns "acctguard incident new PLAYBOOK".
func NewCmdIncidentNew(f *Factory, runF func(*incidentNewOptions) error) *cobra.Command {
	opts := &incidentNewOptions{}
	return &cobra.Command{
		Use:               "new PLAYBOOK",
		Short:             "Open a new incident and print its number",
		Example:           "  n=$(acctguard incident new amazon-takeover)\n  acctguard step done open-amazon-yourself --incident \"$n\"",
		Args:              exactArgs(1, "a playbook id"),
		ValidArgsFunction: completePlaybookIDs(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Catalogue, opts.Now, opts.Lang, opts.Factory = f.IO, f.Catalogue(), f.Now, f.Lang, f
			opts.PlaybookID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runIncidentNew(opts)
		},
	}
}

func runIncidentNew(opts *incidentNewOptions) error {
	p, err := usablePlaybook(opts.Catalogue, opts.PlaybookID, opts.IO.ErrOut)
	if err != nil {
		return err
	}
	var id int
	_, err = updateState(opts.Factory, func(f *state.File) error {
		id = f.NewIncident(p.ID, p.Version, p.Digest, string(opts.Lang), opts.Now()).ID
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, id)
	return nil
}
