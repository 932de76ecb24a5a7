package playbook

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/publicsuffix"

	"github.com/acctguard/acctguard/internal/suggest"
)

// The patterns are compiled when first used, not at start: every run of
// acctguard would pay for them, and most never read a playbook file.
var (
	langPattern = lazyRegexp(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	datePattern = lazyRegexp(`^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$`)
	yamlErrLine = lazyRegexp(`^yaml: line ([0-9]+): (.*)$`)
)

func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// ValidID reports whether id can name a playbook: it matches ^[a-z0-9][a-z0-9-]*$.
func ValidID(id string) bool {
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && i > 0:
		default:
			return false
		}
	}
	return id != ""
}

const idHint = "use lower-case letters, digits and dashes, starting with a letter or digit"

var (
	playbookKeys = []string{"schema", "id", "version", "title", "summary", "critical-time", "languages", "service", "for", "official-domains", "real-alerts", "sources", "contacts", "steps"}
	sourceKeys   = []string{"id", "title", "url"}
	contactKeys  = []string{"id", "name", "phone", "url", "verified", "source", "note"}
	stepKeys     = []string{"id", "title", "done", "phase", "kind", "critical", "why", "how", "links", "contacts", "sources", "question", "options", "when", "after", "delay", "delay-from", "early", "repeat", "was", "record", "opens"}
	linkKeys     = []string{"title", "url"}
	optionKeys   = []string{"value", "label"}
	repeatKeys   = []string{"every", "times"}
)

// Parse decodes and validates the playbook in src. name is the file name
// used in errors. On failure the error is an ErrorList holding every
// problem found, sorted by position.
func Parse(name string, src []byte) (*Playbook, error) {
	return parse(name, src, "")
}

// parse is Parse for a file whose name fixes its id; wantID is empty when
// it does not.
func parse(name string, src []byte, wantID string) (*Playbook, error) {
	return parseWith(name, src, wantID, true)
}

// parseWith is parse; checkLanguages false leaves out the check that every
// text has each language of languages:, for a file being changed.
func parseWith(name string, src []byte, wantID string, checkLanguages bool) (*Playbook, error) {
	d := &decoder{skipLanguages: !checkLanguages, file: name, src: src, sourceIDs: map[string]*yaml.Node{}, contactIDs: map[string]*yaml.Node{}, typos: map[*yaml.Node]map[string]bool{}}
	if len(src) > maxFileSize {
		// Read from a file, it was refused before; this is text made
		// some other way, such as in an editor.
		d.errAt(Pos{1, 1}, "file is larger than %d KiB, too large for a playbook", maxFileSize>>10).hintf("split it into several playbooks")
		return nil, d.errs
	}
	root := d.document()
	if root == nil {
		return nil, d.errs
	}
	d.rejectAnchors(root)
	p := d.playbook(root)
	if wantID != "" && p.ID != "" && p.ID != wantID {
		d.errf(d.idNode, "playbook id %q does not match the file name %q", p.ID, wantID+".yaml").hintf("change the id to %s, or rename the file to %s.yaml", wantID, p.ID)
	}
	if !d.truncated {
		d.crossCheck(p)
	}
	if len(d.errs) > 0 {
		d.errs.sort()
		return nil, d.errs
	}
	sum := sha256.Sum256(src)
	p.StepIndex("") // built now, while only this goroutine has p
	p.File = name
	p.Digest = "sha256:" + hex.EncodeToString(sum[:])
	return p, nil
}

type decoder struct {
	file string
	src  []byte
	// shared is the source every error points into; see source.
	shared *source
	// errs holds the problems kept; last is the index of the one furthest
	// on, once there are MaxErrors; dropped receives those not kept.
	errs    ErrorList
	last    int
	dropped Error
	idNode  *yaml.Node
	texts   []textRef
	steps   []stepNodes

	sourceIDs  map[string]*yaml.Node
	contactIDs map[string]*yaml.Node
	// contactSources holds the source reference of each contact.
	contactSources []*yaml.Node
	// skipLanguages leaves out the languages: check.
	skipLanguages bool
	// truncated is set when a list was too long to read to its end.
	truncated bool
	// answerSets holds the answers of each question step, by index, once
	// a when has asked for them.
	answerSets map[int]map[string]bool
	// typos holds, per map node, the known keys its unknown keys look
	// like; a missing key that was only misspelt is not reported twice.
	typos map[*yaml.Node]map[string]bool
}

// textRef remembers a per-language text so that it can be checked against
// `languages:` once the whole file has been read.
type textRef struct {
	text Text
	node *yaml.Node
	what string
}

