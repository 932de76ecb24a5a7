package cli

import (
	"github.com/spf13/cobra"
)

// NewCmdIncidentShow returns "acctguard incident show [N]": the text
// report, with the timeline, every note and reason, then each step's
// state.
func NewCmdIncidentShow(f *Factory, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{Format: "txt"}
	return &cobra.Command{
		Use:               "show [N]",
		Short:             "Show the whole timeline of an incident and where each step stands",
		Args:              incidentNumberArg(&opts.Incident, false),
		ValidArgsFunction: completeIncidentNumbers(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.fill(f)
			if runF != nil {
				return runF(opts)
			}
			return runReport(opts)
		},
	}
}
