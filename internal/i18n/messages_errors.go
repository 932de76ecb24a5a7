package i18n

// errorTexts are the texts of acctguard's errors and hints, keyed
// "error.<command or topic>.<what>". In English an error is one
// lower-case sentence without a full stop, as Go errors are, with %q for
// what the person typed; in Japanese it is a sentence that ends in 。, with
// 「%s」 for what was typed. A hint says what to do next.
func errorTexts() map[string]Text {
	return map[string]Text{
		"error.hint": {En: "hint: ", Ja: "ヒント："},

		"error.incident.already-closed":      {En: "incident %d is already closed", Ja: "案件%dはすでに終了しています。"},
		"error.incident.already-closed.hint": {En: "\"acctguard incident reopen %d\" opens it again", Ja: "「acctguard incident reopen %d」で再開できます。"},

		"error.several-open.name-one": {En: "name one: %s N; open incidents: %s", Ja: "番号を指定してください（%s N）。対応中の番号：%s"},
		"error.several-open.flag":     {En: "add --incident N; open incidents: %s", Ja: "--incident N で番号を指定してください。対応中の番号：%s"},
	}
}
