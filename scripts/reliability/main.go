// Command reliability runs the real acctguard binary against the promises
// the README's "Reliability" section makes, and prints a figure for each:
// processes killed in the middle of saving, processes saving at once,
// damaged state files, a full disk, file modes, and hostile playbooks.
//
//	go build -o bin/acctguard ./cmd/acctguard
//	go run ./scripts/reliability [-bin bin/acctguard] [-kills 3000]
//
// It exits 1 if any promise is broken. Linux only (it uses SIGKILL, and
// mounts a small tmpfs for the full-disk check when run as root).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"
)

var (
	bin    = flag.String("bin", "bin/acctguard", "the acctguard binary to test")
	kills  = flag.Int("kills", 3000, "processes to kill while they save")
	procs  = flag.Int("procs", 8, "processes saving at once")
	each   = flag.Int("each", 125, "notes each of those processes saves")
	broken = false
)

func main() {
	flag.Parse()
	abs, err := filepath.Abs(*bin)
	if err != nil {
		fatal(err)
	}
	*bin = abs
	if _, err := os.Stat(*bin); err != nil {
		fatal(fmt.Errorf("%w (build it first: go build -o bin/acctguard ./cmd/acctguard)", err))
	}
	for _, check := range []func(){killed, concurrent, damaged, fullDisk, modes, hostile} {
		check()
	}
	if broken {
		os.Exit(1)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "reliability:", err)
	os.Exit(1)
}

// report prints one figure, marking a broken promise.
func report(ok bool, format string, args ...any) {
	mark := "ok  "
	if !ok {
		mark, broken = "FAIL", true
	}
	fmt.Printf("%s %s\n", mark, fmt.Sprintf(format, args...))
}

// home is a scratch state and config directory for one check.
type home struct{ dir string }

func newHome() home {
	dir, err := os.MkdirTemp("", "acctguard-reliability-")
	if err != nil {
		fatal(err)
	}
	return home{dir}
}

func (h home) state() string { return filepath.Join(h.dir, "state", "acctguard", "state.json") }

func (h home) cmd(args ...string) *exec.Cmd {
	c := exec.Command(*bin, args...)
	c.Env = append(os.Environ(),
		"XDG_STATE_HOME="+filepath.Join(h.dir, "state"),
		"XDG_CONFIG_HOME="+filepath.Join(h.dir, "config"),
		"ACCTGUARD_STATE=", "ACCTGUARD_LANG=en", "LANG=C.UTF-8",
	)
	return c
}

func (h home) run(args ...string) (stdout, stderr string, code int) {
	c := h.cmd(args...)
	var out, errOut bytes.Buffer
	c.Stdout, c.Stderr = &out, &errOut
	err := c.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		fatal(err)
	}
	return out.String(), errOut.String(), code
}

func (h home) mustRun(args ...string) {
	if _, errOut, code := h.run(args...); code != 0 {
		fatal(fmt.Errorf("acctguard %s: exit %d: %s", strings.Join(args, " "), code, errOut))
	}
}

