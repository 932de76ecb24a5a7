package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/visible"
)

// menuEditor changes a playbook step by step through menus, for people who
// would rather not touch YAML. Every change is made on the file's YAML
// tree, so comments and untouched text stay as they were.
type menuEditor struct {
	opts    *playbookEditOptions
	l       i18n.Lang
	doc     *playbook.Document
	target  string
	entry   playbook.Entry
	changes []string
}

func runInteractiveEdit(opts *playbookEditOptions, e playbook.Entry, src []byte, target string) error {
	if e.Broken() {
		return hinted(i18n.Errorf("error.edit.broken", e.ID), i18n.M("error.edit.broken.hint", e.ID))
	}
	doc, err := playbook.OpenDocument(target, e.ID, src)
	if err != nil {
		return err
	}
	m := &menuEditor{opts: opts, l: opts.Lang, doc: doc, target: target, entry: e}
	return m.loop()
}

func (m *menuEditor) printf(format string, args ...any) { fmt.Fprintf(m.opts.IO.Out, format, args...) }

func (m *menuEditor) text(t playbook.Text) string { return strings.TrimSpace(t.Get(string(m.l))) }

// line is text to show on one line, with control characters made visible.
func (m *menuEditor) line(t playbook.Text) string { return visible.Line(m.text(t)) }

func (m *menuEditor) loop() error {
	actions := []struct {
		key string
		run func() error
	}{
		{"menu.list", m.list},
		{"menu.add", m.add},
		{"menu.change", m.change},
		{"menu.remove", m.remove},
		{"menu.move", m.move},
		{"menu.critical", m.toggle},
		{"menu.contact", m.contact},
	}
	labels := make([]string, 0, len(actions)+2)
	for _, a := range actions {
		labels = append(labels, m.l.T(a.key))
	}
	labels = append(labels, m.l.T("menu.save"), m.l.T("menu.discard"))
	for {
		i, err := m.opts.Prompter.Select(m.l.T("menu.what"), labels, 0)
		if err != nil {
			return err
		}
		switch {
		case i < len(actions):
			if err := actions[i].run(); err != nil {
				var ee *exitError
				if errors.As(err, &ee) || errors.Is(err, errCancelledStep) {
					continue
				}
				return err
			}
		case i == len(actions):
			done, err := m.save()
			if err != nil || done {
				return err
			}
		default:
			if len(m.changes) > 0 {
				ok, err := m.opts.Prompter.Confirm(m.l.Tf("menu.discard-confirm", len(m.changes)), false)
				if err != nil || !ok {
					if err != nil {
						return err
					}
					continue
				}
			}
			m.printf("%s\n", m.l.T("edit.unchanged"))
			return nil
		}
	}
}

// errCancelledStep ends one menu action without leaving the menu.
var errCancelledStep = errors.New("back to the menu")

func (m *menuEditor) list() error {
	for i, s := range m.doc.Steps() {
		mark := " "
		if s.Critical {
			mark = "★"
		}
		m.printf("%2d. %s %-9s %s (%s)\n", i+1, mark, s.Phase, m.line(s.Title), s.ID)
	}
	return nil
}

// pickStep asks which step, by number and title.
func (m *menuEditor) pickStep(message string) (playbook.StepSummary, int, error) {
	steps := m.doc.Steps()
	labels := make([]string, len(steps)+1)
	for i, s := range steps {
		labels[i] = fmt.Sprintf("%d. %s", i+1, m.line(s.Title))
	}
	labels[len(steps)] = m.l.T("menu.back")
	i, err := m.opts.Prompter.Select(message, labels, 0)
	if err != nil {
		return playbook.StepSummary{}, 0, err
	}
	if i == len(steps) {
		return playbook.StepSummary{}, 0, errCancelledStep
	}
	return steps[i], i, nil
}

func (m *menuEditor) pickPhase(def playbook.Phase) (playbook.Phase, error) {
	labels := make([]string, len(playbook.Phases))
	at := 0
	for i, p := range playbook.Phases {
		labels[i] = m.l.T("phase."+string(p)) + " — " + m.l.T("phase."+string(p)+".about")
		if p == def {
			at = i
		}
	}
	i, err := m.opts.Prompter.Select(m.l.T("menu.phase"), labels, at)
	if err != nil {
		return "", err
	}
	return playbook.Phases[i], nil
}

