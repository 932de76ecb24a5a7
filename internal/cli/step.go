package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/internal/visible"
)

type stepOptions struct {
	IO        *iostreams.IOStreams
	Store     stateStore
	Catalogue *playbook.Catalogue
	Now       func() time.Time
	// Lang and LangFromFlag choose the language of the confirmation:
	// --lang, else the incident's own.
	Lang         i18n.Lang
	LangFromFlag bool

	Action   state.Action // done, skip, later, reset, answer or note
	StepID   string
	Value    string // the answer, or the note of "acctguard note"
	Incident int
	Note     string
	Reason   string
}

// NewCmdStep returns "acctguard step" with done, skip, later, reset and
// answer: what respond records, without a terminal.
func NewCmdStep(f *Factory, runF func(*stepOptions) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "step",
		Short: "Record a step as done, skipped, put off or answered, without prompts",
		Args:  subcommandArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	for _, a := range []struct {
		action state.Action
		short  string
	}{
		{state.ActionDone, "Mark a step as done"},
		{state.ActionSkip, "Skip a step (say why with --reason)"},
		{state.ActionLater, "Put a step off; it stays due"},
		{state.ActionReset, "Undo what was recorded for a step (notes are kept)"},
	} {
		cmd.AddCommand(newStepActionCmd(f, runF, a.action, a.short))
	}
	cmd.AddCommand(newStepAnswerCmd(f, runF))
	return cmd
}

func newStepActionCmd(f *Factory, runF func(*stepOptions) error, action state.Action, short string) *cobra.Command {
	opts := &stepOptions{Action: action}
	cmd := &cobra.Command{
		Use:               string(action) + " STEP",
		Short:             short,
		Args:              exactArgs(1, "args.step-id"),
		ValidArgsFunction: completeStepIDs(f, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.StepID = args[0]
			return runStepCommand(f, opts, runF)
		},
	}
	incidentFlag(cmd, f, &opts.Incident)
	cmd.Flags().StringVar(&opts.Note, "note", "", "a note to keep with it")
	if action == state.ActionSkip {
		cmd.Flags().StringVar(&opts.Reason, "reason", "", "why it is skipped")
	}
	return cmd
}

func newStepAnswerCmd(f *Factory, runF func(*stepOptions) error) *cobra.Command {
	opts := &stepOptions{Action: state.ActionAnswer}
	cmd := &cobra.Command{
		Use:   "answer STEP VALUE",
		Short: "Answer a question step",
		Args:  exactArgs(2, "args.question-answer"),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return completeStepIDs(f, true)(cmd, args, toComplete)
			}
			return completeAnswers(f, cmd, args[0])
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.StepID, opts.Value = args[0], args[1]
			return runStepCommand(f, opts, runF)
		},
	}
	incidentFlag(cmd, f, &opts.Incident)
	cmd.Flags().StringVar(&opts.Note, "note", "", "a note to keep with it")
	return cmd
}

func runStepCommand(f *Factory, opts *stepOptions, runF func(*stepOptions) error) error {
	opts.IO, opts.Store, opts.Catalogue, opts.Now = f.IO, f.Store(), f.Catalogue(), f.Now
	opts.Lang, opts.LangFromFlag = f.Lang, f.LangFromFlag
	if runF != nil {
		return runF(opts)
	}
	return runStep(opts)
}

