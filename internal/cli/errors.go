package cli

import (
	"errors"
	"fmt"

	"github.com/acctguard/acctguard/internal/i18n"
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
	hint i18n.Localized
	// quiet means the command already printed everything the user needs.
	quiet bool
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usage is wrong use of a command, a bad flag or argument: err says what
// is wrong and hint what to type instead, both written in the person's
// language when they are shown (i18n.Errorf, i18n.M).
func usage(err error, hint i18n.Localized) error {
	return &exitError{code: exitUsage, err: err, hint: hint}
}

// hinted fails with err and tells the person what to do next.
func hinted(err error, hint i18n.Localized) error {
	return &exitError{code: exitFailure, err: err, hint: hint}
}

// usageError is usage with English-only texts.
//
// Deprecated: use usage, with texts that exist in both languages.
func usageError(hint string, format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...), hint: plainHint(hint)}
}

// withHint is hinted with an English-only hint.
//
// Deprecated: use hinted, with a hint that exists in both languages.
func withHint(err error, hint string) error {
	return &exitError{code: exitFailure, err: err, hint: plainHint(hint)}
}

func plainHint(hint string) i18n.Localized {
	if hint == "" {
		return nil
	}
	return i18n.Plain(hint)
}

// exitCode returns the code and hint for err.
func exitCode(err error) (code int, hint i18n.Localized, quiet bool) {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code, ee.hint, ee.quiet
	}
	return exitFailure, nil, false
}
