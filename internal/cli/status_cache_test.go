package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/internal/summary"
)

// statusBench runs status the way separate processes would: a new
// catalogue every run, on one state file and one user playbook directory.
type statusBench struct {
	t         *testing.T
	stateFile string
	userDir   string
	cacheDir  string
}

func newStatusBench(t *testing.T) *statusBench {
	dir := t.TempDir()
	return &statusBench{t: t, stateFile: filepath.Join(dir, "state", "state.json"), userDir: filepath.Join(dir, "playbooks"), cacheDir: filepath.Join(dir, "cache")}
}

// run returns what status printed, on both streams, and its exit code.
// An empty cacheDir keeps no summary.
func (b *statusBench) run(cacheDir string, now time.Time, tty bool, set func(*statusOptions)) string {
	ios, _, out, errOut := iostreams.Test()
	ios.SetTTY(tty, tty)
	f := &Factory{IO: ios, Getenv: func(string) string { return "" }, StateFile: b.stateFile, CacheDir: cacheDir}
	opts := &statusOptions{
		IO:        ios,
		Catalogue: &playbook.Catalogue{Builtin: fstest.MapFS{"lock.yaml": {Data: []byte(lockPlaybook)}}, UserDir: b.userDir},
		Now:       func() time.Time { return now },
		Lang:      i18n.English,
		Factory:   f,
	}
	if set != nil {
		set(opts)
	}
	code := 0
	if err := runStatus(opts); err != nil {
		code, _, _ = exitCode(err)
	}
	return fmt.Sprintf("%s--- stderr\n%s--- exit %d\n", out, errOut, code)
}

func (b *statusBench) update(fn func(*state.File)) {
	b.t.Helper()
	if _, err := state.New(b.stateFile).Update(func(f *state.File) error { fn(f); return nil }); err != nil {
		b.t.Fatal(err)
	}
}

// A kept summary shows exactly what working everything out afresh shows,
// through a response's life: gates opening, steps turning overdue,
// incidents closed with and without their follow-ups, the clock set back,
// and every way of asking.
func TestStatusKeptSummaryShowsWhatAFreshOneShows(t *testing.T) {
	b := newStatusBench(t)
	t0 := time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC)
	h := func(n float64) time.Time { return t0.Add(time.Duration(n * float64(time.Hour))) }
	ev := func(id int, e state.Event) func(*state.File) {
		return func(f *state.File) {
			inc, _ := f.Incident(id)
			inc.Events = append(inc.Events, e)
		}
	}
	history := []struct {
		change func(*state.File)
		checks []time.Time
	}{
		{nil, []time.Time{t0}}, // no state file yet
		{func(f *state.File) { f.NewIncident("lock", "", "", "en", t0) }, []time.Time{t0, h(23), h(24), h(24).Add(time.Nanosecond), h(24.5), h(25)}},
		{ev(1, state.Event{Step: "can-sign-in", Action: "answer", Answer: "no", At: h(1)}), []time.Time{h(1)}},
		{ev(1, state.Event{Step: "note-lock", Action: "done", At: h(1)}), []time.Time{h(2), h(5.99), h(6), h(7), h(31), h(32)}},
		{func(f *state.File) { f.NewIncident("lock", "", "", "ja", h(2)) }, []time.Time{h(2), h(3)}},
		{ev(2, state.Event{Step: "look", Action: "skip", Reason: "no email came", At: h(3)}), []time.Time{h(3)}},
		{ev(2, state.Event{Step: "gone-step", Action: "note", Note: "kept", At: h(3)}), []time.Time{h(3)}},
		{ev(1, state.Event{Step: "look", Action: "later", At: h(4)}), []time.Time{h(7), h(40)}},
		{func(f *state.File) { closed := h(8); f.Incidents[0].ClosedAt = &closed }, []time.Time{h(8), h(30)}},
		{func(f *state.File) {
			closed := h(9)
			f.Incidents[1].ClosedAt, f.Incidents[1].DropFollowUps = &closed, true
		}, []time.Time{h(9), h(50), h(2)}},
	}
	asks := map[string]func(*statusOptions){
		"default":       nil,
		"--all":         func(o *statusOptions) { o.All = true },
		"1":             func(o *statusOptions) { o.Incident = 1 },
		"2":             func(o *statusOptions) { o.Incident = 2 },
		"3":             func(o *statusOptions) { o.Incident = 3 },
		"--exit-status": func(o *statusOptions) { o.ExitStatus = true },
	}
	for step, hs := range history {
		if hs.change != nil {
			b.update(hs.change)
		}
		for _, now := range hs.checks {
			for name, set := range asks {
				for _, tty := range []bool{true, false} {
					fresh := b.run("", now, tty, set)
					for try := range 2 { // the first run may keep a summary, the second uses it
						if kept := b.run(b.cacheDir, now, tty, set); kept != fresh {
							t.Fatalf("after change %d, at +%v, status %s (terminal %v), run %d:\n%s\nwant, worked out afresh:\n%s",
								step, now.Sub(t0), name, tty, try+1, kept, fresh)
						}
					}
				}
			}
		}
	}
}

