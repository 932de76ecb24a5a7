// Package playbook reads schema-1 playbooks: it decodes them from YAML with
// the position of every value, validates them strictly, localises their
// texts and finds them in the built-in and user catalogue.
package playbook

import (
	"slices"
	"time"
)

// SchemaVersion is the only playbook schema this build reads.
const SchemaVersion = 1

// Pos is a 1-based line and column in a playbook file.
type Pos struct {
	Line, Col int
}

// Playbook is a decoded, validated playbook.
type Playbook struct {
	ID      string
	Version string
	Title   Text
	Summary Text
	// CriticalTime is roughly how long the critical steps take, told to
	// the person on the first screen; zero when the playbook does not say.
	CriticalTime Duration
	Languages    []string
	Service      Text
	// For says what the playbook is for (one of Purposes), so that lists
	// can group it with others of its kind; empty when it does not say.
	For string
	// OfficialDomains are the service's own domains, which acctguard check
	// holds a message's sender and links against (a host is the service's
	// when it is one of them or ends in "." and one of them). Empty when
	// the playbook does not say.
	OfficialDomains []string
	// RealAlerts says where the service's real messages can be seen
	// besides the mailbox (Amazon's Message Center); zero when it does not
	// say.
	RealAlerts Text
	Sources    []Source
	Contacts   []Contact
	Steps      []Step

	// File is the name the playbook was read from, as shown in errors.
	File string
	// Digest identifies the exact bytes the playbook was read from.
	Digest string

	// stepIndex maps step ids to their place in Steps, and formerIndex
	// the ids steps had in earlier editions.
	stepIndex   map[string]int
	formerIndex map[string]int
}

// Source is a document a step's facts come from.
type Source struct {
	ID    string
	Title Text
	URL   string
}

// Contact is someone to call or write to. Verified says when its number or
// address was last confirmed, as YYYY-MM or YYYY-MM-DD.
type Contact struct {
	ID       string
	Name     Text
	Phone    string
	URL      string
	Verified string
	Source   string
	Note     Text
}

// What a playbook can be for (Playbook.For), in the order lists show them.
var Purposes = []string{"shopping", "email", "money", "social", "device", "other"}

// Phase groups steps by where they sit in the response.
type Phase string

const (
	PhaseVerify   Phase = "verify"
	PhaseContain  Phase = "contain"
	PhaseRecover  Phase = "recover"
	PhaseReport   Phase = "report"
	PhaseFollowUp Phase = "follow-up"
)

// Phases lists every phase in the order a response goes through them.
var Phases = []Phase{PhaseVerify, PhaseContain, PhaseRecover, PhaseReport, PhaseFollowUp}

// Kind says whether a step is something to do or a question to answer.
type Kind string

const (
	KindTask     Kind = "task"
	KindQuestion Kind = "question"
	// KindTime is a question whose answer is a moment: when something
	// happened, such as when Amazon's email arrived. A delay can count
	// from it (DelayFrom).
	KindTime Kind = "time"
)

// Needs returns the ids of the steps this one waits for: those of its
// after, the questions of its when, and the time its delay counts from.
func (s *Step) Needs() []string {
	ids := append([]string{}, s.After...)
	for _, c := range s.When {
		ids = append(ids, c.Step)
	}
	if s.DelayFrom != "" {
		ids = append(ids, s.DelayFrom)
	}
	return ids
}

// Asks reports whether the step is answered rather than done: a question
// or a time.
func (s *Step) Asks() bool { return s.Kind == KindQuestion || s.Kind == KindTime }

