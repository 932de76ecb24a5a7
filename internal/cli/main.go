// Package cli holds acctguard's commands: one file per command, each with
// an options struct, a NewCmd function that only parses flags, and a run
// function that does the work.
package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// Main runs acctguard with the process's arguments and returns the exit code.
func Main() int {
	return Run(NewFactory(), os.Args[1:])
}

// Run runs acctguard with args, prints what went wrong as
// "acctguard: ..." and "acctguard: hint: ..." and returns the exit code.
func Run(f *Factory, args []string) int {
	root := NewCmdRoot(f)
	root.SetArgs(args)
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	err = cobraUsageError(err)
	code, hint, quiet := exitCode(err)
	if !quiet {
		fmt.Fprintf(f.IO.ErrOut, "acctguard: %s\n", err)
	}
	if hint != "" {
		fmt.Fprintf(f.IO.ErrOut, "acctguard: hint: %s\n", hint)
	}
	return code
}

// cobraUsageError turns cobra's unknown-command error, which comes with
// its suggestions on extra lines, into a usage error with a hint.
func cobraUsageError(err error) error {
	var ee *exitError
	if errors.As(err, &ee) {
		return err
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "unknown command") {
		return err
	}
	first, rest, _ := strings.Cut(msg, "\n")
	hint := "run \"acctguard --help\" to see the commands"
	if _, sugg, ok := strings.Cut(rest, "Did you mean this?\n"); ok {
		if s := strings.TrimSpace(strings.SplitN(sugg, "\n", 2)[0]); s != "" {
			hint = fmt.Sprintf("did you mean %q?", s)
		}
	}
	return usageError(hint, "%s", first)
}
