package state

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestChargesRoundTrip(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "state.json"))
	jst := time.FixedZone("JST", 9*60*60)
	removed := time.Date(2026, 11, 24, 8, 0, 0, 0, jst)
	var want Incident
	_, err := s.Update(func(f *File) error {
		inc := f.NewIncident("p", "", "sha256:x", "ja", t0)
		inc.AddCharge(Charge{At: time.Date(2026, 11, 23, 23, 58, 0, 0, jst), Amount: 2925, Currency: "JPY", Merchant: "Amazon.co.jp", Order: "503-1234567-7654321", Card: "Mastercard 12", RecordedAt: t0,
			Refunds: []Refund{{At: time.Date(2026, 11, 26, 0, 0, 0, 0, jst), DateOnly: true, Amount: 2925, RecordedAt: t0}}})
		inc.AddCharge(Charge{At: time.Date(2026, 11, 24, 0, 0, 0, 0, jst), DateOnly: true, Amount: 1250, Currency: "USD", RecordedAt: t0, RemovedAt: &removed})
		inc.AddCharge(Charge{At: t0, Amount: 3520, Currency: "JPY", RecordedAt: t0, Refunds: []Refund{{At: t0, Amount: 3000, Credit: true, Note: "ギフトカード", RecordedAt: t0}}})
		inc.Cover = &Cover{Name: "山田 花子", AccountEmail: "hanako@example.jp", AskedAt: t0}
		want = *inc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(s.Path())
	for _, s := range []string{`"charges": [`, `"date_only": true`, `"credit": true`, `"removed_at":`, `"account_email": "hanako@example.jp"`} {
		if !strings.Contains(string(raw), s) {
			t.Errorf("file lacks %s:\n%s", s, raw)
		}
	}
	f, err := New(s.Path()).Load()
	if err != nil {
		t.Fatal(err)
	}
	got, _ := f.Incident(1)
	// Times come back in a zone of the same offset but no name: compare
	// them as they are written.
	if g, w := asJSON(t, got.Charges, got.Cover), asJSON(t, want.Charges, want.Cover); g != w {
		t.Errorf("read back\n%s\nwant\n%s", g, w)
	}
	if ids := []int{got.Charges[0].ID, got.Charges[1].ID, got.Charges[2].ID}; !reflect.DeepEqual(ids, []int{1, 2, 3}) {
		t.Errorf("ids %v", ids)
	}
	if n := len(got.ActiveCharges()); n != 2 {
		t.Errorf("%d active charges, want 2", n)
	}
	if r := got.Charges[2].Refunded(); r != 3000 {
		t.Errorf("refunded %d, want 3000", r)
	}
}

func asJSON(t *testing.T, vs ...any) string {
	t.Helper()
	b, err := json.Marshal(vs)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAddChargeNeverReusesANumber(t *testing.T) {
	inc := &Incident{Charges: []Charge{{ID: 1}, {ID: 4}}}
	if id := inc.AddCharge(Charge{}); id != 5 {
		t.Errorf("id %d, want 5", id)
	}
}

// A file without charges or a cover, as every earlier acctguard wrote,
// gains no member for them.
func TestNoChargesNoMembers(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "state.json"))
	if _, err := s.Update(func(f *File) error { f.NewIncident("p", "", "sha256:x", "en", t0); return nil }); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(s.Path())
	if strings.Contains(string(raw), "charges") || strings.Contains(string(raw), "cover") {
		t.Errorf("file:\n%s", raw)
	}
}
