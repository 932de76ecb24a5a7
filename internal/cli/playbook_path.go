package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/visible"
)

type playbookPathOptions struct {
	IO        *iostreams.IOStreams
	Catalogue *playbook.Catalogue
	Lang      i18n.Lang

	ID string
}

// NewCmdPlaybookPath returns "acctguard playbook path ID".
func NewCmdPlaybookPath(f *Factory, runF func(*playbookPathOptions) error) *cobra.Command {
	opts := &playbookPathOptions{}
	cmd := &cobra.Command{
		Use:               "path ID",
		Short:             `Print the file a playbook is read from, or "built-in"`,
		Args:              exactArgs(1, "args.playbook-id"),
		ValidArgsFunction: completePlaybookIDs(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Catalogue, opts.Lang = f.IO, f.Catalogue(), f.Lang
			opts.ID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runPlaybookPath(opts)
		},
	}
	return cmd
}

func runPlaybookPath(opts *playbookPathOptions) error {
	e, err := findPlaybook(opts.Catalogue, opts.ID)
	if err != nil {
		return err
	}
	if e.Origin == playbook.Builtin {
		fmt.Fprintln(opts.IO.Out, "built-in")
		return nil
	}
	fmt.Fprintln(opts.IO.Out, visible.Line(e.Path))
	if e.Broken() {
		fmt.Fprintf(opts.IO.ErrOut, "acctguard: %s\n", i18n.M("error.playbook.path-warning", problemCount(e.Err), e.ID).In(opts.Lang))
	}
	return nil
}
