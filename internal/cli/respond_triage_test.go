package cli

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/prompt"
	"github.com/acctguard/acctguard/internal/state"
)

// Small stand-ins for the built-in playbooks the triage proposes, so
// that these tests read the whole screen.
const (
	triageAmazon = `schema: 1
id: amazon-takeover
title: {en: Amazon account takeover, ja: Amazonアカウントの乗っ取り}
languages: [en, ja]
steps:
  - id: secure-email
    title: {en: Secure your e-mail first, ja: 先にメールを守る}
    phase: contain
    opens: email-takeover
  - id: can-sign-in
    title: {en: "Can you sign in?", ja: ログインできますか}
    phase: contain
    kind: question
    question: {en: "Can you sign in to Amazon?", ja: Amazonにログインできますか？}
    options:
      - {value: "yes", label: {en: "Yes", ja: はい}}
      - {value: "no", label: {en: "No", ja: いいえ}}
  - id: change
    title: {en: Change the password, ja: パスワードを変える}
    phase: contain
    when: {can-sign-in: "yes"}
`
	triageEmail = `schema: 1
id: email-takeover
title: {en: Email account takeover, ja: メールアカウントの乗っ取り}
languages: [en, ja]
steps:
  - id: sessions
    title: {en: Sign out other sessions, ja: ほかのログインを終わらせる}
    phase: contain
    critical: true
  - id: back-to-amazon
    title: {en: Amazon next, ja: 次にAmazon}
    phase: recover
    opens: amazon-takeover
`
	triageCard = `schema: 1
id: card-fraud
title: {en: Card fraud, ja: カードの不正利用}
languages: [en, ja]
steps:
  - id: call
    title: {en: Call the number on the back of the card, ja: カードの裏の番号に電話する}
    phase: contain
`
	triageLine = `schema: 1
id: line-takeover
title: {en: LINE account takeover, ja: LINEアカウントの乗っ取り}
languages: [en, ja]
steps:
  - id: can-sign-in
    title: {en: "Can you use LINE?", ja: LINEを使えますか}
    phase: contain
    kind: question
    question: {en: "Can you still sign in to LINE?", ja: LINEにログインできますか？}
    options:
      - {value: "yes", label: {en: "Yes", ja: はい}}
      - {value: "no", label: {en: "No", ja: いいえ}}
  - id: register-again
    title: {en: Register again with your number, ja: 自分の番号で登録し直す}
    phase: contain
    when: {can-sign-in: "no"}
`
)

// standIns is a catalogue of the stand-in playbooks given, each under its
// own id.
func standIns(srcs ...string) fstest.MapFS {
	fs := fstest.MapFS{}
	for _, src := range srcs {
		id := strings.TrimPrefix(strings.SplitN(src, "\n", 3)[1], "id: ")
		fs[id+".yaml"] = &fstest.MapFile{Data: []byte(src)}
	}
	return fs
}

// TestRespondTriageLINE: "my LINE account was taken" leads to the LINE
// plan, with the sign-in question answered once, in the first questions.
func TestRespondTriageLINE(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English, "My LINE account", "No: the password was changed, or it is locked", "No", "Start", "Stop for now")
	opts.Catalogue.Builtin = standIns(triageAmazon, triageCard, triageLine)
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	want := `
First, a few short questions about what happened.
? What was taken over, or what looks wrong? My LINE account
? Can you still sign in to it? No: the password was changed, or it is locked
? Was money taken, or card details typed somewhere? No
This is what fits:
  LINE account takeover
? Start now? Start
Incident 1 · LINE account takeover · opened Thu 26 Nov 21:00
1 of 2 steps finished
A new incident has been started.
✓ Answer saved: No

LINE account takeover: what to do now, one step at a time.
You can stop at any moment, Ctrl-C included: every answer is saved at once.
acctguard never asks for a password. In notes, write only the last 4 digits of a
card.

[2/2] Contain · Register again with your number

? What now? Stop for now

To continue, run: acctguard respond
`
	if out.String() != want {
		t.Errorf("screen:\n%s\nwant:\n%s", out, want)
	}
	file, err := state.New(opts.Store.Path()).Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(file.Incidents) != 1 || file.Incidents[0].Playbook != "line-takeover" || len(file.Incidents[0].Events) != 1 || file.Incidents[0].Events[0].Answer != "no" {
		t.Errorf("state: %+v", file.Incidents)
	}
}

// TestRespondTriageMoneyTaken: Amazon first, and the card plan opened
// beside it, linked; "not sure" about signing in is not written down.
func TestRespondTriageMoneyTaken(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.Japanese, "Amazonのアカウント", "分かりません", "はい", "両方始める", "いったん終了する")
	opts.Catalogue.Builtin = standIns(triageAmazon, triageCard)
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	screenHas(t, out.String(),
		"? 何が乗っ取られましたか？ Amazonのアカウント\n",
		"合う案内はこちらです：\n  Amazonアカウントの乗っ取り\n  カードの不正利用（一緒に始めます）\n? 始めますか？ 両方始める\n",
		"案件1・Amazonアカウントの乗っ取り・11月26日(木) 21:00 開始\n",
		"一緒に、案件2「カードの不正利用」も始めました。",
	)
	file, err := state.New(opts.Store.Path()).Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(file.Incidents) != 2 || file.Incidents[1].Playbook != "card-fraud" || file.Incidents[1].Related != 1 || len(file.Incidents[0].Events) != 0 {
		t.Errorf("state: %+v", file.Incidents)
	}
}

