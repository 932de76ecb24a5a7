package prompt

import (
	"errors"
	"fmt"
	"io"
	"slices"
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
	// Yes and No replace the answer shown after a yes/no question;
	// YesNo and NoYes the "(Y/n)" and "(y/N)" after it.
	Yes, No, YesNo, NoYes string
}

// survey's own templates, before NewSurvey puts the person's words in.
var (
	selectTemplate    = survey.SelectQuestionTemplate
	multilineTemplate = survey.MultilineQuestionTemplate
	inputTemplate     = survey.InputQuestionTemplate
	confirmTemplate   = survey.ConfirmQuestionTemplate
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
	survey.ConfirmQuestionTemplate = confirmTemplate
	if texts.Yes != "" && texts.No != "" {
		survey.ConfirmQuestionTemplate = strings.Replace(survey.ConfirmQuestionTemplate,
			"{{.Answer}}", `{{if eq .Answer "Yes"}}`+texts.Yes+`{{else}}`+texts.No+`{{end}}`, 1)
	}
	if texts.YesNo != "" && texts.NoYes != "" {
		survey.ConfirmQuestionTemplate = strings.Replace(survey.ConfirmQuestionTemplate,
			"{{if .Default}}(Y/n) {{else}}(y/N) {{end}}", "{{if .Default}}"+texts.YesNo+" {{else}}"+texts.NoYes+" {{end}}", 1)
	}
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
	q := &survey.Select{Message: s.hintWhole(visible.Text(message)), Options: shown, Default: defaultIndex, PageSize: s.pageSize(message, len(options))}
	err := survey.AskOne(q, &i, s.stdio, survey.WithShowCursor(true))
	return i, translate(err)
}

func (s *Survey) Input(message, help string) (string, error) {
	return s.line(&lineInput{Input: survey.Input{Message: visible.Text(message), Help: visible.Text(help)}})
}

func (s *Survey) InputDefault(message, def string) (string, error) {
	shown := visible.Line(def)
	answer, err := s.line(&lineInput{Input: survey.Input{Message: visible.Text(message), Default: shown}})
	if answer == shown {
		answer = def // the default accepted, as it was
	}
	return answer, err
}

// InputEdit puts text on the line, where the person can change it.
// Control characters in text are shown as escapes there too, and come
// back so if they are left in.
func (s *Survey) InputEdit(message, help, text string) (string, error) {
	return s.line(&lineInput{Input: survey.Input{Message: visible.Text(message), Help: visible.Text(help)}, text: []rune(visible.Line(text))})
}

func (s *Survey) line(q *lineInput) (string, error) {
	q.out = s.out
	q.cols = func() int {
		w, _, err := term.GetSize(int(s.out.Fd()))
		if err != nil {
			return 0
		}
		return w
	}
	var answer string
	err := survey.AskOne(q, &answer, s.stdio, survey.WithShowCursor(true))
	return answer, translate(err)
}

// lineInput is survey's Input question with a line editor of its own.
// survey's reader counts one column per character and erases the line
// character by character when Enter is pressed, so a long line of
// Japanese, whose characters take two columns and wrap early, was erased
// wrongly: a fragment of the note stayed on the screen, or lines above it
// went. This one draws the question and the line afresh on each key, from
// the question's first row down (clearing what is below), with each
// character's real width and the terminal's real wrapping, so what is on
// the screen is always exactly the question and the line.
type lineInput struct {
	survey.Input
	out      io.Writer
	cols     func() int // the terminal's width; 0 when it is not known
	text     []rune     // the line as typed so far
	at       int        // the cursor, as an index into text
	showHelp bool
	row      int // the terminal cursor's row, counted from the question's first
}

func (q *lineInput) Prompt(config *survey.PromptConfig) (interface{}, error) {
	rr := q.NewRuneReader()
	if err := rr.SetTermMode(); err != nil {
		return "", err
	}
	defer func() { _ = rr.RestoreTermMode() }()
	q.at = len(q.text)
	if err := q.draw(config); err != nil {
		return "", err
	}
	for {
		r, _, err := rr.ReadRune()
		if err != nil {
			return "", err
		}
		if line, done, err := q.key(r, config); done || err != nil {
			return line, err
		}
		if err := q.draw(config); err != nil {
			return "", err
		}
	}
}

// key takes one key: done is true when it ends the question, with the
// line to answer.
func (q *lineInput) key(r rune, config *survey.PromptConfig) (line string, done bool, err error) {
	switch r {
	case terminal.KeyInterrupt:
		// Leave the cursor after the line, so that what is printed
		// next does not write over it.
		q.at = len(q.text)
		_ = q.draw(config)
		return "", true, terminal.InterruptErr
	case terminal.KeyEnter, '\n', terminal.KeyEndTransmission:
		line := string(q.text)
		if line == config.HelpInput && q.Help != "" && !q.showHelp {
			q.showHelp, q.text, q.at = true, nil, 0
			return "", false, nil
		}
		if line == "" {
			line = q.Default
		}
		return line, true, nil
	case terminal.KeyBackspace, terminal.KeyDelete:
		if q.at > 0 {
			q.text = slices.Delete(q.text, q.at-1, q.at)
			q.at--
		}
	case terminal.SpecialKeyDelete:
		if q.at < len(q.text) {
			q.text = slices.Delete(q.text, q.at, q.at+1)
		}
	case terminal.KeyArrowLeft:
		q.at = max(0, q.at-1)
	case terminal.KeyArrowRight:
		q.at = min(len(q.text), q.at+1)
	case terminal.SpecialKeyHome:
		q.at = 0
	case terminal.SpecialKeyEnd:
		q.at = len(q.text)
	case terminal.KeyDeleteLine, 0x15: // Ctrl-X, Ctrl-U
		q.text, q.at = nil, 0
	case terminal.KeyDeleteWord:
		i := q.at
		for i > 0 && q.text[i-1] == ' ' {
			i--
		}
		for i > 0 && q.text[i-1] != ' ' {
			i--
		}
		q.text, q.at = slices.Delete(q.text, i, q.at), i
	default:
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return "", false, nil // another control key: nothing to type
		}
		q.text = slices.Insert(q.text, q.at, r)
		q.at++
	}
	return "", false, nil
}

