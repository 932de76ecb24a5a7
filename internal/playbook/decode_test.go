package playbook

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// head is a valid playbook top (lines 1-5) that the cases below extend
// with steps starting on line 6.
const head = `schema: 1
id: t
title: {en: Test, ja: テスト}
languages: [en, ja]
steps:
`

const okStep = `  - id: ok
    title: {en: OK, ja: 了解}
    phase: verify
`

const question = `  - id: q
    title: {en: "Can you sign in?", ja: ログインできますか}
    phase: verify
    kind: question
    question: {en: "Can you sign in?", ja: ログインできますか？}
    options:
      - {value: "yes", label: {en: "Yes", ja: はい}}
      - {value: "no", label: {en: "No", ja: いいえ}}
`

const timeStep = `  - id: mail
    title: {en: Note when the email came, ja: メールの時刻を控える}
    phase: verify
    kind: time
    question: {en: "When did the email arrive?", ja: メールはいつ届きましたか？}
`

// TestParseRules has one case per validation rule, each with the exact
// position and message the user sees.
func TestParseRules(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // "line:col: message"
	}{
		{"empty file", "", []string{"1:1: file is empty"}},
		{"comments only", "# nothing here\n", []string{"1:1: file is empty"}},
		{"yaml syntax", "schema: 1\nid: [t\n", []string{`2:1: invalid YAML: did not find expected ',' or ']'`}},
		{"a tag whose %-escapes are not a character", "!%80\n", []string{"1:1: a tag on this line has %-escapes that do not make a character"}},
		{"two documents", head + okStep + "---\nschema: 1\n", []string{"9:1: a second YAML document starts here"}},
		{"an empty second document", "0\n---", []string{"2:1: a second YAML document starts here"}},
		{"not a map", "- a\n- b\n", []string{`1:1: the playbook must be a map, not a list`}},
		{"missing required keys", "schema: 1\n", []string{
			`1:1: the playbook is missing "id"`, `1:1: the playbook is missing "title"`, `1:1: the playbook is missing "steps"`}},
		{"schema version", strings.Replace(head, "schema: 1", "schema: 2", 1) + okStep, []string{"1:9: schema 2 is not supported"}},
		{"schema as text", strings.Replace(head, "schema: 1", `schema: "1"`, 1) + okStep, []string{`1:9: schema must be a whole number, not "1"`}},
		{"bad playbook id", strings.Replace(head, "id: t", "id: Amazon_Takeover", 1) + okStep, []string{`2:5: playbook id "Amazon_Takeover" is not a valid id`}},
		{"unknown top-level key", "titel: x\n" + head + okStep, []string{`1:1: unknown key "titel" in the playbook`}},
		{"duplicate key", head + okStep + "    phase: contain\n", []string{`9:5: duplicate key "phase" in step "ok" (first at line 8)`}},
		{"misspelt required key reported once", head + "  - id: a\n    titel: x\n    phase: verify\n", []string{`7:5: unknown key "titel" in step "a"`}},
		{"unknown step key", head + okStep + "    hwo: x\n", []string{`9:5: unknown key "hwo" in step "ok"`}},
		{"text of wrong type", head + "  - id: a\n    title: [x]\n    phase: verify\n", []string{`7:12: title of step "a" must be a text (a string, or one string per language), not a list`}},
		{"empty text", head + "  - id: a\n    title:\n    phase: verify\n", []string{`7:11: title of step "a" is empty`}},
		{"bad language code", head + "  - id: a\n    title: {EN: x}\n    phase: verify\n", []string{`7:13: "EN" in title of step "a" is not a language code`}},
		{"missing language", head + "  - id: a\n    title: {en: Only English}\n    phase: verify\n", []string{`7:12: title of step "a" has no text in ja`}},
		{"done in one language only", head + okStep + "    done: {en: Did it}\n", []string{`9:11: done of step "ok" has no text in ja`}},
		{"done of wrong type", head + okStep + "    done: [x]\n", []string{`9:11: done of step "ok" must be a text (a string, or one string per language), not a list`}},
		{"missing step fields", head + "  - id: a\n", []string{`6:5: step "a" is missing "title"`, `6:5: step "a" is missing "phase"`}},
		{"bad step id", head + "  - id: Step_1\n    title: x\n    phase: verify\n", []string{`6:9: step id "Step_1" is not a valid id`}},
		{"duplicate step id", head + okStep + okStep, []string{`9:9: duplicate step id "ok" (first at line 6)`}},
		{"unknown phase", head + "  - id: a\n    title: x\n    phase: contian\n", []string{`8:12: unknown phase "contian" in step "a"`}},
		{"unknown kind", head + "  - id: a\n    title: x\n    phase: verify\n    kind: check\n", []string{`9:11: unknown kind "check" in step "a"`}},
		{"unknown record", head + "  - id: a\n    title: x\n    phase: verify\n    record: orders\n", []string{`9:13: unknown record "orders" in step "a"`}},
		{"official domains", strings.Replace(head, "languages:", "official-domains: [amazon.co.jp, https://amazon.com, co.jp, amazon.co.jp]\nlanguages:", 1) + okStep, []string{
			`4:34: "https://amazon.com" in official-domains is not a domain name`,
			`4:54: "co.jp" in official-domains is a public suffix, which anyone can register under`,
			`4:61: "amazon.co.jp" is listed twice in official-domains`}},
		{"unknown purpose", strings.Replace(head, "languages:", "for: banking\nlanguages:", 1) + okStep, []string{`4:6: unknown purpose "banking" in for`}},
		{"opens not an id", head + okStep + "    opens: E-mail\n", []string{`9:12: opens of step "ok" "E-mail" is not a valid id`}},
		{"opens its own playbook", head + okStep + "    opens: t\n", []string{`9:12: step "ok" opens its own playbook`}},
		{"record twice", head + "  - id: a\n    title: x\n    phase: verify\n    record: [charges, contact, charges]\n", []string{`9:32: record "charges" is listed twice in step "a"`}},
		{"critical not a bool", head + "  - id: a\n    title: x\n    phase: verify\n    critical: very\n", []string{`9:15: critical of step "a" must be true or false, not "very"`}},
		{"question fields on a task", head + "  - id: a\n    title: x\n    phase: verify\n    question: Why?\n", []string{`9:5: "question" is only for question steps, and step "a" is a task`}},
		{"question without options", head + "  - id: a\n    title: x\n    phase: verify\n    kind: question\n    question: Why?\n", []string{`9:5: question step "a" is missing "options"`}},
		{"one option", head + "  - id: a\n    title: x\n    phase: verify\n    kind: question\n    question: Why?\n    options: [{value: x, label: X}]\n", []string{`11:14: step "a" has fewer than two options`}},
		{"duplicate option", head + "  - id: a\n    title: x\n    phase: verify\n    kind: question\n    question: Why?\n    options: [{value: x, label: X}, {value: x, label: Y}]\n", []string{`11:45: duplicate option "x" in step "a" (first at line 11)`}},
		{"unknown after", head + okStep + "    after: [nope]\n", []string{`9:13: unknown step "nope"`}},
		{"after itself", head + okStep + "    after: [ok]\n", []string{`9:13: step "ok" cannot come after itself`}},
		{"cycle in after", head + "  - id: a\n    title: x\n    phase: verify\n    after: [b]\n  - id: b\n    title: x\n    phase: verify\n    after: [a]\n",
			[]string{`13:13: steps wait for each other in a loop: a -> b -> a`}},
		{"when on unknown step", head + okStep + "    when: {nope: \"yes\"}\n", []string{`9:12: unknown step "nope"`}},
		{"when on a task", head + okStep + "  - id: a\n    title: x\n    phase: verify\n    when: {ok: \"yes\"}\n", []string{`12:12: when of step "a" uses "ok", which is not a question`}},
		{"when on a later question", head + okStep + "    when: {q: \"yes\"}\n" + question, []string{`9:12: when of step "ok" uses question "q", which comes later`}},
		{"when on a value that is not an option", head + question + "  - id: a\n    title: x\n    phase: verify\n    when: {q: [\"no\", maybe]}\n",
			[]string{`17:22: "maybe" is not an answer to question "q"`}},
		{"time step without question", head + "  - id: a\n    title: x\n    phase: verify\n    kind: time\n", []string{`9:5: time step "a" is missing "question"`}},
		{"time step with options", head + "  - id: a\n    title: x\n    phase: verify\n    kind: time\n    question: When?\n    options: [{value: x, label: X}, {value: y, label: Y}]\n",
			[]string{`11:5: step "a" asks for a time, so it has no options`}},
		{"delay-from without delay", head + timeStep + "  - id: a\n    title: x\n    phase: contain\n    delay-from: mail\n", []string{`14:5: step "a" has delay-from but no delay`}},
		{"delay-from unknown step", head + timeStep + "  - id: a\n    title: x\n    phase: contain\n    delay: 5h\n    delay-from: mial\n", []string{`15:17: unknown step "mial"`}},
		{"delay-from a question", head + question + "  - id: a\n    title: x\n    phase: contain\n    delay: 5h\n    delay-from: q\n",
			[]string{`18:17: delay-from of step "a" uses "q", which does not ask for a time`}},
		{"delay-from a later time", head + "  - id: a\n    title: x\n    phase: contain\n    delay: 5h\n    delay-from: mail\n" + timeStep,
			[]string{`10:17: delay-from of step "a" uses "mail", which comes later`}},
		{"when on a time step", head + timeStep + "  - id: a\n    title: x\n    phase: verify\n    when: {mail: now}\n", []string{`14:12: when of step "a" uses "mail", which is not a question`}},
		{"cycle through delay-from", head + "  - id: mail\n    title: x\n    phase: verify\n    kind: time\n    question: When?\n    after: [a]\n  - id: a\n    title: x\n    phase: contain\n    delay: 5h\n    delay-from: mail\n",
			[]string{`16:17: steps wait for each other in a loop: mail -> a -> mail`}},
		{"was names a current step", head + question + okStep + "    was: [q]\n", []string{`17:11: "q" in was of step "ok" is the id of a step in this playbook`}},
		{"was given to two steps", head + okStep + "    was: [old]\n  - id: b\n    title: x\n    phase: verify\n    was: [old]\n",
			[]string{`13:11: former id "old" is given to two steps (first at line 9)`}},
		{"bad critical-time", strings.Replace(head, "steps:\n", "critical-time: an hour\nsteps:\n", 1) + okStep, []string{`5:16: critical-time: "an hour" is not a duration`}},
		{"early without delay", head + okStep + "    early: true\n", []string{`9:5: step "ok" has early but no delay`}},
		{"unknown contact", head + okStep + "    contacts: [bank]\n", []string{`9:16: unknown contact "bank"`}},
		{"unknown source", head + okStep + "    sources: [blog]\n", []string{`9:15: unknown source "blog"`}},
		{"unknown source of a contact", strings.Replace(head, "steps:\n", "contacts:\n  - {id: c, name: C, phone: \"1\", source: nope}\nsteps:\n", 1) + okStep,
			[]string{`6:42: unknown source "nope"`}},
		{"contact without phone or url", strings.Replace(head, "steps:\n", "contacts:\n  - {id: c, name: C}\nsteps:\n", 1) + okStep,
			[]string{`6:5: contact "c" has neither phone nor url`}},
		{"duplicate contact id", strings.Replace(head, "steps:\n", "contacts:\n  - {id: c, name: C, phone: \"1\"}\n  - {id: c, name: D, phone: \"2\"}\nsteps:\n", 1) + okStep,
			[]string{`7:10: duplicate contact id "c" (first at line 6)`}},
		{"bad verified date", strings.Replace(head, "steps:\n", "contacts:\n  - {id: c, name: C, phone: \"1\", verified: 2020-13}\nsteps:\n", 1) + okStep,
			[]string{`6:44: verified date of contact "c" "2020-13" is not a date`}},
		{"bad url", head + okStep + "    links: [{title: x, url: www.example.com}]\n", []string{`9:29: url of link 1 of step "ok" "www.example.com" is not a web address`}},
		{"bad duration", head + okStep + "    delay: 5 hours\n", []string{`9:12: delay of step "ok": "5 hours" is not a duration`}},
		{"zero duration", head + okStep + "    delay: 0h\n", []string{`9:12: delay of step "ok": "0h" is zero`}},
		{"repeat without times", head + okStep + "    repeat: {every: 7d}\n", []string{`9:13: repeat of step "ok" is missing "times"`}},
		{"repeat times below one", head + okStep + "    repeat: {every: 7d, times: 0}\n", []string{`9:32: times of repeat of step "ok" must be at least 1, not 0`}},
		{"anchor and alias", head + "  - id: a\n    title: &t x\n    phase: verify\n  - id: b\n    title: *t\n    phase: verify\n",
			[]string{`7:12: anchor &t is not allowed in a playbook`, `10:12: alias *t is not allowed in a playbook`}},
		{"invalid UTF-8", head + "  - id: a\n    title: caf\xe9\n    phase: verify\n", []string{`7:15: invalid UTF-8 byte 0xe9`}},
		{"invalid UTF-8 after wide characters", head + "  - id: a\n    title: 題名\xff\n    phase: verify\n", []string{`7:14: invalid UTF-8 byte 0xff`}},
		{"invalid UTF-8 in a comment", head + okStep + "# \x82\xa0\n", []string{`9:3: invalid UTF-8 byte 0x82`}},
		{"NUL byte", head + "  - id: a\n    title: a\x00b\n    phase: verify\n", []string{`7:13: NUL byte`}},
		{"control character", head + "  - id: a\n    title: \x1b[2J\n    phase: verify\n", []string{`7:12: control character U+001B`}},
		{"bad byte after a byte order mark", "\uFEFFschema: 1\x00\n", []string{`1:10: NUL byte`}},
		{"bad byte after CR line breaks", "schema: 1\rid: t\rtitle: \xff\r", []string{`3:8: invalid UTF-8 byte 0xff`}},
		{"bad byte after LS and NEL line breaks", "schema: 1\u2028id: t\u0085title: \xff\n", []string{`3:8: invalid UTF-8 byte 0xff`}},
		{"UTF-16", "\xff\xfes\x00c\x00", []string{`1:1: the file is UTF-16 text, not UTF-8`}},
		{"languages not codes", strings.Replace(head, "[en, ja]", "[en, Japanese]", 1) + okStep, []string{`4:17: "Japanese" is not a language code`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("p.yaml", []byte(tt.src))
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Parse() error = %v, want an ErrorList", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, strings.TrimPrefix(e.Error(), "p.yaml:"))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestParseValid(t *testing.T) {
	src := head + question + `  - id: reset
    title: {en: Reset the password, ja: パスワードを再設定する}
    phase: contain
    critical: yes
    when: {q: "no"}
    after: q
    delay: 5h
    repeat: {every: 1w, times: 4}
    contacts: [support]
    sources: [blog]
version: 1.10
sources:
  - {id: blog, title: A blog, url: "https://example.com/blog"}
contacts:
  - {id: support, name: {en: Support, ja: サポート}, phone: "0120-000-000", verified: 2020-09-01, source: blog}
`
	p, err := Parse("p.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if p.Version != "1.10" {
		t.Errorf("Version = %q, want the text as written, 1.10", p.Version)
	}
	s, ok := p.Step("reset")
	if !ok {
		t.Fatal("no step reset")
	}
	if !s.Critical || s.Kind != KindTask || s.Delay.D != 5*time.Hour || s.Repeat.Every.D != 7*24*time.Hour || s.Repeat.Times != 4 {
		t.Errorf("step = %+v", s)
	}
	if len(s.When) != 1 || s.When[0].Step != "q" || s.When[0].Values[0] != "no" {
		t.Errorf("When = %+v, want q = no", s.When)
	}
	if len(s.After) != 1 || s.After[0] != "q" {
		t.Errorf("After = %v, want [q] from the short form", s.After)
	}
	if s.Pos != (Pos{14, 5}) {
		t.Errorf("Pos = %v, want 14:5", s.Pos)
	}
	if c, _ := p.Contact("support"); c.Verified != "2020-09-01" || c.Name.Get("ja") != "サポート" {
		t.Errorf("contact = %+v", c)
	}
	if !strings.HasPrefix(p.Digest, "sha256:") || p.File != "p.yaml" {
		t.Errorf("Digest = %q, File = %q", p.Digest, p.File)
	}
}

func TestParseReportsEveryErrorSorted(t *testing.T) {
	src := head + "  - id: a\n    title: x\n    phase: nope\n    delay: soon\n    hwo: x\n"
	_, err := Parse("p.yaml", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 3 {
		t.Fatalf("want 3 errors, got %v", err)
	}
	for i := 1; i < len(list); i++ {
		if list[i-1].Pos.Line > list[i].Pos.Line {
			t.Errorf("errors not sorted by position: %v", err)
		}
	}
}

func TestErrorDetail(t *testing.T) {
	src := head + "  - id: a\n    title: {en: 「題名」, ja: 「題名」}\n    phase: verify\n    delay: 5 hours\n"
	_, err := Parse("p.yaml", []byte(src))
	want := `p.yaml:9:12: delay of step "a": "5 hours" is not a duration
        delay: 5 hours
               ^
    hint: use a whole number and one of m, h, d, w: 30m, 5h, 7d, 2w`
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}

// TestErrorDetailLineBreaks shows the source line of an error in a file
// whose lines end in CR alone, or in the Unicode line breaks YAML counts:
// the line YAML names, with the caret under the column. A byte order mark
// is not part of the first line's columns.
func TestErrorDetailLineBreaks(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"CR", "\r0", "p.yaml:2:1: the playbook must be a map, not \"0\"\n    0\n    ^"},
		{"CR, several lines", "schema: 1\rid: T\rtitle: x\rsteps: [a]\r", "p.yaml:2:5: playbook id \"T\" is not a valid id\n    id: T\n        ^\n    hint: " + idHint},
		{"CR LF", "schema: 1\r\nid: T\r\n", "p.yaml:2:5: playbook id \"T\" is not a valid id\n    id: T\n        ^\n    hint: " + idHint},
		{"NEL", "schema: 1\u0085id: T\u0085", "p.yaml:2:5: playbook id \"T\" is not a valid id\n    id: T\n        ^\n    hint: " + idHint},
		{"LS", "schema: 1\u2028id: T\u2029", "p.yaml:2:5: playbook id \"T\" is not a valid id\n    id: T\n        ^\n    hint: " + idHint},
		{"byte order mark", "\uFEFFid: T\n", "p.yaml:1:5: playbook id \"T\" is not a valid id\n    id: T\n        ^\n    hint: " + idHint},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("p.yaml", []byte(tt.src))
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Parse() error = %v, want an ErrorList", err)
			}
			for _, e := range list {
				if e.Detail() == tt.want {
					return
				}
			}
			t.Errorf("errors:\n%v\nwant one of them:\n%s", err, tt.want)
		})
	}
}

