package playbook

import (
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
			d.errf(d.steps[i].id, "duplicate step id %q (first at line %d)", s.ID, p.Steps[first].Pos.Line).hintf("give each step its own id")
			continue
		}
		stepIndex[s.ID] = i
	}
	stepIDs := &idSet{nodes: map[string]*yaml.Node{}}
	for id, i := range stepIndex {
		stepIDs.nodes[id] = d.steps[i].id
	}
	sourceIDs, contactIDs := &idSet{nodes: d.sourceIDs}, &idSet{nodes: d.contactIDs}

	for _, n := range d.contactSources {
		d.checkRef(n, "source", sourceIDs)
	}
	for i, s := range p.Steps {
		nodes := d.steps[i]
		for _, n := range nodes.contacts {
			d.checkRef(n, "contact", contactIDs)
		}
		for _, n := range nodes.sources {
			d.checkRef(n, "source", sourceIDs)
		}
		for _, n := range nodes.after {
			if n.Value == s.ID {
				d.errf(n, "step %q cannot come after itself", s.ID)
				continue
			}
			d.checkRef(n, "step", stepIDs)
		}
		if s.Opens != "" && s.Opens == p.ID {
			d.errf(nodes.opens, "step %q opens its own playbook", s.ID).hintf("name another playbook, or remove opens")
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

// idSet is the ids of one kind with their nodes.
type idSet struct {
	nodes map[string]*yaml.Node
	names []string
}

// sorted lists the ids, sorted once: a file can refer to unknown ids many
// times.
func (s *idSet) sorted() []string {
	if s.names == nil {
		s.names = make([]string, 0, len(s.nodes))
		for id := range s.nodes {
			s.names = append(s.names, id)
		}
		sort.Strings(s.names)
	}
	return s.names
}

// checkRef reports the id in n when it is not one of known.
func (d *decoder) checkRef(n *yaml.Node, what string, known *idSet) {
	if _, ok := known.nodes[n.Value]; ok || d.skip(n) {
		return
	}
	e := d.errf(n, "unknown %s %q", what, n.Value)
	names := known.sorted()
	switch s := suggest.Closest(n.Value, names); {
	case s != "":
		e.hintf("did you mean %q?", s)
	case len(names) == 0:
		e.hintf("this playbook has no %ss; add one under %ss:", what, what)
	case len(names) <= 8:
		e.hintf("the %ss here are %s", what, strings.Join(names, ", "))
	}
}

// checkWhen makes sure a step's conditions name questions asked before it,
// and only answers those questions offer.
func (d *decoder) checkWhen(p *Playbook, i int, stepIndex map[string]int, stepIDs *idSet) {
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
			d.errf(nodes.key, "when of step %q uses %q, which is not a question", s.ID, c.Step).hintf("when can only use the answer to a question step (kind: question)")
			continue
		case qi >= i:
			d.errf(nodes.key, "when of step %q uses question %q, which comes later", s.ID, c.Step).hintf("move the question above this step: it must be asked first")
			continue
		}
		answers := d.answers(p, qi)
		for k, v := range c.Values {
			if _, ok := answers[v]; !ok && !d.skip(nodes.values[k]) {
				d.errf(nodes.values[k], "%q is not an answer to question %q", v, c.Step).hintf("its answers are %s", listed(q.Options))
			}
		}
	}
}

// answers returns the answers question qi offers, as a set made once per
// question: many steps can depend on one question.
func (d *decoder) answers(p *Playbook, qi int) map[string]bool {
	if d.answerSets == nil {
		d.answerSets = map[int]map[string]bool{}
	}
	set, ok := d.answerSets[qi]
	if !ok {
		set = map[string]bool{}
		for _, o := range p.Steps[qi].Options {
			set[o.Value] = true
		}
		d.answerSets[qi] = set
	}
	return set
}

// listed names the values of options, the first eight when there are more.
func listed(options []Option) string {
	values := make([]string, 0, 9)
	for _, o := range options {
		if len(values) == 8 {
			values = append(values, "…")
			break
		}
		values = append(values, o.Value)
	}
	return strings.Join(values, ", ")
}

// checkDelayFrom makes sure a step's delay counts from a time asked
// before it.
func (d *decoder) checkDelayFrom(p *Playbook, i int, stepIndex map[string]int, stepIDs *idSet) {
	s, n := p.Steps[i], d.steps[i].delayFrom
	if n == nil {
		return
	}
	qi, ok := stepIndex[s.DelayFrom]
	switch {
	case !ok:
		d.checkRef(n, "step", stepIDs)
	case p.Steps[qi].Kind != KindTime:
		d.errf(n, "delay-from of step %q uses %q, which does not ask for a time", s.ID, s.DelayFrom).hintf("delay-from can only use a step with kind: time")
	case qi >= i:
		d.errf(n, "delay-from of step %q uses %q, which comes later", s.ID, s.DelayFrom).hintf("move the time step above this step: it must be asked first")
	}
}

// checkWas makes sure each former id names one step only, and no step of
// this edition: records under it must have one place to go.
func (d *decoder) checkWas(p *Playbook, stepIDs *idSet) {
	seen := map[string]*yaml.Node{}
	for i, s := range p.Steps {
		for _, n := range d.steps[i].was {
			if _, now := stepIDs.nodes[n.Value]; now {
				d.errf(n, "%q in was of step %q is the id of a step in this playbook", n.Value, s.ID).hintf("was lists ids this playbook no longer uses")
				continue
			}
			if first, dup := seen[n.Value]; dup {
				d.errf(n, "former id %q is given to two steps (first at line %d)", n.Value, first.Line).hintf("records under an old id can go to one step only")
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
				if d.skip(nodes[j]) {
					continue
				}
				start := slices.Index(path, next)
				d.errf(nodes[j], "steps wait for each other in a loop: %s", loopNames(p, path[start:], id)).hintf("remove one of these from after, so that one step can start")
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

// loopNames writes a loop of steps as "a -> b -> a": the steps of path,
// then last. A long loop is shortened to its first and last steps.
func loopNames(p *Playbook, path []int, last string) string {
	const shown = 5
	names := make([]string, 0, 2*shown+2)
	for i, k := range path {
		switch {
		case len(path) <= 2*shown || i < shown || i >= len(path)-shown:
			names = append(names, p.Steps[k].ID)
		case i == shown:
			names = append(names, "… "+countOf(len(path)-2*shown, "more step")+" …")
		}
	}
	return strings.Join(append(names, last), " -> ")
}

// checkLanguages reports per-language texts missing a language that
// `languages:` declares. A plain string reads the same in every language.
func (d *decoder) checkLanguages(langs []string) {
	declared := make(map[string]bool, len(langs))
	for _, l := range langs {
		declared[l] = true
	}
	for _, t := range d.texts {
		has := 0
		for _, l := range t.text.langs {
			if declared[l] {
				has++
			}
		}
		if has == len(langs) || t.text.IsZero() || d.skip(t.node) {
			continue
		}
		var missing []string
		for _, l := range langs {
			if !t.text.Has(l) {
				missing = append(missing, l)
			}
		}
		e := d.errf(t.node, "%s has no text in %s", t.what, strings.Join(missing, ", "))
		e.hintf("languages: [%s] asks for every text in each of these languages", strings.Join(langs, ", "))
		e.MissingLangs = missing
	}
}
