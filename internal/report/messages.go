package report

import (
	"fmt"

	"github.com/acctguard/acctguard/internal/i18n"
)

// messages holds the report's own texts: headings, labels and the phrases
// around what the person recorded. They are kept here rather than in i18n
// because only the report uses them, and a report is read by people who
// never saw acctguard's screens (a card issuer, the police): the wording
// is for them. Labels are bare; the colon comes from "colon", since
// English and Japanese punctuate differently.
var messages = i18n.NewTable(func() map[string]i18n.Text {
	return map[string]i18n.Text{
		"title": {En: "Account takeover response record", Ja: "不正アクセス被害の対応記録"},

		"colon":      {En: ": ", Ja: "："},
		"when-sep":   {En: " — ", Ja: "　"},
		"step-ref":   {En: "%s (step %d)", Ja: "%s（手順%d）"},
		"removed-as": {En: "%s (no longer in the playbook)", Ja: "%s（手順書から削除された手順）"},
		"paren":      {En: "%s (%s)", Ja: "%s（%s）"},
		"list-sep":   {En: ", ", Ja: "、"},

		"lang.en": {En: "English", Ja: "英語"},
		"lang.ja": {En: "Japanese", Ja: "日本語"},

		"head.playbook":         {En: "Playbook", Ja: "手順書"},
		"head.playbook-version": {En: "%s, version %s", Ja: "%s（バージョン %s）"},
		"head.service":          {En: "Service", Ja: "サービス"},
		"head.incident":         {En: "Incident", Ja: "案件番号"},
		"head.opened":           {En: "Opened", Ja: "対応開始"},
		"head.closed":           {En: "Closed", Ja: "対応終了"},
		"head.not-closed":       {En: "not yet, the response is still going on", Ja: "未終了（対応中）"},
		"head.related":          {En: "Related", Ja: "関連する案件"},
		"head.related-open":     {En: "incident %d, from %s, still open", Ja: "案件%d（%s 開始、対応中）"},
		"head.related-closed":   {En: "incident %d, %s to %s", Ja: "案件%d（%s〜%s）"},
		"head.lang":             {En: "Language", Ja: "言語"},
		"head.lang-recorded":    {En: "%s (recorded in %s)", Ja: "%s（記録時の言語：%s）"},
		"head.generated":        {En: "Report made", Ja: "作成日時"},
		"head.zone":             {En: "Time zone", Ja: "タイムゾーン"},

		"summary":               {En: "Summary", Ja: "概要"},
		"summary.apply":         {En: "Steps that apply", Ja: "対象の手順"},
		"summary.apply-of":      {En: "%d of %d (%d do not apply)", Ja: "全%[2]d手順中%[1]d手順（対象外 %[3]d手順）"},
		"summary.apply-all":     {En: "%d (all the playbook's steps)", Ja: "%d手順（手順書の全手順）"},
		"summary.done":          {En: "Done", Ja: "完了"},
		"summary.skipped":       {En: "Skipped", Ja: "スキップ"},
		"summary.open":          {En: "Still to do", Ja: "未完了"},
		"summary.open-about":    {En: "%d (overdue, due now or put off)", Ja: "%d（予定より遅れているもの・今できるもの・あとに回したもの）"},
		"summary.waiting":       {En: "Waiting", Ja: "待機中"},
		"summary.waiting-about": {En: "%d (for a set time, or for other steps)", Ja: "%d（時間の経過やほかの手順を待っているもの）"},

		"timeline":       {En: "Timeline", Ja: "経過"},
		"timeline.intro": {En: "Everything that was recorded, oldest first.", Ja: "記録した内容を、古い順に並べています。"},
		"timeline.none":  {En: "Nothing has been recorded yet.", Ja: "まだ何も記録されていません。"},

		"action.done":   {En: "Done", Ja: "完了"},
		"action.skip":   {En: "Skipped", Ja: "スキップ"},
		"action.later":  {En: "Put off", Ja: "あとに回した"},
		"action.reset":  {En: "Marked as not done again", Ja: "未完了に戻した"},
		"action.answer": {En: "Answered", Ja: "質問に回答"},
		"action.note":   {En: "Note added", Ja: "メモを追加"},
		"action.close":  {En: "Incident closed", Ja: "対応を終了"},
		"action.reopen": {En: "Incident reopened (the attack came back)", Ja: "対応を再開（被害の再発）"},
		"action.again":  {En: "The attack came back", Ja: "被害が再び起きた"},

		"label.answer":     {En: "Answer", Ja: "回答"},
		"label.reason":     {En: "Reason", Ja: "理由"},
		"label.no-reason":  {En: "none given", Ja: "記入なし"},
		"label.note":       {En: "Note", Ja: "メモ"},
		"label.done-times": {En: "Done %d times so far", Ja: "これまでに%d回実施"},
		"label.done-once":  {En: "Done once so far", Ja: "これまでに1回実施"},

		"steps":             {En: "Steps by phase", Ja: "段階ごとの手順"},
		"steps.intro":       {En: "Every step of the playbook, in order. [x] marks a step that was done.", Ja: "手順書のすべての手順を順に並べています。[x] は完了した手順です。"},
		"steps.intro-boxes": {En: "Every step of the playbook, in order. A ticked box marks a step that was done.", Ja: "手順書のすべての手順を順に並べています。チェックの入った手順は完了しています。"},

		"state.done":            {En: "Done: %s", Ja: "完了：%s"},
		"state.done-undated":    {En: "Done", Ja: "完了"},
		"state.skipped":         {En: "Skipped: %s", Ja: "スキップ：%s"},
		"state.skipped-undated": {En: "Skipped", Ja: "スキップ"},
		"state.not-applicable":  {En: "Not applicable to this incident", Ja: "今回は対象外"},
		"state.waiting-until":   {En: "Waiting: can be done from %s", Ja: "待機中（%sから実施できます）"},
		"state.waiting-steps":   {En: "Waiting for the steps it depends on", Ja: "待機中（前提となる手順の完了待ち）"},
		"state.due":             {En: "Due since %s", Ja: "未実施（%sから実施できます）"},
		"state.due-undated":     {En: "Due now", Ja: "未実施（今できます）"},
		"state.overdue":         {En: "Overdue: due since %s", Ja: "予定より遅れ（%sから未実施）"},
		"state.overdue-undated": {En: "Overdue", Ja: "予定より遅れ（未実施）"},
		"state.later":           {En: "Put off, still to do", Ja: "あとに回した（未実施）"},

		"removed":       {En: "No longer in the playbook", Ja: "手順書から削除された手順"},
		"removed.intro": {En: "These steps were taken out of the playbook after they were recorded. Their records are kept as they were.", Ja: "以下の手順は、記録したあとで手順書から削除されました。記録はそのまま残しています。"},

		"open":         {En: "Open items and follow-ups", Ja: "未完了の項目と今後の確認"},
		"open.none":    {En: "Nothing is open.", Ja: "未完了の項目はありません。"},
		"open.todo":    {En: "Still to do", Ja: "まだ終わっていない手順"},
		"open.waiting": {En: "Waiting for other steps", Ja: "ほかの手順の完了を待っている手順"},
		"open.dates":   {En: "Dates ahead", Ja: "今後の予定"},
		"open.gate":    {En: "Can be done from this time", Ja: "この時刻から実施できます"},
		"open.repeat":  {En: "Check %d of %d", Ja: "%[2]d回中%[1]d回目の確認"},
		"open.past":    {En: "This time has passed", Ja: "この日時は過ぎています"},

		"contacts":          {En: "Contacts", Ja: "連絡先"},
		"contacts.intro":    {En: "As listed in the playbook, with when each was last confirmed. Numbers change: check the official page before calling.", Ja: "手順書に載っている連絡先と、その情報を確認した時期です。電話番号は変わることがあるため、かける前に公式のページで確かめてください。"},
		"contacts.phone":    {En: "Phone", Ja: "電話"},
		"contacts.web":      {En: "Web", Ja: "Web"},
		"contacts.verified": {En: "Verified", Ja: "情報の確認時期"},
		"contacts.note":     {En: "Note", Ja: "備考"},

		"sources": {En: "Sources", Ja: "出典"},

		"ics.calendar": {En: "acctguard: incident %d", Ja: "acctguard：案件%d"},
		"ics.summary":  {En: "acctguard: %s", Ja: "acctguard：%s"},
		"ics.repeat":   {En: "%s (%d of %d)", Ja: "%[1]s（%[3]d回中%[2]d回目）"},
		"ics.gate":     {En: "Can be done now: %s", Ja: "実施できるようになりました：%s"},
		"ics.step":     {En: "Time for this step: %s", Ja: "実施する手順：%s"},
		"ics.incident": {En: "Incident %d: %s", Ja: "案件%d：%s"},
		"ics.run":      {En: "Run: %s", Ja: "次のコマンドで進めてください：%s"},
		"ics.todo":     {En: "acctguard: %d steps still to do", Ja: "acctguard：まだ済んでいない手順（%d件）"},
		"ics.todo-one": {En: "acctguard: 1 step still to do", Ja: "acctguard：まだ済んでいない手順（1件）"},
		"ics.todo.intro": {
			En: "Steps you can do now, including any overdue or put off:",
			Ja: "今できる手順（予定より遅れているもの、あとに回したものも含む）：",
		},
	}
})

// msg returns the report's text for key in l, falling back to English for
// a language the report does not speak.
func msg(l i18n.Lang, key string) string { return messages.Get(l, key) }

// msgf formats the report's text for key in l.
func msgf(l i18n.Lang, key string, args ...any) string {
	return fmt.Sprintf(msg(l, key), args...)
}
