// Package summary holds what "acctguard status" shows of each incident,
// worked out from its playbook and events, in a form that is kept between
// runs. A shell prompt runs status again and again; reading a summary back
// costs far less than parsing the playbook and the state file and deriving
// every step, and a summary holds until its steps would change.
package summary

import (
	"strings"
	"time"

	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/playbook"
)

// Summary is every incident of a state file, in the file's order.
type Summary struct {
	Incidents []Incident
}

// Incident is what status shows of one incident.
type Incident struct {
	ID       int
	Playbook string
	// Title is the playbook's title in the incident's language.
	Title         string
	Lang          string
	OpenedAt      time.Time
	ClosedAt      time.Time // zero while open
	DropFollowUps bool
	// Finished and Total count the steps that are done or skipped, out of
	// those that apply.
	Finished, Total int
	// Steps are the steps not done and not inapplicable, in playbook
	// order.
	Steps []Step
	// Removed names steps no longer in the playbook that have records.
	Removed []string
}

// Step is a step that is not yet done, or was skipped.
type Step struct {
	ID       string
	Title    string // in the incident's language
	State    incident.State
	Critical bool
	FollowUp bool // in the follow-up phase
	// At is when a step waiting for a time becomes due, or when a due
	// step became due; zero otherwise.
	At time.Time
	// WaitingFor is the first step this one waits for, and AfterTitle
	// that step's title; empty when it waits for none.
	WaitingFor, AfterTitle string
	Reason                 string // why it was skipped
}

// Closed reports whether the incident is closed.
func (in *Incident) Closed() bool { return !in.ClosedAt.IsZero() }

// IsDue reports whether the step should be done now.
func (s *Step) IsDue() bool {
	return s.State == incident.Due || s.State == incident.Overdue || s.State == incident.Later
}

// Pending reports whether s is a follow-up still ahead.
func (s *Step) Pending() bool { return s.FollowUp && s.State != incident.Skipped }

// SetView fills in the incident's title, progress, steps and removed steps
// from its playbook and derived view, in the incident's language.
func (in *Incident) SetView(p *playbook.Playbook, v *incident.View) {
	text := func(t playbook.Text) string { return strings.TrimSpace(t.Get(in.Lang)) }
	in.Title = text(p.Title)
	in.Finished, in.Total = v.Progress()
	in.Steps = nil
	for i := range v.Steps {
		s := &v.Steps[i]
		if s.State == incident.Done || s.State == incident.NotApplicable {
			continue
		}
		step := Step{
			ID: s.Step.ID, Title: text(s.Step.Title), State: s.State, Critical: s.Step.Critical,
			FollowUp: s.Step.Phase == playbook.PhaseFollowUp, At: s.AvailableAt, Reason: s.Reason,
		}
		if len(s.WaitingFor) > 0 {
			// The first step it waits for is the one to look at: usually
			// the question whose answer decides the rest.
			step.WaitingFor = s.WaitingFor[0]
			if w, ok := p.Step(step.WaitingFor); ok {
				step.AfterTitle = text(w.Title)
			}
		}
		in.Steps = append(in.Steps, step)
	}
	in.Removed = nil
	for _, o := range v.Orphans {
		in.Removed = append(in.Removed, o.Step)
	}
}

// Entry is a summary kept between runs, with what it was worked out from
// and the times it holds for.
type Entry struct {
	// Key names the state the summary was worked out from, as the caller
	// chooses to name it.
	Key string
	// Content is a checksum of the state file's bytes, and Seen the time
	// the caller looked at the file: a caller that names the file by its
	// metadata compares the content when the file had been changed just
	// before.
	Content string
	Seen    time.Time
	// Playbooks fingerprints each playbook the summary read.
	Playbooks []Fingerprint
	// From and Until bound the times at which the summary holds; Until is
	// zero when no step changes by time alone.
	From, Until time.Time
	Summary     Summary
}

// Fingerprint names the content of one playbook.
type Fingerprint struct {
	ID, Sum string
}

// Holds reports whether the summary is still true at now.
func (e *Entry) Holds(now time.Time) bool {
	return !now.Before(e.From) && (e.Until.IsZero() || now.Before(e.Until))
}
