package state

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

// golden is testdata/main-ddb864f.json, written by the hand-written codec
// that the standard codecs replaced. Every file written since reads and
// rewrites exactly as it did then.
const golden = "testdata/main-ddb864f.json"

// goldenFile is what golden holds.
func goldenFile() *File {
	jst := time.FixedZone("JST", 9*60*60)
	closed := time.Date(2025, 3, 16, 9, 0, 0, 0, jst)
	return &File{
		Schema: 1,
		// Incident 4 was deleted; its id is never handed out again.
		NextID: 5,
		Incidents: []Incident{
			{
				ID: 1, Playbook: "amazon-jp", PlaybookVersion: "3",
				PlaybookDigest: "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
				Lang:           "ja",
				OpenedAt:       time.Date(2025, 3, 14, 21, 30, 0, 0, jst),
				ClosedAt:       &closed,
				DropFollowUps:  true,
				Events: []Event{
					{Step: "change-password", Action: ActionDone, At: time.Date(2025, 3, 14, 21, 31, 0, 0, jst)},
					{Step: "two-step", Action: ActionSkip, At: time.Date(2025, 3, 14, 21, 32, 0, 0, jst), Reason: "SMSが届かない & <認証アプリ> も無い"},
					{Step: "card-company", Action: ActionLater, At: time.Date(2025, 3, 14, 21, 33, 10, 500_000_000, jst)},
					{Step: "linked-sites", Action: ActionAnswer, At: time.Date(2025, 3, 14, 21, 34, 0, 0, jst), Answer: "yes"},
					{Step: "linked-sites", Action: ActionNote, At: time.Date(2025, 3, 14, 21, 35, 0, 0, jst), Note: "サポートに電話。担当: \"佐藤\" さん\n受付番号\tA-12345 & <末尾 1234> C:\\Users\\me"},
					{Step: "card-company", Action: ActionReset, At: time.Date(2025, 3, 15, 8, 0, 0, 0, jst)},
					{Step: "", Action: ActionClose, At: closed},
				},
			},
			{
				ID: 2, Playbook: "google",
				PlaybookDigest: "sha256:4567",
				Lang:           "en",
				OpenedAt:       time.Date(2025, 3, 15, 2, 4, 5, 123_456_789, time.UTC),
				Events: []Event{
					{Step: "recovery-email", Action: ActionAnswer, At: time.Date(2025, 3, 15, 2, 10, 0, 0, time.UTC), Answer: "no"},
					{Step: "", Action: ActionClose, At: time.Date(2025, 3, 15, 3, 0, 0, 0, time.UTC)},
					{Step: "", Action: ActionReopen, At: time.Date(2025, 3, 15, 3, 5, 0, 250_000_000, time.UTC)},
					{Step: "recovery-email", Action: ActionNote, At: time.Date(2025, 3, 15, 3, 6, 0, 0, time.UTC), Note: "pasted from mail:\u2028“Your account was changed” <no-reply@google.com> & more"},
				},
			},
			{
				ID: 3, Playbook: "line", PlaybookVersion: "1",
				PlaybookDigest: "sha256:89ab",
				Lang:           "ja",
				OpenedAt:       time.Date(2025, 3, 20, 7, 0, 0, 1_000, jst),
				Events:         []Event{},
			},
		},
	}
}

func TestGoldenFile(t *testing.T) {
	data, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	s := newStore(t)
	writeTestFile(t, s.Path(), string(data))
	equalFiles(t, mustLoad(t, s), goldenFile())

	mustUpdate(t, s, func(*File) error { return nil })
	if got := readFile(t, s.Path()); got != string(data) {
		t.Errorf("an update that changed nothing rewrote the file as:\n%s", got)
	}
	if exists(s.Path() + ".bak") {
		t.Error("an update that changed nothing made a backup")
	}

	mustUpdate(t, s, func(f *File) error {
		inc, _ := f.Incident(2)
		inc.Events = append(inc.Events, Event{Step: "recovery-phone", Action: ActionAnswer, At: time.Date(2025, 3, 15, 12, 0, 0, 0, time.FixedZone("JST", 9*60*60)), Answer: "はい & <yes>"})
		return nil
	})
	endOf2 := "\n      ]\n    },\n    {\n      \"id\": 3,"
	added := `,
        {
          "step": "recovery-phone",
          "action": "answer",
          "at": "2025-03-15T12:00:00+09:00",
          "answer": "はい & <yes>"
        }`
	want := strings.Replace(string(data), endOf2, added+endOf2, 1)
	if got := readFile(t, s.Path()); got != want {
		t.Errorf("after adding an answer, state file =\n%s\nwant\n%s", got, want)
	}
	if got := readFile(t, s.Path()+".bak"); got != string(data) {
		t.Errorf("backup =\n%s\nwant the golden file", got)
	}
}

