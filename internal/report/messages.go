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
var messages = map[string]map[i18n.Lang]string{
	"title": {i18n.English: "Account takeover response record", i18n.Japanese: "不正アクセス被害の対応記録"},

	"colon":      {i18n.English: ": ", i18n.Japanese: "："},
	"when-sep":   {i18n.English: " — ", i18n.Japanese: "　"},
	"step-ref":   {i18n.English: "%s (step %d)", i18n.Japanese: "%s（手順%d）"},
	"removed-as": {i18n.English: "%s (no longer in the playbook)", i18n.Japanese: "%s（プレイブックから削除された手順）"},
	"paren":      {i18n.English: "%s (%s)", i18n.Japanese: "%s（%s）"},
	"list-sep":   {i18n.English: ", ", i18n.Japanese: "、"},

	"lang.en": {i18n.English: "English", i18n.Japanese: "英語"},
	"lang.ja": {i18n.English: "Japanese", i18n.Japanese: "日本語"},

	"head.playbook":         {i18n.English: "Playbook", i18n.Japanese: "プレイブック"},
	"head.playbook-version": {i18n.English: "%s, version %s", i18n.Japanese: "%s（バージョン %s）"},
	"head.service":          {i18n.English: "Service", i18n.Japanese: "サービス"},
	"head.incident":         {i18n.English: "Incident", i18n.Japanese: "対応番号"},
	"head.opened":           {i18n.English: "Opened", i18n.Japanese: "対応開始"},
	"head.closed":           {i18n.English: "Closed", i18n.Japanese: "対応終了"},
	"head.not-closed":       {i18n.English: "not yet, the response is still going on", i18n.Japanese: "未終了（対応中）"},
	"head.lang":             {i18n.English: "Language", i18n.Japanese: "言語"},
	"head.lang-recorded":    {i18n.English: "%s (recorded in %s)", i18n.Japanese: "%s（記録時の言語：%s）"},
	"head.generated":        {i18n.English: "Report made", i18n.Japanese: "作成日時"},
	"head.zone":             {i18n.English: "Time zone", i18n.Japanese: "時刻の基準"},

	"summary":               {i18n.English: "Summary", i18n.Japanese: "概要"},
	"summary.apply":         {i18n.English: "Steps that apply", i18n.Japanese: "対象の手順"},
	"summary.apply-of":      {i18n.English: "%d of %d (%d do not apply)", i18n.Japanese: "全%[2]d手順中%[1]d手順（対象外 %[3]d手順）"},
	"summary.apply-all":     {i18n.English: "%d (all the playbook's steps)", i18n.Japanese: "%d手順（プレイブックの全手順）"},
	"summary.done":          {i18n.English: "Done", i18n.Japanese: "完了"},
	"summary.skipped":       {i18n.English: "Skipped", i18n.Japanese: "スキップ"},
	"summary.open":          {i18n.English: "Still to do", i18n.Japanese: "未完了"},
	"summary.open-about":    {i18n.English: "%d (overdue, due now or put off)", i18n.Japanese: "%d（期限切れ・実施可能・あとに回したもの）"},
	"summary.waiting":       {i18n.English: "Waiting", i18n.Japanese: "待機中"},
	"summary.waiting-about": {i18n.English: "%d (for a set time, or for other steps)", i18n.Japanese: "%d（時間の経過やほかの手順を待っているもの）"},

	"timeline":       {i18n.English: "Timeline", i18n.Japanese: "経過"},
	"timeline.intro": {i18n.English: "Everything that was recorded, oldest first.", i18n.Japanese: "記録した内容を、古い順に並べています。"},
	"timeline.none":  {i18n.English: "Nothing has been recorded yet.", i18n.Japanese: "まだ何も記録されていません。"},

	"action.done":   {i18n.English: "Done", i18n.Japanese: "完了"},
	"action.skip":   {i18n.English: "Skipped", i18n.Japanese: "スキップ"},
	"action.later":  {i18n.English: "Put off", i18n.Japanese: "あとに回した"},
	"action.reset":  {i18n.English: "Marked as not done again", i18n.Japanese: "未完了に戻した"},
	"action.answer": {i18n.English: "Answered", i18n.Japanese: "質問に回答"},
	"action.note":   {i18n.English: "Note added", i18n.Japanese: "メモを追加"},
	"action.close":  {i18n.English: "Incident closed", i18n.Japanese: "対応を終了"},
	"action.reopen": {i18n.English: "Incident reopened (the attack came back)", i18n.Japanese: "対応を再開（被害の再発）"},

	"label.answer":     {i18n.English: "Answer", i18n.Japanese: "回答"},
	"label.reason":     {i18n.English: "Reason", i18n.Japanese: "理由"},
	"label.no-reason":  {i18n.English: "none given", i18n.Japanese: "記入なし"},
	"label.note":       {i18n.English: "Note", i18n.Japanese: "メモ"},
	"label.done-times": {i18n.English: "Done %d times so far", i18n.Japanese: "これまでに%d回実施"},
	"label.done-once":  {i18n.English: "Done once so far", i18n.Japanese: "これまでに1回実施"},

	"steps":       {i18n.English: "Steps by phase", i18n.Japanese: "手順ごとの状況"},
	"steps.intro": {i18n.English: "Every step of the playbook, in order. [x] marks a step that was done.", i18n.Japanese: "プレイブックのすべての手順を順に並べています。[x] は完了した手順です。"},

	"state.done":            {i18n.English: "Done: %s", i18n.Japanese: "完了：%s"},
	"state.done-undated":    {i18n.English: "Done", i18n.Japanese: "完了"},
	"state.skipped":         {i18n.English: "Skipped: %s", i18n.Japanese: "スキップ：%s"},
	"state.skipped-undated": {i18n.English: "Skipped", i18n.Japanese: "スキップ"},
	"state.not-applicable":  {i18n.English: "Not applicable to this incident", i18n.Japanese: "今回は対象外"},
	"state.waiting-until":   {i18n.English: "Waiting: can be done from %s", i18n.Japanese: "待機中（%s から実施可能）"},
	"state.waiting-steps":   {i18n.English: "Waiting for the steps it depends on", i18n.Japanese: "待機中（前提となる手順の完了待ち）"},
	"state.due":             {i18n.English: "Due since %s", i18n.Japanese: "未実施（%s から実施可能）"},
	"state.due-undated":     {i18n.English: "Due now", i18n.Japanese: "未実施（実施可能）"},
	"state.overdue":         {i18n.English: "Overdue: due since %s", i18n.Japanese: "期限切れ（%s から未実施）"},
	"state.overdue-undated": {i18n.English: "Overdue", i18n.Japanese: "期限切れ（未実施）"},
	"state.later":           {i18n.English: "Put off, still to do", i18n.Japanese: "あとに回した（未実施）"},

	"removed":       {i18n.English: "No longer in the playbook", i18n.Japanese: "プレイブックから削除された手順"},
	"removed.intro": {i18n.English: "These steps were taken out of the playbook after they were recorded. Their records are kept as they were.", i18n.Japanese: "以下の手順は、記録したあとでプレイブックから削除されました。記録はそのまま残しています。"},

	"open":         {i18n.English: "Open items and follow-ups", i18n.Japanese: "未完了の項目と今後の確認"},
	"open.none":    {i18n.English: "Nothing is open.", i18n.Japanese: "未完了の項目はありません。"},
	"open.todo":    {i18n.English: "Still to do", i18n.Japanese: "まだ終わっていない手順"},
	"open.waiting": {i18n.English: "Waiting for other steps", i18n.Japanese: "ほかの手順の完了を待っている手順"},
	"open.dates":   {i18n.English: "Dates ahead", i18n.Japanese: "今後の予定"},
	"open.gate":    {i18n.English: "Can be done from this time", i18n.Japanese: "この時刻から実施できます"},
	"open.repeat":  {i18n.English: "Check %d of %d", i18n.Japanese: "%d / %d 回目の確認"},
	"open.past":    {i18n.English: "This time has passed", i18n.Japanese: "この日時は過ぎています"},

	"contacts":          {i18n.English: "Contacts", i18n.Japanese: "連絡先"},
	"contacts.intro":    {i18n.English: "As listed in the playbook, with when each was last confirmed. Numbers change: check the official page before calling.", i18n.Japanese: "プレイブックに載っている連絡先と、その情報を確認した時期です。電話番号は変わることがあるため、かける前に公式のページで確かめてください。"},
	"contacts.phone":    {i18n.English: "Phone", i18n.Japanese: "電話"},
	"contacts.web":      {i18n.English: "Web", i18n.Japanese: "Web"},
	"contacts.verified": {i18n.English: "Verified", i18n.Japanese: "情報の確認時期"},
	"contacts.note":     {i18n.English: "Note", i18n.Japanese: "備考"},

	"sources": {i18n.English: "Sources", i18n.Japanese: "出典"},

	"ics.calendar": {i18n.English: "acctguard: incident %d", i18n.Japanese: "acctguard：対応 %d"},
	"ics.summary":  {i18n.English: "acctguard: %s", i18n.Japanese: "acctguard：%s"},
	"ics.repeat":   {i18n.English: "%s (%d of %d)", i18n.Japanese: "%s（%d / %d 回目）"},
	"ics.gate":     {i18n.English: "Can be done from this time: %s", i18n.Japanese: "この時刻から実施できます：%s"},
	"ics.step":     {i18n.English: "Time for this step: %s", i18n.Japanese: "実施する手順：%s"},
	"ics.incident": {i18n.English: "Incident %d: %s", i18n.Japanese: "対応 %d：%s"},
	"ics.run":      {i18n.English: "Run: %s", i18n.Japanese: "次のコマンドで進めてください：%s"},
}

// msg returns the report's text for key in l, falling back to English for
// a language the report does not speak.
func msg(l i18n.Lang, key string) string {
	m, ok := messages[key]
	if !ok {
		panic("report: no message " + key)
	}
	if s, ok := m[l]; ok {
		return s
	}
	return m[i18n.English]
}

// msgf formats the report's text for key in l.
func msgf(l i18n.Lang, key string, args ...any) string {
	return fmt.Sprintf(msg(l, key), args...)
}
