// Package cli holds acctguard's commands: one file per command, each with
// an options struct, a NewCmd function that only parses flags, and a run
// function that does the work.
package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/visible"
)

// Main runs acctguard with the process's arguments and returns the exit code.
func Main() int {
	return Run(NewFactory(), os.Args[1:])
}

// Run runs acctguard with args, prints what went wrong as
// "acctguard: ..." and "acctguard: hint: ..." and returns the exit code.
func Run(f *Factory, args []string) int {
	// Help, and errors in the flags, come before the global flags are
	// applied: the language is read from the arguments first.
	if f.Lang == "" {
		f.Lang = langFromArgs(args, f.langOrEnv())
	}
	root := NewCmdRoot(f)
	root.SetArgs(args)
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	cmd, err := root.ExecuteC()
	err = outputLost(f.IO.OutputError(), err)
	if err == nil {
		return exitOK
	}
	err = cobraUsageError(root, args, err)
	code, hint, quiet := exitCode(err)
	if several := (*severalOpenError)(nil); errors.As(err, &several) {
		hint = several.hint(cmd)
	}
	// Written in the person's language; an error may quote a file or
	// what was typed: control characters in it are shown, not sent to
	// the terminal.
	l := f.langOrEnv()
	if !quiet {
		fmt.Fprintf(f.IO.ErrOut, "acctguard: %s\n", visible.Text(i18n.Message(err, l)))
	}
	if hint != nil {
		if h := hint.In(l); h != "" {
			fmt.Fprintf(f.IO.ErrOut, "acctguard: %s%s\n", l.T("error.hint"), visible.Text(h))
		}
	}
	return code
}

// outputLost makes a command whose output could not be written, to a full
// disk or a closed pipe, fail with exit 1 and say so once, in place of
// its own success, its exit 3 or the same write error it returned.
// Another failure is kept: it says more.
func outputLost(writeErr, err error) error {
	if writeErr == nil {
		return err
	}
	var ee *exitError
	if err != nil && !errors.Is(err, writeErr) && !(errors.As(err, &ee) && ee.code == exitDue) {
		return err
	}
	var pe *fs.PathError
	if errors.As(writeErr, &pe) {
		writeErr = pe.Err // "write /dev/stdout: ..." names no file the person gave
	}
	return &exitError{code: exitFailure, err: i18n.Errorf("error.usage.stdout", writeErr)}
}

// cobraUsageError turns cobra's unknown-command error into a usage error,
// with the nearest command as its hint.
func cobraUsageError(root *cobra.Command, args []string, err error) error {
	var ee *exitError
	if errors.As(err, &ee) || !strings.HasPrefix(err.Error(), "unknown command") {
		return err
	}
	hint := i18n.M("error.usage.see-commands", "acctguard --help")
	cmd, rest, _ := root.Find(args)
	if cmd != nil {
		if typed := positional(cmd, rest); typed != "" {
			if s := cmd.SuggestionsFor(typed); len(s) > 0 {
				hint = i18n.M("error.usage.did-you-mean", s[0])
			}
		}
	}
	first, _, _ := strings.Cut(err.Error(), "\n")
	if m := unknownCommand.FindStringSubmatch(first); m != nil {
		return usage(i18n.Errorf("error.usage.unknown-cmd", m[1], m[2]), hint)
	}
	return usage(errors.New(first), hint)
}

// positional returns the first argument of args that is not a flag of cmd
// or a flag's value: the command name that was not found.
func positional(cmd *cobra.Command, args []string) string {
	if err := cmd.ParseFlags(args); err != nil {
		return ""
	}
	if rest := cmd.Flags().Args(); len(rest) > 0 {
		return rest[0]
	}
	return ""
}

var unknownCommand = regexp.MustCompile(`^unknown command "(.*)" for "(.*)"$`)

// pflag's errors, read back into texts of both languages. An error pflag
// words in another way keeps its English.
var (
	unknownFlag      = regexp.MustCompile(`^unknown flag: (.+)$`)
	unknownShorthand = regexp.MustCompile(`^unknown shorthand flag: '(.)' in (.+)$`)
	flagNeedsValue   = regexp.MustCompile(`^flag needs an argument: (.+)$`)
	flagBadValue     = regexp.MustCompile(`^invalid argument "(.*)" for "(.+)" flag: `)
)

// flagError is err, a flag that could not be read, in the person's
// language.
func flagError(err error) error {
	msg := err.Error()
	switch {
	case unknownFlag.MatchString(msg):
		return i18n.Errorf("error.usage.unknown-flag", unknownFlag.FindStringSubmatch(msg)[1])
	case unknownShorthand.MatchString(msg):
		m := unknownShorthand.FindStringSubmatch(msg)
		return i18n.Errorf("error.usage.unknown-shorthand", m[1], m[2])
	case flagNeedsValue.MatchString(msg):
		return i18n.Errorf("error.usage.flag-needs-value", flagNeedsValue.FindStringSubmatch(msg)[1])
	case flagBadValue.MatchString(msg):
		m := flagBadValue.FindStringSubmatch(msg)
		return i18n.Errorf("error.usage.flag-bad-value", m[1], m[2], msg[len(m[0]):])
	}
	return err
}
