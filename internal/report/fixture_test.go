package report

import (
	"slices"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
)

var jst = time.FixedZone("JST", 9*3600)

// jstAt is a time of the fixture's incident, in November or December 2026.
func jstAt(month time.Month, day, hour, minute int) time.Time {
	return time.Date(2026, month, day, hour, minute, 0, 0, jst)
}

// What the person typed, the same in every report: they recorded the
// incident in Japanese.
const (
	noteMessageCenter = "メッセージセンターにも同じ通知がありました。本物のAmazonからの連絡です。"
	noteOrders        = "覚えのない注文が5件（Nintendo Switch Online 利用券）。\n注文番号 503-1234567-7654321 ほか4件\n- いずれも 23:58〜0:10 の注文"
	noteFirstLock     = "23:04着の「お客様のAmazon.co.jpアカウントに対する最近の変更」というメール。パスワードは無効にされ、5時間待つようにとのこと。"
	noteSecondLock    = "2回目の不正アクセス。19:48にAmazonから再びメール。mastercard（末尾2桁のみ表示）に ¥2,925 / ¥2,926 / ¥3,520 を返金したとのこと。"
	noteResetOK       = "再設定できた。新しいパスワードはほかで使っていないもの。"
	noteResetAgain    = "2回目のメールでパスワードがまた無効になったので、やり直し。"
	noteCard          = "カード会社の紛失・盗難デスクに電話（20:05〜20:18）。受付番号 FR-20261126-0458、担当 佐藤様。カードは利用停止、再発行まで約1週間。身に覚えのない請求3件（Amazon）は調査してもらう。"
	noteCancelled     = "発送前の注文はAmazon側ですべてキャンセル済みだった。"
	notePayments      = "登録していたカード2枚を削除。ほかの支払い方法はなし。"
	noteSignOut       = "ログインできないので、パスワードを再設定してから行う。"
	notePolice        = "#9110 は平日の日中のみ。27日(金)の朝にかけ直す。"
	noteNextDay       = "利用明細を確認。この時点では不審な請求なし。"
	notePrime         = "プライム会員の設定は変わっていなかった。"
	notePrimeRenewal  = "次回の更新日も変わっていない。"
	reasonFamily      = "家族はこのアカウントを使っていない"
	noteAgain         = "19:48にAmazonから2通目のメール。パスワードがまた無効にされていた。"
	noteCredit        = "ギフトカード残高として返還された"
	noteStatement     = "カードの利用明細で見つけた（日付のみ）"
	noteEvidence      = "Amazonからのメールは削除せずに保存。注文履歴の画面をスクリーンショットで保存。"
	answerLockedOut   = "いいえ、ログインできません"
	answerBackIn      = "はい、ログインできました"
	answerNotSure     = "分かりません"
)

// What to check at each follow-up: the playbook's how, as the caller
// gives it (trimmed, in the report's language).
var whatText = map[string]struct{ en, ja string }{
	"reset-password-after-wait": {
		"- Open amazon.co.jp or the Amazon app yourself and go to the sign-in page.\n" +
			"- Enter your email address, then choose \"Forgot your password?\" (「パスワードをお忘れですか？」).\n" +
			"- Set a new password that you have never used anywhere else.",
		"- 自分で開いたamazon.co.jpまたはAmazonアプリで、ログイン画面に進みます。\n" +
			"- メールアドレスを入力し、「パスワードをお忘れですか？」を選びます。\n" +
			"- ほかで使っていない新しいパスワードを設定します。",
	},
	"recheck-after-a-week": {
		"- Orders (including digital and hidden ones), payment methods, Amazon Pay and addresses: anything new that you did not do?\n" +
			"- Login & security: are the email address, phone number, passkeys and 2-step verification still as you set them?",
		"- 注文（デジタル注文や非表示の注文を含む）、支払い方法、Amazon Pay、アドレス帳に、覚えのない変化はありませんか。\n" +
			"- 「ログインとセキュリティ」のメールアドレス、電話番号、パスキー、2段階認証は設定したままですか。",
	},
	"weekly-recheck": {
		"- Repeat the checks from the one-week step: orders, payment methods, addresses, devices, connected sites, subscriptions, and Login & security.\n" +
			"- If something is wrong, deal with it the same day and add a note.",
		"- 1週間後の確認と同じ項目（注文、支払い方法、アドレス帳、端末、連携しているサイト、定期購読、ログインとセキュリティ）を確認します。\n" +
			"- おかしな点があれば、その日のうちに対応し、メモを残してください。",
	},
}

