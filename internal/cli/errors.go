package cli

import (
	"errors"
	"fmt"
)

// Exit codes, as DESIGN.md gives them.
const (
	exitOK        = 0
	exitFailure   = 1
	exitUsage     = 2
	exitDue       = 3
	exitCancelled = 130
)

// exitError carries an exit code and what the user can do next.
type exitError struct {
	code int
	err  error
	hint string
	// quiet means the command already printed everything the user needs.
	quiet bool
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError is wrong use of a command: a bad flag or argument.
func usageError(hint string, format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...), hint: hint}
}

// withHint fails with err and tells the user what to do next.
func withHint(err error, hint string) error {
	return &exitError{code: exitFailure, err: err, hint: hint}
}

// exitCode returns the code and hint for err.
func exitCode(err error) (code int, hint string, quiet bool) {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code, ee.hint, ee.quiet
	}
	return exitFailure, "", false
}
