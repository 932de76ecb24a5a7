package playbook

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Document is a playbook file open for changes made step by step. Changes
// are made on the YAML tree, so the file keeps its comments, key order and
// the text of everything not changed.
type Document struct {
	file   string
	id     string
	doc    yaml.Node
	root   *yaml.Node
	blanks blankLines
}

// OpenDocument reads src, which must be a valid playbook, for changes.
// file and id are the user file it will be saved as.
func OpenDocument(file, id string, src []byte) (*Document, error) {
	if _, err := Check(file, id, src); err != nil {
		return nil, err
	}
	d := &Document{file: file, id: id}
	if err := yaml.Unmarshal(src, &d.doc); err != nil {
		return nil, err
	}
	d.root = d.doc.Content[0]
	d.blanks = findBlankLines(src, d.root)
	return d, nil
}

// StepSummary is what a menu shows of a step.
type StepSummary struct {
	ID       string
	Phase    Phase
	Title    Text
	Critical bool
}

// Steps lists the steps in file order.
func (d *Document) Steps() []StepSummary {
	p, err := d.parse()
	if err != nil {
		return nil
	}
	out := make([]StepSummary, len(p.Steps))
	for i, s := range p.Steps {
		out[i] = StepSummary{ID: s.ID, Phase: s.Phase, Title: s.Title, Critical: s.Critical}
	}
	return out
}

// Playbook returns the playbook as it now stands. Texts may still lack a
// language of languages: until Bytes settles that.
func (d *Document) Playbook() (*Playbook, error) { return d.parse() }

func (d *Document) parse() (*Playbook, error) {
	src, err := d.encode()
	if err != nil {
		return nil, err
	}
	return parseWith(d.file, src, d.id, false)
}

