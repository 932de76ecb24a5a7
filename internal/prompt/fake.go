package prompt

import (
	"fmt"
	"io"
	"strings"
)

// Fake is a Prompter for tests: it answers from a script and writes each
// question and answer to Out, so a test can compare the whole screen.
type Fake struct {
	Out io.Writer
	// Answers are consumed in order: for Select the label of the option
	// to choose, for Input the text, for Confirm "yes" or "no". The
	// answer "^C" stands for the person pressing Ctrl-C.
	Answers []string
}

func (f *Fake) next(message string) (string, error) {
	if len(f.Answers) == 0 {
		return "", fmt.Errorf("fake prompter: no answer left for %q", message)
	}
	a := f.Answers[0]
	f.Answers = f.Answers[1:]
	if a == "^C" {
		fmt.Fprintf(f.Out, "? %s ^C\n", message)
		return "", ErrCancelled
	}
	return a, nil
}

func (f *Fake) Select(message string, options []string, defaultIndex int) (int, error) {
	a, err := f.next(message)
	if err != nil {
		return 0, err
	}
	for i, o := range options {
		if o == a {
			fmt.Fprintf(f.Out, "? %s %s\n", message, a)
			return i, nil
		}
	}
	return 0, fmt.Errorf("fake prompter: %q is not one of %q", a, strings.Join(options, " | "))
}

func (f *Fake) Input(message, help string) (string, error) {
	a, err := f.next(message)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(f.Out, "? %s %s\n", message, a)
	return a, nil
}

// InputDefault takes the answer "" (an empty string in Answers) as
// accepting the default.
func (f *Fake) InputDefault(message, def string) (string, error) {
	a, err := f.next(message)
	if err != nil {
		return "", err
	}
	if a == "" {
		a = def
	}
	fmt.Fprintf(f.Out, "? %s %s\n", message, a)
	return a, nil
}

// InputEdit writes the text it starts from in brackets; the answer is the
// whole line as the person leaves it.
func (f *Fake) InputEdit(message, help, text string) (string, error) {
	a, err := f.next(message)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(f.Out, "? %s [%s] %s\n", message, text, a)
	return a, nil
}

// Multiline answers with the next answer; "\n" in it separates lines.
func (f *Fake) Multiline(message, def string) (string, error) {
	a, err := f.next(message)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(f.Out, "? %s\n%s\n", message, a)
	return a, nil
}

func (f *Fake) Confirm(message string, defaultYes bool) (bool, error) {
	a, err := f.next(message)
	if err != nil {
		return false, err
	}
	fmt.Fprintf(f.Out, "? %s %s\n", message, a)
	return a == "yes", nil
}
