package i18n

import (
	"fmt"
	"time"
)

var jaWeekdays = [...]string{"日", "月", "火", "水", "木", "金", "土"}

// Time formats t for people, in t's location: "Thu 26 Nov 21:00" or
// "11月26日(木) 21:00". The year is shown only when it is not now's year.
func (l Lang) Time(t, now time.Time) string {
	sameYear := t.Year() == now.Year()
	if l == Japanese {
		s := fmt.Sprintf("%d月%d日(%s) %s", t.Month(), t.Day(), jaWeekdays[t.Weekday()], t.Format("15:04"))
		if !sameYear {
			s = fmt.Sprintf("%d年", t.Year()) + s
		}
		return s
	}
	if !sameYear {
		return t.Format("Mon 2 Jan 2006 15:04")
	}
	return t.Format("Mon 2 Jan 15:04")
}

// FullTime formats t with its year, for what is read long after, often on
// paper: "Thu 26 Nov 2026 21:00" or "2026年11月26日(木) 21:00".
func (l Lang) FullTime(t time.Time) string {
	if l == Japanese {
		return fmt.Sprintf("%d年%d月%d日(%s) %s", t.Year(), t.Month(), t.Day(), jaWeekdays[t.Weekday()], t.Format("15:04"))
	}
	return t.Format("Mon 2 Jan 2006 15:04")
}

// Day formats the day of t, as Time does without the time of day: "Mon
// 23 Nov" or "11月23日(月)", with the year when it is not now's.
func (l Lang) Day(t, now time.Time) string {
	if t.Year() != now.Year() {
		return l.FullDay(t)
	}
	if l == Japanese {
		return fmt.Sprintf("%d月%d日(%s)", t.Month(), t.Day(), jaWeekdays[t.Weekday()])
	}
	return t.Format("Mon 2 Jan")
}

// FullDay formats the day of t with its year: "Mon 23 Nov 2026" or
// "2026年11月23日(月)".
func (l Lang) FullDay(t time.Time) string {
	if l == Japanese {
		return fmt.Sprintf("%d年%d月%d日(%s)", t.Year(), t.Month(), t.Day(), jaWeekdays[t.Weekday()])
	}
	return t.Format("Mon 2 Jan 2006")
}

// Clock formats t as a time of day when it is today, else as Time does.
func (l Lang) Clock(t, now time.Time) string {
	ty, tm, td := t.Date()
	ny, nm, nd := now.Date()
	if ty == ny && tm == nm && td == nd {
		return t.Format("15:04")
	}
	return l.Time(t, now)
}

// Span says how long d is, to the minute: "4 h 48 min", "2 days 3 h",
// "4時間48分", "2日3時間".
func (l Lang) Span(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	mins := int(d.Round(time.Minute) / time.Minute)
	days, hours, m := mins/(24*60), mins/60%24, mins%60
	if l == Japanese {
		switch {
		case days > 0 && hours > 0:
			return fmt.Sprintf("%d日%d時間", days, hours)
		case days > 0:
			return fmt.Sprintf("%d日", days)
		case hours > 0 && m > 0:
			return fmt.Sprintf("%d時間%d分", hours, m)
		case hours > 0:
			return fmt.Sprintf("%d時間", hours)
		}
		return fmt.Sprintf("%d分", m)
	}
	dayWord := "days"
	if days == 1 {
		dayWord = "day"
	}
	switch {
	case days > 0 && hours > 0:
		return fmt.Sprintf("%d %s %d h", days, dayWord, hours)
	case days > 0:
		return fmt.Sprintf("%d %s", days, dayWord)
	case hours > 0 && m > 0:
		return fmt.Sprintf("%d h %d min", hours, m)
	case hours > 0:
		return fmt.Sprintf("%d h", hours)
	}
	return fmt.Sprintf("%d min", m)
}

// Until says when t comes, seen from now: "in 4 h 48 min" / "あと4時間48分",
// or "since ..." / "... 前" when it has passed.
func (l Lang) Until(t, now time.Time) string {
	if t.After(now) {
		return l.Tf("time.in", l.Span(t.Sub(now)))
	}
	return l.Tf("time.ago", l.Span(now.Sub(t)))
}
