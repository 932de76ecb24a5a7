package playbook

import (
	"strconv"
	"time"
)

var durationUnits = map[byte]time.Duration{
	'm': time.Minute,
	'h': time.Hour,
	'd': 24 * time.Hour,
	'w': 7 * 24 * time.Hour,
}

// maxDuration keeps every duration far from overflow; no follow-up in a
// response plan is ten years away.
const maxDuration = 10 * 365 * 24 * time.Hour

// ParseDuration reads a whole number followed by m, h, d or w.
func ParseDuration(s string) (Duration, error) {
	if len(s) < 2 {
		return Duration{}, texts.Errorf("playbook.not-duration", s)
	}
	unit, ok := durationUnits[s[len(s)-1]]
	digits := s[:len(s)-1]
	for _, c := range []byte(digits) {
		if c < '0' || c > '9' {
			ok = false
		}
	}
	if !ok {
		return Duration{}, texts.Errorf("playbook.not-duration", s)
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n > int64(maxDuration/unit) {
		return Duration{}, texts.Errorf("playbook.duration-long", s)
	}
	if n == 0 {
		return Duration{}, texts.Errorf("playbook.duration-zero", s)
	}
	return Duration{D: time.Duration(n) * unit, Text: s}, nil
}
