package cli

import (
	"fmt"
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
		hint := fmt.Sprintf("run %q to see its flags", c.CommandPath()+" --help")
		if typed, ok := strings.CutPrefix(err.Error(), "unknown flag: --"); ok {
			var names []string
			c.Flags().VisitAll(func(fl *pflag.Flag) { names = append(names, fl.Name) })
			c.InheritedFlags().VisitAll(func(fl *pflag.Flag) { names = append(names, fl.Name) })
			if near := suggest.Closest(typed, names); near != "" {
				hint = fmt.Sprintf("did you mean --%s? %s", near, hint)
			}
		}
		return usageError(hint, "%s", err)
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
	cmd.AddCommand(NewCmdState(f))
	return cmd
}

// applyGlobalFlags settles the language, the state file and colour once,
// before any command runs.
func (f *Factory) applyGlobalFlags(lang, state string, noColor bool) error {
	if lang != "" {
		l, err := i18n.Parse(lang)
		if err != nil {
			return usageError("use --lang en or --lang ja", "%w", err)
		}
		f.Lang, f.LangFromFlag = l, true
	} else {
		l, err := i18n.FromEnv(f.Getenv)
		if err != nil {
			return usageError("set ACCTGUARD_LANG to en or ja, or leave it unset", "%w", err)
		}
		f.Lang = l
	}
	f.StateFile = f.resolveStateFile(state)
	if noColor {
		f.IO.SetColorEnabled(false)
	}
	if v := f.Getenv("ACCTGUARD_NOW"); v != "" {
		if _, err := time.Parse(time.RFC3339, v); err != nil {
			return usageError("write it as 2026-11-26T21:30:00+09:00, or unset it", "ACCTGUARD_NOW %q is not an RFC 3339 time", v)
		}
	}
	if _, err := lockTimeout(f.Getenv); err != nil {
		return usageError("write it as 30s or 2m, or unset it", "%w", err)
	}
	return nil
}

// subcommandArgs is the Args of a command that only groups others: a word
// after it is a mistyped subcommand, and the nearest one is suggested.
func subcommandArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	hint := fmt.Sprintf("run %q to see its commands", cmd.CommandPath()+" --help")
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	if near := suggest.Closest(args[0], names); near != "" {
		hint = fmt.Sprintf("did you mean %q?", near)
	}
	return usageError(hint, "unknown command %q for %q", args[0], cmd.CommandPath())
}

// exactArgs accepts exactly n arguments and otherwise fails as wrong usage,
// naming them.
func exactArgs(n int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == n {
			return nil
		}
		if len(args) < n {
			return usageError(fmt.Sprintf("usage: %s", cmd.UseLine()), "%s needs %s", cmd.CommandPath(), names)
		}
		return usageError(fmt.Sprintf("usage: %s", cmd.UseLine()), "%s takes %s, not %d arguments", cmd.CommandPath(), names, len(args))
	}
}
