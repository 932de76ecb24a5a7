// Package playbooks holds the built-in playbooks as the YAML files people
// read, copy and edit. They are parsed only when a command asks for one.
package playbooks

import "embed"

// FS holds one <id>.yaml file per built-in playbook.
//
//go:embed *.yaml
var FS embed.FS