// notes returns the notes saved on step of incident 1, by reading the
// state file as any program would.
func (h home) notes() (map[string]bool, error) {
	raw, err := os.ReadFile(h.state())
	if err != nil {
		return nil, err
	}
	var f struct {
		Incidents []struct {
			Events []struct {
				Note string `json:"note"`
			} `json:"events"`
		} `json:"incidents"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, inc := range f.Incidents {
		for _, e := range inc.Events {
			if e.Note != "" {
				seen[e.Note] = true
			}
		}
	}
	return seen, nil
}

const step = "keep-contact-log"

// start opens an incident with enough history that a save takes a while,
// so that kills land inside saves.
func (h home) start(history int) {
	h.mustRun("incident", "new", "amazon-takeover")
	for i := range history {
		h.mustRun("note", step, "history "+strconv.Itoa(i))
	}
}

// killed runs acctguard note processes and kills each with SIGKILL at a
// random moment; every note whose process exited 0 before the kill must be
// in the file, and the file must always parse.
func killed() {
	h := newHome()
	defer os.RemoveAll(h.dir)
	h.start(200)
	acked, landed, corrupt, lost := 0, 0, 0, 0
	var want []string
	started := time.Now()
	for i := range *kills {
		note := "kill " + strconv.Itoa(i)
		c := h.cmd("note", step, note)
		if err := c.Start(); err != nil {
			fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- c.Wait() }()
		select {
		case err := <-done:
			if err == nil {
				acked++
				want = append(want, note)
			}
		case <-time.After(time.Duration(rand.IntN(12000)) * time.Microsecond):
			c.Process.Signal(syscall.SIGKILL)
			if err := <-done; err == nil {
				acked++
				want = append(want, note)
			} else {
				landed++
			}
		}
		if i%100 == 99 || i == *kills-1 {
			seen, err := h.notes()
			if err != nil {
				corrupt++
				continue
			}
			for _, n := range want {
				if !seen[n] {
					lost++
				}
			}
			want = want[:0]
		}
	}
	report(corrupt == 0 && lost == 0, "%d processes killed with SIGKILL at random moments (%d before they finished, %d acknowledged): %d corrupt files, %d acknowledged notes lost (%.0f s)",
		*kills, landed, acked, corrupt, lost, time.Since(started).Seconds())
}

// concurrent runs several processes saving notes at the same time.
func concurrent() {
	h := newHome()
	defer os.RemoveAll(h.dir)
	h.start(0)
	var wg sync.WaitGroup
	var mu sync.Mutex
	failed := 0
	for p := range *procs {
		wg.Go(func() {
			for i := range *each {
				if _, _, code := h.run("note", step, fmt.Sprintf("p%d n%d", p, i)); code != 0 {
					mu.Lock()
					failed++
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	seen, err := h.notes()
	lost := 0
	for p := range *procs {
		for i := range *each {
			if !seen[fmt.Sprintf("p%d n%d", p, i)] {
				lost++
			}
		}
	}
	report(err == nil && failed == 0 && lost == 0, "%d processes x %d notes at once: %d failed, %d lost", *procs, *each, failed, lost)
}

// position matches an error that says where the damage is: a line and
// column, or the record it is in (a flipped bit can leave valid JSON that
// names a step or playbook that does not exist, or drops a field).
var position = regexp.MustCompile(`line \d+, column \d+|:\d+:\d+|(event \d+ of )?incident \d+|"[a-z_]+" is missing|\(schema \d+\)`)

// damaged writes broken state files and checks that each is refused with
// its position and left exactly as it was, by a reader and by a writer.
func damaged() {
	h := newHome()
	defer os.RemoveAll(h.dir)
	h.start(5)
	h.mustRun("step", "skip", "turn-on-2sv", "--reason", "later tonight")
	good, err := os.ReadFile(h.state())
	if err != nil {
		fatal(err)
	}
	type variant struct {
		kind string
		data []byte
	}
	var variants []variant
	for range 100 {
		variants = append(variants, variant{"truncated", good[:1+rand.IntN(len(good)-2)]})
	}
	for range 200 {
		b := bytes.Clone(good)
		b[rand.IntN(len(b))] ^= byte(1 << rand.IntN(8))
		variants = append(variants, variant{"a flipped bit", b})
	}
	for _, r := range [][2]string{
		{`"id": 1`, `"id": "1"`},
		{`"next_id": 2`, `"next_id": true`},
		{`"events": [`, `"events": {"a": [`},
		{`"closed_at": null`, `"closed_at": 5`},
		{`"schema": 1`, `"schema": "1"`},
	} {
		if !bytes.Contains(good, []byte(r[0])) {
			fatal(fmt.Errorf("state file has no %s", r[0]))
		}
		variants = append(variants, variant{"wrongly typed", bytes.Replace(good, []byte(r[0]), []byte(r[1]), 1)})
	}
	refused, accepted, unclear, touched, badUTF8 := 0, 0, 0, 0, 0
	for _, v := range variants {
		if err := os.WriteFile(h.state(), v.data, 0o600); err != nil {
			fatal(err)
		}
		os.Remove(h.state() + ".bak")
		_, errOut, code := h.run("status")
		_, _, wcode := h.run("note", step, "after damage")
		after, _ := os.ReadFile(h.state())
		if code == 0 {
			// Still a valid file (a flipped bit inside a note, say): it
			// is read, and a save must leave valid JSON.
			accepted++
			if !utf8.Valid(v.data) {
				badUTF8++
			}
			if _, err := h.notes(); wcode == 0 && err != nil {
				touched++
			}
			continue
		}
		refused++
		if !position.MatchString(errOut) {
			unclear++
			fmt.Printf("     no position for %s file: %s", v.kind, errOut)
		}
		if wcode == 0 || !bytes.Equal(after, v.data) {
			touched++
			fmt.Printf("     %s file refused by status but changed by note\n", v.kind)
		}
	}
	// An emptied file beside a good backup is damage too: read as "no
	// incidents", the next two saves would overwrite the backup.
	emptyKept := true
	for _, empty := range []string{"", " \n"} {
		os.WriteFile(h.state(), good, 0o600)
		h.mustRun("note", step, "so that a backup exists")
		os.WriteFile(h.state(), []byte(empty), 0o600)
		bak, _ := os.ReadFile(h.state() + ".bak")
		_, _, code := h.run("status")
		h.run("incident", "new", "amazon-takeover")
		h.run("note", step, "after emptying")
		now, _ := os.ReadFile(h.state())
		bakNow, _ := os.ReadFile(h.state() + ".bak")
		if code == 0 || string(now) != empty || !bytes.Equal(bak, bakNow) {
			emptyKept = false
		}
	}
	report(emptyKept, "an emptied state file (0 bytes, or only spaces) beside a good backup: refused, both files kept: %v", emptyKept)
	report(unclear == 0 && touched == 0 && badUTF8 == 0, "%d damaged state files (truncated, flipped bits, wrong types): %d refused, all saying where: %v; %d still valid JSON and accepted, %d of them with invalid UTF-8; %d changed or half-accepted",
		len(variants), refused, unclear == 0, accepted, badUTF8, touched)
}

// fullDisk fills a 64 KiB file system with notes until saving fails; the
// file must stay valid and hold every acknowledged note.
func fullDisk() {
	h := newHome()
	defer os.RemoveAll(h.dir)
	mnt := filepath.Join(h.dir, "state")
	os.MkdirAll(mnt, 0o700)
	if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt).Run(); err != nil {
		fmt.Printf("skip full disk: cannot mount a 64 KiB tmpfs (%v; needs root)\n", err)
		return
	}
	defer exec.Command("umount", mnt).Run()
	h.mustRun("incident", "new", "amazon-takeover")
	var acked []string
	failures := 0
	for i := 0; failures < 20 && i < 5000; i++ {
		note := fmt.Sprintf("disk %d %s", i, strings.Repeat("x", 200))
		if _, _, code := h.run("note", step, note); code == 0 {
			acked = append(acked, note)
		} else {
			failures++
		}
	}
	seen, err := h.notes()
	lost := 0
	for _, n := range acked {
		if !seen[n] {
			lost++
		}
	}
	report(err == nil && lost == 0 && failures > 0, "64 KiB disk filled: %d notes saved, then %d refused saves; file valid: %v; acknowledged notes lost: %d", len(acked), failures, err == nil, lost)
}

// modes checks every file acctguard made.
func modes() {
	h := newHome()
	defer os.RemoveAll(h.dir)
	h.start(3)
	h.mustRun("note", step, "one more, so that a backup exists")
	bad := 0
	n := 0
	filepath.Walk(h.dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || path == h.dir || !strings.Contains(path, "acctguard") {
			return err
		}
		n++
		want := os.FileMode(0o600)
		if info.IsDir() {
			want = 0o700
		}
		if info.Mode().Perm() != want {
			bad++
			fmt.Printf("     %s is %v\n", path, info.Mode().Perm())
		}
		return nil
	})
	report(bad == 0 && n > 0, "%d files and folders acctguard created: %d not 0600/0700", n, bad)
}

// hostile validates playbooks made to exhaust a parser.
func hostile() {
	h := newHome()
	defer os.RemoveAll(h.dir)
	laughs := "schema: 1\nid: lol\ntitle: a\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	for i := 1; i < 9; i++ {
		laughs += fmt.Sprintf("x%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	laughs += "steps: *a8\n"
	deep := "schema: 1\nid: deep\ntitle: a\nsteps: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n"
	for _, f := range []struct{ name, text string }{{"billion laughs", laughs}, {"100,000-deep nesting", deep}} {
		path := filepath.Join(h.dir, "hostile.yaml")
		if err := os.WriteFile(path, []byte(f.text), 0o600); err != nil {
			fatal(err)
		}
		start := time.Now()
		_, _, code := h.run("playbook", "validate", path)
		took := time.Since(start)
		report(code == 1 && took < time.Second, "%s playbook: refused (exit %d) in %d ms", f.name, code, took.Milliseconds())
	}
}
