package report

import (
	"path"
	"strings"
	"testing"

	"github.com/acctguard/acctguard/internal/i18n/keycheck"
)

// Every key the report names is in its table: a report handed to a card
// issuer must never show a bare key.
func TestEveryMessageKeyUsedExists(t *testing.T) {
	uses, err := keycheck.Uses(".", []string{"t", "msg", "msgf"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(uses) < 30 {
		t.Fatalf("found only %d keys; is the scan still looking at the calls?", len(uses))
	}
	for _, u := range uses {
		if strings.Contains(u.Key, "*") {
			// Built at run time from a value ("action." + a): at least
			// its fixed parts must be right.
			if !matchesSome(u.Key) {
				t.Errorf("%s: no message matches %q", u.Pos, u.Key)
			}
			continue
		}
		if !messages.Has(u.Key) {
			t.Errorf("%s: no message %q", u.Pos, u.Key)
		}
	}
}

func matchesSome(pattern string) bool {
	for key := range messages.All() {
		if ok, _ := path.Match(pattern, key); ok {
			return true
		}
	}
	return false
}
