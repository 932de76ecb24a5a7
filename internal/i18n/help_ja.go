package i18n

// helpJa is the Japanese of each command's help, keyed by the command's
// path without "acctguard" ("incident.close"; "root" for acctguard itself):
// "<path>.short", "<path>.long", "<path>.example", and for a flag
// "flag.<name>", or "<path>.flag.<name>" where one command's flag says
// something else. The English is the commands' own (Short, Long, flag
// usage), as cobra has it; a test checks that each has its Japanese here,
// and that nothing here is left over.
var helpJa = map[string]string{
	"usage.usage":        "使い方：",
	"usage.aliases":      "別名：",
	"usage.examples":     "例：",
	"usage.commands":     "コマンド：",
	"usage.flags":        "オプション：",
	"usage.global-flags": "共通のオプション：",
	"usage.topics":       "そのほかのヘルプ：",
	"usage.default":      "（既定：%s）",
	"usage.more":         "コマンドの詳しい説明は「%s [command] --help」で表示できます。",
	"flag.help":          "このヘルプを表示する",

	"root.short": "オンラインのアカウントが乗っ取られたあとの対応を、一つずつ案内します",
	"root.long": `acctguard は、オンラインのアカウントが乗っ取られたあとにやることを案内します。
通知が本物か確かめる、相手を締め出す、被害を見直す、報告する、数日後に
もう一度確かめる、の順です。済んだことは記録に残ります。`,
	"flag.lang":     "画面の言語：en か ja（既定は ACCTGUARD_LANG かロケール）",
	"flag.state":    "記録ファイル（既定は ACCTGUARD_STATE か標準の保存先）",
	"flag.no-color": "色を付けずに表示する",

	"completion.short": "シェルの補完スクリプトを出力します",
	"completion.long": `指定したシェル用に、acctguard の補完スクリプトを出力します。
使い方は、シェルごとのサブコマンドのヘルプを見てください。`,
	"completion.bash.short": "bash の補完スクリプトを出力します",
	"completion.bash.long": `bash 用の補完スクリプトを出力します。

bash-completion パッケージが必要です。入っていなければ、OS のパッケージ
管理ツールで入れてください。

今のシェルで補完を使うには：

	source <(acctguard completion bash)

新しいシェルでいつも使うには、一度だけ次を実行します。

Linux：

	acctguard completion bash > /etc/bash_completion.d/acctguard

macOS：

	acctguard completion bash > $(brew --prefix)/etc/bash_completion.d/acctguard

設定は、新しく開いたシェルから有効になります。
`,
	"completion.fish.short": "fish の補完スクリプトを出力します",
	"completion.fish.long": `fish 用の補完スクリプトを出力します。

今のシェルで補完を使うには：

	acctguard completion fish | source

新しいシェルでいつも使うには、一度だけ次を実行します。

	acctguard completion fish > ~/.config/fish/completions/acctguard.fish

設定は、新しく開いたシェルから有効になります。
`,
	"completion.powershell.short": "PowerShell の補完スクリプトを出力します",
	"completion.powershell.long": `PowerShell 用の補完スクリプトを出力します。

今のシェルで補完を使うには：

	acctguard completion powershell | Out-String | Invoke-Expression

新しいシェルでいつも使うには、上のコマンドの出力を PowerShell の
プロファイルに加えてください。
`,
	"completion.zsh.short": "zsh の補完スクリプトを出力します",
	"completion.zsh.long": `zsh 用の補完スクリプトを出力します。

シェルの補完がまだ有効でなければ、有効にしてください。一度だけ次を
実行します。

	echo "autoload -U compinit; compinit" >> ~/.zshrc

今のシェルで補完を使うには：

	source <(acctguard completion zsh)

新しいシェルでいつも使うには、一度だけ次を実行します。

Linux：

	acctguard completion zsh > "${fpath[1]}/_acctguard"

macOS：

	acctguard completion zsh > $(brew --prefix)/share/zsh/site-functions/_acctguard

設定は、新しく開いたシェルから有効になります。
`,
	"flag.no-descriptions": "補完候補に説明を付けない",

	"help.short": "コマンドのヘルプを表示します",
	"help.long":  "コマンドのヘルプを表示します。\n「acctguard help コマンド」で、そのコマンドの詳しい説明を表示できます。",

	"incident.short":       "案件の開始・一覧・終了・再開・削除と、被害の再発の記録",
	"incident.again.short": "被害の再発を記録し、締め出しの手順をもう一度案内します",
	"incident.again.long": `被害が再び起きたことを記録します（別の通知メール、身に覚えのない注文、
ログインできなくなった など）。相手を締め出して見直す手順と、スキップした
急ぎの手順をもう一度案内し、経過観察もこのときから数え直します。
これまでの記録はすべて残ります。終了した案件は再開します。`,
	"incident.again.example":   "  acctguard incident again --at 22:10 --note \"2通目の通知メール\"",
	"flag.at":                  "起きた時刻：now、22:10、2026-12-03 22:10",
	"incident.again.flag.note": "起きたこと",

	"incident.close.short": "対応を終えた案件を終了します",
	"incident.close.long": `案件を終了します。終わっていない手順があれば一覧にして、先に確認します
（--yes で確認を省けます）。予定している経過観察は、--drop-follow-ups を
付けない限り、済むまで「acctguard status」に表示されます。`,
	"flag.drop-follow-ups":    "経過観察も表示しないようにする",
	"incident.close.flag.yes": "終わっていない手順があっても、確認せずに終了する",

	"incident.delete.short": "案件と、その記録をすべて削除します",
	"incident.delete.long": `案件と、その記録をすべて削除します。元に戻せず、記録はどこにも残りません。
「acctguard report N -o ファイル」で写しを残せます。`,
	"incident.delete.flag.yes": "確認せずに削除する",

	"incident.list.short":       "案件を一覧にします（対応中のもの。--all ですべて）",
	"flag.all":                  "終了した案件も含める",
	"flag.json":                 "JSON で出力する（形式は README に説明があります）",
	"incident.new.short":        "新しい案件を始めて、その番号を出力します",
	"incident.new.flag.related": "この案件と一緒に扱う案件の番号（二つは並べて表示されます）",
	"incident.new.example":      "  n=$(acctguard incident new amazon-takeover)\n  acctguard step done open-amazon-yourself --incident \"$n\"",
	"incident.reopen.short":     "終了した案件を、記録を残したまま再開します",
	"incident.show.short":       "案件の経過と、各手順の状況をすべて表示します",

	"note.short": "手順にメモを残します（電話した相手、受付番号など）",
	"note.long": `手順にメモを残します。話した相手や、伝えられた受付番号などです。
パスワードやカード番号の全桁は書かないでください。カード番号を含むメモは
保存しません。下4桁で十分です。`,
	"flag.incident": "対象の案件（既定：対応中の案件が一つならそれ）",

	"playbook.short": "手順書の一覧・表示・確認・変更",
	"playbook.long": `手順書は、acctguard が案内する手順の一覧です。組み込みの手順書は
acctguard に入っています。自分用の手順書は
$XDG_CONFIG_HOME/acctguard/playbooks/<id>.yaml に置き、組み込みと同じ ID の
ものは組み込みの代わりに使われます。`,
	"playbook.edit.short": "手順書をエディターで変更します（保存の前に確かめます）",
	"playbook.edit.long": `手順書をエディターで開きます（ACCTGUARD_EDITOR、VISUAL、EDITOR の順、
なければ nano か vi）。保存して閉じると内容を確かめ、誤りがあれば、誤りの
一覧を先頭に付けてもう一度開きます。正しくなるまで保存しません。ファイルを
空にすると取り消せます。端末が必要です（ACCTGUARD_EDITOR に端末なしで
動くエディター、例えば "code --wait" を指定した場合は別です）。

組み込みの手順書を編集すると自分用のコピーとして保存され、組み込みの
代わりに使われます。「acctguard playbook reset ID」で組み込みに戻せます。`,
	"flag.interactive":            "エディターではなく、メニューで手順を変更する",
	"playbook.export.short":       "acctguard が使う手順書の YAML を出力します",
	"playbook.export.flag.force":  "ファイルがあれば置き換える",
	"playbook.export.flag.output": "書き出すファイル（既定は標準出力）",
	"playbook.import.short":       "手順書のファイルを確かめて、自分用の手順書に加えます",
	"playbook.import.long": `手順書のファイルを確かめ、その ID で自分用の手順書にコピーします。
同じ ID の自分用の手順書があれば、--force を付けたときだけ置き換えます。`,
	"playbook.import.flag.force": "同じ ID の自分用の手順書を置き換える",
	"playbook.list.short":        "組み込みの手順書と、自分用の手順書を一覧にします",
	"playbook.new.short":         "自分用の手順書を、ひな形かコピーから作ります",
	"playbook.new.long": `自分用の手順書を作ります。説明付きの短いひな形から、または --from で
ほかの手順書のコピーから（新しい ID で）始めます。端末があればエディターで
開き、正しい内容になったところで保存します。`,
	"flag.from":               "ひな形ではなく、この手順書をコピーする",
	"playbook.path.short":     "手順書を読み込むファイルを出力します（組み込みなら「built-in」）",
	"playbook.reset.short":    "組み込みの手順書の自分用コピーを削除し、組み込みに戻します",
	"playbook.reset.flag.yes": "確認しない。自分で作っただけの手順書も削除する",
	"playbook.show.short":     "手順書のすべての手順を、段階ごとに表示します",
	"playbook.show.example":   "  acctguard playbook show amazon-takeover\n  acctguard --lang ja playbook show amazon-takeover",
	"playbook.validate.short": "手順書のファイルや ID に誤りがないか確かめます",
	"playbook.validate.long": `手順書を確かめ、誤りをすべて行と列の位置とともに表示します。
引数にはファイルか、手順書の ID を指定します。引数がなければ、すべての
手順書を確かめます。`,
	"playbook.validate.example": "  acctguard playbook validate my-bank.yaml\n  acctguard playbook validate amazon-takeover",

	"charge.short": "身に覚えのない請求・注文と、その返金を記録します",
	"charge.long": `身に覚えのない請求や注文を一件ずつ記録します。金額、日時、請求元（店名、
注文番号）、どのカードか、です。カード会社あての報告書や文面には、返金
済みの額とまだ返ってきていない額の合計とともに載ります。カード番号は下
4桁だけを書いてください。`,
	"charge.add.short": "身に覚えのない請求・注文を記録します",
	"charge.add.long": `身に覚えのない請求や注文を記録します。金額は明細のとおりに書きます：
2925、¥2,925、2,925円、$12.50、12.50 USD（通貨を書かなければ円）。
--at は請求された日時です：日付（2026-11-23）、時刻（23:58）、または
その両方。`,
	"charge.add.example":       "  acctguard charge add 2925 --at \"2026-11-23 23:58\" --merchant Amazon.co.jp \\\n    --order 503-1234567-7654321 --card \"Mastercard 1234\"",
	"charge.add.flag.at":       "請求された日時：2026-11-23、23:58、2026-11-23 23:58",
	"charge.add.flag.merchant": "請求元：店名やサービス名",
	"charge.add.flag.order":    "注文番号や取引番号",
	"charge.add.flag.card":     "どのカードか（番号は下4桁まで）：「Mastercard 1234」",
	"charge.add.flag.note":     "ほかに残しておきたいこと",
	"charge.list.short":        "記録した請求を合計とともに一覧にします",
	"charge.refund.short":      "請求が返金されたことを記録します（全額でも一部でも）",
	"charge.refund.long": `請求に対してお金が戻ったことを記録します。請求は「acctguard charge
list」の番号で指定します。金額を省くと、まだ戻っていない全額です。
--credit は、カードへの返金ではなく、ギフトカード残高やポイントで戻った
ことを表します。`,
	"charge.refund.example":     "  acctguard charge refund 1\n  acctguard charge refund 3 3520 --credit --note \"ギフトカード残高\"",
	"charge.refund.flag.at":     "戻った日時（既定は今）：2026-11-26、2026-11-26 19:48",
	"charge.refund.flag.credit": "カードではなく、ギフトカード残高やポイントで戻った",
	"charge.refund.flag.note":   "ほかに残しておきたいこと",
	"charge.remove.short":       "間違えて記録した請求を、一覧と合計から外します",
	"charge.remove.long": `間違えて記録した請求を、一覧、合計、報告書から外します。記録そのものは
記録ファイルに「外した」印を付けて残ります。`,

	"incident.details.short": "報告書に載せる氏名・連絡先・登録メールアドレスを記録します",
	"incident.details.long": `報告書と文面の冒頭に載せる、氏名、連絡のつく電話番号かメール、乗っ取ら
れたアカウントの登録メールアドレスを記録します。どれも任意で、空にすると
消えます。どこにも送信しません。オプションを付けなければ、記録している
内容を表示します。`,
	"incident.details.flag.name":          "氏名",
	"incident.details.flag.contact":       "連絡のつく電話番号かメール",
	"incident.details.flag.account-email": "乗っ取られたアカウントの登録メールアドレス",

	"check.short": "メッセージに偽の通知のサインがないか、開く前に確かめます",
	"check.long": `メッセージを一つ読み、どこがおかしいかを示します。メールソフトから保存した
.eml ファイル、標準入力に貼り付けた文（または「-」）、Webアドレスか送信者の
アドレス一つを読めます。メッセージが届いたときに自分のメールサービスが
判定した結果、差出人とすべてのリンクの本当の行き先、表示と行き先が違う
リンク、よく似せた名前、よくあるフィッシングの言い回しを確かめます。

インターネットには接続せず、何も保存しません。ただし --verify（送信
者のDKIMの鍵をインターネットで調べる）か --save（結果を対応中の案件
の証拠に残す）を付けたときは別です。終了コード：0 は警告のサインな
し、4 は警告のサインあり、1 はメッセージを読めなかったときです。`,
	"check.example":       "  acctguard check mail.eml\n  pbpaste | acctguard check\n  acctguard check https://amazon.co.jp.example.info/signin",
	"check.flag.verify":   "DKIMの署名を、インターネットで鍵を調べて確かめ直す",
	"check.flag.save":     "結果とメッセージのSHA-256を、対応中の案件の証拠に残す",
	"check.flag.playbook": "メッセージが名乗るサービスの手順書",

	"report.short": "案件の報告書か、カレンダー用のリマインダーを書き出します",
	"report.long": `カード会社、サービスのサポート、警察に向けて、起きたことと行ったことを
書き出します（経過、各手順、未完了の項目、経過観察の日付、連絡先、出典）。
md（既定）は印刷向き、txt は端末やメール向きです。html は 1 枚のページで、
ブラウザーから印刷したり PDF に保存したりできます。json はプログラム向きです。
ics は経過観察をリマインダー付きの予定にしたもので、カレンダーに取り込めます。
予定は実施できる日の 9:00（--remind-at で変更可）に入り、今できる手順は
「まだ済んでいない手順」の一つの予定にまとめます。--for を付けると、電話で
読み上げたり窓口で渡したりできる短い文面になります。カード会社あて
（card-issuer）、サービスのサポートあて（support）、警察への相談用
（police）があります。`,
	"report.example":        "  acctguard report -o report.md\n  acctguard --lang ja report --format txt\n  acctguard report --format html -o report.html\n  acctguard report --for card-issuer\n  acctguard report --format ics --remind-at 18:30 -o reminders.ics",
	"report.flag.for":       "短い文面にする（card-issuer、support、police）",
	"report.flag.force":     "出力ファイルがあれば置き換える",
	"flag.format":           "md、txt、html、json、ics のどれか",
	"report.flag.output":    "書き出すファイル（「-」なら標準出力）",
	"report.flag.remind-at": "ics のリマインダーを出す時刻（HH:MM）",

	"respond.short": "対応を一つずつ案内します",
	"respond.long": `手順書の手順を、一つずつ案内します。答えはその都度保存されるので、
いつでも終了でき（Ctrl-C でもかまいません）、もう一度実行すれば続きから
再開します。`,
	"flag.critical": "最初の1時間の手順だけにする",
	"flag.new":      "対応中の案件があっても、新しい案件を始める",

	"state.short":         "記録ファイル（進み具合の保存先）を管理します",
	"state.restore.short": "壊れた記録ファイルを、バックアップで置き換えます",
	"state.restore.long": `壊れた記録ファイルの代わりに state.json.bak を置きます。バックアップは
最後の保存の前の状態なので、その保存で記録した内容は含まれません。壊れた
ファイルは state.json.damaged-YYYYMMDD-HHMMSS として隣に残します。
バックアップも読めないとき、記録ファイルが壊れていないときは、何も
変更しません。`,

	"status.short": "終わっていないことと、いつ何をするかを表示します",
	"status.long": `対応中の案件ごとに、予定より遅れていること、今できること、待っていること
（いつまでか）、経過観察、あとに回したりスキップしたりした手順を表示します。
何も質問しないので、スクリプトやシェルのプロンプトでも安心して使えます。`,
	"flag.exit-status": "今できる手順がある案件があれば、終了コード 3 で終わる",

	"step.short":        "手順を完了・スキップ・あとで・回答として記録します（質問なし）",
	"step.answer.short": "質問の手順に答えます",
	"flag.note":         "一緒に残すメモ",
	"step.done.short":   "手順を完了にします",
	"step.later.short":  "手順をあとに回します（今できる手順のまま残ります）",
	"step.reset.short":  "手順の記録を取り消します（メモは残ります）",
	"step.skip.short":   "手順をスキップします（理由は --reason で）",
	"flag.reason":       "スキップする理由",

	"version.short": "acctguard のバージョンを出力します",
}

// HelpJa returns the Japanese help text for key (see helpJa).
func HelpJa(key string) (string, bool) {
	s, ok := helpJa[key]
	return s, ok
}

// HelpJaKeys returns every key of the Japanese help.
func HelpJaKeys() []string {
	keys := make([]string, 0, len(helpJa))
	for k := range helpJa {
		keys = append(keys, k)
	}
	return keys
}
