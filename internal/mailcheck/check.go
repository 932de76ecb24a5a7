// Package mailcheck reads the signs in one message (see package mailread)
// that tell a real alert from a copy: what the person's own mail provider
// found when the message arrived, where the sender and every link really
// are, links that show one address and go to another, look-alike names,
// and the wording of known phishing. It judges offline and never calls
// anything safe: at best it finds no warning sign.
package mailcheck

import (
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/emersion/go-msgauth/authres"
	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"

	"github.com/acctguard/acctguard/internal/mailread"
)

// Service is what a playbook says about the service whose alerts it
// answers: its own domains, from which the name a copy imitates is taken.
type Service struct {
	// Playbook is the id of the playbook that declares it.
	Playbook string
	// Name is the service's name for the person ("Amazon").
	Name string
	// Domains are the service's own domains; a host is the service's
	// when it is one of them or ends in "." and one of them.
	Domains []string
}

// official reports whether host is one of the service's own.
func (s *Service) official(host string) bool {
	for _, d := range s.Domains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// brands are the names a copy of the service imitates: the first label
// of each of its registrable domains ("amazon" from amazon.co.jp).
func (s *Service) brands() []string {
	var out []string
	for _, d := range s.Domains {
		reg, err := publicsuffix.EffectiveTLDPlusOne(d)
		if err != nil {
			reg = d
		}
		if b, _, _ := strings.Cut(reg, "."); len(b) >= 3 && !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	return out
}

// Severity says which way a finding points.
type Severity string

const (
	// Warning is a sign of a copy: with one, nothing in the message is
	// to be used.
	Warning Severity = "warning"
	// Reassuring is a sign of the real service. It is never proof.
	Reassuring Severity = "reassuring"
	// Note is worth knowing and points neither way.
	Note Severity = "note"
)

// Finding is one sign, where it was found and what it concerns. Code is
// stable (the JSON output and the messages are keyed by it).
type Finding struct {
	Severity Severity
	Code     string
	// Where is the header or part it was found in: "From",
	// "Authentication-Results", "link", "text", "input".
	Where string
	// Line is the header's line in the file, 0 when not known.
	Line int
	// Subject is what it is about: a domain, a URL, a phrase.
	Subject string
	// Detail adds to it: the address a link shows, the name a domain
	// imitates, who added the verdict.
	Detail string
}

// Verdict is the overall reading, in calm words: never "safe".
type Verdict string

const (
	// Warnings: do not use anything in the message.
	Warnings Verdict = "warning-signs"
	// NoWarnings: none found, and the service's own signs are there;
	// still open the service yourself.
	NoWarnings Verdict = "no-warning-signs"
	// CannotTell: none found, but nothing to tell a real one by either
	// (pasted text has no verdict from the mail provider).
	CannotTell Verdict = "cannot-tell"
)

// Result is the whole reading.
type Result struct {
	Verdict Verdict
	// Kind is what the input was read as.
	Kind mailread.Kind
	// Service is the service the message is about (or imitates), nil when
	// it names none acctguard knows.
	Service  *Service
	Findings []Finding
}

// Count returns how many findings have severity s.
func (r Result) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// Check reads m for the signs of a copy of one of services.
func Check(m *mailread.Message, services []Service) Result {
	c := &checker{m: m, svc: whichService(m, services)}
	if c.svc != nil {
		c.brands = c.svc.brands()
	}
	c.auth()
	c.from()
	c.links()
	c.words()
	if m.Truncated {
		c.add(Note, "input.truncated", "input", 0, "", "")
	}
	r := Result{Kind: m.Kind, Service: c.svc, Findings: c.findings}
	r.decide()
	return r
}

// decide sets the verdict from the findings: any warning sign decides;
// without one, the service's own signs (its domain passing the provider's
// DMARC or DKIM check, or a DKIM signature checked afresh; for a single
// address, that it is the service's own) are needed to say no warning signs were found, and
// without them acctguard cannot tell.
func (r *Result) decide() {
	own := false
	for _, f := range r.Findings {
		switch f.Code {
		case "auth.dmarc-pass", "auth.dkim-pass", "dkim.verified":
			own = own || f.Severity == Reassuring
		case "link.all-official":
			// Alone, only for a single address: text pasted from a copy
			// may keep the real links and ask for a call or a reply.
			own = own || (f.Severity == Reassuring && r.Kind == mailread.KindURL)
		}
	}
	switch {
	case r.Count(Warning) > 0:
		r.Verdict = Warnings
	case own:
		r.Verdict = NoWarnings
	default:
		r.Verdict = CannotTell
	}
}

type checker struct {
	m   *mailread.Message
	svc *Service
	// brands are svc's names (see Service.brands), worked out once.
	brands        []string
	findings      []Finding
	officialLinks int
}

// found reports whether a finding so far matches.
func (c *checker) found(match func(Finding) bool) bool {
	return slices.ContainsFunc(c.findings, match)
}

func (c *checker) add(s Severity, code, where string, line int, subject, detail string) {
	c.findings = append(c.findings, Finding{Severity: s, Code: code, Where: where, Line: line, Subject: subject, Detail: detail})
}

// whichService finds the service the message is about: the first whose
// name appears in the sender, the subject, the text or a link's host.
func whichService(m *mailread.Message, services []Service) *Service {
	short := []string{m.From.Name, m.From.Address, m.Subject}
	for _, l := range m.Links {
		short = append(short, hostOf(l.URL))
	}
	words := tokens(m.Text)
	for i := range services {
		brands := services[i].brands()
		if slices.ContainsFunc(short, func(s string) bool { return imitates(s, brands) }) {
			return &services[i]
		}
		for _, b := range brands {
			if slices.Contains(words, b) || lookalikeWords(words, b) {
				return &services[i]
			}
		}
	}
	return nil
}

// auth reads the Authentication-Results the person's own provider added:
// only the topmost counts, since anyone sending the message can write the
// ones below it.
func (c *checker) auth() {
	if c.m.Kind != mailread.KindEML {
		if c.m.Kind == mailread.KindText {
			c.add(Note, "auth.pasted", "input", 0, "", "")
		}
		return
	}
	if len(c.m.AuthResults) == 0 {
		c.add(Note, "auth.none", "Authentication-Results", 0, "", "")
		return
	}
	top := c.m.AuthResults[0]
	if n := len(c.m.AuthResults) - 1; n > 0 {
		c.add(Note, "auth.lower-ignored", "Authentication-Results", c.m.AuthResults[1].Line, "", strconv.Itoa(n))
	}
	by, results, err := authres.Parse(withoutComments(top.Value))
	if err != nil && len(results) == 0 {
		c.add(Note, "auth.unreadable", "Authentication-Results", top.Line, "", "")
		return
	}
	for _, res := range results {
		switch r := res.(type) {
		case *authres.DKIMResult:
			d := r.Domain
			if d == "" {
				_, d, _ = strings.Cut(r.Identifier, "@")
			}
			c.verdict("dkim", string(r.Value), strings.ToLower(d), by, top.Line)
		case *authres.SPFResult:
			from := r.From
			if _, after, ok := strings.Cut(from, "@"); ok {
				from = after
			}
			c.verdict("spf", string(r.Value), strings.ToLower(from), by, top.Line)
		case *authres.DMARCResult:
			c.verdict("dmarc", string(r.Value), strings.ToLower(r.From), by, top.Line)
		}
	}
}

// verdict records one method's result for domain d, as the provider by
// found it.
func (c *checker) verdict(method, value, d, by string, line int) {
	where := "Authentication-Results"
	switch value {
	case "pass":
		if c.svc != nil && c.svc.official(d) {
			c.add(Reassuring, "auth."+method+"-pass", where, line, d, by)
			return
		}
		if c.svc != nil && method != "spf" {
			// Signed, but by someone else: the service did not send it.
			c.add(Warning, "auth."+method+"-other", where, line, d, by)
			return
		}
		c.add(Note, "auth."+method+"-pass", where, line, d, by)
	case "fail", "softfail", "hardfail", "permerror":
		c.add(Warning, "auth."+method+"-fail", where, line, d, by)
	default: // none, neutral, temperror, policy
		c.add(Note, "auth."+method+"-none", where, line, d, by)
	}
}

// from reads the sender: a display name that imitates the service over
// someone else's address, and a reply address that goes elsewhere.
func (c *checker) from() {
	addr := strings.ToLower(c.m.From.Address)
	_, domain, ok := strings.Cut(addr, "@")
	if !ok || c.svc == nil {
		return
	}
	switch {
	case c.svc.official(domain):
		// The From line is written by the sender: it proves nothing.
		c.add(Note, "from.official", "From", 0, domain, "")
	case imitates(c.m.From.Name, c.brands) || imitates(addr, c.brands):
		c.add(Warning, "from.imitates", "From", 0, domain, c.m.From.Name)
	default:
		c.add(Warning, "from.not-official", "From", 0, domain, "")
	}
	for _, r := range c.m.ReplyTo {
		_, d, ok := strings.Cut(strings.ToLower(r.Address), "@")
		if ok && !c.svc.official(d) && registrable(d) != registrable(domain) {
			c.add(Warning, "reply-to.elsewhere", "Reply-To", 0, d, "")
		}
	}
}

// links reads every link: where it really goes, and what it shows.
func (c *checker) links() {
	seen := map[string]bool{}
	for _, l := range c.m.Links {
		key := l.URL + "\x00" + l.Text
		if seen[key] {
			continue
		}
		seen[key] = true
		u, host := parseLink(l.URL)
		if host == "" {
			code := "link.unreadable" // no browser reads it as written: it hides where it goes
			if scheme, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(l.URL)), ":"); scheme == "javascript" || scheme == "data" {
				code = "link.script"
			}
			c.add(Warning, code, "link", 0, l.URL, "")
			continue
		}
		switch {
		case net.ParseIP(strings.Trim(host, "[]")) != nil:
			c.add(Warning, "link.ip", "link", 0, l.URL, "")
			continue
		case u != nil && u.User != nil:
			c.add(Warning, "link.userinfo", "link", 0, l.URL, u.User.Username())
		}
		if unicode, ok := internationalized(host); ok {
			c.add(Warning, "link.idn", "link", 0, l.URL, unicode)
		}
		if shown := shownHost(l.Text); shown != "" && registrable(shown) != registrable(host) {
			c.add(Warning, "link.text-mismatch", "link", 0, l.URL, l.Text)
		}
		if c.svc == nil {
			continue
		}
		reg := registrable(host)
		elsewhere := func(f Finding) bool {
			return (f.Code == "link.imitates" || f.Code == "link.not-official") && f.Detail == reg
		}
		switch {
		case c.svc.official(host):
			c.officialLinks++
		case c.found(elsewhere):
			// one finding for each place the links go
		case imitates(host, c.brands):
			c.add(Warning, "link.imitates", "link", 0, l.URL, reg)
		case c.found(func(f Finding) bool { return f.Code == "auth.dmarc-pass" && f.Severity == Reassuring }):
			// The provider found the service really sent it: a link to
			// another of its sites (primevideo.com, say) is worth knowing,
			// not a sign of a copy.
			c.add(Note, "link.not-official", "link", 0, l.URL, reg)
		default:
			c.add(Warning, "link.not-official", "link", 0, l.URL, reg)
		}
	}
	if c.officialLinks > 0 && !c.found(func(f Finding) bool { return strings.HasPrefix(f.Code, "link.") }) {
		c.add(Reassuring, "link.all-official", "link", 0, "", strconv.Itoa(c.officialLinks))
	}
}