// Update refuses to write what it could not read back.
func TestUpdateWritesOnlyReadableFiles(t *testing.T) {
	for _, tt := range []struct {
		name  string
		event Event
		want  string
	}{
		{"unknown action", Event{Step: "a", Action: "dnoe", At: t0}, `incident 1, step "a": unknown action "dnoe"`},
		{"no action", Event{Step: "a", At: t0}, `incident 1, step "a": unknown action ""`},
		{"year 10000", Event{Step: "a", Action: ActionDone, At: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}, "year outside of range"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			mustUpdate(t, s, func(f *File) error { f.NewIncident("x", "", "", "en", t0); return nil })
			before := readFile(t, s.Path())
			_, err := s.Update(func(f *File) error {
				f.Incidents[0].Events = append(f.Incidents[0].Events, tt.event)
				return nil
			})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Update error = %v, want one saying %q", err, tt.want)
			}
			var d *DamagedError
			if errors.As(err, &d) {
				t.Errorf("Update calls the file damaged: %v", err)
			}
			if got := readFile(t, s.Path()); got != before {
				t.Errorf("state file changed to:\n%s", got)
			}
			if exists(s.Path()+".bak") || len(temps(t, s)) > 0 {
				t.Error("a refused save left a backup or a temp file")
			}
		})
	}
}

// A note typed in another encoding is saved with U+FFFD in place of what
// is not UTF-8, rather than refused or written as a file that reads as
// damaged.
func TestInvalidUTF8IsWrittenAsReplacement(t *testing.T) {
	s := newStore(t)
	mustUpdate(t, s, func(f *File) error {
		f.NewIncident("x", "", "", "ja", t0).Events = []Event{{Step: "a", Action: ActionNote, At: t0, Note: "\x93\x64\x98\x62 ok"}}
		return nil
	})
	inc, _ := mustLoad(t, s).Incident(1)
	if got, want := inc.Events[0].Note, "\ufffdd\ufffdb ok"; got != want {
		t.Errorf("note read back = %q, want %q", got, want)
	}
}

// Members this acctguard does not know (added by a newer acctguard that
// kept schema 1, or by hand) survive a save, after the members it knows.
func TestUnknownMembersAreKept(t *testing.T) {
	s := newStore(t)
	writeTestFile(t, s.Path(), `{
  "schema": 1,
  "device": {"name": "居間のPC", "seen": [1, 2]},
  "next_id": 2,
  "incidents": [
    {
      "id": 1,
      "linked_to": 7,
      "playbook": "amazon",
      "playbook_digest": "sha256:aa",
      "lang": "ja",
      "opened_at": "2025-03-14T21:30:00+09:00",
      "closed_at": null,
      "events": [{"step": "a", "action": "done", "at": "2025-03-14T21:31:00+09:00", "by": null, "by": "phone"}]
    }
  ]
}
`)
	mustUpdate(t, s, func(f *File) error {
		inc, _ := f.Incident(1)
		inc.Events = append(inc.Events, Event{Step: "b", Action: ActionSkip, At: t0, Reason: "後で"})
		return nil
	})
	want := `{
  "schema": 1,
  "next_id": 2,
  "incidents": [
    {
      "id": 1,
      "playbook": "amazon",
      "playbook_digest": "sha256:aa",
      "lang": "ja",
      "opened_at": "2025-03-14T21:30:00+09:00",
      "closed_at": null,
      "events": [
        {
          "step": "a",
          "action": "done",
          "at": "2025-03-14T21:31:00+09:00",
          "by": null,
          "by": "phone"
        },
        {
          "step": "b",
          "action": "skip",
          "at": "2025-03-14T21:30:00+09:00",
          "reason": "後で"
        }
      ],
      "linked_to": 7
    }
  ],
  "device": {
    "name": "居間のPC",
    "seen": [
      1,
      2
    ]
  }
}
`
	if got := readFile(t, s.Path()); got != want {
		t.Errorf("state file =\n%s\nwant\n%s", got, want)
	}
	// What was written reads back the same and rewrites unchanged.
	mustUpdate(t, s, func(*File) error { return nil })
	if got := readFile(t, s.Path()); got != want {
		t.Errorf("after an update that changed nothing =\n%s", got)
	}
}
