package playbook

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/acctguard/acctguard/internal/suggest"
)

// crossCheck finds what no single value shows: duplicate step ids,
// references to things that do not exist, conditions on questions that are
// not asked first, cycles in after, and texts missing a declared language.
func (d *decoder) crossCheck(p *Playbook) {
	stepIndex := map[string]int{}
	for i, s := range p.Steps {
		if s.ID == "" {
			continue
		}
		if first, dup := stepIndex[s.ID]; dup {
			d.errf(d.steps[i].id, "duplicate step id %q (first at line %d)", s.ID, p.Steps[first].Pos.Line).Hint = "give each step its own id"
			continue
		}
		stepIndex[s.ID] = i
	}
	stepIDs := map[string]*yaml.Node{}
	for id, i := range stepIndex {
		stepIDs[id] = d.steps[i].id
	}

	for _, n := range d.contactSources {
		d.checkRef(n, "source", d.sourceIDs)
	}
	for i, s := range p.Steps {
		nodes := d.steps[i]
		for _, n := range nodes.contacts {
			d.checkRef(n, "contact", d.contactIDs)
		}
		for _, n := range nodes.sources {
			d.checkRef(n, "source", d.sourceIDs)
		}
		for _, n := range nodes.after {
			if n.Value == s.ID {
				d.errf(n, "step %q cannot come after itself", s.ID)
				continue
			}
			d.checkRef(n, "step", stepIDs)
		}
		d.checkWhen(p, i, stepIndex, stepIDs)
		d.checkDelayFrom(p, i, stepIndex, stepIDs)
	}
	d.checkWas(p, stepIDs)
	d.checkCycles(p, stepIndex)
	if !d.skipLanguages {
		d.checkLanguages(p.Languages)
	}
}

// checkRef reports the id in n when it is not one of known.
func (d *decoder) checkRef(n *yaml.Node, what string, known map[string]*yaml.Node) {
	if _, ok := known[n.Value]; ok {
		return
	}
	e := d.errf(n, "unknown %s %q", what, n.Value)
	names := make([]string, 0, len(known))
	for id := range known {
		names = append(names, id)
	}
	sort.Strings(names)
	switch s := suggest.Closest(n.Value, names); {
	case s != "":
		e.Hint = fmt.Sprintf("did you mean %q?", s)
	case len(names) == 0:
		e.Hint = fmt.Sprintf("this playbook has no %ss; add one under %ss:", what, what)
	case len(names) <= 8:
		e.Hint = fmt.Sprintf("the %ss here are %s", what, strings.Join(names, ", "))
	}
}

// checkWhen makes sure a step's conditions name questions asked before it,
// and only answers those questions offer.
func (d *decoder) checkWhen(p *Playbook, i int, stepIndex map[string]int, stepIDs map[string]*yaml.Node) {
	s := p.Steps[i]
	for j, c := range s.When {
		nodes := d.steps[i].when[j]
		qi, ok := stepIndex[c.Step]
		if !ok {
			d.checkRef(nodes.key, "step", stepIDs)
			continue
		}
		q := p.Steps[qi]
		switch {
		case q.Kind != KindQuestion:
			d.errf(nodes.key, "when of step %q uses %q, which is not a question", s.ID, c.Step).Hint = "when can only use the answer to a question step (kind: question)"
			continue
		case qi >= i:
			d.errf(nodes.key, "when of step %q uses question %q, which comes later", s.ID, c.Step).Hint = "move the question above this step: it must be asked first"
			continue
		}
		values := make([]string, len(q.Options))
		for k, o := range q.Options {
			values[k] = o.Value
		}
		for k, v := range c.Values {
			if !slices.Contains(values, v) {
				d.errf(nodes.values[k], "%q is not an answer to question %q", v, c.Step).Hint = "its answers are " + strings.Join(values, ", ")
			}
		}
	}
}

// checkDelayFrom makes sure a step's delay counts from a time asked
// before it.
func (d *decoder) checkDelayFrom(p *Playbook, i int, stepIndex map[string]int, stepIDs map[string]*yaml.Node) {
	s, n := p.Steps[i], d.steps[i].delayFrom
	if n == nil {
		return
	}
	qi, ok := stepIndex[s.DelayFrom]
	switch {
	case !ok:
		d.checkRef(n, "step", stepIDs)
	case p.Steps[qi].Kind != KindTime:
		d.errf(n, "delay-from of step %q uses %q, which does not ask for a time", s.ID, s.DelayFrom).Hint = "delay-from can only use a step with kind: time"
	case qi >= i:
		d.errf(n, "delay-from of step %q uses %q, which comes later", s.ID, s.DelayFrom).Hint = "move the time step above this step: it must be asked first"
	}
}

// checkWas makes sure each former id names one step only, and no step of
// this edition: records under it must have one place to go.
func (d *decoder) checkWas(p *Playbook, stepIDs map[string]*yaml.Node) {
	seen := map[string]*yaml.Node{}
	for i, s := range p.Steps {
		for _, n := range d.steps[i].was {
			if _, now := stepIDs[n.Value]; now {
				d.errf(n, "%q in was of step %q is the id of a step in this playbook", n.Value, s.ID).Hint = "was lists ids this playbook no longer uses"
				continue
			}
			if first, dup := seen[n.Value]; dup {
				d.errf(n, "former id %q is given to two steps (first at line %d)", n.Value, first.Line).Hint = "records under an old id can go to one step only"
				continue
			}
			seen[n.Value] = n
		}
	}
}

// checkCycles reports each loop in after once, at the reference that
// closes it.
func (d *decoder) checkCycles(p *Playbook, stepIndex map[string]int) {
	const (
		unseen = iota
		active
		finished
	)
	state := make([]int, len(p.Steps))
	var path []int
	var visit func(i int)
	visit = func(i int) {
		state[i] = active
		path = append(path, i)
		// A step waits for the steps in its after and for the time step
		// its delay counts from.
		ids, nodes := p.Steps[i].After, d.steps[i].after
		if p.Steps[i].DelayFrom != "" && d.steps[i].delayFrom != nil {
			ids = append(slices.Clip(ids), p.Steps[i].DelayFrom)
			nodes = append(slices.Clip(nodes), d.steps[i].delayFrom)
		}
		for j, id := range ids {
			next, ok := stepIndex[id]
			if !ok || next == i {
				continue
			}
			switch state[next] {
			case unseen:
				visit(next)
			case active:
				start := slices.Index(path, next)
				names := []string{}
				for _, k := range path[start:] {
					names = append(names, p.Steps[k].ID)
				}
				names = append(names, id)
				d.errf(nodes[j], "steps wait for each other in a loop: %s", strings.Join(names, " -> ")).Hint = "remove one of these from after, so that one step can start"
			}
		}
		path = path[:len(path)-1]
		state[i] = finished
	}
	for i := range p.Steps {
		if state[i] == unseen && p.Steps[i].ID != "" {
			visit(i)
		}
	}
}

// checkLanguages reports per-language texts missing a language that
// `languages:` declares. A plain string reads the same in every language.
func (d *decoder) checkLanguages(langs []string) {
	for _, t := range d.texts {
		var missing []string
		for _, l := range langs {
			if !t.text.Has(l) {
				missing = append(missing, l)
			}
		}
		if len(missing) > 0 && !t.text.IsZero() {
			e := d.errf(t.node, "%s has no text in %s", t.what, strings.Join(missing, ", "))
			e.Hint = "languages: [" + strings.Join(langs, ", ") + "] asks for every text in each of these languages"
			e.MissingLangs = missing
		}
	}
}
