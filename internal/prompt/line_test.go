package prompt

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"

	"github.com/acctguard/acctguard/internal/wrap"
)

// screen is a terminal just good enough to check what lineInput draws:
// characters of one and two columns, the wait at the right edge before
// wrapping, CR, LF (as CR LF), cursor up (ESC [ n A) and forward (ESC [ n C), and
// clear to the end of the screen (ESC [ J).
type screen struct {
	cols     int
	rows     [][]rune // a wide character is followed by a 0 cell
	row, col int
}

func (s *screen) cell(r, c int) *rune {
	for len(s.rows) <= r {
		s.rows = append(s.rows, nil)
	}
	for len(s.rows[r]) <= c {
		s.rows[r] = append(s.rows[r], ' ')
	}
	return &s.rows[r][c]
}

func (s *screen) Write(p []byte) (int, error) {
	for i := 0; i < len(p); {
		if p[i] == 0x1b {
			j := i + 2
			for j < len(p) && (p[j] < '@' || p[j] > '~') {
				j++
			}
			n, _ := strconv.Atoi(string(p[i+2 : j]))
			switch p[j] {
			case 'A':
				s.row = max(0, s.row-max(n, 1))
				s.col = min(s.col, s.cols-1)
			case 'C':
				s.col = min(s.cols-1, s.col+max(n, 1))
			case 'J':
				if s.row < len(s.rows) {
					if s.col < len(s.rows[s.row]) {
						s.rows[s.row] = s.rows[s.row][:s.col]
					}
					s.rows = s.rows[:s.row+1]
				}
			}
			i = j + 1
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		i += size
		switch r {
		case '\r':
			s.col = 0
		case '\n': // the terminal's output processing adds the CR
			s.row, s.col = s.row+1, 0
		default:
			w := wrap.RuneWidth(r)
			if s.col+w > s.cols {
				s.row, s.col = s.row+1, 0
			}
			*s.cell(s.row, s.col) = r
			if w == 2 {
				*s.cell(s.row, s.col+1) = 0
			}
			s.col += w
		}
	}
	return len(p), nil
}

func (s *screen) String() string {
	var b strings.Builder
	for _, row := range s.rows {
		b.WriteString(strings.TrimRight(strings.ReplaceAll(string(row), "\x00", ""), " "))
		b.WriteByte('\n')
	}
	return b.String()
}

// Whatever is typed into a long line of Japanese mixed with digits, with
// the cursor moved back into it, the screen holds the line above, the
// question and the line, nothing else; once answered, the question with
// its answer. survey's own reader, counting a column per character, left
// fragments of such a note, or erased lines above it.
func TestLineInputRedrawsExactly(t *testing.T) {
	core.DisableColor = true
	config := &survey.PromptConfig{
		Icons:     survey.IconSet{Question: survey.Icon{Text: "?"}, Help: survey.Icon{Text: "i"}},
		HelpInput: "?",
	}
	note := string([]rune(strings.Repeat("あ1いう", 40))[:160])
	for _, cols := range []int{60, 61, 100, 13} {
		sc := &screen{cols: cols}
		sc.Write([]byte("above\r\n"))
		q := &lineInput{Input: survey.Input{Message: "メモ：", Help: "ヘルプ"}, out: sc, cols: func() int { return cols }}
		if err := q.draw(config); err != nil {
			t.Fatal(err)
		}
		keys := []rune(note)
		keys = append(keys, terminal.KeyArrowLeft, terminal.KeyArrowLeft, terminal.KeyArrowLeft, 'X', 'ん', terminal.KeyBackspace)
		for i, k := range keys {
			if _, _, err := q.key(k, config); err != nil {
				t.Fatal(err)
			}
			if err := q.draw(config); err != nil {
				t.Fatal(err)
			}
			typed := "? メモ： [? for help] " + string(q.text)
			if want := "above\n" + layout(typed, cols); sc.String() != want {
				t.Fatalf("%d columns, after %d keys the screen is\n%s\nwant\n%s", cols, i+1, sc, want)
			}
			// The cursor is where the next character goes (the screen's
			// row 0 is the line above).
			row, col := place(typed[:len(typed)-len(string(q.text[q.at:]))], cols)
			if col == cols || q.at < len(q.text) && col+wrap.RuneWidth(q.text[q.at]) > cols {
				row, col = row+1, 0
			}
			if sc.row != row+1 || sc.col != col {
				t.Fatalf("%d columns, after %d keys the cursor is at %d,%d, want %d,%d", cols, i+1, sc.row-1, sc.col, row, col)
			}
		}
		answer, done, err := q.key(terminal.KeyEnter, config)
		if err != nil || !done {
			t.Fatalf("Enter: done %v, %v", done, err)
		}
		if err := q.Cleanup(config, answer); err != nil {
			t.Fatal(err)
		}
		want := "above\n" + layout("? メモ： "+answer, cols)
		if sc.String() != want {
			t.Errorf("%d columns, answered, the screen is\n%s\nwant\n%s", cols, sc, want)
		}
		if rows := strings.Count(want, "\n"); sc.row != rows || sc.col != 0 {
			t.Errorf("%d columns, answered, the cursor is at %d,%d, want the start of row %d", cols, sc.row, sc.col, rows)
		}
	}
}

// layout is text as a terminal cols wide shows it, one row per line.
func layout(text string, cols int) string {
	var b bytes.Buffer
	col := 0
	for _, r := range text {
		w := wrap.RuneWidth(r)
		if col+w > cols {
			b.WriteByte('\n')
			col = 0
		}
		b.WriteRune(r)
		col += w
	}
	return strings.TrimRight(b.String(), " ") + "\n"
}