// stepNodes keeps the nodes of a step's references for positioned errors
// in the cross-checks.
type stepNodes struct {
	step      *yaml.Node
	id        *yaml.Node
	contacts  []*yaml.Node
	sources   []*yaml.Node
	after     []*yaml.Node
	when      []whenNodes
	delayFrom *yaml.Node
	was       []*yaml.Node
	opens     *yaml.Node
}

type whenNodes struct {
	key    *yaml.Node
	values []*yaml.Node
}

type field struct{ key, val *yaml.Node }

func posOf(n *yaml.Node) Pos {
	if n == nil || n.Line == 0 {
		return Pos{1, 1}
	}
	return Pos{n.Line, n.Column}
}

// lines returns the file's text and line index, made on the first error
// and shared by all of them.
func (d *decoder) lines() *source {
	if d.shared == nil {
		d.shared = newSource(d.src)
	}
	return d.shared
}

// errAt records a problem at pos. Only the first MaxErrors by position are
// kept; a problem past them is counted, and what errAt returns for it is
// thrown away.
func (d *decoder) errAt(pos Pos, format string, args ...any) *Error {
	src := d.lines()
	src.problems++
	if !d.keeps(pos) {
		d.dropped = Error{}
		return &d.dropped
	}
	e := &Error{File: d.file, Pos: pos, Msg: fmt.Sprintf(format, args...), msg: text{format, args}, Line: src.line(pos.Line), src: src, seq: src.problems}
	if len(d.errs) < MaxErrors {
		d.errs = append(d.errs, e)
	} else {
		d.errs[d.last] = e
	}
	if len(d.errs) == MaxErrors {
		d.last = 0
		for i, k := range d.errs {
			if d.errs[d.last].before(k) {
				d.last = i
			}
		}
	}
	return e
}

// keeps reports whether a problem at pos would be kept: there is room, or
// a problem further on to make room.
func (d *decoder) keeps(pos Pos) bool {
	if len(d.errs) < MaxErrors {
		return true
	}
	last := d.errs[d.last].Pos
	return pos.Line < last.Line || pos.Line == last.Line && pos.Col < last.Col
}

// skip counts a problem at n when it would not be kept, so that the caller
// need not work out its message. When it would be kept, skip counts
// nothing and returns false: the caller reports it.
func (d *decoder) skip(n *yaml.Node) bool {
	if d.keeps(posOf(n)) {
		return false
	}
	d.lines().problems++
	return true
}

func (d *decoder) errf(n *yaml.Node, format string, args ...any) *Error {
	return d.errAt(posOf(n), format, args...)
}

// secondDocument places the start of a second document: at its "---"
// line, the last one at or before the position the parser gives for the
// document's first node. That node may lie past the end of the file
// ("---" with nothing after it).
func (d *decoder) secondDocument(node Pos) Pos {
	src := d.lines()
	for n := min(node.Line, src.lines()); n > 1; n-- {
		if line := src.line(n); line == "---" || strings.HasPrefix(line, "--- ") || strings.HasPrefix(line, "---\t") {
			return Pos{n, 1}
		}
	}
	if node.Line > src.lines() {
		return Pos{src.lines(), 1}
	}
	return node
}

// document parses the YAML and returns the top node of its only document.
func (d *decoder) document() *yaml.Node {
	if bytes.HasPrefix(d.src, []byte("\xFF\xFE")) || bytes.HasPrefix(d.src, []byte("\xFE\xFF")) {
		// The YAML parser reads UTF-16 too, but the lines and columns it
		// gives would not be those of the bytes.
		d.errAt(Pos{1, 1}, "the file is UTF-16 text, not UTF-8").hintf("save it as UTF-8; most editors offer that under Save As")
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(d.src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.errAt(Pos{1, 1}, "file is empty").hintf(`a playbook starts with "schema: 1"; see "acctguard playbook show amazon-takeover" for a complete one`)
		} else {
			d.yamlError(err)
		}
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		at := &extra
		if len(extra.Content) > 0 {
			at = extra.Content[0]
		}
		d.errAt(d.secondDocument(posOf(at)), "a second YAML document starts here").hintf(`a playbook file holds one document: remove the "---" line and what follows it`)
		return nil
	} else if !errors.Is(err, io.EOF) {
		d.yamlError(err)
		return nil
	}
	if len(doc.Content) == 0 || doc.Content[0].Tag == "!!null" {
		d.errAt(Pos{1, 1}, "file is empty").hintf(`a playbook starts with "schema: 1"; see "acctguard playbook show amazon-takeover" for a complete one`)
		return nil
	}
	return doc.Content[0]
}

// readerProblems are the YAML reader's messages for a character it
// refuses. It gives no position for them.
var readerProblems = []string{
	"invalid leading UTF-8 octet",
	"incomplete UTF-8 octet sequence",
	"invalid trailing UTF-8 octet",
	"invalid length of a UTF-8 sequence",
	"invalid Unicode character",
	"control characters are not allowed",
}