// TestErrorDetailBadBytes shows a byte YAML refuses where it is, as a
// character that can be seen, with the caret under it.
func TestErrorDetailBadBytes(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"invalid UTF-8", "schema: 1\ntitle: caf\xe9 \xe9\n", `p.yaml:2:11: invalid UTF-8 byte 0xe9
    title: caf� �
              ^
    hint: save the file as UTF-8; it may have been saved in another encoding, such as Shift_JIS`},
		{"NUL", "schema: 1\ntitle: 題\x00名\n", `p.yaml:2:9: NUL byte
    title: 題␀名
             ^
    hint: a text file has no NUL bytes: this may be UTF-16 text (save it as UTF-8), or not text at all`},
		{"escape", "schema: 1\ntitle: \x1b]0;pwned\x07\n", `p.yaml:2:8: control character U+001B
    title: ␛]0;pwned␇
           ^
    hint: remove it: YAML allows no control characters but tab`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("p.yaml", []byte(tt.src))
			if err == nil || err.Error() != tt.want {
				t.Errorf("error:\n%v\nwant:\n%s", err, tt.want)
			}
		})
	}
}

func TestCaretUnderWideCharacters(t *testing.T) {
	e := &Error{File: "p.yaml", Pos: Pos{1, 11}, Msg: "m", Line: "title: 「題名」: x"}
	want := "p.yaml:1:11: m\n    title: 「題名」: x\n                 ^"
	if got := e.Detail(); got != want {
		t.Errorf("Detail() =\n%s\nwant:\n%s", got, want)
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		err  string
	}{
		{"30m", 30 * time.Minute, ""},
		{"5h", 5 * time.Hour, ""},
		{"7d", 7 * 24 * time.Hour, ""},
		{"2w", 14 * 24 * time.Hour, ""},
		{"1.5h", 0, `"1.5h" is not a duration`},
		{"5", 0, `"5" is not a duration`},
		{"h", 0, `"h" is not a duration`},
		{"-1d", 0, `"-1d" is not a duration`},
		{"5s", 0, `"5s" is not a duration`},
		{"5H", 0, `"5H" is not a duration`},
		{"99999999999999999999w", 0, `"99999999999999999999w" is longer than ten years`},
		{"600w", 0, `"600w" is longer than ten years`},
	}
	for _, tt := range tests {
		d, err := ParseDuration(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseDuration(%q) error = %v, want %s", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || d.D != tt.want || d.String() != tt.in {
			t.Errorf("ParseDuration(%q) = %v, %v, want %v", tt.in, d, err, tt.want)
		}
	}
}

