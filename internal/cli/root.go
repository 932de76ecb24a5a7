package cli

import (
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/suggest"
)

// NewCmdRoot returns the acctguard command with its global flags.
func NewCmdRoot(f *Factory) *cobra.Command {
	var (
		lang    string
		state   string
		noColor bool
	)
	cmd := &cobra.Command{
		Use:   "acctguard",
		Short: "Step-by-step help after an online account is taken over",
		Long: `acctguard walks you through what to do after an online account was taken
over: check the alert is real, lock the intruder out, clean up, report, and
check again in the days after. It remembers what you have done.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		// The hint for an unknown command is ours (see cobraUsageError);
		// cobra's own would only be parsed back out of its message.
		DisableSuggestions:         true,
		SuggestionsMinimumDistance: 2,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return f.applyGlobalFlags(lang, state, noColor)
		},
	}
	cmd.PersistentFlags().StringVar(&lang, "lang", "", "language of screens: en or ja (default: ACCTGUARD_LANG, then the locale)")
	cmd.PersistentFlags().StringVar(&state, "state", "", "the state file (default: ACCTGUARD_STATE, then the per-user state directory)")
	cmd.PersistentFlags().BoolVar(&noColor, "no-color", false, "print without colour")
	_ = cmd.RegisterFlagCompletionFunc("lang", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"en\tEnglish", "ja\t日本語"}, cobra.ShellCompDirectiveNoFileComp
	})
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		hint := i18n.M("error.usage.see-flags", c.CommandPath()+" --help")
		if typed, ok := strings.CutPrefix(err.Error(), "unknown flag: --"); ok {
			var names []string
			c.Flags().VisitAll(func(fl *pflag.Flag) { names = append(names, fl.Name) })
			c.InheritedFlags().VisitAll(func(fl *pflag.Flag) { names = append(names, fl.Name) })
			if near := suggest.Closest(typed, names); near != "" {
				hint = i18n.M("error.usage.did-you-mean-flag", near, hint)
			}
		}
		return usage(flagError(err), hint)
	})
	cmd.CompletionOptions.HiddenDefaultCmd = false

	cmd.AddCommand(NewCmdVersion(f, nil))
	cmd.AddCommand(NewCmdPlaybook(f))
	cmd.AddCommand(NewCmdRespond(f, nil))
	cmd.AddCommand(NewCmdStatus(f, nil))
	cmd.AddCommand(NewCmdStep(f, nil))
	cmd.AddCommand(NewCmdNote(f, nil))
	cmd.AddCommand(NewCmdIncident(f))
	cmd.AddCommand(NewCmdReport(f, nil))
	cmd.AddCommand(NewCmdCharge(f))
	cmd.AddCommand(NewCmdCheck(f, nil))
	cmd.AddCommand(NewCmdState(f))
	localizeHelp(cmd, f.langOrEnv())
	wrapHelp(cmd, f.IO)
	return cmd
}

// applyGlobalFlags settles the language, the state file and colour once,
// before any command runs.
func (f *Factory) applyGlobalFlags(lang, state string, noColor bool) error {
	if lang != "" {
		l, err := i18n.Parse(lang)
		if err != nil {
			return usage(i18n.Errorf("error.usage.unsupported-lang", lang), i18n.M("error.usage.lang"))
		}
		f.Lang, f.LangFromFlag = l, true
	} else {
		l, err := i18n.FromEnv(f.Getenv)
		if err != nil {
			return usage(i18n.Errorf("error.usage.env-lang", f.Getenv("ACCTGUARD_LANG")), i18n.M("error.usage.env-lang.hint"))
		}
		f.Lang = l
	}
	f.StateFile = f.resolveStateFile(state)
	if noColor {
		f.IO.SetColorEnabled(false)
	}
	if v := f.Getenv("ACCTGUARD_NOW"); v != "" {
		if _, err := time.Parse(time.RFC3339, v); err != nil {
			return usage(i18n.Errorf("error.usage.now", v), i18n.M("error.usage.now.hint"))
		}
	}
	if _, err := lockTimeout(f.Getenv); err != nil {
		return usage(err, i18n.M("error.usage.timeout.hint"))
	}
	return nil
}

// subcommandArgs is the Args of a command that only groups others: a word
// after it is a mistyped subcommand, and the nearest one is suggested.
func subcommandArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	hint := i18n.M("error.usage.see-commands", cmd.CommandPath()+" --help")
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	if near := suggest.Closest(args[0], names); near != "" {
		hint = i18n.M("error.usage.did-you-mean", near)
	}
	return usage(i18n.Errorf("error.usage.unknown-cmd", args[0], cmd.CommandPath()), hint)
}

// exactArgs accepts exactly n arguments and otherwise fails as wrong usage,
// naming them: names is the key of the text that does ("args.step-id").
func exactArgs(n int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == n {
			return nil
		}
		if len(args) < n {
			return usage(i18n.Errorf("error.usage.needs", cmd.CommandPath(), i18n.M(names)), i18n.M("error.usage.line", cmd.UseLine()))
		}
		if n == 0 {
			return usage(i18n.Errorf("error.usage.takes-none", cmd.CommandPath()), i18n.M("error.usage.line", cmd.UseLine()))
		}
		return usage(i18n.Errorf("error.usage.takes", cmd.CommandPath(), i18n.M(names), len(args)), i18n.M("error.usage.line", cmd.UseLine()))
	}
}
