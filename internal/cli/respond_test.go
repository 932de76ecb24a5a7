package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/prompt"
	"github.com/acctguard/acctguard/internal/state"
)

const lockPlaybook = `schema: 1
id: lock
title: {en: Locked out, ja: ロックされた}
languages: [en, ja]
steps:
  - id: look
    title: {en: Look at the email, ja: メールを見る}
    phase: verify
    critical: true
    why: {en: It may be fake., ja: 偽物かもしれません。}
  - id: can-sign-in
    title: {en: "Can you sign in?", ja: ログインできますか}
    phase: contain
    kind: question
    question: {en: "Can you sign in now?", ja: 今ログインできますか？}
    options:
      - {value: "yes", label: {en: "Yes", ja: はい}}
      - {value: "no", label: {en: "No", ja: いいえ}}
  - id: change
    title: {en: Change the password, ja: パスワードを変える}
    phase: contain
    when: {can-sign-in: "yes"}
  - id: note-lock
    title: {en: Note when the lock email came, ja: ロックのメールの時刻を控える}
    phase: contain
    when: {can-sign-in: "no"}
  - id: reset
    title: {en: Reset the password, ja: パスワードを再設定する}
    phase: contain
    when: {can-sign-in: "no"}
    after: [note-lock]
    delay: 5h
  - id: check-card
    title: {en: Check the card statement, ja: カードの明細を確認する}
    phase: follow-up
    delay: 1d
`

// respondSetup returns options for respond on a pretend terminal, with
// the fake prompter writing into the same output as the command.
func respondSetup(t *testing.T, lang i18n.Lang, answers ...string) (*respondOptions, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.SetTTY(true, true)
	now := time.Date(2026, 11, 26, 21, 0, 0, 0, time.Local)
	opts := &respondOptions{
		IO:        ios,
		Store:     state.New(filepath.Join(t.TempDir(), "state", "state.json")),
		Prompter:  &prompt.Fake{Out: out, Answers: answers},
		Catalogue: &playbook.Catalogue{Builtin: fstest.MapFS{"lock.yaml": {Data: []byte(lockPlaybook)}}},
		Now:       func() time.Time { return now },
		Lang:      lang,
		Guard:     noGuard{},
	}
	return opts, out, errOut
}

func TestRespondWalksAndSavesEachAnswer(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English, "Done", "No", "Add a note", "lock mail at 20:55", "Done")
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	want := `Incident 1 · Locked out · opened Thu 26 Nov 21:00
0 of 6 steps finished
A new incident has been started.

Locked out: what to do now, one step at a time.
The urgent step, marked ★, comes first.
You can stop at any moment, Ctrl-C included: every answer is saved at once.
acctguard never asks for a password. In notes, write only the last 4 digits of a
card.

[1/6] Verify · Look at the email  ★ first hour
     Why: It may be fake.

? What now? Done
✓ Saved as done.

[2/6] Contain · Can you sign in?

? Can you sign in now? No
✓ Answer saved: No

[4/6] Contain · Note when the lock email came

? What now? Add a note
? Note: lock mail at 20:55
✓ Note saved.
? What now? Done
✓ Saved as done.
⏳ Reset the password opens at Fri 27 Nov 02:00, in 5 h.

Nothing more to do right now.
Finished 3 of 5 steps.

Waiting:
  Reset the password: available at Fri 27 Nov 02:00, in 5 h

Coming up:
  Check the card statement: Fri 27 Nov 21:00

Next: run "acctguard respond" again after Fri 27 Nov 02:00. "acctguard status"
shows where you are.
`
	if out.String() != want {
		t.Errorf("screen:\n%s\nwant:\n%s", out, want)
	}
	file, err := state.New(opts.Store.Path()).Load()
	if err != nil {
		t.Fatal(err)
	}
	inc, _ := file.Incident(1)
	var got []string
	for _, e := range inc.Events {
		got = append(got, e.Step+":"+string(e.Action)+":"+e.Answer+e.Note)
	}
	if strings.Join(got, " ") != "look:done: can-sign-in:answer:no note-lock:note:lock mail at 20:55 note-lock:done:" {
		t.Errorf("events on disk: %v", got)
	}
	if inc.Lang != "en" || inc.PlaybookDigest == "" {
		t.Errorf("incident = %+v", inc)
	}
}

