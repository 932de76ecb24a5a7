package state

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/i18n/keycheck"
)

// Every text of the state file's errors exists in both languages, and the
// Japanese quotes with 「」.
func TestEveryStateTextInBothLanguages(t *testing.T) {
	for key, m := range texts.All() {
		if m.En == "" || m.Ja == "" || strings.Contains(m.Ja, "%q") || strings.Contains(m.Ja, `"`) {
			t.Errorf("text %q is missing a language or quotes the English way: %+v", key, m)
		}
	}
}

// Both languages of a text take the same values: neither has a verb
// without a value, or a value left over (the Japanese may leave one out
// with %[n], as "statefile.reads-fine" does).
func TestEveryStateTextTakesTheSameValues(t *testing.T) {
	for key, m := range texts.All() {
		n := verbs(m.En)
		args := make([]any, n)
		for i := range args {
			args[i] = anyValue{}
		}
		for _, format := range []string{m.En, m.Ja} {
			if got := fmt.Sprintf(strings.ReplaceAll(format, "%w", "%v"), args...); strings.Contains(got, "%!") {
				t.Errorf("text %q with %d values: %s", key, n, got)
			}
		}
	}
}

var verb = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*\d*[a-zA-Z%]`)

// verbs returns how many values format takes.
func verbs(format string) int {
	n, next := 0, 0
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		if strings.HasSuffix(m[0], "%") {
			continue
		}
		if m[2] != "" {
			next, _ = strconv.Atoi(m[2])
		} else {
			next++
		}
		n = max(n, next)
	}
	return n
}

// anyValue writes itself under any verb.
type anyValue struct{}

func (anyValue) Format(f fmt.State, _ rune) { fmt.Fprint(f, "x") }

// Every key the package's code names is in its table.
func TestEveryStateKeyUsedExists(t *testing.T) {
	uses, err := keycheck.Uses(".", []string{"texts.M", "texts.Errorf"}, []string{"statefile"})
	if err != nil {
		t.Fatal(err)
	}
	if len(uses) < 50 {
		t.Fatalf("found only %d keys; is the scan still looking at the calls?", len(uses))
	}
	for _, u := range uses {
		if !texts.Has(u.Key) {
			t.Errorf("%s: no text %q", u.Pos, u.Key)
		}
	}
}

// The errors a person reads are written in their language, the system's
// and the decoder's words kept; English stays as it was.
func TestStateErrorsInJapanese(t *testing.T) {
	const path = "/home/a/state.json"
	decodeErr := func(data string) error {
		_, err := decode(path, []byte(data))
		return err
	}
	tests := []struct {
		name   string
		err    error
		en, ja string
	}{
		{
			"truncated",
			decodeErr("{\n  \"schema\": 1,\n  \"incidents\": [\n"),
			`state file "/home/a/state.json" is damaged at line 3, column 17: unexpected end of JSON input`,
			"記録ファイル「/home/a/state.json」が3行17列で壊れています：ファイルが途中で終わっています。",
		},
		{
			"syntax",
			decodeErr(`{"schema": 1 "incidents": []}`),
			`state file "/home/a/state.json" is damaged at line 1, column 14: invalid character '"' after object value (expecting ',' or '}')`,
			"記録ファイル「/home/a/state.json」が1行14列で壊れています：JSONとして読めません（invalid character '\"' after object value (expecting ',' or '}')）。",
		},
		{
			"invalid UTF-8",
			decodeErr("{\"schema\": 1, \"incidents\": [], \"x\": \"\xe1\"}"),
			`state file "/home/a/state.json" is damaged at line 1, column 38: invalid UTF-8 (byte 0xE1)`,
			"記録ファイル「/home/a/state.json」が1行38列で壊れています：UTF-8として読めないバイト（0xE1）があります。",
		},
		{
			"empty",
			decodeErr("\n"),
			`state file "/home/a/state.json" is damaged: it is empty, and acctguard never saves an empty file`,
			"記録ファイル「/home/a/state.json」が壊れています：ファイルが空です。acctguardが空のファイルを保存することはありません。",
		},
		{
			"wrong kind",
			decodeErr(`{"schema": 1, "next_id": "2", "incidents": []}`),
			`state file "/home/a/state.json" is damaged at line 1, column 26: "next_id" should be a number, not text`,
			"記録ファイル「/home/a/state.json」が1行26列で壊れています：「next_id」は数値のはずですが、文字列になっています。",
		},
		{
			"power of ten",
			decodeErr(`{"schema": 1, "next_id": 1e400, "incidents": []}`),
			`state file "/home/a/state.json" is damaged at line 1, column 26: "next_id" should be a whole number written in digits only, not 1e400`,
			"記録ファイル「/home/a/state.json」が1行26列で壊れています：「next_id」は数字だけで書いた整数のはずですが、1e400になっています。",
		},
		{
			"no schema",
			decodeErr(`{"incidents": []}`),
			`state file "/home/a/state.json" is damaged: "schema" is missing`,
			"記録ファイル「/home/a/state.json」が壊れています：「schema」がありません。",
		},
		{
			"unknown action",
			decodeErr(`{"schema": 1, "incidents": [{"id": 1, "events": [{"step": "a", "action": "jump"}]}]}`),
			`state file "/home/a/state.json" is damaged at line 1, column 74: unknown action "jump"`,
			"記録ファイル「/home/a/state.json」が1行74列で壊れています：「jump」という記録の種類はありません。",
		},
		{
			"newer",
			decodeErr(`{"schema": 9, "incidents": []}`),
			`state file "/home/a/state.json" was written by a newer acctguard (schema 9); this one reads schema 1`,
			"記録ファイル「/home/a/state.json」は新しいacctguardで書かれています（schema 9）。このacctguardが読めるのはschema 1までです。",
		},
		{
			"backup damaged",
			texts.Errorf("statefile.cannot-restore", &DamagedError{Path: path + ".bak", Err: ErrEmpty, what: "backup"}),
			`cannot restore: backup "/home/a/state.json.bak" is damaged: it is empty, and acctguard never saves an empty file`,
			"復元できません：バックアップ「/home/a/state.json.bak」が壊れています：ファイルが空です。acctguardが空のファイルを保存することはありません。",
		},
		{
			"locked",
			&LockedError{Path: path, Waited: 90 * time.Second},
			`state file "/home/a/state.json" is in use by another acctguard: gave up after waiting 1m30s`,
			"記録ファイル「/home/a/state.json」をほかのacctguardが使っています。1分30秒待ちましたが、あきらめました。",
		},
		{
			"locked briefly",
			&LockedError{Path: path, Waited: 200 * time.Millisecond},
			`state file "/home/a/state.json" is in use by another acctguard: gave up after waiting 200ms`,
			"記録ファイル「/home/a/state.json」をほかのacctguardが使っています。200ミリ秒待ちましたが、あきらめました。",
		},
		{
			"not writable",
			&SaveError{Path: path, Err: fs.ErrPermission},
			`saving state file "/home/a/state.json": acctguard may not write in its folder "/home/a": permission denied`,
			"記録ファイル「/home/a/state.json」を保存できません。acctguardにはフォルダー「/home/a」に書き込む権限がありません（permission denied）。",
		},
		{
			"folder",
			texts.Errorf("statefile.reading", whatFile("state file"), path, ErrFolder),
			`reading state file "/home/a/state.json": it is a folder, not a file`,
			"記録ファイル「/home/a/state.json」を読み込めません：ファイルではなくフォルダーです。",
		},
		{
			"reads fine",
			texts.Errorf("statefile.reads-fine", path, ErrNothingToRestore),
			`cannot restore: state file "/home/a/state.json" reads fine, and restoring its backup would undo its last save: nothing to restore`,
			"復元しません。記録ファイル「/home/a/state.json」は問題なく読めます。バックアップに戻すと、最後の保存が取り消されます。",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("no error")
			}
			if got := tt.err.Error(); got != tt.en {
				t.Errorf("Error() = %q\nwant      %q", got, tt.en)
			}
			if got := i18n.Message(tt.err, i18n.Japanese); got != tt.ja {
				t.Errorf("Message(ja) = %q\nwant          %q", got, tt.ja)
			}
		})
	}
}

// The errors callers look for are still found through the localised
// errors wrapped around them.
func TestLocalisedStateErrorsStillMatch(t *testing.T) {
	damaged := &DamagedError{Path: "p", Err: ErrMissing}
	err := texts.Errorf("statefile.cannot-restore", damaged)
	var d *DamagedError
	if !errors.As(err, &d) || d != damaged || !errors.Is(err, ErrMissing) || errors.Is(err, ErrEmpty) {
		t.Errorf("errors.Is/As do not see through %v", err)
	}
	if err := texts.Errorf("statefile.reads-fine", "p", ErrNothingToRestore); !errors.Is(err, ErrNothingToRestore) {
		t.Errorf("%v is not ErrNothingToRestore", err)
	}
	if err := texts.Errorf("statefile.reading", whatFile(""), "p", ErrFolder); !errors.Is(err, ErrFolder) {
		t.Errorf("%v is not ErrFolder", err)
	}
	save := &SaveError{Path: "p", Err: fs.ErrPermission}
	if !errors.Is(texts.Errorf("statefile.cannot-restore", save), ErrNotWritable) {
		t.Errorf("%v is not ErrNotWritable", save)
	}
}
