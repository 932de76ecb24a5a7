package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/acctguard/acctguard/internal/i18n"
)

// icsUTC is the form of a UTC date-time in iCalendar.
const icsUTC = "20060102T150405Z"

// ICS writes the follow-ups as an iCalendar file (RFC 5545) to import
// into a calendar: one event per follow-up, each repeat of a repeating
// step its own event, each with an alarm at its start so the reminder
// pops up. Event UIDs depend only on the incident, the step and the
// repeat, so importing a newer file updates the events instead of adding
// copies.
func ICS(w io.Writer, r *Report) error {
	if r == nil {
		return errNilReport
	}
	l := i18n.Lang(r.Lang)
	numbers := map[string]int{}
	for _, p := range r.Phases {
		for _, s := range p.Steps {
			numbers[s.ID] = s.Number
		}
	}
	run := fmt.Sprintf("acctguard respond --incident %d", r.Incident.ID)
	playbook := r.Incident.PlaybookTitle
	if playbook == "" {
		playbook = r.Incident.PlaybookID
	}

	var c icsWriter
	c.prop("BEGIN", "VCALENDAR")
	c.prop("VERSION", "2.0")
	c.prop("PRODID", "-//acctguard//acctguard report//EN")
	c.prop("CALSCALE", "GREGORIAN")
	c.prop("METHOD", "PUBLISH")
	c.prop("X-WR-CALNAME", icsText(msgf(l, "ics.calendar", r.Incident.ID)))
	stamp := r.GeneratedAt.UTC().Format(icsUTC)
	uids := map[string]int{}
	for _, f := range r.FollowUps {
		title := f.Title
		if title == "" {
			title = f.StepID
		}
		if f.Of > 0 {
			title = msgf(l, "ics.repeat", title, f.Occurrence, f.Of)
		}
		summary := msgf(l, "ics.summary", title)
		step := title
		if n := numbers[f.StepID]; n > 0 {
			step = msgf(l, "step-ref", title, n)
		}
		what := msgf(l, "ics.step", step)
		if f.Gate {
			what = msgf(l, "ics.gate", step)
		}
		description := strings.Join([]string{
			what,
			msgf(l, "ics.incident", r.Incident.ID, playbook),
			msgf(l, "ics.run", run),
		}, "\n")

		c.prop("BEGIN", "VEVENT")
		c.prop("UID", icsText(uid(uids, r.Incident.ID, f)))
		c.prop("DTSTAMP", stamp)
		c.prop("DTSTART", f.At.UTC().Format(icsUTC))
		c.prop("DURATION", "PT30M")
		c.prop("SUMMARY", icsText(summary))
		c.prop("DESCRIPTION", icsText(description))
		// A reminder, not an appointment: it does not make the person
		// look busy.
		c.prop("TRANSP", "TRANSPARENT")
		c.prop("BEGIN", "VALARM")
		c.prop("ACTION", "DISPLAY")
		c.prop("TRIGGER", "PT0M")
		c.prop("DESCRIPTION", icsText(summary))
		c.prop("END", "VALARM")
		c.prop("END", "VEVENT")
	}
	if len(r.FollowUps) == 0 {
		// RFC 5545 wants at least one component in a calendar (and
		// strict readers refuse an empty one). A time-zone definition
		// for UTC adds nothing to anyone's calendar.
		c.prop("BEGIN", "VTIMEZONE")
		c.prop("TZID", "UTC")
		c.prop("BEGIN", "STANDARD")
		c.prop("DTSTART", "19700101T000000")
		c.prop("TZOFFSETFROM", "+0000")
		c.prop("TZOFFSETTO", "+0000")
		c.prop("TZNAME", "UTC")
		c.prop("END", "STANDARD")
		c.prop("END", "VTIMEZONE")
	}
	c.prop("END", "VCALENDAR")
	_, err := w.Write(c.b.Bytes())
	return err
}

// uid names a follow-up's event: acctguard-<incident>-<step>-<repeat>.
// A step that happens once is its repeat 1. Two follow-ups for the same
// repeat would be one event to a calendar, so the second gets a suffix
// (step IDs have no dots, so it cannot clash with another UID).
func uid(seen map[string]int, incident int, f FollowUp) string {
	id := fmt.Sprintf("acctguard-%d-%s-%d", incident, f.StepID, max(f.Occurrence, 1))
	seen[id]++
	if n := seen[id]; n > 1 {
		id = fmt.Sprintf("%s.%d", id, n)
	}
	return id + "@acctguard"
}

// icsText escapes a TEXT value: backslash, semicolon, comma and line
// breaks (RFC 5545 3.3.11).
func icsText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(clean(s))
}

// icsWriter writes content lines ending in CRLF, folded at 75 octets.
type icsWriter struct {
	b bytes.Buffer
}

// icsLineOctets is the longest a physical line may be, without its CRLF.
const icsLineOctets = 75

func (c *icsWriter) prop(name, value string) {
	line := name + ":" + value
	n := 0 // octets on the current physical line
	for i := 0; i < len(line); {
		// The unit never split: one UTF-8 character, or a backslash
		// escape with the character it escapes (a fold there is legal,
		// but some readers unescape before they unfold).
		_, size := utf8.DecodeRuneInString(line[i:])
		if line[i] == '\\' && i+1 < len(line) {
			_, next := utf8.DecodeRuneInString(line[i+1:])
			size += next
		}
		if n+size > icsLineOctets {
			c.b.WriteString("\r\n ")
			n = 1
		}
		c.b.WriteString(line[i : i+size])
		n += size
		i += size
	}
	c.b.WriteString("\r\n")
}
