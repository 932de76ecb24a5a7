// Package incident works out where a response stands: given a playbook,
// what the person has recorded and the time now, it says which steps are
// done, which are due, which wait and until when. It does no I/O and
// takes the time as an argument, so that every rule is tested with a
// fixed clock.
package incident

import (
	"time"

	"github.com/acctguard/acctguard/internal/playbook"
)

// Action is what an event records about a step.
type Action string

const (
	ActionDone   Action = "done"
	ActionSkip   Action = "skip"
	ActionLater  Action = "later"
	ActionReset  Action = "reset"
	ActionAnswer Action = "answer"
	ActionNote   Action = "note"

	// ActionClose and ActionReopen are about the whole incident; their
	// events have no step.
	ActionClose  Action = "close"
	ActionReopen Action = "reopen"
	// ActionAgain is the attack coming back while the incident is open.
	ActionAgain Action = "again"
)

// Event is one thing the person told us about a step, in the order told.
type Event struct {
	Step   string
	Action Action
	At     time.Time
	Answer string
	Reason string
	Note   string
}

// State is where a step stands.
type State string

const (
	Done          State = "done"
	Skipped       State = "skipped"
	NotApplicable State = "not-applicable" // its when is false
	Waiting       State = "waiting"        // for other steps, for an answer, or for a time
	Due           State = "due"
	Overdue       State = "overdue" // due for more than a day
	Later         State = "later"   // put off by the person; still due
)

// OverdueAfter is how long a step may be due before it is overdue.
const OverdueAfter = 24 * time.Hour

// SkippedCriticalBack is how long a skipped critical step stays skipped
// before it comes back, as part of the weekly re-check, until it is done:
// in the founding story the 2-step verification skipped on the first night
// was what the second intrusion came through.
const SkippedCriticalBack = 7 * 24 * time.Hour

// Status is one step's state with the facts behind it.
type Status struct {
	Step  *playbook.Step
	Index int // position in the playbook, from 0
	State State

	// AvailableAt is when a step waiting for time becomes due, or when a
	// due step became due. Zero when it waits for other steps.
	AvailableAt time.Time
	// WaitingFor lists the steps this one waits for: unfinished steps of
	// its after, and unanswered questions of its when.
	WaitingFor []string
	// FinishedAt is when the step was done, skipped, or became not
	// applicable.
	FinishedAt time.Time
	// SkippedAt is when a step was last skipped, also once a skipped
	// critical step has come back.
	SkippedAt time.Time

	Answer string // a question's current answer
	Reason string // why it was skipped
	Notes  []string
	// Completions counts how often a repeating step has been done.
	Completions int
}

// AnswerTime returns the moment answered at a time step.
func (s *Status) AnswerTime() (time.Time, bool) {
	if s.Step.Kind != playbook.KindTime || s.Answer == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, s.Answer)
	return t, err == nil
}

// IsFinished reports whether the step no longer holds others back.
func (s *Status) IsFinished() bool {
	return s.State == Done || s.State == Skipped || s.State == NotApplicable
}

// IsDue reports whether the step should be done now.
func (s *Status) IsDue() bool {
	return s.State == Due || s.State == Overdue || s.State == Later
}

// Orphan is the record of a step that is no longer in the playbook. Its
// events are kept and shown, never dropped.
type Orphan struct {
	Step   string
	Events []Event
}

// View is an incident's steps at one moment.
type View struct {
	Steps   []Status
	Orphans []Orphan
}

// Status returns the status of the step with the given id.
func (v *View) Status(id string) (*Status, bool) {
	for i := range v.Steps {
		if v.Steps[i].Step.ID == id {
			return &v.Steps[i], true
		}
	}
	return nil, false
}

// Progress returns how many applicable steps are finished (done or
// skipped) out of how many apply. Steps whose when is not yet known count
// as applicable.
func (v *View) Progress() (finished, total int) {
	for i := range v.Steps {
		switch v.Steps[i].State {
		case NotApplicable:
			continue
		case Done, Skipped:
			finished++
		}
		total++
	}
	return finished, total
}

// Ask returns the steps to ask about now, in order: due and overdue steps
// in playbook order, then the ones the person put off. With criticalOnly,
// only critical steps and the steps they wait for (their after, the
// questions of their when, the time their delay counts from), so that a
// critical step behind an ordinary one can still be reached.
func (v *View) Ask(criticalOnly bool) []*Status {
	var wanted map[string]bool
	if criticalOnly {
		wanted = v.CriticalNeeds()
	}
	var now, putOff []*Status
	for i := range v.Steps {
		s := &v.Steps[i]
		if criticalOnly && !wanted[s.Step.ID] {
			continue
		}
		switch s.State {
		case Due, Overdue:
			now = append(now, s)
		case Later:
			putOff = append(putOff, s)
		}
	}
	return append(now, putOff...)
}

// CriticalNeeds returns the ids of the critical steps and of every step
// they wait for, directly or through others.
func (v *View) CriticalNeeds() map[string]bool {
	index := make(map[string]int, len(v.Steps))
	var queue []int
	for i := range v.Steps {
		index[v.Steps[i].Step.ID] = i
		if v.Steps[i].Step.Critical {
			queue = append(queue, i)
		}
	}
	wanted := map[string]bool{}
	for len(queue) > 0 {
		st := v.Steps[queue[0]].Step
		queue = queue[1:]
		if wanted[st.ID] {
			continue
		}
		wanted[st.ID] = true
		for _, id := range st.Needs() {
			if i, ok := index[id]; ok && !wanted[id] {
				queue = append(queue, i)
			}
		}
	}
	return wanted
}
