package incident

import (
	"errors"
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/playbook"
)

// The lock email came in the night: the first response began at 01:00 in
// Tokyo, and the person types when the email arrived.
func TestParseMoment(t *testing.T) {
	jst := time.FixedZone("JST", 9*60*60)
	now := time.Date(2026, 11, 27, 1, 0, 0, 0, jst)
	tests := []struct {
		in   string
		want time.Time
		err  error
	}{
		{"now", now, nil},
		{"00:40", time.Date(2026, 11, 27, 0, 40, 0, 0, jst), nil},
		{"0:40", time.Date(2026, 11, 27, 0, 40, 0, 0, jst), nil},
		{"23:10", time.Date(2026, 11, 26, 23, 10, 0, 0, jst), nil}, // last night's
		{"０：４０", time.Date(2026, 11, 27, 0, 40, 0, 0, jst), nil},   // typed with the IME on
		{"0時40分", time.Date(2026, 11, 27, 0, 40, 0, 0, jst), nil},
		{"23時", time.Date(2026, 11, 26, 23, 0, 0, 0, jst), nil},
		{" 2026-11-25 23:10 ", time.Date(2026, 11, 25, 23, 10, 0, 0, jst), nil},
		{"2026/11/25 23:10", time.Date(2026, 11, 25, 23, 10, 0, 0, jst), nil},
		{"2026-11-26T15:40:00Z", time.Date(2026, 11, 26, 15, 40, 0, 0, time.UTC), nil},
		{"24:00", time.Time{}, ErrMomentFormat},
		{"12:60", time.Time{}, ErrMomentFormat},
		{"2026-02-30 10:00", time.Time{}, ErrMomentFormat},
		{"yesterday", time.Time{}, ErrMomentFormat},
		{"", time.Time{}, ErrMomentFormat},
		{"2026-11-28 09:00", time.Time{}, ErrMomentFuture},
	}
	for _, tt := range tests {
		got, err := ParseMoment(tt.in, now)
		if !errors.Is(err, tt.err) || !got.Equal(tt.want) {
			t.Errorf("ParseMoment(%q) = %v, %v; want %v, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

const timePlaybook = `schema: 1
id: t
title: T
steps:
  - id: mail
    title: Note when the email came
    phase: contain
    kind: time
    question: When did the email arrive?
  - {id: note, title: Note the lock, phase: contain}
  - {id: reset, title: Reset, phase: contain, after: [note], delay: 5h, delay-from: mail}
`

// The 5-hour wait counts from when the email arrived, not from when the
// person got round to noting it; and never before the steps it follows.
func TestDelayFromATimeAnswer(t *testing.T) {
	p, err := playbook.Parse("t.yaml", []byte(timePlaybook))
	if err != nil {
		t.Fatal(err)
	}
	mailAt := func(d time.Duration) Event {
		return Event{Step: "mail", Action: ActionAnswer, At: at(time.Hour), Answer: at(d).Format(time.RFC3339)}
	}
	tests := []struct {
		name   string
		events []Event
		now    time.Duration
		want   string
	}{
		{"nothing answered", nil, time.Hour, "waiting for note,mail"},
		{"time not answered", []Event{ev("note", ActionDone, time.Hour)}, time.Hour, "waiting for mail"},
		{"email 20 minutes before the walk", []Event{mailAt(-20 * time.Minute), ev("note", ActionDone, 2*time.Hour)}, 2 * time.Hour, "waiting until +4h40m0s"},
		{"the wait is over at 4h40m", []Event{mailAt(-20 * time.Minute), ev("note", ActionDone, 2*time.Hour)}, 4*time.Hour + 40*time.Minute, "due"},
		{"after steps finish later than the wait", []Event{mailAt(-20 * time.Minute), ev("note", ActionDone, 6*time.Hour)}, 6 * time.Hour, "due"},
		{"time skipped: counts from the after steps", []Event{{Step: "mail", Action: ActionSkip, At: at(time.Hour)}, ev("note", ActionDone, 2*time.Hour)}, 2 * time.Hour, "waiting until +7h0m0s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Derive(p, t0, tt.events, at(tt.now))
			s, _ := v.Status("reset")
			if got := describe(s); got != tt.want {
				t.Errorf("reset: %s, want %s", got, tt.want)
			}
			if s.State == Due && !s.AvailableAt.Equal(later(at(4*time.Hour+40*time.Minute), s.AvailableAt)) {
				t.Errorf("due from %v", s.AvailableAt)
			}
		})
	}
	v := Derive(p, t0, []Event{mailAt(-20 * time.Minute)}, at(time.Hour))
	mail, _ := v.Status("mail")
	if got, ok := mail.AnswerTime(); mail.State != Done || !ok || !got.Equal(at(-20*time.Minute)) {
		t.Errorf("mail: %s, answer time %v %v", describe(mail), got, ok)
	}
}

// A step renamed in a later edition of the playbook keeps what incidents
// recorded under its old id; a step removed keeps its records apart.
func TestRecordsUnderAFormerID(t *testing.T) {
	p, err := playbook.Parse("t.yaml", []byte(`schema: 1
id: t
title: T
steps:
  - {id: note-lock-email, title: Note the lock email, phase: contain, was: [note-lock]}
  - {id: reset, title: Reset, phase: contain, after: [note-lock-email], delay: 5h}
`))
	if err != nil {
		t.Fatal(err)
	}
	events := []Event{ev("note-lock", ActionDone, 0), ev("gone", ActionDone, 0)}
	v := Derive(p, t0, events, at(time.Hour))
	note, _ := v.Status("note-lock-email")
	reset, _ := v.Status("reset")
	if note.State != Done || describe(reset) != "waiting until +5h0m0s" {
		t.Errorf("note-lock-email %s, reset %s", describe(note), describe(reset))
	}
	if len(v.Orphans) != 1 || v.Orphans[0].Step != "gone" {
		t.Errorf("orphans = %+v, want only gone", v.Orphans)
	}
}

// A skipped critical step comes back a week later, and again a week after
// each further skip, until it is done; the steps after it do not wait again.
func TestSkippedCriticalStepComesBack(t *testing.T) {
	p, err := playbook.Parse("t.yaml", []byte(`schema: 1
id: t
title: T
steps:
  - {id: turn-on-2sv, title: 2-step verification, phase: recover, critical: true}
  - {id: addresses, title: Addresses, phase: recover}
  - {id: after-2sv, title: After, phase: recover, after: [turn-on-2sv]}
`))
	if err != nil {
		t.Fatal(err)
	}
	skip := func(step string, d time.Duration) Event {
		return Event{Step: step, Action: ActionSkip, At: at(d), Reason: "too much for tonight"}
	}
	week := 7 * 24 * time.Hour
	tests := []struct {
		name    string
		events  []Event
		now     time.Duration
		twoSV   string
		after   string
		address string
	}{
		// after-2sv went on when 2-step verification was skipped, and
		// stays due (later overdue) when it comes back.
		{"the night it is skipped", []Event{skip("turn-on-2sv", time.Hour), skip("addresses", time.Hour)}, 2 * time.Hour, "skipped", "due", "skipped"},
		{"a week on it is back", []Event{skip("turn-on-2sv", time.Hour), skip("addresses", time.Hour)}, week + time.Hour, "due", "overdue", "skipped"},
		{"skipped again, back a week later", []Event{skip("turn-on-2sv", time.Hour), skip("turn-on-2sv", week+2*time.Hour)}, week + 3*time.Hour, "skipped", "due", "overdue"},
		{"done at last", []Event{skip("turn-on-2sv", time.Hour), ev("turn-on-2sv", ActionDone, week+2*time.Hour)}, 3 * week, "done", "overdue", "overdue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Derive(p, t0, tt.events, at(tt.now))
			twoSV, _ := v.Status("turn-on-2sv")
			after, _ := v.Status("after-2sv")
			addr, _ := v.Status("addresses")
			if got := []string{string(twoSV.State), string(after.State), string(addr.State)}; got[0] != tt.twoSV || got[1] != tt.after || got[2] != tt.address {
				t.Errorf("2sv, after, addresses = %v, want %s %s %s", got, tt.twoSV, tt.after, tt.address)
			}
		})
	}
}

func TestParseDay(t *testing.T) {
	jst := time.FixedZone("JST", 9*60*60)
	now := time.Date(2026, 11, 26, 21, 0, 0, 0, jst)
	for _, c := range []struct {
		in   string
		want time.Time
		day  bool
		err  error
	}{
		{"2026-11-23", time.Date(2026, 11, 23, 0, 0, 0, 0, jst), true, nil},
		{"2026/11/3", time.Date(2026, 11, 3, 0, 0, 0, 0, jst), true, nil},
		{"２０２６年１１月２６日", time.Date(2026, 11, 26, 0, 0, 0, 0, jst), true, nil},
		{"2026-11-23 23:58", time.Date(2026, 11, 23, 23, 58, 0, 0, jst), false, nil},
		{"23:58", time.Date(2026, 11, 25, 23, 58, 0, 0, jst), false, nil},
		{"2026-11-27", time.Time{}, false, ErrMomentFuture},
		{"2026-02-30", time.Time{}, false, ErrMomentFormat},
		{"23 Nov", time.Time{}, false, ErrMomentFormat},
	} {
		got, day, err := ParseDay(c.in, now)
		if !got.Equal(c.want) || day != c.day || !errors.Is(err, c.err) {
			t.Errorf("ParseDay(%q) = %v, %v, %v; want %v, %v, %v", c.in, got, day, err, c.want, c.day, c.err)
		}
	}
}