func runStep(opts *stepOptions) error {
	note := opts.Note
	if opts.Action == state.ActionNote {
		note = opts.Value
	}
	if err := checkText("note", note); err != nil {
		return err
	}
	if err := checkText("reason", opts.Reason); err != nil {
		return err
	}
	if opts.Action == state.ActionAnswer {
		// Not kept as typed, but echoed back in an error when it is not
		// one of the answers.
		if err := checkText("answer", opts.Value); err != nil {
			return err
		}
	}
	inc, p, err := loadIncident(opts.Store, opts.Catalogue, opts.Incident, opts.IO.ErrOut)
	if err != nil {
		return err
	}
	step, err := findStep(p, opts.StepID)
	if err != nil {
		return err
	}
	e := state.Event{Step: step.ID, Action: state.Action(opts.Action), At: opts.Now(), Note: strings.TrimSpace(note), Reason: strings.TrimSpace(opts.Reason)}
	switch {
	case opts.Action == state.ActionAnswer && step.Kind == playbook.KindTime:
		t, err := incident.ParseMoment(opts.Value, opts.Now().Local())
		if err != nil {
			return usage(i18n.Errorf("error.time.bad", opts.Value, momentProblem(err)), i18n.M("error.time.hint", "00:40", "2026-11-25 23:10"))
		}
		e.Answer = t.Format(time.RFC3339)
	case opts.Action == state.ActionAnswer && step.Kind != playbook.KindQuestion:
		return usage(i18n.Errorf("error.step.not-question", step.ID), i18n.M("error.step.not-question.hint", step.ID))
	case opts.Action == state.ActionAnswer:
		o, ok := step.Option(opts.Value)
		if !ok {
			return usage(i18n.Errorf("error.step.not-answer", opts.Value, step.ID), i18n.M("error.step.not-answer.hint", optionList(step, inc.Lang)))
		}
		e.Answer = o.Value
	case opts.Action == state.ActionDone && step.Kind == playbook.KindTime:
		return usage(i18n.Errorf("error.step.asks-time", step.ID), i18n.M("error.step.asks-time.hint", step.ID))
	case opts.Action == state.ActionDone && step.Kind == playbook.KindQuestion:
		return usage(i18n.Errorf("error.step.question", step.ID), i18n.M("error.step.question.hint", step.ID, optionList(step, inc.Lang)))
	}
	if opts.Action == state.ActionNote && e.Note == "" {
		return usage(i18n.Errorf("error.note.empty"), i18n.M("error.note.empty.hint"))
	}

	if _, err := appendEvent(opts.Store, inc.ID, e); err != nil {
		return err
	}
	l := incidentLang(opts.Lang, opts.LangFromFlag, inc.Lang)
	// English gives the id, as typed; Japanese the step's title.
	// The answer is given as stored; Japanese shows its label, or the
	// time as its screens write one.
	title, answer := visible.Line(step.Title.Get(string(l))), e.Answer
	if l == i18n.Japanese {
		if o, ok := step.Option(e.Answer); ok {
			answer = o.Label.Get(string(l))
		} else if t, err := time.Parse(time.RFC3339, e.Answer); err == nil {
			answer = l.Time(t.Local(), opts.Now())
		}
	}
	fmt.Fprintln(opts.IO.Out, l.Tf("step.recorded."+string(e.Action), inc.ID, step.ID, title, visible.Line(answer)))
	return nil
}

// optionList lists a question's answers as "yes (Yes, I can), no (...)".
func optionList(step *playbook.Step, lang string) string {
	parts := make([]string, len(step.Options))
	for i, o := range step.Options {
		parts[i] = fmt.Sprintf("%s (%s)", o.Value, strings.TrimSpace(o.Label.Get(lang)))
	}
	return strings.Join(parts, ", ")
}

// completeStepIDs offers the steps of the incident a command acts on;
// questionsOnly limits them to question steps.
func completeStepIDs(f *Factory, questionsOnly bool) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		p, lang, ok := completionPlaybook(f, cmd)
		if !ok || len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		for _, s := range p.Steps {
			if strings.HasPrefix(s.ID, toComplete) && (!questionsOnly || s.Asks()) {
				out = append(out, s.ID+"\t"+visible.Line(strings.TrimSpace(s.Title.Get(lang))))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

func completeAnswers(f *Factory, cmd *cobra.Command, stepID string) ([]string, cobra.ShellCompDirective) {
	p, lang, ok := completionPlaybook(f, cmd)
	if !ok {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	if s, ok := p.Step(stepID); ok {
		for _, o := range s.Options {
			out = append(out, visible.Field(o.Value)+"\t"+visible.Line(strings.TrimSpace(o.Label.Get(lang))))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completionPlaybook finds the playbook of the incident a command being
// completed acts on. Completion runs without the global flags applied.
func completionPlaybook(f *Factory, cmd *cobra.Command) (*playbook.Playbook, string, bool) {
	id, _ := cmd.Flags().GetInt("incident")
	file, err := completionState(f, cmd)
	if err != nil {
		return nil, "", false
	}
	inc, err := pickIncident(file, id)
	if err != nil {
		return nil, "", false
	}
	e, err := f.Catalogue().Get(inc.Playbook)
	if err != nil || e.Playbook == nil {
		return nil, "", false
	}
	return e.Playbook, inc.Lang, true
}