// tamper rewrites the kept summary's first incident title, so that a test
// can see whether status printed the kept summary or worked it out again,
// and changes what else change asks.
func (b *statusBench) tamper(change func(*summary.Entry)) {
	b.t.Helper()
	path := b.keptFile()
	data, err := os.ReadFile(path)
	if err != nil {
		b.t.Fatal(err)
	}
	var e summary.Entry
	if err := e.UnmarshalBinary(data); err != nil {
		b.t.Fatal(err)
	}
	e.Summary.Incidents[0].Title = "KEPT"
	if change != nil {
		change(&e)
	}
	if data, err = e.MarshalBinary(); err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.t.Fatal(err)
	}
}

func (b *statusBench) keptFile() string {
	b.t.Helper()
	entries, _ := os.ReadDir(b.cacheDir)
	if len(entries) != 1 {
		b.t.Fatalf("cache directory holds %v, want one summary", entries)
	}
	return filepath.Join(b.cacheDir, entries[0].Name())
}

func (b *statusBench) kept() summary.Entry {
	b.t.Helper()
	data, err := os.ReadFile(b.keptFile())
	if err != nil {
		b.t.Fatal(err)
	}
	var e summary.Entry
	if err := e.UnmarshalBinary(data); err != nil {
		b.t.Fatal(err)
	}
	return e
}

// A state file written long enough ago is known by its metadata alone; one
// written just before status looked has its content compared as well, as
// a second write within the same tick of the file system's clock may
// leave its metadata as it was.
func TestStatusKeptSummaryTrustsTheFileIdentityOutsideTheRacyWindow(t *testing.T) {
	t0 := time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC)
	setup := func(t *testing.T, age time.Duration) *statusBench {
		b := newStatusBench(t)
		b.update(func(f *state.File) { f.NewIncident("lock", "", "", "en", t0) })
		written := time.Now().Add(-age)
		if err := os.Chtimes(b.stateFile, written, written); err != nil {
			t.Fatal(err)
		}
		b.run(b.cacheDir, t0, true, nil)
		return b
	}
	t.Run("written an hour ago: the content is not read", func(t *testing.T) {
		b := setup(t, time.Hour)
		b.tamper(func(e *summary.Entry) { e.Content = "something else" })
		if got := b.run(b.cacheDir, t0, true, nil); !strings.Contains(got, "KEPT") {
			t.Errorf("the kept summary was not used:\n%s", got)
		}
	})
	t.Run("written just now: other content is noticed", func(t *testing.T) {
		b := setup(t, 0)
		b.tamper(func(e *summary.Entry) { e.Content = "something else" })
		if got := b.run(b.cacheDir, t0, true, nil); strings.Contains(got, "KEPT") {
			t.Errorf("the kept summary of other content was used:\n%s", got)
		}
	})
	t.Run("written just now: the same content is used", func(t *testing.T) {
		b := setup(t, 0)
		b.tamper(nil)
		if got := b.run(b.cacheDir, t0, true, nil); !strings.Contains(got, "KEPT") {
			t.Errorf("the kept summary was not used:\n%s", got)
		}
	})
	t.Run("seen just after a write, checked later: the identity is trusted from then on", func(t *testing.T) {
		b := setup(t, time.Hour)
		modified := b.kept().Seen.Add(-time.Hour)
		b.tamper(func(e *summary.Entry) { e.Seen = modified })
		if got := b.run(b.cacheDir, t0, true, nil); !strings.Contains(got, "KEPT") {
			t.Errorf("the kept summary was not used:\n%s", got)
		}
		if seen := b.kept().Seen; seen.Sub(modified) < racyWindow {
			t.Errorf("the kept summary was not marked as checked: seen %v after the write", seen.Sub(modified))
		}
	})
}