// parseLink parses a link written with or without its scheme, returning
// its lower-case host without a trailing dot.
func parseLink(raw string) (*url.URL, string) {
	s := strings.TrimSpace(raw)
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, ""
	}
	return u, strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
}

// hostOf returns the host of a link, or "".
func hostOf(raw string) string {
	_, h := parseLink(raw)
	return h
}

// shownHost returns the host a link's visible text shows, when the text
// is an address (with or without https://); "" when it is words.
func shownHost(text string) string {
	t := strings.TrimSpace(text)
	if t == "" || strings.ContainsAny(t, " \t") || !strings.Contains(t, ".") {
		return ""
	}
	h := hostOf(t)
	if h == "" || !strings.Contains(h, ".") {
		return ""
	}
	if _, err := publicsuffix.EffectiveTLDPlusOne(h); err != nil {
		return ""
	}
	return h
}

// registrable is the part of host a person registers (amazon.co.jp from
// www.amazon.co.jp; xxx.info from amazon.co.jp.xxx.info), or host itself
// when it has none.
func registrable(host string) string {
	r, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return host
	}
	return r
}

// internationalized reports whether host is written in punycode or with
// letters beyond ASCII, and how it reads.
func internationalized(host string) (string, bool) {
	ascii := true
	for _, r := range host {
		if r > 0x7f {
			ascii = false
		}
	}
	if ascii && !strings.Contains(host, "xn--") {
		return "", false
	}
	u, err := idna.ToUnicode(host)
	if err != nil {
		return host, true
	}
	return u, true
}

// withoutComments removes the (comments) of a header value, which may
// hold the ";" that separates results: "dmarc=fail (p=quarantine;
// dis=quarantine) header.from=amazon.com".
func withoutComments(v string) string {
	var b strings.Builder
	depth, quoted := 0, false
	for i := 0; i < len(v); i++ {
		ch := v[i]
		switch {
		case ch == '\\' && i+1 < len(v):
			if depth == 0 {
				b.WriteByte(ch)
				b.WriteByte(v[i+1])
			}
			i++
			continue
		case ch == '"' && depth == 0:
			quoted = !quoted
		case ch == '(' && !quoted:
			depth++
			continue
		case ch == ')' && !quoted && depth > 0:
			depth--
			if depth == 0 {
				b.WriteByte(' ')
			}
			continue
		}
		if depth == 0 {
			b.WriteByte(ch)
		}
	}
	return b.String()
}