// TestRespondOpensTheEmailGuideAndComesBack: from the Amazon step that
// says to secure the e-mail first, the e-mail plan opens as a related
// incident, its urgent steps are walked (the rest wait in status), and the
// walk comes back to the same step.
func TestRespondOpensTheEmailGuideAndComesBack(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English, "Open the guide for this: Email account takeover", "Done", "Done", "Stop for now")
	opts.Catalogue.Builtin = standIns(triageAmazon, triageEmail)
	opts.PlaybookID = "amazon-takeover"
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	start := strings.Index(got, "[1/3] Contain · Secure your e-mail first")
	if start < 0 {
		t.Fatalf("screen:\n%s", got)
	}
	want := `[1/3] Contain · Secure your e-mail first

? What now? Open the guide for this: Email account takeover

Incident 2 · Email account takeover · opened Thu 26 Nov 21:00
0 of 2 steps finished
Started incident 2, Email account takeover, beside incident 1. Its urgent steps
come now; then you come back here.

Email account takeover: what to do now, one step at a time.
The urgent step, marked ★, comes first.
You can stop at any moment, Ctrl-C included: every answer is saved at once.
acctguard never asks for a password. In notes, write only the last 4 digits of a
card.

[1/2] Contain · Sign out other sessions  ★ first hour

? What now? Done
✓ Saved as done.

The urgent steps of incident 2 are done for now (1 of 2 steps finished); the
rest wait in acctguard status.

Back to incident 1, Amazon account takeover.

[1/3] Contain · Secure your e-mail first

? What now? Done
✓ Saved as done.

[2/3] Contain · Can you sign in?

? Can you sign in to Amazon? Stop for now

To continue, run: acctguard respond --incident 1
`
	if got[start:] != want {
		t.Errorf("screen:\n%s\nwant:\n%s", got[start:], want)
	}
	file, err := state.New(opts.Store.Path()).Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(file.Incidents) != 2 || file.Incidents[1].Related != 1 || file.Incidents[1].ClosedAt != nil {
		t.Fatalf("state: %+v", file.Incidents)
	}

}

// TestRespondStopsInsideTheLinkedGuide: stopping in the e-mail plan says
// how to carry on with it; the Amazon step then offers to continue the
// e-mail incident already open rather than a new one.
func TestRespondStopsInsideTheLinkedGuide(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English, "Open the guide for this: Email account takeover", "Stop for now")
	opts.Catalogue.Builtin = standIns(triageAmazon, triageEmail)
	opts.PlaybookID = "amazon-takeover"
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(out.String(), "? What now? Stop for now\n\nTo continue, run: acctguard respond --incident 2\n") || strings.Contains(out.String(), "Back to") {
		t.Errorf("screen:\n%s", out)
	}
	out.Reset()
	opts.PlaybookID, opts.Incident = "", 1
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{"Continue the guide for this: Email account takeover (incident 2)", "Stop for now"}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Picking up incident 2 where you left off.") {
		t.Errorf("screen:\n%s", out)
	}
	file, err := state.New(opts.Store.Path()).Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(file.Incidents) != 2 {
		t.Errorf("%d incidents, want 2: the open e-mail incident is continued", len(file.Incidents))
	}
}

// TestGuideOptionNotBackWhereItCameFrom: a step that opens the plan the
// walk came from (the e-mail plan's pointer back to Amazon) is not
// offered, nor one that is not installed.
func TestGuideOptionNotBackWhereItCameFrom(t *testing.T) {
	opts, _, _ := respondSetup(t, i18n.English)
	opts.Catalogue.Builtin = standIns(triageAmazon, triageEmail)
	e, err := opts.Catalogue.Get("email-takeover")
	if err != nil {
		t.Fatal(err)
	}
	back, _ := e.Playbook.Step("back-to-amazon")
	r := &responder{respondOptions: opts, l: i18n.English, p: e.Playbook, id: 2}
	if got := r.guideOption(back); got != "Open the guide for this: Amazon account takeover" {
		t.Errorf("from nowhere: %q", got)
	}
	r.from = []string{"amazon-takeover"}
	if got := r.guideOption(back); got != "" {
		t.Errorf("back to where the walk came from: %q", got)
	}
	r.from = nil
	missing := *back
	missing.Opens = "no-such-plan"
	if got := r.guideOption(&missing); got != "" {
		t.Errorf("a plan that is not installed: %q", got)
	}
}
