// Package iostreams is the one place that knows about terminals: where
// input and output go, whether they are terminals, and whether to colour.
package iostreams

import (
	"bytes"
	"io"
	"os"
	"sync"

	"github.com/fatih/color"
	"github.com/mattn/go-isatty"
	"golang.org/x/term"
)

// IOStreams carries the standard streams and what is known about them.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY  bool
	stdoutTTY bool
	color     bool
	width     int
}

// System returns the process's streams. Colour is on only when standard
// output is a terminal, NO_COLOR is unset and TERM is not "dumb".
func System(getenv func(string) string) *IOStreams {
	s := &IOStreams{
		In:        os.Stdin,
		Out:       &failWriter{w: os.Stdout},
		ErrOut:    os.Stderr,
		stdinTTY:  isTerminal(os.Stdin),
		stdoutTTY: isTerminal(os.Stdout),
	}
	s.color = s.stdoutTTY && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
	if s.stdoutTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			s.width = w
		}
	}
	return s
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// Test returns streams backed by buffers, not terminals, without colour.
func Test() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: &failWriter{w: out}, ErrOut: errOut}, in, out, errOut
}

// SetOut sends output to w, keeping track of failed writes as System's
// streams do: for a test whose output cannot be written.
func (s *IOStreams) SetOut(w io.Writer) { s.Out = &failWriter{w: w} }

// OutputError returns the first error met writing to Out, such as a full
// disk or a closed pipe, or nil: output that was lost, even where the
// code printing it did not look at the error, so that the command can
// still fail.
func (s *IOStreams) OutputError() error {
	if fw, ok := s.Out.(*failWriter); ok {
		fw.mu.Lock()
		defer fw.mu.Unlock()
		return fw.err
	}
	return nil
}

// failWriter passes writes on and keeps the first error.
type failWriter struct {
	w   io.Writer
	mu  sync.Mutex
	err error
}

func (f *failWriter) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if err != nil {
		f.mu.Lock()
		if f.err == nil {
			f.err = err
		}
		f.mu.Unlock()
	}
	return n, err
}

// SetTTY makes a test's streams behave as terminals or not.
func (s *IOStreams) SetTTY(stdin, stdout bool) {
	s.stdinTTY, s.stdoutTTY = stdin, stdout
}

// SetWidth sets the terminal width a test's output is wrapped to.
func (s *IOStreams) SetWidth(cells int) { s.width = cells }

// WrapWidth returns the width to wrap text for people to: the terminal's,
// at most 100 cells so that lines stay easy to follow, or 0 (do not wrap)
// when output is not a terminal.
func (s *IOStreams) WrapWidth() int {
	if !s.stdoutTTY {
		return 0
	}
	switch {
	case s.width <= 0:
		return 80
	case s.width > 100:
		return 100
	}
	return s.width
}

// IsStdoutTTY reports whether output goes to a terminal, where it may be
// aligned and coloured; otherwise it is plain and tab-separated.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// CanPrompt reports whether questions can be asked: both standard input
// and standard output must be terminals.
func (s *IOStreams) CanPrompt() bool { return s.stdinTTY && s.stdoutTTY }

// SetColorEnabled turns colour on or off, as --no-color does.
func (s *IOStreams) SetColorEnabled(on bool) { s.color = on }

// ColorEnabled reports whether output is coloured.
func (s *IOStreams) ColorEnabled() bool { return s.color }

// ColorScheme returns the styles to print with, honouring ColorEnabled.
func (s *IOStreams) ColorScheme() *ColorScheme {
	return &ColorScheme{enabled: s.color}
}

// ColorScheme styles text for output. It decides per call, from the
// streams, and never from fatih/color's package-level switch.
type ColorScheme struct{ enabled bool }

func (c *ColorScheme) style(attrs ...color.Attribute) func(string) string {
	st := color.New(attrs...)
	if c.enabled {
		st.EnableColor()
	} else {
		st.DisableColor()
	}
	return func(s string) string { return st.Sprint(s) }
}

func (c *ColorScheme) Bold(s string) string   { return c.style(color.Bold)(s) }
func (c *ColorScheme) Dim(s string) string    { return c.style(color.Faint)(s) }
func (c *ColorScheme) Cyan(s string) string   { return c.style(color.FgCyan, color.Bold)(s) }
func (c *ColorScheme) Yellow(s string) string { return c.style(color.FgYellow)(s) }
func (c *ColorScheme) Red(s string) string    { return c.style(color.FgRed)(s) }
func (c *ColorScheme) Green(s string) string  { return c.style(color.FgGreen)(s) }
