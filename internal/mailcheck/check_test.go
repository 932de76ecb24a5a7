package mailcheck

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/acctguard/acctguard/internal/mailread"
)

var amazon = Service{
	Playbook: "amazon-takeover",
	Name:     "Amazon",
	Domains:  []string{"amazon.co.jp", "amazon.jp", "amazon.com"},
}

// codes lists the findings as "severity code subject", in order.
func codes(r Result) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, fmt.Sprintf("%s %s %s", f.Severity, f.Code, f.Subject))
	}
	return out
}

const (
	genuineAuth = "mx.google.com; dkim=pass header.i=@amazon.co.jp header.s=rjt header.b=abc; spf=pass (google.com: domain of x@amazon.co.jp designates 1.2.3.4 as permitted sender) smtp.mailfrom=x@amazon.co.jp; dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=amazon.co.jp"
	phishAuth   = "mx.google.com; dkim=fail header.d=amazon.com; spf=fail smtp.mailfrom=x@pavipal-reminderaccountstatus.com; dmarc=fail (p=quarantine; dis=quarantine) header.from=amazon.com"
)

func TestCheck(t *testing.T) {
	genuine := mailread.Message{
		Kind:        mailread.KindEML,
		From:        mailread.Address{Name: "Amazon.co.jp", Address: "account-update@amazon.co.jp"},
		Subject:     "お客様のAmazon.co.jpアカウントに対する最近の変更",
		AuthResults: []mailread.Header{{Line: 1, Name: "Authentication-Results", Value: genuineAuth}},
		Text:        "平素はAmazon.co.jpをご利用いただき、誠にありがとうございます。5時間経過後、パスワードをリセットすることが可能となります。",
		Links:       []mailread.Link{{URL: "https://www.amazon.co.jp/ap/forgotpassword", Where: "html", Text: "パスワードをお忘れですか"}},
	}
	tests := []struct {
		name    string
		msg     mailread.Message
		verdict Verdict
		want    []string
	}{
		{"the genuine alert of the founding story", genuine, NoWarnings, []string{
			"reassuring auth.dkim-pass amazon.co.jp",
			"reassuring auth.spf-pass amazon.co.jp",
			"reassuring auth.dmarc-pass amazon.co.jp",
			"note from.official amazon.co.jp",
			"reassuring link.all-official ",
		}},
		{"a real alert that links to another of the service's sites", mailread.Message{
			Kind:        mailread.KindEML,
			From:        mailread.Address{Address: "store-news@amazon.co.jp"},
			AuthResults: []mailread.Header{{Line: 1, Value: "mx.google.com; dmarc=pass header.from=amazon.co.jp"}},
			Links:       []mailread.Link{{URL: "https://www.amazon.co.jp/", Where: "html"}, {URL: "https://www.primevideo.com/", Where: "html"}},
		}, NoWarnings, []string{
			"reassuring auth.dmarc-pass amazon.co.jp",
			"note from.official amazon.co.jp",
			"note link.not-official https://www.primevideo.com/",
		}},
		{"only the topmost verdict counts; a forged lower one is set aside", mailread.Message{
			Kind: mailread.KindEML,
			From: mailread.Address{Name: "Amazon.co.jp", Address: "no-reply@amazon.co.jp"},
			AuthResults: []mailread.Header{
				{Line: 2, Value: phishAuth},
				{Line: 9, Value: "amazon.co.jp; dkim=pass header.d=amazon.co.jp; dmarc=pass header.from=amazon.co.jp"},
			},
		}, Warnings, []string{
			"note auth.lower-ignored ",
			"warning auth.dkim-fail amazon.com",
			"warning auth.spf-fail pavipal-reminderaccountstatus.com",
			"warning auth.dmarc-fail amazon.com",
			"note from.official amazon.co.jp",
		}},
		{"signed, but by someone else", mailread.Message{
			Kind:        mailread.KindEML,
			From:        mailread.Address{Address: "info@amazon.co.jp"},
			AuthResults: []mailread.Header{{Line: 1, Value: "mx.google.com; dkim=pass header.d=mailer.example; dmarc=none header.from=amazon.co.jp"}},
		}, Warnings, []string{
			"warning auth.dkim-other mailer.example",
			"note auth.dmarc-none amazon.co.jp",
			"note from.official amazon.co.jp",
		}},
		{"a display name that imitates Amazon over another address", mailread.Message{
			Kind: mailread.KindEML,
			From: mailread.Address{Name: "A m a z o n . c o . j p", Address: "info@shop-notice.example"},
		}, Warnings, []string{"note auth.none ", "warning from.imitates shop-notice.example"}},
		{"a look-alike address", mailread.Message{
			Kind: mailread.KindEML,
			From: mailread.Address{Name: "Amazon.co.jp Suport", Address: "amzonjp517@pavipal-reminderaccountstatus.com"},
		}, Warnings, []string{"note auth.none ", "warning from.imitates pavipal-reminderaccountstatus.com"}},
		{"a reply address elsewhere", mailread.Message{
			Kind:        mailread.KindEML,
			From:        mailread.Address{Address: "no-reply@amazon.co.jp"},
			ReplyTo:     []mailread.Address{{Address: "help@support-desk.example"}},
			AuthResults: []mailread.Header{{Line: 1, Value: "mx.google.com; dmarc=pass header.from=amazon.co.jp"}},
		}, Warnings, []string{"reassuring auth.dmarc-pass amazon.co.jp", "note from.official amazon.co.jp", "warning reply-to.elsewhere support-desk.example"}},
		{"the registrable domain decides: amazon.co.jp.xxx.info is not Amazon", mailread.Message{
			Kind:  mailread.KindText,
			Links: []mailread.Link{{URL: "https://amazon.co.jp.ndjclorjaa-2sca1nbfb.xyz/signin", Where: "text"}},
		}, Warnings, []string{"note auth.pasted ", "warning link.imitates https://amazon.co.jp.ndjclorjaa-2sca1nbfb.xyz/signin"}},
		{"link text that shows Amazon and goes elsewhere", mailread.Message{
			Kind:  mailread.KindText,
			Text:  "Amazonプライム",
			Links: []mailread.Link{{URL: "https://login.example.net/a", Text: "https://www.amazon.co.jp/", Where: "html"}},
		}, Warnings, []string{
			"note auth.pasted ",
			"warning link.text-mismatch https://login.example.net/a",
			"warning link.not-official https://login.example.net/a",
		}},
		{"a bare IP, user-info and punycode", mailread.Message{
			Kind: mailread.KindText,
			Text: "Amazon",
			Links: []mailread.Link{
				{URL: "http://192.0.2.7/amazon/login", Where: "text"},
				{URL: "https://www.amazon.co.jp@evil.example/", Where: "text"},
				{URL: "https://xn--amazn-mye.com/", Where: "text"},
			},
		}, Warnings, []string{
			"note auth.pasted ",
			"warning link.ip http://192.0.2.7/amazon/login",
			"warning link.userinfo https://www.amazon.co.jp@evil.example/",
			"warning link.not-official https://www.amazon.co.jp@evil.example/",
			"warning link.idn https://xn--amazn-mye.com/",
			"warning link.imitates https://xn--amazn-mye.com/",
		}},
		{"the wording of known phishing, and full-width digits", mailread.Message{
			Kind:    mailread.KindText,
			Subject: "Amazonプライム会費のお支払い方法に問題があります。",
			Text:    "プレイム会員の特典を引き続きお楽しみいただくには、２４時間以内にカード情報を更新してください。更新されない場合、アカウントが停止されます。",
		}, Warnings, []string{
			"note auth.pasted ",
			"warning words.card カード情報を更新",
			"warning words.deadline 24時間以内",
			"warning words.threat アカウントが停止",
			"warning words.odd プレイム",
		}},
		{"Greek alpha in the name", mailread.Message{
			Kind: mailread.KindText,
			Text: "Amαzonプライムをご利用頂きありがとうございます。",
		}, Warnings, []string{"note auth.pasted ", "warning words.odd amαzon"}},
		{"pasted text with nothing wrong cannot be told", mailread.Message{
			Kind: mailread.KindText,
			Text: "Amazon.co.jpをご利用いただき、ありがとうございます。",
		}, CannotTell, []string{"note auth.pasted "}},
		{"a single URL of Amazon's own", mailread.Message{
			Kind:  mailread.KindURL,
			Links: []mailread.Link{{URL: "https://www.amazon.co.jp/gp/css/homepage.html", Where: "input"}},
		}, NoWarnings, []string{"reassuring link.all-official "}},
		{"a link no browser reads as written, and one that runs a script", mailread.Message{
			Kind:  mailread.KindText,
			Links: []mailread.Link{{URL: "https://evil.example/\x1b[31m", Where: "html"}, {URL: "javascript:alert(1)", Where: "html"}},
		}, Warnings, []string{"note auth.pasted ", "warning link.unreadable https://evil.example/\x1b[31m", "warning link.script javascript:alert(1)"}},
		{"a message about no known service: only the general signs", mailread.Message{
			Kind:  mailread.KindText,
			Text:  "Your parcel is waiting.",
			Links: []mailread.Link{{URL: "http://203.0.113.9/p", Where: "text"}, {URL: "https://post.example/track", Where: "text"}},
		}, Warnings, []string{"note auth.pasted ", "warning link.ip http://203.0.113.9/p"}},
		{"an ordinary word that is close to the name is not a look-alike", mailread.Message{
			Kind: mailread.KindText,
			Text: "What an amazing offer!",
		}, CannotTell, []string{"note auth.pasted "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Check(&tt.msg, []Service{amazon})
			if got := codes(r); !slices.Equal(got, tt.want) {
				t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			if r.Verdict != tt.verdict {
				t.Errorf("verdict %s, want %s", r.Verdict, tt.verdict)
			}
		})
	}
}

func TestLookalike(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"amazno-shop", true}, {"amzonjp517", true}, {"amazen", true}, {"amaz0n", false}, // amaz0n folds to amazon: a use of the name, not a near miss
		{"amazing", false}, {"amazonian", false}, {"panama", false}, {"amazon", false},
	} {
		if got := lookalikeIn(tt.s, "amazon"); got != tt.want {
			t.Errorf("lookalikeIn(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	if brands := amazon.brands(); !imitates("amaz0n-support.example", brands) || !imitates("ＡＭＡＺＯＮ", brands) || imitates("shop.example", brands) {
		t.Error("imitates: a folded use of the name is an imitation; another name is not")
	}
}
