package mailread

import (
	"strings"
)

// quotedLabels are the labels a forwarded or quoted message's header
// lines start with, in the mail programs Japanese users have (Gmail,
// Outlook, Apple Mail, Thunderbird), by the field they give.
var quotedLabels = map[string]string{
	"from": "From", "差出人": "From", "送信者": "From", "送信元": "From",
	"subject": "Subject", "件名": "Subject", "タイトル": "Subject",
	"date": "Date", "日付": "Date", "送信日時": "Date", "日時": "Date",
}

// maxQuotedLines is how far into pasted text quoted header lines are
// looked for.
const maxQuotedLines = 10000

// readQuotedHeaders takes the first From, Subject and Date lines of a
// pasted message ("差出人: Amazon <x@y>", "> Subject: …") into m, and
// notes each line taken in m.Headers.
func readQuotedHeaders(m *Message, text string) {
	seen := map[string]bool{}
	n := 0
	for line := range strings.Lines(text) {
		n++
		if len(seen) == 3 || n > maxQuotedLines {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		l := strings.TrimLeft(line, " \t\u3000>＞")
		label, value, ok := cutLabel(l)
		if !ok {
			continue
		}
		field := quotedLabels[strings.ToLower(label)]
		if field == "" || seen[field] {
			continue
		}
		value = strings.TrimSpace(value)
		if value == "" {
			continue
		}
		seen[field] = true
		m.Headers = append(m.Headers, Header{Line: n, Name: label, Value: value})
		switch field {
		case "From":
			if a, ok := lenientAddress(value); ok {
				m.From = a
			} else {
				m.From = Address{Name: clean(decodeHeader(value))}
			}
		case "Subject":
			m.Subject = decodeHeader(value)
		case "Date":
			m.Date = value
		}
	}
}

// cutLabel splits "Label: value" (the colon may be full-width, with
// spaces before it) into its label and value.
func cutLabel(l string) (label, value string, ok bool) {
	i := strings.IndexAny(l, ":：")
	if i <= 0 || i > 40 {
		return "", "", false
	}
	label = strings.TrimRight(l[:i], " \t\u3000")
	if strings.ContainsAny(label, " \t") {
		return "", "", false
	}
	size := 1
	if strings.HasPrefix(l[i:], "：") {
		size = len("：")
	}
	return label, l[i+size:], true
}
