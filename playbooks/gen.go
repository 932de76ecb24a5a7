//go:build ignore

// gen writes compiled.go: every built-in playbook as Go, parsed from its
// YAML file. Run "go generate ./playbooks" after editing a playbook; a test
// fails until compiled.go matches the YAML again.
package main

import (
	"log"
	"os"

	"github.com/acctguard/acctguard/playbooks"
)

func main() {
	src, err := playbooks.CompiledSource()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("compiled.go", src, 0o644); err != nil {
		log.Fatal(err)
	}
}
