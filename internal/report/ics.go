package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/acctguard/acctguard/internal/i18n"
)

// icsUTC is the form of a UTC date-time in iCalendar.
const icsUTC = "20060102T150405Z"

// ICS writes the follow-ups as an iCalendar file (RFC 5545) to import
// into a calendar. Every event is at the report's remind time (RemindAt,
// 09:00 unless told otherwise) in its Location: a follow-up at the first
// remind time at or after it falls due, never earlier, so the step can be
// done when the reminder comes. Nothing is put in the past: whatever is
// due now (steps due, overdue or put off, and follow-ups whose time has
// come) is one "still to do" event at the next remind time. Each repeat
// of a repeating step is its own event, each with an alarm at its start
// so the reminder pops up, and each says what to check. Event UIDs depend
// only on the incident, the step and the repeat, so importing a newer
// file updates the events instead of adding copies.
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
	ref := func(id, title string) string {
		if title == "" {
			title = id
		}
		if n := numbers[id]; n > 0 {
			return msgf(l, "step-ref", title, n)
		}
		return title
	}
	footer := []string{
		msgf(l, "ics.incident", r.Incident.ID, playbook),
		msgf(l, "ics.run", run),
	}

	var c icsWriter
	c.prop("BEGIN", "VCALENDAR")
	c.prop("VERSION", "2.0")
	c.prop("PRODID", "-//acctguard//acctguard report//EN")
	c.prop("CALSCALE", "GREGORIAN")
	c.prop("METHOD", "PUBLISH")
	c.prop("X-WR-CALNAME", icsText(msgf(l, "ics.calendar", r.Incident.ID)))
	stamp := r.GeneratedAt.UTC().Format(icsUTC)
	event := func(uid string, at time.Time, summary, description string) {
		c.prop("BEGIN", "VEVENT")
		c.prop("UID", icsText(uid))
		c.prop("DTSTAMP", stamp)
		c.prop("DTSTART", at.UTC().Format(icsUTC))
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

	todo := dueNow(r)
	events := 0
	if len(todo) > 0 {
		lines := []string{msg(l, "ics.todo.intro")}
		for _, t := range todo {
			lines = append(lines, "- "+ref(t.id, t.title))
		}
		event(fmt.Sprintf("acctguard-%d-todo@acctguard", r.Incident.ID),
			r.RemindAt.Next(r.GeneratedAt, r.Location),
			todoSummary(l, len(todo)),
			strings.Join(append(lines, footer...), "\n"))
		events++
	}

	uids := map[string]int{}
	for _, f := range r.FollowUps {
		if !f.At.After(r.GeneratedAt) {
			continue // in the "still to do" event
		}
		title := f.Title
		if title == "" {
			title = f.StepID
		}
		if f.Of > 0 {
			title = msgf(l, "ics.repeat", title, f.Occurrence, f.Of)
		}
		step := ref(f.StepID, title)
		lines := []string{msgf(l, "ics.step", step)}
		if f.Gate {
			lines[0] = msgf(l, "ics.gate", step)
		}
		if what := strings.TrimSpace(f.What); what != "" {
			lines = append(lines, what)
		}
		event(uid(uids, r.Incident.ID, f), r.RemindAt.Next(f.At, r.Location),
			msgf(l, "ics.summary", title), strings.Join(append(lines, footer...), "\n"))
		events++
	}
	if events == 0 {
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

func todoSummary(l i18n.Lang, n int) string {
	if n == 1 {
		return msg(l, "ics.todo-one")
	}
	return msgf(l, "ics.todo", n)
}

// todoStep is a step the "still to do" event lists.
type todoStep struct {
	id, title string
}

// dueNow is what can be done now, each step once: the steps due, overdue
// or put off, in playbook order, then the steps of follow-ups whose time
// has come that are not among them.
func dueNow(r *Report) []todoStep {
	var out []todoStep
	seen := map[string]bool{}
	for _, p := range r.Phases {
		for _, s := range p.Steps {
			switch s.State {
			case "due", "overdue", "later":
				if !seen[s.ID] {
					seen[s.ID] = true
					out = append(out, todoStep{s.ID, s.Title})
				}
			}
		}
	}
	for _, f := range r.FollowUps {
		if !f.At.After(r.GeneratedAt) && !seen[f.StepID] {
			seen[f.StepID] = true
			out = append(out, todoStep{f.StepID, f.Title})
		}
	}
	return out
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