// yamlError reports a file the YAML parser refused. A character it cannot
// read is found again here, to report where it is and what it is.
func (d *decoder) yamlError(err error) {
	pos, what, hint, found := d.lines().badCharacter()
	if found {
		e := d.errAt(pos, "%s", what)
		e.hintf("%s", hint)
		e.Line = visible(e.Line)
	}
	if !found || !slices.ContainsFunc(readerProblems, func(p string) bool { return strings.HasSuffix(err.Error(), p) }) {
		d.syntaxError(err)
	}
}

// parserProblems are the YAML parser's (not scanner's) messages. For these
// go.yaml.in/yaml/v3 reports a 0-based line, and no line at all for the
// first one; its scanner's lines are 1-based.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// syntaxError turns the YAML parser's "yaml: line N: problem" into a
// positioned error. The parser gives no column, and for a broken block it
// names the line the block starts on, so the caret goes to the first
// character of that line and the hint says where to look.
func (d *decoder) syntaxError(err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlErrLine().FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if parserProblems[msg] || line == 0 {
		line++
	}
	src := d.lines()
	text := src.line(line)
	if text == "" && line > 1 && src.line(line-1) != "" {
		// A problem at the very end of the file is counted on the line
		// after the last one.
		line--
		text = src.line(line)
	}
	col := len([]rune(text)) - len([]rune(strings.TrimLeft(text, " \t"))) + 1
	if strings.Contains(msg, "incorrect leading UTF-8 octet") || strings.Contains(msg, "incorrect trailing UTF-8 octet") {
		// The bytes of the file are UTF-8: a tag's %-escapes (!%80) are
		// what the reader decoded into something else.
		d.errAt(Pos{line, col}, "a tag on this line has %%-escapes that do not make a character").hintf("remove the tag (the word starting with !), or put the value in quotes")
		return
	}
	e := d.errAt(Pos{line, col}, "invalid YAML: %s", yamlWords(msg)) // the parser's own words, in Japanese where known
	switch {
	case strings.Contains(msg, "tab character") || strings.Contains(text, "\t") && strings.Contains(msg, "cannot start any token"):
		e.hintf("YAML does not allow tabs for indentation: use spaces")
	case strings.Contains(msg, "mapping values are not allowed"):
		e.hintf(`a value that contains ": " must be put in quotes, or written as a block with "|"; check the indentation too`)
	case msg == "did not find expected key" || msg == "did not find expected '-' indicator":
		e.hintf("a line in the block that starts here is indented differently from the lines around it")
	case strings.HasPrefix(msg, "did not find expected ','"):
		e.hintf("a [ or { on this line is not closed, or a value inside it needs quotes")
	case msg == "found unexpected end of stream":
		e.hintf("a quote opened on this line is never closed")
	case strings.Contains(msg, "cannot start any token"):
		e.hintf("a value starting with @, ` or another special character must be put in quotes")
	default:
		e.hintf("check the indentation and the quotes on this line and the ones around it")
	}
}

// rejectAnchors reports YAML anchors and aliases: a playbook is read by
// people, so every value is written out where it applies.
func (d *decoder) rejectAnchors(n *yaml.Node) {
	if n.Kind == yaml.AliasNode {
		d.errf(n, "alias *%s is not allowed in a playbook", n.Value).hintf("write the value out in full")
		return
	}
	if n.Anchor != "" {
		d.errf(n, "anchor &%s is not allowed in a playbook", n.Anchor).hintf("write the value out in full where it is used")
	}
	for _, c := range n.Content {
		d.rejectAnchors(c)
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a map"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

func (d *decoder) typeErr(n *yaml.Node, what, want string) {
	if n.Kind == yaml.AliasNode {
		return // reported by rejectAnchors
	}
	d.errf(n, "%s must be %s, not %s", what, want, kindName(n))
}

// mapping returns the keys of a map node, reporting keys that are not in
// known and keys given twice.
func (d *decoder) mapping(n *yaml.Node, what string, known []string) (map[string]field, bool) {
	if n.Kind != yaml.MappingNode {
		d.typeErr(n, what, "a map")
		return nil, false
	}
	m := map[string]field{}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errf(k, "%s has a key that is not a name", what)
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.errf(k, "duplicate key %q in %s (first at line %d)", k.Value, what, first.Line).hintf("keep one of them")
			continue
		}
		seen[k.Value] = k
		if !slices.Contains(known, k.Value) {
			e := d.errf(k, "unknown key %q in %s", k.Value, what)
			if s := suggest.Closest(k.Value, known); s != "" {
				e.hintf("did you mean %q?", s)
				if d.typos[n] == nil {
					d.typos[n] = map[string]bool{}
				}
				d.typos[n][s] = true
			} else {
				e.hintf("the keys allowed here are %s", strings.Join(known, ", "))
			}
			continue
		}
		m[k.Value] = field{k, v}
	}
	return m, true
}

