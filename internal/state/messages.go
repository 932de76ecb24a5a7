package state

import (
	"cmp"
	"path/filepath"

	"github.com/acctguard/acctguard/internal/i18n"
)

// texts are the words of the state file's errors, in each language.
var texts = i18n.NewTable(func() map[string]i18n.Text {
	return map[string]i18n.Text{
		"statefile.state-file":         {En: "state file", Ja: "記録ファイル"},
		"statefile.backup":             {En: "backup", Ja: "バックアップ"},
		"statefile.damaged-at":         {En: "%s %q is damaged at line %d, column %d: %v", Ja: "%s「%s」が%d行%d列で壊れています：%v"},
		"statefile.damaged":            {En: "%s %q is damaged: %v", Ja: "%s「%s」が壊れています：%v"},
		"statefile.newer":              {En: "state file %q was written by a newer acctguard (schema %d); this one reads schema %d", Ja: "記録ファイル「%s」は新しい acctguard で書かれています（schema %d）。この acctguard が読めるのは schema %d までです。"},
		"statefile.empty":              {En: "it is empty, and acctguard never saves an empty file", Ja: "ファイルが空です（acctguard は空のファイルを保存しません）"},
		"statefile.missing":            {En: "it is missing, but its backup is still there", Ja: "ファイルがありません（バックアップは残っています）"},
		"statefile.locked":             {En: "state file %q is in use by another acctguard: gave up after waiting %v", Ja: "記録ファイル「%s」をほかの acctguard が使っています。%v 待ちましたが、あきらめました。"},
		"statefile.folder":             {En: "it is a folder, not a file", Ja: "ファイルではなくフォルダーです"},
		"statefile.not-writable":       {En: "acctguard may not write there", Ja: "acctguard にはそこに書き込む権限がありません"},
		"statefile.disk-full":          {En: "the disk is full", Ja: "ディスクがいっぱいです"},
		"statefile.save-not-writable":  {En: "saving state file %q: acctguard may not write in its folder %q: %v", Ja: "記録ファイル「%s」を保存できません。acctguard にはフォルダー「%s」に書き込む権限がありません：%v"},
		"statefile.save-disk-full":     {En: "saving state file %q: the disk is full: %v", Ja: "記録ファイル「%s」を保存できません。ディスクがいっぱいです：%v"},
		"statefile.cannot-restore":     {En: "cannot restore: %w", Ja: "復元できません：%v"},
		"statefile.no-backup":          {En: "cannot restore: there is no backup %q", Ja: "復元できません。バックアップ「%s」がありません。"},
		"statefile.reads-fine":         {En: "cannot restore: state file %q reads fine, and restoring its backup would undo its last save: %w", Ja: "復元しません。記録ファイル「%[1]s」は問題なく読めます。バックアップに戻すと、最後の保存が取り消されます。"},
		"statefile.cannot-keep":        {En: "cannot restore: keeping the damaged file: %w", Ja: "復元できません。壊れたファイルを残せませんでした：%v"},
		"statefile.nothing-to-restore": {En: "nothing to restore", Ja: "復元するものはありません"},
		"statefile.save":               {En: "saving state file %q: %v", Ja: "記録ファイル「%s」を保存できません：%v"},
	}
})

// In writes the error in l; the cause keeps the words it has.
func (e *DamagedError) In(l i18n.Lang) string {
	what := texts.M("statefile.state-file")
	if cmp.Or(e.what, "state file") == "backup" {
		what = texts.M("statefile.backup")
	}
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
	return texts.M("statefile.locked", e.Path, e.Waited).In(l)
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
