package incident

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/playbook"
)

// The test playbook mirrors the shapes of the real one: a question with
// branches, a timed gate after a step, a follow-up counted from the
// opening, a repeating check and a step after it.
const testPlaybook = `schema: 1
id: t
title: T
steps:
  - {id: look, title: Look, phase: verify, critical: true}
  - id: can-sign-in
    title: Can you sign in?
    phase: contain
    kind: question
    question: Can you sign in?
    options: [{value: "yes", label: "Yes"}, {value: "no", label: "No"}]
  - {id: change-password, title: Change, phase: contain, critical: true, when: {can-sign-in: "yes"}}
  - {id: note-lock, title: Note the lock, phase: contain, when: {can-sign-in: "no"}}
  - {id: reset, title: Reset, phase: contain, critical: true, when: {can-sign-in: "no"}, after: [note-lock], delay: 5h}
  - id: reset-worked
    title: Did it work?
    phase: contain
    kind: question
    question: Did it work?
    options: [{value: "yes", label: "Yes"}, {value: "no", label: "No"}]
    when: {can-sign-in: "no"}
    after: [reset]
  - {id: call-support, title: Call, phase: contain, when: {reset-worked: "no"}}
  - {id: sign-out, title: Sign out, phase: contain, after: [change-password, reset-worked, call-support]}
  - {id: next-day, title: Next day, phase: follow-up, delay: 1d}
  - {id: weekly, title: Weekly, phase: follow-up, delay: 7d, repeat: {every: 7d, times: 3}}
  - {id: after-weekly, title: After weekly, phase: follow-up, after: [weekly]}
`

var t0 = time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC)

func at(d time.Duration) time.Time { return t0.Add(d) }

func ev(step string, action Action, d time.Duration) Event {
	return Event{Step: step, Action: action, At: at(d)}
}

func answer(step, value string, d time.Duration) Event {
	return Event{Step: step, Action: ActionAnswer, At: at(d), Answer: value}
}