func (d *decoder) require(n *yaml.Node, m map[string]field, what string, keys ...string) {
	for _, k := range keys {
		if _, ok := m[k]; !ok && !d.typos[n][k] {
			d.errf(n, "%s is missing %q", what, k)
		}
	}
}

func (d *decoder) scalar(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.typeErr(n, what, "a single value")
		return "", false
	}
	if n.Tag == "!!null" || strings.TrimSpace(n.Value) == "" {
		d.errf(n, "%s is empty", what)
		return "", false
	}
	return n.Value, true
}

func (d *decoder) id(n *yaml.Node, what string) (string, bool) {
	s, ok := d.scalar(n, what)
	if !ok {
		return "", false
	}
	if !ValidID(s) {
		d.errf(n, "%s %q is not a valid id", what, s).hintf(idHint)
		return "", false
	}
	return s, true
}

// ids reads a list of ids; a single id may be written without brackets.
func (d *decoder) ids(n *yaml.Node, what string) ([]string, []*yaml.Node) {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	out, nodes := slices.Grow([]string(nil), len(items)), slices.Grow([]*yaml.Node(nil), len(items))
	for _, it := range items {
		if s, ok := d.id(it, what); ok {
			out = append(out, s)
			nodes = append(nodes, it)
		}
	}
	return out, nodes
}

func (d *decoder) boolean(n *yaml.Node, what string) bool {
	s, ok := d.scalar(n, what)
	if !ok {
		return false
	}
	switch s {
	case "true", "True", "TRUE", "yes", "Yes", "YES", "y", "Y", "on", "On", "ON":
		return true
	case "false", "False", "FALSE", "no", "No", "NO", "n", "N", "off", "Off", "OFF":
		return false
	}
	d.errf(n, "%s must be true or false, not %q", what, s)
	return false
}

func (d *decoder) integer(n *yaml.Node, what string) (int, bool) {
	s, ok := d.scalar(n, what)
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(s)
	if err != nil || n.Tag != "!!int" {
		d.errf(n, "%s must be a whole number, not %q", what, s)
		return 0, false
	}
	return i, true
}

func (d *decoder) url(n *yaml.Node, what string) string {
	s, ok := d.scalar(n, what)
	if !ok {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		d.errf(n, "%s %q is not a web address", what, s).hintf("write the whole address, starting with https://")
		return ""
	}
	return s
}

func (d *decoder) date(n *yaml.Node, what string) string {
	s, ok := d.scalar(n, what)
	if !ok {
		return ""
	}
	layout := "2006-01-02"
	if len(s) == len("2006-01") {
		layout = "2006-01"
	}
	if _, err := time.Parse(layout, s); err != nil || !datePattern().MatchString(s) {
		d.errf(n, "%s %q is not a date", what, s).hintf("write it as YYYY-MM-DD, or YYYY-MM when only the month is known")
		return ""
	}
	return s
}

func (d *decoder) duration(n *yaml.Node, what string) Duration {
	s, ok := d.scalar(n, what)
	if !ok {
		return Duration{}
	}
	dur, err := ParseDuration(s)
	if err != nil {
		d.errf(n, "%s: %v", what, err).hintf("use a whole number and one of m, h, d, w: 30m, 5h, 7d, 2w")
		return Duration{}
	}
	return dur
}

// text reads a plain string or a map from language code to string.
func (d *decoder) text(n *yaml.Node, what string) Text {
	switch n.Kind {
	case yaml.ScalarNode:
		s, _ := d.scalar(n, what)
		return PlainText(s)
	case yaml.MappingNode:
		var t Text
		if len(n.Content) == 0 {
			d.errf(n, "%s is empty", what)
			return t
		}
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			lang, ok := d.scalar(k, "language of "+what)
			if !ok {
				continue
			}
			if first, dup := seen[lang]; dup {
				d.errf(k, "duplicate language %q in %s (first at line %d)", lang, what, first.Line).hintf("keep one of them")
				continue
			}
			seen[lang] = k
			if !langPattern().MatchString(lang) {
				d.errf(k, "%q in %s is not a language code", lang, what).hintf("use a code such as en or ja")
				continue
			}
			if s, ok := d.scalar(v, fmt.Sprintf("%s (%s)", what, lang)); ok {
				t.set(lang, s)
			}
		}
		d.texts = append(d.texts, textRef{t, n, what})
		return t
	}
	d.typeErr(n, what, "a text (a string, or one string per language)")
	return Text{}
}