func (d *Document) value(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func (d *Document) stepsNode() *yaml.Node { return d.value(d.root, "steps") }

// stepNode returns the map of the step with the given id, and its place.
func (d *Document) stepNode(id string) (*yaml.Node, int, error) {
	steps := d.stepsNode()
	for i, s := range steps.Content {
		if v := d.value(s, "id"); v != nil && v.Value == id {
			return s, i, nil
		}
	}
	return nil, 0, fmt.Errorf("no step %q", id)
}

// NewStep is what a person gives for a step they add.
type NewStep struct {
	ID              string
	Phase           Phase
	Title, Why, How Text
}

// Languages returns the languages the playbook declares in languages:,
// in the file's order: every text must be given in each of them. It is
// empty when the playbook declares none.
func (d *Document) Languages() []string {
	p, err := d.parse()
	if err != nil {
		return nil
	}
	return append([]string(nil), p.Languages...)
}

// AddStep inserts a step at position at (0 = first) with its texts in
// the languages they are given in, and returns its id. When ID is empty
// the id is made from the title (the English one when there is one), or,
// for a title with no Latin letters, from the phase: "contain-step".
func (d *Document) AddStep(at int, s NewStep) (string, error) {
	steps := d.stepsNode()
	if s.ID == "" {
		s.ID = d.uniqueStepID(titleSlug(s.Title, s.Phase))
	}
	if _, _, err := d.stepNode(s.ID); err == nil {
		return "", fmt.Errorf("a step %q already exists", s.ID)
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	addPair(m, "id", scalar(s.ID))
	addPair(m, "title", textNode(s.Title))
	addPair(m, "phase", scalar(string(s.Phase)))
	if !s.Why.IsZero() {
		addPair(m, "why", textNode(s.Why))
	}
	if !s.How.IsZero() {
		addPair(m, "how", textNode(s.How))
	}
	at = max(0, min(at, len(steps.Content)))
	steps.Content = slices.Insert(steps.Content, at, m)
	return s.ID, nil
}

// titleSlug is the id a title gives (TextSlug), else one from the phase.
func titleSlug(t Text, phase Phase) string {
	if s := TextSlug(t); s != "" {
		return s
	}
	return string(phase) + "-step"
}

// TextSlug makes an id from a text: from its English first, then from
// its other languages in order. A text with no Latin letters gives "".
func TextSlug(t Text) string {
	if t.Has("en") {
		if s := Slug(t.Get("en")); s != "" {
			return s
		}
	}
	for _, l := range t.Langs() {
		if s := Slug(t.Get(l)); s != "" {
			return s
		}
	}
	return ""
}

// RemoveStep takes a step out, and out of every other step's after. A
// step whose when depends on it keeps the condition, which then fails
// validation; the caller refuses that removal.
func (d *Document) RemoveStep(id string) error {
	_, i, err := d.stepNode(id)
	if err != nil {
		return err
	}
	if users := d.conditionsOn(id); len(users) > 0 {
		return fmt.Errorf("steps %s only apply on an answer to %q; change them first", strings.Join(users, ", "), id)
	}
	steps := d.stepsNode()
	steps.Content = slices.Delete(steps.Content, i, i+1)
	for _, s := range steps.Content {
		d.dropFromList(s, "after", id)
	}
	return nil
}

// conditionsOn lists the steps whose when uses the question id.
func (d *Document) conditionsOn(id string) []string {
	var users []string
	for _, s := range d.stepsNode().Content {
		if w := d.value(s, "when"); w != nil && d.value(w, id) != nil {
			users = append(users, d.value(s, "id").Value)
		}
	}
	return users
}

// dropFromList removes value from the list under key of m, and the key
// when the list is left empty.
func (d *Document) dropFromList(m *yaml.Node, key, value string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != key {
			continue
		}
		list := m.Content[i+1]
		if list.Kind == yaml.ScalarNode && list.Value == value {
			m.Content = slices.Delete(m.Content, i, i+2)
			return
		}
		list.Content = slices.DeleteFunc(list.Content, func(n *yaml.Node) bool { return n.Value == value })
		if len(list.Content) == 0 {
			m.Content = slices.Delete(m.Content, i, i+2)
		}
		return
	}
}

// MoveStep moves a step so that it is at position to (0 = first) among
// the steps. Moving a step above a question its when depends on fails
// validation; the caller checks with Playbook.
func (d *Document) MoveStep(id string, to int) error {
	_, i, err := d.stepNode(id)
	if err != nil {
		return err
	}
	steps := d.stepsNode()
	n := steps.Content[i]
	steps.Content = slices.Delete(steps.Content, i, i+1)
	to = max(0, min(to, len(steps.Content)))
	steps.Content = slices.Insert(steps.Content, to, n)
	return nil
}

// ToggleCritical flips whether a step is in the first-15-minutes set and
// returns the new value.
func (d *Document) ToggleCritical(id string) (bool, error) {
	s, _, err := d.stepNode(id)
	if err != nil {
		return false, err
	}
	for i := 0; i+1 < len(s.Content); i += 2 {
		if s.Content[i].Value == "critical" {
			// Removing the key, rather than writing false, leaves the
			// step as it would have been written by hand.
			s.Content = slices.Delete(s.Content, i, i+2)
			return false, nil
		}
	}
	insertAfter(s, "phase", "critical", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	return true, nil
}

// SetText sets a text field of a step (title, why, how) in each language
// t gives, keeping its other languages.
func (d *Document) SetText(id, field string, t Text) error {
	s, _, err := d.stepNode(id)
	if err != nil {
		return err
	}
	if v := d.value(s, field); v != nil {
		for _, l := range t.Langs() {
			setLang(v, l, t.Get(l))
		}
		return nil
	}
	insertAfter(s, prevTextKey(s, field), field, textNode(t))
	return nil
}

// SetPhase moves a step to another phase.
func (d *Document) SetPhase(id string, phase Phase) error {
	s, _, err := d.stepNode(id)
	if err != nil {
		return err
	}
	d.value(s, "phase").Value = string(phase)
	return nil
}

// ContactSummary is what a menu shows of a contact.
type ContactSummary struct {
	ID    string
	Name  Text
	Phone string
	URL   string
}

// Contacts lists the playbook's contacts.
func (d *Document) Contacts() []ContactSummary {
	p, err := d.parse()
	if err != nil {
		return nil
	}
	out := make([]ContactSummary, len(p.Contacts))
	for i, c := range p.Contacts {
		out[i] = ContactSummary{ID: c.ID, Name: c.Name, Phone: c.Phone, URL: c.URL}
	}
	return out
}

// SetContact adds a contact, or changes the name, phone and address of an
// existing one; verified is the date the person confirmed the number.
func (d *Document) SetContact(c ContactSummary, name Text, verified string) error {
	contacts := d.value(d.root, "contacts")
	if contacts == nil {
		contacts = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		insertAfter(d.root, "sources", "contacts", contacts)
		if d.value(d.root, "contacts") == nil {
			insertBefore(d.root, "steps", "contacts", contacts)
		}
	}
	var m *yaml.Node
	for _, n := range contacts.Content {
		if v := d.value(n, "id"); v != nil && v.Value == c.ID {
			m = n
		}
	}
	if m == nil {
		m = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		addPair(m, "id", scalar(c.ID))
		contacts.Content = append(contacts.Content, m)
	}
	if v := d.value(m, "name"); v != nil {
		for _, l := range name.Langs() {
			setLang(v, l, name.Get(l))
		}
	} else {
		insertAfter(m, "id", "name", textNode(name))
	}
	for _, kv := range [][2]string{{"phone", c.Phone}, {"url", c.URL}, {"verified", verified}} {
		if kv[1] == "" {
			continue
		}
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: kv[1], Style: yaml.DoubleQuotedStyle}
		if kv[0] == "url" {
			n.Style = 0
		}
		if v := d.value(m, kv[0]); v != nil {
			*v = *n
		} else {
			addPair(m, kv[0], n)
		}
	}
	return nil
}

// LinkContact adds a contact to a step's contacts.
func (d *Document) LinkContact(stepID, contactID string) error {
	s, _, err := d.stepNode(stepID)
	if err != nil {
		return err
	}
	list := d.value(s, "contacts")
	if list == nil {
		list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		addPair(s, "contacts", list)
	}
	for _, n := range list.Content {
		if n.Value == contactID {
			return nil
		}
	}
	list.Content = append(list.Content, scalar(contactID))
	return nil
}

// Bytes returns the file with the changes, or the problems that keep it
// from being a valid playbook. Nothing is changed to make it valid: a
// language the file declares stays declared, and the caller asks for
// every text in each of them (Languages).
func (d *Document) Bytes() ([]byte, error) {
	src, err := d.encode()
	if err != nil {
		return nil, err
	}
	if _, err := Check(d.file, d.id, src); err != nil {
		return nil, err
	}
	return src, nil
}

func (d *Document) encode() ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&d.doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return d.blanks.restore(b.Bytes()), nil
}

