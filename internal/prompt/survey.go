package prompt

import (
	"errors"
	"io"
	"strings"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/term"

	"github.com/acctguard/acctguard/internal/visible"
	"github.com/acctguard/acctguard/internal/wrap"
)

// Survey is the Prompter for a real terminal. This is the only file of
// acctguard that may import survey.
//
// Every text a prompt shows may quote a playbook or what was typed
// before, so control characters in it are made visible (package visible);
// what the person types comes back as typed.
type Survey struct {
	stdio survey.AskOpt
	out   terminal.FileWriter
	hint  string // the select hint, to measure the question's lines
}

// Texts are survey's own words, in the person's language.
type Texts struct {
	// SelectHint replaces "Use arrows to move, type to filter".
	SelectHint string
	// MoreHelp replaces "for help" after the "?" key.
	MoreHelp string
	// MultilineHint replaces "Enter 2 empty lines to finish".
	MultilineHint string
	// Filtering replaces the select hint while typed letters narrow the
	// options; NoMatch while they leave none. Both say how to clear them.
	Filtering, NoMatch string
}

// survey's own templates, before NewSurvey puts the person's words in.
var (
	selectTemplate    = survey.SelectQuestionTemplate
	multilineTemplate = survey.MultilineQuestionTemplate
	inputTemplate     = survey.InputQuestionTemplate
)

// NewSurvey returns a Prompter reading in and drawing on out; errOut
// receives survey's own error lines.
func NewSurvey(in terminal.FileReader, out terminal.FileWriter, errOut io.Writer, color bool, texts Texts) *Survey {
	// survey keeps its colour switch and templates in package variables;
	// they are set here from the caller's decisions, each time from
	// survey's own, so that a second prompter (in the language of an
	// incident, say) replaces the first one's words.
	core.DisableColor = !color
	survey.SelectQuestionTemplate, survey.MultilineQuestionTemplate, survey.InputQuestionTemplate = selectTemplate, multilineTemplate, inputTemplate
	hint := "Use arrows to move, type to filter"
	if texts.SelectHint != "" {
		survey.SelectQuestionTemplate = strings.Replace(survey.SelectQuestionTemplate,
			"[Use arrows to move, type to filter", "["+texts.SelectHint, 1)
		hint = texts.SelectHint
	}
	// Typed letters filter the options; without a word about it, a person
	// who types sees the menu shrink, or vanish, for no reason.
	if texts.Filtering != "" && texts.NoMatch != "" {
		const open = `{{- color "cyan"}}[`
		if i := strings.Index(survey.SelectQuestionTemplate, open); i >= 0 && !strings.Contains(survey.SelectQuestionTemplate, texts.NoMatch) {
			j := i + len(open)
			rest := survey.SelectQuestionTemplate[j:]
			if k := strings.Index(rest, `]{{color "reset"}}`); k >= 0 {
				survey.SelectQuestionTemplate = survey.SelectQuestionTemplate[:i] + `{{- color "cyan"}}` +
					`{{- if not .FilterMessage}}[` + rest[:k] + `]` +
					`{{- else if .PageEntries}}[` + texts.Filtering + `]` +
					`{{- else}}[` + texts.NoMatch + `]{{- end}}` + rest[k+1:]
			}
		}
	}
	if texts.MultilineHint != "" {
		survey.MultilineQuestionTemplate = strings.Replace(survey.MultilineQuestionTemplate,
			"[Enter 2 empty lines to finish]", "["+texts.MultilineHint+"]", 1)
	}
	if texts.MoreHelp != "" {
		survey.InputQuestionTemplate = strings.Replace(survey.InputQuestionTemplate, " for help", " "+texts.MoreHelp, 1)
		survey.SelectQuestionTemplate = strings.Replace(survey.SelectQuestionTemplate, " for more help", " "+texts.MoreHelp, 1)
	}
	return &Survey{stdio: survey.WithStdio(in, out, errOut), out: out, hint: hint}
}

