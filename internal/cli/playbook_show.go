package cli

import (
	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
)

type playbookShowOptions struct {
	IO        *iostreams.IOStreams
	Catalogue *playbook.Catalogue
	Lang      i18n.Lang

	ID string
}

// NewCmdPlaybookShow returns "acctguard playbook show ID".
func NewCmdPlaybookShow(f *Factory, runF func(*playbookShowOptions) error) *cobra.Command {
	opts := &playbookShowOptions{}
	cmd := &cobra.Command{
		Use:               "show ID",
		Short:             "Show every step of a playbook, by phase",
		Example:           "  acctguard playbook show amazon-takeover\n  acctguard --lang ja playbook show amazon-takeover",
		Args:              exactArgs(1, "args.playbook-id"),
		ValidArgsFunction: completePlaybookIDs(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Catalogue, opts.Lang = f.IO, f.Catalogue(), f.Lang
			opts.ID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runPlaybookShow(opts)
		},
	}
	return cmd
}

func runPlaybookShow(opts *playbookShowOptions) error {
	p, err := usablePlaybook(opts.Catalogue, opts.ID, opts.IO.ErrOut, opts.Lang)
	if err != nil {
		return err
	}
	w := &showWriter{w: opts.IO.Out, cs: opts.IO.ColorScheme(), l: opts.Lang, p: p, width: opts.IO.WrapWidth()}
	w.title = func(id string) string { return playbookTitle(opts.Catalogue, id, opts.Lang) }
	w.playbook()
	return nil
}
