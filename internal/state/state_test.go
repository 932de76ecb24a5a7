package state

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2025, 3, 14, 21, 30, 0, 0, time.FixedZone("JST", 9*60*60))

func TestNewIncidentNeverReusesIDs(t *testing.T) {
	f := empty()
	a := f.NewIncident("amazon", "1", "sha256:aa", "ja", t0)
	if a.ID != 1 {
		t.Fatalf("first incident id = %d, want 1", a.ID)
	}
	f.NewIncident("google", "", "sha256:bb", "en", t0)
	f.NewIncident("line", "", "sha256:cc", "ja", t0)
	// Deleting the newest must not make its id available again.
	f.Incidents = f.Incidents[:2]
	d := f.NewIncident("apple", "", "sha256:dd", "en", t0)
	if d.ID != 4 {
		t.Errorf("id after deleting incident 3 = %d, want 4", d.ID)
	}
	if d.Events == nil {
		t.Error("new incident has nil events; want [] so it encodes as []")
	}
	if got, ok := f.Incident(4); !ok || got != &f.Incidents[2] {
		t.Errorf("Incident(4) = %p, %v; want a pointer into the slice", got, ok)
	}
	if _, ok := f.Incident(3); ok {
		t.Error("Incident(3) found a deleted incident")
	}
}

func TestNewIncidentIgnoresStaleNextID(t *testing.T) {
	// A hand-edited file may carry a next_id below an id in use.
	f := &File{Schema: 1, NextID: 2, Incidents: []Incident{{ID: 7}}}
	if got := f.NewIncident("x", "", "", "en", t0).ID; got != 8 {
		t.Errorf("id = %d, want 8", got)
	}
	if f.NextID != 9 {
		t.Errorf("NextID = %d, want 9", f.NextID)
	}
}

func TestOpen(t *testing.T) {
	closed := t0.Add(time.Hour)
	f := &File{Incidents: []Incident{
		{ID: 5},
		{ID: 2, ClosedAt: &closed},
		{ID: 3},
		{ID: 1},
	}}
	var ids []int
	for _, inc := range f.Open() {
		ids = append(ids, inc.ID)
	}
	if want := []int{1, 3, 5}; !slices.Equal(ids, want) {
		t.Errorf("open ids = %v, want %v", ids, want)
	}
	f.Open()[0].Lang = "ja"
	if inc, _ := f.Incident(1); inc.Lang != "ja" {
		t.Error("Open does not point into the file")
	}
	if got := empty().Open(); len(got) != 0 {
		t.Errorf("Open on empty file = %v", got)
	}
}

func TestPosition(t *testing.T) {
	tests := []struct {
		data      string
		off       int
		line, col int
	}{
		{"abc", 0, 1, 1},
		{"abc", 2, 1, 3},
		{"a\nbc", 2, 2, 1},
		{"a\nbc", 3, 2, 2},
		{"a\nbc", 4, 2, 3},
		// Columns count characters, as an editor does.
		{"{\"note\": \"銀行に電話\" x", 27, 1, 18},
	}
	for _, tt := range tests {
		line, col := position([]byte(tt.data), tt.off)
		if line != tt.line || col != tt.col {
			t.Errorf("position(%q, %d) = %d:%d, want %d:%d", tt.data, tt.off, line, col, tt.line, tt.col)
		}
	}
}

func TestIsTempFor(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{".state.json123", true},
		{".state.json0", true},
		{".state.json.bak9876543210", true},
		{"state.json", false},
		{"state.json.bak", false},
		{"state.json.lock", false},
		{".state.json", false},
		{".state.json.bak", false},
		{".state.json12a", false},
		{".state.json.lock1", false},
		{".state.json.orig", false},
		{".other.json123", false},
	}
	for _, tt := range tests {
		if got := isTempFor(tt.name, "/d/state.json", "/d/state.json.bak"); got != tt.want {
			t.Errorf("isTempFor(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDropFollowUpsRoundTrip(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "state.json"))
	_, err := s.Update(func(f *File) error {
		inc := f.NewIncident("p", "", "sha256:x", "en", t0)
		closed := t0
		inc.ClosedAt, inc.DropFollowUps = &closed, true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(s.Path())
	if !strings.Contains(string(raw), `"drop_follow_ups": true`) {
		t.Errorf("file:\n%s", raw)
	}
	f, err := New(s.Path()).Load()
	if err != nil {
		t.Fatal(err)
	}
	if inc, _ := f.Incident(1); !inc.DropFollowUps {
		t.Error("drop_follow_ups was not read back")
	}
}

func TestRelated(t *testing.T) {
	f := &File{Incidents: []Incident{
		{ID: 1},
		{ID: 2, Related: 1},
		{ID: 3},
		{ID: 4, Related: 1},
		{ID: 5, Related: 9}, // a hand-edited link to an incident that is gone
		{ID: 6, Related: 6},
	}}
	for id, want := range map[int][]int{1: {2, 4}, 2: {1}, 3: nil, 4: {1}, 5: nil, 6: nil} {
		if got := f.Related(id); !slices.Equal(got, want) {
			t.Errorf("Related(%d) = %v, want %v", id, got, want)
		}
	}
}

func TestRelatedRoundTrip(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "state.json"))
	_, err := s.Update(func(f *File) error {
		f.NewIncident("p", "", "sha256:x", "en", t0)
		f.NewIncident("p", "", "sha256:x", "en", t0).Related = 1
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(s.Path())
	if n := strings.Count(string(raw), `"related"`); n != 1 {
		t.Errorf("file has %d related fields, want 1 (omitted when zero):\n%s", n, raw)
	}
	f, err := New(s.Path()).Load()
	if err != nil {
		t.Fatal(err)
	}
	if inc, _ := f.Incident(2); inc.Related != 1 {
		t.Errorf("related = %d, want 1", inc.Related)
	}
}