func (s *Survey) Select(message string, options []string, defaultIndex int) (int, error) {
	var i int
	shown := make([]string, len(options))
	for k, o := range options {
		shown[k] = visible.Line(o)
	}
	q := &survey.Select{Message: visible.Text(message), Options: shown, Default: defaultIndex, PageSize: s.pageSize(message, len(options))}
	err := survey.AskOne(q, &i, s.stdio, survey.WithShowCursor(true))
	return i, translate(err)
}

func (s *Survey) Input(message, help string) (string, error) {
	var answer string
	err := survey.AskOne(&survey.Input{Message: visible.Text(message), Help: visible.Text(help)}, &answer, s.stdio, survey.WithShowCursor(true))
	return answer, translate(err)
}

func (s *Survey) InputDefault(message, def string) (string, error) {
	var answer string
	shown := visible.Line(def)
	err := survey.AskOne(&survey.Input{Message: visible.Text(message), Default: shown}, &answer, s.stdio, survey.WithShowCursor(true))
	if answer == shown {
		answer = def // the default accepted, as it was
	}
	return answer, translate(err)
}

// InputEdit puts text on the line, where the person can change it: survey's
// Input can only offer a default, to take whole or type over. Control
// characters in text are shown as escapes there too, and come back so if
// they are left in.
func (s *Survey) InputEdit(message, help, text string) (string, error) {
	var answer string
	q := &editInput{Input: survey.Input{Message: visible.Text(message), Help: visible.Text(help)}, text: visible.Line(text)}
	err := survey.AskOne(q, &answer, s.stdio, survey.WithShowCursor(true))
	return answer, translate(err)
}

// editInput is survey's Input prompt with its line filled in to start with.
type editInput struct {
	survey.Input
	text     string
	showHelp bool
}

func (e *editInput) Prompt(config *survey.PromptConfig) (interface{}, error) {
	for {
		err := e.Render(survey.InputQuestionTemplate, survey.InputTemplateData{Input: e.Input, ShowHelp: e.showHelp, Config: config})
		if err != nil {
			return "", err
		}
		line, err := e.readLine()
		if err != nil {
			return "", err
		}
		if line == config.HelpInput && e.Help != "" && !e.showHelp {
			e.showHelp = true
			continue
		}
		e.AppendRenderedText(line)
		return line, nil
	}
}

func (e *editInput) readLine() (string, error) {
	rr := e.NewRuneReader()
	_ = rr.SetTermMode()
	defer func() { _ = rr.RestoreTermMode() }()
	line, err := rr.ReadLineWithDefault(0, []rune(e.text))
	if err != nil {
		return "", err
	}
	// The reader ends with a new line; go back up so that the answer is
	// drawn on the prompt's line, as survey's Input does.
	e.NewCursor().Up(1)
	return string(line), nil
}

// Multiline uses survey's Multiline prompt, never survey.Editor: that one
// reads the editor once at start-up, writes a byte-order mark and can
// leave temp files behind.
func (s *Survey) Multiline(message, def string) (string, error) {
	var answer string
	shown := visible.Text(def)
	err := survey.AskOne(&survey.Multiline{Message: visible.Text(message), Default: shown}, &answer, s.stdio, survey.WithShowCursor(true))
	if answer == shown {
		answer = def // the default accepted, as it was
	}
	return answer, translate(err)
}

func (s *Survey) Confirm(message string, defaultYes bool) (bool, error) {
	var yes bool
	err := survey.AskOne(&survey.Confirm{Message: visible.Text(message), Default: defaultYes}, &yes, s.stdio)
	return yes, translate(err)
}

// pageSize is how many of n options fit on the terminal under the
// question: a longer menu would push the question, and the cursor, off the
// top of the screen. survey scrolls the rest into view.
func (s *Survey) pageSize(message string, n int) int {
	cols, rows, err := term.GetSize(int(s.out.Fd()))
	if err != nil || rows <= 0 || cols <= 0 {
		return n
	}
	return PageSize(rows, cols, wrap.Width("? "+message+"  ["+s.hint+"]"), n)
}

// PageSize is how many of n options fit in a terminal of rows x cols
// under a question of the given width: the question's lines and one spare
// line are kept, and at least 3 options are shown.
func PageSize(rows, cols, question, n int) int {
	lines := (question + cols - 1) / cols
	return max(min(n, rows-lines-1), min(n, 3))
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
