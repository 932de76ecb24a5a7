package wrap

import (
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"short", 20, "short"},
		{"the quick brown fox jumps over the lazy dog", 15, "the quick brown|fox jumps over|the lazy dog"},
		{"see https://example.com/a/very/long/path here", 10, "see|https://example.com/a/very/long/path|here"},
		// 10 cells is five Japanese characters; 。 and 」 never start a line.
		{"パスワードを変更します。", 10, "パスワード|を変更しま|す。"},
		{"「注文履歴」を開きます。", 10, "「注文履|歴」を開き|ます。"},
		{"「アカウントサービス」", 10, "「アカウン|トサービ|ス」"},
		{"Amazonアプリを開きます", 12, "Amazonアプリ|を開きます"}, {"Amazonアプリを開きます", 10, "Amazonアプ|リを開きま|す"},
		{"line one\nline two", 40, "line one|line two"},
		// A number is not parted from the word next to it.
		{"詳しくは手順12を見てください", 10, "詳しくは手|順12を見て|ください"},
		{"期限は11月26日です", 10, "期限|は11月26日|です"},
	}
	for _, tt := range tests {
		got := strings.Join(Wrap(tt.in, tt.width), "|")
		if got != tt.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
		for _, line := range Wrap(tt.in, tt.width) {
			if Width(line) > tt.width && !strings.Contains(line, "https://") {
				t.Errorf("line %q is %d cells, wider than %d", line, Width(line), tt.width)
			}
		}
	}
}

func TestWidth(t *testing.T) {
	if w := Width("Amazonアカウント"); w != 6+10 {
		t.Errorf("Width = %d, want 16", w)
	}
}
