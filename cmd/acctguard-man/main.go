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

	"github.com/spf13/cobra/doc"

	"github.com/acctguard/acctguard/internal/cli"
	"github.com/acctguard/acctguard/internal/i18n"
)

func main() {
	dir := flag.String("dir", "man", "the folder to write the pages into")
	flag.Parse()
	for _, l := range []struct {
		lang i18n.Lang
		sub  string
	}{{i18n.English, "man1"}, {i18n.Japanese, filepath.Join("ja", "man1")}} {
		out := filepath.Join(*dir, l.sub)
		if err := os.MkdirAll(out, 0o755); err != nil {
			fail(err)
		}
		root := cli.NewCmdRootIn(l.lang)
		root.DisableAutoGenTag = true
		header := &doc.GenManHeader{Title: "ACCTGUARD", Section: "1", Source: "acctguard"}
		if err := doc.GenManTree(root, header, out); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "acctguard-man:", err)
	os.Exit(1)
}
