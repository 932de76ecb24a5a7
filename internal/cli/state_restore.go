package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/state"
)

// NewCmdState returns "acctguard state" and its subcommand.
func NewCmdState(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "state",
		Short: "Look after the state file, where your progress is kept",
		Args:  exactArgs(0, "args.subcommand"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(NewCmdStateRestore(f, nil))
	return cmd
}

// restorer is what "state restore" needs of the state file.
type restorer interface {
	Restore(now time.Time) (*state.Restored, error)
}

type stateRestoreOptions struct {
	IO    *iostreams.IOStreams
	Store restorer
	Now   func() time.Time
	Lang  i18n.Lang
}

// NewCmdStateRestore returns "acctguard state restore".
func NewCmdStateRestore(f *Factory, runF func(*stateRestoreOptions) error) *cobra.Command {
	opts := &stateRestoreOptions{}
	cmd := &cobra.Command{
		Use:   "restore",
		Short: "Put the backup in place of a damaged state file",
		Long: `Put state.json.bak in place of a damaged state file. The backup is the
state before the last save, so what that save recorded is not in it. The
damaged file is kept beside it as state.json.damaged-YYYYMMDD-HHMMSS;
nothing is changed if the backup cannot be read either, or if the state
file is not damaged.`,
		Args: exactArgs(0, "args.none"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Store, opts.Now, opts.Lang = f.IO, f.Store(), f.Now, f.Lang
			if runF != nil {
				return runF(opts)
			}
			return runStateRestore(opts)
		},
	}
	return cmd
}

func runStateRestore(opts *stateRestoreOptions) error {
	res, err := opts.Store.Restore(opts.Now())
	if err != nil {
		return restoreError(err)
	}
	if res.Aside != "" {
		fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("restore.aside", res.Aside))
	}
	fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("restore.done", res.Path, res.Backup))
	return nil
}

// restoreError adds what to do to Restore's errors; whatever they are,
// nothing was changed.
func restoreError(err error) error {
	var damaged *state.DamagedError
	var locked *state.LockedError
	var newer *state.NewerSchemaError
	var saveErr *state.SaveError
	switch {
	case errors.As(err, &damaged):
		return hinted(err, i18n.M("error.state.restore-damaged.hint"))
	case errors.Is(err, state.ErrNothingToRestore):
		return hinted(err, i18n.M("error.state.unchanged.hint"))
	case errors.As(err, &locked), errors.As(err, &newer), errors.As(err, &saveErr):
		return stateError(err)
	}
	return hinted(err, i18n.M("error.state.unchanged.hint"))
}
