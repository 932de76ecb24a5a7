package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The Japanese pages have Japanese section headings, and the English ones
// keep cobra's.
func TestPages(t *testing.T) {
	dir := t.TempDir()
	if err := write(dir); err != nil {
		t.Fatal(err)
	}
	read := func(path string) string {
		b, err := os.ReadFile(filepath.Join(dir, path))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	ja := read("ja/man1/acctguard-status.1")
	for _, h := range []string{".SH 名前\n", ".SH 書式\n", ".SH 説明\n", ".SH オプション\n", ".SH 親コマンドから引き継ぐオプション\n", ".SH 関連項目\n"} {
		if !strings.Contains(ja, h) {
			t.Errorf("the Japanese status page has no %q", h)
		}
	}
	if strings.Contains(ja, ".SH NAME") || strings.Contains(ja, ".SH OPTIONS") {
		t.Errorf("the Japanese status page keeps an English heading:\n%s", ja)
	}
	if en := read("man1/acctguard-status.1"); !strings.Contains(en, ".SH NAME\n") || !strings.Contains(en, ".SH SEE ALSO\n") {
		t.Errorf("the English status page lost its headings:\n%s", en)
	}
}
