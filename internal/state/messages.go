package state

import (
	"cmp"
	"path/filepath"
	"strings"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
)

// texts are the words of the state file's errors, in each language: a
// file that is damaged or from a newer acctguard, one that another
// acctguard holds, one that cannot be read, saved or restored. Keys are
// "statefile.<what>" ("state." names the states of a step on the screens).
//
// In English an error is one lower-case sentence without a full stop, with
// %q for a path; in Japanese a sentence ending in 。, with 「%s」. An error
// that wraps another ends with it ("：%v"), so that the inner one's 。
// ends the whole. What the system says ("permission denied") and what the
// JSON decoder says keep their own words.
var texts = i18n.NewTable(func() map[string]i18n.Text {
	return map[string]i18n.Text{
		// What a file is, in the errors about it.
		"statefile.state-file": {En: "state file", Ja: "記録ファイル"},
		"statefile.backup":     {En: "backup", Ja: "バックアップ"},

		// A file that cannot be read as one, and why.
		"statefile.damaged-at":     {En: "%s %q is damaged at line %d, column %d: %v", Ja: "%s「%s」が%d行%d列で壊れています：%v"},
		"statefile.damaged":        {En: "%s %q is damaged: %v", Ja: "%s「%s」が壊れています：%v"},
		"statefile.empty":          {En: "it is empty, and acctguard never saves an empty file", Ja: "ファイルが空です。acctguardが空のファイルを保存することはありません。"},
		"statefile.missing":        {En: "it is missing, but its backup is still there", Ja: "ファイルがありません。バックアップは残っています。"},
		"statefile.no-schema":      {En: `"schema" is missing`, Ja: "「schema」がありません。"},
		"statefile.bad-schema":     {En: `"schema" is %d, which no acctguard writes`, Ja: "「schema」が%dになっています。acctguardがこの値を書くことはありません。"},
		"statefile.no-action":      {En: `event %d of incident %d has no "action"`, Ja: "案件%[2]dの%[1]d番目の記録に「action」がありません。"},
		"statefile.unknown-action": {En: "unknown action %q", Ja: "「%s」という記録の種類はありません。"},
		"statefile.syntax":         {En: "%s", Ja: "JSONとして読めません（%s）。"},
		"statefile.invalid-utf8":   {En: "invalid UTF-8 (byte 0x%02X)", Ja: "UTF-8として読めないバイト（0x%02X）があります。"},
		"statefile.truncated":      {En: "unexpected end of JSON input", Ja: "ファイルが途中で終わっています。"},
		"statefile.not-time":       {En: "%q is not a date and time like %q", Ja: "「%s」は「%s」のような日時ではありません。"},
		"statefile.unreadable":     {En: "%s cannot be read", Ja: "%sを読み取れません。"},
		"statefile.too-long":       {En: "%s should be a whole number, not %s, which has too many digits", Ja: "%sは整数のはずですが、桁が多すぎる%sになっています。"},
		"statefile.power":          {En: "%s should be a whole number written in digits only, not %s", Ja: "%sは数字だけで書いた整数のはずですが、%sになっています。"},
		"statefile.not-whole":      {En: "%s should be a whole number, not %s", Ja: "%sは整数のはずですが、%sになっています。"},
		"statefile.wrong-kind":     {En: "%s should be %s, not %s", Ja: "%sは%sのはずですが、%sになっています。"},
		"statefile.field":          {En: "%q", Ja: "「%s」"},
		"statefile.the-file":       {En: "the file", Ja: "ファイル"},

		// What a value in the file is written as.
		"statefile.kind.text":   {En: "text", Ja: "文字列"},
		"statefile.kind.number": {En: "a number", Ja: "数値"},
		"statefile.kind.bool":   {En: "true or false", Ja: "trueかfalse"},
		"statefile.kind.null":   {En: "null", Ja: "null"},
		"statefile.kind.list":   {En: "a list", Ja: "リスト"},
		"statefile.kind.object": {En: "an object", Ja: "オブジェクト"},
		"statefile.kind.other":  {En: "something else", Ja: "それ以外の値"},

		"statefile.newer": {
			En: "state file %q was written by a newer acctguard (schema %d); this one reads schema %d",
			Ja: "記録ファイル「%s」は新しいacctguardで書かれています（schema %d）。このacctguardが読めるのはschema %dまでです。",
		},

		// Reading, locking, saving.
		"statefile.reading":           {En: "reading %s %q: %w", Ja: "%s「%s」を読み込めません：%v"},
		"statefile.folder":            {En: "it is a folder, not a file", Ja: "ファイルではなくフォルダーです。"},
		"statefile.locking":           {En: "locking state file %q: %w", Ja: "記録ファイル「%s」をロックできません：%v"},
		"statefile.locked":            {En: "state file %q is in use by another acctguard: gave up after waiting %v", Ja: "記録ファイル「%s」をほかのacctguardが使っています。%v待ちましたが、あきらめました。"},
		"statefile.not-writable":      {En: "acctguard may not write there", Ja: "acctguardにはそこに書き込む権限がありません。"},
		"statefile.disk-full":         {En: "the disk is full", Ja: "ディスクがいっぱいです。"},
		"statefile.save":              {En: "saving state file %q: %v", Ja: "記録ファイル「%s」を保存できません：%v"},
		"statefile.save-not-writable": {En: "saving state file %q: acctguard may not write in its folder %q: %v", Ja: "記録ファイル「%s」を保存できません。acctguardにはフォルダー「%s」に書き込む権限がありません（%v）。"},
		"statefile.save-disk-full":    {En: "saving state file %q: the disk is full: %v", Ja: "記録ファイル「%s」を保存できません。ディスクがいっぱいです（%v）。"},
		"statefile.bad-action":        {En: "incident %d, step %q: unknown action %q", Ja: "案件%d、手順「%s」：「%s」という記録の種類はありません。"},
		"statefile.removing":          {En: "removing %q: %w", Ja: "「%s」を削除できません：%v"},
		"statefile.replacing":         {En: "replacing %q: %w", Ja: "「%s」を置き換えられません：%v"},
		"statefile.no-temp-name":      {En: "no free temp name for %q", Ja: "「%s」の一時ファイルに使える名前がありません。"},
		"statefile.reading-link":      {En: "reading the link %q: %w", Ja: "リンク「%s」を読み取れません：%v"},
		"statefile.link-loop":         {En: "state file %q: too many symbolic links in a row (a loop?)", Ja: "記録ファイル「%s」のシンボリックリンクが何重にも続いています（輪になっていませんか？）。"},
		"statefile.link-folder":       {En: "state file %q is a link into folder %q, which cannot be used: %w", Ja: "記録ファイル「%s」はフォルダー「%s」の中へのリンクですが、そのフォルダーを使えません：%v"},
		"statefile.making-dir":        {En: "creating state directory %q: %w", Ja: "記録ファイルのフォルダー「%s」を作れません：%v"},

		// Restoring the backup.
		"statefile.cannot-restore": {En: "cannot restore: %w", Ja: "復元できません：%v"},
		"statefile.no-backup":      {En: "cannot restore: there is no backup %q", Ja: "復元できません。バックアップ「%s」がありません。"},
		// In Japanese the sentence itself says there is nothing to
		// restore: the %w of the English (ErrNothingToRestore) is not
		// written again.
		"statefile.reads-fine":         {En: "cannot restore: state file %q reads fine, and restoring its backup would undo its last save: %w", Ja: "復元しません。記録ファイル「%[1]s」は問題なく読めます。バックアップに戻すと、最後の保存が取り消されます。"},
		"statefile.cannot-keep":        {En: "cannot restore: keeping the damaged file: %w", Ja: "復元できません。壊れたファイルを残せませんでした：%v"},
		"statefile.nothing-to-restore": {En: "nothing to restore", Ja: "復元するものはありません。"},
		"statefile.names-taken":        {En: "%s and 99 more names like it are taken", Ja: "「%s」と、それに続く99個の名前がすべて使われています。"},

		// How long a save waited, in Japanese (English writes it as Go
		// does: 200ms, 30s, 1m30s).
		"statefile.duration.ms": {En: "%dms", Ja: "%dミリ秒"},
		"statefile.duration.s":  {En: "%ds", Ja: "%d秒"},
		"statefile.duration.m":  {En: "%dm", Ja: "%d分"},
		"statefile.duration.h":  {En: "%dh", Ja: "%d時間"},
	}
})

