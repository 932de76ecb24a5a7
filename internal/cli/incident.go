package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/visible"
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
	return cmd
}

// completeIncidentNumbers completes the first argument with the number of
// every incident in the state file.
func completeIncidentNumbers(f *Factory) cobra.CompletionFunc {
	return func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		file, err := completionState(f, c)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		for _, inc := range file.Incidents {
			out = append(out, fmt.Sprintf("%d\t%s", inc.ID, visible.Line(inc.Playbook)))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
