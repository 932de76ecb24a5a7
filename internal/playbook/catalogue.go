package playbook

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/acctguard/acctguard/internal/i18n"
)

// Origin says where a playbook comes from.
type Origin string

const (
	Builtin Origin = "built-in"
	User    Origin = "user"
)

// maxFileSize bounds the playbook files acctguard reads. The built-in
// Amazon playbook, in two languages, is 114 KB. The bound is what keeps
// reading a hostile file under 100 MB: the YAML parser alone holds some
// 150 bytes per value, and a file of "0,0,0,…" has a value every two bytes
// (a 1 MiB one took 138 MB).
const maxFileSize = 512 << 10

// Entry is one playbook of the catalogue, usable or not.
type Entry struct {
	ID     string
	Origin Origin
	// Path is the user file; empty for a built-in.
	Path string
	// Overrides is set for a user file that replaces a built-in.
	Overrides bool
	// Playbook is nil when the file could not be used.
	Playbook *Playbook
	// Err says why the file could not be used: an ErrorList for mistakes
	// in the file, another error when it could not be read.
	Err error
}

// Broken reports whether the entry's file could not be used.
func (e Entry) Broken() bool { return e.Err != nil }

// FirstError returns the first problem of a broken entry on one line.
func (e Entry) FirstError() string {
	var list ErrorList
	if errors.As(e.Err, &list) && len(list) > 0 {
		return list[0].Error()
	}
	if e.Err != nil {
		return e.Err.Error()
	}
	return ""
}

// Catalogue finds playbooks: the built-in ones, and the user's own
// <id>.yaml files, which replace a built-in of the same id.
type Catalogue struct {
	// Builtin holds the built-in playbooks as <id>.yaml at its root.
	Builtin fs.FS
	// UserDir is the user's playbook directory; it need not exist.
	UserDir string

	// cache keeps what Get found, so that a command looking at many
	// incidents of one playbook reads and checks the file once.
	cache map[string]Entry
}

// NotFoundError is returned for an id that no playbook has.
type NotFoundError struct {
	ID    string
	Known []string
}

func (e *NotFoundError) Error() string { return e.In(i18n.English) }

// In says which playbook is unknown, in l.
func (e *NotFoundError) In(l i18n.Lang) string { return texts.M("playbook.unknown", e.ID).In(l) }

// BuiltinName is the name built-in files go by in errors.
func BuiltinName(id string) string { return "built-in/" + id + ".yaml" }