func (d *decoder) list(n *yaml.Node, what string) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		d.typeErr(n, what, "a list")
		return nil
	}
	return n.Content
}

func (d *decoder) playbook(n *yaml.Node) *Playbook {
	p := &Playbook{}
	m, ok := d.mapping(n, "the playbook", playbookKeys)
	if !ok {
		return p
	}
	d.require(n, m, "the playbook", "schema", "id", "title", "steps")
	if f, ok := m["schema"]; ok {
		if v, ok := d.integer(f.val, "schema"); ok && v != SchemaVersion {
			d.errf(f.val, "schema %d is not supported", v).hintf("this acctguard reads schema %d playbooks", SchemaVersion)
		}
	}
	if f, ok := m["id"]; ok {
		d.idNode = f.val
		p.ID, _ = d.id(f.val, "playbook id")
	}
	if f, ok := m["version"]; ok {
		p.Version, _ = d.scalar(f.val, "version")
	}
	if f, ok := m["title"]; ok {
		p.Title = d.text(f.val, "title")
	}
	if f, ok := m["summary"]; ok {
		p.Summary = d.text(f.val, "summary")
	}
	if f, ok := m["service"]; ok {
		p.Service = d.text(f.val, "service")
	}
	if f, ok := m["for"]; ok {
		if v, ok := d.scalar(f.val, "for"); ok {
			if slices.Contains(Purposes, v) {
				p.For = v
			} else {
				d.errf(f.val, "unknown purpose %q in for", v).hintf("use shopping, email, money, social, device or other")
			}
		}
	}
	if f, ok := m["official-domains"]; ok {
		p.OfficialDomains = d.domains(f.val)
	}
	if f, ok := m["real-alerts"]; ok {
		p.RealAlerts = d.text(f.val, "real-alerts")
	}
	if f, ok := m["critical-time"]; ok {
		p.CriticalTime = d.duration(f.val, "critical-time")
	}
	if f, ok := m["languages"]; ok {
		p.Languages = d.languages(f.val)
	}
	if f, ok := m["sources"]; ok {
		items := d.entries(f.val, "sources", maxEntries, "split the playbook into several")
		for i, item := range items {
			p.Sources = append(p.Sources, d.source(item, i))
		}
	}
	if f, ok := m["contacts"]; ok {
		items := d.entries(f.val, "contacts", maxEntries, "split the playbook into several")
		for i, item := range items {
			p.Contacts = append(p.Contacts, d.contact(item, i))
		}
	}
	if f, ok := m["steps"]; ok {
		items := d.entries(f.val, "steps", maxEntries, "split the playbook into several")
		if f.val.Kind == yaml.SequenceNode && len(items) == 0 {
			d.errf(f.val, "steps is empty").hintf("a playbook needs at least one step")
		}
		// A step takes some 600 bytes: room for them all at once, rather
		// than copies as the lists grow.
		p.Steps, d.steps = slices.Grow(p.Steps, len(items)), slices.Grow(d.steps, len(items))
		for i, item := range items {
			s, nodes := d.step(item, i)
			p.Steps = append(p.Steps, s)
			d.steps = append(d.steps, nodes)
		}
	}
	return p
}

// maxEntries bounds each list of sources, contacts, steps, links and
// options, far above any real one (the built-in Amazon playbook has 40
// steps): each entry read is kept until the file has been checked, some
// 600 bytes for a step, and a file of a hundred thousand "{}" must not take
// a hundred megabytes. maxLanguages bounds languages:, which every text is
// checked against.
const (
	maxEntries   = 10000
	maxLanguages = 100
)

// entries returns the items of the list n, at most limit of them. A longer
// list is a problem, reported where the list starts so that it is among
// the first shown, and the file is not cross-checked: every reference to
// an entry left out would look unknown.
func (d *decoder) entries(n *yaml.Node, what string, limit int, hint string) []*yaml.Node {
	items := d.list(n, what)
	if len(items) > limit {
		d.errf(n, "%s has %s entries, more than the %s acctguard reads", what, grouped(len(items)), grouped(limit)).hintf("%s", hint)
		d.truncated = true
		items = items[:limit]
	}
	return items
}

func (d *decoder) languages(n *yaml.Node) []string {
	var out []string
	seen := map[string]bool{}
	for _, it := range d.entries(n, "languages", maxLanguages, "list the languages the texts are written in") {
		lang, ok := d.scalar(it, "language")
		if !ok {
			continue
		}
		switch {
		case !langPattern().MatchString(lang):
			d.errf(it, "%q is not a language code", lang).hintf("use a code such as en or ja")
		case seen[lang]:
			d.errf(it, "language %q is listed twice", lang)
		default:
			seen[lang] = true
			out = append(out, lang)
		}
	}
	return out
}

