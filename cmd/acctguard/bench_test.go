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

// BenchmarkStatusProcess runs "acctguard status --exit-status" as a whole
// process, as a shell prompt would, beside a Go hello-world built the same
// way, in turns so that both see the same machine. Nothing is kept between
// runs: every status reads the state file and the playbook and works out
// every step. The goals (issue 9): with a real person's data (1 to 5
// incidents) within 3x of hello-world; with 100 incidents x 40 events,
// far more than anyone has, under 25 ms.
//
// floor-ratio is hello-world linked with all of acctguard's packages,
// against hello-world: what starting them costs before acctguard's own
// code runs, and so the least the ratio can be.
func BenchmarkStatusProcess(b *testing.B) {
	dir := b.TempDir()
	bin := goBuild(b, dir, "acctguard", ".")
	hello := goBuild(b, dir, "hello", "./testdata/hello")
	floor := goBuild(b, dir, "floor", "./testdata/floor")
	for _, size := range []struct {
		name              string
		incidents, events int
		// goalRatio is against hello-world; goalMS is absolute. Zero
		// means no goal of that kind.
		goalRatio, goalMS float64
	}{
		{"incidents=1", 1, 20, 3, 0},
		{"incidents=5", 5, 20, 3, 0},
		{"incidents=100x40", 100, 40, 0, 25},
	} {
		b.Run(size.name, func(b *testing.B) {
			stateFile := filepath.Join(b.TempDir(), "state.json")
			writeState(b, stateFile, size.incidents, size.events)
			env := append(os.Environ(), "ACCTGUARD_STATE="+stateFile, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "ACCTGUARD_LANG=en")
			var statusTimes, helloTimes, floorTimes []time.Duration
			run := func(times *[]time.Duration, name string, args ...string) {
				cmd := exec.Command(name, args...)
				cmd.Env = env
				start := time.Now()
				err := cmd.Run()
				*times = append(*times, time.Since(start))
				if exit, ok := err.(*exec.ExitError); err != nil && (!ok || exit.ExitCode() != 3) {
					b.Fatalf("%s: %v", name, err)
				}
			}
			for range b.N {
				run(&helloTimes, hello)
				run(&statusTimes, bin, "status", "--exit-status")
				run(&floorTimes, floor)
			}
			s, h := median(statusTimes), median(helloTimes)
			ratio := float64(s) / float64(h)
			ms := float64(s) / float64(time.Millisecond)
			b.ReportMetric(ms, "status-ms")
			b.ReportMetric(float64(h)/float64(time.Millisecond), "hello-ms")
			b.ReportMetric(ratio, "ratio")
			b.ReportMetric(float64(median(floorTimes))/float64(h), "floor-ratio")
			if b.N == 1 {
				return // the one-op probe before the run that counts
			}
			if size.goalRatio > 0 {
				b.Logf("status, %s: %.2fx hello-world (goal: within %.1fx) %s", size.name, ratio, size.goalRatio, verdict(ratio <= size.goalRatio))
			}
			if size.goalMS > 0 {
				b.Logf("status, %s: %.1f ms (goal: under %.0f ms) %s", size.name, ms, size.goalMS, verdict(ms < size.goalMS))
			}
		})
	}
}

func verdict(met bool) string {
	if met {
		return "met"
	}
	return "NOT MET"
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

func builtinPlaybook(b *testing.B) *playbook.Playbook {
	src, err := playbooks.FS.ReadFile("amazon-takeover.yaml")
	if err != nil {
		b.Fatal(err)
	}
	p, err := playbook.Check(playbook.BuiltinName("amazon-takeover"), "amazon-takeover", src)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// writeState writes open incidents of the built-in playbook, each with
// events on its real steps and a note on every third, in Japanese.
func writeState(b *testing.B, path string, incidents, events int) {
	p := builtinPlaybook(b)
	opened := time.Date(2026, 11, 1, 21, 0, 0, 0, time.UTC)
	_, err := state.New(path).Update(func(f *state.File) error {
		for i := range incidents {
			inc := f.NewIncident(p.ID, p.Version, p.Digest, "ja", opened.Add(time.Duration(i)*time.Hour))
			for j := range events {
				step := p.Steps[j%len(p.Steps)]
				e := state.Event{Step: step.ID, Action: state.ActionDone, At: inc.OpenedAt.Add(time.Duration(j) * time.Minute)}
				if step.Kind == playbook.KindQuestion {
					e.Action, e.Answer = state.ActionAnswer, step.Options[0].Value
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

// BenchmarkLoadDerive is the work of one status in-process, without
// starting a program: read the state file of 100 incidents x 40 events,
// parse the built-in playbook and work out every step of every incident.
func BenchmarkLoadDerive(b *testing.B) {
	path := filepath.Join(b.TempDir(), "state.json")
	writeState(b, path, 100, 40)
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for b.Loop() {
		file, err := state.New(path).Load()
		if err != nil {
			b.Fatal(err)
		}
		p := builtinPlaybook(b)
		for _, inc := range file.Open() {
			evs := make([]incident.Event, len(inc.Events))
			for i, e := range inc.Events {
				evs[i] = incident.Event{Step: e.Step, Action: incident.Action(e.Action), At: e.At, Answer: e.Answer, Reason: e.Reason, Note: e.Note}
			}
			incident.Derive(p, inc.OpenedAt, evs, now)
		}
	}
}
