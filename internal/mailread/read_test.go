package mailread

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

func readFixture(t *testing.T, name string) *Message {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return m
}

// The fixtures are what a person has: a genuine Amazon alert and phishing
// copies of it, as saved from a mail program or pasted.
func TestReadFixtures(t *testing.T) {
	genuineAuth := "mx.google.com; dkim=pass header.i=@amazon.co.jp header.s=rjt2ryp3mwtvahqibkvbuyaoeuc4cjkj header.b=Qm9uSmR3; " +
		"spf=pass (google.com: domain of 20251103092345f1a2b3c4d5e6@bounces.amazon.co.jp designates 54.240.8.21 as permitted sender) " +
		"smtp.mailfrom=20251103092345f1a2b3c4d5e6@bounces.amazon.co.jp; dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=amazon.co.jp"
	phishAuth := "mx.google.com; dkim=fail header.d=amazon.com; " +
		"spf=fail (google.com: domain of amzonjp517@pavipal-reminderaccountstatus.com does not designate 198.51.100.23 as permitted sender) " +
		"smtp.mailfrom=amzonjp517@pavipal-reminderaccountstatus.com; dmarc=fail (p=quarantine; dis=quarantine) header.from=amazon.com"
	forged := "amazon.co.jp; dkim=pass header.d=amazon.co.jp; dmarc=pass header.from=amazon.co.jp"

	tests := []struct {
		file        string
		kind        Kind
		from        Address
		replyTo     []Address
		returnPath  string
		subject     string
		date        string
		authResults []Header
		links       []Link
		sentences   []string // each must be in Text
	}{
		{
			file:       "amazon-genuine-ja.eml",
			kind:       KindEML,
			from:       Address{Name: "Amazon.co.jp", Address: "account-update@amazon.co.jp"},
			returnPath: "20251103092345f1a2b3c4d5e6@bounces.amazon.co.jp",
			subject:    "お客様のAmazon.co.jpアカウントに対する最近の変更",
			date:       "Mon, 3 Nov 2025 09:23:45 +0000",
			authResults: []Header{
				{Line: 16, Name: "Authentication-Results", Value: genuineAuth},
			},
			links: []Link{
				// The plain part's URLs, then the HTML part's links.
				{URL: "https://www.amazon.co.jp/ap/forgotpassword", Where: "text"},
				{URL: "https://www.amazon.co.jp/gp/help/customer/display.html?nodeId=201909010", Where: "text"},
				{URL: "https://www.amazon.co.jp/ref=TE_tex_h", Text: "Amazon.co.jp", Where: "html"},
				{URL: "https://www.amazon.co.jp/ap/signin", Text: "サインイン", Where: "html"},
				{URL: "https://www.amazon.co.jp/gp/help/customer/display.html?nodeId=201909010&ref_=hp_left_sib", Text: "ヘルプ", Where: "html"},
			},
			sentences: []string{
				"平素はAmazon.co.jpをご利用いただき、誠にありがとうございます。",
				"― お客様のアカウントのパスワードを無効にいたしました。\n― 不正アクセスによって",
				"「パスワードをお忘れですか?」をクリックし",
			},
		},
		{
			file:       "amazon-phish-ja.eml",
			kind:       KindEML,
			from:       Address{Name: "Amazon.co.jp Suport", Address: "amzonjp517@pavipal-reminderaccountstatus.com"},
			replyTo:    []Address{{Address: "amazon-support-desk@example.net"}},
			returnPath: "amzonjp517@pavipal-reminderaccountstatus.com",
			subject:    "Amazonプライム会費のお支払い方法に問題があります。",
			date:       "Tue, 4 Nov 2025 19:14:01 +0800",
			authResults: []Header{
				{Line: 4, Name: "Authentication-Results", Value: phishAuth},
				{Line: 14, Name: "Authentication-Results", Value: forged},
			},
			links: []Link{
				{URL: "https://amazon.co.jp.ndjclorjaa-2sca1nbfb.xyz/signin", Text: "https://www.amazon.co.jp/", Where: "html"},
				{URL: "https://amazon.co.jp.ndjclorjaa-2sca1nbfb.xyz/signin?ref=pay", Text: "お支払い方法を 更新する", Where: "html"},
			},
			sentences: []string{
				"プレイム会員の特典を引き続きお楽しみいただくには",
				"24時間以内にお支払い情報を更新しない場合、アカウントが停止されます。",
				"解決されないの場合",
				"Amazon.co.jp カスタマーサービス",
			},
		},
		{
			file:       "amazon-phish-sjis-plain.eml",
			kind:       KindEML,
			from:       Address{Name: "Amazon", Address: "info@mail-amazon-co-jp.example.net"},
			returnPath: "info@mail-amazon-co-jp.example.net",
			subject:    "【重要】Amazonアカウントの保留について",
			date:       "Wed, 5 Nov 2025 08:01:10 +0900",
			links: []Link{
				{URL: "http://192.0.2.7/amazon/login", Where: "text"},
				{URL: "https://www.amazon.co.jp@evil.example/", Where: "text"},
				{URL: "https://xn--amazn-mye.com/", Where: "text"},
			},
			sentences: []string{
				"Amαzonプライムをご利用頂きありがとうございます。",
				"確認が完了しない場合、アカウントが停止されます。",
			},
		},
		{
			file:    "forwarded.txt",
			kind:    KindText,
			from:    Address{Name: "Amazon.co.jp", Address: "account-update@amazon-co-jp.example.info"},
			subject: "Amazonのアカウントが盗まれました。 変更してください",
			date:    "2025年11月3日(月) 10:12",
			links: []Link{
				{URL: "https://amazon.co.jp.example.info/ap/signin?openid.return_to=%2Fyour-account", Where: "text"},
			},
			sentences: []string{
				"24時間以内に以下のURLからアカウント情報を確認してください。",
				"確認されない場合、アカウントが停止されます。",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			m := readFixture(t, tt.file)
			if m.Kind != tt.kind {
				t.Errorf("Kind = %q, want %q", m.Kind, tt.kind)
			}
			if m.From != tt.from {
				t.Errorf("From = %+v, want %+v", m.From, tt.from)
			}
			if !reflect.DeepEqual(m.ReplyTo, tt.replyTo) {
				t.Errorf("ReplyTo = %+v, want %+v", m.ReplyTo, tt.replyTo)
			}
			if m.ReturnPath != tt.returnPath {
				t.Errorf("ReturnPath = %q, want %q", m.ReturnPath, tt.returnPath)
			}
			if m.Subject != tt.subject {
				t.Errorf("Subject = %q, want %q", m.Subject, tt.subject)
			}
			if m.Date != tt.date {
				t.Errorf("Date = %q, want %q", m.Date, tt.date)
			}
			if !reflect.DeepEqual(m.AuthResults, tt.authResults) {
				t.Errorf("AuthResults =\n%+v\nwant\n%+v", m.AuthResults, tt.authResults)
			}
			if !reflect.DeepEqual(m.Links, tt.links) {
				t.Errorf("Links =\n%+v\nwant\n%+v", m.Links, tt.links)
			}
			for _, s := range tt.sentences {
				if !strings.Contains(m.Text, s) {
					t.Errorf("Text has no %q; it is:\n%s", s, m.Text)
				}
			}
			if m.Truncated {
				t.Error("Truncated is set")
			}
		})
	}
}

