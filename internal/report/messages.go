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

		"head.playbook":              {En: "Playbook", Ja: "手順書"},
		"head.playbook-version":      {En: "%s, version %s", Ja: "%s（バージョン %s）"},
		"head.service":               {En: "Service", Ja: "サービス"},
		"head.incident":              {En: "Incident", Ja: "案件番号"},
		"head.opened":                {En: "Opened", Ja: "対応開始"},
		"head.closed":                {En: "Closed", Ja: "対応終了"},
		"head.not-closed":            {En: "not yet, the response is still going on", Ja: "未終了（対応中）"},
		"head.related":               {En: "Related", Ja: "関連する案件"},
		"head.related-open":          {En: "incident %d, from %s, still open", Ja: "案件%d（%s 開始、対応中）"},
		"head.related-closed":        {En: "incident %d, %s to %s", Ja: "案件%d（%s〜%s）"},
		"head.related-open-titled":   {En: "incident %[1]d, %[3]s, from %[2]s, still open", Ja: "案件%[1]d「%[3]s」（%[2]s 開始、対応中）"},
		"head.related-closed-titled": {En: "incident %[1]d, %[4]s, %[2]s to %[3]s", Ja: "案件%[1]d「%[4]s」（%[2]s〜%[3]s）"},
		"head.lang":                  {En: "Language", Ja: "言語"},
		"head.lang-recorded":         {En: "%s (recorded in %s)", Ja: "%s（記録時の言語：%s）"},
		"head.generated":             {En: "Report made", Ja: "作成日時"},
		"head.zone":                  {En: "Time zone", Ja: "タイムゾーン"},

		"summary.apply":         {En: "Steps that apply", Ja: "対象の手順"},
		"summary.apply-of":      {En: "%d of %d (%d do not apply)", Ja: "全%[2]d手順中%[1]d手順（対象外 %[3]d手順）"},
		"summary.apply-all":     {En: "%d (all the playbook's steps)", Ja: "%d手順（手順書の全手順）"},
		"summary.done":          {En: "Done", Ja: "完了"},
		"summary.skipped":       {En: "Skipped", Ja: "スキップ"},
		"summary.open":          {En: "Still to do", Ja: "未完了"},
		"summary.open-about":    {En: "%d (overdue, due now or put off)", Ja: "%d（予定より遅れているもの・今できるもの・あとに回したもの）"},
		"summary.waiting":       {En: "Waiting", Ja: "待機中"},
		"summary.waiting-about": {En: "%d (for a set time, or for other steps)", Ja: "%d（時間の経過やほかの手順を待っているもの）"},

		"not-recorded":  {En: "(not recorded)", Ja: "（未記入）"},
		"cover.name":    {En: "Name", Ja: "氏名"},
		"cover.contact": {En: "Contact", Ja: "連絡先"},
		"cover.email":   {En: "Account e-mail", Ja: "登録メールアドレス"},

		"happened":         {En: "What happened", Ja: "起きたこと"},
		"happened.opened":  {En: "The takeover was noticed; the response began (incident %d)", Ja: "乗っ取りに気づき、対応を始めた（案件%d）"},
		"happened.again":   {En: "The attack came back", Ja: "被害が再び起きた"},
		"happened.related": {En: "Another attack, recorded as incident %d", Ja: "別の被害（案件%dとして記録）"},
		"happened.none":    {En: "Nothing recorded.", Ja: "記録はありません。"},

		"charges":                 {En: "What was taken", Ja: "被害の内容（身に覚えのない請求・注文）"},
		"charges.intro":           {En: "Charges and orders the account holder did not make, as recorded, with what has come back.", Ja: "本人に身に覚えのない請求・注文と、返ってきた額です。"},
		"charges.none":            {En: "No charges or orders have been recorded.", Ja: "身に覚えのない請求・注文は記録されていません。"},
		"charges.col.when":        {En: "When", Ja: "日時"},
		"charges.col.amount":      {En: "Amount", Ja: "金額"},
		"charges.col.where":       {En: "Where", Ja: "請求元"},
		"charges.col.order":       {En: "Order", Ja: "注文番号"},
		"charges.col.card":        {En: "Card", Ja: "カード"},
		"charges.col.refunded":    {En: "Refunded", Ja: "返金済み"},
		"charges.col.outstanding": {En: "Outstanding", Ja: "未返金"},
		"charges.col.note":        {En: "Note", Ja: "メモ"},
		"charges.no-card":         {En: "card not recorded", Ja: "カード未記入"},
		"charges.total-card":      {En: "Total, %s (%d)", Ja: "合計：%s（%d件）"},
		"charges.total":           {En: "Total (%d)", Ja: "合計（%d件）"},
		"charges.order":           {En: "order %s", Ja: "注文番号 %s"},
		"charges.card":            {En: "card %s", Ja: "カード %s"},
		"charges.head":            {En: "Charge %d: %s", Ja: "請求%d：%s"},
		"charges.sum":             {En: "%s: %s charged, %s refunded, %s outstanding", Ja: "%s：請求額 %s、返金済み %s、未返金 %s"},
		"charges.none-back":       {En: "Nothing refunded yet: %s outstanding", Ja: "返金なし（未返金 %s）"},
		"charges.all-back":        {En: "Refunded in full (%s)", Ja: "全額返金済み（%s）"},
		"charges.part-back":       {En: "%s refunded, %s outstanding", Ja: "%s返金済み、未返金 %s"},

		"refunds":        {En: "What has come back", Ja: "返金・返還されたもの"},
		"refunds.card":   {En: "%s refunded to the card", Ja: "%sがカードに返金された"},
		"refunds.credit": {En: "%s given back as store credit (gift-card balance or points)", Ja: "%sがギフトカード残高・ポイントで返還された"},
		"refunds.charge": {En: "For charge %d: %s", Ja: "請求%dの分：%s"},
		"refunds.none":   {En: "Nothing has come back yet.", Ja: "まだ返金・返還はありません。"},

		"contacted":          {En: "Who was contacted", Ja: "連絡した先"},
		"contacted.not-done": {En: "Not done yet", Ja: "まだ連絡していません"},
		"contacted.who":      {En: "Who", Ja: "連絡先"},
		"contacted.none":     {En: "No one has been contacted yet.", Ja: "まだどこにも連絡していません。"},
		"done.none":          {En: "Nothing has been done yet.", Ja: "まだ何も行っていません。"},

		"letter.written":            {En: "Written", Ja: "作成日時"},
		"letter.reference":          {En: "My record", Ja: "手元の記録"},
		"letter.reference-value":    {En: "acctguard incident %d", Ja: "acctguard の案件%d"},
		"letter.why":                {En: "What I ask", Ja: "お願いしたいこと"},
		"letter.contacted":          {En: "Contacted so far, with reference numbers", Ja: "これまでの連絡先と受付番号"},
		"letter.done":               {En: "What I have done so far", Ja: "これまでに行った対応"},
		"letter.card.title":         {En: "Charges I did not make: for the card company", Ja: "身に覚えのないカード利用について（カード会社の方へ）"},
		"letter.card.card":          {En: "Card", Ja: "カード"},
		"letter.card.intro":         {En: "My %s account was taken over by someone else, and my card was used for charges I did not make.", Ja: "%sのアカウントが第三者に乗っ取られ、私のカードで身に覚えのない利用がありました。"},
		"letter.card.ask.1":         {En: "Stop the card, so that it cannot be used again.", Ja: "カードの利用を止めてください。"},
		"letter.card.ask.2":         {En: "Issue a new card with a new number.", Ja: "新しい番号でカードを再発行してください。"},
		"letter.card.ask.3":         {En: "Investigate the charges below, and cancel or refund those not yet refunded.", Ja: "下記の利用を調査し、まだ返金されていないものは取り消しか返金をお願いします。"},
		"letter.card.ask.4":         {En: "Give me a reference number for this call.", Ja: "この件の受付番号を教えてください。"},
		"letter.card.charges":       {En: "The charges I dispute", Ja: "身に覚えのない利用"},
		"letter.card.noticed":       {En: "When it happened", Ja: "起きた日時"},
		"letter.support.title":      {En: "My account was taken over: for %s customer service", Ja: "アカウントの乗っ取りについて（%sカスタマーサービスの方へ）"},
		"letter.support.intro":      {En: "Someone else signed in to my account and used it. Please help me secure the account and deal with the orders below.", Ja: "第三者に私のアカウントへログインされ、使われました。アカウントの保護と、下記の注文への対応をお願いします。"},
		"letter.support.ask.1":      {En: "Make sure no one but me can sign in to the account.", Ja: "私以外の人がログインできないようにしてください。"},
		"letter.support.ask.2":      {En: "Cancel or refund the orders below that I did not make.", Ja: "下記の身に覚えのない注文を、取り消すか返金してください。"},
		"letter.support.ask.3":      {En: "Tell me what was changed on the account, and when: e-mail address, phone number, addresses, payment methods, sign-ins.", Ja: "アカウントで何がいつ変更されたか（メールアドレス、電話番号、お届け先住所、支払い方法、ログイン）を教えてください。"},
		"letter.support.ask.4":      {En: "Give me a case number for this contact.", Ja: "この問い合わせの受付番号を教えてください。"},
		"letter.support.happened":   {En: "What happened and when", Ja: "起きたことと日時"},
		"letter.support.orders":     {En: "Orders and charges I did not make", Ja: "身に覚えのない注文・請求"},
		"letter.police.title":       {En: "Consultation memo: unauthorised access to my online account", Ja: "相談メモ：オンラインアカウントへの不正アクセス"},
		"letter.police.service":     {En: "Service", Ja: "被害にあったサービス"},
		"letter.police.for":         {En: "About this memo", Ja: "このメモについて"},
		"letter.police.intro":       {En: "Prepared for a consultation with the prefectural police cyber-crime desk, or on the police consultation line #9110. Everything below was recorded at the time it happened.", Ja: "都道府県警察のサイバー犯罪相談窓口、または警察相談専用電話（#9110）での相談のためにまとめたメモです。以下は、その都度記録した内容です。"},
		"letter.police.happened":    {En: "What happened", Ja: "起きたこと"},
		"letter.police.losses":      {En: "Losses", Ja: "被害額"},
		"letter.police.charged":     {En: "Charged", Ja: "請求された額"},
		"letter.police.refunded":    {En: "Refunded or credited", Ja: "返金・返還された額"},
		"letter.police.outstanding": {En: "Not refunded", Ja: "返ってきていない額"},
		"letter.police.evidence":    {En: "Evidence kept", Ja: "保存している証拠"},
		"letter.police.record":      {En: "This record: every step and note with its time (acctguard incident %d, %d entries)", Ja: "この記録：手順とメモを、その時刻とともに残したもの（acctguard の案件%d、%d件）"},
		"letter.police.questions":   {En: "What I would like to ask", Ja: "相談したいこと"},
		"letter.police.ask.1":       {En: "Whether to report this as a crime, and what to bring if so.", Ja: "被害届を出すべきか。出す場合は何を持って行けばよいか。"},
		"letter.police.ask.2":       {En: "How to keep the evidence until then.", Ja: "それまで証拠をどのように保存しておけばよいか。"},
		"letter.police.ask.3":       {En: "Whether anything else should be done to stop further harm.", Ja: "これ以上の被害を防ぐために、ほかにすべきことはあるか。"},

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
