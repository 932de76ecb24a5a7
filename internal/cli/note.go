package cli

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/cardnum"
	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/state"
)

// NewCmdNote returns "acctguard note STEP TEXT".
func NewCmdNote(f *Factory, runF func(*stepOptions) error) *cobra.Command {
	opts := &stepOptions{Action: state.ActionNote}
	cmd := &cobra.Command{
		Use:   "note STEP TEXT",
		Short: "Add a note to a step: who you called, a reference number",
		Long: `Add a note to a step, such as who you spoke to and the reference number
they gave. Never write a password or a full card number: notes holding a
card number are refused; the last 4 digits are enough.`,
		Args:              exactArgs(2, "args.step-note"),
		ValidArgsFunction: completeStepIDs(f, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.StepID, opts.Value = args[0], args[1]
			return runStepCommand(f, opts, runF)
		},
	}
	incidentFlag(cmd, f, &opts.Incident)
	return cmd
}

// momentProblem says what is wrong with a time the person typed.
func momentProblem(err error) i18n.Msg {
	if errors.Is(err, incident.ErrMomentFuture) {
		return i18n.M("error.time.future")
	}
	return i18n.M("error.time.format")
}

// checkText refuses a text the person typed, a note, a reason or an
// answer, when it holds a full card number, before anything is read or
// written. what names the text in the error.
func checkText(what, text string) error {
	found, ok := cardnum.Find(text)
	if !ok {
		return nil
	}
	return hinted(i18n.Errorf("error.text.card", i18n.M("error.text."+what), lastDigits(found, 4)), i18n.M("error.text.card.hint"))
}

// lastDigits returns the last n digits of s, so that a refused card number
// is not printed back in full.
func lastDigits(s string, n int) string {
	var digits []byte
	for i := len(s) - 1; i >= 0 && len(digits) < n; i-- {
		if s[i] >= '0' && s[i] <= '9' {
			digits = append([]byte{s[i]}, digits...)
		}
	}
	return string(digits)
}
