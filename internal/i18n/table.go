package i18n

import "sync"

// Text is one message in each language of acctguard's screens.
type Text struct{ En, Ja string }

// In returns the text in l, falling back to English.
func (t Text) In(l Lang) string {
	if l == Japanese {
		return t.Ja
	}
	return t.En
}

// Table holds texts by key. It is built on first use rather than at
// start: most runs print a handful of texts, and tables built at start
// would slow every run, "status" in a shell prompt included.
type Table struct {
	builds []func() map[string]Text
	once   sync.Once
	texts  map[string]Text
}

// NewTable returns a table that builds fill when it is first used: each
// gives the texts of one part of acctguard (screens, errors, help), kept
// in a file of its own. A key given twice is a bug: the table panics on
// first use, which every test run reaches.
func NewTable(builds ...func() map[string]Text) *Table {
	return &Table{builds: builds}
}

// All returns every text by key.
func (t *Table) All() map[string]Text {
	t.once.Do(func() {
		t.texts = t.builds[0]()
		for _, b := range t.builds[1:] {
			for k, v := range b() {
				if _, dup := t.texts[k]; dup {
					panic("i18n: message " + k + " is given twice")
				}
				t.texts[k] = v
			}
		}
	})
	return t.texts
}

// Has reports whether the table has a text for key.
func (t *Table) Has(key string) bool {
	_, ok := t.All()[key]
	return ok
}

// Get returns the text for key in l. A key missing from the table is a
// bug that tests catch (see package keycheck); were one to slip through,
// the person sees the key rather than losing the screen to a panic.
func (t *Table) Get(l Lang, key string) string {
	m, ok := t.All()[key]
	if !ok {
		return key
	}
	return m.In(l)
}
