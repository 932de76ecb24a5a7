package cli

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/wrap"
)

// allCommands returns the path of every command, help and completion
// included, as it is typed ("incident close").
func allCommands(t *testing.T) []*cobra.Command {
	t.Helper()
	f, _, _ := testFactory(t, nil)
	root := NewCmdRoot(f)
	// The commands and flags cobra adds as it runs, as it would add them.
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var cmds []*cobra.Command
	walkCommands(root, func(c *cobra.Command) { c.InitDefaultHelpFlag(); cmds = append(cmds, c) })
	return cmds
}

// Every command and flag has its help in Japanese, and the Japanese
// help holds nothing that no command uses.
func TestEveryHelpTextInJapanese(t *testing.T) {
	used := map[string]bool{}
	for _, c := range allCommands(t) {
		path := helpPath(c)
		for field, en := range map[string]string{"short": c.Short, "long": c.Long, "example": c.Example} {
			key := path + "." + field
			if _, ok := i18n.HelpJa(key); ok {
				used[key] = true
				if en == "" {
					t.Errorf("%s: Japanese %s but no English one", c.CommandPath(), field)
				}
			} else if en != "" {
				t.Errorf("%s: no Japanese %s (%q)", c.CommandPath(), field, en)
			}
		}
		c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
			for _, key := range []string{path + ".flag." + fl.Name, "flag." + fl.Name} {
				if _, ok := i18n.HelpJa(key); ok {
					used[key] = true
					return
				}
			}
			t.Errorf("%s --%s: no Japanese usage (%q)", c.CommandPath(), fl.Name, fl.Usage)
		})
	}
	for _, k := range i18n.HelpJaKeys() {
		if !used[k] && !strings.HasPrefix(k, "usage.") {
			t.Errorf("Japanese help %q belongs to no command or flag", k)
		}
	}
}

// What may stay in Latin letters in a Japanese help: commands as typed,
// flags, ids, file and variable names, product names and the syntax of
// the usage line.
var notEnglish = regexp.MustCompile(strings.Join([]string{
	`(?m)^\s+(acctguard|source|echo|n=)\b.*$`, // example and script lines
	`\$\([^)]*\)`, `\$\{[^}]*\}`, `\$[A-Z_]+`,
	`"[^"]*"`, `「[^」]*」`, `<[^>]*>`, `\[[^\]]*\]`,
	`--?[a-z][a-z-]*`, `\b[A-Z][A-Z0-9_]+\b`, `[\w.~/-]*/[\w./-]*`, `\b[\w-]+\.(yaml|json|bak|md|ics|fish)\b`,
	`\b(acctguard|Amazon|Ctrl-C|JSON|YAML|README|bash|zsh|fish|PowerShell|powershell|Linux|macOS|OS|ID|id|md|txt|json|ics|en|ja|string|int|nano|vi|now|code|wait|built-in|completion|help|incident|note|playbook|report|respond|state|status|step|version|done|skip|later|answer|reset|new|again|close|reopen|delete|list|show|edit|export|import|path|validate|restore|bash-completion|compinit|autoload|Out-String|Invoke-Expression|amazon-takeover|open-amazon-yourself|my-bank|command|flags|N|FILE|ID)\b`,
}, "|"))

var englishWords = regexp.MustCompile(`[A-Za-z]{2,}(\s+[A-Za-z]{2,})+`)

func englishIn(help string) []string {
	return englishWords.FindAllString(notEnglish.ReplaceAllString(help, "·"), -1)
}

