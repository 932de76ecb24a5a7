package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/state"
)

type incidentReopenOptions struct {
	IO    *iostreams.IOStreams
	Store stateStore
	Now   func() time.Time
	Lang  i18n.Lang

	ID int
}

// NewCmdIncidentReopen returns "acctguard incident reopen N".
func NewCmdIncidentReopen(f *Factory, runF func(*incidentReopenOptions) error) *cobra.Command {
	opts := &incidentReopenOptions{}
	return &cobra.Command{
		Use:               "reopen N",
		Short:             "Open a closed incident again, keeping its history",
		Args:              incidentNumberArg(&opts.ID, true),
		ValidArgsFunction: completeIncidentNumbers(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Store, opts.Now, opts.Lang = f.IO, f.Store(), f.Now, f.Lang
			if runF != nil {
				return runF(opts)
			}
			return runIncidentReopen(opts)
		},
	}
}

func runIncidentReopen(opts *incidentReopenOptions) error {
	now := opts.Now()
	_, err := updateState(opts.Store, func(f *state.File) error {
		return reopen(f, opts.ID, now)
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("reopen.done", opts.ID))
	return nil
}