// entry reads the keys of the i-th source, contact or step, and its id
// when it has one. It names the entry by that id in every error, and by
// its place in the list when the id is missing or invalid.
func (d *decoder) entry(n *yaml.Node, kind string, i int, known []string) (m map[string]field, what, id string, ok bool) {
	what = fmt.Sprintf("%s %d", kind, i+1)
	if peeked := peekID(n); peeked != "" {
		what = fmt.Sprintf("%s %q", kind, peeked)
	}
	if m, ok = d.mapping(n, what, known); !ok {
		return nil, what, "", false
	}
	if f, has := m["id"]; has {
		id, _ = d.id(f.val, kind+" id")
	}
	return m, what, id, true
}

func (d *decoder) source(n *yaml.Node, i int) Source {
	var s Source
	m, what, id, ok := d.entry(n, "source", i, sourceKeys)
	if !ok {
		return s
	}
	if s.ID = id; id != "" {
		d.uniqueID(d.sourceIDs, "source", id, m["id"].val)
	}
	d.require(n, m, what, "id", "title")
	if f, ok := m["title"]; ok {
		s.Title = d.text(f.val, "title of "+what)
	}
	if f, ok := m["url"]; ok {
		s.URL = d.url(f.val, "url of "+what)
	}
	return s
}

func (d *decoder) contact(n *yaml.Node, i int) Contact {
	var c Contact
	m, what, id, ok := d.entry(n, "contact", i, contactKeys)
	if !ok {
		return c
	}
	if c.ID = id; id != "" {
		d.uniqueID(d.contactIDs, "contact", id, m["id"].val)
	}
	d.require(n, m, what, "id", "name")
	_, hasPhone := m["phone"]
	_, hasURL := m["url"]
	if !hasPhone && !hasURL {
		d.errf(n, "%s has neither phone nor url", what).hintf("give a phone number, a web address, or both")
	}
	if f, ok := m["name"]; ok {
		c.Name = d.text(f.val, "name of "+what)
	}
	if f, ok := m["phone"]; ok {
		c.Phone, _ = d.scalar(f.val, "phone of "+what)
	}
	if f, ok := m["url"]; ok {
		c.URL = d.url(f.val, "url of "+what)
	}
	if f, ok := m["verified"]; ok {
		c.Verified = d.date(f.val, "verified date of "+what)
	}
	if f, ok := m["source"]; ok {
		var ok bool
		if c.Source, ok = d.id(f.val, "source of "+what); ok {
			d.contactSources = append(d.contactSources, f.val)
		}
	}
	if f, ok := m["note"]; ok {
		c.Note = d.text(f.val, "note of "+what)
	}
	return c
}

// uniqueID records id in seen, reporting it when it was seen before.
func (d *decoder) uniqueID(seen map[string]*yaml.Node, what, id string, n *yaml.Node) {
	if first, dup := seen[id]; dup {
		d.errf(n, "duplicate %s id %q (first at line %d)", what, id, first.Line).hintf("give each %s its own id", what)
		return
	}
	seen[id] = n
}

