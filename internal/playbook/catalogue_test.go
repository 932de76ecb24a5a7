package playbook

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

const tiny = "schema: 1\nid: %s\ntitle: T\nsteps:\n  - {id: a, title: A, phase: verify}\n"

func tinyFile(id string) []byte { return []byte(strings.Replace(tiny, "%s", id, 1)) }

func TestCatalogue(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("mine.yaml", tinyFile("mine"))
	write("shared.yaml", []byte("schema: 1\n"))
	write("renamed.yaml", tinyFile("original"))
	write(".mine.yaml.swp", []byte("junk"))
	write("README.txt", []byte("junk"))
	cat := &Catalogue{
		Builtin: fstest.MapFS{"shared.yaml": {Data: tinyFile("shared")}, "only-builtin.yaml": {Data: tinyFile("only-builtin")}},
		UserDir: dir,
	}

	ids, err := cat.IDs()
	if err != nil || strings.Join(ids, " ") != "mine only-builtin renamed shared" {
		t.Errorf("IDs() = %v, %v", ids, err)
	}

	e, err := cat.Get("shared")
	if err != nil || e.Origin != User || !e.Overrides || !e.Broken() || e.Playbook != nil {
		t.Errorf("a broken user copy of a built-in must be returned broken, not replaced: %+v, %v", e, err)
	}
	e, err = cat.Get("only-builtin")
	if err != nil || e.Origin != Builtin || e.Broken() || e.Path != "" {
		t.Errorf("built-in: %+v, %v", e, err)
	}
	e, _ = cat.Get("renamed")
	if want := `playbook id "original" does not match the file name "renamed.yaml"`; !strings.Contains(e.FirstError(), want) {
		t.Errorf("renamed: %q, want it to say %s", e.FirstError(), want)
	}
	for _, id := range []string{"../mine", "nope", "Mine"} {
		var nf *NotFoundError
		if _, err := cat.Get(id); !errors.As(err, &nf) {
			t.Errorf("Get(%q) error = %v, want NotFoundError", id, err)
		}
	}
}

func TestCatalogueUnreadableUserDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	cat := &Catalogue{Builtin: fstest.MapFS{"b.yaml": {Data: tinyFile("b")}}, UserDir: file}
	entries, err := cat.List()
	if err == nil || len(entries) != 1 || entries[0].ID != "b" {
		t.Errorf("List() = %v, %v; want the built-in and an error about the directory", entries, err)
	}
}

func TestTemplateIsValid(t *testing.T) {
	for _, lang := range []string{"en", "ja"} {
		if _, err := Check("my-plan.yaml", "my-plan", Template("my-plan", lang)); err != nil {
			t.Errorf("template in %s: %v", lang, err)
		}
	}
}

func TestWithID(t *testing.T) {
	src := "# top comment\nschema: 1\nid: amazon-takeover   # the id\ntitle: T\nsteps:\n  - {id: a, title: A, phase: verify}\n"
	got, err := WithID([]byte(src), "my-amazon")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(src, "id: amazon-takeover   # the id", "id: my-amazon   # the id", 1)
	if string(got) != want {
		t.Errorf("WithID:\n%s\nwant:\n%s", got, want)
	}
	got, _ = WithID([]byte("schema: 1\nid: \"x\"\ntitle: T\n"), "y")
	if string(got) != "schema: 1\nid: y\ntitle: T\n" {
		t.Errorf("quoted id: %q", got)
	}
	// Lines end where YAML ends them, and the value ends where it does.
	for src, want := range map[string]string{
		"schema: 1\rid: x\rtitle: T\r":        "schema: 1\rid: y\rtitle: T\r",
		"schema: 1\nid: x\u2028title: T\n":    "schema: 1\nid: y\u2028title: T\n",
		"{schema: 1, id: 'x', title: T}":      "{schema: 1, id: y, title: T}",
		"\uFEFFschema: 1\nid: x\ntitle: 題名\n": "\uFEFFschema: 1\nid: y\ntitle: 題名\n",
		"schema: 1\nid: >-\n  x\ntitle: T\n":  "schema: 1\nid: y\ntitle: T\n",
	} {
		if got, err := WithID([]byte(src), "y"); err != nil || string(got) != want {
			t.Errorf("WithID(%q) = %q, %v; want %q", src, got, err, want)
		}
	}
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		"amazon-takeover": true, "a": true, "0day": true, "a-": true, "a--b": true,
		"": false, "-a": false, "Amazon": false, "a_b": false, "a b": false, "アマゾン": false, "a.yaml": false,
	} {
		if got := ValidID(id); got != want {
			t.Errorf("ValidID(%q) = %v, want %v", id, got, want)
		}
	}
}

// openLog is a file system that records the names opened in it.
type openLog struct {
	fs.FS
	opened []string
}

func (o *openLog) Open(name string) (fs.File, error) {
	o.opened = append(o.opened, name)
	return o.FS.Open(name)
}

// A command about one playbook reads that playbook's file and no other, so
// a broken or large sibling costs it nothing.
func TestGetReadsOnlyTheOneAskedFor(t *testing.T) {
	builtin := &openLog{FS: fstest.MapFS{
		"amazon.yaml": {Data: tinyFile("amazon")},
		"line.yaml":   {Data: []byte("schema: [")},
	}}
	cat := &Catalogue{Builtin: builtin, UserDir: t.TempDir()}
	e, err := cat.Get("amazon")
	if err != nil || e.Broken() || e.Playbook.ID != "amazon" {
		t.Fatalf("Get(amazon) = %+v, %v", e, err)
	}
	for _, name := range builtin.opened {
		if name != "amazon.yaml" {
			t.Errorf("Get(amazon) opened %q", name)
		}
	}
	if len(builtin.opened) == 0 {
		t.Error("Get(amazon) opened nothing")
	}
	if e, _ := cat.Get("line"); !e.Broken() {
		t.Error("the broken sibling reads as usable")
	}
}
