package summary

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/playbook"
)

var jst = time.FixedZone("JST", 9*3600)

func sample() *Entry {
	opened := time.Date(2026, 11, 26, 21, 0, 0, 0, jst)
	return &Entry{
		Key:       "state=/tmp/state.json:1234:abcd",
		Content:   "0badcafe",
		Seen:      opened.Add(time.Hour),
		Playbooks: []Fingerprint{{ID: "amazon-takeover", Sum: "builtin:0badf00d"}},
		From:      opened.Add(time.Hour),
		Until:     opened.Add(5 * time.Hour),
		Summary: Summary{Incidents: []Incident{
			{
				ID: 1, Playbook: "amazon-takeover", Title: "Amazonアカウントの乗っ取り", Lang: "ja",
				OpenedAt: opened, Finished: 3, Total: 31,
				Steps: []Step{
					{ID: "reset-password", Title: "パスワードを再設定する", State: incident.Waiting, Critical: true, At: opened.Add(5 * time.Hour)},
					{ID: "check-orders", Title: "注文履歴を確認する", State: incident.Waiting, WaitingFor: "can-sign-in", AfterTitle: "サインインできますか？"},
					{ID: "remove-cards", Title: "カードを削除", State: incident.Skipped, Reason: "登録なし"},
					{ID: "weekly-recheck", Title: "毎週確認", State: incident.Overdue, FollowUp: true, At: opened.Add(7 * 24 * time.Hour).UTC()},
				},
				Removed: []string{"alexa"},
			},
			{
				ID: 2, Playbook: "amazon-takeover", Title: "Amazon account takeover", Lang: "en",
				OpenedAt: opened.UTC(), ClosedAt: opened.Add(48 * time.Hour).UTC(), DropFollowUps: true, Finished: 31, Total: 31,
			},
		}},
	}
}

func TestRoundTrip(t *testing.T) {
	e := sample()
	data, err := e.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got Entry
	if err := got.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	again, _ := got.MarshalBinary()
	if !bytes.Equal(again, data) {
		t.Fatalf("encoding the decoded entry gives other bytes")
	}
	in := got.Summary.Incidents[0]
	if in.Title != "Amazonアカウントの乗っ取り" || len(in.Steps) != 4 || in.Steps[1].AfterTitle != "サインインできますか？" || in.Removed[0] != "alexa" {
		t.Errorf("decoded incident = %+v", in)
	}
	// A time prints as it did: same instant, same offset.
	for _, pair := range [][2]time.Time{
		{in.OpenedAt, e.Summary.Incidents[0].OpenedAt},
		{in.Steps[3].At, e.Summary.Incidents[0].Steps[3].At},
		{got.Summary.Incidents[1].ClosedAt, e.Summary.Incidents[1].ClosedAt},
	} {
		if g, w := pair[0].Format(time.RFC3339Nano), pair[1].Format(time.RFC3339Nano); g != w {
			t.Errorf("time decoded as %s, want %s", g, w)
		}
	}
	if !in.Steps[2].At.IsZero() || got.Summary.Incidents[0].Closed() || !got.Summary.Incidents[1].Closed() {
		t.Errorf("zero times not kept zero")
	}
}

// A cut-short, grown or altered file is refused, never half read.
func TestDamagedEntries(t *testing.T) {
	data, _ := sample().MarshalBinary()
	for n := range len(data) {
		var e Entry
		if err := e.UnmarshalBinary(data[:n]); !errors.Is(err, ErrFormat) {
			t.Fatalf("the first %d of %d bytes: err = %v, want ErrFormat", n, len(data), err)
		}
	}
	var e Entry
	if err := e.UnmarshalBinary(append(bytes.Clone(data), 0)); !errors.Is(err, ErrFormat) {
		t.Errorf("a byte too many: err = %v", err)
	}
	for i := range data {
		other := bytes.Clone(data)
		other[i] ^= 0x20
		if err := e.UnmarshalBinary(other); !errors.Is(err, ErrFormat) {
			t.Fatalf("byte %d altered: err = %v", i, err)
		}
	}
}

func TestHolds(t *testing.T) {
	e := sample()
	for _, tt := range []struct {
		now  time.Time
		want bool
	}{
		{e.From.Add(-time.Nanosecond), false},
		{e.From, true},
		{e.Until.Add(-time.Nanosecond), true},
		{e.Until, false},
	} {
		if got := e.Holds(tt.now); got != tt.want {
			t.Errorf("Holds(%v) = %v, want %v", tt.now, got, tt.want)
		}
	}
	e.Until = time.Time{}
	if !e.Holds(e.From.AddDate(10, 0, 0)) {
		t.Errorf("an entry without Until does not hold later")
	}
}

