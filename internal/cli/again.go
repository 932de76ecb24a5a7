package cli

import (
	"strings"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/state"
)

// stepsAgain returns the steps to ask again when the attack comes back, as
// they stood before: the lock-out, clean-up and follow-up steps already
// finished, and every critical step that was skipped. Checking the alert and the reports made
// are not asked again.
func stepsAgain(v incident.View) []incident.Status {
	var again []incident.Status
	for i := range v.Steps {
		s := &v.Steps[i]
		lockOut := s.Step.Phase == playbook.PhaseContain || s.Step.Phase == playbook.PhaseRecover || s.Step.Phase == playbook.PhaseFollowUp
		finished := s.State == incident.Done || s.State == incident.Skipped || s.Completions > 0
		skipped := s.State == incident.Skipped || !s.SkippedAt.IsZero()
		if (lockOut && (finished || skipped)) || (s.Step.Critical && skipped) {
			again = append(again, *s)
		}
	}
	return again
}

// attackAgain records in inc that the attack came back at when (what
// says how, and may be empty) and asks the steps of stepsAgain again. The
// records of those steps stay in the log; a reset only starts their state
// afresh, and what counts from the start of the response, the follow-ups
// included, counts from when. A closed incident is reopened.
func attackAgain(f *state.File, id int, p *playbook.Playbook, when, now time.Time, what string) ([]incident.Status, error) {
	inc, ok := f.Incident(id)
	if !ok {
		return nil, i18n.Errorf("error.incident.gone-window", id)
	}
	again := stepsAgain(derive(p, inc, now))
	if inc.ClosedAt != nil {
		// The reopening says the attack came back.
		if err := reopen(f, id, now); err != nil {
			return nil, err
		}
		inc, _ = f.Incident(id)
	} else {
		inc.Events = append(inc.Events, state.Event{Action: state.ActionAgain, At: when, Note: strings.TrimSpace(what)})
	}
	for _, s := range again {
		inc.Events = append(inc.Events, state.Event{Step: s.Step.ID, Action: state.ActionReset, At: now})
	}
	return again, nil
}

// lastActivity is when anything was last recorded in inc.
func lastActivity(inc *state.Incident) time.Time {
	last := inc.OpenedAt
	for _, e := range inc.Events {
		if e.At.After(last) {
			last = e.At
		}
	}
	return last
}
