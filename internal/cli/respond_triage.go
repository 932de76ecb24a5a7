package cli

import (
	"slices"

	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/triage"
)

// triaged is what the first questions found: the playbooks that fit, the
// one to walk first at the front, and the answer to "can you still sign
// in" for the playbook's own question of that name.
type triaged struct {
	playbooks []string
	canSignIn string
}

// triage asks what happened, in two or three short questions, and returns
// the playbooks that fit. A person who picks "something else" chooses from
// every guide instead.
func (r *responder) triage() (triaged, error) {
	var services, labels []string
	for _, s := range triage.Services {
		if r.usable(triage.Playbook(s)) {
			services, labels = append(services, s), append(labels, r.l.T("triage.service."+s))
		}
	}
	if len(services) == 0 {
		id, err := r.choosePlaybook()
		return triaged{playbooks: []string{id}}, err
	}
	r.printf("\n")
	r.say(nil, r.l.T("triage.intro"))
	i, err := r.Prompter.Select(r.l.T("triage.service"), labels, 0)
	if err != nil {
		return triaged{}, err
	}
	a := triage.Answers{Service: services[i]}
	if a.Service == triage.Other {
		// The person's own playbooks are for services the built-ins do
		// not cover: offer them before the general one.
		if id, err := r.chooseOwnPlaybook(); err != nil || id != "" {
			return triaged{playbooks: []string{id}}, err
		}
	}
	if triage.AsksAboutAccount(a.Service) {
		answers := []string{triage.Yes, triage.No, triage.NotSure}
		i, err := r.Prompter.Select(r.l.T("triage.sign-in"), []string{r.l.T("triage.sign-in.yes"), r.l.T("triage.sign-in.no"), r.l.T("triage.not-sure")}, 0)
		if err != nil {
			return triaged{}, err
		}
		a.CanSignIn = answers[i]
		if i, err = r.Prompter.Select(r.l.T("triage.money"), []string{r.l.T("triage.money.yes"), r.l.T("triage.money.no"), r.l.T("triage.not-sure")}, 0); err != nil {
			return triaged{}, err
		}
		a.Money = answers[i]
	}
	ids := slices.DeleteFunc(triage.Propose(a), func(id string) bool { return !r.usable(id) })
	found := triaged{playbooks: ids, canSignIn: a.CanSignIn}
	// The plans go on lines of their own, so that the menu's entries stay
	// short at any width.
	r.say(nil, r.l.T("triage.fits"))
	r.say(nil, "  "+r.title(ids[0]))
	options := []string{r.l.T("triage.start")}
	if len(ids) > 1 {
		r.say(nil, "  "+r.l.Tf("triage.beside", r.title(ids[1])))
		options = []string{r.l.T("triage.start-with"), r.l.T("triage.only")}
	}
	options = append(options, r.l.T("triage.every-guide"))
	if i, err = r.Prompter.Select(r.l.T("triage.propose"), options, 0); err != nil {
		return triaged{}, err
	}
	switch {
	case i == len(options)-1:
		id, err := r.choosePlaybook()
		return triaged{playbooks: []string{id}}, err
	case i == 1:
		found.playbooks = ids[:1]
	}
	return found, nil
}

// chooseOwnPlaybook offers the person's own playbooks that are not
// copies of a built-in; it returns "" when there are none or they choose
// the general guide.
func (r *responder) chooseOwnPlaybook() (string, error) {
	entries, _ := r.Catalogue.List()
	var own []playbook.Entry
	for _, e := range entries {
		if e.Origin == playbook.User && !e.Overrides && !e.Broken() {
			own = append(own, e)
		}
	}
	if len(own) == 0 {
		return "", nil
	}
	labels := make([]string, 0, len(own)+1)
	for _, e := range own {
		labels = append(labels, r.title(e.ID))
	}
	labels = append(labels, r.l.Tf("triage.none-of-these", r.title(triage.Playbook(triage.Other))))
	i, err := r.Prompter.Select(r.l.T("triage.own"), labels, 0)
	if err != nil || i == len(own) {
		return "", err
	}
	return own[i].ID, nil
}

// usable reports whether the playbook id can be started.
func (r *responder) usable(id string) bool {
	e, err := r.Catalogue.Get(id)
	return err == nil && !e.Broken()
}

// title is the title of playbook id in the screens' language.
func (r *responder) title(id string) string { return playbookTitle(r.Catalogue, id, r.l) }

// canSignInStep is the question a playbook asks about signing in, which the
// triage has asked already.
const canSignInStep = "can-sign-in"

// prefillAnswer returns the answer event for p's can-sign-in question from
// what the triage was told, or false when there is nothing to fill in: no
// such question, not sure, or an answer it does not offer.
func prefillAnswer(p *playbook.Playbook, canSignIn string) (string, bool) {
	s, ok := p.Step(canSignInStep)
	if !ok || s.Kind != playbook.KindQuestion {
		return "", false
	}
	for _, o := range s.Options {
		if o.Value == canSignIn {
			return o.Value, true
		}
	}
	return "", false
}
