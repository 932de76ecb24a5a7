// Package editor lets a person change a file in their own text editor, and
// brings them back to it until the file is valid: the errors go at the top
// as comments, their own comments and text are kept, and nothing they wrote
// is lost when the editor fails.
package editor

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"github.com/kballard/go-shellquote"
)

// Command returns the editor to run, as program and arguments:
// ACCTGUARD_EDITOR, then VISUAL, then EDITOR, then nano when it is
// installed, else vi (notepad on Windows). A value with arguments, such as
// "code --wait", is split as a shell would.
func Command(getenv func(string) string, lookPath func(string) (string, error)) ([]string, error) {
	for _, name := range []string{"ACCTGUARD_EDITOR", "VISUAL", "EDITOR"} {
		v := strings.TrimSpace(getenv(name))
		if v == "" {
			continue
		}
		argv, err := shellquote.Split(v)
		if err != nil || len(argv) == 0 {
			return nil, fmt.Errorf("%s=%q cannot be read as a command: %v", name, v, err)
		}
		return argv, nil
	}
	if runtime.GOOS == "windows" {
		return []string{"notepad"}, nil
	}
	if _, err := lookPath("nano"); err == nil {
		return []string{"nano"}, nil
	}
	return []string{"vi"}, nil
}

// headerPrefix starts every line acctguard adds at the top of the file.
// Only these lines are removed again; the person's own comments stay.
const headerPrefix = "# acctguard: "

// Outcome is how an edit ended.
type Outcome int

const (
	// Saved: the file changed and is valid.
	Saved Outcome = iota
	// Unchanged: the file was saved as it was.
	Unchanged
	// Emptied: the person emptied the file to cancel.
	Emptied
)

// Problem is one mistake found in the edited text, at a line of it.
type Problem struct {
	Line int    // 1-based line of the text without our header; 0 for none
	Col  int    // 1-based column; 0 for none
	Text string // the message, without position
}

// Loop runs the edit-validate-reopen cycle.
type Loop struct {
	// Editor is the program and its arguments; the file is added last.
	Editor []string
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Dir is where the temporary file is made; "" means os.TempDir().
	Dir string
	// Check validates the text and returns its problems, if any.
	Check func(text []byte) []Problem
	// Intro is written as the header of the first round, when the text
	// has no problems yet; empty for none.
	Intro []string
	// Header writes the lines above a text that has problems, in the
	// person's language; nil writes them in English.
	Header func(problems []Problem) []string
}

// FailedError is returned when the editor could not be run or did not end
// well. The text is kept in Path so that nothing typed is lost.
type FailedError struct {
	Path string
	Err  error
}

func (e *FailedError) Error() string {
	return fmt.Sprintf("the editor did not finish (%v); your text is kept in %s", e.Err, e.Path)
}

func (e *FailedError) Unwrap() error { return e.Err }

// Edit lets the person edit text under the given file name (its extension
// matters to editors). It returns the valid new text and how the edit
// ended. The temporary file is removed unless the editor failed.
func (l *Loop) Edit(name string, text []byte) ([]byte, Outcome, error) {
	f, err := os.CreateTemp(l.Dir, "acctguard-*-"+name)
	if err != nil {
		return nil, 0, err
	}
	path := f.Name()
	f.Close()
	// CreateTemp makes the file 0600 already; say so for the reader.
	if err := os.Chmod(path, 0o600); err != nil {
		return nil, 0, err
	}

	content := withHeader(l.Intro, text)
	for {
		if err := os.WriteFile(path, content, 0o600); err != nil {
			return nil, 0, err
		}
		if err := l.run(path); err != nil {
			return nil, 0, &FailedError{Path: path, Err: err}
		}
		edited, err := os.ReadFile(path)
		if err != nil {
			return nil, 0, &FailedError{Path: path, Err: err}
		}
		body := StripHeader(edited)
		switch {
		case len(bytes.TrimSpace(body)) == 0:
			os.Remove(path)
			return nil, Emptied, nil
		case bytes.Equal(body, text):
			os.Remove(path)
			return text, Unchanged, nil
		}
		problems := l.Check(body)
		if len(problems) == 0 {
			os.Remove(path)
			return body, Saved, nil
		}
		header := problemHeader
		if l.Header != nil {
			header = l.Header
		}
		content = withHeader(header(problems), body)
	}
}

func (l *Loop) run(path string) error {
	if len(l.Editor) == 0 {
		return errors.New("no editor is set")
	}
	cmd := exec.Command(l.Editor[0], append(l.Editor[1:], path)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = l.Stdin, l.Stdout, l.Stderr
	return cmd.Run()
}

// Words are the texts of the header above a text with problems, in the
// person's language.
type Words struct {
	First string // the first line: how many problems, what to do
	At    string // a problem at a line and column: "line %d, column %d: %s"
	Line  string // a problem at a line: "line %d: %s"
	More  string // after the problems listed, how many more; "" for none
}

// Header lists the problems under w.First, with lines counted as the
// person will see them: below the header itself.
func Header(problems []Problem, w Words) []string {
	n := len(problems) + 2 // the problems, the first line and a blank comment line
	if w.More != "" {
		n++
	}
	lines := []string{w.First}
	for _, p := range problems {
		switch {
		case p.Line > 0 && p.Col > 0:
			lines = append(lines, fmt.Sprintf(w.At, p.Line+n, p.Col, p.Text))
		case p.Line > 0:
			lines = append(lines, fmt.Sprintf(w.Line, p.Line+n, p.Text))
		default:
			lines = append(lines, p.Text)
		}
	}
	if w.More != "" {
		lines = append(lines, w.More)
	}
	return append(lines, "")
}

// problemHeader is Header in English.
func problemHeader(problems []Problem) []string {
	fix := "fix them"
	if len(problems) == 1 {
		fix = "fix it"
	}
	return Header(problems, Words{
		First: fmt.Sprintf("the file has %s; %s and save, or empty the file to cancel.", plural(len(problems), "mistake"), fix),
		At:    "line %d, column %d: %s",
		Line:  "line %d: %s",
	})
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// withHeader puts header lines, each marked as ours, above text.
func withHeader(header []string, text []byte) []byte {
	var b bytes.Buffer
	for _, h := range header {
		b.WriteString(strings.TrimRight(headerPrefix+h, " "))
		b.WriteByte('\n')
	}
	b.Write(text)
	return b.Bytes()
}

// StripHeader removes the lines acctguard put at the top, and nothing
// else: a comment the person wrote, even at the top, stays.
func StripHeader(text []byte) []byte {
	for {
		line, rest, found := bytes.Cut(text, []byte("\n"))
		l := strings.TrimRight(string(line), "\r")
		if l != strings.TrimSpace(headerPrefix) && !strings.HasPrefix(l, headerPrefix) {
			return text
		}
		if !found {
			return nil
		}
		text = rest
	}
}