func TestRespondResumesAndStopsOnCtrlC(t *testing.T) {
	opts, _, _ := respondSetup(t, i18n.English, "Done", "^C")
	err := runRespond(opts)
	if code, _, quiet := exitCode(err); code != exitCancelled || !quiet {
		t.Fatalf("error %v: exit %d, want 130", err, code)
	}
	// The second run picks up at the question, the step after the one
	// answered before Ctrl-C.
	ios, _, out, errOut := iostreams.Test()
	ios.SetTTY(true, true)
	opts.IO = ios
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{"Stop for now"}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	want := `Incident 1 · Locked out · opened Thu 26 Nov 21:00
1 of 6 steps finished
Picking up incident 1 where you left off.

[2/6] Contain · Can you sign in?

? Can you sign in now? Stop for now

To continue, run: acctguard respond
`
	if out.String() != want || errOut.Len() != 0 {
		t.Errorf("screen:\n%s\nwant:\n%s\nstderr: %s", out, want, errOut)
	}
}

func TestRespondRefusesCardNumbersInNotes(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.Japanese, "メモを追加する", "カード 4111-1111-1111-1111 を止めた", "カード末尾1111を止めた", "いったん終了する")
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	screenHas(t, out.String(),
		"? メモ： カード 4111-1111-1111-1111 を止めた\n保存していません：メモにカード番号の全桁（末尾 1111）が含まれているようです。入\n力した内容は残してあるので、カード番号を下4桁だけに直してください。\n? メモ： [カード 4111-1111-1111-1111 を止めた] カード末尾1111を止めた\n✓ メモを保存しました。",
		"[1/6] 【確認】メールを見る  ★ 最初の1時間\n     理由：偽物かもしれません。",
	)
	raw, err := os.ReadFile(opts.Store.Path())
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("4111-1111")) || !bytes.Contains(raw, []byte("カード末尾1111を止めた")) {
		t.Errorf("state file:\n%s", raw)
	}
}

// A skip reason is checked as a note is, and a refused one is offered
// again as typed, to correct.
func TestRespondRefusesCardNumbersInSkipReasons(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English, "Skip this step", "gave them ４１１１ １１１１ １１１１ １１１１", "gave them the card ending 1111", "Stop for now")
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	want := `? Why skip it? (optional) gave them ４１１１ １１１１ １１１１ １１１１
Not saved: this reason seems to hold a full card number (ending in 1111). What
you typed is kept below: change the number to its last 4 digits.
? Why skip it? (optional) [gave them ４１１１ １１１１ １１１１ １１１１] gave them the card ending 1111
✓ Saved as skipped.
`
	if !strings.Contains(out.String(), want) {
		t.Errorf("screen:\n%s\nwant it to contain:\n%s", out, want)
	}
	raw, err := os.ReadFile(opts.Store.Path())
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("１１１１ １１１１")) || !bytes.Contains(raw, []byte(`"reason": "gave them the card ending 1111"`)) {
		t.Errorf("state file:\n%s", raw)
	}
}

func TestRespondNeedsATerminal(t *testing.T) {
	opts, _, _ := respondSetup(t, i18n.English)
	opts.IO.SetTTY(false, true)
	err := runRespond(opts)
	if code, hint := exitCodeEn(err); code != exitUsage || !strings.Contains(hint, "acctguard step") {
		t.Errorf("error %v, exit %d, hint %q; want exit 2 naming acctguard step", err, code, hint)
	}
	if _, statErr := os.Stat(filepath.Dir(opts.Store.Path())); !errors.Is(statErr, os.ErrNotExist) {
		t.Errorf("respond without a terminal wrote %s", filepath.Dir(opts.Store.Path()))
	}
}

func TestRespondCriticalOnly(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English, "Done")
	opts.Critical = true
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "Can you sign in") || !strings.Contains(out.String(), "The first-hour steps are finished for now.") {
		t.Errorf("screen:\n%s", out)
	}
}

func TestStatusOnATerminal(t *testing.T) {
	opts, _, _ := respondSetup(t, i18n.English, "Done", "No", "Done")
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	ios, _, out, _ := iostreams.Test()
	ios.SetTTY(false, true)
	later := opts.Now().Add(40 * time.Hour)
	sopts := &statusOptions{IO: ios, Store: opts.Store, Catalogue: opts.Catalogue, Now: func() time.Time { return later }, Lang: i18n.English}
	if err := runStatus(sopts); err != nil {
		t.Fatal(err)
	}
	want := `Incident 1 · Locked out · opened Thu 26 Nov 21:00
[############--------] 3 of 5 steps finished

Running late
    Reset the password  planned for Fri 27 Nov 02:00 (1 day 11 h ago)

Follow-ups
    Check the card statement  due since Fri 27 Nov 21:00 (16 h ago)
`
	if out.String() != want {
		t.Errorf("status:\n%s\nwant:\n%s", out, want)
	}

	sopts.ExitStatus = true
	if code, _, _ := exitCode(runStatus(sopts)); code != exitDue {
		t.Errorf("--exit-status: exit %d, want 3", code)
	}
}

