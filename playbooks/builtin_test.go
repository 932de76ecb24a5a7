package playbooks_test

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/playbooks"
	"go.yaml.in/yaml/v3"
)

// TestBuiltinPlaybooks checks what a person relies on in every built-in
// playbook: it validates, reads completely in English and Japanese, every
// step says why and how and cites a source, and every contact says when it
// was last confirmed and where that comes from.
func TestBuiltinPlaybooks(t *testing.T) {
	names, err := fs.Glob(playbooks.FS, "*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no built-in playbooks: %v", err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			src, err := playbooks.FS.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			p, err := playbook.Parse(name, src)
			if err != nil {
				t.Fatalf("does not validate:\n%v", err)
			}
			if want := strings.TrimSuffix(name, ".yaml"); p.ID != want {
				t.Errorf("id %q, want %q from the file name", p.ID, want)
			}
			if strings.Join(p.Languages, ",") != "en,ja" {
				t.Errorf("languages = %v, want [en ja]", p.Languages)
			}
			bilingual := func(what string, text playbook.Text) {
				t.Helper()
				// A plain string would pass validation as one text for
				// every language; a built-in must really be translated.
				if text.IsPlain() || !text.Has("en") || !text.Has("ja") || strings.TrimSpace(text.Get("ja")) == "" {
					t.Errorf("%s is not written in both English and Japanese", what)
				}
			}
			bilingual("title", p.Title)
			bilingual("summary", p.Summary)
			phases := map[playbook.Phase]int{}
			for _, s := range p.Steps {
				phases[s.Phase]++
				bilingual(s.ID+" title", s.Title)
				bilingual(s.ID+" why", s.Why)
				bilingual(s.ID+" how", s.How)
				if len(s.Sources) == 0 {
					t.Errorf("step %q cites no source", s.ID)
				}
				if s.Asks() {
					bilingual(s.ID+" question", s.Question)
				}
				if s.Kind == playbook.KindQuestion {
					for _, o := range s.Options {
						bilingual(s.ID+" option "+o.Value, o.Label)
					}
				}
				for _, l := range s.Links {
					bilingual(s.ID+" link "+l.URL, l.Title)
				}
			}
			for _, ph := range playbook.Phases {
				if phases[ph] == 0 {
					t.Errorf("no step in phase %s", ph)
				}
			}
			for _, c := range p.Contacts {
				bilingual("contact "+c.ID, c.Name)
				if c.Verified == "" || c.Source == "" {
					t.Errorf("contact %q: verified %q, source %q; both are needed", c.ID, c.Verified, c.Source)
				}
			}
		})
	}
}

