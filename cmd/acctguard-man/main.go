// Command acctguard-man writes acctguard's manual pages from its commands, with
// cobra's own generator: man1/ in English and ja/man1/ in Japanese, under
// the folder -dir names.
//
//	go run ./cmd/acctguard-man -dir man
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra/doc"

	"github.com/acctguard/acctguard/internal/cli"
	"github.com/acctguard/acctguard/internal/i18n"
)

func main() {
	dir := flag.String("dir", "man", "the folder to write the pages into")
	flag.Parse()
	if err := write(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "acctguard-man:", err)
		os.Exit(1)
	}
}

// headings are the section headings cobra writes, as Japanese manual pages
// name them.
var headings = map[string]string{
	".SH NAME":        ".SH 名前",
	".SH SYNOPSIS":    ".SH 書式",
	".SH DESCRIPTION": ".SH 説明",
	".SH OPTIONS":     ".SH オプション",
	".SH OPTIONS INHERITED FROM PARENT COMMANDS": ".SH 親コマンドから引き継ぐオプション",
	".SH EXAMPLE":  ".SH 例",
	".SH SEE ALSO": ".SH 関連項目",
}

func write(dir string) error {
	for _, l := range []struct {
		lang i18n.Lang
		sub  string
	}{{i18n.English, "man1"}, {i18n.Japanese, filepath.Join("ja", "man1")}} {
		out := filepath.Join(dir, l.sub)
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
		root := cli.NewCmdRootIn(l.lang)
		root.DisableAutoGenTag = true
		header := &doc.GenManHeader{Title: "ACCTGUARD", Section: "1", Source: "acctguard"}
		if err := doc.GenManTree(root, header, out); err != nil {
			return err
		}
		if l.lang == i18n.Japanese {
			if err := translateHeadings(out); err != nil {
				return err
			}
		}
	}
	return nil
}

// translateHeadings puts the Japanese section headings into every page in
// dir, in place of the English ones cobra's generator always writes.
func translateHeadings(dir string) error {
	pages, err := filepath.Glob(filepath.Join(dir, "*.1"))
	if err != nil {
		return err
	}
	for _, page := range pages {
		b, err := os.ReadFile(page)
		if err != nil {
			return err
		}
		lines := strings.Split(string(b), "\n")
		for i, line := range lines {
			if ja, ok := headings[line]; ok {
				lines[i] = ja
			}
		}
		if err := os.WriteFile(page, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			return err
		}
	}
	return nil
}
