//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/playbook/hostile"
)

// hostileSize is the largest playbook file acctguard reads (512 KiB).
const hostileSize = 512 << 10

// BenchmarkHostileProcess runs the commands that read a playbook file of
// the user's, as whole processes, on each hostile shape as large as a
// playbook can be: "playbook validate FILE", "playbook import FILE", and
// "playbook list" with the file in the user's playbooks folder. The goals
// (issue 11): under 100 MB of memory (the most the process had resident,
// as the kernel counts it) and under 1 s each. Before, a 1 MB file with
// 28,633 mistakes was killed at 23.7 GB after 72 s.
func BenchmarkHostileProcess(b *testing.B) {
	dir := b.TempDir()
	bin := goBuild(b, dir, "acctguard", ".")
	for _, shape := range hostile.Shapes {
		file := filepath.Join(dir, shape.Name+".yaml")
		if err := os.WriteFile(file, shape.File(hostileSize), 0o600); err != nil {
			b.Fatal(err)
		}
		config := filepath.Join(dir, "config-"+shape.Name)
		userDir := filepath.Join(config, "acctguard", "playbooks")
		if err := os.MkdirAll(userDir, 0o700); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(userDir, "hostile.yaml"), shape.File(hostileSize), 0o600); err != nil {
			b.Fatal(err)
		}
		env := append(os.Environ(), "XDG_CONFIG_HOME="+config, "XDG_STATE_HOME="+filepath.Join(dir, "state"), "ACCTGUARD_LANG=en")
		for _, command := range []struct {
			name string
			args []string
		}{
			{"validate", []string{"playbook", "validate", file}},
			{"import", []string{"playbook", "import", file}},
			{"list", []string{"playbook", "list"}},
		} {
			b.Run(shape.Name+"/"+command.name, func(b *testing.B) {
				var times []time.Duration
				var rss []int64
				for range b.N {
					cmd := exec.Command(bin, command.args...)
					cmd.Env = env
					start := time.Now()
					err := cmd.Run()
					times = append(times, time.Since(start))
					if _, failed := err.(*exec.ExitError); err != nil && !failed {
						b.Fatal(err)
					}
					rss = append(rss, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss<<10)
				}
				ms := float64(slices.Max(times)) / float64(time.Millisecond)
				mb := float64(slices.Max(rss)) / (1 << 20)
				b.ReportMetric(ms, "max-ms")
				b.ReportMetric(mb, "max-rss-MB")
				if b.N == 1 {
					return // the one-op probe before the run that counts
				}
				b.Logf("%s %s: %.0f MB (goal: under 100 MB) %s, %.0f ms (goal: under 1 s) %s",
					command.name, shape.Name, mb, verdict(mb < 100), ms, verdict(ms < 1000))
			})
		}
	}
}