// Every command's --help in Japanese, chosen by --lang or by the locale,
// has no English sentence, and fits 80 columns.
func TestHelpInJapaneseHasNoEnglish(t *testing.T) {
	for _, env := range []map[string]string{nil, {"LANG": "ja_JP.UTF-8"}} {
		for _, c := range allCommands(t) {
			args := append(strings.Fields(strings.TrimPrefix(c.CommandPath(), "acctguard")), "--help")
			if env == nil {
				args = append([]string{"--lang", "ja"}, args...)
			}
			f, out, errOut := testFactory(t, env)
			if code := Run(f, args); code != 0 {
				t.Errorf("%v: exit %d: %s", args, code, errOut)
				continue
			}
			if found := englishIn(out.String()); len(found) > 0 {
				t.Errorf("%v: English in the Japanese help: %q\n%s", args, found, out)
			}
			for _, line := range strings.Split(out.String(), "\n") {
				if w := wrap.Width(line); w > 80 && !strings.HasPrefix(strings.TrimSpace(line), "acctguard completion") {
					t.Errorf("%v: a line of %d columns: %s", args, w, line)
				}
			}
		}
	}
}

// The check finds English where a Japanese text is missing.
func TestEnglishInFindsEnglish(t *testing.T) {
	f, out, _ := testFactory(t, nil)
	Run(f, []string{"status", "--help"})
	if found := englishIn(out.String()); !slices.Contains(found, "include closed incidents") {
		t.Errorf("found %q in the English help", found)
	}
}

func TestStatusHelpInBothLanguages(t *testing.T) {
	want := map[string]string{
		"en": `Show each open incident: what is overdue, what to do now, what waits and
until when, the follow-ups, and what was put off or skipped. It never asks
anything, so it is safe in scripts and shell prompts.

Usage:
  acctguard status [N] [flags]

Flags:
      --all           include closed incidents
      --exit-status   exit with 3 when an open incident has steps due
  -h, --help          help for status
      --json          print JSON (the shape is documented in the README)

Global Flags:
      --lang string    language of screens: en or ja (default: ACCTGUARD_LANG, then the locale)
      --no-color       print without colour
      --state string   the state file (default: ACCTGUARD_STATE, then the per-user state directory)
`,
		"ja": `対応中の案件ごとに、予定より遅れていること、今できること、待っていること
（いつまでか）、経過観察、あとに回したりスキップしたりした手順を表示します。
何も質問しないので、スクリプトやシェルのプロンプトでも安心して使えます。

使い方：
  acctguard status [N] [flags]

オプション：
      --all           終了した案件も含める
      --exit-status   今できる手順がある案件があれば、終了コード 3 で終わる
  -h, --help          このヘルプを表示する
      --json          JSON で出力する（形式は README に説明があります）

共通のオプション：
      --lang string    画面の言語：en か ja（既定は ACCTGUARD_LANG かロケール）
      --no-color       色を付けずに表示する
      --state string   記録ファイル（既定は ACCTGUARD_STATE か標準の保存先）
`,
	}
	for lang, w := range want {
		f, out, _ := testFactory(t, nil)
		Run(f, []string{"--lang", lang, "status", "--help"})
		if out.String() != w {
			t.Errorf("%s:\n%s\nwant:\n%s", lang, out, w)
		}
	}
}

// In a terminal 60 columns wide every command's help fits, in both
// languages: long lines wrap by words, under a flag's or command's
// description. (Tab-indented commands to copy are left whole.)
func TestHelpFitsTheTerminal(t *testing.T) {
	for _, lang := range []string{"en", "ja"} {
		for _, c := range allCommands(t) {
			args := append([]string{"--lang", lang}, strings.Fields(strings.TrimPrefix(c.CommandPath(), "acctguard"))...)
			f, out, _ := testFactory(t, nil)
			f.IO.SetTTY(true, true)
			f.IO.SetWidth(60)
			if code := Run(f, append(args, "--help")); code != 0 {
				t.Fatalf("%v: exit %d", args, code)
			}
			for _, line := range strings.Split(out.String(), "\n") {
				if w := wrap.Width(line); w > 60 && !strings.HasPrefix(line, "\t") {
					t.Errorf("%v --help: a line of %d columns: %s", args, w, line)
				}
			}
		}
	}
}

func TestReflowJoinsParagraphs(t *testing.T) {
	got := reflow("one two\nthree\n\n手順を\n表示します\n\n  indented\nkept")
	if want := "one two three\n\n手順を表示します\n\n  indented\nkept"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