// Cleanup leaves the question with its answer, as survey does.
func (q *lineInput) Cleanup(config *survey.PromptConfig, val interface{}) error {
	user, _, err := core.RunTemplate(survey.InputQuestionTemplate, survey.InputTemplateData{
		Input: q.Input, ShowAnswer: true, Answer: val.(string), Config: config,
	})
	if err != nil {
		return err
	}
	q.home()
	_, err = io.WriteString(q.out, user)
	return err
}

// home takes the terminal cursor to the question's first row and clears
// from there down.
func (q *lineInput) home() {
	if q.row > 0 {
		fmt.Fprintf(q.out, "\x1b[%dA", q.row)
	}
	io.WriteString(q.out, "\r\x1b[J")
	q.row = 0
}

// draw writes the question and the line, and puts the cursor at q.at.
func (q *lineInput) draw(config *survey.PromptConfig) error {
	user, layout, err := core.RunTemplate(survey.InputQuestionTemplate, survey.InputTemplateData{
		Input: q.Input, ShowHelp: q.showHelp, Config: config,
	})
	if err != nil {
		return err
	}
	cols := q.cols()
	q.home()
	// What is typed is shown as it will be kept, with control characters
	// (pasted, say) made visible.
	line := visible.Line(string(q.text))
	io.WriteString(q.out, user+line)
	endRow, endCol := place(layout+line, cols)
	if cols > 0 && endCol == cols {
		// The line ends at the right edge, where terminals leave the
		// cursor waiting: go on to a fresh row, so that rows are counted
		// as the terminal has them.
		io.WriteString(q.out, "\r\n")
		endRow, endCol = endRow+1, 0
	}
	row, col := place(layout+visible.Line(string(q.text[:q.at])), cols)
	if cols > 0 && (col == cols || q.at < len(q.text) && col+wrap.RuneWidth(q.text[q.at]) > cols) {
		row, col = row+1, 0 // the next character starts the next row
	}
	if up := endRow - row; up > 0 {
		fmt.Fprintf(q.out, "\x1b[%dA", up)
	}
	if col != endCol || endRow != row {
		fmt.Fprintf(q.out, "\r")
		if col > 0 {
			fmt.Fprintf(q.out, "\x1b[%dC", col)
		}
	}
	q.row = row
	return nil
}

// place returns where text written from the start of a row leaves the
// cursor in a terminal cols wide: rows down, and the column, which is
// cols when the last row is full. A character too wide for what is left
// of a row starts the next one, as terminals do. cols 0 is a terminal of
// unknown width: nothing wraps.
func place(text string, cols int) (row, col int) {
	for _, r := range text {
		if r == '\n' {
			row, col = row+1, 0
			continue
		}
		w := wrap.RuneWidth(r)
		if cols > 0 && col+w > cols {
			row, col = row+1, 0
		}
		col += w
	}
	return row, col
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

// hintWhole ends message with a line break when the menu's hint after it
// would not fit on the question's last row: the terminal would break the
// hint in two ("[" at the end of one row, "Use arrows…" on the next).
func (s *Survey) hintWhole(message string) string {
	cols, _, err := term.GetSize(int(s.out.Fd()))
	if err != nil || cols <= 0 {
		return message
	}
	return HintWhole(message, s.hint, cols)
}

// HintWhole is hintWhole on a terminal cols wide.
func HintWhole(message, hint string, cols int) string {
	used := wrap.Width("? "+message) % cols
	if used+wrap.Width("  ["+hint+"]") > cols {
		return message + "\n"
	}
	return message
}

// pageSize is how many of n options fit on the terminal under the
// question: a longer menu would push the question, and the cursor, off the
// top of the screen. survey scrolls the rest into view.
func (s *Survey) pageSize(message string, n int) int {
	cols, rows, err := term.GetSize(int(s.out.Fd()))
	if err != nil || rows <= 0 || cols <= 0 {
		return n
	}
	width := wrap.Width("? " + message + "  [" + s.hint + "]")
	if strings.HasSuffix(HintWhole(message, s.hint, cols), "\n") {
		// The hint starts a row of its own.
		q := wrap.Width("? " + message)
		width = (q+cols-1)/cols*cols + wrap.Width("  ["+s.hint+"]")
	}
	return PageSize(rows, cols, width, n)
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