func TestRespondAsksWhichPlaybookAndWhichIncident(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English, "Card stolen", "Stop for now")
	opts.Catalogue.Builtin.(fstest.MapFS)["card.yaml"] = &fstest.MapFile{Data: []byte(cardPlaybook)}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "? Which guide fits what happened? Card stolen\nIncident 1 · Card stolen") {
		t.Errorf("screen:\n%s", out)
	}

	// A second incident, of the other playbook: with two open, respond
	// asks which one to continue.
	opts.PlaybookID = "lock"
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{"Stop for now"}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	opts.PlaybookID = ""
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{"Incident 1 · Card stolen · opened Thu 26 Nov 21:00", "Stop for now"}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	want := "? Which incident do you want to continue? Incident 1 · Card stolen · opened Thu 26 Nov 21:00\nIncident 1 · Card stolen"
	if !strings.HasPrefix(out.String(), want) || !strings.Contains(out.String(), "To continue, run: acctguard respond --incident 1") {
		t.Errorf("screen:\n%s\nwant it to start with:\n%s", out, want)
	}
}

func TestRespondAsksAboutASecondIntrusion(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English, "Done", "No", "Done")
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	closed := opts.Now().Add(24 * time.Hour)
	if _, err := state.New(opts.Store.Path()).Update(func(f *state.File) error {
		f.Incidents[0].ClosedAt = &closed
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// A week after it was closed, a new alert: the same attack.
	week := closed.Add(7 * 24 * time.Hour)
	opts.Now = func() time.Time { return week }
	out.Reset()
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{"Yes, the same attack again: reopen incident 1 (closed Fri 27 Nov 21:00) and keep its history", "Stop for now"}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	want := `? An incident for this playbook was closed on Fri 27 Nov 21:00. Is this the same attack coming back? Yes, the same attack again: reopen incident 1 (closed Fri 27 Nov 21:00) and keep its history
Reopened incident 1; its history is kept. The 2 steps to lock the intruder out
and clean up are asked again.
Incident 1 · Locked out · opened Thu 26 Nov 21:00
1 of 6 steps finished
Picking up incident 1 where you left off.

[2/6] Contain · Can you sign in?
`
	if !strings.HasPrefix(out.String(), want) {
		t.Errorf("screen:\n%s\nwant it to start with:\n%s", out, want)
	}
	file, _ := state.New(opts.Store.Path()).Load()
	inc, _ := file.Incident(1)
	if inc.ClosedAt != nil || len(file.Incidents) != 1 || inc.Events[len(inc.Events)-3].Action != "reopen" || inc.Events[len(inc.Events)-1].Action != "reset" {
		t.Errorf("incident after reopening: %+v", inc)
	}

	// The other answer starts a new incident and leaves the old one.
	if _, err := state.New(opts.Store.Path()).Update(func(f *state.File) error {
		f.Incidents[0].ClosedAt = &week
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{"No, something new: start a new incident", "Stop for now"}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	file, _ = state.New(opts.Store.Path()).Load()
	if len(file.Incidents) != 2 || file.Incidents[0].ClosedAt == nil {
		t.Errorf("incidents: %+v", file.Incidents)
	}
}

const timePlaybook = `schema: 1
id: locked
title: {en: Locked out, ja: ログインできない}
languages: [en, ja]
steps:
  - id: mail
    title: {en: Note when the lock email came, ja: ロックのメールの時刻を控える}
    phase: contain
    kind: time
    question: {en: "When did the email arrive?", ja: メールはいつ届きましたか？}
  - {id: reset, title: {en: Reset the password, ja: パスワードを再設定する}, phase: contain, delay: 5h, delay-from: mail}
`

// A time typed wrong, then one still to come, is asked again; the reset
// then waits five hours from the time given.
func TestRespondAsksForATime(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English, "Earlier: I will type the time", "soon", "2026-11-27 09:00", "20:40")
	opts.Catalogue.Builtin = fstest.MapFS{"locked.yaml": {Data: []byte(timePlaybook)}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	want := `Incident 1 · Locked out · opened Thu 26 Nov 21:00
0 of 2 steps finished
A new incident has been started.

Locked out: what to do now, one step at a time.
You can stop at any moment, Ctrl-C included: every answer is saved at once.
acctguard never asks for a password. In notes, write only the last 4 digits of a
card.

[1/2] Contain · Note when the lock email came

? When did the email arrive? Earlier: I will type the time
? What time was it? soon
acctguard cannot read "soon" as a time. Write it like 00:40 or 2026-11-25 23:10.
? What time was it? 2026-11-27 09:00
2026-11-27 09:00 has not come yet. Give the time it happened.
? What time was it? 20:40
✓ Time saved: Thu 26 Nov 20:40
⏳ Reset the password opens at Fri 27 Nov 01:40, in 4 h 40 min.

Nothing more to do right now.
Finished 1 of 2 steps.

Waiting:
  Reset the password: available at Fri 27 Nov 01:40, in 4 h 40 min

Next: run "acctguard respond" again after Fri 27 Nov 01:40. "acctguard status"
shows where you are.
`
	if out.String() != want {
		t.Errorf("screen:\n%s\nwant:\n%s", out, want)
	}

	// Without a terminal, "now" and a clock time are answers too.
	ios, _, stepOut, _ := iostreams.Test()
	sopts := &stepOptions{IO: ios, Store: opts.Store, Catalogue: opts.Catalogue, Now: opts.Now, Action: state.ActionAnswer, StepID: "mail", Value: "21:30"}
	if err := runStep(sopts); err != nil {
		t.Fatal(err)
	}
	if got := stepOut.String(); got != "incident 1: mail: answered "+time.Date(2026, 11, 25, 21, 30, 0, 0, time.Local).Format(time.RFC3339)+"\n" {
		t.Errorf("step answer: %q", got)
	}
	sopts.Value = "tomorrow"
	if code, hint := exitCodeEn(runStep(sopts)); code != exitUsage || !strings.Contains(hint, "00:40") {
		t.Errorf("step answer tomorrow: exit %d, hint %q", code, hint)
	}
}

// Stopping says when the steps that wait for a time open, so the person
// knows when to come back.
func TestRespondStopSaysWhenStepsOpen(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English, "Just now", "Stop for now")
	opts.Catalogue.Builtin = fstest.MapFS{"locked.yaml": {Data: []byte(timePlaybook + "  - {id: call, title: {en: Call the bank, ja: 銀行に電話する}, phase: contain}\n")}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	want := `? When did the email arrive? Just now
✓ Time saved: Thu 26 Nov 21:00
⏳ Reset the password opens at Fri 27 Nov 02:00, in 5 h.

[3/3] Contain · Call the bank

? What now? Stop for now
⏳ Reset the password opens at Fri 27 Nov 02:00, in 5 h.

To continue, run: acctguard respond
`
	if got := out.String(); !strings.HasSuffix(got, want) {
		t.Errorf("screen:\n%s\nwant it to end with:\n%s", got, want)
	}
}

// A follow-up asked days after it was planned says so, calmly.
func TestRespondFlagsALateFollowUp(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English, "Stop for now")
	opts.Catalogue.Builtin = fstest.MapFS{"card.yaml": {Data: []byte("schema: 1\nid: card\ntitle: Card\nsteps:\n  - {id: next-day, title: Check the card the next day, phase: follow-up, delay: 1d}\n")}}
	opened := opts.Now()
	if _, err := opts.Store.Update(func(f *state.File) error {
		f.NewIncident("card", "", "sha256:x", "en", opened)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	opts.Now = func() time.Time { return opened.Add(6 * 24 * time.Hour) }
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{"No, carry on", "Stop for now"}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	want := "[1/1] Follow up · Check the card the next day\nrunning late: planned for Fri 27 Nov 21:00\n"
	if !strings.Contains(out.String(), want) {
		t.Errorf("screen:\n%s\nwant a line:\n%s", out, want)
	}
}

// The first screen orients a frightened person: what this is, how much is
// urgent and for how long, that stopping loses nothing, no passwords.
func TestRespondFirstScreenInJapanese(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.Japanese, "いったん終了する")
	pb := strings.Replace(timePlaybook, "languages: [en, ja]\n", "languages: [en, ja]\ncritical-time: 1h\n", 1) +
		"  - {id: call, title: {en: Call the bank, ja: 銀行に電話する}, phase: contain, critical: true}\n" +
		"  - {id: cards, title: {en: Remove the cards, ja: カードを削除する}, phase: contain, critical: true}\n"
	opts.Catalogue.Builtin = fstest.MapFS{"locked.yaml": {Data: []byte(pb)}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	want := `新しい案件として、対応を始めました。

「ログインできない」でやることを、一つずつ案内します。
★印の付いた急ぎの2手順を先に案内します（目安は1時間）。
途中でいつでも終了できます（Ctrl-Cでもかまいません）。答えはその都度保存されま
す。
acctguard がパスワードを聞くことはありません。メモにカード番号を書くときは下4桁
だけにしてください。
`
	if !strings.Contains(out.String(), want) {
		t.Errorf("screen:\n%s\nwant:\n%s", out, want)
	}
}

// Skipping an urgent step says in one sentence why it matters; a week
// later it is asked again, with when and why it was skipped.
func TestRespondSkippedUrgentStepComesBack(t *testing.T) {
	pb := `schema: 1
id: tsv
title: 2SV
steps:
  - id: turn-on-2sv
    title: Turn on 2-step verification
    phase: recover
    critical: true
    why: A new password alone does not stop an intruder who has it again. It takes five minutes.
`
	opts, out, _ := respondSetup(t, i18n.English, "Skip this step", "too much for tonight")
	opts.Catalogue.Builtin = fstest.MapFS{"tsv.yaml": {Data: []byte(pb)}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	want := `? What now? Skip this step
This is one of the urgent steps. A new password alone does not stop an intruder
who has it again. It will come back in a week until it is done.
? Why skip it? (optional) too much for tonight
✓ Saved as skipped.

Nothing more to do right now.
Finished 1 of 1 steps.

Coming up:
  Turn on 2-step verification (skipped, asked again): Thu 3 Dec 21:00

Next: run "acctguard respond" again after Thu 3 Dec 21:00. "acctguard status"
shows where you are.
`
	if !strings.Contains(out.String(), want) {
		t.Errorf("screen:\n%s\nwant:\n%s", out, want)
	}

	out.Reset()
	opened := opts.Now()
	opts.Now = func() time.Time { return opened.Add(7*24*time.Hour + time.Minute) }
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{"No, carry on", "Stop for now"}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	want = "[1/1] Recover · Turn on 2-step verification  ★ first hour\nSkipped on Thu 26 Nov 21:00 (too much for tonight); it is back for the weekly\nre-check.\n"
	if !strings.Contains(out.String(), want) {
		t.Errorf("a week later:\n%s\nwant:\n%s", out, want)
	}
}

// The founding story's second night: a week on, the incident still open,
// respond asks whether anything new happened; yes brings back the lock-out
// steps and the skipped urgent one, and the follow-ups count from the new
// date.
func TestRespondSecondNightOnAnOpenIncident(t *testing.T) {
	pb := lockPlaybook + `  - id: turn-on-2sv
    title: {en: Turn on 2-step verification, ja: 2段階認証を設定する}
    phase: recover
    critical: true
    why: {en: A stolen password alone is then not enough. It takes five minutes., ja: パスワードだけではログインできなくなります。5分ほどで終わります。}
`
	opts, out, _ := respondSetup(t, i18n.English, "Done", "Yes", "Done", "Skip this step", "too much for tonight")
	opts.Catalogue.Builtin = fstest.MapFS{"lock.yaml": {Data: []byte(pb)}}
	if err := runRespond(opts); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	first := opts.Now()
	week := first.Add(7 * 24 * time.Hour)
	opts.Now = func() time.Time { return week }
	out.Reset()
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{
		"Yes, something new happened", "Earlier: I will type the time", "20:10", "a second email: call customer service",
		"Stop for now",
	}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	want := `? Has anything new happened since Thu 26 Nov 21:00? For example another alert email, orders you did not make, or you cannot sign in. Yes, something new happened
? When did it happen? Earlier: I will type the time
? What time was it? 20:10
? What happened? (optional) a second email: call customer service
✓ Recorded: the attack came back (Thu 3 Dec 20:10). 3 steps to lock the intruder
out and clean up are asked again, and the follow-ups count again from then.
★ Turn on 2-step verification is back. A stolen password alone is then not
enough.

[2/7] Contain · Can you sign in?
`
	if !strings.Contains(out.String(), want) {
		t.Errorf("screen:\n%s\nwant:\n%s", out, want)
	}
	file, err := opts.Store.Load()
	if err != nil {
		t.Fatal(err)
	}
	inc := file.Incidents[0]
	v := derive(mustUsable(t, opts), &inc, week)
	card, _ := v.Status("check-card")
	if card.State != incident.Waiting || !card.AvailableAt.Equal(time.Date(2026, 12, 4, 20, 10, 0, 0, time.Local)) {
		t.Errorf("check-card %s at %v, want waiting for the day after the second email", card.State, card.AvailableAt)
	}
}

func mustUsable(t *testing.T, opts *respondOptions) *playbook.Playbook {
	t.Helper()
	e, err := opts.Catalogue.Get("lock")
	if err != nil || e.Playbook == nil {
		t.Fatal(err, e.Err)
	}
	return e.Playbook
}

// A wait the playbook calls advice is offered to be tried sooner, once
// nothing else is due.
func TestRespondOffersAnEarlyTry(t *testing.T) {
	pb := strings.Replace(timePlaybook, "delay: 5h, delay-from: mail}", "delay: 5h, delay-from: mail, early: true}", 1)
	opts, out, _ := respondSetup(t, i18n.English, "Just now", "Yes, try it now", "Done")
	opts.Catalogue.Builtin = fstest.MapFS{"locked.yaml": {Data: []byte(pb)}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	want := `⏳ Reset the password opens at Fri 27 Nov 02:00, in 5 h.

? Reset the password opens at Fri 27 Nov 02:00, in 5 h. That wait is advice; trying sooner sometimes works. Try it now? Yes, try it now

[2/2] Contain · Reset the password

? What now? Done
✓ Saved as done.
`
	if !strings.Contains(out.String(), want) {
		t.Errorf("screen:\n%s\nwant:\n%s", out, want)
	}
	if !strings.Contains(out.String(), "Finished 2 of 2 steps.") {
		t.Errorf("the reset tried early did not count:\n%s", out)
	}
}

// respond --new while an incident of the same playbook is open asks
// whether it is the same attack, and keeps one incident if so.
func TestRespondNewAsksAboutTheOpenIncident(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English, "Done", "Stop for now")
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	opts.New, opts.PlaybookID = true, "lock"
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{"Yes, the same attack: add it to incident 1", "Just now", "", "Stop for now"}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "? Incident 1 for this playbook is still open (opened Thu 26 Nov 21:00). Is this the same attack coming back? Yes, the same attack: add it to incident 1\n") ||
		!strings.Contains(out.String(), "✓ Recorded: the attack came back (Thu 26 Nov 21:00).") {
		t.Errorf("screen:\n%s", out)
	}
	file, err := opts.Store.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(file.Incidents) != 1 {
		t.Errorf("%d incidents, want the one", len(file.Incidents))
	}
}

// Another attack of the same playbook, said to be something else, starts
// a second incident linked to the first: status, incident list and the
// report show the two together.
func TestRespondNewSomethingElseIsShownTogether(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English, "Stop for now")
	opts.PlaybookID = "lock"
	opts.Catalogue.Builtin.(fstest.MapFS)["card.yaml"] = &fstest.MapFile{Data: []byte(cardPlaybook)}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	// An unrelated incident in between, then the second one of "lock".
	opts.PlaybookID, opts.Prompter = "card", &prompt.Fake{Out: out, Answers: []string{"Stop for now"}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	opts.New, opts.PlaybookID = true, "lock"
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{"No, something else: start a new incident", "Stop for now"}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	file, err := opts.Store.Load()
	if err != nil {
		t.Fatal(err)
	}
	if inc, _ := file.Incident(3); len(file.Incidents) != 3 || inc.Related != 1 || inc.Playbook != "lock" {
		t.Fatalf("incidents: %+v", file.Incidents)
	}

	ios, _, sout, _ := iostreams.Test()
	ios.SetTTY(false, true)
	sopts := &statusOptions{IO: ios, Store: opts.Store, Catalogue: opts.Catalogue, Now: opts.Now, Lang: i18n.English}
	if err := runStatus(sopts); err != nil {
		t.Fatal(err)
	}
	var headers []string
	for _, line := range strings.Split(sout.String(), "\n") {
		if strings.HasPrefix(line, "Incident ") || strings.HasPrefix(line, "Related: ") {
			headers = append(headers, line)
		}
	}
	want := []string{
		"Incident 1 · Locked out · opened Thu 26 Nov 21:00",
		"Related: incident 3, opened Thu 26 Nov 21:00",
		"Incident 3 · Locked out · opened Thu 26 Nov 21:00",
		"Related: incident 1, opened Thu 26 Nov 21:00",
		"Incident 2 · Card stolen · opened Thu 26 Nov 21:00",
	}
	if !slices.Equal(headers, want) {
		t.Errorf("status headings:\n%s\nwant:\n%s\nfull:\n%s", strings.Join(headers, "\n"), strings.Join(want, "\n"), sout)
	}

	ios, _, lout, _ := iostreams.Test()
	ios.SetTTY(false, true)
	lopts := &incidentListOptions{IO: ios, Store: opts.Store, Catalogue: opts.Catalogue, Now: opts.Now, Lang: i18n.English}
	if err := runIncidentList(lopts); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(lout.String()), "\n")[1:] {
		ids = append(ids, strings.Join(strings.Fields(line)[:5], " "))
	}
	if want := []string{"1 Locked out Thu 26", "3 Locked out (related to", "2 Card stolen Thu 26"}; !slices.Equal(ids, want) {
		t.Errorf("incident list rows %q, want %q:\n%s", ids, want, lout)
	}
	// With --lang ja, the titles are in Japanese too, not in the language
	// each incident was recorded in.
	ios, _, lout, _ = iostreams.Test()
	ios.SetTTY(false, true)
	lopts = &incidentListOptions{IO: ios, Store: opts.Store, Catalogue: opts.Catalogue, Now: opts.Now, Lang: i18n.Japanese, LangFromFlag: true}
	if err := runIncidentList(lopts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(lout.String(), "ロックされた") || strings.Contains(lout.String(), "Locked out") {
		t.Errorf("incident list with --lang ja:\n%s", lout)
	}

	ios, _, rout, _ := iostreams.Test()
	ropts := &reportOptions{IO: ios, Store: opts.Store, Catalogue: opts.Catalogue, Now: opts.Now, Incident: 1, Format: "txt"}
	if err := runReport(ropts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rout.String(), "Related:     incident 3, from Thu 26 Nov 2026 21:00, still open\n") {
		t.Errorf("report:\n%s", rout)
	}
}

// Waiting steps are listed under what they wait for, and details that do
// not fit beside their titles go under them.
func TestStatusGroupsWaitingSteps(t *testing.T) {
	opts, _, _ := respondSetup(t, i18n.English, "Done", "No", "Stop for now")
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang  i18n.Lang
		width int
		want  string
	}{
		{i18n.English, 80, `Incident 1 · Locked out · opened Thu 26 Nov 21:00
[########------------] 2 of 5 steps finished

Due now
    Note when the lock email came

Waiting
  After Note when the lock email came:
      Reset the password

Follow-ups
    Check the card statement  Fri 27 Nov 21:00 (in 1 day)
`},
		{i18n.Japanese, 40, `案件1・ロックされた・11月26日(木) 21:00
開始
[########------------] 5手順中2手順が完了

今できること
    ロックのメールの時刻を控える

待っている手順
  「ロックのメールの時刻を控える」の完了後：
      パスワードを再設定する

今後の確認
    カードの明細を確認する
      11月27日(金) 21:00（あと1日）
`},
	} {
		ios, _, out, _ := iostreams.Test()
		ios.SetTTY(false, true)
		ios.SetWidth(tt.width)
		sopts := &statusOptions{IO: ios, Store: opts.Store, Catalogue: opts.Catalogue, Now: opts.Now, Lang: tt.lang, LangFromFlag: true}
		if err := runStatus(sopts); err != nil {
			t.Fatal(err)
		}
		if out.String() != tt.want {
			t.Errorf("status in %s at %d columns:\n%s\nwant:\n%s", tt.lang, tt.width, out, tt.want)
		}
	}
}

// An incident remembers its language: status and respond speak it unless
// --lang says otherwise, so steps and acctguard's words never mix; the
// resume hint keeps a --lang that differs from it.
func TestIncidentKeepsItsLanguage(t *testing.T) {
	opts, out, errOut := respondSetup(t, i18n.Japanese)
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{"完了にする", "いったん終了する"}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	ios, _, sout, _ := iostreams.Test()
	ios.SetTTY(false, true)
	sopts := &statusOptions{IO: ios, Store: opts.Store, Catalogue: opts.Catalogue, Now: opts.Now, Lang: i18n.English}
	if err := runStatus(sopts); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(sout.String(), "案件1・ロックされた・11月26日(木) 21:00 開始\n") || strings.Contains(sout.String(), "Reset") {
		t.Errorf("status under an English locale of a Japanese incident:\n%s", sout)
	}

	// respond under an English locale carries on in Japanese.
	out.Reset()
	opts.Lang = i18n.English
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{"いったん終了する"}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "案件1を、前回の続きから再開します。") || strings.Contains(out.String(), "Picking up") {
		t.Errorf("respond:\n%s", out)
	}
	if !strings.Contains(out.String(), "続けるには、次のコマンドを実行してください：acctguard respond\n") {
		t.Errorf("resume hint:\n%s", out)
	}

	// --lang en says otherwise, and the hint keeps it.
	out.Reset()
	opts.LangFromFlag = true
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{"Stop for now"}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Picking up incident 1") || !strings.Contains(out.String(), "To continue, run: acctguard --lang en respond\n") {
		t.Errorf("respond --lang en:\n%s\n%s", out, errOut)
	}
}

func TestPrintWrapped(t *testing.T) {
	var b bytes.Buffer
	printWrapped(&b, "    ", "      ", "\x1b[33m★\x1b[0m Check your Amazon gift card balance, points and Amazon Pay", 40)
	printWrapped(&b, "  ", "    ", "Short title", 40)
	want := "    \x1b[33m★\x1b[0m Check your Amazon gift card\n      balance, points and Amazon Pay\n  Short title\n"
	if b.String() != want {
		t.Errorf("got:\n%q\nwant:\n%q", b.String(), want)
	}
}

// A step marked "record: charges" offers to record a charge, asked one
// short question at a time; a wrong amount or a card with more than its
// last 4 digits is asked again, and the charge is on disk before the menu
// comes back.
func TestRespondRecordsACharge(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English,
		"Record a charge or order you did not make",
		"29,25", "2925", "2026-11-23 23:58", "Amazon.co.jp", "503-1234567-7654321", "Visa 4111 1111", "Mastercard 12",
		"Stop for now")
	opts.Catalogue = lockRecording("charges")
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	screenHas(t, out.String(),
		"? Amount, as on the statement: 29,25\n\"29,25\" is not an amount. Write it as on the statement, such as 2925 or $12.50.\n? Amount, as on the statement: 2925\n",
		"? Which card? Its name and last 4 digits only (empty if you do not know): Visa 4111 1111\nNot saved: give only the last 4 digits of the card.\n",
		"✓ Charge 1 recorded: ¥2,925, Mon 23 Nov 23:58, Amazon.co.jp,\norder 503-1234567-7654321, card Mastercard 12\n? What now? Stop for now\n",
	)
	file, err := opts.Store.Load()
	if err != nil {
		t.Fatal(err)
	}
	inc, _ := file.Incident(1)
	if len(inc.Charges) != 1 || inc.Charges[0].Amount != 2925 || inc.Charges[0].Card != "Mastercard 12" || strings.Contains(fmt.Sprint(inc.Charges), "4111") {
		t.Errorf("charges on disk: %+v", inc.Charges)
	}
}

