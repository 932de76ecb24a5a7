package i18n

import (
	"strings"
	"testing"
	"time"
)

func TestFromEnv(t *testing.T) {
	tests := []struct {
		env     map[string]string
		want    Lang
		wantErr string
	}{
		{map[string]string{}, English, ""},
		{map[string]string{"LANG": "ja_JP.UTF-8"}, Japanese, ""},
		{map[string]string{"LANG": "C.UTF-8"}, English, ""},
		{map[string]string{"LANG": "ja_JP.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, English, ""},
		{map[string]string{"LC_MESSAGES": "ja_JP", "LC_ALL": "en_GB.UTF-8"}, English, ""},
		{map[string]string{"LC_ALL": "fr_FR.UTF-8", "LANG": "ja_JP.UTF-8"}, English, ""},
		{map[string]string{"ACCTGUARD_LANG": "ja", "LC_ALL": "en_US.UTF-8"}, Japanese, ""},
		{map[string]string{"ACCTGUARD_LANG": "fr"}, "", `ACCTGUARD_LANG: unsupported language "fr"`},
	}
	for _, tt := range tests {
		got, err := FromEnv(func(k string) string { return tt.env[k] })
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("FromEnv(%v) error = %v, want %s", tt.env, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("FromEnv(%v) = %q, %v, want %q", tt.env, got, err, tt.want)
		}
	}
}

func TestEveryMessageInEveryLanguage(t *testing.T) {
	for key, m := range messages.All() {
		for _, l := range Supported {
			if m.In(l) == "" {
				t.Errorf("message %q has no %s text", key, l)
			}
		}
	}
}

func TestTimeFormats(t *testing.T) {
	now := time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC)
	tests := []struct {
		got, want string
	}{
		{English.Time(now, now), "Thu 26 Nov 21:00"},
		{Japanese.Time(now, now), "11月26日(木) 21:00"},
		{English.Time(now.AddDate(1, 0, 0), now), "Fri 26 Nov 2027 21:00"},
		{Japanese.Time(now.AddDate(1, 0, 0), now), "2027年11月26日(金) 21:00"},
		{English.Day(now, now), "Thu 26 Nov"},
		{Japanese.Day(now, now), "11月26日(木)"},
		{English.Day(now.AddDate(-1, 0, 0), now), "Wed 26 Nov 2025"},
		{Japanese.FullDay(now), "2026年11月26日(木)"},
		{English.Clock(now.Add(2*time.Hour), now), "23:00"},
		{English.Clock(now.Add(4*time.Hour), now), "Fri 27 Nov 01:00"},
		{English.Span(4*time.Hour + 48*time.Minute), "4 h 48 min"},
		{Japanese.Span(4*time.Hour + 48*time.Minute), "4時間48分"},
		{English.Span(26 * time.Hour), "1 day 2 h"},
		{Japanese.Span(7 * 24 * time.Hour), "7日"},
		{English.Span(30 * time.Second), "1 min"},
		{English.Until(now.Add(5*time.Hour), now), "in 5 h"},
		{Japanese.Until(now.Add(5*time.Hour), now), "あと5時間"},
		{English.Until(now.Add(-2*time.Hour), now), "2 h ago"},
		{Japanese.Until(now.Add(-2*time.Hour), now), "2時間前"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestInner(t *testing.T) {
	if got := Japanese.Inner("「パスワードをお忘れですか？」から再設定する"); got != "『パスワードをお忘れですか？』から再設定する" {
		t.Errorf("Japanese.Inner = %q", got)
	}
	if got := English.Inner(`"Forgot your password?"`); got != `"Forgot your password?"` {
		t.Errorf("English.Inner = %q", got)
	}
}

// Japanese texts quote with 「」, never with "" or Go's %q, and an error
// (a key "error.<topic>.<what>" that is not a hint) is a sentence that
// ends in 。.
func TestJapaneseTextsQuoteAndEndAsJapanese(t *testing.T) {
	for key, m := range messages.All() {
		if strings.Contains(m.Ja, "%q") || strings.Contains(m.Ja, `"`) {
			t.Errorf("message %q quotes the English way in Japanese: %s", key, m.Ja)
		}
	}
	for key, m := range errorTexts() {
		if strings.Count(key, ".") < 2 || strings.HasSuffix(key, ".hint") || strings.HasPrefix(key, "error.kind.") ||
			strings.HasPrefix(key, "error.text.") && key != "error.text.card" || strings.HasPrefix(key, "error.time.") && key != "error.time.bad" && key != "error.time.at-bad" ||
			strings.HasPrefix(key, "error.amount.") && key != "error.amount.bad" || strings.HasPrefix(key, "error.several-open.") || key == "error.usage.line" || strings.Contains(key, "did-you-mean") {
			continue
		}
		if !strings.HasSuffix(m.Ja, "。") && !strings.HasSuffix(m.Ja, "？") && !strings.Contains(m.Ja, "%v") {
			t.Errorf("error %q does not end as a Japanese sentence: %s", key, m.Ja)
		}
	}
}
