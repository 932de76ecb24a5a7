package incident

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/width"
)

// ErrMomentFormat and ErrMomentFuture say why a typed time was refused.
var (
	ErrMomentFormat = errors.New("not a time")
	ErrMomentFuture = errors.New("in the future")
)

// The patterns are compiled on first use, not at start: every run of
// acctguard, a shell prompt's status included, would pay for them.
var (
	clockTime = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{1,2})(?::(\d{2})|時(?:(\d{1,2})分?)?)$`)
	})
	dateOnly = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$|^(\d{4})年(\d{1,2})月(\d{1,2})日$`)
	})
	dateTime = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T]+(\d{1,2}):(\d{2})$`)
	})
)

// ParseMoment reads when something happened, as a person types it at
// now: "now", a clock time ("00:40", "0時40分", "23時"), which is the last
// such moment (tonight's, or last night's when that is still to come), a
// date and time ("2026-11-25 23:10"), or RFC 3339. Full-width digits are
// read as digits. A moment after now is refused: it cannot have happened.
func ParseMoment(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(width.Fold.String(s))
	loc := now.Location()
	var t time.Time
	switch {
	case strings.EqualFold(s, "now"):
		return now, nil
	case clockTime().MatchString(s):
		m := clockTime().FindStringSubmatch(s)
		h, _ := strconv.Atoi(m[1])
		minute := 0
		if v := m[2] + m[3]; v != "" {
			minute, _ = strconv.Atoi(v)
		}
		if h > 23 || minute > 59 {
			return time.Time{}, ErrMomentFormat
		}
		t = time.Date(now.Year(), now.Month(), now.Day(), h, minute, 0, 0, loc)
		if t.After(now) {
			t = t.AddDate(0, 0, -1)
		}
		return t, nil
	case dateTime().MatchString(s):
		m := dateTime().FindStringSubmatch(s)
		n := make([]int, 5)
		for i := range n {
			n[i], _ = strconv.Atoi(m[i+1])
		}
		t = time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], 0, 0, loc)
		if t.Month() != time.Month(n[1]) || t.Day() != n[2] || n[3] > 23 || n[4] > 59 {
			return time.Time{}, ErrMomentFormat // 2026-02-30 would roll over
		}
	default:
		var err error
		if t, err = time.Parse(time.RFC3339, s); err != nil {
			return time.Time{}, ErrMomentFormat
		}
	}
	if t.After(now) {
		return time.Time{}, ErrMomentFuture
	}
	return t, nil
}

// ParseDay reads when something happened, as ParseMoment does, or a date
// alone ("2026-11-23", "2026/11/23", "2026年11月23日"), which is what a
// card statement gives: day is then true and the time is the date's
// midnight in now's zone. A date after today is refused.
func ParseDay(s string, now time.Time) (t time.Time, day bool, err error) {
	folded := strings.TrimSpace(width.Fold.String(s))
	m := dateOnly().FindStringSubmatch(folded)
	if m == nil {
		t, err := ParseMoment(s, now)
		return t, false, err
	}
	if m[1] == "" {
		m = append(m[:1], m[4:]...)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t = time.Date(y, time.Month(mo), d, 0, 0, 0, 0, now.Location())
	if t.Month() != time.Month(mo) || t.Day() != d {
		return time.Time{}, false, ErrMomentFormat
	}
	if t.After(now) {
		return time.Time{}, false, ErrMomentFuture
	}
	return t, true, nil
}