// TestRespondRecordsARefund: once a charge is recorded, the same step
// offers to record its refund; more than is left is refused and asked
// again, an empty amount is all that is left, and the seed's points given
// back as gift-card balance are a credit.
func TestRespondRecordsARefund(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English,
		"Record a charge or order you did not make", "3520", "", "", "", "",
		"Record a refund or credit for a charge", "Charge 1: ¥3,520 (¥3,520 not refunded yet)", "¥4,000", "1000", "Refunded to the card or account", "2026-11-27", "2026-11-26",
		"Record a refund or credit for a charge", "Charge 1: ¥3,520 (¥2,520 not refunded yet)", "", "As gift-card balance or points", "",
		"Stop for now")
	opts.Catalogue = lockRecording("charges")
	if err := runRespond(opts); err != nil {
		t.Fatal(err, out)
	}
	screenHas(t, out.String(),
		"? Amount refunded (empty for all of ¥3,520): ¥4,000\nthe refund is more than what is outstanding on charge 1 (¥3,520)\n",
		"? When? (empty for today) 2026-11-27\n2026-11-27 has not come yet. Give the time it happened.\n",
		"✓ Refund recorded for charge 1: ¥1,000. Not refunded yet: ¥2,520.\n",
		"✓ Refund recorded for charge 1: ¥2,520. Not refunded yet: ¥0.\n",
	)
	if strings.Count(out.String(), "Record a refund or credit") != 2 {
		t.Errorf("the refund entry should not be offered once all is refunded:\n%s", out)
	}
	file, err := opts.Store.Load()
	if err != nil {
		t.Fatal(err)
	}
	inc, _ := file.Incident(1)
	rs := inc.Charges[0].Refunds
	if len(rs) != 2 || rs[0].Amount != 1000 || rs[0].Credit || !rs[0].DateOnly || rs[1].Amount != 2520 || !rs[1].Credit {
		t.Errorf("refunds on disk: %+v", rs)
	}
}

