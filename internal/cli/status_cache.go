package cli

import (
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"os"
	"path/filepath"
	"time"

	"github.com/acctguard/acctguard/internal/atomicfile"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/internal/summary"
)

// statusCache keeps what status worked out from one state file, so that
// the next status, often a second later from a shell prompt, need not read
// the state file and the playbooks and derive every step again. It lives
// in the user's cache directory, is 0600 like the state, and may be
// deleted at any time.
type statusCache struct {
	path  string
	store *state.Store
	cat   *playbook.Catalogue
	// key names the acctguard program and the state file's identity;
	// empty when they cannot be named, and then nothing is kept.
	key      string
	modified time.Time // when the state file was last written
	seen     time.Time // when its identity was taken
	// content is the checksum of the state file's bytes, once read.
	content string
	// playbooks are the fingerprints of the playbooks read, taken before
	// each was read: a file changed in between gives a summary that the
	// next run will not use, never a summary of one file kept as another.
	playbooks []summary.Fingerprint
	broken    bool
}

// racyWindow is how long after a state file was written its identity is
// not trusted alone: a file written twice within the same tick of the
// file system's clock may keep its size and times. Within it, the content
// is compared too.
const racyWindow = 2 * time.Second

// newStatusCache names the state file before it is read: a file replaced
// after this then differs from the name kept, and its summary is not used.
func newStatusCache(f *Factory, cat *playbook.Catalogue, store *state.Store) *statusCache {
	c := &statusCache{path: statusCachePath(f), store: store, cat: cat, seen: time.Now()}
	if f.CacheDir == "" {
		return c
	}
	exe, err := os.Executable()
	if err != nil {
		return c
	}
	exeInfo, err := os.Stat(exe)
	if err != nil {
		return c
	}
	id, err := store.Identity()
	if err != nil || id.Key == "" {
		return c
	}
	// A summary is reused only by the same acctguard program, which may
	// derive differently from another version, on the same state file.
	c.key = fmt.Sprintf("exe=%s:%d:%d state=%s:%s", exe, exeInfo.Size(), exeInfo.ModTime().UnixNano(), store.Path(), id.Key)
	c.modified = id.Modified
	return c
}

// statusCachePath returns where the summary of the state file is kept: one
// file per state file, named by a checksum of its absolute path.
func statusCachePath(f *Factory) string {
	stateFile := f.StateFile
	if abs, err := filepath.Abs(stateFile); err == nil {
		stateFile = abs
	}
	h := fnv.New32a()
	h.Write([]byte(stateFile))
	return filepath.Join(f.CacheDir, fmt.Sprintf("status-%08x", h.Sum32()))
}

// read notes the bytes of the state file the summary is worked out from.
func (c *statusCache) read(data []byte) {
	c.content = fmt.Sprintf("%d:%08x", len(data), crc32.ChecksumIEEE(data))
}

// load returns the kept summary when it was worked out from the same
// program, state file and playbooks, and still holds at now.
func (c *statusCache) load(now time.Time) (*summary.Summary, bool) {
	if c.key == "" {
		return nil, false
	}
	data, err := os.ReadFile(c.path)
	if err != nil {
		return nil, false
	}
	e, err := summary.Decode(data)
	if err != nil || e.Key != c.key || !e.Holds(now) {
		return nil, false
	}
	for _, fp := range e.Playbooks {
		if sum, err := c.cat.Fingerprint(fp.ID); err != nil || sum != fp.Sum {
			return nil, false
		}
	}
	if e.Seen.Sub(c.modified) < racyWindow {
		// The summary was worked out just after the state file was
		// written: compare its content.
		data, err := c.store.Data()
		if err != nil {
			return nil, false
		}
		if c.read(data); c.content != e.Content {
			return nil, false
		}
		if c.seen.Sub(c.modified) >= racyWindow {
			// From now on the file's identity is enough.
			e.Seen = c.seen
			c.write(e)
		}
	}
	return &e.Summary, true
}

// reading notes that the summary is about to read playbook id.
func (c *statusCache) reading(id string) {
	for _, fp := range c.playbooks {
		if fp.ID == id {
			return
		}
	}
	sum, err := c.cat.Fingerprint(id)
	if err != nil {
		c.broken = true
		return
	}
	c.playbooks = append(c.playbooks, summary.Fingerprint{ID: id, Sum: sum})
}

// save keeps e for the next run, with the fingerprints of the playbooks
// read. A summary that cannot be kept costs only speed, so failures are
// ignored.
func (c *statusCache) save(e *summary.Entry) {
	if c.key == "" || c.broken || c.content == "" {
		return
	}
	e.Key, e.Content, e.Seen, e.Playbooks = c.key, c.content, c.seen, c.playbooks
	c.write(e)
}

func (c *statusCache) write(e *summary.Entry) {
	data, err := e.MarshalBinary()
	if err != nil || os.MkdirAll(filepath.Dir(c.path), 0o700) != nil {
		return
	}
	_ = atomicfile.WriteCache(c.path, data)
}

// forgetStatus removes the summary kept for the state file, which may name
// incidents that were deleted.
func forgetStatus(f *Factory) {
	if f.CacheDir != "" {
		_ = os.Remove(statusCachePath(f))
	}
}