func mustPlaybook(t *testing.T) *playbook.Playbook {
	t.Helper()
	p, err := playbook.Parse("t.yaml", []byte(testPlaybook))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// describe renders a status as "state", "state until +5h" or "state for a,b".
func describe(s *Status) string {
	out := string(s.State)
	if len(s.WaitingFor) > 0 {
		out += " for " + strings.Join(s.WaitingFor, ",")
	} else if s.State == Waiting {
		out += " until +" + s.AvailableAt.Sub(t0).String()
	}
	if s.Answer != "" {
		out += " = " + s.Answer
	}
	return out
}

func TestDerive(t *testing.T) {
	p := mustPlaybook(t)
	tests := []struct {
		name   string
		events []Event
		now    time.Duration
		want   map[string]string
	}{
		{"a new incident", nil, 0, map[string]string{
			"look":            "due",
			"can-sign-in":     "due",
			"change-password": "waiting for can-sign-in",
			"note-lock":       "waiting for can-sign-in",
			"reset":           "waiting for can-sign-in,note-lock",
			"reset-worked":    "waiting for can-sign-in,reset",
			"call-support":    "waiting for reset-worked",
			"sign-out":        "waiting for change-password,reset-worked,call-support",
			"next-day":        "waiting until +24h0m0s",
			"weekly":          "waiting until +168h0m0s",
			"after-weekly":    "waiting for weekly",
		}},
		{"a step undone for more than a day is overdue", nil, 25 * time.Hour, map[string]string{
			"look":     "overdue",
			"next-day": "due",
		}},
		{"exactly a day is not yet overdue", nil, 24 * time.Hour, map[string]string{"look": "due"}},
		{"done, and skipped with its reason", []Event{ev("look", ActionDone, time.Minute), {Step: "next-day", Action: ActionSkip, At: at(time.Hour), Reason: "no card"}}, 2 * time.Hour, map[string]string{
			"look":     "done",
			"next-day": "skipped",
		}},
		{"put off: later, still due", []Event{ev("look", ActionLater, time.Minute)}, time.Hour, map[string]string{"look": "later"}},
		{"done after later", []Event{ev("look", ActionLater, time.Minute), ev("look", ActionDone, 2*time.Minute)}, time.Hour, map[string]string{"look": "done"}},
		{"answer yes: the yes branch is due, the no branch does not apply", []Event{answer("can-sign-in", "yes", time.Minute)}, time.Hour, map[string]string{
			"can-sign-in":     "done = yes",
			"change-password": "due",
			"note-lock":       "not-applicable",
			"reset":           "not-applicable",
			"reset-worked":    "not-applicable",
			"call-support":    "not-applicable",
			"sign-out":        "waiting for change-password",
		}},
		{"the yes branch done: steps after it, and after not-applicable ones, are due", []Event{answer("can-sign-in", "yes", time.Minute), ev("change-password", ActionDone, 10*time.Minute)}, time.Hour, map[string]string{
			"sign-out": "due",
		}},
		{"answer no: the gate opens five hours after the step before it", []Event{answer("can-sign-in", "no", time.Minute), ev("note-lock", ActionDone, time.Hour)}, 2 * time.Hour, map[string]string{
			"change-password": "not-applicable",
			"note-lock":       "done",
			"reset":           "waiting until +6h0m0s",
		}},
		{"the gate survives a restart: due once its time has come", []Event{answer("can-sign-in", "no", time.Minute), ev("note-lock", ActionDone, time.Hour)}, 6 * time.Hour, map[string]string{
			"reset": "due",
		}},
		{"a gate open for over a day is overdue from when it opened", []Event{answer("can-sign-in", "no", time.Minute), ev("note-lock", ActionDone, time.Hour)}, 31 * time.Hour, map[string]string{
			"reset": "overdue",
		}},
		{"skipping the gated step lets the next question come at once", []Event{answer("can-sign-in", "no", time.Minute), ev("note-lock", ActionDone, time.Hour), ev("reset", ActionSkip, time.Hour)}, time.Hour, map[string]string{
			"reset":        "skipped",
			"reset-worked": "due",
		}},
		{"a chain of answers", []Event{answer("can-sign-in", "no", 0), ev("note-lock", ActionDone, 0), ev("reset", ActionDone, 5*time.Hour), answer("reset-worked", "no", 5*time.Hour)}, 5 * time.Hour, map[string]string{
			"reset-worked": "done = no",
			"call-support": "due",
			"sign-out":     "waiting for call-support",
		}},
		{"a reset question sends its branches back to waiting; notes stay", []Event{answer("can-sign-in", "yes", 0), {Step: "can-sign-in", Action: ActionNote, At: at(0), Note: "tried twice"}, ev("can-sign-in", ActionReset, time.Minute)}, time.Hour, map[string]string{
			"can-sign-in":     "due",
			"change-password": "waiting for can-sign-in",
		}},
		{"a changed answer: the step done on the old branch no longer applies", []Event{answer("can-sign-in", "yes", 0), ev("change-password", ActionDone, time.Minute), answer("can-sign-in", "no", 2*time.Minute)}, time.Hour, map[string]string{
			"change-password": "not-applicable",
			"note-lock":       "due",
		}},
		{"repeat: after the first check, the next one waits a week", []Event{ev("weekly", ActionDone, 170*time.Hour)}, 171 * time.Hour, map[string]string{
			"weekly":       "waiting until +338h0m0s",
			"after-weekly": "due",
		}},
		{"repeat: due again a week after the last check", []Event{ev("weekly", ActionDone, 170*time.Hour)}, 338 * time.Hour, map[string]string{"weekly": "due"}},
		{"repeat: done after all its times", []Event{ev("weekly", ActionDone, 170*time.Hour), ev("weekly", ActionDone, 340*time.Hour), ev("weekly", ActionDone, 510*time.Hour)}, 600 * time.Hour, map[string]string{"weekly": "done"}},
		{"reset undoes a done step", []Event{ev("look", ActionDone, 0), ev("look", ActionReset, time.Minute)}, time.Hour, map[string]string{"look": "due"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Derive(p, t0, tt.events, at(tt.now))
			for id, want := range tt.want {
				s, ok := v.Status(id)
				if !ok {
					t.Fatalf("no step %q", id)
				}
				if got := describe(s); got != want {
					t.Errorf("%s: %s, want %s", id, got, want)
				}
			}
		})
	}
}

func TestDeriveRecordsNotesReasonsAndOrphans(t *testing.T) {
	p := mustPlaybook(t)
	events := []Event{
		{Step: "look", Action: ActionNote, At: at(0), Note: "saved the email"},
		{Step: "look", Action: ActionDone, At: at(time.Minute), Note: "all checked"},
		{Step: "look", Action: ActionReset, At: at(2 * time.Minute)},
		{Step: "next-day", Action: ActionSkip, At: at(time.Hour), Reason: "card already cancelled"},
		{Step: "old-alexa-step", Action: ActionDone, At: at(time.Hour)},
	}
	v := Derive(p, t0, events, at(2*time.Hour))
	look, _ := v.Status("look")
	if strings.Join(look.Notes, "|") != "saved the email|all checked" {
		t.Errorf("notes = %q, want both, kept across the reset", look.Notes)
	}
	nd, _ := v.Status("next-day")
	if nd.State != Skipped || nd.Reason != "card already cancelled" || !nd.FinishedAt.Equal(at(time.Hour)) {
		t.Errorf("next-day = %+v", nd)
	}
	if len(v.Orphans) != 1 || v.Orphans[0].Step != "old-alexa-step" || len(v.Orphans[0].Events) != 1 {
		t.Errorf("orphans = %+v, want the record of the removed step", v.Orphans)
	}
}

func TestAskAndProgress(t *testing.T) {
	p := mustPlaybook(t)
	events := []Event{
		ev("look", ActionLater, 0),
		answer("can-sign-in", "yes", time.Minute),
	}
	v := Derive(p, t0, events, at(time.Hour))
	var ids []string
	for _, s := range v.Ask(false) {
		ids = append(ids, s.Step.ID)
	}
	if got := strings.Join(ids, " "); got != "change-password look" {
		t.Errorf("Ask() = %s, want due steps first, put-off ones last", got)
	}
	ids = nil
	for _, s := range v.Ask(true) {
		ids = append(ids, s.Step.ID)
	}
	if got := strings.Join(ids, " "); got != "change-password look" {
		t.Errorf("Ask(critical) = %s", got)
	}
	// The critical reset waits for note-lock, which is not critical: with
	// --critical, note-lock is asked too, or the reset could never open.
	v = Derive(p, t0, []Event{ev("look", ActionDone, 0), answer("can-sign-in", "no", time.Minute)}, at(time.Hour))
	ids = nil
	for _, s := range v.Ask(true) {
		ids = append(ids, s.Step.ID)
	}
	if got := strings.Join(ids, " "); got != "note-lock" {
		t.Errorf("Ask(critical) on the locked-out path = %q, want the step the critical reset waits for", got)
	}
	v = Derive(p, t0, events, at(time.Hour))
	finished, total := v.Progress()
	// 11 steps, 4 not applicable on the yes branch; the question is done.
	if finished != 1 || total != 7 {
		t.Errorf("Progress() = %d/%d, want 1/7", finished, total)
	}
}

func TestSchedule(t *testing.T) {
	p := mustPlaybook(t)
	events := []Event{
		ev("look", ActionDone, 0),
		answer("can-sign-in", "no", time.Minute),
		ev("note-lock", ActionDone, time.Hour),
	}
	v := Derive(p, t0, events, at(2*time.Hour))
	var got []string
	for _, s := range v.Schedule() {
		line := s.Status.Step.ID + " +" + s.At.Sub(t0).String()
		if s.Of > 0 {
			line += fmt.Sprintf(" %d/%d", s.Occurrence, s.Of)
		}
		got = append(got, line)
	}
	want := []string{
		"reset +6h0m0s",        // the gate: five hours after the step before it
		"reset-worked +6h0m0s", // after the gate, no delay of its own
		"next-day +24h0m0s",
		"weekly +168h0m0s 1/3", // each repeat its own entry
		"after-weekly +168h0m0s",
		"weekly +336h0m0s 2/3",
		"weekly +504h0m0s 3/3",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Schedule():\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