func (m *menuEditor) add() error {
	phase, err := m.pickPhase(playbook.PhaseContain)
	if err != nil {
		return err
	}
	var copied []string
	title, err := m.askText("title", playbook.Text{}, &copied)
	if err != nil {
		return err
	}
	why, err := m.askText("why", playbook.Text{}, &copied)
	if err != nil {
		return err
	}
	how, err := m.askText("how", playbook.Text{}, &copied)
	if err != nil {
		return err
	}
	steps := m.doc.Steps()
	labels := []string{m.l.T("menu.at-start")}
	def := len(steps)
	for i, s := range steps {
		labels = append(labels, fmt.Sprintf("%d. %s", i+1, m.line(s.Title)))
		if s.Phase == phase {
			def = i + 1 // after the last step of the same phase
		}
	}
	at, err := m.opts.Prompter.Select(m.l.T("menu.where"), labels, def)
	if err != nil {
		return err
	}
	id, err := m.doc.AddStep(at, playbook.NewStep{Phase: phase, Title: title, Why: why, How: how})
	if err != nil {
		return err
	}
	m.done(m.l.Tf("menu.added", m.line(title), id, at+1), copied)
	return nil
}

// textLangs returns the languages a text is asked in: the person's own
// first, then every other language the playbook declares, since each
// text must exist in each of them. A playbook that declares none is
// written in the person's language alone.
func (m *menuEditor) textLangs() []string {
	declared := m.doc.Languages()
	own := string(m.l)
	if len(declared) == 0 {
		return []string{own}
	}
	langs := make([]string, 0, len(declared))
	if slices.Contains(declared, own) {
		langs = append(langs, own)
	}
	for _, l := range declared {
		if l != own {
			langs = append(langs, l)
		}
	}
	return langs
}

// askText asks for a step's title, why or how, or a contact's name
// (field), in each language of textLangs, with cur's text as the answer
// already given. A title or a name is needed: an empty one cancels. In a language after the first, an
// empty answer takes the first one's text, and copied records it, so
// the change says so before it is saved.
func (m *menuEditor) askText(field string, cur playbook.Text, copied *[]string) (playbook.Text, error) {
	langs := m.textLangs()
	oneLine := field == "title" || field == "contact-name"
	var out []string
	first := ""
	for i, l := range langs {
		label := m.l.T("menu." + field)
		if len(langs) > 1 {
			label = m.l.Tf("menu."+field+"-in", m.langName(l))
		}
		if i >= 1 && first != "" && (cur.IsZero() || !cur.Has(l)) {
			m.printf("%s\n", m.l.Tf("menu.also-in", m.langName(l)))
		}
		def := ""
		if cur.Has(l) && !cur.IsZero() {
			def = strings.TrimSpace(cur.Get(l))
		}
		var v string
		var err error
		switch {
		case oneLine:
			v, err = m.opts.Prompter.InputDefault(label, def)
		default:
			v, err = m.opts.Prompter.Multiline(label, def)
		}
		if err != nil {
			return playbook.Text{}, err
		}
		v = strings.TrimSpace(v)
		switch {
		case i == 0 && v == "" && oneLine:
			return playbook.Text{}, errCancelledStep
		case i == 0 && v == "":
			return playbook.Text{}, nil // no reason, no how-to: in no language
		case i == 0:
			first = v
		case v == "" && first != "":
			v = first
			*copied = append(*copied, m.l.Tf("menu.copied", m.langName(l), m.langName(langs[0]), m.l.T("menu.word-"+field)))
		}
		if v != "" {
			out = append(out, l, v)
		}
	}
	if first == "" {
		return playbook.Text{}, nil
	}
	return playbook.LocalText(out...), nil
}

// langName is a language's name in the person's language.
func (m *menuEditor) langName(code string) string {
	for _, l := range i18n.Supported {
		if string(l) == code {
			return m.l.T("lang." + code)
		}
	}
	return code
}