// Step is one thing the person does or answers.
type Step struct {
	ID    string
	Pos   Pos
	Title Text
	// Done says the step as done, the way the person tells it in a
	// letter: "Changed my Amazon password", 「Amazonのパスワードを変更した」.
	// The title, an instruction, stands in when it is missing.
	Done     Text
	Phase    Phase
	Kind     Kind
	Critical bool
	Why      Text
	How      Text
	Links    []Link
	Contacts []string
	Sources  []string
	Question Text
	Options  []Option
	When     []Condition
	After    []string
	Delay    Duration
	// DelayFrom names a time step: Delay then counts from the moment
	// answered there rather than from when the after steps finished,
	// whichever is later.
	DelayFrom string
	// Early says the delay is advice, not a lock: the person may try the
	// step before it opens (a reset Amazon says to wait for sometimes
	// works sooner), and respond offers to.
	Early  bool
	Repeat *Repeat
	// Was lists the ids the step had in earlier editions of the playbook:
	// what incidents recorded under them belongs to this step.
	Was []string
	// Opens names another playbook this step hands over to, such as the
	// e-mail account's when the step says to secure it first: respond
	// offers to open it as a related incident and come back. Empty when
	// the step points nowhere.
	Opens string
	// Record says what, beside done and notes, the step gathers for the
	// reports: RecordCharges offers to record charges and refunds while
	// the step is on screen; RecordContact says someone is contacted in
	// it (a call, a report), so the reports list it with its notes, where
	// reference numbers are; RecordEvidence marks the step that keeps the
	// evidence, listed in the letter to the police.
	Record []string
}

// What a step can gather for the reports (Step.Record).
const (
	RecordCharges  = "charges"
	RecordContact  = "contact"
	RecordEvidence = "evidence"
)

// Records reports whether the step gathers what (see Step.Record).
func (s *Step) Records(what string) bool { return slices.Contains(s.Record, what) }

// Link is a page worth opening for a step.
type Link struct {
	Title Text
	URL   string
}

// Option is one possible answer to a question step.
type Option struct {
	Value string
	Label Text
}

// Condition holds when the question Step was answered with one of Values.
type Condition struct {
	Step   string
	Values []string
}

// Repeat makes a step fall due again Every so long after each completion,
// Times times in all.
type Repeat struct {
	Every Duration
	Times int
}

// Duration is a span written as a whole number and a unit: 30m, 5h, 7d, 2w.
type Duration struct {
	D    time.Duration
	Text string
}

// IsZero reports whether no duration was given.
func (d Duration) IsZero() bool { return d.Text == "" }

// String returns the duration as it was written.
func (d Duration) String() string { return d.Text }

// Step returns the step with the given id.
func (p *Playbook) Step(id string) (*Step, bool) {
	i, ok := p.StepIndex(id)
	if !ok {
		return nil, false
	}
	return &p.Steps[i], true
}

// StepIndex returns the place in Steps of the step with the given id.
func (p *Playbook) StepIndex(id string) (int, bool) {
	p.buildIndex()
	i, ok := p.stepIndex[id]
	return i, ok
}

// RecordStep returns the step that records made under id belong to.
func (p *Playbook) RecordStep(id string) (*Step, bool) {
	i, ok := p.RecordIndex(id)
	if !ok {
		return nil, false
	}
	return &p.Steps[i], true
}

// RecordIndex returns the place in Steps of the step that records made
// under id belong to: the step with that id, or the one that was once
// called so (see Step.Was).
func (p *Playbook) RecordIndex(id string) (int, bool) {
	p.buildIndex()
	if i, ok := p.stepIndex[id]; ok {
		return i, true
	}
	i, ok := p.formerIndex[id]
	return i, ok
}

func (p *Playbook) buildIndex() {
	if p.stepIndex != nil {
		return
	}
	p.stepIndex = make(map[string]int, len(p.Steps))
	for i := range p.Steps {
		p.stepIndex[p.Steps[i].ID] = i
	}
	for i := range p.Steps {
		for _, old := range p.Steps[i].Was {
			if p.formerIndex == nil {
				p.formerIndex = map[string]int{}
			}
			p.formerIndex[old] = i
		}
	}
}

// Contact returns the contact with the given id.
func (p *Playbook) Contact(id string) (*Contact, bool) {
	for i := range p.Contacts {
		if p.Contacts[i].ID == id {
			return &p.Contacts[i], true
		}
	}
	return nil, false
}

// Source returns the source with the given id.
func (p *Playbook) Source(id string) (*Source, bool) {
	for i := range p.Sources {
		if p.Sources[i].ID == id {
			return &p.Sources[i], true
		}
	}
	return nil, false
}

// Option returns the option of a question step with the given value.
func (s *Step) Option(value string) (*Option, bool) {
	for i := range s.Options {
		if s.Options[i].Value == value {
			return &s.Options[i], true
		}
	}
	return nil, false
}
