package i18n

import "testing"

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
	for key, m := range messages {
		for _, l := range Supported {
			if m[l] == "" {
				t.Errorf("message %q has no %s text", key, l)
			}
		}
	}
}
