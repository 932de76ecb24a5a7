package cli

import (
	"errors"
	"strings"
	"testing"
)

type fullDisk struct{}

func (fullDisk) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// A command whose output cannot be written fails, with one line that says
// so, whether it looked at the write's error or not.
func TestOutputThatCannotBeWrittenFails(t *testing.T) {
	for _, args := range [][]string{
		{"version"},
		{"--help"},
		{"playbook", "list"},
		{"playbook", "list", "--json"},
		{"playbook", "show", "card"},
		{"incident", "new", "card"},
		{"status"},
		{"status", "--json"},
		{"status", "--exit-status"},
		{"report", "--format", "txt"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			f, _, errOut := testFactory(t, nil)
			f.StateFile = t.TempDir() + "/state.json"
			if args[0] == "status" || args[0] == "report" {
				if code := Run(f, []string{"--state", f.StateFile, "incident", "new", "card"}); code != 0 {
					t.Fatalf("incident new: exit %d: %s", code, errOut)
				}
			}
			f.IO.SetOut(fullDisk{})
			errOut.Reset()
			if code := Run(f, append([]string{"--state", f.StateFile}, args...)); code != exitFailure {
				t.Errorf("exit code %d, want 1", code)
			}
			if want := "acctguard: cannot write to standard output: no space left on device\n"; errOut.String() != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", errOut, want)
			}
		})
	}
}

// A failure of its own is what a command reports, not the lost output.
func TestOtherFailureComesFirst(t *testing.T) {
	f, _, errOut := testFactory(t, nil)
	f.IO.SetOut(fullDisk{})
	if code := Run(f, []string{"playbook", "show", "crad"}); code != exitUsage {
		t.Errorf("exit code %d, want 2", code)
	}
	if !strings.HasPrefix(errOut.String(), "acctguard: unknown playbook \"crad\"\n") {
		t.Errorf("stderr:\n%s", errOut)
	}
}
