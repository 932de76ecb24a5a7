package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/acctguard/acctguard/internal/editor"
	"github.com/acctguard/acctguard/internal/i18n"
)

// A Japanese user's errors and hints are Japanese, from cobra's and
// pflag's parsing as from acctguard's own checks.
func TestRunErrorsInJapanese(t *testing.T) {
	ja := map[string]string{"LANG": "ja_JP.UTF-8"}
	tests := []struct {
		args       []string
		code       int
		wantStderr string
	}{
		{[]string{"playbook", "show"}, 2, "acctguard: acctguard playbook show には手順書IDの指定が必要です。\nacctguard: ヒント：使い方：acctguard playbook show ID [flags]\n"},
		{[]string{"playbook", "list", "--colour"}, 2, "acctguard: 「--colour」というオプションはありません。\nacctguard: ヒント：「acctguard playbook list --help」でオプションの一覧を表示できます。\n"},
		{[]string{"report", "--fromat", "txt"}, 2, "acctguard: 「--fromat」というオプションはありません。\nacctguard: ヒント：--format のことですか？「acctguard report --help」でオプションの一覧を表示できます。\n"},
		{[]string{"plybook", "list"}, 2, "acctguard: 「acctguard」に「plybook」というコマンドはありません。\nacctguard: ヒント：「playbook」のことですか？\n"},
		{[]string{"incident", "shwo"}, 2, "acctguard: 「acctguard incident」に「shwo」というコマンドはありません。\nacctguard: ヒント：「show」のことですか？\n"},
		{[]string{"incident", "show", "x"}, 2, "acctguard: 「x」は案件番号ではありません。\nacctguard: ヒント：使い方：acctguard incident show [N] [flags]\n"},
		{[]string{"incident", "show", "7"}, 2, "acctguard: 案件7はありません。\nacctguard: ヒント：「acctguard status --all」で案件の一覧を表示できます。\n"},
		{[]string{"step", "done", "call", "--incident", "x"}, 2, "acctguard: オプション --incident の値「x」が正しくありません。\nacctguard: ヒント：「acctguard step done --help」でオプションの一覧を表示できます。\n"},
		{[]string{"step", "done", "call"}, 1, "acctguard: 対応中の案件はありません。\nacctguard: ヒント：「acctguard respond」か「acctguard incident new 手順書ID」で始めてください。\n"},
		{[]string{"report", "--format", "pdf"}, 2, "acctguard: 「pdf」という形式はありません。\nacctguard: ヒント：md、txt、html、json、ics のどれかを指定してください。\n"},
		{[]string{"respond"}, 2, "acctguard: respond は質問をしながら進むため、入力にも出力にも端末（ターミナル）が必要です。\nacctguard: ヒント：「acctguard status」で手順を確認でき、「acctguard step done|skip|answer 手順ID」で端末なしでも記録できます。\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f, _, errOut := testFactory(t, ja)
			if code := Run(f, tt.args); code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, errOut)
			}
			if errOut.String() != tt.wantStderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", errOut, tt.wantStderr)
			}
		})
	}
}

// A playbook's problems keep FILE:LINE:COL: and the excerpt; the message,
// the hint and the count after them are Japanese.
func TestPlaybookProblemsInJapanese(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bad.yaml")
	src := "schema: 1\nid: bad\ntitle: Bad\nsteps:\n  - {id: a, title: A, phase: verfy}\n  - {id: a, title: B, phase: verify, after: [zz]}\n"
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	f, _, errOut := testFactory(t, nil)
	if code := Run(f, []string{"--lang", "ja", "playbook", "validate", file}); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	want := file + `:5:30: 手順「a」の「verfy」という段階（phase）はありません。
      - {id: a, title: A, phase: verfy}
                                 ^
    ヒント：「verify」のことですか？（verify、contain、recover、report、follow-up のどれか）
` + file + `:6:10: 手順ID「a」が重複しています（最初は5行目）。
      - {id: a, title: B, phase: verify, after: [zz]}
             ^
    ヒント：手順ごとに別のIDを付けてください。
` + file + `:6:46: 「zz」という手順はありません。
      - {id: a, title: B, phase: verify, after: [zz]}
                                                 ^
    ヒント：この手順書の手順は a です。
acctguard: ` + file + ` に誤りがあります（3件の問題）。
`
	if errOut.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", errOut, want)
	}
}

// The editor's header counts every mistake, those past the ones listed
// too, in the person's language; the line numbers count the header's own
// lines, the "more" line included (2 problems + 3 = line 3 is line 8).
func TestEditorHeaderInJapanese(t *testing.T) {
	problems := []editor.Problem{{Line: 3, Col: 5, Text: "「x」という手順はありません。"}, {Line: 4, Text: "ファイルが空です。"}}
	got := strings.Join(problemHeader(problems, 13, 0, i18n.Japanese), "\n")
	want := "このファイルには13件の誤りがあります。直して保存するか、ファイルを空にして取り消してください。\n" +
		"8行5列：「x」という手順はありません。\n9行：ファイルが空です。\n…ほかに11件あります。\n"
	if got != want {
		t.Errorf("header:\n%s\nwant:\n%s", got, want)
	}
	got = strings.Join(problemHeader(problems[:1], 1, 0, i18n.English), "\n")
	if want := "the file has 1 mistake; fix it and save, or empty the file to cancel.\nline 6, column 5: 「x」という手順はありません。\n"; got != want {
		t.Errorf("English header:\n%s\nwant:\n%s", got, want)
	}
}
