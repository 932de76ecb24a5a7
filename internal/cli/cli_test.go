package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
)

const cardPlaybook = `schema: 1
id: card
title: {en: Card stolen, ja: カードの不正利用}
languages: [en, ja]
steps:
  - id: call
    title: {en: Call the issuer, ja: カード会社に電話する}
    phase: contain
    critical: true
`

// testFactory returns a factory with buffers for streams, a fixed
// environment, one built-in playbook and an empty user directory.
func testFactory(t *testing.T, env map[string]string) (*Factory, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	userDir := filepath.Join(t.TempDir(), "playbooks")
	f := &Factory{
		IO:     ios,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC) },
		Catalogue: func() *playbook.Catalogue {
			return &playbook.Catalogue{
				Builtin: fstest.MapFS{"card.yaml": {Data: []byte(cardPlaybook)}},
				UserDir: userDir,
			}
		},
	}
	return f, out, errOut
}

func TestRunExitCodes(t *testing.T) {
	tests := []struct {
		args       []string
		env        map[string]string
		code       int
		wantStderr string
	}{
		{[]string{"playbook", "path", "card"}, nil, 0, ""},
		{[]string{"playbook", "show", "crad"}, nil, 2, "acctguard: unknown playbook \"crad\"\nacctguard: hint: did you mean \"card\"? \"acctguard playbook list\" shows them all\n"},
		{[]string{"playbook", "show"}, nil, 2, "acctguard: acctguard playbook show needs a playbook id\nacctguard: hint: usage: acctguard playbook show ID [flags]\n"},
		{[]string{"playbook", "list", "--colour"}, nil, 2, "acctguard: unknown flag: --colour\nacctguard: hint: run \"acctguard playbook list --help\" to see its flags\n"},
		{[]string{"plybook", "list"}, nil, 2, "acctguard: unknown command \"plybook\" for \"acctguard\"\nacctguard: hint: did you mean \"playbook\"?\n"},
		{[]string{"playbook", "shwo"}, nil, 2, "acctguard: unknown command \"shwo\" for \"acctguard playbook\"\nacctguard: hint: did you mean \"show\"?\n"},
		{[]string{"incident", "xyzzy"}, nil, 2, "acctguard: unknown command \"xyzzy\" for \"acctguard incident\"\nacctguard: hint: run \"acctguard incident --help\" to see its commands\n"},
		{[]string{"step", "dne", "call"}, nil, 2, "acctguard: unknown command \"dne\" for \"acctguard step\"\nacctguard: hint: did you mean \"done\"?\n"},
		{[]string{"report", "--fromat", "txt"}, nil, 2, "acctguard: unknown flag: --fromat\nacctguard: hint: did you mean --format? run \"acctguard report --help\" to see its flags\n"},
		{[]string{"status", "--stat", "x"}, nil, 2, "acctguard: unknown flag: --stat\nacctguard: hint: did you mean --state? run \"acctguard status --help\" to see its flags\n"},
		{[]string{"--lang", "de", "playbook", "list"}, nil, 2, "acctguard: unsupported language \"de\"\nacctguard: hint: use --lang en or --lang ja\n"},
		{[]string{"playbook", "list"}, map[string]string{"ACCTGUARD_LANG": "xx"}, 2, "acctguard: ACCTGUARD_LANG: unsupported language \"xx\"\nacctguard: hint: set ACCTGUARD_LANG to en or ja, or leave it unset\n"},
		{[]string{"playbook", "list"}, map[string]string{"ACCTGUARD_NOW": "yesterday"}, 2, "acctguard: ACCTGUARD_NOW \"yesterday\" is not an RFC 3339 time\nacctguard: hint: write it as 2026-11-26T21:30:00+09:00, or unset it\n"},
		{[]string{"playbook", "validate", filepath.Join("no", "such.yaml")}, nil, 1, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f, _, errOut := testFactory(t, tt.env)
			if code := Run(f, tt.args); code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, errOut)
			}
			if tt.wantStderr != "" && errOut.String() != tt.wantStderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", errOut, tt.wantStderr)
			}
		})
	}
}