func TestTextFallback(t *testing.T) {
	tests := []struct {
		text Text
		lang string
		want string
	}{
		{PlainText("same"), "ja", "same"},
		{LocalText("en", "Hello", "ja", "こんにちは"), "ja", "こんにちは"},
		{LocalText("en", "Hello", "ja", "こんにちは"), "fr", "Hello"},
		{LocalText("ja", "こんにちは", "fr", "Bonjour"), "en", "こんにちは"},
		{LocalText("fr", "Bonjour", "ja", "こんにちは"), "en", "Bonjour"},
	}
	for _, tt := range tests {
		if got := tt.text.Get(tt.lang); got != tt.want {
			t.Errorf("Get(%q) = %q, want %q", tt.lang, got, tt.want)
		}
	}
}

func TestParseTimeStep(t *testing.T) {
	src := head + timeStep + `  - id: reset
    title: {en: Reset the password, ja: パスワードを再設定する}
    phase: contain
    delay: 5h
    delay-from: mail
`
	p, err := Parse("p.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	mail, _ := p.Step("mail")
	reset, _ := p.Step("reset")
	if mail.Kind != KindTime || !mail.Asks() || mail.Question.Get("en") != "When did the email arrive?" {
		t.Errorf("mail = %+v", mail)
	}
	if reset.DelayFrom != "mail" || reset.Delay.D != 5*time.Hour || reset.Asks() {
		t.Errorf("reset = %+v", reset)
	}
}
