package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestFullDisk runs the real binary with its standard output on /dev/full,
// where every write fails: each command must exit 1 and say why.
func TestFullDisk(t *testing.T) {
	bin, err := exec.LookPath("acctguard") // installed by testscript.Main
	if err != nil {
		t.Skip("acctguard is not on PATH:", err)
	}
	dir := t.TempDir()
	env := []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + dir,
		"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"XDG_STATE_HOME=" + filepath.Join(dir, "state"),
		"ACCTGUARD_NOW=2026-11-26T21:00:00+09:00",
		"ACCTGUARD_LANG=en",
	}
	setup := exec.Command(bin, "incident", "new", "amazon-takeover")
	setup.Env = env
	if out, err := setup.CombinedOutput(); err != nil {
		t.Fatalf("incident new: %v\n%s", err, out)
	}
	for _, args := range [][]string{
		{"status"},
		{"status", "--json"},
		{"playbook", "show", "amazon-takeover"},
		{"report"},
		{"version"},
	} {
		full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
		if err != nil {
			t.Skip("no /dev/full:", err)
		}
		cmd := exec.Command(bin, args...)
		var stderr bytes.Buffer
		cmd.Env, cmd.Stdout, cmd.Stderr = env, full, &stderr
		err = cmd.Run()
		full.Close()
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) || exitErr.ExitCode() != 1 {
			t.Errorf("%v: %v, want exit 1", args, err)
		}
		if want := "acctguard: cannot write to standard output: no space left on device\n"; stderr.String() != want {
			t.Errorf("%v: stderr:\n%s\nwant:\n%s", args, &stderr, want)
		}
	}
}
