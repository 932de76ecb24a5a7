package mailcheck

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// phrases are the wording of known phishing, by finding code, written as
// folded by wordFold. Sources: Amazon.co.jp help "Identifying scam
// communications" (Amazon never asks for a password or card details by
// email, phone or SMS); the phishing texts quoted by
// masuih.lolipop.jp/blog2/?p=21176, moufumoufu.com/amazon-sagimail-2 and
// kigyo-daise-kou.com/spam-amazon (see research/alert-check.md, read
// 2026-12-02). Amazon's two real alerts in the founding story match none.
var phrases = []struct {
	code  string
	words []string
}{
	{"words.password", []string{
		"パスワードを入力", "パスワードをご入力", "パスワードを確認してください", "パスワードをご確認",
		"enter your password", "confirm your password", "verify your password",
	}},
	{"words.card", []string{
		"カード情報を入力", "カード情報をご入力", "カード情報を更新", "カード情報の更新", "カード番号を入力", "カード番号をご入力", "セキュリティコード",
		"card number", "security code", "cvv", "update your payment information", "update your billing",
	}},
	{"words.deadline", []string{
		"24時間以内", "48時間以内", "72時間以内", "時間以内に", "本日中に",
		"within 24 hours", "within 48 hours", "within 72 hours",
	}},
	{"words.threat", []string{
		"アカウントが停止", "アカウントを停止", "停止されます", "お支払いが停止されました", "利用を制限", "制限されます", "ロックされます", "削除されます", "失効します",
		"will be suspended", "has been suspended", "will be closed", "will be locked", "will be deleted",
	}},
	{"words.odd", []string{
		"プレイム", "解決されないの場合", "suport", "amαzon",
	}},
}

// wordFold writes s for reading its wording: full-width and half-width
// forms as one (２４時間 is 24時間), lower-case.
func wordFold(s string) string { return strings.ToLower(norm.NFKC.String(s)) }

// words reads the subject and the text for the wording of phishing: a
// request for a password or card details, a deadline, a threat, and odd
// words real alerts do not use. Each phrase is reported once, and a
// phrase inside one already reported for the same sign is not reported
// again (「アカウントが停止されます」 is one threat, not two).
func (c *checker) words() {
	for _, part := range []struct{ where, text string }{{"Subject", wordFold(c.m.Subject)}, {"text", wordFold(c.m.Text)}} {
		for _, p := range phrases {
			var spans [][2]int
			for _, w := range p.words {
				w = wordFold(w)
				i := strings.Index(part.text, w)
				if i < 0 {
					continue
				}
				overlaps := false
				for _, sp := range spans {
					overlaps = overlaps || (i < sp[1] && sp[0] < i+len(w))
				}
				spans = append(spans, [2]int{i, i + len(w)})
				reported := c.found(func(f Finding) bool { return f.Code == p.code && f.Subject == w })
				if !overlaps && !reported {
					c.add(Warning, p.code, part.where, 0, w, "")
				}
			}
		}
	}
}
