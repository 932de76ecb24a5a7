package mailcheck

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/acctguard/acctguard/internal/mailread"
)

// FuzzCheck reads any input as a message and checks it: nothing panics,
// and the verdict is one of the three, warnings deciding it.
func FuzzCheck(f *testing.F) {
	files, _ := filepath.Glob("../mailread/testdata/*.eml")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("https://amazon.co.jp.example.info/"))
	f.Add([]byte("Amazon <amzonjp@example.com>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := mailread.ReadBytes(data)
		if err != nil {
			return
		}
		r := Check(m, []Service{amazon})
		switch {
		case r.Count(Warning) > 0 && r.Verdict != Warnings:
			t.Fatalf("warnings %d but verdict %s", r.Count(Warning), r.Verdict)
		case r.Verdict != Warnings && r.Verdict != NoWarnings && r.Verdict != CannotTell:
			t.Fatalf("verdict %q", r.Verdict)
		}
	})
}
