package cli

import (
	"syscall"
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/state"
)

// The store's errors and the hints stateError and restoreError give them
// are written in Japanese for a Japanese reader, English unchanged.
func TestStateErrorsAndHintsInJapanese(t *testing.T) {
	const path, bak = "/home/a/state.json", "/home/a/state.json.bak"
	truncated := &state.DamagedError{Path: path, Line: 4, Col: 14, Err: state.ErrEmpty}
	tests := []struct {
		name      string
		err       error
		wantErr   string
		wantHint  string
		wantEnErr string
	}{
		{
			"damaged with a backup",
			stateError(&state.DamagedError{Path: path, Err: state.ErrEmpty, Backup: bak}),
			"記録ファイル「/home/a/state.json」が壊れています：ファイルが空です。acctguardが空のファイルを保存することはありません。",
			"ファイルはそのまま残してあります。バックアップ「/home/a/state.json.bak」は最後の保存の前の状態なので、戻すと最後に保存した変更は失われます。「acctguard state restore」で、壊れたファイルを残したまま戻せます。",
			`state file "/home/a/state.json" is damaged: it is empty, and acctguard never saves an empty file`,
		},
		{
			"empty, no backup",
			stateError(truncated),
			"記録ファイル「/home/a/state.json」が4行14列で壊れています：ファイルが空です。acctguardが空のファイルを保存することはありません。",
			"ファイルはそのまま残してあります。パソコンのバックアップがあればそこから戻すか、削除して最初から始めてください。",
			`state file "/home/a/state.json" is damaged at line 4, column 14: it is empty, and acctguard never saves an empty file`,
		},
		{
			"missing beside its backup",
			stateError(&state.DamagedError{Path: path, Err: state.ErrMissing, Backup: bak}),
			"記録ファイル「/home/a/state.json」が壊れています：ファイルがありません。バックアップは残っています。",
			"何も変更していません。バックアップ「/home/a/state.json.bak」は最後の保存の前の状態なので、戻すと最後に保存した変更は失われます。戻すには「acctguard state restore」を実行します。最初から始めるなら、バックアップも別の場所に移してください。",
			`state file "/home/a/state.json" is damaged: it is missing, but its backup is still there`,
		},
		{
			"newer",
			stateError(&state.NewerSchemaError{Path: path, Schema: 9}),
			"記録ファイル「/home/a/state.json」は新しいacctguardで書かれています（schema 9）。このacctguardが読めるのはschema 1までです。",
			"このファイルを書いた新しいacctguardを使ってください。",
			`state file "/home/a/state.json" was written by a newer acctguard (schema 9); this one reads schema 1`,
		},
		{
			"locked",
			stateError(&state.LockedError{Path: path, Waited: 30 * time.Second}),
			"記録ファイル「/home/a/state.json」をほかのacctguardが使っています。30秒待ちましたが、あきらめました。",
			"何も保存していません。ほかのacctguardが止まっているようです。そのウィンドウを閉じてから、もう一度実行してください。",
			`state file "/home/a/state.json" is in use by another acctguard: gave up after waiting 30s`,
		},
		{
			"disk full",
			stateError(&state.SaveError{Path: path, Err: syscall.ENOSPC}),
			"記録ファイル「/home/a/state.json」を保存できません。ディスクがいっぱいです（no space left on device）。",
			"何も保存しておらず、記録ファイルは元のままです。ディスクの空きを作ってから、もう一度実行してください。",
			`saving state file "/home/a/state.json": the disk is full: no space left on device`,
		},
		{
			"nothing to restore",
			restoreError(state.ErrNothingToRestore),
			"復元するものはありません。",
			"何も変更していません。",
			"nothing to restore",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := i18n.Message(tt.err, i18n.Japanese); got != tt.wantErr {
				t.Errorf("error:\n%s\nwant:\n%s", got, tt.wantErr)
			}
			if got := tt.err.Error(); got != tt.wantEnErr {
				t.Errorf("English error:\n%s\nwant:\n%s", got, tt.wantEnErr)
			}
			_, hint, _ := exitCode(tt.err)
			if hint == nil {
				t.Fatal("no hint")
			}
			if got := hint.In(i18n.Japanese); got != tt.wantHint {
				t.Errorf("hint:\n%s\nwant:\n%s", got, tt.wantHint)
			}
		})
	}
}
