// Package playbooks holds the built-in playbooks, compiled into the binary.
package playbooks

import "embed"

// FS holds one <id>.yaml file per built-in playbook.
//
//go:embed *.yaml
var FS embed.FS