// Headers give every field its line, so a finding can say where it is.
func TestReadHeadersLines(t *testing.T) {
	m := readFixture(t, "amazon-phish-ja.eml")
	want := map[string]int{"From": 20, "Reply-To": 22, "Return-Path": 8, "Received-SPF": 13}
	got := map[string]int{}
	for _, h := range m.Headers {
		if _, ok := want[h.Name]; ok && got[h.Name] == 0 {
			got[h.Name] = h.Line
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("header lines = %v, want %v", got, want)
	}
	if h := m.Headers[len(m.Headers)-1]; h.Name != "X-Mailer" || h.Value != "Microsoft Outlook Express 6.00.2900.5512" {
		t.Errorf("last header = %+v", h)
	}

	// A pasted message's quoted lines are its headers.
	m = readFixture(t, "forwarded.txt")
	wantPasted := []Header{
		{Line: 4, Name: "差出人", Value: "Amazon.co.jp <account-update@amazon-co-jp.example.info>"},
		{Line: 5, Name: "日付", Value: "2025年11月3日(月) 10:12"},
		{Line: 6, Name: "件名", Value: "Amazonのアカウントが盗まれました。 変更してください"},
	}
	if !reflect.DeepEqual(m.Headers, wantPasted) {
		t.Errorf("pasted Headers =\n%+v\nwant\n%+v", m.Headers, wantPasted)
	}
}

func TestReadSingleLine(t *testing.T) {
	tests := []struct {
		in   string
		kind Kind
		from Address
		url  string
	}{
		{in: "https://amazon.co.jp.ndjclorjaa-2sca1nbfb.xyz/signin\n", kind: KindURL, url: "https://amazon.co.jp.ndjclorjaa-2sca1nbfb.xyz/signin"},
		{in: "  HTTP://192.0.2.7/amazon/login  ", kind: KindURL, url: "HTTP://192.0.2.7/amazon/login"},
		{in: "amazon.co.jp.xxx.info/path", kind: KindURL, url: "amazon.co.jp.xxx.info/path"},
		{in: "www.amazon.co.jp", kind: KindURL, url: "www.amazon.co.jp"},
		{in: "192.0.2.7:8080/login", kind: KindURL, url: "192.0.2.7:8080/login"},
		{in: "https://www.amazon.co.jp@evil.example/", kind: KindURL, url: "https://www.amazon.co.jp@evil.example/"},
		{in: "account-update@amazon.co.jp", kind: KindAddress, from: Address{Address: "account-update@amazon.co.jp"}},
		{in: "Amazon <a@b.c>", kind: KindAddress, from: Address{Name: "Amazon", Address: "a@b.c"}},
		{in: `"Amazon.co.jp" <account-update@amazon.co.jp>`, kind: KindAddress, from: Address{Name: "Amazon.co.jp", Address: "account-update@amazon.co.jp"}},
		{
			in:   "=?UTF-8?B?QW1hem9uLmNvLmpwIFN1cG9ydA==?= <amzonjp517@pavipal-reminderaccountstatus.com>",
			kind: KindAddress, from: Address{Name: "Amazon.co.jp Suport", Address: "amzonjp517@pavipal-reminderaccountstatus.com"},
		},
		{
			// ISO-2022-JP 「アマゾン」, inside quotes as phishing mail writes it.
			in:   `"=?ISO-2022-JP?B?GyRCJSIlXiU+JXMbKEI=?=" <info@example.net>`,
			kind: KindAddress, from: Address{Name: "アマゾン", Address: "info@example.net"},
		},
		{in: "A m a z o n . c o . j p <no-reply@example.net>", kind: KindAddress, from: Address{Name: "A m a z o n . c o . j p", Address: "no-reply@example.net"}},
		{in: "Amazon.co.jp", kind: KindURL, url: "Amazon.co.jp"},
		{in: "アマゾン", kind: KindText},
		{in: "アカウントが停止されます https://example.com/x", kind: KindText, url: "https://example.com/x"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m, err := ReadBytes([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if m.Kind != tt.kind {
				t.Fatalf("Kind = %q, want %q", m.Kind, tt.kind)
			}
			if m.From != tt.from {
				t.Errorf("From = %+v, want %+v", m.From, tt.from)
			}
			switch {
			case tt.kind == KindURL:
				want := []Link{{URL: tt.url, Where: "input"}}
				if !reflect.DeepEqual(m.Links, want) {
					t.Errorf("Links = %+v, want %+v", m.Links, want)
				}
			case tt.url != "":
				want := []Link{{URL: tt.url, Where: "text"}}
				if !reflect.DeepEqual(m.Links, want) {
					t.Errorf("Links = %+v, want %+v", m.Links, want)
				}
			case len(m.Links) != 0:
				t.Errorf("Links = %+v, want none", m.Links)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	binary := make([]byte, 4096)
	for i := range binary {
		binary[i] = byte(i * 7919 >> 3)
	}
	tests := []struct {
		name string
		in   []byte
		is   error
		msg  string
	}{
		{"empty", nil, ErrEmpty, "the message is empty"},
		{"white space", []byte(" \r\n\t\n"), ErrEmpty, "the message is empty"},
		{"NUL bytes", append([]byte("PK\x03\x04"), make([]byte, 200)...), ErrNotText, "the message is not text: it has 200 NUL bytes, as a binary file does"},
		{"not in any charset", binary, ErrNotText, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ReadBytes(tt.in)
			if err == nil {
				t.Fatalf("no error; read %+v", m)
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("error %q is not %q", err, tt.is)
			}
			if tt.msg != "" && err.Error() != tt.msg {
				t.Errorf("error = %q, want %q", err, tt.msg)
			}
		})
	}
}

// Pasted text is read in the charset it is in.
func TestReadPastedCharsets(t *testing.T) {
	const want = "お客様のアカウントが停止されます。\nhttps://example.com/login"
	for name, in := range map[string][]byte{
		"Shift_JIS":   mustHex(t, "82a88b71976c82cc8341834a83458393836782aa92e28e7e82b382ea82dc82b781420a68747470733a2f2f6578616d706c652e636f6d2f6c6f67696e"),
		"EUC-JP":      mustHex(t, "a4aab5d2cdcda4cea5a2a5aba5a6a5f3a5c8a4acc4e4bbdfa4b5a4eca4dea4b9a1a30a68747470733a2f2f6578616d706c652e636f6d2f6c6f67696e"),
		"ISO-2022-JP": mustHex(t, "1b2442242a35524d4d244e2522252b252625732548242c44643b5f2435246c245e243921231b28420a68747470733a2f2f6578616d706c652e636f6d2f6c6f67696e"),
		"UTF-16":      utf16LE(want),
	} {
		t.Run(name, func(t *testing.T) {
			m, err := ReadBytes(in)
			if err != nil {
				t.Fatal(err)
			}
			if m.Kind != KindText || m.Text != want {
				t.Errorf("read %q %q, want text %q", m.Kind, m.Text, want)
			}
			if len(m.Links) != 1 || m.Links[0].URL != "https://example.com/login" {
				t.Errorf("Links = %+v", m.Links)
			}
		})
	}
}

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	var b []byte
	if _, err := fmt.Sscanf(s, "%x", &b); err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16LE(s string) []byte {
	b := []byte{0xff, 0xfe}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

// A charset nobody knows loses nothing else: the part reads as UTF-8 with
// the bytes that are not replaced, and the other parts read as usual.
func TestReadUnknownCharset(t *testing.T) {
	in := "From: =?x-klingon?B?QW1hem9u?= <a@example.net>\r\n" +
		"Subject: =?x-klingon?Q?caf=E9?= =?UTF-8?B?44GK5pSv5omV44GE?=\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=b\r\n\r\n" +
		"--b\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\n" +
		"Pay here \xff\xfe https://example.com/pay now\r\n" +
		"--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		base64.StdEncoding.EncodeToString([]byte("24時間以内にお支払いください")) + "\r\n" +
		"--b--\r\n"
	m, err := ReadBytes([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Address{Name: "Amazon", Address: "a@example.net"}); m.From != want {
		t.Errorf("From = %+v, want %+v", m.From, want)
	}
	if want := "caf\uFFFDお支払い"; m.Subject != want {
		t.Errorf("Subject = %q, want %q", m.Subject, want)
	}
	if want := "Pay here \uFFFD\uFFFD https://example.com/pay now\n\n24時間以内にお支払いください"; m.Text != want {
		t.Errorf("Text = %q, want %q", m.Text, want)
	}
	if want := []Link{{URL: "https://example.com/pay", Where: "text"}}; !reflect.DeepEqual(m.Links, want) {
		t.Errorf("Links = %+v, want %+v", m.Links, want)
	}
}

// A part with no charset, in Shift_JIS or ISO-2022-JP as old mailers send
// it, is read in the charset it is in.
func TestReadUndeclaredCharset(t *testing.T) {
	sjis := mustHex(t, "82a88b71976c82cc8341834a83458393836782aa92e28e7e82b382ea82dc82b781420a")
	for name, ct := range map[string]string{"none": "text/plain", "us-ascii": "text/plain; charset=us-ascii"} {
		t.Run(name, func(t *testing.T) {
			in := append([]byte("From: a@example.net\r\nContent-Type: "+ct+"\r\n\r\n"), sjis...)
			m, err := ReadBytes(in)
			if err != nil {
				t.Fatal(err)
			}
			if want := "お客様のアカウントが停止されます。"; m.Text != want {
				t.Errorf("Text = %q, want %q", m.Text, want)
			}
		})
	}
}

func TestReadHTML(t *testing.T) {
	in := "From: a@example.net\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
		`<html><head><title>hidden title</title><style>p{color:red}</style></head><body>` +
		`<p>Hello   <b>world</b>,
		see <a href=" https://example.com/a ">https://example.com/a</a>
		and <A HREF="https://evil.example/b">  https://www.amazon.co.jp/
		  </A> or <a href="mailto:x@example.net">write</a> <a href="#top">top</a> <a name="n">anchor</a></p>` +
		`<script>var u = "https://script.example/";</script>` +
		`<div>Also www.example.org/path. and <a href="https://img.example/"><img src="x.png" alt="Sign in"></a></div>` +
		`<table><tr><td>left</td><td>right</td></tr></table>line<br>break<br><br>para` +
		`</body></html>`
	m, err := ReadBytes([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	wantLinks := []Link{
		{URL: "https://example.com/a", Where: "html"},
		{URL: "https://evil.example/b", Text: "https://www.amazon.co.jp/", Where: "html"},
		{URL: "www.example.org/path", Where: "text"},
		{URL: "https://img.example/", Text: "Sign in", Where: "html"},
	}
	if !reflect.DeepEqual(m.Links, wantLinks) {
		t.Errorf("Links =\n%+v\nwant\n%+v", m.Links, wantLinks)
	}
	wantText := "Hello world, see https://example.com/a and https://www.amazon.co.jp/ or write top anchor\n" +
		"Also www.example.org/path. and\nleft right\nline\nbreak\n\npara"
	if m.Text != wantText {
		t.Errorf("Text =\n%q\nwant\n%q", m.Text, wantText)
	}
}

func TestReadForwardedVariants(t *testing.T) {
	in := "これ本物？\n\n> From: \"Amazon\" <no-reply@amazon.co.jp.example.com>\n> Subject: =?UTF-8?B?44GK5pSv5omV44GE?=\n>\n> 本文 hxxp://not-a-link and amazon.co.jp.example.com/login\n" +
		"送信者：アマゾン\n件名：second subject\n"
	m, err := ReadBytes([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Address{Name: "Amazon", Address: "no-reply@amazon.co.jp.example.com"}); m.Kind != KindText || m.From != want {
		t.Errorf("Kind %q From = %+v, want text %+v", m.Kind, m.From, want)
	}
	if m.Subject != "お支払い" {
		t.Errorf("Subject = %q", m.Subject)
	}
	if want := []Link{{URL: "amazon.co.jp.example.com/login", Where: "text"}}; !reflect.DeepEqual(m.Links, want) {
		t.Errorf("Links = %+v, want %+v", m.Links, want)
	}

	// A From line with no address gives the name alone.
	m, err = ReadBytes([]byte("本文です\n差出人： Amazon.co.jp\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Address{Name: "Amazon.co.jp"}); m.From != want {
		t.Errorf("From = %+v, want %+v", m.From, want)
	}
}

// A Thunderbird or mbox "From " first line and folded fields keep their
// lines in the file.
func TestReadEMLLines(t *testing.T) {
	in := "From - Mon Nov  3 10:00:00 2025\n" +
		"Received: from x\n  by y\n" +
		"Authentication-Results: mx.example.com;\n\tdkim=pass\n  header.d=example.com\n" +
		"Authentication-Results: forged.example; dkim=pass\n" +
		"Subject: hi\n\nbody https://example.com/\n"
	m, err := ReadBytes([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Header{
		{Line: 4, Name: "Authentication-Results", Value: "mx.example.com; dkim=pass header.d=example.com"},
		{Line: 7, Name: "Authentication-Results", Value: "forged.example; dkim=pass"},
	}
	if m.Kind != KindEML || !reflect.DeepEqual(m.AuthResults, want) {
		t.Errorf("Kind %q AuthResults = %+v, want %+v", m.Kind, m.AuthResults, want)
	}
	if m.Text != "body https://example.com/" || m.Subject != "hi" {
		t.Errorf("Subject %q Text %q", m.Subject, m.Text)
	}
}

func TestFindURLs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"see https://example.com/a.", []string{"https://example.com/a"}},
		{"（https://xn--amazn-mye.com/）でも", []string{"https://xn--amazn-mye.com/"}},
		{"こちら：https://www.amazon.co.jp@evil.example/です", []string{"https://www.amazon.co.jp@evil.example/"}},
		{"https://amazon.co.jpでログイン", []string{"https://amazon.co.jp"}},
		{"https://аmazon.com/x (Cyrillic а)", []string{"https://аmazon.com/x"}},
		{"(see https://en.wikipedia.org/wiki/Foo_(bar))", []string{"https://en.wikipedia.org/wiki/Foo_(bar)"}},
		{"<https://example.com/q?a=1&b=2>", []string{"https://example.com/q?a=1&b=2"}},
		{`href "http://192.0.2.7/amazon/login"`, []string{"http://192.0.2.7/amazon/login"}},
		{"amazon.co.jp.xxx.info/path and Amazon.co.jpをご利用", []string{"amazon.co.jp.xxx.info/path"}},
		{"mail a@amazon.co.jp/x or 24/7 or e.g. and/or", nil},
		{"https:// and http://", nil},
		{"www.example.com", []string{"www.example.com"}},
	}
	for _, tt := range tests {
		var got []string
		findURLs(tt.in, func(u string) bool { got = append(got, u); return true })
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("findURLs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Every bound holds, and saying so is Truncated.
func TestReadBounds(t *testing.T) {
	t.Run("MaxInput", func(t *testing.T) {
		in := bytes.Repeat([]byte("あいうえお https://example.com/\n"), MaxInput/30)
		m, err := Read(bytes.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		if len(in) <= MaxInput || !m.Truncated {
			t.Fatalf("input %d bytes, Truncated %v", len(in), m.Truncated)
		}
		if len(m.Text) > MaxText || !utf8.ValidString(m.Text) || len(m.Links) != MaxLinks {
			t.Errorf("Text %d bytes (valid %v), %d links", len(m.Text), utf8.ValidString(m.Text), len(m.Links))
		}
	})
	t.Run("MaxText on a character boundary", func(t *testing.T) {
		m, err := ReadBytes([]byte("xy" + strings.Repeat("あ", MaxText)))
		if err != nil {
			t.Fatal(err)
		}
		if !m.Truncated || len(m.Text) != MaxText-2 || !utf8.ValidString(m.Text) {
			t.Errorf("Truncated %v, Text %d bytes, valid %v", m.Truncated, len(m.Text), utf8.ValidString(m.Text))
		}
	})
	t.Run("MaxParts", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("Content-Type: multipart/mixed; boundary=b\n\n")
		for i := range MaxParts + 10 {
			fmt.Fprintf(&b, "--b\nContent-Type: text/plain\n\npart %d https://example.com/%d\n", i, i)
		}
		b.WriteString("--b--\n")
		m, err := ReadBytes([]byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		// The multipart itself is one of the parts walked.
		if !m.Truncated || len(m.Links) != MaxParts-1 {
			t.Errorf("Truncated %v, %d links", m.Truncated, len(m.Links))
		}
	})
	t.Run("MaxDepth", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("Content-Type: multipart/mixed; boundary=b0\n\n")
		for i := 1; i <= MaxDepth+5; i++ {
			fmt.Fprintf(&b, "--b%d\nContent-Type: multipart/mixed; boundary=b%d\n\n", i-1, i)
		}
		fmt.Fprintf(&b, "--b%d\nContent-Type: text/plain\n\ndeep https://example.com/\n", MaxDepth+5)
		m, err := ReadBytes([]byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		if !m.Truncated || len(m.Links) != 0 {
			t.Errorf("Truncated %v, links %+v", m.Truncated, m.Links)
		}
	})
	t.Run("MaxHeaders", func(t *testing.T) {
		in := "Subject: s\n" + strings.Repeat("X-A: b\n", MaxHeaders+5) + "\nbody\n"
		m, err := ReadBytes([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if !m.Truncated || len(m.Headers) != MaxHeaders || m.Text != "body" {
			t.Errorf("Truncated %v, %d headers, Text %q", m.Truncated, len(m.Headers), m.Text)
		}
	})
}

// A 10 MB message costs a bounded amount of memory, however it is made.
func TestReadLargeMessageMemory(t *testing.T) {
	huge := func() []byte {
		var b bytes.Buffer
		b.WriteString("From: a@example.net\r\nSubject: big\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
		chunk := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte(`<p>お支払い <a href="https://example.com/">x</a></p>`), 20))
		for b.Len() < MaxInput+1000 {
			b.WriteString(chunk[:76])
			b.WriteString("\r\n")
			chunk = chunk[76:] + chunk[:76]
		}
		return b.Bytes()
	}()
	manyParts := func() []byte {
		var b bytes.Buffer
		b.WriteString("From: a@example.net\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n")
		for b.Len() < MaxInput+1000 {
			b.WriteString("--zz\r\nContent-Type: text/plain; charset=iso-2022-jp\r\n\r\n")
			b.WriteString(strings.Repeat("\x1b$B$*;YJ'$$\x1b(B https://example.com/ ", 4000))
			b.WriteString("\r\n")
		}
		return b.Bytes()
	}()
	manyHeaders := append([]byte("Subject: x\n"), bytes.Repeat([]byte("a:b\n"), MaxInput/4+10)...)
	longLine := append([]byte("Subject: x\n\n"), bytes.Repeat([]byte("https://example.com/"), MaxInput/20)...)
	for name, in := range map[string][]byte{"base64 body": huge, "many parts": manyParts, "many headers": manyHeaders, "one long line": longLine} {
		t.Run(name, func(t *testing.T) {
			before := totalAlloc()
			m, err := Read(bytes.NewReader(in))
			after := totalAlloc()
			if err != nil {
				t.Fatal(err)
			}
			if !m.Truncated {
				t.Error("Truncated is not set")
			}
			if used := after - before; used > 200<<20 {
				t.Errorf("reading %d bytes allocated %d MB", len(in), used>>20)
			} else {
				t.Logf("reading %d bytes allocated %d MB", len(in), used>>20)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.*")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("https://example.com/"))
	f.Add([]byte("=?UTF-8?B?QW1hem9u?= <a@b.c>"))
	f.Add([]byte("Content-Type: multipart/alternative; boundary=x\n\n--x\nContent-Type: text/html\n\n<a href=x>y</a>\n--x--"))
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := ReadBytes(in)
		if err != nil {
			if m != nil {
				t.Fatal("a message and an error")
			}
			return
		}
		switch m.Kind {
		case KindEML, KindText, KindURL, KindAddress:
		default:
			t.Fatalf("Kind %q", m.Kind)
		}
		if len(m.Text) > MaxText || len(m.Links) > MaxLinks || len(m.Headers) > MaxHeaders {
			t.Fatalf("bounds: text %d, links %d, headers %d", len(m.Text), len(m.Links), len(m.Headers))
		}
		texts := []string{m.Text, m.Subject, m.From.Name, m.From.Address, m.Date, m.ReturnPath}
		for _, l := range m.Links {
			texts = append(texts, l.URL, l.Text)
		}
		for _, h := range m.Headers {
			texts = append(texts, h.Name, h.Value)
		}
		for _, s := range texts {
			if !utf8.ValidString(s) {
				t.Fatalf("not UTF-8: %q", s)
			}
		}
	})
}

// totalAlloc is how many bytes the program has allocated so far.
func totalAlloc() uint64 {
	runtime.GC()
	var s runtime.MemStats
	runtime.ReadMemStats(&s)
	return s.TotalAlloc
}

// Attachments are skipped unless they are text: phishing sends its form as
// an HTML file, and that file's links count.
func TestReadAttachments(t *testing.T) {
	in := "From: a@example.net\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n" +
		"preamble https://preamble.example/\r\n" +
		"--outer\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n" +
		"--inner\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nplain https://plain.example/\r\n" +
		"--inner\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>html <a href=\"https://html.example/\">here</a></p>\r\n" +
		"--inner--\r\n" +
		"--outer\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\nContent-Disposition: attachment; filename=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		base64.StdEncoding.EncodeToString([]byte("%PDF-1.4 https://pdf.example/")) + "\r\n" +
		"--outer\r\nContent-Type: text/html; name=\"form.html\"\r\nContent-Disposition: attachment; filename=\"form.html\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		base64.StdEncoding.EncodeToString([]byte(`<form action="https://form.example/post"><a href="https://attach.example/">ログイン</a></form>`)) + "\r\n" +
		"--outer--\r\n"
	m, err := ReadBytes([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Link{
		{URL: "https://plain.example/", Where: "text"},
		{URL: "https://html.example/", Text: "here", Where: "html"},
		{URL: "https://attach.example/", Text: "ログイン", Where: "html"},
	}
	if !reflect.DeepEqual(m.Links, want) {
		t.Errorf("Links =\n%+v\nwant\n%+v", m.Links, want)
	}
	if m.Text != "plain https://plain.example/" {
		t.Errorf("Text = %q", m.Text)
	}
}
