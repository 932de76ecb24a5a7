package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/prompt"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/internal/wrap"
	"github.com/acctguard/acctguard/playbooks"
)

var update = flag.Bool("update", false, "rewrite the golden screens in testdata")

// The founding story's first night, as a person sees it in each language
// at 60 and 100 columns: respond's first steps, then status. The screens
// are kept in testdata/golden; -update rewrites them after a change that
// was meant, to be read in the diff.
func TestFoundingStoryScreens(t *testing.T) {
	answers := map[i18n.Lang][]string{
		i18n.English:  {"Done", "No", "Add a note", "called the card desk, ref 12345", "Done", "Stop for now"},
		i18n.Japanese: {"完了にする", "いいえ", "メモを追加する", "カード会社に電話、受付番号12345", "完了にする", "いったん終了する"},
	}
	for _, lang := range i18n.Supported {
		for _, width := range []int{60, 100} {
			t.Run(fmt.Sprintf("%s-%d", lang, width), func(t *testing.T) {
				ios, _, out, _ := iostreams.Test()
				ios.SetTTY(true, true)
				ios.SetWidth(width)
				now := time.Date(2026, 11, 26, 21, 0, 0, 0, time.Local)
				cat := &playbook.Catalogue{Builtin: playbooks.FS, UserDir: filepath.Join(t.TempDir(), "playbooks")}
				store := state.New(filepath.Join(t.TempDir(), "state", "state.json"))
				opts := &respondOptions{
					IO: ios, Store: store, Catalogue: cat, Now: func() time.Time { return now },
					Lang: lang, Guard: noGuard{}, PlaybookID: "amazon-takeover",
					Prompter: &prompt.Fake{Out: out, Answers: answers[lang]},
				}
				if err := runRespond(opts); err != nil {
					t.Fatalf("%v\n%s", err, out)
				}
				now = now.Add(30 * time.Minute)
				out.WriteString("\n$ acctguard status\n")
				sopts := &statusOptions{IO: ios, Store: store, Catalogue: cat, Now: func() time.Time { return now }, Lang: lang, LangFromFlag: true}
				if err := runStatus(sopts); err != nil {
					t.Fatal(err)
				}
				for i, line := range strings.Split(out.String(), "\n") {
					// A web address is left whole, for the terminal to
					// soft-wrap and copy as one.
					// The fake prompter writes a question and its answer on
					// one line; survey's own lines are tried in a terminal.
					if w := wrap.Width(line); w > width && !strings.Contains(line, "https://") && !strings.HasPrefix(line, "? ") {
						t.Errorf("line %d is %d columns wide, more than %d: %s", i+1, w, width, line)
					}
				}
				golden(t, filepath.Join("testdata", "golden", fmt.Sprintf("founding-%s-%d.txt", lang, width)), out.String())
			})
		}
	}
}

// golden compares got with the screen kept in the file; -update rewrites
// it, to be read in the diff.
func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("screen differs from %s (go test -update to rewrite it):\n%s", file, got)
	}
}
