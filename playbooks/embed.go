// Package playbooks holds the built-in playbooks, compiled into the binary
// twice: as their YAML files, which people read, copy and edit, and as Go
// (compiled.go), which commands use so that they need not parse the YAML.
package playbooks

import (
	"embed"
	"io/fs"
	"strings"

	"github.com/acctguard/acctguard/internal/playbook"
)

//go:generate go run gen.go

// FS holds one <id>.yaml file per built-in playbook.
//
//go:embed *.yaml
var FS embed.FS

// CompiledSource returns what compiled.go should hold: every playbook of FS
// parsed, as Go.
func CompiledSource() ([]byte, error) {
	names, err := fs.Glob(FS, "*.yaml")
	if err != nil {
		return nil, err
	}
	var ps []*playbook.Playbook
	for _, name := range names {
		src, err := FS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		id := strings.TrimSuffix(name, ".yaml")
		p, err := playbook.Check(playbook.BuiltinName(id), id, src)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return playbook.GoSource("playbooks", ps)
}