func scalar(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }

func addPair(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, scalar(key), v)
}

// insertAfter puts key: v after the key after in map m, or at the end.
func insertAfter(m *yaml.Node, after, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == after {
			m.Content = slices.Insert(m.Content, i+2, scalar(key), v)
			return
		}
	}
	addPair(m, key, v)
}

// insertBefore puts key: v before the key before in map m, or at the end.
func insertBefore(m *yaml.Node, before, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == before {
			m.Content = slices.Insert(m.Content, i, scalar(key), v)
			return
		}
	}
	addPair(m, key, v)
}

// prevTextKey is the key a new text field goes after, in the order
// playbooks are written: title, phase, ..., why, how.
func prevTextKey(s *yaml.Node, field string) string {
	if field == "how" {
		return "why"
	}
	return "phase"
}

// textNode is a text in each of its languages, in their order; several
// lines become a block.
func textNode(t Text) *yaml.Node {
	if t.IsPlain() {
		return textScalar(t.Get(""))
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, l := range t.Langs() {
		addPair(m, l, textScalar(t.Get(l)))
	}
	return m
}

func textScalar(text string) *yaml.Node {
	n := scalar(text)
	if strings.Contains(text, "\n") {
		n.Style = yaml.LiteralStyle
		if !strings.HasSuffix(n.Value, "\n") {
			n.Value += "\n"
		}
	}
	return n
}

// setLang sets the text in lang of a text node, turning a plain string
// into a map that keeps it.
func setLang(v *yaml.Node, lang, text string) {
	if v.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(v.Content); i += 2 {
			if v.Content[i].Value == lang {
				*v.Content[i+1] = *textScalar(text)
				return
			}
		}
		addPair(v, lang, textScalar(text))
		return
	}
	*v = *textNode(LocalText(lang, text))
}