func (m *menuEditor) change() error {
	s, _, err := m.pickStep(m.l.T("menu.which-change"))
	if err != nil {
		return err
	}
	p, err := m.doc.Playbook()
	if err != nil {
		return err
	}
	step, _ := p.Step(s.ID)
	fields := []string{m.l.T("menu.field-title"), m.l.T("menu.field-why"), m.l.T("menu.field-how"), m.l.T("menu.field-phase")}
	f, err := m.opts.Prompter.Select(m.l.T("menu.which-field"), fields, 0)
	if err != nil {
		return err
	}
	var copied []string
	switch f {
	case 0, 1, 2:
		field, cur := []string{"title", "why", "how"}[f], step.Title
		if f == 1 {
			cur = step.Why
		} else if f == 2 {
			cur = step.How
		}
		t, err := m.askText(field, cur, &copied)
		if err != nil {
			return err
		}
		if t.IsZero() {
			return errCancelledStep
		}
		if err := m.doc.SetText(s.ID, field, t); err != nil {
			return err
		}
	case 3:
		phase, err := m.pickPhase(step.Phase)
		if err != nil {
			return err
		}
		if err := m.doc.SetPhase(s.ID, phase); err != nil {
			return err
		}
	}
	m.done(m.l.Tf("menu.changed", m.line(s.Title), fields[f]), copied)
	return nil
}

func (m *menuEditor) remove() error {
	s, _, err := m.pickStep(m.l.T("menu.which-remove"))
	if err != nil {
		return err
	}
	for _, id := range m.incidentsWithRecords(s.ID) {
		m.printf("%s\n", m.l.Tf("menu.has-records", id))
	}
	ok, err := m.opts.Prompter.Confirm(m.l.Tf("menu.remove-confirm", m.line(s.Title)), false)
	if err != nil || !ok {
		return err
	}
	if err := m.doc.RemoveStep(s.ID); err != nil {
		m.printf("%s\n", m.opts.IO.ColorScheme().Red(visible.Text(err.Error())))
		return nil
	}
	m.done(m.l.Tf("menu.removed", m.line(s.Title)), nil)
	return nil
}

// incidentsWithRecords returns the open incidents that recorded something
// about step id: they keep those records when it is removed.
func (m *menuEditor) incidentsWithRecords(stepID string) []int {
	file, err := m.opts.Store.Load()
	if err != nil {
		return nil
	}
	var ids []int
	id := m.playbookID()
	for _, inc := range file.Open() {
		if inc.Playbook != id {
			continue
		}
		for _, e := range inc.Events {
			if e.Step == stepID {
				ids = append(ids, inc.ID)
				break
			}
		}
	}
	return ids
}

func (m *menuEditor) playbookID() string {
	p, err := m.doc.Playbook()
	if err != nil {
		return ""
	}
	return p.ID
}

// move puts a step where the person chooses, in one go: after which of
// the other steps, or at the start.
func (m *menuEditor) move() error {
	s, from, err := m.pickStep(m.l.T("menu.which-move"))
	if err != nil {
		return err
	}
	labels := []string{m.l.T("menu.at-start")}
	for i, o := range m.doc.Steps() {
		if o.ID != s.ID {
			labels = append(labels, fmt.Sprintf("%d. %s", i+1, m.line(o.Title)))
		}
	}
	labels = append(labels, m.l.T("menu.back"))
	to, err := m.opts.Prompter.Select(m.l.T("menu.move-where"), labels, from)
	if err != nil {
		return err
	}
	if to == len(labels)-1 || to == from {
		return errCancelledStep
	}
	if err := m.doc.MoveStep(s.ID, to); err != nil {
		return err
	}
	// A step moved above the question its when depends on would not
	// validate: put it back and say why.
	if _, err := m.doc.Playbook(); err != nil {
		_ = m.doc.MoveStep(s.ID, from)
		m.printf("%s\n", m.opts.IO.ColorScheme().Red(m.l.Tf("menu.cannot-move", m.line(s.Title))))
		return nil
	}
	m.done(m.l.Tf("menu.moved", m.line(s.Title), to+1), nil)
	return nil
}

