package i18n

// stateErrorTexts are the hints after an error about the state file
// (記録ファイル), what to do and that nothing was lost, and the errors of
// the commands that use it.
func stateErrorTexts() map[string]Text {
	return map[string]Text{
		"error.state.damaged.hint":         {En: "the file was left exactly as it is; repair it by hand, or move it away to start afresh", Ja: "ファイルはそのまま残してあります。手で直すか、別の場所に移して最初から始めてください。"},
		"error.state.empty.hint":           {En: "the file was left exactly as it is; put it back from a backup of your computer if you have one, or remove it to start afresh", Ja: "ファイルはそのまま残してあります。パソコンのバックアップがあればそこから戻すか、削除して最初から始めてください。"},
		"error.state.missing.hint":         {En: "nothing was changed; its backup %s is the state before the last save, so restoring it loses the last change saved: %q does that; to start afresh instead, move the backup away too", Ja: "何も変更していません。バックアップ「%s」は最後の保存の前の状態なので、戻すと最後に保存した変更は失われます。戻すには「%s」を実行します。最初から始めるなら、バックアップも別の場所に移してください。"},
		"error.state.both-damaged.hint":    {En: "the file was left exactly as it is, and its backup cannot be used either (%v); repair one of them by hand", Ja: "ファイルはそのまま残してあります。どちらかを手で直してください。バックアップも使えません：%v"},
		"error.state.restore.hint":         {En: "the file was left exactly as it is; its backup %s is the state before the last save, so restoring it loses the last change saved: %q does that, keeping the damaged file aside", Ja: "ファイルはそのまま残してあります。バックアップ「%s」は最後の保存の前の状態なので、戻すと最後に保存した変更は失われます。「%s」で、壊れたファイルを残したまま戻せます。"},
		"error.state.newer.hint":           {En: "use the newer acctguard that wrote it", Ja: "このファイルを書いた新しいacctguardを使ってください。"},
		"error.state.locked.hint":          {En: "nothing was saved; the other acctguard seems stuck: close its window, then run this again", Ja: "何も保存していません。ほかのacctguardが止まっているようです。そのウィンドウを閉じてから、もう一度実行してください。"},
		"error.state.disk-full.hint":       {En: "nothing was saved, and the state file is as it was; free some disk space, then run this again", Ja: "何も保存しておらず、記録ファイルは元のままです。ディスクの空きを作ってから、もう一度実行してください。"},
		"error.state.not-writable.hint":    {En: "nothing was saved, and the state file is as it was; make that folder writable for you, or choose another state file with --state", Ja: "何も保存しておらず、記録ファイルは元のままです。そのフォルダーに書き込めるようにするか、--stateで別の記録ファイルを指定してください。"},
		"error.state.folder.hint":          {En: "move that folder away, or choose another state file with --state", Ja: "そのフォルダーを別の場所に移すか、--stateで別の記録ファイルを指定してください。"},
		"error.state.permission.hint":      {En: "check that the state file and its folder are yours, or choose another state file with --state", Ja: "記録ファイルとそのフォルダーが自分のものか確かめるか、--stateで別の記録ファイルを指定してください。"},
		"error.state.restore-damaged.hint": {En: "nothing was changed; repair the state file or its backup by hand, or move both away to start afresh", Ja: "何も変更していません。記録ファイルかバックアップを手で直すか、両方を別の場所に移して最初から始めてください。"},
		"error.state.unchanged.hint":       {En: "nothing was changed", Ja: "何も変更していません。"},

		// Errors of the commands that use the state file.
		"error.state.lock-timeout": {En: "ACCTGUARD_LOCK_TIMEOUT %q is not a duration such as 30s", Ja: "ACCTGUARD_LOCK_TIMEOUTの値「%s」は、30sのような時間の長さではありません。"},
	}
}
