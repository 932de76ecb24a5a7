package playbook

import (
	"fmt"
	"regexp"

	"github.com/acctguard/acctguard/internal/i18n"
)

// texts are the words around a playbook's problems.
var texts = i18n.NewTable(func() map[string]i18n.Text {
	return map[string]i18n.Text{
		"playbook.unknown":       {En: "unknown playbook %q", Ja: "「%s」という手順書はありません。"},
		"playbook.not-duration":  {En: "%q is not a duration", Ja: "「%s」は時間の長さではありません"},
		"playbook.duration-long": {En: "%q is longer than ten years", Ja: "「%s」は10年を超えています"},
		"playbook.duration-zero": {En: "%q is zero", Ja: "「%s」は0です"},
		"playbook.bad-file-name": {En: "%s: the file name %q is not a playbook id (%s)", Ja: "%s：ファイル名「%s」は手順書IDとして使えません（%s）。"},
		"playbook.id-hint":       {En: "use lower-case letters, digits and dashes, starting with a letter or digit", Ja: "半角の小文字・数字・ハイフンを使い、小文字か数字で始めてください"},
		"playbook.directory":     {En: "%s is a directory, not a playbook file", Ja: "%s はフォルダーで、手順書のファイルではありません。"},
		"playbook.too-large":     {En: "%s is larger than %d KiB, too large for a playbook", Ja: "%s は %d KiB を超えていて、手順書としては大きすぎます。"},
		"playbook.hint":          {En: "hint: ", Ja: "ヒント："},
		"playbook.more":          {En: "… and %s more problems", Ja: "…ほかに%s件の問題があります。"},
		"playbook.no-problems":   {En: "no problems", Ja: "問題はありません"},
		"playbook.problems-in":   {En: "%[2]s problems in %[1]s", Ja: "%[2]s件の問題"},
	}
})

// text is a message as its English format and values, so that it can be
// written again in another language.
type text struct {
	format string
	args   []any
}

// in writes t in l; english is t written in English already. A format
// with no Japanese (or one from elsewhere) stays English.
func (t text) in(l i18n.Lang, english string) string {
	if l != i18n.Japanese || t.format == "" {
		return english
	}
	ja, ok := japanese[t.format]
	if !ok {
		return english
	}
	args := make([]any, len(t.args))
	for i, a := range t.args {
		switch v := a.(type) {
		case string:
			a = jaWords(v)
		case error:
			a = i18n.Message(v, l)
		case yamlWords:
			a = v.In(l)
		}
		args[i] = a
	}
	return fmt.Sprintf(ja, args...)
}

// jaWords writes a value that is one of the problems' own words (a
// hint, "the playbook", `title of step "call"`) in Japanese, and leaves
// anything else as it is: ids, keys and what the file says.
func jaWords(s string) string {
	if ja, ok := japanese[s]; ok {
		return ja
	}
	if m := ofPhrase.FindStringSubmatch(s); m != nil {
		return jaWords(m[2]) + "の" + jaWords(m[1])
	}
	for _, r := range wordPatterns {
		if r.re.MatchString(s) {
			return r.re.ReplaceAllString(s, r.ja)
		}
	}
	return s
}

var ofPhrase = regexp.MustCompile(`^(.+?) of (.+)$`)

var wordPatterns = []struct {
	re *regexp.Regexp
	ja string
}{
	{regexp.MustCompile(`^step "(.*)"$`), "手順「$1」"},
	{regexp.MustCompile(`^step (\d+)$`), "$1番目の手順"},
	{regexp.MustCompile(`^contact "(.*)"$`), "連絡先「$1」"},
	{regexp.MustCompile(`^contact (\d+)$`), "$1番目の連絡先"},
	{regexp.MustCompile(`^source "(.*)"$`), "出典「$1」"},
	{regexp.MustCompile(`^source (\d+)$`), "$1番目の出典"},
	{regexp.MustCompile(`^link (\d+)$`), "$1番目のリンク"},
	{regexp.MustCompile(`^option (\d+)$`), "$1番目の選択肢"},
	{regexp.MustCompile(`^answer for "(.*)"$`), "「$1」の答え"},
	{regexp.MustCompile(`^question in when$`), "when の質問"},
	{regexp.MustCompile(`^invalid UTF-8 byte (0x[0-9a-f]{2})$`), "UTF-8 として読めないバイト $1"},
	{regexp.MustCompile(`^control character (U\+[0-9A-F]+)$`), "制御文字 $1"},
	{regexp.MustCompile(`^"(.*)"$`), "「$1」"},
}

