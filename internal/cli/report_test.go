package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/report"
	"github.com/acctguard/acctguard/internal/state"
)

// TestReportICSImports runs the walk, then reads the calendar file the
// report command writes with an independent iCalendar parser, as a
// calendar application would import it: each follow-up at the remind
// time on the first day it can be done, none in the past.
func TestReportICSImports(t *testing.T) {
	opts, _, _ := respondSetup(t, i18n.Japanese, "完了にする", "いいえ", "完了にする")
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	day := func(d, hour, minute int) time.Time { return time.Date(2026, 11, d, hour, minute, 0, 0, time.Local) }
	for _, c := range []struct {
		remindAt string
		want     map[string]time.Time
	}{
		// The gate opens at 02:00 on the 27th, the follow-up at 21:00.
		{"", map[string]time.Time{"reset": day(27, 9, 0), "check-card": day(28, 9, 0)}},
		{"18:30", map[string]time.Time{"reset": day(27, 18, 30), "check-card": day(28, 18, 30)}},
		{"1:15", map[string]time.Time{"reset": day(28, 1, 15), "check-card": day(28, 1, 15)}},
	} {
		ios, _, out, _ := iostreams.Test()
		ropts := &reportOptions{IO: ios, Catalogue: opts.Catalogue, Now: opts.Now, Store: opts.Store, Format: "ics"}
		if c.remindAt != "" {
			var ok bool
			if ropts.remindAt, ok = parseTimeOfDay(c.remindAt); !ok {
				t.Fatalf("%q not read as a time of day", c.remindAt)
			}
		}
		if err := runReport(ropts); err != nil {
			t.Fatal(err)
		}
		cal, err := ical.NewDecoder(bytes.NewReader(out.Bytes())).Decode()
		if err != nil {
			t.Fatalf("the calendar does not import: %v\n%s", err, out)
		}
		events := cal.Events()
		if len(events) != len(c.want) {
			t.Fatalf("remind at %q: %d events, want %d:\n%s", c.remindAt, len(events), len(c.want), out)
		}
		for _, ev := range events {
			uid, _ := ev.Props.Text(ical.PropUID)
			start, err := ev.DateTimeStart(time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for step, at := range c.want {
				if strings.Contains(uid, "-"+step+"-") {
					found = true
					if !start.Equal(at) {
						t.Errorf("remind at %q: %s starts %v, want %v", c.remindAt, step, start.Local(), at)
					}
				}
			}
			if !found {
				t.Errorf("unexpected event %s", uid)
			}
		}
	}
}

func TestParseTimeOfDay(t *testing.T) {
	for in, want := range map[string]string{
		"09:00": "09:00", "9:00": "09:00", "0:00": "00:00", "00:00": "00:00",
		"23:59": "23:59", "18:30": "18:30", " 7:05 ": "07:05",
	} {
		got, ok := parseTimeOfDay(in)
		if !ok || got.String() != want {
			t.Errorf("parseTimeOfDay(%q) = %s, %v; want %s", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "25:00", "24:00", "12:60", "9", "9:5", "09:00:00", "-1:00", "9.00", "１８:３０", "123:00", "9am"} {
		if got, ok := parseTimeOfDay(in); ok {
			t.Errorf("parseTimeOfDay(%q) = %s, want an error", in, got)
		}
	}
}

// A follow-up says what to check: the step's how, else its why, trimmed,
// in the report's language.
func TestReportFollowUpsSayWhatToCheck(t *testing.T) {
	p, err := playbook.Parse("what.yaml", []byte(`schema: 1
id: what
title: {en: What, ja: 確認}
languages: [en, ja]
steps:
  - id: next-day
    title: {en: Check the card, ja: カードを確認する}
    phase: follow-up
    delay: 1d
    why: {en: Charges show late., ja: 請求は遅れて表示されます。}
    how:
      en: |
        - Open the card app.
        - Look for charges you do not know.
      ja: |
        - カードのアプリを開きます。
  - id: week
    title: {en: Check again, ja: もう一度確認する}
    phase: follow-up
    delay: 7d
    why: {en: "  It may come back.  ", ja: 再び起きることがあります。}
  - id: month
    title: {en: Check statements, ja: 明細を確認する}
    phase: follow-up
    delay: 30d
`))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC)
	inc := &state.Incident{ID: 1, Playbook: "what", OpenedAt: now, Lang: "en"}
	for lang, want := range map[i18n.Lang][]string{
		i18n.English:  {"- Open the card app.\n- Look for charges you do not know.", "It may come back.", ""},
		i18n.Japanese: {"- カードのアプリを開きます。", "再び起きることがあります。", ""},
	} {
		r := buildReport(p, inc, derive(p, inc, now), lang, now)
		var got []string
		for _, f := range r.FollowUps {
			got = append(got, f.What)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: What = %q, want %q", lang, got, want)
		}
		if r.RemindAt != report.DefaultRemindAt {
			t.Errorf("RemindAt = %s, want the default", r.RemindAt)
		}
	}
}
