package cli

import (
	"slices"

	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/state"
)

// guideOption returns the menu entry for a step that hands over to
// another playbook (playbook.Step.Opens), or "" when there is none to
// offer: the step points nowhere, the playbook is not installed or cannot
// be read, or it is one this walk came from.
func (r *responder) guideOption(step *playbook.Step) string {
	id := step.Opens
	if id == "" || id == r.p.ID || slices.Contains(r.from, id) || !r.usable(id) {
		return ""
	}
	if file, err := loadState(r.Store); err == nil {
		if other := linkedIncident(file, r.id, id); other != nil {
			return r.l.Tf("respond.continue-guide", r.title(id), other.ID)
		}
	}
	return r.l.Tf("respond.open-guide", r.title(id))
}

// linkedIncident returns the open incident of playbook id linked to
// incident from, or nil when there is none.
func linkedIncident(file *state.File, from int, id string) *state.Incident {
	for _, other := range file.Related(from) {
		if inc, ok := file.Incident(other); ok && inc.Playbook == id && inc.ClosedAt == nil {
			return inc
		}
	}
	return nil
}

// openGuide walks the urgent steps of the playbook step hands over to, as
// an incident linked to this one (the one already linked, or a new one),
// then comes back to this incident. It returns quit when the person stopped in it.
func (r *responder) openGuide(step *playbook.Step) (quit bool, err error) {
	p, err := usablePlaybook(r.Catalogue, step.Opens, r.IO.ErrOut, r.l)
	if err != nil {
		return false, err
	}
	file, err := loadState(r.Store)
	if err != nil {
		return false, err
	}
	other := linkedIncident(file, r.id, p.ID)
	created := other == nil
	if created {
		err := r.Guard.Saving(func() error {
			var id int
			saved, err := updateState(r.Store, func(f *state.File) error {
				inc := f.NewIncident(p.ID, p.Version, p.Digest, string(r.l), r.Now())
				inc.Related, id = r.id, inc.ID
				return nil
			})
			if err == nil {
				other, _ = saved.Incident(id)
			}
			return err
		})
		if err != nil {
			return false, err
		}
	}

	// What this walk was doing, to come back to. The prompter belongs to
	// the shared options, which use changes: it is kept by value.
	back, prompter := *r, r.Prompter
	r.from = append(slices.Clone(r.from), r.p.ID)
	r.use(p, other)
	r.printf("\n")
	r.header()
	if created {
		r.say(nil, r.l.Tf("respond.opened-related", other.ID, r.text(p.Title), back.id))
		r.intro()
	} else {
		r.say(nil, r.l.Tf("respond.resume", other.ID))
	}
	// Only the other plan's urgent steps now: the person came from an
	// urgent step of this one, and the rest of the other plan waits in
	// status rather than keeping them from this one's.
	critical := r.Critical
	r.Critical = true
	err = r.walk()
	r.Critical = critical
	quit = r.quit
	if err != nil || quit {
		return quit, err
	}
	r.p, r.id, r.inc, r.l, r.Prompter, r.putOff, r.from = back.p, back.id, back.inc, back.l, prompter, back.putOff, back.from
	// The walk above may have saved to the state file; this incident is
	// read again so that nothing here works from an old copy.
	if file, err := loadState(r.Store); err == nil {
		if inc, ok := file.Incident(r.id); ok {
			r.inc = inc
		}
	}
	r.printf("\n")
	r.say(r.cs.Bold, r.l.Tf("respond.back-to", r.id, r.text(r.p.Title)))
	return false, nil
}
