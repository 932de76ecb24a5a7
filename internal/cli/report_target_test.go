package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
)

// reportTo runs "report -o path" on an incident with one answer, and
// returns the error and what was printed.
func reportTo(t *testing.T, path string, force bool) (error, string) {
	t.Helper()
	opts, _, _ := respondSetup(t, i18n.English, "Done", "Stop for now")
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	ios, _, out, _ := iostreams.Test()
	ropts := &reportOptions{IO: ios, Catalogue: opts.Catalogue, Now: opts.Now, Store: opts.Store, Format: "txt", Output: path, Force: force}
	return runReport(ropts), out.String()
}

// Only a regular file is ever replaced: a named pipe, a symbolic link or
// a folder stays what it was, even with --force.
func TestReportReplacesOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "kept.md")
	if err := os.WriteFile(target, []byte("mine\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	folder := filepath.Join(dir, "folder")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, err, hint string
		mode            fs.FileMode
	}{
		{link, `"` + link + `" is a symbolic link, not a regular file; acctguard replaces only regular files`,
			`give the file it points to, "` + target + `", or the name of a new file`, fs.ModeSymlink},
		{folder, `"` + folder + `" is a folder, not a regular file; acctguard replaces only regular files`,
			`give the name of a new file, or "-o -" to write the report to standard output`, fs.ModeDir},
	}
	if fifo := filepath.Join(dir, "pipe"); mkfifo(fifo) == nil {
		tests = append(tests, struct {
			path, err, hint string
			mode            fs.FileMode
		}{fifo, `"` + fifo + `" is a named pipe, not a regular file; acctguard replaces only regular files`,
			`give the name of a new file, or "-o -" to write the report to standard output`, fs.ModeNamedPipe})
	}
	for _, tt := range tests {
		for _, force := range []bool{false, true} {
			err, _ := reportTo(t, tt.path, force)
			code, hint := exitCodeEn(err)
			if err == nil || err.Error() != tt.err || hint != tt.hint || code != exitFailure {
				t.Errorf("-o %s (force %v): error %v, hint %q, exit %d; want %s, hint %q", tt.path, force, err, hint, code, tt.err, tt.hint)
			}
			fi, lerr := os.Lstat(tt.path)
			if lerr != nil || fi.Mode().Type() != tt.mode {
				t.Errorf("-o %s (force %v): now %v, %v; want it left as %v", tt.path, force, fi.Mode(), lerr, tt.mode)
			}
		}
	}
	if got, _ := os.ReadFile(target); string(got) != "mine\n" {
		t.Errorf("the file the link points to now holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != len(tests)+1 {
		t.Errorf("files left in the folder: %v", entries)
	}

	// A regular file is replaced with --force, and keeps being one.
	if err, _ := reportTo(t, target, true); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(target); err != nil || !fi.Mode().IsRegular() || fi.Size() < 100 {
		t.Errorf("report not written over %s: %v, %v", target, fi, err)
	}
}

// "-o -" is standard output, as for most commands that write files.
func TestReportDashIsStandardOutput(t *testing.T) {
	t.Chdir(t.TempDir())
	err, out := reportTo(t, "-", false)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 100 || out[:len("Account takeover response record\n")] != "Account takeover response record\n" {
		t.Errorf("stdout:\n%s", out)
	}
	if _, err := os.Lstat("-"); err == nil {
		t.Error(`a file named "-" was written`)
	}
}

// A folder that does not exist is said so, with the name given: not the
// temp file the report would have been written to first.
func TestReportToAMissingFolder(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "no-such-folder", "report.md")
	err, _ := reportTo(t, path, false)
	code, hint := exitCodeEn(err)
	want := `cannot write the report to "` + path + `": the folder "` + filepath.Dir(path) + `" does not exist`
	if err == nil || err.Error() != want || hint != "create the folder first, or give a file in a folder that exists" || code != exitFailure {
		t.Errorf("error %v, hint %q, exit %d; want %s", err, hint, code, want)
	}
	if _, err := os.Stat(filepath.Dir(path)); err == nil {
		t.Error("the folder was created")
	}
}
