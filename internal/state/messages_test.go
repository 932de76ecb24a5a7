package state

import (
	"strings"
	"testing"
)

// Every text of the state file's errors exists in both languages, and the
// Japanese quotes with 「」.
func TestEveryStateTextInBothLanguages(t *testing.T) {
	for key, m := range texts.All() {
		if m.En == "" || m.Ja == "" || strings.Contains(m.Ja, "%q") || strings.Contains(m.Ja, `"`) {
			t.Errorf("text %q is missing a language or quotes the English way: %+v", key, m)
		}
	}
}
