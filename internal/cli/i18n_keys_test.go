package cli

import (
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/i18n/keycheck"
	"github.com/acctguard/acctguard/internal/playbook"
)

// Every message key the commands name is in the table, so no screen shows
// a bare key. A key built from a phase is checked for every phase.
func TestEveryMessageKeyUsedExists(t *testing.T) {
	namespaces := map[string]bool{}
	for _, k := range i18n.Keys() {
		ns, _, _ := strings.Cut(k, ".")
		namespaces[ns] = true
	}
	var nsList []string
	for ns := range namespaces {
		nsList = append(nsList, ns)
	}
	uses, err := keycheck.Uses(".", []string{"T", "Tf", "M", "i18n.Errorf"}, nsList)
	if err != nil {
		t.Fatal(err)
	}
	if len(uses) < 100 {
		t.Fatalf("found only %d keys; is the scan still looking at the calls?", len(uses))
	}
	for _, u := range uses {
		switch {
		case fileName.MatchString(u.Key):
			// "state.json" is a file, not a message.
		case strings.HasPrefix(u.Key, "phase.*"):
			for _, p := range playbook.Phases {
				if k := strings.ReplaceAll(u.Key, "*", string(p)); !i18n.Has(k) {
					t.Errorf("%s: no message %q", u.Pos, k)
				}
			}
		case strings.Contains(u.Key, "*"):
			// Built from a value the code chooses among a few
			// ("duration." + unit): at least its fixed parts must be right.
			if !matchesSomeKey(u.Key) {
				t.Errorf("%s: no message matches %q", u.Pos, u.Key)
			}
		case !i18n.Has(u.Key):
			t.Errorf("%s: no message %q", u.Pos, u.Key)
		}
	}
}

var fileName = regexp.MustCompile(`\.(json|yaml|bak|lock)$`)

func matchesSomeKey(pattern string) bool {
	for _, k := range i18n.Keys() {
		if ok, _ := path.Match(pattern, k); ok {
			return true
		}
	}
	return false
}
