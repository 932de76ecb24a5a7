package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/visible"
)

type playbookValidateOptions struct {
	IO        *iostreams.IOStreams
	Catalogue *playbook.Catalogue
	Lang      i18n.Lang

	Targets []string
}

// NewCmdPlaybookValidate returns "acctguard playbook validate FILE|ID...".
func NewCmdPlaybookValidate(f *Factory, runF func(*playbookValidateOptions) error) *cobra.Command {
	opts := &playbookValidateOptions{}
	cmd := &cobra.Command{
		Use:   "validate [FILE|ID...]",
		Short: "Check playbook files or ids for mistakes",
		Long: `Check playbooks and report every mistake with its line and column.
Each argument is a file, or the id of a playbook in the catalogue. With no
arguments, every playbook in the catalogue is checked.`,
		Example: "  acctguard playbook validate my-bank.yaml\n  acctguard playbook validate amazon-takeover",
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			ids, _ := completePlaybookIDs(f)(cmd, args, toComplete)
			return ids, cobra.ShellCompDirectiveDefault
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Catalogue, opts.Lang = f.IO, f.Catalogue(), f.Lang
			opts.Targets = args
			if runF != nil {
				return runF(opts)
			}
			return runPlaybookValidate(opts)
		},
	}
	return cmd
}

func runPlaybookValidate(opts *playbookValidateOptions) error {
	targets := opts.Targets
	if len(targets) == 0 {
		ids, err := opts.Catalogue.IDs()
		if err != nil {
			return err
		}
		targets = ids
	}
	failed := 0
	var lastErr error
	for _, t := range targets {
		name, p, err := validateTarget(opts.Catalogue, t)
		var ee *exitError
		if errors.As(err, &ee) && ee.code == exitUsage {
			return err
		}
		if err != nil {
			failed++
			lastErr = err
			var list playbook.ErrorList
			if errors.As(err, &list) {
				fmt.Fprintln(opts.IO.ErrOut, visible.Text(list.In(opts.Lang)))
			} else {
				fmt.Fprintln(opts.IO.ErrOut, visible.Text(fmt.Sprintf("%s: %s", name, i18n.Message(err, opts.Lang))))
			}
			continue
		}
		fmt.Fprintln(opts.IO.Out, opts.Lang.Tf("validate.ok", visible.Line(name), p.ID, plural(len(p.Steps), "step"), len(p.Steps)))
		// A step may open a playbook that is not installed here: not a
		// mistake in the file, but respond will not offer it.
		for _, s := range p.Steps {
			if s.Opens != "" {
				if e, err := opts.Catalogue.Get(s.Opens); err != nil || e.Broken() {
					fmt.Fprintln(opts.IO.ErrOut, opts.Lang.Tf("validate.opens-missing", visible.Line(name), s.Pos.Line, s.Pos.Col, visible.Line(s.ID), visible.Line(s.Opens)))
				}
			}
		}
	}
	switch {
	case failed == 0:
		return nil
	case len(targets) == 1:
		return &exitError{code: exitFailure, err: i18n.Errorf("error.playbook.not-valid", targets[0], problemCount(lastErr))}
	default:
		return &exitError{code: exitFailure, err: i18n.Errorf("error.playbook.some-not-valid", failed, len(targets))}
	}
}

// validateTarget checks a file, or the catalogue playbook with the given
// id. It returns the name to report the result under.
func validateTarget(cat *playbook.Catalogue, target string) (string, *playbook.Playbook, error) {
	if looksLikeFile(target) {
		p, err := cat.ReadFile(target)
		return target, p, err
	}
	e, err := findPlaybook(cat, target)
	if err != nil {
		return target, nil, err
	}
	name := e.Path
	if e.Origin == playbook.Builtin {
		name = playbook.BuiltinName(e.ID)
	}
	return name, e.Playbook, e.Err
}

// looksLikeFile tells a file argument from a playbook id: an existing
// file, a path, or a name ending in .yaml or .yml.
func looksLikeFile(arg string) bool {
	if strings.ContainsRune(arg, filepath.Separator) || strings.ContainsRune(arg, '/') ||
		strings.HasSuffix(arg, ".yaml") || strings.HasSuffix(arg, ".yml") {
		return true
	}
	fi, err := os.Stat(arg)
	return err == nil && !fi.IsDir()
}

// plural says "1 step" or "3 steps".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
