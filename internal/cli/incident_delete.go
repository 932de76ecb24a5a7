package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/state"
)

// deletingStore is a state store that can also forget the state before
// the last save, which its backup holds.
type deletingStore interface {
	stateStore
	DropPrevious() error
}

type incidentDeleteOptions struct {
	IO       *iostreams.IOStreams
	Store    deletingStore
	Prompter confirmer
	Lang     i18n.Lang

	ID  int
	Yes bool
}

// NewCmdIncidentDelete returns "acctguard incident delete N".
func NewCmdIncidentDelete(f *Factory, runF func(*incidentDeleteOptions) error) *cobra.Command {
	opts := &incidentDeleteOptions{}
	cmd := &cobra.Command{
		Use:   "delete N",
		Short: "Delete an incident and everything recorded in it",
		Long: `Delete an incident and everything recorded in it. This cannot be undone
and is logged nowhere else; "acctguard report N -o FILE" keeps a copy.`,
		Args:              incidentNumberArg(&opts.ID, true),
		ValidArgsFunction: completeIncidentNumbers(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Store, opts.Prompter, opts.Lang = f.IO, f.Store(), f.Prompter(), f.Lang
			if runF != nil {
				return runF(opts)
			}
			return runIncidentDelete(opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "delete without asking")
	return cmd
}

func runIncidentDelete(opts *incidentDeleteOptions) error {
	file, err := loadState(opts.Store)
	if err != nil {
		return err
	}
	inc, ok := file.Incident(opts.ID)
	if !ok {
		return usage(i18n.Errorf("error.incident.none", opts.ID), i18n.M("error.incident.none.hint-list"))
	}
	if !opts.Yes {
		if !opts.IO.CanPrompt() {
			return usage(i18n.Errorf("error.incident.delete-asks", inc.ID), i18n.M("error.incident.delete-asks.hint"))
		}
		ok, err := opts.Prompter.Confirm(opts.Lang.Tf("delete.confirm", inc.ID, len(inc.Events)), false)
		if err != nil || !ok {
			return err
		}
	}
	id := inc.ID
	_, err = updateState(opts.Store, func(f *state.File) error {
		for i := range f.Incidents {
			if f.Incidents[i].ID == id {
				f.Incidents = append(f.Incidents[:i], f.Incidents[i+1:]...)
				return nil
			}
		}
		return i18n.Errorf("error.incident.gone", id)
	})
	if err != nil {
		return err
	}
	// Nothing else may keep it, not even the backup of the state file.
	if err := opts.Store.DropPrevious(); err != nil {
		fmt.Fprintf(opts.IO.ErrOut, "acctguard: %s.bak may still hold incident %d: %v\n", opts.Store.Path(), id, err)
	}
	fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("delete.done", id))
	return nil
}