// fixture is the one incident every golden file shows: an Amazon.co.jp
// account taken over on a Monday night and again on Thursday evening,
// reported at 21:00 that Thursday. Playbook texts are in lang, as the
// caller would give them; what the person typed is as they typed it.
func fixture(lang i18n.Lang) *Report {
	tr := func(en, ja string) string {
		if lang == i18n.Japanese {
			return ja
		}
		return en
	}
	type stepText struct{ en, ja string }
	titles := map[string]stepText{
		"open-amazon-yourself":      {"Open Amazon yourself, not from the message", "メールのリンクを使わず、自分でAmazonを開く"},
		"check-message-center":      {"Look for the same message in the Message Center", "メッセージセンターに同じメールがあるか確認する"},
		"compare-order-history":     {"Compare the message with your order history", "注文履歴と照らし合わせる"},
		"rule-out-innocent-causes":  {"Rule out family members, renewals and other explanations", "家族の利用や自動更新などでないか確かめる"},
		"can-sign-in":               {"Check whether you can sign in to Amazon", "Amazonにログインできるか確かめる"},
		"change-amazon-password":    {"Change your Amazon password", "Amazonのパスワードを変更する"},
		"note-lock-email":           {"Find Amazon's email about the lock and note when it arrived", "アカウント保護のメールを探し、届いた時刻を控える"},
		"reset-password-after-wait": {`Reset the password with "Forgot your password?"`, "「パスワードをお忘れですか？」から再設定する"},
		"reset-worked":              {"Check whether the reset worked", "再設定できたか確かめる"},
		"contact-amazon-support":    {"Contact Amazon customer service", "Amazonカスタマーサービスに連絡する"},
		"call-card-issuers":         {"Call every card company whose card was stored on Amazon", "Amazonに登録していたカードの会社すべてに電話する"},
		"cancel-unknown-orders":     {"Cancel unknown orders that have not shipped yet", "発送前の覚えのない注文をキャンセルする"},
		"remove-payment-methods":    {"Remove stored cards and other payment methods", "登録済みのカードやほかの支払い方法を削除する"},
		"sign-out-all-devices":      {"Sign out of Amazon on all devices", "すべての端末でAmazonからサインアウトする"},
		"turn-on-2sv":               {"Turn on 2-step verification", "2段階認証を設定する"},
		"entered-details-on-link":   {"Think back to any link you followed", "メールやSMSのリンクを開いたか振り返る"},
		"report-phishing-message":   {"Report the fake message to Amazon", "偽のメールやSMSをAmazonに報告する"},
		"consult-police":            {"Consult the police cyber-crime desk", "警察のサイバー犯罪相談窓口に相談する"},
		"check-card-next-day":       {"Check your card activity the next day", "翌日、カードの利用状況を確認する"},
		"recheck-after-a-week":      {"One week later, check the whole account again", "1週間後、アカウント全体をもう一度確認する"},
		"weekly-recheck":            {"Check the account again each week for a month", "その後1か月、毎週アカウントを確認する"},
	}
	// Steps said as done, for the letters; the others have none, as a
	// user's playbook may not, and the letters show their titles.
	dones := map[string]stepText{
		"open-amazon-yourself":   {"Opened Amazon myself, not from the message", "メールのリンクを使わず、自分でAmazonを開いた"},
		"call-card-issuers":      {"Called every card company whose card was stored on Amazon", "Amazonに登録していたカードの会社すべてに電話した"},
		"cancel-unknown-orders":  {"Cancelled the unknown orders that had not shipped yet", "発送前の覚えのない注文をキャンセルした"},
		"remove-payment-methods": {"Removed the stored cards and other payment methods", "登録済みのカードやほかの支払い方法を削除した"},
		"check-card-next-day":    {"Checked my card activity the next day", "翌日、カードの利用状況を確認した"},
	}
	title := func(id string) string { return tr(titles[id].en, titles[id].ja) }
	done := func(id string) string { return tr(dones[id].en, dones[id].ja) }
	what := func(id string) string { return tr(whatText[id].en, whatText[id].ja) }

	n := 0
	step := func(id, state string, s Step) Step {
		n++
		s.ID, s.Number, s.Title, s.Done, s.State = id, n, title(id), done(id), state
		return s
	}
	phase := func(id string, steps ...Step) PhaseSteps {
		return PhaseSteps{Phase: id, Title: lang.T("phase." + id), Steps: steps}
	}
	entry := func(at time.Time, id, action string, e Entry) Entry {
		e.At, e.StepID, e.Action = at, id, action
		if _, ok := titles[id]; ok {
			e.StepTitle = title(id)
		}
		return e
	}

	opened := jstAt(11, 23, 22, 50)
	earlierClosed := jstAt(11, 22, 22, 50)
	r := &Report{
		Lang:        string(lang),
		GeneratedAt: jstAt(11, 26, 21, 0),
		Location:    jst,
		Incident: Incident{
			ID:              3,
			PlaybookID:      "amazon-takeover",
			PlaybookTitle:   tr("Amazon account takeover", "Amazonアカウントの乗っ取り"),
			PlaybookVersion: "2026-11-26",
			Service:         tr("Amazon (amazon.co.jp)", "Amazon（amazon.co.jp）"),
			Lang:            "ja",
			OpenedAt:        opened,
			Related: []Related{
				{ID: 1, OpenedAt: opened.Add(-72 * time.Hour), ClosedAt: &earlierClosed},
				{ID: 4, OpenedAt: opened.Add(2 * time.Hour)},
			},
		},
		Cover: Cover{Name: "山田 花子", Contact: "090-1234-5678", AccountEmail: "hanako@example.jp"},
		Intrusions: []Intrusion{
			{At: opened, Incident: 3, Kind: "opened"},
			{At: jstAt(11, 26, 19, 48), Incident: 3, Kind: "again", Note: noteAgain},
		},
		Charges: []Charge{
			{ID: 1, At: jstAt(11, 23, 23, 58), Amount: 2925, Currency: "JPY", Merchant: "Amazon.co.jp", Order: "503-1234567-7654321", Card: "Mastercard 12",
				Refunds: []Refund{{At: jstAt(11, 26, 19, 48), Amount: 2925}}},
			{ID: 2, At: jstAt(11, 24, 0, 3), Amount: 2926, Currency: "JPY", Merchant: "Amazon.co.jp", Order: "503-2345678-8765432", Card: "Mastercard 12",
				Refunds: []Refund{{At: jstAt(11, 26, 0, 0), DateOnly: true, Amount: 2926, Credit: true, Note: noteCredit}}},
			{ID: 3, At: jstAt(11, 24, 0, 0), DateOnly: true, Amount: 3520, Currency: "JPY", Merchant: "Amazon.co.jp", Order: "503-3456789-9876543", Card: "Mastercard 12", Note: noteStatement},
		},
		Contacted: []Contacted{
			{StepID: "call-card-issuers", Title: title("call-card-issuers"), Done: done("call-card-issuers"), At: jstAt(11, 26, 20, 20), Notes: []string{noteCard}},
			{StepID: "consult-police", Title: title("consult-police"), Who: []string{tr("Police consultation line (#9110)", "警察相談専用電話（#9110）")}, Notes: []string{notePolice}},
		},
		Evidence: []Step{{ID: "start-evidence-log", Title: tr("Keep the evidence", "証拠を残す"), State: "done", FinishedAt: jstAt(11, 23, 23, 15), Notes: []string{noteEvidence}}},
		Summary:  Summary{Done: 11, Skipped: 1, Open: 4, Waiting: 3, NotApplicable: 2, Total: 19},
		Timeline: []Entry{
			entry(jstAt(11, 23, 22, 55), "open-amazon-yourself", "done", Entry{}),
			entry(jstAt(11, 23, 23, 0), "check-message-center", "done", Entry{Note: noteMessageCenter}),
			entry(jstAt(11, 23, 23, 5), "can-sign-in", "answer", Entry{Answer: answerLockedOut}),
			entry(jstAt(11, 23, 23, 6), "note-lock-email", "done", Entry{Note: noteFirstLock}),
			entry(jstAt(11, 23, 23, 10), "compare-order-history", "done", Entry{Note: noteOrders}),
			entry(jstAt(11, 23, 23, 12), "rule-out-innocent-causes", "skip", Entry{Reason: reasonFamily}),
			entry(jstAt(11, 23, 23, 20), "cancel-unknown-orders", "done", Entry{Note: noteCancelled}),
			entry(jstAt(11, 23, 23, 25), "remove-payment-methods", "done", Entry{Note: notePayments}),
			entry(jstAt(11, 23, 23, 30), "check-prime-membership", "done", Entry{Note: notePrime}),
			entry(jstAt(11, 24, 4, 30), "reset-password-after-wait", "done", Entry{Note: noteResetOK}),
			entry(jstAt(11, 24, 4, 35), "reset-worked", "answer", Entry{Answer: answerBackIn}),
			entry(jstAt(11, 24, 4, 40), "check-prime-membership", "note", Entry{Note: notePrimeRenewal}),
			entry(jstAt(11, 25, 8, 10), "check-card-next-day", "done", Entry{Note: noteNextDay}),
			entry(jstAt(11, 26, 19, 55), "", "again", Entry{Note: noteAgain}),
			entry(jstAt(11, 26, 19, 56), "reset-password-after-wait", "reset", Entry{Note: noteResetAgain}),
			entry(jstAt(11, 26, 19, 56), "note-lock-email", "reset", Entry{}),
			entry(jstAt(11, 26, 19, 57), "note-lock-email", "done", Entry{Note: noteSecondLock}),
			entry(jstAt(11, 26, 20, 20), "call-card-issuers", "done", Entry{Note: noteCard}),
			entry(jstAt(11, 26, 20, 30), "entered-details-on-link", "answer", Entry{Answer: answerNotSure}),
			entry(jstAt(11, 26, 20, 45), "sign-out-all-devices", "note", Entry{Note: noteSignOut}),
			entry(jstAt(11, 26, 20, 50), "consult-police", "later", Entry{Note: notePolice}),
		},
		Phases: []PhaseSteps{
			phase("verify",
				step("open-amazon-yourself", "done", Step{Critical: true, FinishedAt: jstAt(11, 23, 22, 55), Completions: 1}),
				step("check-message-center", "done", Step{FinishedAt: jstAt(11, 23, 23, 0), Completions: 1, Notes: []string{noteMessageCenter}}),
				step("compare-order-history", "done", Step{FinishedAt: jstAt(11, 23, 23, 10), Completions: 1, Notes: []string{noteOrders}}),
				step("rule-out-innocent-causes", "skipped", Step{FinishedAt: jstAt(11, 23, 23, 12), Reason: reasonFamily}),
			),
			phase("contain",
				step("can-sign-in", "done", Step{Critical: true, FinishedAt: jstAt(11, 23, 23, 5), Answer: answerLockedOut}),
				step("change-amazon-password", "not-applicable", Step{Critical: true}),
				step("note-lock-email", "done", Step{Critical: true, FinishedAt: jstAt(11, 26, 19, 57), Completions: 1, Notes: []string{noteFirstLock, noteSecondLock}}),
				step("reset-password-after-wait", "waiting", Step{AvailableAt: jstAt(11, 27, 0, 57), Notes: []string{noteResetOK, noteResetAgain}}),
				step("reset-worked", "done", Step{FinishedAt: jstAt(11, 24, 4, 35), Answer: answerBackIn}),
				step("contact-amazon-support", "not-applicable", Step{Critical: true}),
				step("call-card-issuers", "done", Step{Critical: true, FinishedAt: jstAt(11, 26, 20, 20), Completions: 1, Notes: []string{noteCard}}),
				step("cancel-unknown-orders", "done", Step{Critical: true, FinishedAt: jstAt(11, 23, 23, 20), Completions: 1, Notes: []string{noteCancelled}}),
				step("remove-payment-methods", "done", Step{FinishedAt: jstAt(11, 23, 23, 25), Completions: 1, Notes: []string{notePayments}}),
				step("sign-out-all-devices", "overdue", Step{Critical: true, AvailableAt: jstAt(11, 24, 4, 35), Notes: []string{noteSignOut}}),
			),
			phase("recover",
				step("turn-on-2sv", "overdue", Step{AvailableAt: opened}),
				step("entered-details-on-link", "done", Step{FinishedAt: jstAt(11, 26, 20, 30), Answer: answerNotSure}),
				step("report-phishing-message", "due", Step{AvailableAt: jstAt(11, 26, 20, 30)}),
			),
			phase("report",
				step("consult-police", "later", Step{AvailableAt: opened, Notes: []string{notePolice}}),
			),
			phase("follow-up",
				step("check-card-next-day", "done", Step{FinishedAt: jstAt(11, 25, 8, 10), Completions: 1, Notes: []string{noteNextDay}}),
				step("recheck-after-a-week", "waiting", Step{AvailableAt: jstAt(11, 30, 22, 50)}),
				step("weekly-recheck", "waiting", Step{}),
			),
		},
		Removed: []RemovedStep{{
			ID: "check-prime-membership",
			Entries: []Entry{
				entry(jstAt(11, 23, 23, 30), "check-prime-membership", "done", Entry{Note: notePrime}),
				entry(jstAt(11, 24, 4, 40), "check-prime-membership", "note", Entry{Note: notePrimeRenewal}),
			},
		}},
		FollowUps: []FollowUp{
			{StepID: "reset-password-after-wait", Title: title("reset-password-after-wait"), At: jstAt(11, 27, 0, 57), Gate: true, What: what("reset-password-after-wait")},
			{StepID: "recheck-after-a-week", Title: title("recheck-after-a-week"), At: jstAt(11, 30, 22, 50), What: what("recheck-after-a-week")},
			{StepID: "weekly-recheck", Title: title("weekly-recheck"), At: jstAt(12, 7, 22, 50), Occurrence: 1, Of: 4, What: what("weekly-recheck")},
			{StepID: "weekly-recheck", Title: title("weekly-recheck"), At: jstAt(12, 14, 22, 50), Occurrence: 2, Of: 4, What: what("weekly-recheck")},
			{StepID: "weekly-recheck", Title: title("weekly-recheck"), At: jstAt(12, 21, 22, 50), Occurrence: 3, Of: 4, What: what("weekly-recheck")},
			{StepID: "weekly-recheck", Title: title("weekly-recheck"), At: jstAt(12, 28, 22, 50), Occurrence: 4, Of: 4, What: what("weekly-recheck")},
		},
		Contacts: []Contact{
			{
				Name:     tr("Amazon.co.jp customer service (official contact page)", "Amazon.co.jp カスタマーサービス（公式のお問い合わせページ）"),
				URL:      "https://www.amazon.co.jp/contact-us",
				Verified: "2020-10",
				Note: tr("Start here, even if you cannot sign in. Choose 「パスワードを忘れた場合」, then the customer service link, then the topic about signing in to your account. Amazon offers a chat or calls you back. Menu names change from time to time.",
					"ログインできなくても、まずここから連絡します。「パスワードを忘れた場合」→「カスタマーサービス」→「アカウント&ログインに関する問題」と進み、チャットか折り返し電話を依頼します。メニューの名前は変わることがあります。"),
			},
			{
				Name:     tr("Amazon customer service phone (from within Japan)", "Amazonカスタマーサービス 電話（日本国内から）"),
				Phone:    "0120-899-543",
				URL:      "https://www.amazon.co.jp/contact-us",
				Verified: "2020-09",
				Note: tr("Free call within Japan. This number was printed in Amazon's own email, as quoted in a victim's report from September 2020 (see the sources). Phone numbers change, so check the official contact page first.",
					"国内からは無料です。2020年9月の被害者の記事（出典を参照）に引用された、Amazonからのメールに書かれていた番号です。電話番号は変わることがあるため、先に公式のお問い合わせページで確認してください。"),
			},
			{
				Name:     tr("Police consultation line (#9110)", "警察相談専用電話（#9110）"),
				Phone:    "#9110",
				URL:      "https://www.gov-online.go.jp/pr/media/cd/201511/201511_08.html",
				Verified: "2015-11",
				Note: tr("Nationwide number for police consultations that are not emergencies; it connects you to the police of the prefecture you call from. Usually weekday office hours, which differ by prefecture. In an emergency, call 110.",
					"緊急ではない警察への相談のための全国共通の番号で、かけた地域の警察本部などにつながります。受付は多くの地域で平日の日中で、時間は都道府県によって異なります。緊急のときは110番です。"),
			},
		},
		Sources: []Source{
			{ID: "founding-report", Title: tr("What to do when your Amazon account is taken over (Usami, Kokoro no Sensei Usami, @usab1og; numbers as of September 2020)",
				"「Amazonアカウントを乗っ取られた(不正アクセスされた)時の対処法」（ココロの先生うさみ、2020年9月時点の情報）")},
			{ID: "localnavi-report", Title: tr("Notes from taking back a hijacked Amazon account (localnavi.biz, updated October 2020)",
				"「アマゾンのアカウントを乗っ取られてから取り返すまでの備忘録」（localnavi.biz、2020年10月更新）"),
				URL: "https://www.localnavi.biz/archives/amazon-account.html"},
			{ID: "npa-unauthorized-access", Title: tr("National Police Agency - Measures against unauthorised access", "警察庁「不正アクセス対策」"),
				URL: "https://www.npa.go.jp/bureau/cyber/countermeasures/unauthorized-access.html"},
		},
	}
	for _, p := range r.Phases {
		for _, s := range p.Steps {
			if s.State == "done" {
				r.Done = append(r.Done, s)
			}
		}
	}
	slices.SortStableFunc(r.Done, func(a, b Step) int { return a.FinishedAt.Compare(b.FinishedAt) })
	return r
}