// whatFile names a file in errors: "state file", or "backup".
func whatFile(what string) i18n.Msg {
	if cmp.Or(what, "state file") == "backup" {
		return texts.M("statefile.backup")
	}
	return texts.M("statefile.state-file")
}

// In writes the error in l; the cause keeps the words it has.
func (e *DamagedError) In(l i18n.Lang) string {
	what := whatFile(e.what)
	if e.Line > 0 {
		return texts.M("statefile.damaged-at", what, e.Path, e.Line, e.Col, e.Err).In(l)
	}
	return texts.M("statefile.damaged", what, e.Path, e.Err).In(l)
}

// In writes the error in l.
func (e *NewerSchemaError) In(l i18n.Lang) string {
	return texts.M("statefile.newer", e.Path, e.Schema, SchemaVersion).In(l)
}

// In writes the error in l.
func (e *LockedError) In(l i18n.Lang) string {
	return texts.M("statefile.locked", e.Path, waited(e.Waited)).In(l)
}

// In writes the error in l; the system's own words stay as they are.
func (e *SaveError) In(l i18n.Lang) string {
	switch {
	case e.Is(ErrNotWritable):
		return texts.M("statefile.save-not-writable", e.Path, filepath.Dir(e.Path), e.Err).In(l)
	case e.Is(ErrDiskFull):
		return texts.M("statefile.save-disk-full", e.Path, e.Err).In(l)
	}
	return texts.M("statefile.save", e.Path, e.Err).In(l)
}

// In writes the error in l.
func (e *plainError) In(l i18n.Lang) string { return e.msg.In(l) }

// plain is a plainError with the text for key, err its original.
func plain(err error, key string, args ...any) *plainError {
	return &plainError{texts.M(key, args...), err}
}

// waited is how long a save waited for the lock: as Go writes it in
// English (200ms, 30s, 1m30s), in words in Japanese (200ミリ秒, 30秒,
// 1分30秒). A wait of a part of a millisecond or second keeps Go's form.
type waited time.Duration

func (w waited) In(l i18n.Lang) string {
	d := time.Duration(w)
	switch {
	case l == i18n.English || d <= 0:
		return d.String()
	case d < time.Second && d%time.Millisecond == 0:
		return texts.M("statefile.duration.ms", d.Milliseconds()).In(l)
	case d%time.Second != 0:
		return d.String()
	}
	var b strings.Builder
	for _, p := range []struct {
		n   time.Duration
		key string
	}{
		{d / time.Hour, "statefile.duration.h"},
		{d % time.Hour / time.Minute, "statefile.duration.m"},
		{d % time.Minute / time.Second, "statefile.duration.s"},
	} {
		if p.n > 0 {
			b.WriteString(texts.M(p.key, int64(p.n)).In(l))
		}
	}
	return b.String()
}