func (m *menuEditor) toggle() error {
	s, _, err := m.pickStep(m.l.T("menu.which-critical"))
	if err != nil {
		return err
	}
	on, err := m.doc.ToggleCritical(s.ID)
	if err != nil {
		return err
	}
	key := "menu.critical-off"
	if on {
		key = "menu.critical-on"
	}
	m.done(m.l.Tf(key, m.line(s.Title)), nil)
	return nil
}

func (m *menuEditor) contact() error {
	contacts := m.doc.Contacts()
	labels := []string{m.l.T("menu.contact-new")}
	for _, c := range contacts {
		labels = append(labels, strings.TrimSpace(strings.Join([]string{m.line(c.Name), visible.Line(c.Phone)}, "  ")))
	}
	i, err := m.opts.Prompter.Select(m.l.T("menu.which-contact"), labels, 0)
	if err != nil {
		return err
	}
	var c playbook.ContactSummary
	if i > 0 {
		c = contacts[i-1]
	}
	var copied []string
	name, err := m.askText("contact-name", c.Name, &copied)
	if err != nil {
		return err
	}
	if c.Phone, err = m.opts.Prompter.InputDefault(m.l.T("menu.contact-phone"), c.Phone); err != nil {
		return err
	}
	if c.URL, err = m.opts.Prompter.InputDefault(m.l.T("menu.contact-url"), c.URL); err != nil {
		return err
	}
	c.Phone, c.URL = strings.TrimSpace(c.Phone), strings.TrimSpace(c.URL)
	if c.Phone == "" && c.URL == "" {
		m.printf("%s\n", m.l.T("menu.contact-needs"))
		return nil
	}
	if c.ID == "" {
		c.ID = uniqueContactID(contacts, name)
	}
	// The person confirms the number as they type it in: today.
	verified := m.opts.Now().Format("2006-01-02")
	if err := m.doc.SetContact(c, name, verified); err != nil {
		return err
	}
	s, _, err := m.pickStep(m.l.T("menu.contact-step"))
	switch {
	case errors.Is(err, errCancelledStep):
	case err != nil:
		return err
	default:
		if err := m.doc.LinkContact(s.ID, c.ID); err != nil {
			return err
		}
	}
	m.done(m.l.Tf("menu.contact-saved", m.line(name)), copied)
	return nil
}

func uniqueContactID(existing []playbook.ContactSummary, name playbook.Text) string {
	base := playbook.TextSlug(name)
	if base == "" {
		base = "contact"
	}
	id := base
	for n := 2; ; n++ {
		taken := false
		for _, c := range existing {
			taken = taken || c.ID == id
		}
		if !taken {
			return id
		}
		id = fmt.Sprintf("%s-%d", base, n)
	}
}

// done records a change made, with what was filled in for the person
// (a text copied into another language), and shows it.
func (m *menuEditor) done(change string, copied []string) {
	for _, c := range copied {
		change = m.l.Tf("menu.with", change, c)
	}
	m.changes = append(m.changes, change)
	m.printf("%s\n", m.opts.IO.ColorScheme().Green("✓ "+change))
}

// save shows what changed, asks, and writes the file. It reports whether
// the session is over.
func (m *menuEditor) save() (bool, error) {
	if len(m.changes) == 0 {
		m.printf("%s\n", m.l.T("edit.unchanged"))
		return true, nil
	}
	m.printf("\n%s\n", m.l.T("menu.summary"))
	for _, c := range m.changes {
		m.printf("  - %s\n", c)
	}
	ok, err := m.opts.Prompter.Confirm(m.l.Tf("menu.save-confirm", m.target), true)
	if err != nil || !ok {
		return false, err
	}
	src, err := m.doc.Bytes()
	if err != nil {
		// The changes stay in the menus, to be put right or thrown away.
		m.printf("%s\n", m.opts.IO.ColorScheme().Red(visible.Text(err.Error())))
		return false, nil
	}
	if err := saveUserPlaybook(m.target, src); err != nil {
		return false, err
	}
	m.printf("%s\n", savedMessage(m.l, m.entry, m.target))
	return true, nil
}