func TestSetView(t *testing.T) {
	p, err := playbook.Parse("t.yaml", []byte(`schema: 1
id: t
title: {en: " T ", ja: "テ"}
languages: [en, ja]
steps:
  - {id: look, title: {en: Look, ja: 見る}, phase: verify, critical: true}
  - id: q
    title: {en: Q, ja: 質問}
    phase: contain
    kind: question
    question: {en: "Q?", ja: "質問？"}
    options: [{value: "yes", label: {en: "Yes", ja: "はい"}}, {value: "no", label: {en: "No", ja: "いいえ"}}]
  - {id: only-no, title: {en: Only no, ja: いいえのとき}, phase: contain, when: {q: "no"}}
  - {id: only-yes, title: {en: Only yes, ja: はいのとき}, phase: contain, when: {q: "yes"}}
  - {id: week, title: {en: A week on, ja: 一週間後}, phase: follow-up, delay: 7d}
`))
	if err != nil {
		t.Fatal(err)
	}
	opened := time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC)
	events := []incident.Event{
		{Step: "look", Action: incident.ActionDone, At: opened},
		{Step: "q", Action: incident.ActionAnswer, Answer: "yes", At: opened},
		{Step: "only-yes", Action: incident.ActionSkip, Reason: "done already", At: opened},
		{Step: "gone", Action: incident.ActionNote, Note: "x", At: opened},
	}
	v := incident.Derive(p, opened, events, opened.Add(time.Hour))
	in := Incident{Lang: "ja"}
	in.SetView(p, &v)
	if in.Title != "テ" || in.Finished != 3 || in.Total != 4 || len(in.Removed) != 1 || in.Removed[0] != "gone" {
		t.Errorf("incident = %+v", in)
	}
	want := []Step{
		{ID: "only-yes", Title: "はいのとき", State: incident.Skipped, Reason: "done already"},
		{ID: "week", Title: "一週間後", State: incident.Waiting, FollowUp: true, At: opened.Add(7 * 24 * time.Hour)},
	}
	if len(in.Steps) != len(want) {
		t.Fatalf("steps = %+v", in.Steps)
	}
	for i := range want {
		if in.Steps[i] != want[i] {
			t.Errorf("step %d = %+v, want %+v", i, in.Steps[i], want[i])
		}
	}
	if !in.Steps[1].Pending() || in.Steps[0].Pending() {
		t.Errorf("Pending wrong")
	}
}

// The fuzzer writes the part before the checksum, which it could not get
// right by chance, and the checksum is added for it.
func FuzzUnmarshal(f *testing.F) {
	data, _ := sample().MarshalBinary()
	f.Add(data[:len(data)-4])
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, body []byte) {
		data := binary.LittleEndian.AppendUint64(bytes.Clone(body), checksum(body))
		var e Entry
		if e.UnmarshalBinary(data) != nil {
			return
		}
		// Numbers may come in longer forms than the encoder writes, so
		// compare what the decoded entry encodes to, read back.
		first, _ := e.MarshalBinary()
		var back Entry
		if err := back.UnmarshalBinary(first); err != nil {
			t.Fatalf("an encoded entry does not decode: %v", err)
		}
		if second, _ := back.MarshalBinary(); !bytes.Equal(first, second) {
			t.Fatalf("an entry changes when encoded and decoded")
		}
	})
}

func TestNumbers(t *testing.T) {
	for _, v := range []int64{0, 1, -1, 63, -64, 64, 1 << 40, -1 << 62, math.MaxInt64, math.MinInt64} {
		w := &writer{}
		w.int(v)
		w.uint(uint64(v))
		r := &reader{buf: string(w.buf)}
		if gi, gu := r.int(), r.uint(); gi != v || gu != uint64(v) || r.err != nil || r.buf != "" {
			t.Errorf("%d read back as %d and %d (%v)", v, gi, gu, r.err)
		}
	}
	// Eleven bytes, or ten whose last is above 1, are more than 64 bits.
	for _, bad := range []string{"\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02", "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", "\x80"} {
		r := &reader{buf: bad}
		if r.uint(); r.err == nil {
			t.Errorf("%q read as a number", bad)
		}
	}
}

// Decode reads what UnmarshalBinary reads, and refuses what it refuses.
func TestDecode(t *testing.T) {
	data, _ := sample().MarshalBinary()
	e, err := Decode(bytes.Clone(data))
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := e.MarshalBinary(); !bytes.Equal(again, data) {
		t.Errorf("Decode gives another entry than was encoded")
	}
	for _, bad := range [][]byte{nil, data[:len(data)-1], []byte(magic)} {
		if _, err := Decode(bytes.Clone(bad)); !errors.Is(err, ErrFormat) {
			t.Errorf("Decode(%d bytes) error = %v", len(bad), err)
		}
	}
}
