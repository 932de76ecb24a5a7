package cli

import (
	"testing"
	"time"

	"github.com/go-json-experiment/json"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/prompt"
	"github.com/acctguard/acctguard/internal/state"
)

// memStore is a state file in memory, for command tests that need no
// disk. Each Load and Update works on a copy (made with the state file's
// own JSON API, which keeps its unknown members), as separate reads of a real
// file would.
type memStore struct {
	t       *testing.T
	file    *state.File
	saves   int
	dropped int
}

func newMemStore(t *testing.T) *memStore {
	return &memStore{t: t, file: &state.File{Schema: state.SchemaVersion, NextID: 1, Incidents: []state.Incident{}}}
}

func (m *memStore) Path() string { return "memory/state.json" }

func (m *memStore) copy() *state.File {
	data, err := json.Marshal(m.file)
	if err != nil {
		m.t.Fatal(err)
	}
	var f state.File
	if err := json.Unmarshal(data, &f); err != nil {
		m.t.Fatal(err)
	}
	return &f
}

func (m *memStore) Load() (*state.File, error) { return m.copy(), nil }

func (m *memStore) Update(change func(*state.File) error) (*state.File, error) {
	f := m.copy()
	if err := change(f); err != nil {
		return nil, err
	}
	m.file, m.saves = f, m.saves+1
	return m.copy(), nil
}

func (m *memStore) DropPrevious() error { m.dropped++; return nil }

// Deleting an incident asks first, removes it, and keeps it not even in
// the backup.
func TestIncidentDeleteAsksThenForgets(t *testing.T) {
	store := newMemStore(t)
	at := time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC)
	store.file.NewIncident("card", "", "sha256:x", "en", at)
	store.file.NewIncident("card", "", "sha256:y", "en", at)
	ios, _, out, _ := iostreams.Test()
	ios.SetTTY(true, true)
	opts := &incidentDeleteOptions{
		IO: ios, Store: store, Lang: i18n.English, ID: 1,
		Prompter: &prompt.Fake{Out: out, Answers: []string{"yes"}},
	}
	if err := runIncidentDelete(opts); err != nil {
		t.Fatal(err)
	}
	want := "? Delete incident 1 and its 0 records? This cannot be undone, and is not logged anywhere else. yes\ndeleted incident 1\n"
	if out.String() != want {
		t.Errorf("screen:\n%q\nwant:\n%q", out, want)
	}
	if len(store.file.Incidents) != 1 || store.file.Incidents[0].ID != 2 {
		t.Errorf("incidents left: %+v", store.file.Incidents)
	}
	if store.saves != 1 || store.dropped != 1 {
		t.Errorf("%d saves and %d backups dropped, want 1 and 1", store.saves, store.dropped)
	}

	// Answering no changes nothing.
	out.Reset()
	opts.ID, opts.Prompter = 2, &prompt.Fake{Out: out, Answers: []string{"no"}}
	if err := runIncidentDelete(opts); err != nil {
		t.Fatal(err)
	}
	if store.saves != 1 || len(store.file.Incidents) != 1 {
		t.Errorf("answering no saved: %d saves, %d incidents", store.saves, len(store.file.Incidents))
	}
}