// IDs returns the id of every playbook, built-in or user, sorted. It reads
// file names only, so it is cheap enough for shell completion.
func (c *Catalogue) IDs() ([]string, error) {
	builtin, err := c.builtinIDs()
	if err != nil {
		return nil, err
	}
	user, err := c.userIDs()
	set := map[string]bool{}
	for _, id := range append(builtin, user...) {
		set[id] = true
	}
	ids := make([]string, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids, err
}

// List returns every playbook, sorted by id. A user directory that cannot
// be read is returned as the error, beside the built-ins.
func (c *Catalogue) List() ([]Entry, error) {
	ids, err := c.IDs()
	entries := make([]Entry, 0, len(ids))
	for _, id := range ids {
		e, gerr := c.Get(id)
		if gerr != nil {
			continue
		}
		entries = append(entries, e)
	}
	return entries, err
}

// Get returns the playbook with the given id: the user's file when there is
// one, else the built-in. A broken user file is returned as a broken entry,
// never replaced by the built-in behind the user's back.
func (c *Catalogue) Get(id string) (Entry, error) {
	if e, ok := c.cache[id]; ok {
		return e, nil
	}
	e, err := c.get(id)
	if err == nil {
		if c.cache == nil {
			c.cache = map[string]Entry{}
		}
		c.cache[id] = e
	}
	return e, err
}

func (c *Catalogue) get(id string) (Entry, error) {
	if !ValidID(id) {
		known, _ := c.IDs()
		return Entry{}, &NotFoundError{ID: id, Known: known}
	}
	hasBuiltin := c.HasBuiltin(id)
	if p, ok := c.userFile(id); ok {
		e := Entry{ID: id, Origin: User, Path: p, Overrides: hasBuiltin}
		e.Playbook, e.Err = readUserFile(p, id)
		return e, nil
	}
	if !hasBuiltin {
		known, _ := c.IDs()
		return Entry{}, &NotFoundError{ID: id, Known: known}
	}
	e := Entry{ID: id, Origin: Builtin}
	src, err := c.readBuiltin(id)
	if err != nil {
		return Entry{}, err
	}
	e.Playbook, e.Err = parse(BuiltinName(id), src, id)
	return e, nil
}

// userFile returns the user's file for id, when there is one.
func (c *Catalogue) userFile(id string) (string, bool) {
	if c.UserDir == "" || !ValidID(id) {
		return "", false
	}
	p := filepath.Join(c.UserDir, id+".yaml")
	fi, err := os.Stat(p)
	return p, err == nil && !fi.IsDir()
}

// UserPath returns the file a user playbook with the given id lives in.
func (c *Catalogue) UserPath(id string) string {
	return filepath.Join(c.UserDir, id+".yaml")
}

// Source returns the bytes a catalogue entry is read from: the user's file,
// or the built-in as it was compiled in.
func (c *Catalogue) Source(e Entry) ([]byte, error) {
	if e.Origin == Builtin {
		return c.readBuiltin(e.ID)
	}
	return readLimited(e.Path)
}

// HasBuiltin reports whether a built-in playbook has the given id.
func (c *Catalogue) HasBuiltin(id string) bool {
	if c.Builtin == nil || !ValidID(id) {
		return false
	}
	fi, err := fs.Stat(c.Builtin, id+".yaml")
	return err == nil && !fi.IsDir()
}

// Check validates src as the user playbook with the given id, as the
// catalogue would read it from its file.
func Check(file, id string, src []byte) (*Playbook, error) {
	return parse(file, src, id)
}

// IsUserFile reports whether file is in the user's playbook directory,
// where its name must match its id.
func (c *Catalogue) IsUserFile(file string) bool {
	if c.UserDir == "" {
		return false
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return false
	}
	dir, err := filepath.Abs(c.UserDir)
	return err == nil && filepath.Dir(abs) == dir
}

// ReadFile reads and checks a playbook file named by the user. A file in
// the user's playbook directory must carry the id its name says.
func (c *Catalogue) ReadFile(file string) (*Playbook, error) {
	if c.IsUserFile(file) {
		return readUserFile(file, strings.TrimSuffix(filepath.Base(file), ".yaml"))
	}
	src, err := readLimited(file)
	if err != nil {
		return nil, err
	}
	return Parse(file, src)
}

func readUserFile(file, id string) (*Playbook, error) {
	if !ValidID(id) {
		return nil, texts.Errorf("playbook.bad-file-name", file, filepath.Base(file), texts.M("playbook.id-hint"))
	}
	src, err := readLimited(file)
	if err != nil {
		return nil, err
	}
	return parse(file, src, id)
}

// ReadSource reads a playbook file, refusing a directory or a file larger
// than a playbook can be.
func ReadSource(file string) ([]byte, error) { return readLimited(file) }

func readLimited(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, texts.Errorf("playbook.directory", file)
	}
	if fi.Size() > maxFileSize {
		return nil, texts.Errorf("playbook.too-large", file, maxFileSize>>10)
	}
	return os.ReadFile(file)
}

func (c *Catalogue) readBuiltin(id string) ([]byte, error) {
	if c.Builtin == nil || !ValidID(id) {
		return nil, fs.ErrNotExist
	}
	return fs.ReadFile(c.Builtin, id+".yaml")
}

func (c *Catalogue) builtinIDs() ([]string, error) {
	if c.Builtin == nil {
		return nil, nil
	}
	names, err := fs.Glob(c.Builtin, "*.yaml")
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(names))
	for i, n := range names {
		ids[i] = strings.TrimSuffix(path.Base(n), ".yaml")
	}
	return ids, nil
}

func (c *Catalogue) userIDs() ([]string, error) {
	if c.UserDir == "" {
		return nil, nil
	}
	des, err := os.ReadDir(c.UserDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading user playbooks: %w", err)
	}
	var ids []string
	for _, de := range des {
		name := de.Name()
		// Editors leave hidden backup and swap files beside the real ones.
		if de.IsDir() || strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".yaml") {
			continue
		}
		ids = append(ids, strings.TrimSuffix(name, ".yaml"))
	}
	return ids, nil
}
