package cli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/atomicfile"
	"github.com/acctguard/acctguard/internal/editor"
	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/prompt"
)

type playbookEditOptions struct {
	IO        *iostreams.IOStreams
	Catalogue *playbook.Catalogue
	Store     stateStore
	// Prompter is nil without a terminal. The menu editor asks every
	// kind of question there is.
	Prompter prompt.Prompter
	Getenv   func(string) string
	Now      func() time.Time
	Lang     i18n.Lang
	// Editor is the command to edit with; found from the environment
	// when nil.
	Editor []string

	ID          string
	Interactive bool
}

// NewCmdPlaybookEdit returns "acctguard playbook edit [ID]".
func NewCmdPlaybookEdit(f *Factory, runF func(*playbookEditOptions) error) *cobra.Command {
	opts := &playbookEditOptions{}
	cmd := &cobra.Command{
		Use:   "edit [ID]",
		Short: "Change a playbook in your text editor, checked before it is saved",
		Long: `Open a playbook in your editor (ACCTGUARD_EDITOR, VISUAL, EDITOR, else nano
or vi). When you save and close, it is checked; if something is wrong, the
editor opens again with the mistakes listed at the top. Nothing is saved
until it is right. Empty the file to cancel. It needs a terminal, unless
ACCTGUARD_EDITOR names an editor that works without one ("code --wait").

Editing a built-in playbook saves your own copy, which then replaces it;
"acctguard playbook reset ID" brings the built-in back.`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completePlaybookIDs(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Store, opts.Catalogue, opts.Getenv, opts.Now, opts.Lang = f.IO, f.Store(), f.Catalogue(), f.Getenv, f.Now, f.Lang
			if f.IO.CanPrompt() {
				opts.Prompter = f.Prompter()
			}
			if len(args) == 1 {
				opts.ID = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runPlaybookEdit(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Interactive, "interactive", false, "change the steps through menus instead of an editor")
	return cmd
}

func runPlaybookEdit(opts *playbookEditOptions) error {
	// An editor chosen for acctguard alone (ACCTGUARD_EDITOR) may be one
	// that needs no terminal, such as "code --wait" or a script.
	if !opts.IO.CanPrompt() && opts.Getenv("ACCTGUARD_EDITOR") == "" {
		return usage(i18n.Errorf("error.edit.terminal"), i18n.M("error.edit.terminal.hint"))
	}
	id, err := chooseEditID(opts)
	if err != nil {
		return err
	}
	e, err := findPlaybook(opts.Catalogue, id)
	if err != nil {
		return err
	}
	src, err := opts.Catalogue.Source(e)
	if err != nil {
		return err
	}
	target := opts.Catalogue.UserPath(id)
	if opts.Interactive {
		if opts.Prompter == nil {
			return usage(i18n.Errorf("error.edit.interactive-terminal"), i18n.M("error.usage.terminal"))
		}
		return runInteractiveEdit(opts, e, src, target)
	}
	text, outcome, err := editPlaybookText(opts.IO, opts.Getenv, opts.Editor, target, id, src, opts.Lang)
	if err != nil {
		return err
	}
	switch outcome {
	case editor.Unchanged:
		fmt.Fprintln(opts.IO.Out, opts.Lang.T("edit.unchanged"))
		return nil
	case editor.Emptied:
		fmt.Fprintln(opts.IO.Out, opts.Lang.T("edit.emptied"))
		return nil
	}
	if err := saveUserPlaybook(target, text); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, savedMessage(opts.Lang, e, target))
	return nil
}

// savedMessage says where an edit of playbook e was saved; the first save
// of a built-in one also says that the copy now replaces it, and how to
// bring the built-in back. Said on saving only: a cancelled or unchanged
// edit makes no copy.
func savedMessage(l i18n.Lang, e playbook.Entry, target string) string {
	if e.Origin == playbook.Builtin {
		return l.Tf("edit.saved-builtin", target, e.ID, "acctguard playbook reset "+e.ID)
	}
	return l.Tf("edit.saved", target)
}

// editPlaybookText runs the person's editor on src, as the user playbook
// id saved at target, until it is valid, unchanged or emptied. A file that
// is already broken opens with its mistakes listed at the top.
func editPlaybookText(io *iostreams.IOStreams, getenv func(string) string, argv []string, target, id string, src []byte, lang i18n.Lang) ([]byte, editor.Outcome, error) {
	if argv == nil {
		var err error
		if argv, err = editor.Command(getenv, exec.LookPath); err != nil {
			return nil, 0, hinted(err, i18n.M("error.edit.editor.hint"))
		}
	}
	loop := &editor.Loop{
		Editor: argv,
		Stdin:  io.In,
		Stdout: io.Out,
		Stderr: io.ErrOut,
	}
	// The header counts every problem, those past the ones listed too.
	var total int
	loop.Check = func(text []byte) []editor.Problem {
		var problems []editor.Problem
		problems, total = checkPlaybookIn(target, id, text, lang)
		return problems
	}
	loop.Header = func(problems []editor.Problem) []string { return problemHeader(problems, total, 0, lang) }
	if problems, n := checkPlaybookIn(target, id, src, lang); len(problems) > 0 {
		loop.Intro = problemHeader(problems, n, 1, lang)
	}
	text, outcome, err := loop.Edit(id+".yaml", src)
	var failed *editor.FailedError
	if errors.As(err, &failed) {
		return nil, 0, hinted(err, i18n.M("error.edit.kept.hint"))
	}
	return text, outcome, err
}

// chooseEditID returns the playbook to edit: the one named, else that of
// the only open incident, else the one the person picks.
func chooseEditID(opts *playbookEditOptions) (string, error) {
	if opts.ID != "" {
		return opts.ID, nil
	}
	if file, err := loadState(opts.Store); err == nil {
		if open := file.Open(); len(open) == 1 {
			return open[0].Playbook, nil
		}
	}
	entries, _ := opts.Catalogue.List()
	if len(entries) == 0 {
		return "", i18n.Errorf("error.edit.nothing")
	}
	if opts.Prompter == nil {
		return "", usage(i18n.Errorf("error.edit.name"), i18n.M("error.edit.name.hint"))
	}
	labels := make([]string, len(entries))
	for i, e := range entries {
		labels[i] = e.ID
		if e.Playbook != nil {
			labels[i] = e.ID + opts.Lang.T("sep") + e.Playbook.Title.Get(string(opts.Lang))
		}
	}
	i, err := opts.Prompter.Select(opts.Lang.T("edit.which"), labels, 0)
	if err != nil {
		return "", err
	}
	return entries[i].ID, nil
}

// checkPlaybook lists the mistakes of text as the user playbook id.
func checkPlaybook(file, id string, text []byte) []editor.Problem {
	problems, _ := checkPlaybookIn(file, id, text, i18n.English)
	return problems
}

// checkPlaybookIn lists the mistakes of text in lang: the ones kept, and
// how many there are in all.
func checkPlaybookIn(file, id string, text []byte, lang i18n.Lang) ([]editor.Problem, int) {
	_, err := playbook.Check(file, id, text)
	if err == nil {
		return nil, 0
	}
	var list playbook.ErrorList
	if !errors.As(err, &list) {
		return []editor.Problem{{Text: i18n.Message(err, lang)}}, 1
	}
	problems := make([]editor.Problem, len(list))
	for i, e := range list {
		text := e.MsgIn(lang)
		if h := e.HintIn(lang); h != "" {
			text += lang.Tf("edit.problem-hint", h)
		}
		problems[i] = editor.Problem{Line: e.Pos.Line, Col: e.Pos.Col, Text: text}
	}
	return problems, list.Total()
}

// problemHeader describes the problems above the text in lang (see
// editor.Header), counting every one, those not listed too. intro is 1 for
// a file that was broken before the edit (the header says so), 0 after a
// save.
func problemHeader(problems []editor.Problem, total, intro int, lang i18n.Lang) []string {
	key := "edit.header"
	if intro == 1 {
		key = "edit.header-before"
	}
	if total == 1 {
		key += "-1"
	}
	w := editor.Words{First: lang.Tf(key, total), At: lang.T("edit.problem-at"), Line: lang.T("edit.problem-line")}
	if more := total - len(problems); more > 0 {
		w.More = lang.Tf("edit.problems-more", more)
	}
	return editor.Header(problems, w)
}

// saveUserPlaybook writes a valid playbook into the user's directory.
func saveUserPlaybook(path string, text []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, text, 0o600)
}
