package cli

import (
	"github.com/spf13/cobra"
)

// NewCmdIncident returns "acctguard incident" and its subcommands, one
// file each.
func NewCmdIncident(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "incident",
		Short: "Open, list, close, reopen and delete incidents; record that an attack came back",
		Args:  subcommandArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(NewCmdIncidentNew(f, nil))
	cmd.AddCommand(NewCmdIncidentList(f, nil))
	cmd.AddCommand(NewCmdIncidentShow(f, nil))
	cmd.AddCommand(NewCmdIncidentClose(f, nil))
	cmd.AddCommand(NewCmdIncidentReopen(f, nil))
	cmd.AddCommand(NewCmdIncidentDelete(f, nil))
	cmd.AddCommand(NewCmdIncidentAgain(f, nil))
	cmd.AddCommand(NewCmdIncidentDetails(f))
	return cmd
}
