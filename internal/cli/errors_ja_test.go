package cli

import (
	"strings"
	"testing"
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
		{[]string{"report", "--format", "pdf"}, 2, "acctguard: 「pdf」という形式はありません。\nacctguard: ヒント：md、txt、json、ics のどれかを指定してください。\n"},
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