// TestRespondAsksForTheCoverOnce: before the first step where someone is
// contacted, respond asks who the reports are from; every answer may be
// left empty, a card number is refused, and it is not asked again.
func TestRespondAsksForTheCoverOnce(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English, "", "4111 1111 1111 1111", "090-1234-5678", "me@example.com", "Stop for now")
	opts.Catalogue = lockRecording("contact")
	if err := runRespond(opts); err != nil {
		t.Fatal(err, out)
	}
	screenHas(t, out.String(),
		"The reports and letters for the card company, support or the police can say who\nthey are from.",
		"? Your name (optional): \n? A phone number or email address to reach you (optional): 4111 1111 1111 1111\n",
		"✓ Saved for the reports. acctguard incident details changes it.\n\n[1/6] Verify · Look at the email",
	)
	file, err := opts.Store.Load()
	if err != nil {
		t.Fatal(err)
	}
	inc, _ := file.Incident(1)
	if c := inc.Cover; c == nil || c.Name != "" || c.Contact != "090-1234-5678" || c.AccountEmail != "me@example.com" || c.AskedAt.IsZero() {
		t.Errorf("cover on disk: %+v", inc.Cover)
	}

	out.Reset()
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{"Stop for now"}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err, out)
	}
	if strings.Contains(out.String(), "Your name") {
		t.Errorf("asked again:\n%s", out)
	}
}

// lockRecording is the lock playbook with its first step recording what
// (playbook.Step.Record).
func lockRecording(what string) *playbook.Catalogue {
	pb := strings.Replace(lockPlaybook, "    critical: true\n", "    critical: true\n    record: "+what+"\n", 1)
	return &playbook.Catalogue{Builtin: fstest.MapFS{"lock.yaml": {Data: []byte(pb)}}}
}

// screenHas fails the test unless the screen holds each of wants.
func screenHas(t *testing.T, screen string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(screen, want) {
			t.Errorf("screen:\n%s\nwant it to contain:\n%s", screen, want)
		}
	}
}
