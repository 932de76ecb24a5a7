package cli

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/state"
)

// On a terminal too narrow for the table, each charge is a sentence
// wrapped at the terminal's width; the totals wrap too.
func TestChargeListFitsANarrowTerminal(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	ios.SetTTY(true, true)
	ios.SetWidth(60)
	store := state.New(filepath.Join(t.TempDir(), "state.json"))
	now := time.Date(2026, 11, 26, 21, 0, 0, 0, time.Local)
	_, err := store.Update(func(f *state.File) error {
		inc := f.NewIncident("amazon-takeover", "", "sha256:x", "en", now)
		inc.AddCharge(state.Charge{At: now.Add(-3 * time.Hour), Amount: 2925, Currency: "JPY", Merchant: "Amazon.co.jp", Order: "503-1234567-7654321", Card: "Mastercard 12",
			Refunds: []state.Refund{{At: now, Amount: 2925}}})
		inc.AddCharge(state.Charge{Amount: 3520, Currency: "JPY"})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	opts := &chargeOptions{IO: ios, Store: store, Now: func() time.Time { return now }}
	if err := runChargeList(opts); err != nil {
		t.Fatal(err)
	}
	want := "1   ¥2,925, Thu 26 Nov 18:00, Amazon.co.jp,\n" +
		"    order 503-1234567-7654321, card Mastercard 12; ¥2,925\n" +
		"    refunded\n" +
		"2   ¥3,520\n" +
		"\n" +
		"Mastercard 12: ¥2,925 charged, ¥2,925 refunded, ¥0\n" +
		"  outstanding\n" +
		"card not given: ¥3,520 charged, ¥0 refunded, ¥3,520\n" +
		"  outstanding\n" +
		"Total of 2: ¥6,445 charged, ¥2,925 refunded, ¥3,520\n" +
		"  outstanding\n"
	if out.String() != want {
		t.Errorf("screen:\n%s\nwant:\n%s", out, want)
	}
}
