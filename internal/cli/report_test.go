package cli

import (
	"bytes"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
)

// TestReportICSImports runs the walk, then reads the calendar file the
// report command writes with an independent iCalendar parser, as a
// calendar application would import it.
func TestReportICSImports(t *testing.T) {
	opts, _, _ := respondSetup(t, i18n.Japanese, "完了にする", "いいえ", "完了にする")
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	ios, _, out, _ := iostreams.Test()
	ropts := &reportOptions{IO: ios, Catalogue: opts.Catalogue, Now: opts.Now, Store: opts.Store, Format: "ics"}
	if err := runReport(ropts); err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(bytes.NewReader(out.Bytes())).Decode()
	if err != nil {
		t.Fatalf("the calendar does not import: %v\n%s", err, out)
	}
	now := opts.Now()
	want := map[string]time.Time{
		"reset":      now.Add(5 * time.Hour),  // the gate
		"check-card": now.Add(24 * time.Hour), // the follow-up
	}
	events := cal.Events()
	if len(events) != len(want) {
		t.Fatalf("%d events, want %d:\n%s", len(events), len(want), out)
	}
	for _, ev := range events {
		uid, _ := ev.Props.Text(ical.PropUID)
		start, err := ev.DateTimeStart(time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for step, at := range want {
			if bytes.Contains([]byte(uid), []byte("-"+step+"-")) {
				found = true
				if !start.Equal(at) {
					t.Errorf("%s starts %v, want %v", step, start, at)
				}
			}
		}
		if !found {
			t.Errorf("unexpected event %s", uid)
		}
	}
}
