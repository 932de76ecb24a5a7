package incident

import (
	"sort"
	"time"

	"github.com/acctguard/acctguard/internal/playbook"
)

// Planned is one dated occurrence of a step still ahead: when it falls due
// if everything before it is done on time.
type Planned struct {
	Status *Status
	At     time.Time
	// Occurrence and Of number the repeats of a repeating step; both are
	// 0 for a step that happens once.
	Occurrence, Of int
}

// Schedule lists the dated occurrences of unfinished steps: those waiting
// for a time, those due, and those waiting for other steps whose dates can
// be worked out from theirs (delay after the last of them). Each remaining
// repeat of a repeating step is its own entry. A step that waits for an
// answer has no date yet and is left out. Sorted by time.
func (v *View) Schedule() []Planned {
	expected := map[string]time.Time{}
	var when func(s *Status, seen map[string]bool) (time.Time, bool)
	when = func(s *Status, seen map[string]bool) (time.Time, bool) {
		if t, ok := expected[s.Step.ID]; ok {
			return t, true
		}
		switch {
		case s.IsFinished():
			return s.FinishedAt, true
		case len(s.WaitingFor) == 0:
			return s.AvailableAt, true
		case seen[s.Step.ID]:
			return time.Time{}, false
		}
		seen[s.Step.ID] = true
		// Waiting for steps: only after ones can be dated; a when waits for
		// an answer nobody can foresee.
		var last time.Time
		for _, id := range s.WaitingFor {
			dep, ok := v.Status(id)
			if !ok || !isAfter(s.Step, id) {
				return time.Time{}, false
			}
			t, ok := when(dep, seen)
			if !ok {
				return time.Time{}, false
			}
			if t.After(last) {
				last = t
			}
		}
		t := last.Add(s.Step.Delay.D)
		expected[s.Step.ID] = t
		return t, true
	}

	var out []Planned
	for i := range v.Steps {
		s := &v.Steps[i]
		if s.IsFinished() {
			continue
		}
		at, ok := when(s, map[string]bool{})
		if !ok {
			continue
		}
		r := s.Step.Repeat
		if r == nil {
			out = append(out, Planned{Status: s, At: at})
			continue
		}
		for n := s.Completions + 1; n <= r.Times; n++ {
			out = append(out, Planned{Status: s, At: at, Occurrence: n, Of: r.Times})
			at = at.Add(r.Every.D)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}

func isAfter(s *playbook.Step, id string) bool {
	for _, a := range s.After {
		if a == id {
			return true
		}
	}
	return false
}
