package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/atomicfile"
	"github.com/acctguard/acctguard/internal/editor"
	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/visible"
)

type playbookFileOptions struct {
	IO        *iostreams.IOStreams
	Catalogue *playbook.Catalogue
	Prompter  confirmer
	Getenv    func(string) string
	Lang      i18n.Lang
	Editor    []string

	ID     string
	File   string
	From   string
	Output string
	Force  bool
	Yes    bool
}

func newPlaybookFileCmd(f *Factory, opts *playbookFileOptions, cmd *cobra.Command, run func(*playbookFileOptions) error) *cobra.Command {
	cmd.RunE = func(c *cobra.Command, args []string) error {
		opts.IO, opts.Catalogue, opts.Prompter, opts.Getenv, opts.Lang = f.IO, f.Catalogue(), f.Prompter(), f.Getenv, f.Lang
		switch {
		case c.Name() == "import":
			opts.File = args[0]
		case len(args) > 0:
			opts.ID = args[0]
		}
		return run(opts)
	}
	return cmd
}

// NewCmdPlaybookNew returns "acctguard playbook new ID [--from ID]".
func NewCmdPlaybookNew(f *Factory) *cobra.Command {
	opts := &playbookFileOptions{}
	cmd := &cobra.Command{
		Use:   "new ID [--from ID]",
		Short: "Start a playbook of your own, from a template or a copy",
		Long: `Start a playbook of your own: from a short commented template, or with
--from as a copy of another (under the new id). With a terminal it opens in
your editor and is saved once it is valid.`,
		Args: exactArgs(1, "args.new-playbook-id"),
	}
	cmd.Flags().StringVar(&opts.From, "from", "", "copy this playbook instead of the template")
	_ = cmd.RegisterFlagCompletionFunc("from", completePlaybookIDs(f))
	return newPlaybookFileCmd(f, opts, cmd, runPlaybookNew)
}

func runPlaybookNew(opts *playbookFileOptions) error {
	if !playbook.ValidID(opts.ID) {
		return usage(i18n.Errorf("error.playbook.bad-id", opts.ID), i18n.M("error.playbook.bad-id.hint"))
	}
	if _, err := opts.Catalogue.Get(opts.ID); err == nil {
		return usage(i18n.Errorf("error.playbook.exists", opts.ID), i18n.M("error.playbook.exists.hint", opts.ID))
	}
	src := playbook.Template(opts.ID, string(opts.Lang))
	if opts.From != "" {
		e, err := findPlaybook(opts.Catalogue, opts.From)
		if err != nil {
			return err
		}
		from, err := opts.Catalogue.Source(e)
		if err != nil {
			return err
		}
		if src, err = playbook.WithID(from, opts.ID); err != nil {
			return i18n.Errorf("error.playbook.copying", opts.From, err)
		}
	}
	target := opts.Catalogue.UserPath(opts.ID)
	if opts.IO.CanPrompt() || opts.Getenv("ACCTGUARD_EDITOR") != "" {
		text, outcome, err := editPlaybookText(opts.IO, opts.Getenv, opts.Editor, target, opts.ID, src, opts.Lang)
		if err != nil {
			return err
		}
		if outcome == editor.Emptied {
			fmt.Fprintln(opts.IO.Out, opts.Lang.T("edit.emptied"))
			return nil
		}
		src = text
	} else if problems := checkPlaybook(target, opts.ID, src); len(problems) > 0 {
		return i18n.Errorf("error.playbook.copy-not-valid", opts.From, problems[0].Text)
	}
	if err := saveUserPlaybook(target, src); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("edit.saved", target))
	return nil
}

// NewCmdPlaybookImport returns "acctguard playbook import FILE [--force]".
func NewCmdPlaybookImport(f *Factory) *cobra.Command {
	opts := &playbookFileOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE [--force]",
		Short: "Check a playbook file and add it to your playbooks",
		Long: `Check a playbook file and copy it into your playbooks, under its id. An
existing playbook of yours with that id is only replaced with --force.`,
		Args: exactArgs(1, "args.playbook-file"),
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace your playbook with the same id")
	return newPlaybookFileCmd(f, opts, cmd, runPlaybookImport)
}