// The kept summary is used only while everything it was worked out from
// is unchanged and its time has not run out.
func TestStatusKeptSummaryIsUsedOnlyWhileItHolds(t *testing.T) {
	t0 := time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		change func(b *statusBench) // after the summary is kept and tampered with
		now    time.Time
		kept   bool
	}{
		{"nothing changed", func(*statusBench) {}, t0.Add(time.Hour), true},
		{"the state changed", func(b *statusBench) {
			b.update(func(f *state.File) {
				f.Incidents[0].Events = append(f.Incidents[0].Events, state.Event{Step: "look", Action: "done", At: t0})
			})
		}, t0.Add(time.Hour), false},
		{"a user copy replaces the built-in playbook", func(b *statusBench) {
			if err := os.MkdirAll(b.userDir, 0o700); err != nil {
				b.t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(b.userDir, "lock.yaml"), []byte(lockPlaybook), 0o600); err != nil {
				b.t.Fatal(err)
			}
		}, t0.Add(time.Hour), false},
		{"a step's time came", func(*statusBench) {}, t0.Add(24 * time.Hour), false},
		{"the clock was set back", func(*statusBench) {}, t0.Add(-time.Minute), false},
		{"the kept file is damaged", func(b *statusBench) {
			path := b.keptFile()
			data, _ := os.ReadFile(path)
			data[len(data)/2] ^= 1
			if err := os.WriteFile(path, data, 0o600); err != nil {
				b.t.Fatal(err)
			}
		}, t0.Add(time.Hour), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newStatusBench(t)
			b.update(func(f *state.File) { f.NewIncident("lock", "", "", "en", t0) })
			first := b.run(b.cacheDir, t0, true, nil)
			b.tamper(nil)
			tt.change(b)
			got := b.run(b.cacheDir, tt.now, true, nil)
			if kept := strings.Contains(got, "KEPT"); kept != tt.kept {
				t.Errorf("kept summary used = %v, want %v; status:\n%s", kept, tt.kept, got)
			}
			if !tt.kept && !strings.Contains(got, "Locked out") {
				t.Errorf("status worked out afresh:\n%s\nfirst run:\n%s", got, first)
			}
		})
	}
}

func TestStatusKeptSummaryFile(t *testing.T) {
	b := newStatusBench(t)
	t0 := time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC)
	b.run(b.cacheDir, t0, true, nil)
	if _, err := os.Stat(b.cacheDir); err == nil {
		t.Errorf("status without a state file kept a summary")
	}
	b.update(func(f *state.File) { f.NewIncident("lock", "", "", "en", t0) })
	b.run(b.cacheDir, t0, true, func(o *statusOptions) { o.JSON = true })
	if _, err := os.Stat(b.cacheDir); err != nil {
		t.Errorf("status --json kept no summary: %v", err)
	}
	entries, _ := os.ReadDir(b.cacheDir)
	if len(entries) != 1 {
		t.Fatalf("cache directory holds %v, want one file", entries)
	}
	if runtime.GOOS != "windows" {
		fi, _ := os.Stat(filepath.Join(b.cacheDir, entries[0].Name()))
		dir, _ := os.Stat(b.cacheDir)
		if fi.Mode().Perm() != 0o600 || dir.Mode().Perm() != 0o700 {
			t.Errorf("modes %v and %v, want 0600 in 0700", fi.Mode().Perm(), dir.Mode().Perm())
		}
	}
	// Deleting an incident forgets the summary that names it.
	f := &Factory{StateFile: b.stateFile, CacheDir: b.cacheDir}
	forgetStatus(f)
	if entries, _ := os.ReadDir(b.cacheDir); len(entries) != 0 {
		t.Errorf("forgetStatus left %v", entries)
	}
}

// A playbook that cannot be used is reported every time: no summary is
// kept without it, and the one kept before it broke is not used.
func TestStatusWithABrokenPlaybookKeepsNothing(t *testing.T) {
	t0 := time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC)
	b := newStatusBench(t)
	b.update(func(f *state.File) { f.NewIncident("lock", "", "", "en", t0) })
	b.run(b.cacheDir, t0, true, nil)
	before, err := os.ReadFile(b.keptFile())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(b.userDir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(b.userDir, "lock.yaml"), []byte("schema: 1\nid: lock\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		got := b.run(b.cacheDir, t0, true, nil)
		if !strings.Contains(got, `acctguard: incident 1: playbook "lock" cannot be used`) || !strings.HasSuffix(got, "--- exit 1\n") {
			t.Errorf("status with a broken playbook:\n%s", got)
		}
	}
	if after, _ := os.ReadFile(b.keptFile()); !bytes.Equal(after, before) {
		t.Errorf("a summary was kept without the broken playbook")
	}
}
