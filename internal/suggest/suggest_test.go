package suggest

import "testing"

func TestClosest(t *testing.T) {
	keys := []string{"title", "phase", "kind", "critical", "when", "after", "delay"}
	tests := []struct{ word, want string }{
		{"titel", "title"},
		{"Title", "title"},
		{"phse", "phase"},
		{"crit", "critical"},
		{"zzz", ""},
		{"dealy", "delay"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Closest(tt.word, keys); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
