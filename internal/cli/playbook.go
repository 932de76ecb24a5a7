package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/suggest"
	"github.com/acctguard/acctguard/internal/visible"
)

// NewCmdPlaybook returns "acctguard playbook" and its subcommands.
func NewCmdPlaybook(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "playbook",
		Short: "List, show, check and change playbooks",
		Long: `A playbook is the list of steps acctguard walks you through. Built-in
playbooks come with acctguard; your own live in
$XDG_CONFIG_HOME/acctguard/playbooks/<id>.yaml, and one with the id of a
built-in replaces it.`,
		Args: subcommandArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(NewCmdPlaybookList(f, nil))
	cmd.AddCommand(NewCmdPlaybookShow(f, nil))
	cmd.AddCommand(NewCmdPlaybookValidate(f, nil))
	cmd.AddCommand(NewCmdPlaybookPath(f, nil))
	cmd.AddCommand(NewCmdPlaybookEdit(f, nil))
	cmd.AddCommand(NewCmdPlaybookNew(f))
	cmd.AddCommand(NewCmdPlaybookImport(f))
	cmd.AddCommand(NewCmdPlaybookExport(f))
	cmd.AddCommand(NewCmdPlaybookReset(f))
	return cmd
}

// findPlaybook returns the catalogue entry for id, failing as wrong usage
// when there is none.
func findPlaybook(cat *playbook.Catalogue, id string) (playbook.Entry, error) {
	e, err := cat.Get(id)
	var nf *playbook.NotFoundError
	if errors.As(err, &nf) {
		hint := i18n.M("error.playbook.list.hint")
		if s := suggest.Closest(id, nf.Known); s != "" {
			hint = i18n.M("error.playbook.did-you-mean", s, hint)
		}
		return e, usage(err, hint)
	}
	return e, err
}

// usablePlaybook is findPlaybook for commands that need a working
// playbook: a broken file's problems go to w, in lang, and the command
// fails.
func usablePlaybook(cat *playbook.Catalogue, id string, w io.Writer, lang i18n.Lang) (*playbook.Playbook, error) {
	e, err := findPlaybook(cat, id)
	if err != nil {
		return nil, err
	}
	if !e.Broken() {
		return e.Playbook, nil
	}
	fmt.Fprintln(w, visible.Text(problemsIn(e.Err, lang)))
	if e.Origin == playbook.Builtin {
		return nil, i18n.Errorf("error.playbook.builtin-broken", id, problemCount(e.Err))
	}
	hint := i18n.M("error.playbook.fix.hint", e.Path, id)
	if e.Overrides {
		hint = i18n.M("error.playbook.fix-or-remove.hint", e.Path, id)
	}
	return nil, hinted(i18n.Errorf("error.playbook.cannot-use", id, problemCount(e.Err)), hint)
}

// problemsIn writes the problems err holds, each with its line, in lang.
func problemsIn(err error, lang i18n.Lang) string {
	var list playbook.ErrorList
	if errors.As(err, &list) {
		return list.In(lang)
	}
	return i18n.Message(err, lang)
}

// problemCount says how many problems err holds, "3 problems in FILE",
// in the language it is shown in.
func problemCount(err error) i18n.Localized { return problemSummary{err} }

type problemSummary struct{ err error }

func (s problemSummary) In(l i18n.Lang) string {
	var list playbook.ErrorList
	if errors.As(s.err, &list) {
		return list.SummaryIn(l)
	}
	return i18n.Message(s.err, l)
}

// completePlaybookIDs offers the ids of the catalogue, with titles.
func completePlaybookIDs(f *Factory) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		entries, _ := f.Catalogue().List()
		var out []string
		for _, e := range entries {
			if !strings.HasPrefix(e.ID, toComplete) {
				continue
			}
			title := ""
			if e.Playbook != nil {
				title = e.Playbook.Title.Get(string(f.langOrEnv()))
			}
			out = append(out, visible.Line(e.ID)+"\t"+visible.Line(strings.TrimSpace(title)))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
