package incident

import (
	"slices"
	"time"

	"github.com/acctguard/acctguard/internal/playbook"
)

// record is what the events say about one step, before when, after and
// delay are applied.
type record struct {
	done        bool
	skipped     bool
	later       bool
	answered    bool
	answer      string
	reason      string
	finishedAt  time.Time // the first completion, skip or answer
	lastDone    time.Time
	completions int
	notes       []string
}

// replay folds a step's events, in order, into a record. A reset undoes
// everything but the notes, which are never lost.
func replay(events []Event) record {
	var r record
	for _, e := range events {
		switch e.Action {
		case ActionDone:
			if !r.done {
				r.finishedAt = e.At
			}
			r.done, r.skipped, r.later = true, false, false
			r.lastDone = e.At
			r.completions++
		case ActionSkip:
			r.skipped, r.done, r.later = true, false, false
			r.reason = e.Reason
			r.finishedAt = e.At
		case ActionAnswer:
			r.answered, r.answer, r.later = true, e.Answer, false
			r.finishedAt = e.At
		case ActionLater:
			r.later = true
		case ActionReset:
			notes := r.notes
			r = record{notes: notes}
		}
		if e.Note != "" {
			r.notes = append(r.notes, e.Note)
		}
	}
	return r
}

// Derive works out every step's state. opened is when the incident began:
// a step with a delay and no after counts its delay from then, or from the
// last time the attack came back (ActionAgain, ActionReopen).
func Derive(p *playbook.Playbook, opened time.Time, events []Event, now time.Time) View {
	byStep := make([][]Event, len(p.Steps))
	var orphans []Orphan
	for _, e := range events {
		if e.Step == "" {
			// About the whole incident. When the attack came back, what
			// counts from the start of the response (the follow-ups, a
			// first step's delay) counts from then.
			if e.Action == ActionAgain || e.Action == ActionReopen {
				opened = later(opened, e.At)
			}
			continue
		}
		if i, ok := p.RecordIndex(e.Step); ok {
			byStep[i] = append(byStep[i], e)
			continue
		}
		found := false
		for k := range orphans {
			if orphans[k].Step == e.Step {
				orphans[k].Events = append(orphans[k].Events, e)
				found = true
			}
		}
		if !found {
			orphans = append(orphans, Orphan{Step: e.Step, Events: []Event{e}})
		}
	}
	d := &deriver{
		p:       p,
		opened:  opened,
		now:     now,
		records: make([]record, len(p.Steps)),
		status:  make([]Status, len(p.Steps)),
		state:   make([]int, len(p.Steps)),
	}
	for i := range p.Steps {
		d.records[i] = replay(byStep[i])
	}
	for i := range p.Steps {
		d.eval(i)
	}
	return View{Steps: d.status, Orphans: orphans}
}

type deriver struct {
	p       *playbook.Playbook
	opened  time.Time
	now     time.Time
	records []record
	status  []Status
	state   []int // 0 not yet, 1 in progress, 2 evaluated
}

// eval works out step i, after the steps it depends on. The playbook has
// no cycles (validation rejects them); a cycle met anyway leaves the step
// waiting rather than looping.
func (d *deriver) eval(i int) *Status {
	st := &d.status[i]
	switch d.state[i] {
	case 2:
		return st
	case 1:
		return nil
	}
	d.state[i] = 1
	defer func() { d.state[i] = 2 }()

	step := &d.p.Steps[i]
	r := d.records[i]
	*st = Status{Step: step, Index: i, Notes: r.notes, Completions: r.completions, Reason: r.reason}
	if step.Asks() && r.answered {
		st.Answer = r.answer
	}

	// when: every condition must hold. An unanswered question leaves the
	// step waiting for it; a question that does not apply, or another
	// answer, makes the step not apply.
	var decidedAt time.Time
	for _, c := range step.When {
		qi, ok := d.p.StepIndex(c.Step)
		if !ok {
			continue
		}
		q := d.eval(qi)
		if q == nil {
			st.State = Waiting
			st.WaitingFor = append(st.WaitingFor, c.Step)
			continue
		}
		switch {
		case q.State == NotApplicable:
			return d.notApplicable(st, q.FinishedAt)
		case q.State != Done:
			st.WaitingFor = append(st.WaitingFor, c.Step)
		case !slices.Contains(c.Values, q.Answer):
			return d.notApplicable(st, q.FinishedAt)
		default:
			decidedAt = later(decidedAt, q.FinishedAt)
		}
	}

	switch {
	case step.Asks() && r.answered, r.done && step.Repeat == nil:
		st.State, st.FinishedAt = Done, r.finishedAt
		return st
	case r.skipped && (!step.Critical || d.now.Before(r.finishedAt.Add(SkippedCriticalBack))):
		st.State, st.FinishedAt, st.SkippedAt = Skipped, r.finishedAt, r.finishedAt
		return st
	case r.skipped:
		// A critical step skipped a week ago is asked again; the steps
		// after it went on when it was skipped and need not wait again.
		st.SkippedAt = r.finishedAt
	}

	// after and delay: the steps it follows must be finished, then the
	// delay must pass from the last of them (or from the opening).
	from := d.opened
	for _, id := range step.After {
		ai, ok := d.p.StepIndex(id)
		if !ok {
			continue
		}
		a := d.eval(ai)
		switch {
		case a == nil:
			st.WaitingFor = append(st.WaitingFor, id)
		case a.IsFinished() || a.Completions > 0:
			// A repeating step lets the steps after it go on from its
			// first completion; they need not wait for every repeat.
			from = later(from, a.FinishedAt)
		case !a.SkippedAt.IsZero():
			from = later(from, a.SkippedAt)
		default:
			st.WaitingFor = append(st.WaitingFor, id)
		}
	}
	// delay-from: the delay counts from the moment answered at a time
	// step, such as when the lock email arrived, unless the after steps
	// finish later still. A time step skipped ("I do not know") or that
	// does not apply leaves the delay counting from the after steps.
	var answeredAt time.Time
	if step.DelayFrom != "" {
		if ti, ok := d.p.StepIndex(step.DelayFrom); ok {
			q := d.eval(ti)
			switch {
			case q == nil || !q.IsFinished():
				st.WaitingFor = append(st.WaitingFor, step.DelayFrom)
			case q.State == Done:
				answeredAt, _ = q.AnswerTime()
			}
		}
	}
	if len(st.WaitingFor) > 0 {
		st.State = Waiting
		return st
	}
	if len(step.After) == 0 && len(step.When) > 0 && step.Delay.IsZero() {
		// A step that follows from an answer is due from that answer.
		from = later(from, decidedAt)
	}
	available := from.Add(step.Delay.D)
	if !answeredAt.IsZero() {
		available = later(from, answeredAt.Add(step.Delay.D))
	}

	if step.Repeat != nil && r.completions > 0 {
		if r.completions >= step.Repeat.Times {
			st.State, st.FinishedAt = Done, r.finishedAt
			return st
		}
		available = r.lastDone.Add(step.Repeat.Every.D)
		st.FinishedAt = r.finishedAt
	}
	if !st.SkippedAt.IsZero() {
		available = later(available, st.SkippedAt.Add(SkippedCriticalBack))
	}
	st.AvailableAt = available
	switch {
	case d.now.Before(available):
		st.State = Waiting
	case r.later:
		st.State = Later
	case d.now.Sub(available) > OverdueAfter:
		st.State = Overdue
	default:
		st.State = Due
	}
	return st
}

func (d *deriver) notApplicable(st *Status, at time.Time) *Status {
	st.State, st.FinishedAt, st.WaitingFor = NotApplicable, at, nil
	return st
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
