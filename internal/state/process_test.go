package state

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The tests in this file run the test binary itself as separate acctguard
// processes (TestHelperProcess), because a lock or a crash only means
// something between processes.

const (
	envHelper = "ACCTGUARD_STATE_TEST_HELPER" // "append N", "forever" or "hang N"
	envPath   = "ACCTGUARD_STATE_TEST_PATH"
	envTag    = "ACCTGUARD_STATE_TEST_TAG"
)

func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(envHelper)
	if mode == "" {
		t.Skip("run as a separate process by other tests")
	}
	s := New(os.Getenv(envPath))
	tag := os.Getenv(envTag)
	n := -1 // forever
	verb, count, _ := strings.Cut(mode, " ")
	if count != "" {
		var err error
		if n, err = strconv.Atoi(count); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	for i := 0; n < 0 || i < n || verb == "hang"; i++ {
		if verb == "hang" && i == n {
			// Stop the next save with its temp file written but not yet
			// in place, and wait there to be killed.
			beforeReplace = func() {
				fmt.Println("saving")
				time.Sleep(time.Hour)
			}
		}
		if err := appendNote(s, tag, i); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		// Printed only once Update has returned: the test holds us to
		// every update acknowledged this way.
		fmt.Printf("ack %d\n", i+1)
	}
	os.Exit(0)
}

// helper returns the command for a helper process; once started, it is
// killed when the test ends, so a failing test leaves no process behind.
func helper(t *testing.T, s *Store, mode, tag string) (*exec.Cmd, *bytes.Buffer) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.timeout=5m")
	cmd.Env = append(os.Environ(), envHelper+"="+mode, envPath+"="+s.Path(), envTag+"="+tag)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	t.Cleanup(func() {
		if cmd.Process != nil {
			cmd.Process.Kill()
		}
	})
	return cmd, &stderr
}

func TestConcurrentProcessesLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: 1000 synced saves")
	}
	s := newStore(t)
	mustUpdate(t, s, func(f *File) error { f.NewIncident("x", "", "", "en", t0); return nil })

	const procs, each = 2, 500
	var wg sync.WaitGroup
	for p := range procs {
		cmd, stderr := helper(t, s, fmt.Sprintf("append %d", each), strconv.Itoa(p))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			if err := cmd.Wait(); err != nil {
				t.Errorf("helper %d: %v\n%s", p, err, stderr)
			}
		})
	}
	wg.Wait()
	checkEvents(t, s, procs, each)
	if got := temps(t, s); len(got) > 0 {
		t.Errorf("temp files left: %v", got)
	}
}

func TestKilledMidSaveKeepsAcknowledged(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGKILL on Windows")
	}
	if testing.Short() {
		t.Skip("slow: runs saves until killed")
	}
	s := newStore(t)
	// A sizeable file makes each save take a while, so the kill is likely
	// to land while one is being written.
	big := bigFile()
	big.Incidents = big.Incidents[:25]
	mustUpdate(t, s, func(f *File) error { *f = *big; return nil })

	for round, killAt := range []int{200, 150, 250} {
		tag := "r" + strconv.Itoa(round)
		cmd, stderr := helper(t, s, "forever", tag)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		acked := 0
		lines := bufio.NewScanner(out)
		for lines.Scan() {
			n, err := strconv.Atoi(strings.TrimPrefix(lines.Text(), "ack "))
			if err != nil {
				t.Fatalf("helper said %q", lines.Text())
			}
			acked = n
			if acked == killAt {
				// Land somewhere in the next save, not always at its start.
				time.Sleep(time.Duration(rand.IntN(5000)) * time.Microsecond)
				// Process.Kill is SIGKILL: no deferred cleanup runs.
				if err := cmd.Process.Kill(); err != nil {
					t.Fatal(err)
				}
			}
		}
		// Acks already in the pipe when the kill landed count too.
		cmd.Wait()
		if acked < killAt {
			t.Fatalf("round %d: helper stopped after %d acks: %s", round, acked, stderr)
		}
		t.Logf("round %d: killed after %d acks; temp files left by the kill: %v", round, acked, temps(t, s))

		inc, ok := mustLoad(t, s).Incident(1)
		if !ok {
			t.Fatal("incident 1 lost")
		}
		saved := 0
		for _, e := range inc.Events {
			if tagOf, n, _ := strings.Cut(e.Note, "-"); tagOf == tag {
				if n != strconv.Itoa(saved) {
					t.Fatalf("round %d: event %s after %d", round, n, saved)
				}
				saved++
			}
		}
		if saved < acked {
			t.Errorf("round %d: %d events saved, but %d were acknowledged", round, saved, acked)
		}
	}

	// The next save clears whatever the kills left behind.
	mustUpdate(t, s, func(f *File) error { f.NewIncident("y", "", "", "en", t0); return nil })
	if got := temps(t, s); len(got) > 0 {
		t.Errorf("temp files left after the next save: %v", got)
	}
}

func TestKilledBetweenWriteAndRename(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGKILL on Windows")
	}
	s := newStore(t)
	mustUpdate(t, s, func(f *File) error { f.NewIncident("x", "", "", "en", t0); return nil })
	before := readFile(t, s.Path())

	const acks = 20
	cmd, stderr := helper(t, s, fmt.Sprintf("hang %d", acks), "h")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var said []string
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		said = append(said, lines.Text())
		if lines.Text() == "saving" {
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
		}
	}
	cmd.Wait()
	if len(said) != acks+1 || said[acks] != "saving" {
		t.Fatalf("helper said %q\n%s", said, stderr)
	}

	// The half-done save left its temp file and changed nothing else.
	if got := temps(t, s); len(got) != 1 {
		t.Errorf("temp files after the kill: %v, want the one being written", got)
	}
	checkEvents(t, s, 1, acks)
	if got := readFile(t, s.Path()); got == before {
		t.Error("acknowledged saves are missing")
	}

	// The next save clears it.
	mustUpdate(t, s, func(f *File) error { f.NewIncident("y", "", "", "en", t0); return nil })
	if got := temps(t, s); len(got) > 0 {
		t.Errorf("temp files left after the next save: %v", got)
	}
	checkEvents(t, s, 1, acks)
}
