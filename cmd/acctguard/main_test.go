package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/gofrs/flock"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/acctguard/acctguard/internal/cli"
	"github.com/acctguard/acctguard/internal/playbook/hostile"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"acctguard":   func() { os.Exit(cli.Main()) },
		"fake-editor": fakeEditor,
	})
}

// TestScripts runs the end-to-end scripts in testdata/script with the real
// binary, each in its own home, config and state directories.
// updateScripts rewrites the files a script compares with cmp to what the
// program printed; review the diff before committing it.
var updateScripts = flag.Bool("update-scripts", false, "rewrite the compared files of the test scripts")

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join("..", "..", "testdata", "script"),
		UpdateScripts: *updateScripts,
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOME", env.WorkDir+"/home")
			env.Setenv("XDG_CONFIG_HOME", env.WorkDir+"/config")
			env.Setenv("XDG_STATE_HOME", env.WorkDir+"/state")
			env.Setenv("XDG_CACHE_HOME", env.WorkDir+"/cache")
			env.Setenv("USERPROFILE", env.WorkDir+"/home")
			env.Setenv("APPDATA", env.WorkDir+"/config")
			env.Setenv("LOCALAPPDATA", env.WorkDir+"/state")
			// Characters a script cannot write in its own text, for
			// hostile input: ${ESC}, ${BEL} and so on in a command line.
			for name, c := range map[string]string{
				"ESC": "\x1b", "BEL": "\a", "CR": "\r", "NL": "\n", "TAB": "\t",
				"CSI8": "\u009b", "RLO": "\u202e", "IDSP": "\u3000", "NBSP": "\u00a0",
			} {
				env.Setenv(name, c)
			}
			return nil
		},
		// [root]: permission bits do not stop root, so scripts about a
		// folder acctguard may not write in skip there.
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode":     exitCode,
			"hold-lock":    holdLock,
			"release-lock": releaseLock,
			"mode":         checkMode,
			"hostile":      hostileFile,
		},
	})
}

// exitCode runs a command and checks its exit code, which "exec" and
// "! exec" cannot tell apart beyond zero and non-zero:
//
//	exitcode 2 acctguard respond
func exitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %q is not a number", args[0])
	}
	got := 0
	var exitErr *exec.ExitError
	if err := ts.Exec(args[1], args[2:]...); errors.As(err, &exitErr) {
		got = exitErr.ExitCode()
	} else if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}

// checkMode checks the permission bits of files or folders, which
// testscript can set (chmod) but not check:
//
//	mode 0600 $XDG_STATE_HOME/acctguard/state.json
func checkMode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: mode PERM FILE...")
	}
	want, err := strconv.ParseUint(args[0], 8, 32)
	if err != nil {
		ts.Fatalf("mode: %q is not an octal mode", args[0])
	}
	for _, name := range args[1:] {
		fi, err := os.Lstat(ts.MkAbs(name))
		ts.Check(err)
		if got := fi.Mode().Perm(); got != os.FileMode(want) {
			ts.Fatalf("mode of %s is %04o, want %04o", name, got, want)
		}
	}
}

// heldLocks are the locks scripts hold, by script.
var heldLocks sync.Map // *testscript.TestScript -> *flock.Flock

// holdLock takes a lock file as another acctguard saving would, until
// release-lock or the end of the script:
//
//	hold-lock $XDG_STATE_HOME/acctguard/state.json.lock
func holdLock(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: hold-lock FILE")
	}
	l := flock.New(ts.MkAbs(args[0]))
	ts.Check(l.Lock())
	heldLocks.Store(ts, l)
	ts.Defer(func() { releaseLock(ts, false, nil) })
}

// releaseLock releases the lock hold-lock took.
func releaseLock(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: release-lock")
	}
	if l, ok := heldLocks.LoadAndDelete(ts); ok {
		ts.Check(l.(*flock.Flock).Unlock())
	}
}

// hostileFile writes a hostile playbook of the given shape and size (see
// package hostile):
//
//	hostile invalid-steps 524288 big.yaml
func hostileFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: hostile SHAPE SIZE FILE")
	}
	size, err := strconv.Atoi(args[1])
	if err != nil {
		ts.Fatalf("hostile: %q is not a number", args[1])
	}
	for _, s := range hostile.Shapes {
		if s.Name == args[0] {
			ts.Check(os.WriteFile(ts.MkAbs(args[2]), s.File(size), 0o600))
			return
		}
	}
	ts.Fatalf("hostile: no shape %q; there are %s", args[0], hostile.Names())
}

// fakeEditor stands in for a person at an editor in the scripts; the
// file to edit comes last, as editors get it:
//
//	fake-editor keep FILE            save it as it is
//	fake-editor empty FILE           empty it (cancels the edit)
//	fake-editor append TEXT FILE     add a line at the end
//	fake-editor replace SRC FILE     replace it with SRC
//	fake-editor rounds DIR FILE      on round n, copy FILE to DIR/seen-n and
//	                                 DIR/n over FILE (n counts in DIR/count)
//	fake-editor crash TEXT FILE      add a line, then exit 3
func fakeEditor() {
	args := os.Args[1:]
	file := args[len(args)-1]
	fail := func(err error) {
		if err != nil {
			fmt.Fprintln(os.Stderr, "fake-editor:", err)
			os.Exit(1)
		}
	}
	appendLine := func(text string) {
		f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
		fail(err)
		_, err = fmt.Fprintln(f, text)
		fail(err)
		fail(f.Close())
	}
	switch args[0] {
	case "keep":
	case "empty":
		fail(os.WriteFile(file, nil, 0o600))
	case "append":
		appendLine(args[1])
	case "replace":
		src, err := os.ReadFile(args[1])
		fail(err)
		fail(os.WriteFile(file, src, 0o600))
	case "rounds":
		dir := args[1]
		n := 1
		if b, err := os.ReadFile(filepath.Join(dir, "count")); err == nil {
			n, _ = strconv.Atoi(strings.TrimSpace(string(b)))
			n++
		}
		fail(os.WriteFile(filepath.Join(dir, "count"), []byte(strconv.Itoa(n)), 0o600))
		seen, err := os.ReadFile(file)
		fail(err)
		fail(os.WriteFile(filepath.Join(dir, fmt.Sprintf("seen-%d", n)), seen, 0o600))
		src, err := os.ReadFile(filepath.Join(dir, strconv.Itoa(n)))
		fail(err)
		fail(os.WriteFile(file, src, 0o600))
	case "crash":
		appendLine(args[1])
		os.Exit(3)
	default:
		fail(fmt.Errorf("unknown mode %q", args[0]))
	}
	os.Exit(0)
}
