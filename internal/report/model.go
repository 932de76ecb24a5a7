// Package report renders an incident for the people who need to see it —
// a card issuer, the service's support, the police — and its reminders for
// a calendar: Markdown, plain text, JSON and iCalendar. It only renders:
// the caller gathers the facts into a Report, and nothing is invented here.
package report

import (
	"fmt"
	"time"
)

// Report is everything a report shows, gathered by the caller. Texts are
// already in the report's language; times are shown in Location.
type Report struct {
	// Lang is the language of headings and labels: "en" or "ja".
	Lang string
	// GeneratedAt is when the report was made (the clock of the command).
	GeneratedAt time.Time
	// Location is the time zone times are shown in.
	Location *time.Location
	// RemindAt is the time of day, in Location, of every calendar
	// reminder; its zero value is 09:00.
	RemindAt TimeOfDay

	// For is the reader of a letter: "card-issuer", "support" or
	// "police"; empty for the whole report. A letter is short, with the
	// facts in the order that reader needs them.
	For string

	Incident Incident
	// Cover is who the report is from, as far as the person gave it.
	Cover   Cover
	Summary Summary
	// Intrusions are the times the account was broken into, oldest
	// first: when the incident was opened, each time the attack came
	// back, and the linked incidents.
	Intrusions []Intrusion
	// Charges are the charges and orders the person did not make, in
	// the order recorded.
	Charges []Charge
	// Contacted are the steps that named someone to contact and were
	// done or have notes, in playbook order: who was contacted, when,
	// and the reference numbers the person noted.
	Contacted []Contacted
	// Evidence are the steps about keeping evidence, with their notes.
	Evidence []Step
	// Done are the steps done, oldest first, for the letters' "what I
	// have done".
	Done []Step
	// Timeline is every recorded event, in the order it was recorded.
	Timeline []Entry
	// Phases holds every step of the playbook, grouped by phase in
	// playbook order.
	Phases []PhaseSteps
	// Removed holds the records of steps no longer in the playbook.
	Removed []RemovedStep
	// FollowUps are the dated reminders still ahead or overdue: waiting
	// gates, follow-up steps, and each remaining repeat of a repeating step
	// as its own entry. Sorted by time.
	FollowUps []FollowUp
	// Contacts are those the playbook's steps name, in playbook order.
	Contacts []Contact
	// Sources are the playbook's sources.
	Sources []Source
}

// Incident is the incident's identity.
type Incident struct {
	ID              int
	PlaybookID      string
	PlaybookTitle   string
	PlaybookVersion string // may be empty
	Service         string // may be empty
	// Lang is the language the incident was recorded in.
	Lang     string
	OpenedAt time.Time
	ClosedAt *time.Time
	// Related are the incidents linked to this one: the same playbook,
	// started while this one was open or recently closed, and said by the
	// person to be a different attack. In id order.
	Related []Related
}

// Related is an incident linked to the one reported on.
type Related struct {
	ID int
	// Playbook and Title name the playbook of a related incident that
	// follows another one (the e-mail account opened from the Amazon
	// takeover); both are empty for the same playbook.
	Playbook string
	Title    string
	OpenedAt time.Time
	ClosedAt *time.Time
}

// Summary counts the steps by where they stand.
type Summary struct {
	Done          int
	Skipped       int
	Open          int // due, overdue or put off
	Waiting       int
	NotApplicable int
	// Total is the steps that apply: all but the not-applicable ones.
	Total int
}

// Entry is one recorded event.
type Entry struct {
	At        time.Time
	StepID    string
	StepTitle string // empty for a step no longer in the playbook
	// Action is done, skip, later, reset, answer or note; close and
	// reopen, without a step, are about the whole incident.
	Action string
	// Answer is the label of the chosen answer, as the person saw it.
	Answer string
	Reason string
	Note   string
}

// PhaseSteps is one phase with its steps.
type PhaseSteps struct {
	Phase string // verify, contain, recover, report, follow-up
	Title string // the phase's name in the report's language
	Steps []Step
}

// Step is one step's state for the report.
type Step struct {
	ID     string
	Number int // its place in the playbook, from 1
	Title  string
	// Done is the step said as done ("Changed my Amazon password"), for
	// the letters; empty when the playbook does not say it.
	Done     string
	Critical bool
	// State is done, skipped, not-applicable, waiting, due, overdue or
	// later.
	State string
	// FinishedAt is when it was done or skipped; zero otherwise.
	FinishedAt time.Time
	// AvailableAt is when a waiting step unlocks, or a due one fell due.
	AvailableAt time.Time
	Answer      string // label of the answer, for a question
	Reason      string // why it was skipped
	Notes       []string
	Completions int
}

// RemovedStep is the record of a step no longer in the playbook.
type RemovedStep struct {
	ID      string
	Entries []Entry
}

