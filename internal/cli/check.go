package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/mailcheck"
	"github.com/acctguard/acctguard/internal/mailread"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/internal/visible"
	"github.com/acctguard/acctguard/internal/wrap"
)

// exitWarnings is check's exit code when it found warning signs.
const exitWarnings = 4

type checkOptions struct {
	IO        *iostreams.IOStreams
	Store     stateStore
	Catalogue *playbook.Catalogue
	Now       func() time.Time
	Lang      i18n.Lang
	// LookupTXT looks up DNS TXT records for --verify; tests replace it.
	LookupTXT func(name string) ([]string, error)

	Input    string
	JSON     bool
	Verify   bool
	Save     bool
	Playbook string
	Incident int
}

// NewCmdCheck returns "acctguard check [FILE|-]".
func NewCmdCheck(f *Factory, runF func(*checkOptions) error) *cobra.Command {
	opts := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check [FILE|-|URL|ADDRESS]",
		Short: "Look for the signs of a fake alert in a message, before anyone clicks",
		Long: `Read one message and say what is wrong with it: an .eml file saved from a
mail program, text pasted on standard input (or "-"), or a single web
address or sender address. It looks at what your own mail provider found
when the message arrived, where the sender and every link really are, links
that show one address and go to another, look-alike names, and the wording
of known phishing.

It works offline and stores nothing, unless --verify (which looks up the
sender's DKIM key on the internet) or --save (which keeps the result in the
open incident's evidence) is given. Exit status: 0 no warning signs found,
4 warning signs found, 1 the message could not be read.`,
		Example: "  acctguard check mail.eml\n  pbpaste | acctguard check\n  acctguard check https://amazon.co.jp.example.info/signin",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Store, opts.Catalogue, opts.Now, opts.Lang = f.IO, f.Store(), f.Catalogue(), f.Now, f.Lang
			if len(args) == 1 {
				opts.Input = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runCheck(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON (the shape is documented in the README)")
	cmd.Flags().BoolVar(&opts.Verify, "verify", false, "check the DKIM signature again, looking up the key online")
	cmd.Flags().BoolVar(&opts.Save, "save", false, "keep the result and the message's SHA-256 in the incident's evidence")
	cmd.Flags().StringVar(&opts.Playbook, "playbook", "", "the playbook of the service the message claims to be from")
	incidentFlag(cmd, f, &opts.Incident)
	return cmd
}

func runCheck(opts *checkOptions) error {
	raw, name, err := checkInput(opts)
	if err != nil {
		return err
	}
	msg, err := mailread.Read(bytes.NewReader(raw))
	if err != nil {
		return hinted(i18n.Errorf("error.check.unreadable", name, err), i18n.M("error.check.unreadable.hint"))
	}
	services, err := checkServices(opts)
	if err != nil {
		return err
	}
	result := mailcheck.Check(msg, services)
	online := false
	if opts.Verify && msg.Kind == mailread.KindEML {
		lookup := opts.LookupTXT
		if lookup == nil {
			lookup = net.LookupTXT
		}
		mailcheck.VerifyDKIM(raw, lookup, &result)
		online = true
	}
	sum := sha256.Sum256(raw)
	digest := hex.EncodeToString(sum[:])
	if opts.Save {
		if err := saveCheck(opts, result, digest, name); err != nil {
			return err
		}
	}
	if opts.JSON {
		err = printJSON(opts.IO.Out, checkJSON(result, msg, digest, online))
	} else {
		printCheck(opts, result, msg, name, online)
	}
	if err != nil {
		return err
	}
	if result.Verdict == mailcheck.Warnings {
		return &exitError{code: exitWarnings, quiet: true, err: fmt.Errorf("warning signs found")}
	}
	return nil
}

// checkInput reads what check is given: a file, standard input, or the
// argument itself when it is a single web or sender address.
func checkInput(opts *checkOptions) ([]byte, string, error) {
	in := opts.Input
	switch {
	case in == "" || in == "-":
		if in == "" && opts.IO.CanPrompt() {
			fmt.Fprintln(opts.IO.ErrOut, opts.Lang.T("check.paste"))
		}
		raw, err := io.ReadAll(io.LimitReader(opts.IO.In, mailread.MaxInput+1))
		if err != nil {
			return nil, "", i18n.Errorf("error.check.read", "-", err)
		}
		return raw, opts.Lang.T("check.stdin"), nil
	}
	if fi, err := os.Stat(in); err == nil {
		if fi.IsDir() {
			return nil, "", usage(i18n.Errorf("error.check.directory", in), i18n.M("error.check.file.hint"))
		}
		file, err := os.Open(in)
		if err != nil {
			return nil, "", i18n.Errorf("error.check.read", in, err)
		}
		defer file.Close()
		raw, err := io.ReadAll(io.LimitReader(file, mailread.MaxInput+1))
		if err != nil {
			return nil, "", i18n.Errorf("error.check.read", in, err)
		}
		return raw, in, nil
	}
	if looksLikeAddress(in) {
		return []byte(in), in, nil
	}
	return nil, "", usage(i18n.Errorf("error.check.no-file", in), i18n.M("error.check.file.hint"))
}

// looksLikeAddress reports whether an argument that is not a file is a
// web address (with or without https://) or an e-mail address to check,
// as mailread reads a single line. A name that ends like a saved message
// (mail.eml) is a file not found, though it reads as a host name.
func looksLikeAddress(s string) bool {
	if !strings.Contains(s, "://") {
		for _, ext := range []string{".eml", ".txt", ".msg", ".mbox", ".html"} {
			if strings.HasSuffix(strings.ToLower(s), ext) {
				return false
			}
		}
	}
	m, err := mailread.ReadBytes([]byte(s))
	return err == nil && (m.Kind == mailread.KindURL || m.Kind == mailread.KindAddress)
}

// checkServices are the services the playbooks declare domains for, or
// only the one --playbook names.
func checkServices(opts *checkOptions) ([]mailcheck.Service, error) {
	service := func(p *playbook.Playbook) mailcheck.Service {
		return mailcheck.Service{Playbook: p.ID, Name: serviceName(p, opts.Lang), Domains: p.OfficialDomains}
	}
	if opts.Playbook != "" {
		p, err := usablePlaybook(opts.Catalogue, opts.Playbook, opts.IO.ErrOut, opts.Lang)
		if err != nil {
			return nil, err
		}
		if len(p.OfficialDomains) == 0 {
			return nil, hinted(i18n.Errorf("error.check.no-domains", p.ID), i18n.M("error.check.no-domains.hint"))
		}
		return []mailcheck.Service{service(p)}, nil
	}
	entries, _ := opts.Catalogue.List()
	var out []mailcheck.Service
	for _, e := range entries {
		if !e.Broken() && len(e.Playbook.OfficialDomains) > 0 {
			out = append(out, service(e.Playbook))
		}
	}
	return out, nil
}

// serviceName is the service's name for sentences: the playbook's service
// without what it adds in brackets ("Amazon" from "Amazon (amazon.co.jp)"),
// else its title.
func serviceName(p *playbook.Playbook, l i18n.Lang) string {
	name := strings.TrimSpace(p.Service.Get(string(l)))
	for _, open := range []string{" (", "（", "("} {
		if before, _, ok := strings.Cut(name, open); ok && strings.TrimSpace(before) != "" {
			name = strings.TrimSpace(before)
		}
	}
	if name == "" {
		name = strings.TrimSpace(p.Title.Get(string(l)))
	}
	return name
}

// realAlerts is where the service's real messages can be seen, from its
// playbook; "" when it does not say.
func realAlerts(opts *checkOptions, svc *mailcheck.Service) string {
	if svc == nil {
		return ""
	}
	e, err := opts.Catalogue.Get(svc.Playbook)
	if err != nil || e.Playbook == nil {
		return ""
	}
	return visible.Text(strings.TrimSpace(e.Playbook.RealAlerts.Get(string(opts.Lang))))
}

// printCheck writes the reading for a person: what was read, the verdict,
// the signs grouped, and what to do next.
func printCheck(opts *checkOptions, r mailcheck.Result, msg *mailread.Message, name string, online bool) {
	l, cs, width := opts.Lang, opts.IO.ColorScheme(), opts.IO.WrapWidth()
	out := opts.IO.Out
	say := func(color func(string) string, indent, text string) {
		lines := wrap.Wrap(text, max(width-wrap.Width(stripANSI(indent)), 20))
		if width <= 0 {
			lines = []string{text}
		}
		for i, line := range lines {
			if i > 0 {
				indent = strings.Repeat(" ", wrap.Width(stripANSI(indent)))
			}
			if color != nil {
				line = color(line)
			}
			fmt.Fprintln(out, indent+line)
		}
	}
	if name == l.T("check.stdin") {
		say(nil, "", l.Tf("check.read-stdin", l.T("check.kind."+string(msg.Kind))))
	} else {
		say(nil, "", l.Tf("check.read", visible.Line(name), l.T("check.kind."+string(msg.Kind))))
	}
	// command says a sentence that ends in a command, the command on a
	// line of its own when both do not fit, so that it is copied whole.
	command := func(key, cmd string) {
		line := l.Tf(key, cmd)
		if width <= 0 || wrap.Width(line) <= width {
			fmt.Fprintln(out, line)
			return
		}
		say(nil, "", strings.TrimSpace(l.Tf(key, "")))
		fmt.Fprintln(out, "  "+cmd)
	}
	if msg.From.Address != "" || msg.From.Name != "" {
		say(nil, "  ", l.Tf("check.from", visible.Line(formatAddress(msg.From))))
	}
	if msg.Subject != "" {
		say(nil, "  ", l.Tf("check.subject", visible.Line(msg.Subject)))
	}
	if online {
		say(nil, "  ", l.T("check.online"))
	}
	fmt.Fprintln(out)
	svcName := l.T("check.the-service")
	if r.Service != nil {
		svcName = visible.Line(r.Service.Name)
	}
	switch r.Verdict {
	case mailcheck.Warnings:
		key := "check.verdict.warnings"
		if msg.Kind == mailread.KindURL || msg.Kind == mailread.KindAddress {
			key += "-" + string(msg.Kind)
		}
		say(cs.Red, "", cs.Bold(l.T(key)))
	case mailcheck.NoWarnings:
		say(cs.Green, "", l.Tf("check.verdict.none", svcName))
	default:
		say(cs.Yellow, "", l.Tf("check.verdict.cannot-tell", svcName))
	}
	groups := []struct {
		severity mailcheck.Severity
		head     string
		mark     string
		color    func(string) string
	}{
		{mailcheck.Warning, "check.head.warnings", "✗ ", cs.Red},
		{mailcheck.Reassuring, "check.head.reassuring", "✓ ", cs.Green},
		{mailcheck.Note, "check.head.notes", "- ", nil},
	}
	alerts := realAlerts(opts, r.Service)
	shown := findingLines(l, r.Findings, r.Service)
	for _, g := range groups {
		var lines []string
		for _, f := range shown {
			if f.severity == g.severity {
				lines = append(lines, f.text)
			}
		}
		if g.severity == mailcheck.Note && alerts != "" {
			lines = append(lines, alerts)
		}
		if len(lines) == 0 {
			continue
		}
		fmt.Fprintln(out)
		fmt.Fprintln(out, cs.Bold(l.T(g.head)))
		for _, line := range lines {
			mark := g.mark
			if g.color != nil {
				mark = g.color(mark)
			}
			say(nil, "  "+mark, line)
		}
	}
	fmt.Fprintln(out)
	if r.Verdict == mailcheck.Warnings {
		say(nil, "", l.T("check.next.report"))
	}
	if r.Service != nil {
		command("check.next.respond", "acctguard respond "+r.Service.Playbook)
	} else {
		command("check.next.respond-any", "acctguard respond")
	}
}

// findingLine is one line of check's screen.
type findingLine struct {
	severity mailcheck.Severity
	text     string
}

// findingLines says the findings as a person reads them, in fewer lines
// than there are findings (--json keeps every one): the phrases of one
// kind of wording share a line, and a link that shows one address and goes
// to a site that is not the service's is one line, not two.
func findingLines(l i18n.Lang, findings []mailcheck.Finding, svc *mailcheck.Service) []findingLine {
	elsewhere := func(f mailcheck.Finding) bool {
		return f.Severity == mailcheck.Warning && (f.Code == "link.imitates" || f.Code == "link.not-official")
	}
	shows := map[string]string{} // a link that goes elsewhere -> the address it shows
	for _, f := range findings {
		if f.Code == "link.text-mismatch" {
			if _, ok := shows[f.Subject]; !ok {
				shows[f.Subject] = f.Detail
			}
		}
	}
	merged := map[string]bool{}
	for _, f := range findings {
		if _, ok := shows[f.Subject]; ok && elsewhere(f) {
			merged[f.Subject] = true
		}
	}
	var lines []findingLine
	wording := map[string]int{}   // a kind of wording -> its line
	phrases := map[int][]string{} // that line's phrases
	for _, f := range findings {
		switch {
		case f.Code == "link.text-mismatch" && merged[f.Subject] && shows[f.Subject] == f.Detail:
			continue // said with where the link goes
		case elsewhere(f) && merged[f.Subject]:
			text := l.Tf("check.f."+strings.Replace(f.Code, "link.", "link.shows-", 1),
				visible.Line(f.Subject), visible.Line(f.Detail), visible.Line(svc.Name), visible.Line(shows[f.Subject]))
			lines = append(lines, findingLine{f.Severity, text})
		case strings.HasPrefix(f.Code, "words."):
			i, ok := wording[f.Code]
			if !ok {
				i, wording[f.Code] = len(lines), len(lines)
				lines = append(lines, findingLine{severity: f.Severity})
			}
			phrases[i] = append(phrases[i], visible.Line(f.Subject))
			lines[i].text = l.Tf("check.f."+f.Code, strings.Join(phrases[i], l.T("check.quote-sep")))
		default:
			lines = append(lines, findingLine{f.Severity, findingText(l, f, svc)})
		}
	}
	return lines
}

// findingText says one finding in words, with where it was found. Its
// message takes what it is about, the detail and the service's name, each
// by position (see the check.f.* messages); one that needs none takes none.
func findingText(l i18n.Lang, f mailcheck.Finding, svc *mailcheck.Service) string {
	name := l.T("check.the-service")
	if svc != nil {
		name = visible.Line(svc.Name)
	}
	text := l.T("check.f." + f.Code)
	if strings.Contains(text, "%[") {
		text = l.Tf("check.f."+f.Code, visible.Line(f.Subject), visible.Line(f.Detail), name)
	}
	if f.Line > 0 {
		text += l.Tf("check.at-line", f.Where, f.Line)
	}
	return text
}

func formatAddress(a mailread.Address) string {
	switch {
	case a.Name == "":
		return a.Address
	case a.Address == "":
		return a.Name
	}
	return fmt.Sprintf("%s <%s>", a.Name, a.Address)
}

// checkResultJSON is "check --json". The shape is documented in the
// README; add fields, never change them.
type checkResultJSON struct {
	Verdict  string             `json:"verdict"`
	Input    checkInputJSON     `json:"input"`
	Service  *checkServiceJSON  `json:"service"`
	Online   bool               `json:"online"`
	Findings []checkFindingJSON `json:"findings"`
}

type checkInputJSON struct {
	Kind      string  `json:"kind"`
	SHA256    string  `json:"sha256"`
	From      *string `json:"from"`
	Subject   *string `json:"subject"`
	Links     int     `json:"links"`
	Truncated bool    `json:"truncated"`
}

type checkServiceJSON struct {
	Playbook string   `json:"playbook"`
	Name     string   `json:"name"`
	Domains  []string `json:"domains"`
}

type checkFindingJSON struct {
	Severity string  `json:"severity"`
	Code     string  `json:"code"`
	Where    string  `json:"where"`
	Line     *int    `json:"line"`
	Subject  *string `json:"subject"`
	Detail   *string `json:"detail"`
}

func checkJSON(r mailcheck.Result, msg *mailread.Message, digest string, online bool) checkResultJSON {
	opt := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	out := checkResultJSON{
		Verdict: string(r.Verdict), Online: online, Findings: []checkFindingJSON{},
		Input: checkInputJSON{Kind: string(msg.Kind), SHA256: digest, From: opt(formatAddress(msg.From)), Subject: opt(msg.Subject), Links: len(msg.Links), Truncated: msg.Truncated},
	}
	if r.Service != nil {
		out.Service = &checkServiceJSON{Playbook: r.Service.Playbook, Name: r.Service.Name, Domains: append([]string{}, r.Service.Domains...)}
	}
	for _, f := range r.Findings {
		j := checkFindingJSON{Severity: string(f.Severity), Code: f.Code, Where: f.Where, Subject: opt(f.Subject), Detail: opt(f.Detail)}
		if f.Line > 0 {
			line := f.Line
			j.Line = &line
		}
		out.Findings = append(out.Findings, j)
	}
	return out
}

// saveCheck keeps the reading in the open incident: a note on the step
// that keeps the evidence, with the message's SHA-256 so that the file
// kept aside can be shown to be the one checked.
func saveCheck(opts *checkOptions, r mailcheck.Result, digest, name string) error {
	inc, p, err := loadIncident(opts.Store, opts.Catalogue, opts.Incident, opts.IO.ErrOut)
	if err != nil {
		return err
	}
	if inc.ClosedAt != nil {
		return hinted(i18n.Errorf("error.incident.closed", inc.ID), i18n.M("error.incident.closed.hint"))
	}
	step := ""
	for _, s := range p.Steps {
		if s.Records(playbook.RecordEvidence) {
			step = s.ID
			break
		}
	}
	if step == "" {
		return hinted(i18n.Errorf("error.check.no-evidence-step", inc.ID), i18n.M("error.check.no-evidence-step.hint"))
	}
	note := fmt.Sprintf("acctguard check %s: %s, %d warning signs, %d reassuring; sha256 %s", name, r.Verdict, r.Count(mailcheck.Warning), r.Count(mailcheck.Reassuring), digest)
	if err := checkText("note", note); err != nil {
		return err
	}
	if _, err := appendEvent(opts.Store, inc.ID, state.Event{Step: step, Action: state.ActionNote, Note: note, At: opts.Now()}); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.ErrOut, opts.Lang.Tf("check.saved", inc.ID, step))
	return nil
}
