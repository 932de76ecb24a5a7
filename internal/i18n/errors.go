package i18n

import (
	"fmt"
	"strings"
)

// Localized is text that can be written in each language of acctguard's
// screens: a message, an error, a hint.
type Localized interface {
	In(l Lang) string
}

// Msg is a text of a table with the values that go in it, written in a
// language only when it is shown. The values may themselves be Localized
// (an error wrapped inside another, a hint built from smaller texts):
// they are written in the same language.
type Msg struct {
	table *Table
	key   string
	args  []any
}

// M returns the text for key in table t, with args, to be written later
// in the language it is shown in.
func (t *Table) M(key string, args ...any) Msg { return Msg{t, key, args} }

// M is a message of acctguard's own table (see messages.go).
func M(key string, args ...any) Msg { return messages.M(key, args...) }

// Key returns the message's key, for tests.
func (m Msg) Key() string { return m.key }

// In writes the message in l. A %w in the text (kept so that the English
// text reads as the error convention has it) is written as %v.
func (m Msg) In(l Lang) string {
	if m.table == nil {
		return ""
	}
	format := m.table.Get(l, m.key)
	if len(m.args) == 0 {
		return format
	}
	args := make([]any, len(m.args))
	for i, a := range m.args {
		args[i] = localize(a, l)
	}
	return fmt.Sprintf(strings.ReplaceAll(format, "%w", "%v"), args...)
}

// String writes the message in English.
func (m Msg) String() string { return m.In(English) }

// Plain is text that is the same in every language: a command line, a
// file name, a system's own message.
type Plain string

// In returns the text itself.
func (p Plain) In(Lang) string { return string(p) }

// Error is an error whose message exists in each language. Its Error
// method gives English, as for any Go error; In gives the language the
// person reads. The errors among its values are wrapped, as %w wraps.
type Error struct {
	Msg
}

// Errorf returns an error with the text for key in table t: a text with
// %w wraps the error given for it, as fmt.Errorf does.
func (t *Table) Errorf(key string, args ...any) error {
	return &Error{t.M(key, args...)}
}

// Errorf is an error with a text of acctguard's own table.
func Errorf(key string, args ...any) error { return messages.Errorf(key, args...) }

func (e *Error) Error() string { return e.In(English) }

// Unwrap returns the errors among the values, so that errors.Is and
// errors.As see through a localised error as through fmt.Errorf's.
func (e *Error) Unwrap() []error {
	var errs []error
	for _, a := range e.args {
		if err, ok := a.(error); ok {
			errs = append(errs, err)
		}
	}
	return errs
}

// Message returns err's message in l. The parts of it that exist in l are
// written in l, however deep they are wrapped in Errors; an error from
// elsewhere (the system's "permission denied") keeps its own words.
//
// A fmt.Errorf wrapping a localised error hides it: its own words are
// English, so the whole message is. Code that wraps an error a person
// reads wraps it with Errorf.
func Message(err error, l Lang) string {
	// Look through wrappers that add no words of their own (such as an
	// error that carries an exit code), and no further.
	for e := err; e != nil; {
		if loc, ok := e.(Localized); ok {
			return loc.In(l)
		}
		w, ok := e.(interface{ Unwrap() error })
		if !ok || w.Unwrap() == nil || e.Error() != w.Unwrap().Error() {
			break
		}
		e = w.Unwrap()
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

func localize(a any, l Lang) any {
	switch v := a.(type) {
	case Localized:
		return v.In(l)
	case error:
		return Message(v, l)
	}
	return a
}
