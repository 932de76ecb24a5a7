// Package prompt asks the person questions. Commands see only the Prompter
// interface and ErrCancelled; the survey library stays in one file behind
// it, so that it can be replaced without touching a command.
package prompt

import "errors"

// ErrCancelled is returned when the person presses Ctrl-C at a prompt, or
// input ends.
var ErrCancelled = errors.New("cancelled")

// Prompter asks questions in a terminal.
type Prompter interface {
	// Select offers options and returns the index of the one chosen.
	Select(message string, options []string, defaultIndex int) (int, error)
	// Input asks for one line of text; help is shown under the question.
	Input(message, help string) (string, error)
	// InputDefault asks for one line of text, offering def.
	InputDefault(message, def string) (string, error)
	// InputEdit asks for one line of text, starting from text already
	// typed, which the person can change: for a line that was refused, so
	// that it need not be typed again.
	InputEdit(message, help, text string) (string, error)
	// Multiline asks for text of several lines, starting from def; two
	// empty lines end it.
	Multiline(message, def string) (string, error)
	// Confirm asks a yes/no question.
	Confirm(message string, defaultYes bool) (bool, error)
}