// FollowUp is one dated reminder.
type FollowUp struct {
	StepID string
	Title  string
	At     time.Time
	// Occurrence and Of number the repeats of a repeating step (2 of 4);
	// both are 0 for a step that happens once.
	Occurrence int
	Of         int
	// Gate is set for a step that waits for time to pass before it can
	// be done (Amazon's 5-hour lock), rather than a later check.
	Gate bool
	// What says what to check or do then, as plain text (the step's
	// how, or its why); may be empty.
	What string
}

// TimeOfDay is a time of day to the minute. Its zero value is 09:00, a
// sensible hour for a reminder; Clock makes any other, midnight included.
type TimeOfDay struct {
	// minutes is the minutes after midnight plus one, or 0 for 09:00.
	minutes int
}

// DefaultRemindAt is the time of reminders unless told otherwise.
var DefaultRemindAt = TimeOfDay{}

// Clock returns hour:minute; ok is false unless it is 00:00 to 23:59.
func Clock(hour, minute int) (t TimeOfDay, ok bool) {
	if hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return TimeOfDay{}, false
	}
	return TimeOfDay{minutes: hour*60 + minute + 1}, true
}

// Hour is the hour, 0 to 23.
func (t TimeOfDay) Hour() int { return t.total() / 60 }

// Minute is the minute, 0 to 59.
func (t TimeOfDay) Minute() int { return t.total() % 60 }

func (t TimeOfDay) total() int {
	if t.minutes == 0 {
		return 9 * 60
	}
	return t.minutes - 1
}

// String is HH:MM.
func (t TimeOfDay) String() string {
	return fmt.Sprintf("%02d:%02d", t.Hour(), t.Minute())
}

// On is t on the day of at, in loc (UTC when nil). It is built as a wall
// clock time, so a day with a daylight-saving change still gets t.
func (t TimeOfDay) On(at time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := at.In(loc).Date()
	return time.Date(y, m, d, t.Hour(), t.Minute(), 0, 0, loc)
}

// Next is the first time t, in loc, at or after at: the same day if t has
// not passed by then, else the next day.
func (t TimeOfDay) Next(at time.Time, loc *time.Location) time.Time {
	day := t.On(at, loc)
	if day.Before(at) {
		y, m, d := day.Date()
		day = time.Date(y, m, d+1, t.Hour(), t.Minute(), 0, 0, day.Location())
	}
	return day
}

// Contact is someone to call or write to.
type Contact struct {
	Name     string
	Phone    string
	URL      string
	Verified string // YYYY-MM or YYYY-MM-DD
	Note     string
}

// Source is a document the playbook's facts come from.
type Source struct {
	ID    string
	Title string
	URL   string
}

// Cover is who a report is from; any field may be empty.
type Cover struct {
	Name         string
	Contact      string
	AccountEmail string
}

// Intrusion is one time the account was broken into.
type Intrusion struct {
	At time.Time
	// Incident is the incident it was recorded in.
	Incident int
	// Kind is "opened" (the incident began with it), "again" (the attack
	// came back while it was open) or "related" (a linked incident).
	Kind string
	Note string
}

// Charge is a charge or order the person did not make. Amounts are in the
// currency's smallest unit.
type Charge struct {
	ID       int
	At       time.Time // zero when not known
	DateOnly bool
	Amount   int64
	Currency string
	Merchant string
	Order    string
	Card     string
	Note     string
	Refunds  []Refund
}

// Refunded is how much of c came back.
func (c Charge) Refunded() int64 {
	var n int64
	for _, r := range c.Refunds {
		n += r.Amount
	}
	return n
}

// Refund is money given back for a charge.
type Refund struct {
	At       time.Time
	DateOnly bool
	Amount   int64
	Credit   bool // as store credit (gift-card balance, points), not to the card
	Note     string
}

// Total adds up charges in one currency: on one card, or with AllCards on
// every card.
type Total struct {
	Card     string
	AllCards bool
	Currency string
	Count    int
	Charged  int64
	Refunded int64
}

// Outstanding is what has not come back.
func (t Total) Outstanding() int64 { return t.Charged - t.Refunded }

// Totals adds up cs per card (in the order the cards first appear) and
// over all cards per currency.
func Totals(cs []Charge) (perCard, all []Total) {
	add := func(list []Total, t Total, c Charge) []Total {
		for i := range list {
			if list[i].Card == t.Card && list[i].AllCards == t.AllCards && list[i].Currency == c.Currency {
				list[i].Count++
				list[i].Charged += c.Amount
				list[i].Refunded += c.Refunded()
				return list
			}
		}
		t.Currency, t.Count, t.Charged, t.Refunded = c.Currency, 1, c.Amount, c.Refunded()
		return append(list, t)
	}
	for _, c := range cs {
		perCard = add(perCard, Total{Card: c.Card}, c)
		all = add(all, Total{AllCards: true}, c)
	}
	return perCard, all
}

// Contacted is a step in which someone was contacted.
type Contacted struct {
	StepID string
	Title  string
	Done   string // the step said as done, when the playbook says it
	// Who names the contacts the step gives.
	Who []string
	// At is when the step was done; zero when it was not.
	At    time.Time
	Notes []string
}