func (d *decoder) step(n *yaml.Node, i int) (Step, stepNodes) {
	s := Step{Pos: posOf(n), Kind: KindTask}
	nodes := stepNodes{step: n}
	m, what, id, ok := d.entry(n, "step", i, stepKeys)
	if !ok {
		return s, nodes
	}
	s.ID = id
	nodes.id = m["id"].val
	d.require(n, m, what, "id", "title", "phase")
	if f, ok := m["title"]; ok {
		s.Title = d.text(f.val, "title of "+what)
	}
	if f, ok := m["done"]; ok {
		s.Done = d.text(f.val, "done of "+what)
	}
	if f, ok := m["phase"]; ok {
		if v, ok := d.scalar(f.val, "phase of "+what); ok {
			s.Phase = Phase(v)
			if !slices.Contains(Phases, s.Phase) {
				e := d.errf(f.val, "unknown phase %q in %s", v, what)
				e.hintf("use one of verify, contain, recover, report, follow-up")
				if g := suggest.Closest(v, phaseNames()); g != "" {
					e.hintf("did you mean %q? (one of verify, contain, recover, report, follow-up)", g)
				}
			}
		}
	}
	if f, ok := m["kind"]; ok {
		if v, ok := d.scalar(f.val, "kind of "+what); ok {
			s.Kind = Kind(v)
			if s.Kind != KindTask && s.Kind != KindQuestion && s.Kind != KindTime {
				d.errf(f.val, "unknown kind %q in %s", v, what).hintf("use task, question or time")
			}
		}
	}
	if f, ok := m["critical"]; ok {
		s.Critical = d.boolean(f.val, "critical of "+what)
	}
	if f, ok := m["opens"]; ok {
		s.Opens, _ = d.id(f.val, "opens of "+what)
		nodes.opens = f.val
	}
	if f, ok := m["record"]; ok {
		vs, nodes := d.ids(f.val, "record of "+what)
		for i, v := range vs {
			switch {
			case v != RecordCharges && v != RecordEvidence && v != RecordContact:
				d.errf(nodes[i], "unknown record %q in %s", v, what).hintf("use charges (the step offers to record charges and refunds), contact (someone is contacted in it) or evidence (the step keeps the evidence)")
			case s.Records(v):
				d.errf(nodes[i], "record %q is listed twice in %s", v, what).hintf("list it once")
			default:
				s.Record = append(s.Record, v)
			}
		}
	}
	if f, ok := m["why"]; ok {
		s.Why = d.text(f.val, "why of "+what)
	}
	if f, ok := m["how"]; ok {
		s.How = d.text(f.val, "how of "+what)
	}
	if f, ok := m["links"]; ok {
		items := d.entries(f.val, "links of "+what, maxEntries, "keep the links the person needs for this step")
		for j, item := range items {
			s.Links = append(s.Links, d.link(item, fmt.Sprintf("link %d of %s", j+1, what)))
		}
	}
	if f, ok := m["contacts"]; ok {
		s.Contacts, nodes.contacts = d.ids(f.val, "contact in "+what)
	}
	if f, ok := m["sources"]; ok {
		s.Sources, nodes.sources = d.ids(f.val, "source in "+what)
	}
	d.questionFields(&s, m, what)
	if f, ok := m["when"]; ok {
		s.When, nodes.when = d.when(f.val, what)
	}
	if f, ok := m["after"]; ok {
		s.After, nodes.after = d.ids(f.val, "step in after of "+what)
	}
	if f, ok := m["delay"]; ok {
		s.Delay = d.duration(f.val, "delay of "+what)
	}
	if f, ok := m["delay-from"]; ok {
		if id, ok := d.id(f.val, "delay-from of "+what); ok {
			s.DelayFrom, nodes.delayFrom = id, f.val
		}
		if _, ok := m["delay"]; !ok {
			d.errf(f.key, "%s has delay-from but no delay", what).hintf(`say how long to wait after that time, such as "delay: 5h"`)
		}
	}
	if f, ok := m["early"]; ok {
		s.Early = d.boolean(f.val, "early of "+what)
		if _, ok := m["delay"]; !ok {
			d.errf(f.key, "%s has early but no delay", what).hintf(`early says the wait of "delay" may be tried sooner; add a delay, or remove early`)
		}
	}
	if f, ok := m["repeat"]; ok {
		s.Repeat = d.repeat(f.val, what)
	}
	if f, ok := m["was"]; ok {
		s.Was, nodes.was = d.ids(f.val, "former id in was of "+what)
	}
	return s, nodes
}

// peekID returns the valid id of a map node before its keys are read, so
// that every error about it can name it.
func peekID(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k, v := n.Content[i], n.Content[i+1]; k.Value == "id" && v.Kind == yaml.ScalarNode && ValidID(v.Value) {
			return v.Value
		}
	}
	return ""
}

func phaseNames() []string {
	out := make([]string, len(Phases))
	for i, p := range Phases {
		out[i] = string(p)
	}
	return out
}

func (d *decoder) questionFields(s *Step, m map[string]field, what string) {
	switch s.Kind {
	case KindTask:
		for _, k := range []string{"question", "options"} {
			if f, ok := m[k]; ok {
				d.errf(f.key, "%q is only for question steps, and %s is a task", k, what).hintf(`add "kind: question" to the step, or remove %q`, k)
			}
		}
		return
	case KindTime:
		if _, ok := m["question"]; !ok {
			d.errf(m["kind"].key, "time %s is missing %q", what, "question")
		} else {
			s.Question = d.text(m["question"].val, "question of "+what)
		}
		if f, ok := m["options"]; ok {
			d.errf(f.key, "%s asks for a time, so it has no options", what).hintf(`acctguard offers "just now" and "at a time I type"; remove "options", or use "kind: question"`)
		}
		return
	case KindQuestion:
	default:
		return
	}
	stepNode := m["kind"].key
	for _, k := range []string{"question", "options"} {
		if _, ok := m[k]; !ok {
			d.errf(stepNode, "question %s is missing %q", what, k)
		}
	}
	if f, ok := m["question"]; ok {
		s.Question = d.text(f.val, "question of "+what)
	}
	f, ok := m["options"]
	if !ok {
		return
	}
	items := d.entries(f.val, "options of "+what, maxEntries, "a question needs only the few answers a person chooses from")
	if f.val.Kind == yaml.SequenceNode && len(items) < 2 {
		d.errf(f.val, "%s has fewer than two options", what).hintf("a question needs at least two answers to choose from")
	}
	seen := map[string]*yaml.Node{}
	for j, item := range items {
		owhat := fmt.Sprintf("option %d of %s", j+1, what)
		om, ok := d.mapping(item, owhat, optionKeys)
		if !ok {
			continue
		}
		d.require(item, om, owhat, "value", "label")
		var o Option
		if f, ok := om["value"]; ok {
			if o.Value, ok = d.scalar(f.val, "value of "+owhat); ok {
				if first, dup := seen[o.Value]; dup {
					d.errf(f.val, "duplicate option %q in %s (first at line %d)", o.Value, what, first.Line)
				}
				seen[o.Value] = f.val
			}
		}
		if f, ok := om["label"]; ok {
			o.Label = d.text(f.val, "label of "+owhat)
		}
		s.Options = append(s.Options, o)
	}
}

