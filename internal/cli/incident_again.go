package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/state"
)

type incidentAgainOptions struct {
	IO        *iostreams.IOStreams
	Store     stateStore
	Catalogue *playbook.Catalogue
	Now       func() time.Time
	// Lang and LangFromFlag choose the language of the confirmation:
	// --lang, else the incident's own.
	Lang         i18n.Lang
	LangFromFlag bool

	ID   int
	At   string
	Note string
}

// NewCmdIncidentAgain returns "acctguard incident again [N]": what
// respond records when the attack comes back, without a terminal.
func NewCmdIncidentAgain(f *Factory, runF func(*incidentAgainOptions) error) *cobra.Command {
	opts := &incidentAgainOptions{}
	cmd := &cobra.Command{
		Use:   "again [N] [--at TIME] [--note TEXT]",
		Short: "Record that the attack came back: the lock-out steps are asked again",
		Long: `Record that the attack came back: another alert email, orders you did not
make, a sign-in that no longer works. The steps to lock the intruder out
and clean up are asked again, so are urgent steps you skipped, and the
follow-ups count again from then. Everything recorded so far is kept. A
closed incident is reopened.`,
		Example:           "  acctguard incident again --at 22:10 --note \"second email: call customer service\"",
		Args:              incidentNumberArg(&opts.ID, false),
		ValidArgsFunction: completeIncidentNumbers(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Store, opts.Catalogue, opts.Now = f.IO, f.Store(), f.Catalogue(), f.Now
			opts.Lang, opts.LangFromFlag = f.Lang, f.LangFromFlag
			if runF != nil {
				return runF(opts)
			}
			return runIncidentAgain(opts)
		},
	}
	cmd.Flags().StringVar(&opts.At, "at", "now", "when it happened: now, 22:10, or 2026-12-03 22:10")
	cmd.Flags().StringVar(&opts.Note, "note", "", "what happened")
	return cmd
}

func runIncidentAgain(opts *incidentAgainOptions) error {
	if err := checkText("note", opts.Note); err != nil {
		return err
	}
	now := opts.Now()
	when, err := incident.ParseMoment(opts.At, now.Local())
	if err != nil {
		return usage(i18n.Errorf("error.time.at-bad", opts.At, momentProblem(err)), i18n.M("error.time.hint", "22:10", "2026-12-03 22:10"))
	}
	file, err := loadState(opts.Store)
	if err != nil {
		return err
	}
	inc, err := pickIncident(file, opts.ID)
	if err != nil {
		return err
	}
	p, err := incidentPlaybook(opts.Catalogue, inc, opts.IO.ErrOut, i18n.Lang(inc.Lang))
	if err != nil {
		return err
	}
	id := inc.ID
	var again []incident.Status
	_, err = updateState(opts.Store, func(f *state.File) error {
		again, err = attackAgain(f, id, p, when, now, opts.Note)
		return err
	})
	if err != nil {
		return err
	}
	l := incidentLang(opts.Lang, opts.LangFromFlag, inc.Lang)
	fmt.Fprintln(opts.IO.Out, l.Tf("again.recorded", id, when.Format(time.RFC3339), len(again), l.Time(when.Local(), now)))
	return nil
}
