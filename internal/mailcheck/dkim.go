package mailcheck

import (
	"bytes"
	"errors"
	"strings"

	"github.com/emersion/go-msgauth/dkim"
)

// maxSignatures bounds the DKIM signatures checked, each a DNS lookup.
const maxSignatures = 5

// VerifyDKIM checks the message's DKIM signatures afresh, looking up each
// signer's key with lookupTXT (net.LookupTXT goes online; tests pass
// their own), adds what it finds to r and decides the verdict again. A
// signature that checks out for the service's own domain is a sign of
// the service; one that does not check out is a warning; a key that could
// not be looked up (offline, DNS failing) is only noted.
func VerifyDKIM(raw []byte, lookupTXT func(string) ([]string, error), r *Result) {
	// A key that could not be looked up says nothing about the signature:
	// offline, or with DNS failing, every lookup fails.
	failed := map[string]bool{}
	lookup := func(name string) ([]string, error) {
		txt, err := lookupTXT(name)
		if err != nil {
			_, domain, _ := strings.Cut(name, "._domainkey.")
			failed[strings.ToLower(domain)] = true
		}
		return txt, err
	}
	verifications, err := dkim.VerifyWithOptions(bytes.NewReader(raw), &dkim.VerifyOptions{LookupTXT: lookup, MaxVerifications: maxSignatures})
	if err != nil && !errors.Is(err, dkim.ErrTooManySignatures) {
		r.Findings = append(r.Findings, Finding{Severity: Note, Code: "dkim.unchecked", Where: "DKIM-Signature", Detail: err.Error()})
		r.decide()
		return
	}
	if len(verifications) == 0 {
		r.Findings = append(r.Findings, Finding{Severity: Note, Code: "dkim.unsigned", Where: "DKIM-Signature"})
	}
	for _, v := range verifications {
		d := strings.ToLower(v.Domain)
		f := Finding{Where: "DKIM-Signature", Subject: d}
		switch {
		case v.Err == nil && r.Service != nil && r.Service.official(d):
			f.Severity, f.Code = Reassuring, "dkim.verified"
		case v.Err == nil && r.Service != nil:
			f.Severity, f.Code = Warning, "dkim.other"
		case v.Err == nil:
			f.Severity, f.Code = Note, "dkim.verified"
		case dkim.IsTempFail(v.Err) || failed[d]:
			f.Severity, f.Code, f.Detail = Note, "dkim.unchecked", v.Err.Error()
		default:
			f.Severity, f.Code, f.Detail = Warning, "dkim.invalid", v.Err.Error()
		}
		r.Findings = append(r.Findings, f)
	}
	r.decide()
}