func (d *decoder) link(n *yaml.Node, what string) Link {
	var l Link
	m, ok := d.mapping(n, what, linkKeys)
	if !ok {
		return l
	}
	d.require(n, m, what, "title", "url")
	if f, ok := m["title"]; ok {
		l.Title = d.text(f.val, "title of "+what)
	}
	if f, ok := m["url"]; ok {
		l.URL = d.url(f.val, "url of "+what)
	}
	return l
}

func (d *decoder) when(n *yaml.Node, what string) ([]Condition, []whenNodes) {
	if n.Kind != yaml.MappingNode {
		d.typeErr(n, "when of "+what, `a map from question step to answer, such as {can-sign-in: "no"}`)
		return nil, nil
	}
	var conds []Condition
	var nodes []whenNodes
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id, ok := d.id(k, "question in when of "+what)
		if !ok {
			continue
		}
		if first, dup := seen[id]; dup {
			d.errf(k, "duplicate key %q in when of %s (first at line %d)", id, what, first.Line).hintf("list several answers as [a, b]")
			continue
		}
		seen[id] = k
		items := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			items = v.Content
			if len(items) == 0 {
				d.errf(v, "when of %s lists no answers for %q", what, id)
			}
		}
		c := Condition{Step: id}
		wn := whenNodes{key: k}
		for _, it := range items {
			if val, ok := d.scalar(it, fmt.Sprintf("answer for %q in when of %s", id, what)); ok {
				c.Values = append(c.Values, val)
				wn.values = append(wn.values, it)
			}
		}
		conds = append(conds, c)
		nodes = append(nodes, wn)
	}
	return conds, nodes
}

func (d *decoder) repeat(n *yaml.Node, what string) *Repeat {
	rwhat := "repeat of " + what
	m, ok := d.mapping(n, rwhat, repeatKeys)
	if !ok {
		return nil
	}
	d.require(n, m, rwhat, "every", "times")
	r := &Repeat{}
	if f, ok := m["every"]; ok {
		r.Every = d.duration(f.val, "every of "+rwhat)
	}
	if f, ok := m["times"]; ok {
		if v, ok := d.integer(f.val, "times of "+rwhat); ok {
			if v < 1 {
				d.errf(f.val, "times of %s must be at least 1, not %d", rwhat, v)
			}
			r.Times = v
		}
	}
	return r
}

// domains reads official-domains: lower-case host names with a dot,
// each a name a person could register or a host under one (amazon.co.jp,
// pay.amazon.co.jp), not a public suffix alone (co.jp), each once.
func (d *decoder) domains(n *yaml.Node) []string {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	var out []string
	for _, it := range items {
		v, ok := d.scalar(it, "a domain in official-domains")
		if !ok {
			continue
		}
		switch {
		case !validDomain(v):
			d.errf(it, "%q in official-domains is not a domain name", v).hintf("write a lower-case host name such as amazon.co.jp, without https:// or a path")
		case slices.Contains(out, v):
			d.errf(it, "%q is listed twice in official-domains", v).hintf("list it once")
		default:
			if _, err := publicsuffix.EffectiveTLDPlusOne(v); err != nil {
				d.errf(it, "%q in official-domains is a public suffix, which anyone can register under", v).hintf("name the service's own domain, such as amazon.co.jp")
				continue
			}
			out = append(out, v)
		}
	}
	return out
}

// validDomain reports whether s is a lower-case ASCII host name of at
// least two labels.
func validDomain(s string) bool {
	if len(s) > 253 || !strings.Contains(s, ".") {
		return false
	}
	for _, label := range strings.Split(s, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, c := range label {
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}