func (d *Document) uniqueStepID(base string) string {
	id := base
	for n := 2; ; n++ {
		if _, _, err := d.stepNode(id); err != nil {
			return id
		}
		id = fmt.Sprintf("%s-%d", base, n)
	}
}

// Slug makes an id from an English title: "Call my bank" → call-my-bank.
// A title with no Latin letters (Japanese) gives "", and the caller a
// numbered id.
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if len(s) > 40 {
		s = strings.TrimSuffix(s[:40], "-")
	}
	return s
}

// blankLines remembers which top-level keys and steps had a blank line
// above them, which the YAML encoder drops, so that the saved file keeps
// the spacing the person gave it.
type blankLines struct {
	keys  map[string]bool
	steps map[string]bool
	// commented maps lines with a comment at their end, in the encoder's
	// spacing, to the line as the person spaced it.
	commented map[string]string
	// anyStep is the spacing given to new steps: blank if steps had it.
	anyStep bool
}

func startLine(n *yaml.Node) int {
	line := n.Line
	if n.HeadComment != "" {
		line -= strings.Count(n.HeadComment, "\n") + 1
	}
	return line
}

func findBlankLines(src []byte, root *yaml.Node) blankLines {
	lines := strings.Split(string(src), "\n")
	blankAbove := func(line int) bool {
		return line >= 2 && strings.TrimSpace(lines[line-2]) == ""
	}
	b := blankLines{keys: map[string]bool{}, steps: map[string]bool{}, commented: map[string]string{}}
	for _, l := range lines {
		if strings.Contains(l, " #") {
			b.commented[normaliseSpacing(l)] = strings.TrimRight(l, "\r")
		}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		b.keys[k.Value] = blankAbove(startLine(k))
		if k.Value != "steps" {
			continue
		}
		for n, s := range root.Content[i+1].Content {
			id := ""
			for j := 0; j+1 < len(s.Content); j += 2 {
				if s.Content[j].Value == "id" {
					id = s.Content[j+1].Value
				}
			}
			// The first step follows "steps:" and has no spacing of
			// its own: moved down, it is spaced as the others.
			if n == 0 {
				continue
			}
			b.steps[id] = blankAbove(startLine(s))
			b.anyStep = b.anyStep || b.steps[id]
		}
	}
	return b
}

// restore puts the remembered blank lines back into encoded text.
func (b blankLines) restore(out []byte) []byte {
	var doc yaml.Node
	if yaml.Unmarshal(out, &doc) != nil || len(doc.Content) == 0 {
		return out
	}
	root := doc.Content[0]
	var at []int
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if b.keys[k.Value] && i > 0 {
			at = append(at, startLine(k))
		}
		if k.Value != "steps" {
			continue
		}
		for j, s := range root.Content[i+1].Content {
			id := ""
			for x := 0; x+1 < len(s.Content); x += 2 {
				if s.Content[x].Value == "id" {
					id = s.Content[x+1].Value
				}
			}
			blank, known := b.steps[id]
			if !known {
				blank = b.anyStep
			}
			if blank && j > 0 {
				at = append(at, startLine(s))
			}
		}
	}
	lines := strings.SplitAfter(string(out), "\n")
	for i, l := range lines {
		if !strings.Contains(l, " #") {
			continue
		}
		if orig, ok := b.commented[normaliseSpacing(l)]; ok {
			lines[i] = orig + "\n"
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(at)))
	for _, l := range at {
		if l >= 2 && l-1 <= len(lines) && strings.TrimSpace(lines[l-2]) != "" {
			lines = slices.Insert(lines, l-1, "\n")
		}
	}
	return []byte(strings.Join(lines, ""))
}

// normaliseSpacing keeps a line's indentation and puts single spaces
// between its words, as the encoder spaces a comment after a value.
func normaliseSpacing(line string) string {
	line = strings.TrimRight(line, "\r\n")
	body := strings.TrimLeft(line, " ")
	return line[:len(line)-len(body)] + strings.Join(strings.Fields(body), " ")
}