// japanese holds the Japanese of each problem's English format (as
// decode.go and validate.go write it), of each hint, and of the words
// that go in them. Quoted values (%q in English) are written 「%s」.
var japanese = map[string]string{
	// Words.
	"the playbook":   "手順書",
	"a map":          "マップ（キー: 値）",
	"a list":         "リスト",
	"empty":          "空",
	"something else": "別の形式",
	"a single value": "一つの値",
	"a text (a string, or one string per language)": "文（文字列、または言語ごとの文字列）",
	"playbook id":                  "手順書ID",
	"a domain in official-domains": "official-domains のドメイン",
	"step":                         "手順",
	"steps":                        "手順",
	"contact":                      "連絡先",
	"contacts":                     "連絡先",
	"source":                       "出典",
	"sources":                      "出典",
	"languages":                    "言語",
	"NUL byte":                     "NUL バイト",

	// Problems.
	"file is larger than %d KiB, too large for a playbook": "ファイルが %d KiB を超えていて、手順書としては大きすぎます。",
	"playbook id %q does not match the file name %q":       "手順書ID「%s」がファイル名「%s」と合っていません。",
	"the file is UTF-16 text, not UTF-8":                   "ファイルが UTF-8 ではなく UTF-16 で保存されています。",
	"file is empty":                                        "ファイルが空です。",
	"a second YAML document starts here":                   "ここから2つ目の YAML 文書が始まっています。",
	"%s":                                                   "%s",
	"invalid YAML: %s":                                     "YAML として読めません：%s",
	"alias *%s is not allowed in a playbook":               "手順書では別名 *%s は使えません。",
	"anchor &%s is not allowed in a playbook":              "手順書ではアンカー &%s は使えません。",
	"%s must be %s, not %s":                                "%sは%sにしてください（今は%s）。",
	"%s has a key that is not a name":                      "%sに、名前ではないキーがあります。",
	"duplicate key %q in %s (first at line %d)":            "%[2]sにキー「%[1]s」が2回あります（最初は%[3]d行目）。",
	"unknown key %q in %s":                                 "%[2]sに「%[1]s」というキーはありません。",
	"%s is missing %q":                                     "%sに「%s」がありません。",
	"%s is empty":                                          "%sが空です。",
	"%s %q is not a valid id":                              "%s「%s」はIDとして使えません。",
	"%s must be true or false, not %q":                     "%sは true か false にしてください（今は「%s」）。",
	"%s must be a whole number, not %q":                    "%sは整数にしてください（今は「%s」）。",
	"%s %q is not a web address":                           "%s「%s」はウェブのアドレスではありません。",
	"%s %q is not a date":                                  "%s「%s」は日付ではありません。",
	"%s: %v":                                               "%s：%v。",
	"duplicate language %q in %s (first at line %d)":       "%[2]sに言語「%[1]s」が2回あります（最初は%[3]d行目）。",
	"%q in %s is not a language code":                      "%[2]sの「%[1]s」は言語コードではありません。",
	"schema %d is not supported":                           "schema %d には対応していません。",
	"steps is empty":                                       "steps が空です。",
	"%s has %s entries, more than the %s acctguard reads":  "%sが%s個あり、acctguard が読み込める%s個を超えています。",
	"%q is not a language code":                            "「%s」は言語コードではありません。",
	"language %q is listed twice":                          "言語「%s」が2回書かれています。",
	"%s has neither phone nor url":                         "%sに phone も url もありません。",
	"duplicate %s id %q (first at line %d)":                "%sのID「%s」が重複しています（最初は%d行目）。",
	"unknown phase %q in %s":                               "%[2]sの「%[1]s」という段階（phase）はありません。",
	"%q in official-domains is not a domain name":          "official-domains の「%s」はドメイン名ではありません。",
	"%q is listed twice in official-domains":               "official-domains に「%s」が二度書かれています。",
	"%q in official-domains is a public suffix, which anyone can register under": "official-domains の「%s」は、誰でもその下に登録できる公開接尾辞です。",
	"a tag on this line has %%-escapes that do not make a character":             "この行のタグ（!で始まる語）の%%エスケープが、文字になっていません。",
	"unknown purpose %q in for":                                    "for に「%s」は使えません。",
	"step %q opens its own playbook":                               "手順「%s」の opens に、この手順書自身が書かれています。",
	"unknown record %q in %s":                                      "%[2]sの record に「%[1]s」は使えません。",
	"record %q is listed twice in %s":                              "%[2]sの record に「%[1]s」が二度書かれています。",
	"unknown kind %q in %s":                                        "%[2]sの「%[1]s」という種類（kind）はありません。",
	"%s has delay-from but no delay":                               "%sに delay-from がありますが、delay がありません。",
	"%s has early but no delay":                                    "%sに early がありますが、delay がありません。",
	"%q is only for question steps, and %s is a task":              "「%s」は質問の手順にだけ使えます。%sは質問ではない手順（task）です。",
	"time %s is missing %q":                                        "時刻を尋ねる%sに「%s」がありません。",
	"%s asks for a time, so it has no options":                     "%sは時刻を尋ねる手順なので、選択肢（options）は持てません。",
	"question %s is missing %q":                                    "質問の%sに「%s」がありません。",
	"%s has fewer than two options":                                "%sの選択肢が2つより少なくなっています。",
	"duplicate option %q in %s (first at line %d)":                 "%[2]sに選択肢「%[1]s」が2回あります（最初は%[3]d行目）。",
	"duplicate key %q in when of %s (first at line %d)":            "%[2]sの when にキー「%[1]s」が2回あります（最初は%[3]d行目）。",
	"when of %s lists no answers for %q":                           "%sの when に、「%s」の答えが一つも書かれていません。",
	"times of %s must be at least 1, not %d":                       "%sの times は1以上にしてください（今は%d）。",
	"duplicate step id %q (first at line %d)":                      "手順ID「%s」が重複しています（最初は%d行目）。",
	"step %q cannot come after itself":                             "手順「%s」は、自分自身のあとには置けません。",
	"unknown %s %q":                                                "「%[2]s」という%[1]sはありません。",
	"when of step %q uses %q, which is not a question":             "手順「%s」の when が使っている「%s」は、質問の手順ではありません。",
	"when of step %q uses question %q, which comes later":          "手順「%s」の when が使っている質問「%s」は、この手順よりあとにあります。",
	"%q is not an answer to question %q":                           "「%s」は質問「%s」の答えにありません。",
	"delay-from of step %q uses %q, which does not ask for a time": "手順「%s」の delay-from が使っている「%s」は、時刻を尋ねる手順ではありません。",
	"delay-from of step %q uses %q, which comes later":             "手順「%s」の delay-from が使っている「%s」は、この手順よりあとにあります。",
	"%q in was of step %q is the id of a step in this playbook":    "手順「%[2]s」の was にある「%[1]s」は、この手順書にある手順のIDです。",
	"former id %q is given to two steps (first at line %d)":        "以前のID「%s」が2つの手順に付いています（最初は%d行目）。",
	"steps wait for each other in a loop: %s":                      "手順がお互いを待っていて、先に進めません：%s",
	"%s has no text in %s":                                         "%sに%sの文がありません。",

	// Hints.
	"split it into several playbooks":                                                                             "いくつかの手順書に分けてください。",
	"change the id to %s, or rename the file to %s.yaml":                                                          "ID を %s に変えるか、ファイル名を %s.yaml に変えてください。",
	"save it as UTF-8; most editors offer that under Save As":                                                     "UTF-8 で保存し直してください。多くのエディターでは「名前を付けて保存」で選べます。",
	`a playbook starts with "schema: 1"; see "acctguard playbook show amazon-takeover" for a complete one`:        "手順書は「schema: 1」で始まります。完成した例は「acctguard playbook show amazon-takeover」で見られます。",
	`a playbook file holds one document: remove the "---" line and what follows it`:                               "手順書のファイルに書ける文書は一つです。「---」の行と、そのあとを削除してください。",
	"YAML does not allow tabs for indentation: use spaces":                                                        "YAML では字下げにタブを使えません。スペースを使ってください。",
	`a value that contains ": " must be put in quotes, or written as a block with "|"; check the indentation too`: "「: 」を含む値は引用符で囲むか、「|」を使ったブロックで書いてください。字下げも確かめてください。",
	"a line in the block that starts here is indented differently from the lines around it":                       "ここから始まるブロックの中に、前後の行と字下げがそろっていない行があります。",
	"a [ or { on this line is not closed, or a value inside it needs quotes":                                      "この行の [ か { が閉じていないか、中の値を引用符で囲む必要があります。",
	"a quote opened on this line is never closed":                                                                 "この行で始まった引用符が閉じていません。",
	"a value starting with @, ` or another special character must be put in quotes":                               "@ や ` などの記号で始まる値は、引用符で囲んでください。",
	"check the indentation and the quotes on this line and the ones around it":                                    "この行と前後の行の、字下げと引用符を確かめてください。",
	"write the value out in full":                                                                                 "値を省略せずに書いてください。",
	"write the value out in full where it is used":                                                                "使う場所ごとに、値を省略せずに書いてください。",
	"keep one of them":             "どちらか一つだけにしてください。",
	"did you mean %q?":             "「%s」のことですか？",
	"the keys allowed here are %s": "ここで使えるキーは %s です。",
	"use lower-case letters, digits and dashes, starting with a letter or digit":    "半角の小文字・数字・ハイフンを使い、小文字か数字で始めてください。",
	"write the whole address, starting with https://":                               "https:// から始まるアドレスを省略せずに書いてください。",
	"write it as YYYY-MM-DD, or YYYY-MM when only the month is known":               "YYYY-MM-DD の形で書いてください（月までしか分からなければ YYYY-MM）。",
	"use a whole number and one of m, h, d, w: 30m, 5h, 7d, 2w":                     "整数と m、h、d、w のどれかで書いてください（例：30m、5h、7d、2w）。",
	"use a code such as en or ja":                                                   "en や ja のような言語コードを使ってください。",
	"this acctguard reads schema %d playbooks":                                      "この acctguard が読めるのは schema %d の手順書です。",
	"a playbook needs at least one step":                                            "手順書には、少なくとも一つの手順が必要です。",
	"split the playbook into several":                                               "手順書をいくつかに分けてください。",
	"list the languages the texts are written in":                                   "文が書かれている言語だけを並べてください。",
	"keep the links the person needs for this step":                                 "この手順に必要なリンクだけを残してください。",
	"a question needs only the few answers a person chooses from":                   "質問の選択肢は、選びやすい数だけにしてください。",
	"give a phone number, a web address, or both":                                   "電話番号かウェブのアドレス、または両方を書いてください。",
	"give each %s its own id":                                                       "%sごとに別のIDを付けてください。",
	"use one of verify, contain, recover, report, follow-up":                        "verify、contain、recover、report、follow-up のどれかを使ってください。",
	"did you mean %q? (one of verify, contain, recover, report, follow-up)":         "「%s」のことですか？（verify、contain、recover、report、follow-up のどれか）",
	"write a lower-case host name such as amazon.co.jp, without https:// or a path": "amazon.co.jp のように、https:// やパスを付けずに小文字のホスト名を書いてください。",
	"name the service's own domain, such as amazon.co.jp":                           "amazon.co.jp のように、サービス自身のドメインを書いてください。",
	"use shopping, email, money, social, device or other":                           "shopping、email、money、social、device、other のどれかを使ってください。",
	"remove the tag (the word starting with !), or put the value in quotes":         "タグ（!で始まる語）を削除するか、値を引用符で囲んでください。",
	"name another playbook, or remove opens":                                        "別の手順書のIDを書くか、opens を削除してください。",
	"use charges (the step offers to record charges and refunds), contact (someone is contacted in it) or evidence (the step keeps the evidence)": "charges（請求と返金を記録できる手順）、contact（どこかに連絡する手順）、evidence（証拠を残す手順）のどれかを使ってください。",
	"list it once":               "一度だけ書いてください。",
	"use task, question or time": "task、question、time のどれかを使ってください。",
	`say how long to wait after that time, such as "delay: 5h"`:                                     "その時刻からどれだけ待つかを書いてください（例：「delay: 5h」）。",
	`early says the wait of "delay" may be tried sooner; add a delay, or remove early`:              "early は「delay」の待ち時間より早く試してよいという意味です。delay を加えるか、early を削除してください。",
	`add "kind: question" to the step, or remove %q`:                                                "手順に「kind: question」を加えるか、「%s」を削除してください。",
	`acctguard offers "just now" and "at a time I type"; remove "options", or use "kind: question"`: "時刻の手順では acctguard が「今」と「時刻を入力する」を出します。「options」を削除するか、「kind: question」にしてください。",
	"a question needs at least two answers to choose from":                                          "質問には、選べる答えが少なくとも2つ必要です。",
	"list several answers as [a, b]":                                                                "答えが複数なら [a, b] のように並べてください。",
	"give each step its own id":                                                                     "手順ごとに別のIDを付けてください。",
	"this playbook has no %ss; add one under %ss:":                                                  "この手順書には%[1]sがありません。先に加えてください。",
	"the %ss here are %s":                                                                           "この手順書の%sは %s です。",
	"when can only use the answer to a question step (kind: question)":                              "when に使えるのは、質問の手順（kind: question）の答えだけです。",
	"move the question above this step: it must be asked first":                                     "質問をこの手順より上に移してください。先に尋ねる必要があります。",
	"its answers are %s":                                                                            "答えは %s です。",
	"delay-from can only use a step with kind: time":                                                "delay-from に使えるのは、kind: time の手順だけです。",
	"move the time step above this step: it must be asked first":                                    "時刻の手順をこの手順より上に移してください。先に尋ねる必要があります。",
	"was lists ids this playbook no longer uses":                                                    "was には、この手順書で使わなくなったIDを書きます。",
	"records under an old id can go to one step only":                                               "以前のIDの記録を引き継げるのは、一つの手順だけです。",
	"remove one of these from after, so that one step can start":                                    "どれかを after から外して、どれか一つの手順が始められるようにしてください。",
	"languages: [%s] asks for every text in each of these languages":                                "languages: [%s] とあるので、どの文もこれらのすべての言語で書く必要があります。",
	"save the file as UTF-8; it may have been saved in another encoding, such as Shift_JIS":         "ファイルを UTF-8 で保存し直してください。Shift_JIS など、ほかの文字コードで保存されているかもしれません。",
	"a text file has no NUL bytes: this may be UTF-16 text (save it as UTF-8), or not text at all":  "テキストファイルに NUL バイトはありません。UTF-16 で保存されている（UTF-8 で保存し直してください）か、テキストではないファイルかもしれません。",
	"remove it: YAML allows no control characters but tab":                                          "削除してください。YAML で使える制御文字はタブだけです。",
}