func TestPlaybookListTerminal(t *testing.T) {
	f, out, _ := testFactory(t, nil)
	f.IO.SetTTY(false, true)
	user := f.Catalogue().UserDir
	if err := os.MkdirAll(user, 0o700); err != nil {
		t.Fatal(err)
	}
	mine := strings.Replace(strings.Replace(cardPlaybook, "id: card", "id: bank", 1), "カードの不正利用", "銀行", 1)
	if err := os.WriteFile(filepath.Join(user, "bank.yaml"), []byte(mine), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(user, "card.yaml"), []byte("schema: 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code := Run(f, []string{"--lang", "ja", "playbook", "list"}); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	want := `ID    タイトル    種類                        手順
bank  銀行        自分用                      1
card  エラーあり  自分用（組み込みの代わり）  -

` + filepath.Join(user, "card.yaml") + `:1:1: the playbook is missing "id"
`
	if out.String() != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
}

// TestPlaybookListGroups: playbooks are listed under what they are for,
// in the fixed order of the purposes, their columns lined up across the
// groups; one without a purpose goes under Other.
func TestPlaybookListGroups(t *testing.T) {
	f, out, _ := testFactory(t, nil)
	f.IO.SetTTY(false, true)
	user := f.Catalogue().UserDir
	if err := os.MkdirAll(user, 0o700); err != nil {
		t.Fatal(err)
	}
	mail := strings.Replace(strings.Replace(cardPlaybook, "id: card", "id: my-mail\nfor: email", 1), "Card stolen", "My mail", 1)
	shop := strings.Replace(strings.Replace(cardPlaybook, "id: card", "id: shop\nfor: shopping", 1), "Card stolen", "A shop", 1)
	for name, src := range map[string]string{"my-mail.yaml": mail, "shop.yaml": shop} {
		if err := os.WriteFile(filepath.Join(user, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if code := Run(f, []string{"playbook", "list"}); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	want := `ID       TITLE        FROM      STEPS

Shopping
shop     A shop       user      1

Email
my-mail  My mail      user      1

Other
card     Card stolen  built-in  1
`
	if out.String() != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}

	// Too narrow for the table: each playbook is its id, and the rest
	// under it.
	out.Reset()
	f.IO.SetWidth(30)
	if code := Run(f, []string{"playbook", "list"}); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	want = `Shopping
shop
  A shop · user · 1 step

Email
my-mail
  My mail · user · 1 step

Other
card
  Card stolen · built-in · 1
  step
`
	if out.String() != want {
		t.Errorf("narrow stdout:\n%s\nwant:\n%s", out, want)
	}
}

func TestColour(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want bool
	}{
		{[]string{"playbook", "show", "card"}, true},
		{[]string{"--no-color", "playbook", "show", "card"}, false},
	} {
		f, out, _ := testFactory(t, nil)
		f.IO.SetTTY(false, true)
		f.IO.SetColorEnabled(true)
		if code := Run(f, tt.args); code != 0 {
			t.Fatalf("%v: exit code %d", tt.args, code)
		}
		if got := strings.Contains(out.String(), "\x1b["); got != tt.want {
			t.Errorf("%v: colour codes present = %v, want %v:\n%q", tt.args, got, tt.want, out)
		}
	}
}

func TestSystemStreamsColour(t *testing.T) {
	// Under "go test" standard output is not a terminal, so colour is off
	// whatever the environment says.
	ios := iostreams.System(func(string) string { return "" })
	if ios.ColorEnabled() || ios.CanPrompt() {
		t.Errorf("colour %v, prompt %v on a non-terminal", ios.ColorEnabled(), ios.CanPrompt())
	}
}

func TestNewCmdPlaybookShowFlags(t *testing.T) {
	f, _, _ := testFactory(t, nil)
	var got *playbookShowOptions
	cmd := NewCmdPlaybookShow(f, func(o *playbookShowOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"card"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.ID != "card" || got.Catalogue == nil {
		t.Errorf("options = %+v", got)
	}
}

func TestVersion(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	opts := &versionOptions{IO: ios, BuildInfo: func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{
			Main: debug.Module{Version: "v0.1.0"},
			Settings: []debug.BuildSetting{
				{Key: "vcs.revision", Value: "0123456789abcdef0123"},
				{Key: "vcs.time", Value: "2026-11-26T12:00:00Z"},
				{Key: "vcs.modified", Value: "true"},
			},
		}, true
	}}
	if err := runVersion(opts); err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(out.String(), "\n")
	if want := "acctguard v0.1.0 (commit 0123456789ab, 2026-11-26T12:00:00Z, modified)"; first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
}

func TestPlaybookShowWrapsOnTerminal(t *testing.T) {
	f, out, _ := testFactory(t, nil)
	f.IO.SetTTY(false, true)
	f.IO.SetWidth(40)
	user := f.Catalogue().UserDir
	if err := os.MkdirAll(user, 0o700); err != nil {
		t.Fatal(err)
	}
	src := cardPlaybook + `    why: {en: x, ja: カードを止められるのはカード会社だけです。早めに電話してください。}
    how:
      en: x
      ja: |
        - カードの裏にある番号に電話して、利用の停止を依頼します。
`
	if err := os.WriteFile(filepath.Join(user, "card.yaml"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	if code := Run(f, []string{"--lang", "ja", "playbook", "show", "card"}); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	want := ` 1. カード会社に電話する  ★ 最初の1時間
     理由：カードを止められるのはカー
       ド会社だけです。早めに電話してく
       ださい。
     やり方：
       - カードの裏にある番号に電話し
         て、利用の停止を依頼します。
`
	if !strings.Contains(out.String(), want) {
		t.Errorf("stdout:\n%s\nwant it to contain:\n%s", out, want)
	}
}

// With two incidents open, every command that needs one says how to name
// it; the hint is then tried as written, and must not be wrong usage.
func TestSeveralOpenHintsWork(t *testing.T) {
	stateFile := filepath.Join(t.TempDir(), "state.json")
	run := func(args ...string) (int, string) {
		f, _, errOut := testFactory(t, nil)
		code := Run(f, append([]string{"--state", stateFile}, args...))
		return code, errOut.String()
	}
	for range 2 {
		if code, errOut := run("incident", "new", "card"); code != 0 {
			t.Fatalf("incident new: %d %s", code, errOut)
		}
	}
	hintRE := regexp.MustCompile(`(?m)^acctguard: hint: (?:add (--incident N)|name one: acctguard (.*) N); open incidents: 1 \(card\), 2 \(card\)$`)
	for _, args := range [][]string{
		{"step", "done", "call"},
		{"step", "skip", "call"},
		{"step", "later", "call"},
		{"step", "reset", "call"},
		{"note", "call", "rang them"},
		{"incident", "show"},
		{"incident", "again", "--at", "20:00"},
		{"report"},
		{"incident", "close", "--yes"}, // last: following its hint closes one
	} {
		code, errOut := run(args...)
		m := hintRE.FindStringSubmatch(errOut)
		if code != 2 || m == nil {
			t.Errorf("%v: exit %d, stderr:\n%s", args, code, errOut)
			continue
		}
		var again []string
		if m[1] != "" {
			again = append(append([]string{}, args...), "--incident", "1")
		} else {
			if !strings.HasPrefix(strings.Join(args, " "), m[2]) {
				t.Errorf("%v: the hint names another command: %q", args, m[2])
			}
			again = append(strings.Fields(m[2]), "1")
			again = append(again, args[len(strings.Fields(m[2])):]...)
		}
		if code, errOut := run(again...); code == 2 {
			t.Errorf("%v, as the hint says: exit %d:\n%s", again, code, errOut)
		}
	}
}

// exitCodeEn is exitCode with the hint written in English.
func exitCodeEn(err error) (int, string) {
	code, hint, _ := exitCode(err)
	if hint == nil {
		return code, ""
	}
	return code, hint.In(i18n.English)
}