func runPlaybookImport(opts *playbookFileOptions) error {
	src, err := playbook.ReadSource(opts.File)
	if err != nil {
		return err
	}
	p, err := playbook.Parse(opts.File, src)
	if err != nil {
		fmt.Fprintln(opts.IO.ErrOut, visible.Text(err.Error()))
		return &exitError{code: exitFailure, err: i18n.Errorf("error.playbook.not-imported", opts.File, problemCount(err))}
	}
	target := opts.Catalogue.UserPath(p.ID)
	if _, err := os.Stat(target); err == nil && !opts.Force {
		return hinted(i18n.Errorf("error.playbook.have", p.ID, target), i18n.M("error.file.force.hint"))
	}
	if err := saveUserPlaybook(target, src); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("edit.saved", target))
	return nil
}

// NewCmdPlaybookExport returns "acctguard playbook export ID [-o FILE]".
func NewCmdPlaybookExport(f *Factory) *cobra.Command {
	opts := &playbookFileOptions{}
	cmd := &cobra.Command{
		Use:               "export ID [-o FILE]",
		Short:             "Print a playbook's YAML as acctguard uses it",
		Args:              exactArgs(1, "args.playbook-id"),
		ValidArgsFunction: completePlaybookIDs(f),
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace FILE if it exists")
	return newPlaybookFileCmd(f, opts, cmd, runPlaybookExport)
}

func runPlaybookExport(opts *playbookFileOptions) error {
	e, err := findPlaybook(opts.Catalogue, opts.ID)
	if err != nil {
		return err
	}
	src, err := opts.Catalogue.Source(e)
	if err != nil {
		return err
	}
	if opts.Output == "" {
		_, err := opts.IO.Out.Write(src)
		return err
	}
	if _, err := os.Stat(opts.Output); err == nil && !opts.Force {
		return hinted(i18n.Errorf("error.file.exists", opts.Output), i18n.M("error.file.force.hint"))
	}
	return atomicfile.WriteFile(opts.Output, src, 0o600)
}

// NewCmdPlaybookReset returns "acctguard playbook reset ID".
func NewCmdPlaybookReset(f *Factory) *cobra.Command {
	opts := &playbookFileOptions{}
	cmd := &cobra.Command{
		Use:               "reset ID",
		Short:             "Remove your copy of a built-in playbook, to use the built-in again",
		Args:              exactArgs(1, "args.playbook-id"),
		ValidArgsFunction: completePlaybookIDs(f),
	}
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "do not ask; also deletes a playbook that is yours only")
	return newPlaybookFileCmd(f, opts, cmd, runPlaybookReset)
}

func runPlaybookReset(opts *playbookFileOptions) error {
	target := opts.Catalogue.UserPath(opts.ID)
	if _, err := os.Stat(target); errors.Is(err, fs.ErrNotExist) {
		if opts.Catalogue.HasBuiltin(opts.ID) {
			fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("reset.already", opts.ID))
			return nil
		}
		_, err := findPlaybook(opts.Catalogue, opts.ID)
		return err
	}
	builtin := opts.Catalogue.HasBuiltin(opts.ID)
	if !opts.Yes {
		if !builtin {
			return usage(i18n.Errorf("error.playbook.yours-only", opts.ID), i18n.M("error.playbook.yours-only.hint"))
		}
		if !opts.IO.CanPrompt() {
			return usage(i18n.Errorf("error.playbook.reset-asks", target), i18n.M("error.playbook.reset-asks.hint"))
		}
		ok, err := opts.Prompter.Confirm(opts.Lang.Tf("reset.confirm", target), false)
		if err != nil {
			return err
		}
		if !ok {
			fmt.Fprintln(opts.IO.Out, opts.Lang.T("reset.kept"))
			return nil
		}
	}
	if err := os.Remove(target); err != nil {
		return err
	}
	if builtin {
		fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("reset.done", filepath.Base(target), opts.ID))
	} else {
		fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("reset.deleted", target))
	}
	return nil
}