// yamlWords is a message of the YAML parser. It stays as the parser wrote
// it in English; in Japanese the common ones are written in Japanese, and
// the rest stay as they are.
type yamlWords string

// In writes w in l.
func (w yamlWords) In(l i18n.Lang) string {
	if ja, ok := yamlJapanese[string(w)]; ok && l == i18n.Japanese {
		return ja
	}
	return string(w)
}

var yamlJapanese = map[string]string{
	"mapping values are not allowed in this context":               "ここには「キー: 値」を書けません",
	"did not find expected key":                                    "あるはずのキーが見つかりません",
	"did not find expected ',' or ']'":                             "「,」か「]」が見つかりません",
	"did not find expected ',' or '}'":                             "「,」か「}」が見つかりません",
	"did not find expected '-' indicator":                          "あるはずの「-」が見つかりません",
	"did not find expected node content":                           "あるはずの値が見つかりません",
	"found character that cannot start any token":                  "値の始まりに使えない文字があります",
	"found unexpected end of stream":                               "ファイルが途中で終わっています",
	"could not find expected ':'":                                  "あるはずの「:」が見つかりません",
	"found a tab character that violates indentation":              "字下げにタブが使われています",
	"block sequence entries are not allowed in this context":       "ここにはリストの項目（-）を書けません",
	"found unknown escape character":                               "使えないエスケープ文字があります",
	"found a tab character where an indentation space is expected": "字下げの空白のところにタブがあります",
}
