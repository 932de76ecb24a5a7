package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/playbooks"
)

// BenchmarkStatusProcess runs "acctguard status --exit-status", as a
// shell prompt would, on a state file of 100 open incidents x 40 events,
// against a Go hello-world built the same way. The goal: status within 2x
// of hello-world. It reports both medians and their ratio.
//
// As in a shell prompt, the state file was last written a while ago and
// status has run before, so each run shows the summary the last one kept.
// status-fresh-ns is a run with no summary kept, which works everything
// out: the first status after each change. floor-ratio is hello-world
// linked with all of acctguard's packages, against hello-world: what
// starting them costs before any acctguard code runs.
func BenchmarkStatusProcess(b *testing.B) {
	dir := b.TempDir()
	bin := goBuild(b, dir, "acctguard", ".")
	hello := goBuild(b, dir, "hello", "./testdata/hello")
	floor := goBuild(b, dir, "floor", "./testdata/floor")
	stateFile := filepath.Join(dir, "state.json")
	writeBigState(b, stateFile)
	hourAgo := time.Now().Add(-time.Hour)
	if err := os.Chtimes(stateFile, hourAgo, hourAgo); err != nil {
		b.Fatal(err)
	}
	cacheDir := filepath.Join(dir, "cache")
	env := append(os.Environ(), "ACCTGUARD_STATE="+stateFile, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_CACHE_HOME="+cacheDir, "ACCTGUARD_LANG=en")

	var statusTimes, freshTimes, helloTimes, floorTimes []time.Duration
	run := func(times *[]time.Duration, name string, args ...string) {
		cmd := exec.Command(name, args...)
		cmd.Env = env
		start := time.Now()
		err := cmd.Run()
		if times != nil {
			*times = append(*times, time.Since(start))
		}
		if exit, ok := err.(*exec.ExitError); err != nil && (!ok || exit.ExitCode() != 3) {
			b.Fatalf("%s: %v", name, err)
		}
	}
	run(nil, bin, "status", "--exit-status") // keeps the summary
	for range b.N {
		run(&helloTimes, hello)
		run(&statusTimes, bin, "status", "--exit-status")
		run(&floorTimes, floor)
	}
	for range b.N {
		if err := os.RemoveAll(cacheDir); err != nil {
			b.Fatal(err)
		}
		run(&freshTimes, bin, "status", "--exit-status")
	}
	s, h := median(statusTimes), median(helloTimes)
	b.ReportMetric(float64(s.Nanoseconds()), "status-ns")
	b.ReportMetric(float64(h.Nanoseconds()), "hello-ns")
	b.ReportMetric(float64(s)/float64(h), "ratio")
	b.ReportMetric(float64(median(freshTimes).Nanoseconds()), "status-fresh-ns")
	b.ReportMetric(float64(median(floorTimes))/float64(h), "floor-ratio")
}

func median(d []time.Duration) time.Duration {
	slices.Sort(d)
	return d[len(d)/2]
}

func goBuild(b *testing.B, dir, name, pkg string) string {
	out := filepath.Join(dir, name)
	cmd := exec.Command("go", "build", "-trimpath", "-o", out, pkg)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, msg)
	}
	return out
}

// writeBigState writes 100 open incidents of the built-in playbook, each
// with 40 events on its real steps.
func writeBigState(b *testing.B, path string) {
	src, err := playbooks.FS.ReadFile("amazon-takeover.yaml")
	if err != nil {
		b.Fatal(err)
	}
	p, err := playbook.Parse("amazon-takeover.yaml", src)
	if err != nil {
		b.Fatal(err)
	}
	opened := time.Date(2026, 11, 1, 21, 0, 0, 0, time.UTC)
	_, err = state.New(path).Update(func(f *state.File) error {
		for i := range 100 {
			inc := f.NewIncident(p.ID, p.Version, p.Digest, "ja", opened.Add(time.Duration(i)*time.Hour))
			for j := range 40 {
				step := p.Steps[j%len(p.Steps)]
				e := state.Event{Step: step.ID, Action: "done", At: inc.OpenedAt.Add(time.Duration(j) * time.Minute)}
				if step.Kind == playbook.KindQuestion {
					e.Action, e.Answer = "answer", step.Options[0].Value
				}
				if j%3 == 0 {
					e.Note = fmt.Sprintf("サポートに電話。受付番号 A-%05d。末尾 1234 のカードを停止", j)
				}
				inc.Events = append(inc.Events, e)
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkLoadDerive is the work of a status that has no summary kept:
// read the state file of 100 incidents x 40 events, parse the built-in
// playbook and work out every step of every incident.
func BenchmarkLoadDerive(b *testing.B) {
	path := filepath.Join(b.TempDir(), "state.json")
	writeBigState(b, path)
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for b.Loop() {
		file, err := state.New(path).Load()
		if err != nil {
			b.Fatal(err)
		}
		src, err := playbooks.FS.ReadFile("amazon-takeover.yaml")
		if err != nil {
			b.Fatal(err)
		}
		p, err := playbook.Check(playbook.BuiltinName("amazon-takeover"), "amazon-takeover", src)
		if err != nil {
			b.Fatal(err)
		}
		for _, inc := range file.Open() {
			evs := make([]incident.Event, len(inc.Events))
			for i, e := range inc.Events {
				evs[i] = incident.Event{Step: e.Step, Action: incident.Action(e.Action), At: e.At, Answer: e.Answer, Reason: e.Reason, Note: e.Note}
			}
			incident.Derive(p, inc.OpenedAt, evs, now)
		}
	}
}
