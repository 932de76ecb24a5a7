package mailcheck

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/emersion/go-msgauth/dkim"

	"github.com/acctguard/acctguard/internal/mailread"
)

const plainMessage = "From: Amazon.co.jp <account-update@amazon.co.jp>\r\n" +
	"To: you@example.com\r\n" +
	"Subject: Your account\r\n" +
	"Date: Thu, 27 Nov 2026 00:40:00 +0900\r\n" +
	"\r\n" +
	"Hello.\r\n"

// signed signs plainMessage for domain with a new key, and returns the
// message and a lookup that serves the key's DNS record, as the signer
// would publish it.
func signed(t *testing.T, domain string) ([]byte, func(string) ([]string, error)) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	err = dkim.Sign(&b, strings.NewReader(plainMessage), &dkim.SignOptions{Domain: domain, Selector: "s1", Signer: priv})
	if err != nil {
		t.Fatal(err)
	}
	record := "v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(pub)
	lookup := func(name string) ([]string, error) {
		if name == "s1._domainkey."+domain {
			return []string{record}, nil
		}
		return nil, errors.New("no such record")
	}
	return b.Bytes(), lookup
}

func TestVerifyDKIM(t *testing.T) {
	raw, lookup := signed(t, "amazon.co.jp")
	base := func() Result {
		msg := &mailread.Message{Kind: mailread.KindEML, From: mailread.Address{Address: "account-update@amazon.co.jp"}}
		return Check(msg, []Service{amazon})
	}
	last := func(r Result) Finding { return r.Findings[len(r.Findings)-1] }

	r := base()
	if r.Verdict != CannotTell {
		t.Fatalf("before verifying: %s", r.Verdict)
	}
	VerifyDKIM(raw, lookup, &r)
	if f := last(r); f.Code != "dkim.verified" || f.Severity != Reassuring || f.Subject != "amazon.co.jp" || r.Verdict != NoWarnings {
		t.Errorf("a good signature of amazon.co.jp: %+v, verdict %s", f, r.Verdict)
	}

	// The body changed on the way: the signature no longer checks out.
	tampered := bytes.Replace(raw, []byte("Hello."), []byte("Click."), 1)
	r = base()
	VerifyDKIM(tampered, lookup, &r)
	if f := last(r); f.Code != "dkim.invalid" || f.Severity != Warning || r.Verdict != Warnings {
		t.Errorf("a changed body: %+v, verdict %s", f, r.Verdict)
	}

	// Signed, and valid, but by someone else's domain.
	other, otherLookup := signed(t, "mailer.example")
	r = base()
	VerifyDKIM(other, otherLookup, &r)
	if f := last(r); f.Code != "dkim.other" || r.Verdict != Warnings {
		t.Errorf("signed by mailer.example: %+v, verdict %s", f, r.Verdict)
	}

	// The key could not be looked up (offline, say): noted, and the
	// message is not called suspicious for it.
	r = base()
	VerifyDKIM(raw, func(string) ([]string, error) { return nil, errors.New("lookup failed: no such host") }, &r)
	if f := last(r); f.Code != "dkim.unchecked" || f.Severity != Note || r.Verdict != CannotTell {
		t.Errorf("without its key: %+v, verdict %s", f, r.Verdict)
	}

	// Not signed at all.
	r = base()
	VerifyDKIM([]byte(plainMessage), lookup, &r)
	if f := last(r); f.Code != "dkim.unsigned" || r.Verdict != CannotTell {
		t.Errorf("unsigned: %+v, verdict %s", f, r.Verdict)
	}
}

func TestWithoutComments(t *testing.T) {
	in := `mx.google.com; dmarc=fail (p=quarantine; dis=quarantine) header.from=amazon.com; x="a (b)"`
	want := `mx.google.com; dmarc=fail   header.from=amazon.com; x="a (b)"`
	if got := withoutComments(in); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
