//go:build linux

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"
)

const walkPlaybook = `schema: 1
id: walk
title: Walk
steps:
  - {id: look, title: Look at the email, phase: verify}
  - id: can-sign-in
    title: "Can you sign in?"
    phase: contain
    kind: question
    question: "Can you sign in now?"
    options: [{value: "yes", label: "Yes, I can"}, {value: "no", label: "No"}]
  - {id: change, title: Change the password, phase: contain, when: {can-sign-in: "yes"}}
  - {id: sign-out, title: Sign out everywhere, phase: contain, after: [change]}
  - {id: check-card, title: Check the card, phase: recover}
`

// ptySession runs acctguard in a pseudo-terminal whose screen is kept by
// a terminal emulator, so that survey's real widgets draw and read keys
// as they would for a person.
type ptySession struct {
	t       *testing.T
	console *expect.Console
	cmd     *exec.Cmd
	screen  vt10x.Terminal
	// output is every byte the program wrote, before the emulator
	// interprets it.
	output *lockedBuffer
}

// lockedBuffer collects output written from the console's goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func startPTY(t *testing.T, env []string, args ...string) *ptySession {
	t.Helper()
	return startPTYSize(t, 100, 40, env, args...)
}

// startPTYSize is startPTY on a terminal of cols x rows, which the
// program sees as its window size.
func startPTYSize(t *testing.T, cols, rows int, env []string, args ...string) *ptySession {
	t.Helper()
	bin, err := exec.LookPath("acctguard") // installed by testscript.Main
	if err != nil {
		t.Skip("acctguard is not on PATH:", err)
	}
	// The emulator answers survey's cursor-position queries; its answers
	// go back to the program as typed input.
	answers := &forward{}
	term := vt10x.New(vt10x.WithSize(cols, rows), vt10x.WithWriter(answers))
	output := &lockedBuffer{}
	console, err := expect.NewConsole(expect.WithStdout(term, output), expect.WithDefaultTimeout(20*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	ws := &unix.Winsize{Col: uint16(cols), Row: uint16(rows)}
	if err := unix.IoctlSetWinsize(int(console.Tty().Fd()), unix.TIOCSWINSZ, ws); err != nil {
		t.Fatal(err)
	}
	answers.to = console
	t.Cleanup(func() { console.Close() })
	cmd := exec.Command(bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = console.Tty(), console.Tty(), console.Tty()
	cmd.Env = env
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return &ptySession{t: t, console: console, cmd: cmd, screen: term, output: output}
}

type forward struct{ to *expect.Console }

func (f *forward) Write(b []byte) (int, error) {
	if f.to == nil {
		return len(b), nil
	}
	return f.to.Write(b)
}

// expect waits for s on the screen.
func (p *ptySession) expect(s string) {
	p.t.Helper()
	if _, err := p.console.ExpectString(s); err != nil {
		p.t.Fatalf("waiting for %q: %v", s, err)
	}
}

// raw reports whether the program has put the terminal in raw mode, as
// survey does while a prompt waits for keys. Keys sent before that are
// taken by the line discipline: Ctrl-C would become a signal.
func (p *ptySession) raw() bool {
	tio, err := unix.IoctlGetTermios(int(p.console.Tty().Fd()), unix.TCGETS)
	return err == nil && tio.Lflag&unix.ISIG == 0
}

// key waits until the prompt reads keys, then sends s. The caller waits
// for what the key brings on screen before sending the next one, so that
// a key never reaches a prompt that has already answered.
func (p *ptySession) key(s string) {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !p.raw() {
		if time.Now().After(deadline) {
			p.t.Fatal("the prompt never put the terminal in raw mode")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if _, err := p.console.Send(s); err != nil {
		p.t.Fatal(err)
	}
}

// wait returns the exit code, once the program has ended.
func (p *ptySession) wait() int {
	p.t.Helper()
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	// Keep reading the screen so the program never blocks on output.
	go p.console.ExpectEOF()
	select {
	case err := <-done:
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return exitErr.ExitCode()
		}
		if err != nil {
			p.t.Fatal(err)
		}
		return 0
	case <-time.After(20 * time.Second):
		p.cmd.Process.Kill()
		p.t.Fatal("acctguard did not exit")
		return -1
	}
}

// stateHas fails the test unless the state file holds each of wants.
func stateHas(t *testing.T, stateFile string, wants ...string) {
	t.Helper()
	raw, err := os.ReadFile(stateFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range wants {
		if !strings.Contains(string(raw), want) {
			t.Errorf("state file lacks %s:\n%s", want, raw)
		}
	}
}

func ptyEnv(t *testing.T) (env []string, stateFile string) {
	dir := t.TempDir()
	config := filepath.Join(dir, "config")
	if err := os.MkdirAll(filepath.Join(config, "acctguard", "playbooks"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(config, "acctguard", "playbooks", "walk.yaml"), []byte(walkPlaybook), 0o600); err != nil {
		t.Fatal(err)
	}
	env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + dir,
		"TERM=xterm-256color",
		"XDG_CONFIG_HOME=" + config,
		"XDG_STATE_HOME=" + filepath.Join(dir, "state"),
		"ACCTGUARD_NOW=2026-11-26T21:00:00+09:00",
		"ACCTGUARD_LANG=en",
	}
	return env, filepath.Join(dir, "state", "acctguard", "state.json")
}

// TestRespondInATerminal answers three steps with the real survey widgets,
// presses Ctrl-C at the fourth, and runs again to see it resume there.
func TestRespondInATerminal(t *testing.T) {
	env, stateFile := ptyEnv(t)

	p := startPTY(t, env, "respond", "walk")
	p.expect("[1/5] Verify · Look at the email")
	p.expect("What now?")
	p.key("\r") // Done, the first choice
	p.expect("Saved as done.")
	p.expect("Can you sign in now?")
	p.key("\r") // Yes, I can
	p.expect("Answer saved: Yes, I can")
	p.expect("[3/5] Contain · Change the password")
	p.key("\r")
	p.expect("[4/5] Contain · Sign out everywhere")
	p.expect("What now?")
	p.key("\x03") // Ctrl-C, read by survey in raw mode
	p.expect("Stopped. Everything you answered is saved.")
	p.expect("To continue, run: acctguard respond")
	if code := p.wait(); code != 130 {
		t.Fatalf("exit code %d, want 130", code)
	}
	if p.raw() {
		t.Error("the terminal was left in raw mode")
	}

	stateHas(t, stateFile, `"step": "look"`, `"answer": "yes"`, `"step": "change"`)

	p = startPTY(t, env, "respond")
	p.expect("Picking up incident 1 where you left off.")
	p.expect("[4/5] Contain · Sign out everywhere")
	p.key("\x03")
	if code := p.wait(); code != 130 {
		t.Fatalf("second run: exit code %d, want 130", code)
	}
}

// TestRespondSignalRestoresTerminal sends SIGTERM while a prompt has the
// terminal in raw mode: the terminal must come back as it was.
func TestRespondSignalRestoresTerminal(t *testing.T) {
	env, _ := ptyEnv(t)
	p := startPTY(t, env, "respond", "walk")
	p.expect("What now?")
	for deadline := time.Now().Add(20 * time.Second); !p.raw(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("never in raw mode")
		}
	}
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	p.expect("Stopped. Everything you answered is saved.")
	if code := p.wait(); code != 130 {
		t.Fatalf("exit code %d, want 130", code)
	}
	if p.raw() {
		t.Error("the terminal was left in raw mode after SIGTERM")
	}
}

// TestInteractiveEditInATerminal marks a step as first-hour and
// saves, through the real survey menus.
func TestInteractiveEditInATerminal(t *testing.T) {
	env, _ := ptyEnv(t)
	var config string
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "XDG_CONFIG_HOME="); ok {
			config = v
		}
	}
	file := filepath.Join(config, "acctguard", "playbooks", "walk.yaml")

	p := startPTY(t, env, "playbook", "edit", "walk", "--interactive")
	p.expect("What do you want to do?")
	p.key("\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\r") // five down: the first-hour item
	p.expect("Which step?")
	p.key("\r") // 1. Look at the email
	p.expect("is now one of the first hour")
	p.expect("What do you want to do?")
	p.key("\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\r") // seven down: save
	p.expect("Save these changes to")
	p.key("\r") // yes is the default
	p.expect("saved " + file)
	if code := p.wait(); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	saved, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(walkPlaybook, "{id: look, title: Look at the email, phase: verify}", "{id: look, title: Look at the email, phase: verify, critical: true}", 1)
	if string(saved) != want {
		t.Errorf("saved:\n%s\nwant:\n%s", saved, want)
	}
}

const lockedPlaybook = `schema: 1
id: locked
title: Locked out
steps:
  - id: mail
    title: Note when the lock email came
    phase: contain
    kind: time
    question: "When did the email arrive?"
  - {id: reset, title: Reset the password, phase: contain, delay: 5h, delay-from: mail}
`

// TestTimeAnswerInATerminal answers a time step through the real menu and
// text prompt: a time it cannot read is asked again, and the reset then
// waits five hours from the moment typed, not from the answer.
func TestTimeAnswerInATerminal(t *testing.T) {
	env, stateFile := ptyEnv(t)
	env = append(env, "TZ=UTC")
	for _, e := range env {
		if dir, ok := strings.CutPrefix(e, "XDG_CONFIG_HOME="); ok {
			if err := os.WriteFile(filepath.Join(dir, "acctguard", "playbooks", "locked.yaml"), []byte(lockedPlaybook), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	// ACCTGUARD_NOW is 21:00 in Tokyo, 12:00 UTC.
	p := startPTY(t, env, "respond", "locked")
	p.expect("[1/2] Contain · Note when the lock email came")
	p.expect("When did the email arrive?")
	p.key("\x1b[B\r") // Earlier: I will type the time
	p.expect("What time was it?")
	p.key("soon\r")
	p.expect(`acctguard cannot read "soon" as a time`)
	p.expect("What time was it?")
	p.key("11:40\r")
	p.expect("Time saved: Thu 26 Nov 11:40")
	p.expect("Reset the password")
	p.expect("16:40")
	if code := p.wait(); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	raw, err := os.ReadFile(stateFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), `"answer": "2026-11-26T11:40:00Z"`) {
		t.Errorf("state file lacks the time typed:\n%s", raw)
	}

	// The second night, a week on, with the incident still open: respond
	// asks whether anything new happened, and the lock-out steps come back.
	for i, e := range env {
		if strings.HasPrefix(e, "ACCTGUARD_NOW=") {
			env[i] = "ACCTGUARD_NOW=2026-12-03T22:30:00+09:00"
		}
	}
	p = startPTY(t, env, "respond")
	p.expect("Has anything new happened since")
	p.key("\x1b[B\r") // Yes, something new happened
	p.expect("When did it happen?")
	p.key("\r") // Just now
	p.expect("What happened? (optional)")
	p.key("second email: call customer service\r")
	p.expect("Recorded: the attack came back")
	p.expect("[1/2] Contain · Note when the lock email came")
	p.expect("When did the email arrive?")
	p.key("\x03")
	if code := p.wait(); code != 130 {
		t.Fatalf("second night: exit code %d, want 130", code)
	}
	raw, err = os.ReadFile(stateFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), `"action": "again"`) || !strings.Contains(string(raw), "second email: call customer service") {
		t.Errorf("state file lacks the second night:\n%s", raw)
	}
}

// TestLongMenuFitsTheTerminal opens the interactive editor's "move" menu
// on the built-in playbook's 40 steps in a 20-row terminal: the question
// and the cursor stay on the screen while the list scrolls under them.
// Letters typed that match nothing say so, and Backspace clears them.
func TestLongMenuFitsTheTerminal(t *testing.T) {
	env, _ := ptyEnv(t)
	p := startPTYSize(t, 100, 20, env, "playbook", "edit", "amazon-takeover", "--interactive")
	p.expect("What do you want to do?")
	p.key("\x1b[B\x1b[B\x1b[B\x1b[B\r") // four down: move a step
	p.expect("Which step do you want to move?")
	for range 30 {
		p.key("\x1b[B")
	}
	p.expect("> 31. ")
	time.Sleep(200 * time.Millisecond)
	screen := p.screen.String()
	if !strings.HasPrefix(screen, "? Which step do you want to move?") || !strings.Contains(screen, "> 31. ") {
		t.Errorf("the question or the cursor is off a 20-row screen:\n%s", screen)
	}
	p.key("zq")
	p.expect("no choice has what you typed; press Backspace to clear it")
	p.key("\x7f\x7f")
	p.expect("Use arrows to move")
	p.key("\x03")
	p.wait()
}

// TestRefusedNoteIsKeptToCorrect types a note holding a card number into
// the real prompt: it is refused and put back on the line, where deleting
// the number and typing the last digits is enough.
func TestRefusedNoteIsKeptToCorrect(t *testing.T) {
	env, stateFile := ptyEnv(t)
	p := startPTY(t, env, "respond", "walk")
	p.expect("What now?")
	p.key("\x1b[B\x1b[B\x1b[B\r") // three down: Add a note
	p.expect("Note:")
	p.key("stopped 4111 1111 1111 1111\r")
	p.expect("What you typed is kept")
	p.expect("stopped 4111 1111 1111 1111")
	p.key(strings.Repeat("\x7f", len("4111 1111 1111 1111")) + "the card ending 1111\r")
	p.expect("Note saved.")
	p.expect("What now?")
	p.key("\x03")
	if code := p.wait(); code != 130 {
		t.Fatalf("exit code %d, want 130", code)
	}
	raw, err := os.ReadFile(stateFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), `"note": "stopped the card ending 1111"`) || strings.Contains(string(raw), "4111 1111") {
		t.Errorf("state file:\n%s", raw)
	}
}

const hostilePlaybook = `schema: 1
id: hostile
title: "Bank \e]0;pwned\a"
steps:
  - id: ask
    title: "Can you sign in?"
    phase: contain
    kind: question
    question: "Can you sign in \e]0;pwned\a now?"
    options: [{value: "yes", label: "Yes \e]2;pwned\a"}, {value: "no", label: "No"}]
`

// TestPromptsShowControlCharacters draws a question whose texts hold
// escape sequences: the real prompt shows them as \x1b, never sends them.
func TestPromptsShowControlCharacters(t *testing.T) {
	env, _ := ptyEnv(t)
	for _, e := range env {
		if dir, ok := strings.CutPrefix(e, "XDG_CONFIG_HOME="); ok {
			if err := os.WriteFile(filepath.Join(dir, "acctguard", "playbooks", "hostile.yaml"), []byte(hostilePlaybook), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	p := startPTY(t, env, "respond", "hostile")
	p.expect(`Can you sign in \x1b]0;pwned\x07 now?`)
	p.expect(`Yes \x1b]2;pwned\x07`)
	p.key("\x03")
	if code := p.wait(); code != 130 {
		t.Fatalf("exit code %d, want 130", code)
	}
	if out := p.output.String(); strings.Contains(out, "\x1b]") || strings.Contains(out, "\a") {
		t.Errorf("an escape sequence from the playbook reached the terminal:\n%q", out)
	}
}

// TestLongNoteRedrawsCleanly types a note three rows long on a 60-column
// terminal, goes back into it to change a word, and saves it: the screen
// then holds the question with the whole note once, and nothing of the
// rows it took while it was typed.
func TestLongNoteRedrawsCleanly(t *testing.T) {
	env, stateFile := ptyEnv(t)
	p := startPTYSize(t, 60, 30, env, "respond", "walk")
	p.expect("What now?")
	p.key("\x1b[B\x1b[B\x1b[B\r") // three down: Add a note
	p.expect("Note:")
	words := strings.Repeat("called the card desk and asked them to stop the card ", 3)
	p.key(words + "today")
	p.expect("card today")
	p.key("\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D") // five left: before "today"
	p.key("late ")
	p.expect("late today")
	p.key("\r")
	p.expect("Note saved.")
	p.expect("What now?")
	time.Sleep(200 * time.Millisecond)
	screen := p.screen.String()
	if n := strings.Count(screen, "late today"); n != 1 {
		t.Errorf("the note's end is on the screen %d times, want once:\n%s", n, screen)
	}
	if n := strings.Count(screen, "? Note:"); n != 1 {
		t.Errorf("the question is on the screen %d times, want once:\n%s", n, screen)
	}
	p.key("\x03")
	p.wait()
	raw, err := os.ReadFile(stateFile)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSpace(words) + " late today"; !strings.Contains(string(raw), `"note": "`+want+`"`) {
		t.Errorf("state file lacks %q:\n%s", want, raw)
	}
}

// TestConfirmInJapanese answers a yes/no question in a Japanese terminal:
// its choices and the answer shown are Japanese words, and typing y still
// answers yes.
func TestConfirmInJapanese(t *testing.T) {
	env, stateFile := ptyEnv(t)
	env = append(env, "ACCTGUARD_LANG=ja")
	if code := startPTY(t, env, "incident", "new", "walk").wait(); code != 0 {
		t.Fatalf("incident new: exit %d", code)
	}
	p := startPTYSize(t, 60, 20, env, "incident", "delete", "1")
	p.expect("（はい=y／いいえ=N）")
	p.key("y\r")
	p.expect("はい")
	if code := p.wait(); code != 0 {
		t.Fatalf("incident delete: exit %d\n%s", code, p.screen.String())
	}
	if screen := p.screen.String(); strings.Contains(screen, "Yes") || strings.Contains(screen, "y/N") {
		t.Errorf("English on the screen:\n%s", screen)
	}
	raw, err := os.ReadFile(stateFile)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), `"id": 1`) {
		t.Errorf("incident 1 is still in the state file:\n%s", raw)
	}
}

// TestFoundingStoryInJapaneseAt60Columns walks the first steps of the
// built-in playbook with the real widgets, chosen by a Japanese locale, in
// a terminal 60 columns wide: every word acctguard and survey draw is
// Japanese, and the menu's hint is written whole.
func TestFoundingStoryInJapaneseAt60Columns(t *testing.T) {
	env, _ := ptyEnv(t)
	env = append(env, "ACCTGUARD_LANG=", "LANG=ja_JP.UTF-8")
	p := startPTYSize(t, 60, 30, env, "respond", "amazon-takeover")
	p.expect("【確認】")
	p.expect("どうしますか？")
	p.key("\r") // 完了にする, the first choice
	p.expect("完了として記録しました。")
	p.expect("入力しましたか？")
	p.expect("↑↓で選んで Enter")
	// vt10x gives a wide character one cell, so the hint is looked for
	// in what was written: in one piece, with no line break in it.
	time.Sleep(200 * time.Millisecond)
	if !strings.Contains(p.output.String(), "[↑↓で選んで Enter]") {
		t.Errorf("the menu's hint is not written in one piece:\n%q", p.output.String())
	}
	p.key("\x03")
	p.expect("続けるには、次のコマンドを実行してください")
	if code := p.wait(); code != 130 {
		t.Fatalf("exit code %d, want 130", code)
	}
	for _, english := range []string{"Use arrows", "What now", "Saved", "To continue", "Stopped", "first hour"} {
		if strings.Contains(p.output.String(), english) {
			t.Errorf("%q on the Japanese screen:\n%s", english, p.screen.String())
		}
	}
}

// TestTriageInATerminal: with nothing set up, "respond" asks what
// happened with the real menus; "my LINE account, locked out, no money"
// leads to the LINE plan in Japanese, its sign-in question answered
// already.
func TestTriageInATerminal(t *testing.T) {
	env, stateFile := ptyEnv(t)
	env = append(env, "ACCTGUARD_LANG=ja")
	p := startPTY(t, env, "respond")
	p.expect("何が乗っ取られましたか？")
	p.key("\x1b[B\x1b[B\r") // two down: past Amazon and e-mail to LINE
	p.expect("今もログインできますか？")
	p.key("\x1b[B\r") // いいえ
	p.expect("お金を取られたり、カード情報を入力したりしましたか？")
	p.key("\x1b[B\r") // いいえ
	p.expect("合う案内はこちらです：")
	p.expect("LINEアカウントの乗っ取り")
	p.expect("始めますか？")
	p.key("\r") // 始める
	p.expect("新しい案件として、対応を始めました。")
	p.expect("✓ 回答を記録しました：いいえ")
	p.expect("どうしますか？")
	p.key("\x03")
	p.expect("続けるには、次のコマンドを実行してください")
	if code := p.wait(); code != 130 {
		t.Fatalf("exit code %d, want 130", code)
	}
	stateHas(t, stateFile, `"playbook": "line-takeover"`, `"step": "can-sign-in"`, `"answer": "no"`)
}

// TestChargeAndRefundInATerminal records a charge and then its refund
// with the real menus and text prompts.
func TestChargeAndRefundInATerminal(t *testing.T) {
	env, stateFile := ptyEnv(t)
	money := "schema: 1\nid: money\ntitle: Money\nsteps:\n  - {id: statement, title: Check the card statement, phase: recover, record: charges}\n"
	config := ""
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "XDG_CONFIG_HOME="); ok {
			config = v
		}
	}
	if err := os.WriteFile(filepath.Join(config, "acctguard", "playbooks", "money.yaml"), []byte(money), 0o600); err != nil {
		t.Fatal(err)
	}
	p := startPTY(t, env, "respond", "money")
	p.expect("What now?")
	p.key("\x1b[B\x1b[B\x1b[B\r") // three down: Record a charge
	p.expect("Amount, as on the statement:")
	p.key("2925\r")
	p.expect("When was it charged?")
	p.key("\r")
	p.expect("Where?")
	p.key("Amazon.co.jp\r")
	p.expect("Order or transaction number")
	p.key("\r")
	p.expect("Which card?")
	p.key("Mastercard 12\r")
	p.expect("Charge 1 recorded")
	p.expect("What now?")
	p.key("\x1b[B\x1b[B\x1b[B\x1b[B\r") // four down: Record a refund
	p.expect("Which charge was refunded?")
	p.key("\r")
	p.expect("Amount refunded")
	p.key("\r") // all that is left
	p.expect("How was it given back?")
	p.key("\r")
	p.expect("When?")
	p.key("\r")
	p.expect("Refund recorded for charge 1")
	p.expect("What now?")
	p.key("\x03")
	if code := p.wait(); code != 130 {
		t.Fatalf("exit code %d, want 130", code)
	}
	stateHas(t, stateFile, `"amount": 2925`, `"merchant": "Amazon.co.jp"`, `"refunds": [`)
}
