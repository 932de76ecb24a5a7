package prompt

import (
	"errors"
	"io"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
)

// Survey is the Prompter for a real terminal. This is the only file of
// acctguard that may import survey.
type Survey struct {
	stdio survey.AskOpt
}

// NewSurvey returns a Prompter reading in and drawing on out; errOut
// receives survey's own error lines.
func NewSurvey(in terminal.FileReader, out terminal.FileWriter, errOut io.Writer, color bool) *Survey {
	// survey keeps its colour switch in a package variable; it is set here,
	// from the decision the caller made once.
	core.DisableColor = !color
	return &Survey{stdio: survey.WithStdio(in, out, errOut)}
}

func (s *Survey) Select(message string, options []string, defaultIndex int) (int, error) {
	var i int
	q := &survey.Select{Message: message, Options: options, Default: defaultIndex, PageSize: len(options)}
	err := survey.AskOne(q, &i, s.stdio, survey.WithShowCursor(true))
	return i, translate(err)
}

func (s *Survey) Input(message, help string) (string, error) {
	var answer string
	err := survey.AskOne(&survey.Input{Message: message, Help: help}, &answer, s.stdio, survey.WithShowCursor(true))
	return answer, translate(err)
}

func (s *Survey) Confirm(message string, defaultYes bool) (bool, error) {
	var yes bool
	err := survey.AskOne(&survey.Confirm{Message: message, Default: defaultYes}, &yes, s.stdio)
	return yes, translate(err)
}

// translate keeps survey's errors inside this file.
func translate(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, terminal.InterruptErr), errors.Is(err, io.EOF):
		return ErrCancelled
	}
	return err
}
