package wrap

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestWidth(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"acctguard", 9},
		{"パスワード", 10},           // kana, two cells each
		{"漢字", 4},               // kanji
		{"Amazonアカウント", 16},     // mixed, as in a step title
		{"１２３", 6},              // full-width digits
		{"ｱｶｳﾝﾄ", 5},            // half-width katakana, one cell each
		{"\u3000", 2},           // ideographic space
		{"e\u0301", 1},          // é as e and a combining accent
		{"か\u3099", 2},          // が as か and a combining dakuten
		{"a\u200bb", 2},         // zero-width space
		{"\ufeffok", 2},         // byte-order mark
		{"★", 1},                // ambiguous: narrow in Western terminals
		{"★ 最初の1時間", 13},        // the critical mark as status prints it
		{"✓ 完了", 6},             // the saved mark of respond
		{"— … “”", 6},           // ambiguous punctuation
		{"⚠", 1},                // text presentation by default
		{"🔒", 2},                // emoji presentation
		{"🚀", 2},                // emoji outside the old hand-kept ranges
		{"\u00ad", 1},           // soft hyphen, shown by terminals
		{"日本語 and English", 18}, // 6 + 12
	}
	for _, tt := range tests {
		if got := Width(tt.in); got != tt.want {
			t.Errorf("Width(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestRuneWidth(t *testing.T) {
	// playbook errors put a caret under a column with these widths.
	tests := []struct {
		r    rune
		want int
	}{
		{'a', 1},
		{'\t', 1},
		{'ア', 2},
		{'ｱ', 1},
		{'Ａ', 2},
		{'\u0301', 0}, // combining acute accent (Mn)
		{'\u20dd', 0}, // combining enclosing circle (Me)
		{'\u200d', 0}, // zero-width joiner (Cf)
		{'\ufe0f', 0}, // variation selector 16
		{'★', 1},
		{'🔒', 2},
	}
	for _, tt := range tests {
		if got := RuneWidth(tt.r); got != tt.want {
			t.Errorf("RuneWidth(%q) = %d, want %d", tt.r, got, tt.want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"short", 20, "short"},
		{"", 10, ""},
		{"no width given", 0, "no width given"},
		{"the quick brown fox jumps over the lazy dog", 15, "the quick brown|fox jumps over|the lazy dog"},
		{"Change your Amazon password now, then sign out of every other device.", 20,
			"Change your Amazon|password now, then|sign out of every|other device."},
		{"Change your Amazon password now, then sign out of every other device.", 30,
			"Change your Amazon password|now, then sign out of every|other device."},
		// A word longer than the line is left whole: a URL is better long
		// than broken.
		{"see https://example.com/a/very/long/path here", 10, "see|https://example.com/a/very/long/path|here"},
		{"詳細はhttps://www.amazon.co.jp/gp/css/order-historyを見てください。", 20,
			"詳細は|https://www.amazon.co.jp/gp/css/order-history|を見てください。"},
		// A time or a number is a word too.
		{"We last saw the attacker at 08:10 on Tuesday.", 12, "We last saw|the attacker|at 08:10 on|Tuesday."},
		{"2,925 orders were placed since Monday.", 12, "2,925 orders|were placed|since|Monday."},
		// 10 cells is five Japanese characters; 。 and 」 never start a line.
		{"パスワードを変更します。", 10, "パスワード|を変更しま|す。"},
		{"「注文履歴」を開きます。", 10, "「注文履|歴」を開き|ます。"},
		{"「アカウントサービス」", 10, "「アカウン|トサービ|ス」"},
		// 、 never starts a line and 「 never ends one.
		{"パスワードを変更し、「ログインとセキュリティ」を開きます。", 10,
			"パスワード|を変更し、|「ログイン|とセキュリ|ティ」を開|きます。"},
		{"パスワードを変更し、「ログインとセキュリティ」を開きます。", 12,
			"パスワードを|変更し、「ロ|グインとセ|キュリティ」|を開きます。"},
		{"カードが止まりました（再発行）。", 8, "カードが|止まりま|した（再|発行）。"},
		{"Amazonアプリを開きます", 12, "Amazonアプリ|を開きます"}, {"Amazonアプリを開きます", 10, "Amazonアプ|リを開きま|す"},
		{"line one\nline two", 40, "line one|line two"},
		// A number is not parted from the word next to it.
		{"詳しくは手順12を見てください", 10, "詳しくは|手順12を見|てください"},
		// The words the screens count with stay whole.
		{"答えによって10〜14手順、目安は1時間", 16, "答えによって10〜|14手順、目安|は1時間"},
		{"期限は11月26日です", 10, "期限|は11月26日|です"},
		{"2,925円の注文がありました。", 8, "2,925円|の注文が|ありまし|た。"},
		// Punctuation is no word: a number after 、 or ： may start a line,
		// so the number is not forced apart from its counter instead.
		{"注文は3件、2,925円です。", 12, "注文は3件、|2,925円で|す。"},
		{"待つ時間：30m、5h、7d", 8, "待つ|時間：|30m、|5h、7d"},
		{"（komitsu.org、2021年1月）", 24, "（komitsu.org、|2021年1月）"},
		// A combining dakuten stays on its kana rather than starting a line.
		{"ハンカ\u3099ー", 6, "ハン|カ\u3099ー"},
		{"ハンカ\u3099Amazon", 8, "ハンカ\u3099|Amazon"},
	}
	for _, tt := range tests {
		got := strings.Join(Wrap(tt.in, tt.width), "|")
		if got != tt.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
		for _, line := range Wrap(tt.in, tt.width) {
			if tt.width > 0 && Width(line) > tt.width && !strings.Contains(line, "https://") {
				t.Errorf("line %q is %d cells, wider than %d", line, Width(line), tt.width)
			}
		}
	}
}

// TestWrapKinsoku wraps Japanese at every width from six cells up and
// checks that no line starts with a closing mark or ends with an opening
// one. Every unit that must stay whole here fits in six cells (2,925円
// alone takes seven, but a line may end before it).
func TestWrapKinsoku(t *testing.T) {
	texts := []string{
		"パスワードを変更し、「ログインとセキュリティ」を開きます。",
		"「注文履歴」を開き、知らない注文がないか確かめます。",
		"カード会社に電話して、カードを止めてもらいます（再発行の手続きもします）。",
		"『二段階認証』を有効にしてください！まだですか？",
		"ちょっと待ってください。ショッピングの履歴を見ます。",
		// A number after 、 or ： does not glue the punctuation to it.
		"最後のログインは、08:10でした。注文は、2,925円です。",
		"時間をおいて確認する手順：30m、5h、7d、2w のように書きます。",
	}
	for _, s := range texts {
		for width := 6; width <= 40; width++ {
			lines := Wrap(s, width)
			// Only the blanks at a break may go.
			nospace := strings.NewReplacer(" ", "").Replace
			if got := strings.Join(lines, ""); nospace(got) != nospace(s) {
				t.Errorf("Wrap(%q, %d) lost text: %q", s, width, got)
			}
			for i, line := range lines {
				rs := []rune(line)
				if i > 0 && strings.ContainsRune("、。」』）！？ーっョ", rs[0]) {
					t.Errorf("Wrap(%q, %d) line %d starts with %q: %q", s, width, i+1, rs[0], lines)
				}
				if i < len(lines)-1 && strings.ContainsRune("「『（", rs[len(rs)-1]) {
					t.Errorf("Wrap(%q, %d) line %d ends with %q: %q", s, width, i+1, rs[len(rs)-1], lines)
				}
			}
		}
	}
}

// TestWrapKeepsWhole wraps at every width and checks that a URL, a time
// and a number each stay on one line. A word is never split, however
// narrow the line; a number glued to the word next to it (は2,925円, nine
// cells) is kept with it from the width that holds both.
func TestWrapKeepsWhole(t *testing.T) {
	tests := []struct {
		in, whole string
		from      int
	}{
		{"Open https://www.amazon.com/your-account and sign in.", "https://www.amazon.com/your-account", 1},
		{"We last saw the attacker at 08:10 on Tuesday.", "08:10", 1},
		{"2,925 orders were placed since Monday.", "2,925", 1},
		{"最後のログインは08:10でした。", "08:10", 1},
		{"最後のログインは08:10でした。", "は08:10で", 9},
		{"不正な注文は2,925円でした。", "2,925", 1},
		{"不正な注文は2,925円でした。", "は2,925円", 9},
		{"「https://www.amazon.co.jp/」を開きます。", "https://www.amazon.co.jp/", 1},
	}
	for _, tt := range tests {
		for width := tt.from; width <= 60; width++ {
			lines := Wrap(tt.in, width)
			found := false
			for _, line := range lines {
				found = found || strings.Contains(line, tt.whole)
			}
			if !found {
				t.Errorf("Wrap(%q, %d) split %q: %q", tt.in, width, tt.whole, lines)
			}
		}
	}
}

// TestWrapDecomposed checks that text whose dakuten and accents are
// written as combining marks (as macOS file names and some pasted text
// have them) wraps as its composed form does.
func TestWrapDecomposed(t *testing.T) {
	texts := []string{
		"ハンガーがありますか？ガイドを見て「ダウンロード」ボタンを押します。",
		"カードが止まりました（再発行）。パスワードはバッチリです。",
		"Amazonが送るメールはamazon.co.jpからです。",
		"The café sent a résumé to the naïve attacker.",
	}
	for _, s := range texts {
		d := norm.NFD.String(s)
		if d == s {
			t.Fatalf("%q has nothing to decompose", s)
		}
		if Width(d) != Width(s) {
			t.Errorf("Width(NFD %q) = %d, want %d", s, Width(d), Width(s))
		}
		for width := 4; width <= 40; width++ {
			want := strings.Join(Wrap(s, width), "|")
			got := norm.NFC.String(strings.Join(Wrap(d, width), "|"))
			if got != want {
				t.Errorf("Wrap(NFD %q, %d) = %q, want %q", s, width, got, want)
			}
		}
	}
}

// A time, a date, a duration or a number is never split over two lines.
func TestWrapKeepsTimesWhole(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"The password reset opens at Thu 26 Nov 05:40, in 4 h 40 min.", 40,
			[]string{"The password reset opens at", "Thu 26 Nov 05:40, in 4 h 40 min."}},
		{"due since Wed 9 Dec 09:00 (7 days ago)", 30,
			[]string{"due since Wed 9 Dec 09:00", "(7 days ago)"}},
		{"incident 1, Fri 20 Nov 2026 22:50 to Sun 22 Nov 2026 22:50", 50,
			[]string{"incident 1, Fri 20 Nov 2026 22:50 to", "Sun 22 Nov 2026 22:50"}},
		{"対応番号 1（2026年11月20日(金) 22:50〜2026年11月22日(日) 22:50）", 50,
			[]string{"対応番号 1（2026年11月20日(金) 22:50〜", "2026年11月22日(日) 22:50）"}},
		{"go to step 14 now", 12, []string{"go to", "step 14 now"}},
		{"対応 1 ・ ロックされた ・ 11月26日(木) 21:00 開始", 40, []string{"対応 1 ・ ロックされた ・", "11月26日(木) 21:00 開始"}},
		{"関連する対応：対応番号 1（2026年11月20日(金) 22:50〜2026年11月22日(日) 22:50）", 61,
			[]string{"関連する対応：対応番号 1（2026年11月20日(金) 22:50〜", "2026年11月22日(日) 22:50）"}},
	}
	for _, tt := range tests {
		got := Wrap(tt.in, tt.width)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Wrap(%q, %d) =\n%s\nwant:\n%s", tt.in, tt.width, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}