// TestAmazonTakeoverCoversTheFoundingStory checks that the steps the
// founding story missed, or learned the hard way, are all there with the
// timing it taught.
func TestAmazonTakeoverCoversTheFoundingStory(t *testing.T) {
	src, err := playbooks.FS.ReadFile("amazon-takeover.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := playbook.Parse("amazon-takeover.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	step := func(id string) *playbook.Step {
		t.Helper()
		s, ok := p.Step(id)
		if !ok {
			t.Fatalf("no step %q", id)
		}
		return s
	}
	if q := step("can-sign-in"); q.Kind != playbook.KindQuestion {
		t.Errorf("can-sign-in is not a question")
	}
	if s := step("reset-password-after-wait"); s.Delay.String() != "5h" || len(s.When) == 0 || s.DelayFrom != "lock-email-time" {
		t.Errorf("the reset after Amazon's lock waits %q from %q with when %v; want 5h from the lock email's time on the locked-out branch", s.Delay, s.DelayFrom, s.When)
	}
	if s := step("lock-email-time"); s.Kind != playbook.KindTime {
		t.Errorf("lock-email-time is a %s step, want a time step", s.Kind)
	}
	if s := step("recheck-after-a-week"); s.Delay.String() != "7d" || s.Phase != playbook.PhaseFollowUp {
		t.Errorf("the one-week re-check is %s in %s", s.Delay, s.Phase)
	}
	if s := step("weekly-recheck"); s.Repeat == nil || s.Repeat.Every.String() != "7d" || s.Repeat.Times != 4 {
		t.Errorf("weekly re-check repeat = %+v, want every 7d, 4 times", s.Repeat)
	}
	for _, id := range []string{"amazon-support-jp", "amazon-support-abroad"} {
		c, ok := p.Contact(id)
		if !ok || c.Verified != "2020-09" || c.Source != "founding-report" {
			t.Errorf("contact %s = %+v, want verified 2020-09 from founding-report", id, c)
		}
	}
	var hasContactPage bool
	for _, c := range p.Contacts {
		hasContactPage = hasContactPage || c.URL == "https://www.amazon.co.jp/contact-us"
	}
	if !hasContactPage {
		t.Error("no contact links Amazon's official contact page, though phone numbers change")
	}
}

// firstEditionSteps are the step ids of the first edition of the Amazon
// playbook (version 2026-11-26). Incidents recorded under them must keep
// their records: each id is still a step, or a later step lists it in was,
// or it is one of removedSteps on purpose.
var firstEditionSteps = []string{
	"open-amazon-yourself", "check-message-center", "check-sender-and-links",
	"compare-order-history", "rule-out-innocent-causes", "start-evidence-log",
	"secure-email-account", "can-sign-in", "change-amazon-password",
	"note-lock-email", "reset-password-after-wait", "reset-worked",
	"contact-amazon-support", "sign-out-all-devices", "cancel-unknown-orders",
	"call-card-issuers", "remove-payment-methods", "change-reused-passwords",
	"turn-on-2sv", "check-addresses", "check-gift-card-and-amazon-pay",
	"check-orders-and-subscriptions", "remove-connected-sites",
	"deregister-unknown-devices", "secure-alexa-purchasing",
	"check-household-members", "make-sure-amazon-mail-arrives",
	"scan-and-update-devices", "entered-details-on-link",
	"report-phishing-message", "ask-for-refunds", "keep-contact-log",
	"consult-police", "consult-ipa", "check-card-next-day",
	"recheck-after-a-week", "weekly-recheck", "check-statements",
}

// removedSteps were dropped from the Amazon playbook on purpose; their
// records show as "no longer in the playbook". The value says why.
var removedSteps = map[string]string{
	"compare-order-history": "second edition: its checks are part of cancel-unknown-orders",
}

// signInSteps need the person signed in to Amazon; while they are locked
// out they must wait for the steps that get them back in.
var signInSteps = []string{
	"check-sign-in-details", "turn-on-2sv", "sign-out-all-devices",
	"cancel-unknown-orders", "remove-payment-methods", "check-addresses",
	"check-gift-card-and-amazon-pay", "check-orders-and-subscriptions",
	"remove-connected-sites", "check-other-services", "secure-alexa-purchasing",
	"check-household-members", "ask-for-refunds", "check-the-message",
	"check-gift-card-credit", "recheck-after-a-week",
}

// builtinPlaybooks parses every built-in playbook.
func builtinPlaybooks(t *testing.T) []*playbook.Playbook {
	t.Helper()
	names, err := fs.Glob(playbooks.FS, "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var out []*playbook.Playbook
	for _, name := range names {
		src, err := playbooks.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		p, err := playbook.Parse(name, src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, p)
	}
	return out
}

// TestAmazonTakeoverKeepsFirstEditionRecords checks that every step of the
// first edition still has a home for its records, unless it was removed on
// purpose, and that was lists only ids the first edition really had.
func TestAmazonTakeoverKeepsFirstEditionRecords(t *testing.T) {
	p := builtinPlaybook(t, "amazon-takeover")
	for _, id := range firstEditionSteps {
		_, resolves := p.RecordIndex(id)
		_, removed := removedSteps[id]
		switch {
		case removed && resolves:
			t.Errorf("%s is listed as removed but still has a step", id)
		case !removed && !resolves:
			t.Errorf("first-edition step %s is neither a step nor in any step's was; add it to was of the step that replaced it, or to removedSteps", id)
		}
	}
	for _, s := range p.Steps {
		for _, old := range s.Was {
			if !slices.Contains(firstEditionSteps, old) {
				t.Errorf("%s lists %q in was, which no earlier edition had", s.ID, old)
			}
		}
	}
}

// TestAmazonTakeoverLockedOutPath walks the founding story's first lock:
// locked out at 01:00, Amazon's email arrived at 00:40 and says to reset
// the password after 5 hours. The reset opens at 05:40, the steps that need
// a sign-in wait until the person is back in, and someone who could sign
// in from the start waits for nothing but the new password.
func TestAmazonTakeoverLockedOutPath(t *testing.T) {
	p := builtinPlaybook(t, "amazon-takeover")
	opened := time.Date(2026, 11, 27, 1, 0, 0, 0, jst)
	at := func(h, m int) time.Time { return time.Date(2026, 11, 27, h, m, 0, 0, jst) }
	answer := func(step, value string, when time.Time) incident.Event {
		return incident.Event{Step: step, Action: incident.ActionAnswer, Answer: value, At: when}
	}
	lockedOut := []incident.Event{
		answer("can-sign-in", "no", at(1, 1)),
		answer("lock-email-says", "reset", at(1, 2)),
		answer("lock-email-time", at(0, 40).Format(time.RFC3339), at(1, 3)),
	}

	v := incident.Derive(p, opened, lockedOut, at(1, 5))
	if s, _ := v.Status("reset-password-after-wait"); s.State != incident.Waiting || !s.AvailableAt.Equal(at(5, 40)) {
		t.Errorf("reset at 01:05 is %s until %s, want waiting until 05:40", s.State, s.AvailableAt)
	}
	for _, id := range []string{"contact-amazon-now", "call-amazon-after-wait", "change-amazon-password"} {
		if got := stateOf(t, v, id); got != incident.NotApplicable {
			t.Errorf("%s on the reset branch is %s, want not applicable", id, got)
		}
	}
	for _, id := range signInSteps {
		if got := stateOf(t, v, id); got != incident.Waiting {
			t.Errorf("%s while locked out is %s, want waiting", id, got)
		}
	}
	if got := stateOf(t, v, "call-card-issuers"); got != incident.Due {
		t.Errorf("call-card-issuers during the wait is %s, want due", got)
	}

	v = incident.Derive(p, opened, lockedOut, at(5, 41))
	var critical []string
	for _, s := range v.Ask(true) {
		critical = append(critical, s.Step.ID)
	}
	if !slices.Contains(critical, "reset-password-after-wait") {
		t.Errorf("respond --critical at 05:41 offers %v, not the reset", critical)
	}

	backIn := append(slices.Clone(lockedOut),
		incident.Event{Step: "reset-password-after-wait", Action: incident.ActionDone, At: at(5, 45)},
		answer("back-in", "yes", at(5, 50)))
	v = incident.Derive(p, opened, backIn, at(5, 51))
	if got := stateOf(t, v, "contact-amazon-support"); got != incident.NotApplicable {
		t.Errorf("contact-amazon-support once back in is %s, want not applicable", got)
	}
	for _, id := range []string{"check-sign-in-details", "turn-on-2sv", "cancel-unknown-orders", "remove-payment-methods"} {
		if got := stateOf(t, v, id); got != incident.Due {
			t.Errorf("%s once back in is %s, want due", id, got)
		}
	}

	// "call customer service" replaces the reset, and a changed sign-in
	// email makes contacting Amazon due at once.
	call := []incident.Event{answer("can-sign-in", "no", at(1, 1)), answer("lock-email-says", "call", at(1, 2))}
	v = incident.Derive(p, opened, call, at(1, 3))
	if got := stateOf(t, v, "reset-password-after-wait"); got != incident.NotApplicable {
		t.Errorf("reset when the email says to call is %s, want not applicable", got)
	}
	changed := []incident.Event{answer("can-sign-in", "no", at(1, 1)), answer("lock-email-says", "changed", at(1, 2))}
	v = incident.Derive(p, opened, changed, at(1, 3))
	if got := stateOf(t, v, "contact-amazon-now"); got != incident.Due {
		t.Errorf("contact-amazon-now when the sign-in email was changed is %s, want due", got)
	}
	if got := stateOf(t, v, "lock-email-time"); got != incident.NotApplicable {
		t.Errorf("lock-email-time with no lock email is %s, want not applicable", got)
	}

	canSignIn := []incident.Event{
		answer("can-sign-in", "yes", at(1, 1)),
		{Step: "change-amazon-password", Action: incident.ActionDone, At: at(1, 5)},
	}
	v = incident.Derive(p, opened, canSignIn, at(1, 6))
	for _, id := range signInSteps {
		s, _ := v.Status(id)
		if len(s.WaitingFor) > 0 {
			t.Errorf("%s for someone who could sign in waits for %v", id, s.WaitingFor)
		}
	}
}

// TestBuiltinTexts holds every built-in playbook's own texts to the house
// rules: at most five one-line bullets in a how, Japanese quotes and full
// stops, dates of phone numbers said as "as of", and no promise acctguard
// does not keep (it does not remind anyone, and cannot offer a waiting step
// early).
func TestBuiltinTexts(t *testing.T) {
	for _, p := range builtinPlaybooks(t) {
		t.Run(p.ID, func(t *testing.T) { checkTexts(t, p) })
	}
}

func checkTexts(t *testing.T, p *playbook.Playbook) {
	promises := []string{"remind", "try sooner", "skip the wait", "お知らせします", "早めに試", "ご案内"}
	check := func(what string, text playbook.Text) {
		t.Helper()
		for _, lang := range []string{"en", "ja"} {
			s := text.Get(lang)
			for _, bad := range promises {
				if strings.Contains(strings.ToLower(s), bad) {
					t.Errorf("%s (%s) says %q: acctguard does not do that", what, lang, bad)
				}
			}
			if strings.Contains(strings.ToLower(s), "verified") || strings.Contains(s, "確認済み") {
				t.Errorf("%s (%s) calls something verified; say \"as of\" / 時点", what, lang)
			}
		}
		if ja := text.Get("ja"); strings.ContainsAny(ja, "\"") {
			t.Errorf("%s (ja) uses \" quotes; use 「」", what)
		}
	}
	for _, s := range p.Steps {
		check(s.ID+" title", s.Title)
		check(s.ID+" why", s.Why)
		check(s.ID+" how", s.How)
		if why := strings.TrimSpace(s.Why.Get("ja")); !strings.HasSuffix(why, "。") {
			t.Errorf("%s why (ja) does not end in 。", s.ID)
		}
		for _, lang := range []string{"en", "ja"} {
			lines := strings.Split(strings.TrimSpace(s.How.Get(lang)), "\n")
			if len(lines) > 5 {
				t.Errorf("%s how (%s) has %d bullets; at most 5", s.ID, lang, len(lines))
			}
			for _, line := range lines {
				if !strings.HasPrefix(line, "- ") {
					t.Errorf("%s how (%s) has a line that is not a bullet: %q", s.ID, lang, line)
				}
				if lang == "ja" && !strings.HasSuffix(line, "。") {
					t.Errorf("%s how (ja) has a bullet that does not end in 。: %q", s.ID, line)
				}
			}
		}
	}
	for _, c := range p.Contacts {
		check("contact "+c.ID+" name", c.Name)
		check("contact "+c.ID+" note", c.Note)
	}
}

// TestAmazonTakeoverPhoneNumbers holds the phone-number policy: the
// founding report's numbers are given "as of 2020-09", never as checked
// facts, with the rule that only a number Amazon itself shows is called;
// and every step that lists them offers the contact page's chat or
// call-back first.
func TestAmazonTakeoverPhoneNumbers(t *testing.T) {
	p := builtinPlaybook(t, "amazon-takeover")
	for _, c := range p.Contacts {
		if c.Source != "founding-report" || c.Phone == "" {
			continue
		}
		en, ja := c.Note.Get("en"), c.Note.Get("ja")
		if !strings.Contains(en, "As of 2020-09") || !strings.Contains(ja, "2020年9月時点") {
			t.Errorf("contact %s gives the founding report's number without saying it is as of 2020-09", c.ID)
		}
		if !strings.Contains(en, "Amazon") || !strings.Contains(ja, "Amazon自身") {
			t.Errorf("contact %s does not say to call only a number Amazon itself shows", c.ID)
		}
	}
	for _, s := range p.Steps {
		if slices.Contains(s.Contacts, "amazon-support-jp") && (len(s.Contacts) == 0 || s.Contacts[0] != "amazon-contact-locked-out") {
			t.Errorf("step %s lists the phone numbers without the contact page first: %v", s.ID, s.Contacts)
		}
		for _, lang := range []string{"en", "ja"} {
			how := strings.ToLower(s.How.Get(lang))
			if strings.Contains(how, "verified") || strings.Contains(how, "確認済み") {
				t.Errorf("step %s (%s) calls a number verified; say \"as of\" / 時点", s.ID, lang)
			}
		}
	}
}

// BenchmarkParseBuiltin is what every command about an incident pays to
// read its built-in playbook: "check" parses and checks the YAML, as the
// catalogue does; "yaml-node" is yaml.v3's part of that alone, the floor
// under any reading of the YAML (issue 9's speed goal for status).
func BenchmarkParseBuiltin(b *testing.B) {
	src, err := playbooks.FS.ReadFile("amazon-takeover.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("check", func(b *testing.B) {
		for b.Loop() {
			if _, err := playbook.Check(playbook.BuiltinName("amazon-takeover"), "amazon-takeover", src); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("yaml-node", func(b *testing.B) {
		for b.Loop() {
			var n yaml.Node
			if err := yaml.Unmarshal(src, &n); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestBuiltinLinks: every built-in says what it is for, so that lists
// group it, and every step that hands over to another playbook names a
// built-in one, so that respond always has it to offer.
func TestBuiltinLinks(t *testing.T) {
	all := builtinPlaybooks(t)
	ids := map[string]bool{}
	for _, p := range all {
		ids[p.ID] = true
	}
	for _, p := range all {
		if p.For == "" {
			t.Errorf("%s does not say what it is for (for:)", p.ID)
		}
		for _, s := range p.Steps {
			if s.Opens != "" && !ids[s.Opens] {
				t.Errorf("%s: step %s opens %q, which is not a built-in playbook", p.ID, s.ID, s.Opens)
			}
		}
	}
}

// jst is Japan's time, in which these walks happen.
var jst = time.FixedZone("JST", 9*60*60)

// minutes makes the events of a walk through a playbook, m minutes after
// the incident was opened.
type minutes struct{ opened time.Time }

func (w minutes) at(m int) time.Time { return w.opened.Add(time.Duration(m) * time.Minute) }

func (w minutes) answer(step, value string, m int) incident.Event {
	return incident.Event{Step: step, Action: incident.ActionAnswer, Answer: value, At: w.at(m)}
}

func (w minutes) done(step string, m int) incident.Event {
	return incident.Event{Step: step, Action: incident.ActionDone, At: w.at(m)}
}

// stateOf is the state of step id in v; the test stops when there is no
// such step.
func stateOf(t *testing.T, v incident.View, id string) incident.State {
	t.Helper()
	s, ok := v.Status(id)
	if !ok {
		t.Fatalf("no step %s", id)
	}
	return s.State
}

// builtinPlaybook parses one built-in playbook by id.
func builtinPlaybook(t *testing.T, id string) *playbook.Playbook {
	t.Helper()
	src, err := playbooks.FS.ReadFile(id + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := playbook.Parse(id+".yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// signInCase is one walk through a playbook's can-sign-in branch: the
// events so far, and the state each named step must be in.
type signInCase struct {
	name   string
	events []incident.Event
	want   map[string]incident.State
}

// each gives every step in ids the state s.
func each(ids []string, s incident.State) map[string]incident.State {
	m := map[string]incident.State{}
	for _, id := range ids {
		m[id] = s
	}
	return m
}

// merged puts several maps of wanted states into one; later ones win.
func merged(ms ...map[string]incident.State) map[string]incident.State {
	out := map[string]incident.State{}
	for _, m := range ms {
		for id, s := range m {
			out[id] = s
		}
	}
	return out
}

// checkSignInCases derives each case at one minute past its last event and
// compares the states.
func checkSignInCases(t *testing.T, p *playbook.Playbook, opened time.Time, cases []signInCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			now := opened
			for _, e := range tc.events {
				if e.At.After(now) {
					now = e.At
				}
			}
			v := incident.Derive(p, opened, tc.events, now.Add(time.Minute))
			for id, want := range tc.want {
				s, ok := v.Status(id)
				if !ok {
					t.Fatalf("no step %s", id)
				}
				if s.State != want {
					t.Errorf("%s is %s, want %s (waiting for %v)", id, s.State, want, s.WaitingFor)
				}
			}
		})
	}
}

// TestLineTakeoverCanSignInBranch checks the LINE playbook's two paths:
// someone logged out registers again with their own number first, and the
// settings steps wait for that; someone who can still use LINE changes the
// settings at once and has nothing to register or report through the form.
// Money asked of friends brings in the police step.
func TestLineTakeoverCanSignInBranch(t *testing.T) {
	p := builtinPlaybook(t, "line-takeover")
	opened := time.Date(2026, 12, 3, 20, 0, 0, 0, jst)
	w := minutes{opened}
	settings := []string{"turn-off-other-device-login", "change-line-password", "check-registered-details"}
	checkSignInCases(t, p, opened, []signInCase{
		{
			name:   "logged out",
			events: []incident.Event{w.answer("can-sign-in", "no", 1)},
			want: merged(each(settings, incident.Waiting), map[string]incident.State{
				"register-again":        incident.Due,
				"report-stolen-account": incident.Due,
				"warn-friends":          incident.Due,
			}),
		},
		{
			name:   "registered again",
			events: []incident.Event{w.answer("can-sign-in", "no", 1), w.done("register-again", 10)},
			want: merged(each(settings, incident.Due), map[string]incident.State{
				"report-stolen-account": incident.Due,
			}),
		},
		{
			name:   "still signed in",
			events: []incident.Event{w.answer("can-sign-in", "yes", 1)},
			want: merged(each(settings, incident.Due), map[string]incident.State{
				"register-again":        incident.NotApplicable,
				"report-stolen-account": incident.NotApplicable,
				"warn-friends":          incident.Due,
			}),
		},
		{
			name: "friends asked for gift cards",
			events: []incident.Event{
				w.answer("can-sign-in", "yes", 1), w.done("warn-friends", 5),
				w.answer("friends-asked-for-money", "yes", 30),
			},
			want: map[string]incident.State{"consult-police": incident.Due, "help-friends-who-answered": incident.Due},
		},
		{
			name: "not heard back from everyone",
			events: []incident.Event{
				w.answer("can-sign-in", "yes", 1), w.done("warn-friends", 5),
				w.answer("friends-asked-for-money", "not-sure", 30),
			},
			want: map[string]incident.State{"consult-police": incident.Due},
		},
		{
			name: "no one asked for money",
			events: []incident.Event{
				w.answer("can-sign-in", "yes", 1), w.done("warn-friends", 5),
				w.answer("friends-asked-for-money", "no", 30),
			},
			want: map[string]incident.State{"consult-police": incident.NotApplicable},
		},
	})
}

// TestAppleAccountCanSignInBranch checks the Apple playbook's paths: who
// can sign in changes the password and then fixes details and devices;
// who cannot resets at iforgot.apple.com, and if Apple starts account
// recovery the sign-in steps wait until it is over, while the steps that
// need no sign-in are due meanwhile.
func TestAppleAccountCanSignInBranch(t *testing.T) {
	p := builtinPlaybook(t, "apple-account")
	opened := time.Date(2026, 12, 3, 9, 0, 0, 0, jst)
	w := minutes{opened}
	signIn := []string{"fix-security-details", "remove-unknown-devices"}
	noSignIn := []string{"secure-apple-email", "ask-carrier-sms-forwarding", "check-purchases"}
	lockedOut := []incident.Event{w.answer("can-sign-in", "no", 1)}
	recovery := append(slices.Clone(lockedOut), w.done("reset-with-iforgot", 10), w.answer("back-in", "no", 12))
	checkSignInCases(t, p, opened, []signInCase{
		{
			name:   "can sign in",
			events: []incident.Event{w.answer("can-sign-in", "yes", 1)},
			want: merged(each(signIn, incident.Waiting), each(noSignIn, incident.Due), map[string]incident.State{
				"change-apple-password":     incident.Due,
				"reset-with-iforgot":        incident.NotApplicable,
				"back-in":                   incident.NotApplicable,
				"wait-for-account-recovery": incident.NotApplicable,
			}),
		},
		{
			name:   "password changed",
			events: []incident.Event{w.answer("can-sign-in", "yes", 1), w.done("change-apple-password", 5)},
			want:   each(signIn, incident.Due),
		},
		{
			name:   "locked out",
			events: lockedOut,
			want: merged(each(signIn, incident.Waiting), each(noSignIn, incident.Due), map[string]incident.State{
				"reset-with-iforgot":        incident.Due,
				"change-apple-password":     incident.NotApplicable,
				"back-in":                   incident.Waiting,
				"wait-for-account-recovery": incident.Waiting,
			}),
		},
		{
			name:   "the reset worked",
			events: append(slices.Clone(lockedOut), w.done("reset-with-iforgot", 10), w.answer("back-in", "yes", 12)),
			want: merged(each(signIn, incident.Due), map[string]incident.State{
				"wait-for-account-recovery": incident.NotApplicable,
			}),
		},
		{
			name:   "account recovery under way",
			events: recovery,
			want: merged(each(signIn, incident.Waiting), each(noSignIn, incident.Due), map[string]incident.State{
				"wait-for-account-recovery": incident.Due,
			}),
		},
		{
			name:   "account recovery over",
			events: append(slices.Clone(recovery), w.done("wait-for-account-recovery", 3*24*60)),
			want:   each(signIn, incident.Due),
		},
	})
}

// TestBuiltinAccountPlaybooksAskCanSignIn holds every account playbook
// (all but card-fraud) to the question the first-run triage pre-fills: a
// can-sign-in question in the contain phase with exactly "yes" and "no".
func TestBuiltinAccountPlaybooksAskCanSignIn(t *testing.T) {
	for _, p := range builtinPlaybooks(t) {
		if p.ID == "card-fraud" {
			continue
		}
		t.Run(p.ID, func(t *testing.T) {
			s, ok := p.Step("can-sign-in")
			if !ok {
				t.Fatal("no can-sign-in step")
			}
			if s.Kind != playbook.KindQuestion || s.Phase != playbook.PhaseContain {
				t.Errorf("can-sign-in is a %s step in %s; want a question in contain", s.Kind, s.Phase)
			}
			var values []string
			for _, o := range s.Options {
				values = append(values, o.Value)
			}
			if strings.Join(values, ",") != "yes,no" {
				t.Errorf("can-sign-in options %v, want exactly yes and no", values)
			}
		})
	}
}

// TestBuiltinCriticalStepsCanBeReached extends the Amazon check to every
// built-in: "respond --critical" offers only critical steps, so every step
// a critical step waits for must be critical too.
func TestBuiltinCriticalStepsCanBeReached(t *testing.T) {
	for _, p := range builtinPlaybooks(t) {
		t.Run(p.ID, func(t *testing.T) {
			for _, s := range p.Steps {
				if !s.Critical {
					continue
				}
				deps := slices.Clone(s.After)
				for _, c := range s.When {
					deps = append(deps, c.Step)
				}
				if s.DelayFrom != "" {
					deps = append(deps, s.DelayFrom)
				}
				for _, id := range deps {
					if d, ok := p.Step(id); ok && !d.Critical {
						t.Errorf("critical step %s waits for %s, which is not critical", s.ID, id)
					}
				}
			}
		})
	}
}

// canSignInPlaybook says, for one account playbook, which steps belong to
// each answer of can-sign-in, so that one table test walks both branches.
type canSignInPlaybook struct {
	file     string
	yesOnly  []string // apply only to someone who can still sign in
	noOnly   []string // apply only to someone locked out
	recovery string   // the locked-out recovery step, which waits for email
	email    string   // the step that secures the registered email first
	signIn   []string // need a sign-in: wait while locked out
	anyTime  []string // need no sign-in: due on either branch
}

var canSignInPlaybooks = []canSignInPlaybook{
	{
		file:     "meta-account.yaml",
		yesOnly:  []string{"change-password"},
		noOnly:   []string{"secure-registered-email", "use-login-help", "back-in"},
		recovery: "use-login-help",
		email:    "secure-registered-email",
		signIn: []string{
			"check-email-and-phone", "turn-on-2-step", "remove-sessions-and-apps",
			"undo-intruder-changes", "recheck-after-a-week",
		},
		anyTime: []string{"warn-friends", "card-and-payments", "consult-ipa", "consult-police", "report-phishing"},
	},
	{
		file:     "any-account.yaml",
		yesOnly:  []string{"change-password"},
		noOnly:   []string{"use-recovery-form", "back-in"},
		recovery: "use-recovery-form",
		email:    "secure-email-first",
		signIn: []string{
			"check-recovery-details", "turn-on-2sv", "sign-out-other-sessions",
			"remove-connected-apps", "check-what-changed", "recheck-after-a-week",
		},
		anyTime: []string{"secure-email-first", "money-and-cards", "tell-contacts", "consult-ipa", "consult-police", "report-phishing"},
	},
}

// TestMetaAccountCanSignInBranch and TestAnyAccountCanSignInBranch walk the
// two answers of can-sign-in: someone still signed in changes the password
// and goes straight on; someone locked out secures the email, asks for the
// account back, and the steps that need a sign-in wait until they are back
// in (or give up), while warning friends, money and reports do not wait.
func TestMetaAccountCanSignInBranch(t *testing.T) {
	testCanSignInBranch(t, canSignInPlaybooks[0])
}

func TestAnyAccountCanSignInBranch(t *testing.T) {
	testCanSignInBranch(t, canSignInPlaybooks[1])
}

func testCanSignInBranch(t *testing.T, pb canSignInPlaybook) {
	p := builtinPlaybook(t, strings.TrimSuffix(pb.file, ".yaml"))
	opened := time.Date(2026, 12, 5, 21, 0, 0, 0, jst)
	w := minutes{opened}
	lockedOut := []incident.Event{w.answer("can-sign-in", "no", 5)}
	recovered := append(slices.Clone(lockedOut), w.done(pb.email, 15), w.done(pb.recovery, 40))

	tests := []struct {
		name   string
		events []incident.Event
		now    int
		want   map[incident.State][]string
	}{
		{
			name:   "can sign in, password not yet changed",
			events: []incident.Event{w.answer("can-sign-in", "yes", 5)},
			now:    6,
			want: map[incident.State][]string{
				incident.Due:           append(slices.Clone(pb.yesOnly), pb.anyTime...),
				incident.NotApplicable: append(slices.Clone(pb.noOnly), "still-locked-out"),
				incident.Waiting:       pb.signIn,
			},
		},
		{
			name:   "can sign in, password changed",
			events: []incident.Event{w.answer("can-sign-in", "yes", 5), w.done("change-password", 10)},
			now:    11,
			want: map[incident.State][]string{
				incident.Due:     slices.DeleteFunc(slices.Clone(pb.signIn), func(id string) bool { return id == "recheck-after-a-week" }),
				incident.Waiting: {"recheck-after-a-week"},
			},
		},
		{
			name:   "locked out",
			events: lockedOut,
			now:    6,
			want: map[incident.State][]string{
				incident.Due:           append([]string{pb.email}, pb.anyTime...),
				incident.NotApplicable: pb.yesOnly,
				incident.Waiting:       append([]string{pb.recovery, "back-in", "still-locked-out"}, pb.signIn...),
			},
		},
		{
			name:   "locked out, email secured",
			events: append(slices.Clone(lockedOut), w.done(pb.email, 15)),
			now:    16,
			want: map[incident.State][]string{
				incident.Due:     {pb.recovery},
				incident.Waiting: append([]string{"back-in"}, pb.signIn...),
			},
		},
		{
			name:   "locked out, then back in",
			events: append(slices.Clone(recovered), w.answer("back-in", "yes", 45)),
			now:    46,
			want: map[incident.State][]string{
				incident.Due:           slices.DeleteFunc(slices.Clone(pb.signIn), func(id string) bool { return id == "recheck-after-a-week" }),
				incident.NotApplicable: append(slices.Clone(pb.yesOnly), "still-locked-out"),
				incident.Waiting:       {"recheck-after-a-week"},
			},
		},
		{
			name:   "locked out, still not back in",
			events: append(slices.Clone(recovered), w.answer("back-in", "no", 45)),
			now:    46,
			want: map[incident.State][]string{
				incident.Due:     append([]string{"still-locked-out"}, slices.DeleteFunc(slices.Clone(pb.anyTime), func(id string) bool { return id == pb.email })...),
				incident.Waiting: pb.signIn,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := incident.Derive(p, opened, tt.events, w.at(tt.now))
			for want, ids := range tt.want {
				for _, id := range ids {
					s, ok := v.Status(id)
					if !ok {
						t.Errorf("no step %s", id)
						continue
					}
					if s.State != want {
						t.Errorf("%s is %s, want %s", id, s.State, want)
					}
				}
			}
		})
	}

	// A week after the new password, the re-check is due on either branch.
	for _, events := range [][]incident.Event{
		{w.answer("can-sign-in", "yes", 5), w.done("change-password", 10)},
		append(slices.Clone(recovered), w.answer("back-in", "yes", 45)),
	} {
		last := events[len(events)-1].At
		v := incident.Derive(p, opened, events, last.Add(7*24*time.Hour+time.Minute))
		if s, _ := v.Status("recheck-after-a-week"); s.State != incident.Due || !s.AvailableAt.Equal(last.Add(7*24*time.Hour)) {
			t.Errorf("a week after %s the re-check is %s from %s, want due from %s", last, s.State, s.AvailableAt, last.Add(7*24*time.Hour))
		}
	}
}

// TestCardFraudTypedCardBranch checks the urgent branch of the card-fraud
// playbook: a card typed into a page a message led to needs its lost or
// stolen line at once, so that call (and the other cards typed there, and
// the report of the fake page) is due, and offered by respond --critical,
// only when what-happened is typed-card or both. Before the answer it
// waits for it; the ordinary call to the card company is due in every case.
func TestCardFraudTypedCardBranch(t *testing.T) {
	p := builtinPlaybook(t, "card-fraud")
	opened := time.Date(2026, 12, 3, 21, 0, 0, 0, jst)
	answered := opened.Add(time.Minute)
	now := opened.Add(2 * time.Minute)
	urgent := []string{"call-lost-stolen-line", "other-cards-on-the-page"}
	for _, id := range append(slices.Clone(urgent), "what-happened", "call-card-company") {
		if s, ok := p.Step(id); !ok || !s.Critical {
			t.Errorf("step %s is missing or not critical", id)
		}
	}
	if s, _ := p.Step("report-phishing-page"); s != nil && s.Critical {
		t.Errorf("report-phishing-page is critical; it can wait for the following days")
	}

	tests := []struct {
		answer string // "" for not answered yet
		want   incident.State
	}{
		{"", incident.Waiting},
		{"charges", incident.NotApplicable},
		{"typed-card", incident.Due},
		{"both", incident.Due},
	}
	for _, tt := range tests {
		name := tt.answer
		if name == "" {
			name = "unanswered"
		}
		t.Run(name, func(t *testing.T) {
			var events []incident.Event
			if tt.answer != "" {
				events = append(events, incident.Event{Step: "what-happened", Action: incident.ActionAnswer, Answer: tt.answer, At: answered})
			}
			v := incident.Derive(p, opened, events, now)
			var critical []string
			for _, s := range v.Ask(true) {
				critical = append(critical, s.Step.ID)
			}
			for _, id := range append(slices.Clone(urgent), "report-phishing-page") {
				s, ok := v.Status(id)
				if !ok {
					t.Fatalf("no step %s", id)
				}
				if s.State != tt.want {
					t.Errorf("%s is %s, want %s", id, s.State, tt.want)
				}
			}
			for _, id := range urgent {
				if offered := slices.Contains(critical, id); offered != (tt.want == incident.Due) {
					t.Errorf("respond --critical offers %v; %s offered = %v, want %v", critical, id, offered, tt.want == incident.Due)
				}
			}
			if s, _ := v.Status("call-card-company"); s.State != incident.Due {
				t.Errorf("call-card-company is %s, want due whatever happened", s.State)
			}
			if tt.answer == "" && !slices.Contains(critical, "what-happened") {
				t.Errorf("respond --critical offers %v, not the question the urgent branch waits for", critical)
			}
		})
	}
}

// TestCardFraudPlaybookShape holds the card-fraud playbook to what its
// design asks: it is not an account playbook (no can-sign-in), the
// evidence, charge and contact steps record what they should, every step a
// critical step waits for is critical, and the follow-ups come the next
// day, a week on, weekly for a month and with two monthly statements.
func TestCardFraudPlaybookShape(t *testing.T) {
	p := builtinPlaybook(t, "card-fraud")
	if _, ok := p.Step("can-sign-in"); ok {
		t.Error("card-fraud has a can-sign-in step; it is not an account playbook")
	}
	q, ok := p.Step("what-happened")
	if !ok || q.Kind != playbook.KindQuestion {
		t.Fatal("no what-happened question")
	}
	var values []string
	for _, o := range q.Options {
		values = append(values, o.Value)
	}
	if !slices.Equal(values, []string{"charges", "typed-card", "both"}) {
		t.Errorf("what-happened offers %v, want charges, typed-card, both", values)
	}
	records := map[string][]string{
		"keep-evidence":         {playbook.RecordEvidence},
		"call-card-company":     {playbook.RecordCharges, playbook.RecordContact},
		"call-lost-stolen-line": {playbook.RecordContact},
		"list-charges":          {playbook.RecordCharges},
		"police-damage-report":  {playbook.RecordContact},
	}
	for id, what := range records {
		s, ok := p.Step(id)
		if !ok {
			t.Errorf("no step %s", id)
			continue
		}
		for _, w := range what {
			if !s.Records(w) {
				t.Errorf("%s does not record %s", id, w)
			}
		}
	}
	for _, s := range p.Steps {
		if !s.Critical {
			continue
		}
		deps := slices.Clone(s.After)
		for _, c := range s.When {
			deps = append(deps, c.Step)
		}
		for _, id := range deps {
			if d, ok := p.Step(id); ok && !d.Critical {
				t.Errorf("critical step %s waits for %s, which is not critical", s.ID, id)
			}
		}
	}
	follow := []struct {
		id           string
		delay, every string
		times        int
	}{
		{"check-card-next-day", "1d", "", 0},
		{"recheck-after-a-week", "7d", "", 0},
		{"weekly-recheck", "7d", "7d", 4},
		{"check-statements", "30d", "30d", 2},
	}
	for _, f := range follow {
		s, ok := p.Step(f.id)
		if !ok {
			t.Errorf("no follow-up %s", f.id)
			continue
		}
		if s.Phase != playbook.PhaseFollowUp || s.Delay.String() != f.delay {
			t.Errorf("%s is %s after %s, want follow-up after %s", f.id, s.Phase, s.Delay, f.delay)
		}
		switch {
		case f.times == 0 && s.Repeat != nil:
			t.Errorf("%s repeats %+v, want once", f.id, s.Repeat)
		case f.times > 0 && (s.Repeat == nil || s.Repeat.Every.String() != f.every || s.Repeat.Times != f.times):
			t.Errorf("%s repeats %+v, want every %s, %d times", f.id, s.Repeat, f.every, f.times)
		}
	}
}

// emailProviderSteps are the e-mail playbook's steps for one provider
// only; emailLockedOutSteps are the ones for a person who cannot sign in.
var (
	emailProviderSteps = map[string][]string{
		"google":    {"recover-google-account", "review-google-security-events", "check-gmail-settings"},
		"microsoft": {"recover-microsoft-account"},
		"yahoo":     {"recover-yahoo-id", "check-yahoo-contact-address"},
		"other":     {"recover-other-mail"},
	}
	emailLockedOutSteps = map[string]bool{
		"recover-google-account": true, "recover-microsoft-account": true,
		"recover-yahoo-id": true, "recover-other-mail": true,
	}
	// emailSignInSteps need the person signed in to the mailbox.
	emailSignInSteps = []string{
		"check-recovery-and-2sv", "sign-out-sessions-and-apps",
		"check-forwarding-and-filters", "tell-contacts",
		"change-linked-passwords", "recheck-after-a-week",
	}
)

// TestEmailTakeoverBranches walks the provider and can-sign-in answers:
// each provider's answer makes its own steps applicable and every other
// provider's not applicable; the recovery steps apply only to a person
// who is locked out, and the change of password only to one who is not.
func TestEmailTakeoverBranches(t *testing.T) {
	p := builtinPlaybook(t, "email-takeover")
	opened := time.Date(2026, 12, 3, 21, 0, 0, 0, jst)
	answer := func(step, value string) incident.Event {
		return incident.Event{Step: step, Action: incident.ActionAnswer, Answer: value, At: opened.Add(time.Minute)}
	}
	for _, provider := range []string{"google", "microsoft", "yahoo", "other"} {
		for _, canSignIn := range []string{"yes", "no"} {
			t.Run(provider+"/can-sign-in="+canSignIn, func(t *testing.T) {
				v := incident.Derive(p, opened, []incident.Event{answer("provider", provider), answer("can-sign-in", canSignIn)}, opened.Add(2*time.Minute))
				state := func(id string) incident.State { return stateOf(t, v, id) }
				for owner, ids := range emailProviderSteps {
					for _, id := range ids {
						applies := owner == provider && (!emailLockedOutSteps[id] || canSignIn == "no")
						if got := state(id); applies == (got == incident.NotApplicable) {
							t.Errorf("%s is %s; want it to apply: %v", id, got, applies)
						}
					}
				}
				if got := state("change-mail-password"); (canSignIn == "yes") != (got == incident.Due) {
					t.Errorf("change-mail-password is %s", got)
				}
				if got := state("back-in"); (canSignIn == "no") == (got == incident.NotApplicable) {
					t.Errorf("back-in is %s", got)
				}
				recover := "recover-" + map[string]string{"google": "google-account", "microsoft": "microsoft-account", "yahoo": "yahoo-id", "other": "other-mail"}[provider]
				if got := state(recover); canSignIn == "no" && got != incident.Due {
					t.Errorf("%s while locked out is %s, want due", recover, got)
				}
				for _, id := range emailSignInSteps {
					if got := state(id); got != incident.Waiting {
						t.Errorf("%s before a new password or recovery is %s, want waiting", id, got)
					}
				}
			})
		}
	}
}

// TestEmailTakeoverLockedOutPath: a locked-out Gmail user recovers the
// account; the steps that need a sign-in open once back in, and stay
// waiting while recovery has not worked yet, until while-locked-out is
// done.
func TestEmailTakeoverLockedOutPath(t *testing.T) {
	p := builtinPlaybook(t, "email-takeover")
	at := func(m int) time.Time { return time.Date(2026, 12, 3, 21, m, 0, 0, jst) }
	answer := func(step, value string, when time.Time) incident.Event {
		return incident.Event{Step: step, Action: incident.ActionAnswer, Answer: value, At: when}
	}
	done := func(step string, when time.Time) incident.Event {
		return incident.Event{Step: step, Action: incident.ActionDone, At: when}
	}
	lockedOut := []incident.Event{
		answer("provider", "google", at(1)),
		answer("can-sign-in", "no", at(2)),
		done("recover-google-account", at(20)),
	}

	notYet := append(slices.Clone(lockedOut), answer("back-in", "no", at(21)))
	v := incident.Derive(p, at(0), notYet, at(22))
	if got := stateOf(t, v, "while-locked-out"); got != incident.Due {
		t.Errorf("while-locked-out when recovery has not worked is %s, want due", got)
	}
	for _, id := range append([]string{"review-google-security-events", "check-gmail-settings"}, emailSignInSteps...) {
		if got := stateOf(t, v, id); got != incident.Waiting {
			t.Errorf("%s while still locked out is %s, want waiting", id, got)
		}
	}

	backIn := append(slices.Clone(lockedOut), answer("back-in", "yes", at(21)))
	v = incident.Derive(p, at(0), backIn, at(22))
	for _, id := range []string{"while-locked-out", "change-mail-password"} {
		if got := stateOf(t, v, id); got != incident.NotApplicable {
			t.Errorf("%s once back in is %s, want not applicable", id, got)
		}
	}
	for _, id := range []string{"review-google-security-events", "check-gmail-settings", "check-recovery-and-2sv", "check-forwarding-and-filters"} {
		if got := stateOf(t, v, id); got != incident.Due {
			t.Errorf("%s once back in is %s, want due", id, got)
		}
	}
	if s, _ := v.Status("recheck-after-a-week"); s.State != incident.Waiting || !s.AvailableAt.Equal(at(21).AddDate(0, 0, 7)) {
		t.Errorf("recheck-after-a-week is %s until %s, want waiting until a week after getting back in", s.State, s.AvailableAt)
	}
}

// TestBuiltinFollowUps: every built-in keeps the habit the founding story
// taught, a re-check a week later and then weekly for a month.
func TestBuiltinFollowUps(t *testing.T) {
	for _, p := range builtinPlaybooks(t) {
		var week, weekly bool
		for _, s := range p.Steps {
			if s.Phase != playbook.PhaseFollowUp {
				continue
			}
			week = week || s.Delay.String() == "7d"
			weekly = weekly || (s.Repeat != nil && s.Repeat.Every.String() == "7d" && s.Repeat.Times >= 4)
		}
		if !week || !weekly {
			t.Errorf("%s: a re-check a week later %v, weekly for a month %v; want both", p.ID, week, weekly)
		}
	}
}

// TestBuiltinDoneTexts: every task of a built-in says itself as done, for
// the letters the person hands over ("What I have done so far"), in both
// languages, as the person would write it: English in the past without
// "you", Japanese in the plain past form, neither ending in a full stop.
// Questions are answered, not done, and say nothing.
func TestBuiltinDoneTexts(t *testing.T) {
	you := regexp.MustCompile(`(?i)\byou(r|rs|rself)?\b`)
	for _, p := range builtinPlaybooks(t) {
		for _, s := range p.Steps {
			if s.Asks() {
				if !s.Done.IsZero() {
					t.Errorf("%s: question %s says itself as done", p.ID, s.ID)
				}
				continue
			}
			en, ja := s.Done.Get("en"), s.Done.Get("ja")
			if !s.Done.Has("en") || !s.Done.Has("ja") {
				t.Errorf("%s: step %s has no done text in both languages", p.ID, s.ID)
				continue
			}
			if you.MatchString(en) || strings.HasSuffix(en, ".") {
				t.Errorf("%s: step %s: done %q should be said by the person, without a full stop", p.ID, s.ID, en)
			}
			if strings.Contains(ja, "あなた") || !(strings.HasSuffix(ja, "た") || strings.HasSuffix(ja, "だ")) {
				t.Errorf("%s: step %s: done %q should end in the plain past (〜た), without 。", p.ID, s.ID, ja)
			}
		}
	}
}
