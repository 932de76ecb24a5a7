package prompt

import "testing"

func TestPageSize(t *testing.T) {
	tests := []struct {
		rows, cols, question, n, want int
	}{
		{40, 100, 60, 6, 6},   // fits: every option
		{20, 100, 60, 40, 18}, // one line of question, one spare
		{20, 60, 90, 40, 17},  // the question takes two lines
		{4, 100, 60, 40, 3},   // a tiny terminal still shows three
		{4, 100, 60, 2, 2},
		{1, 100, 300, 40, 3},
	}
	for _, tt := range tests {
		if got := PageSize(tt.rows, tt.cols, tt.question, tt.n); got != tt.want {
			t.Errorf("PageSize(%d rows, %d cols, question %d, %d options) = %d, want %d", tt.rows, tt.cols, tt.question, tt.n, got, tt.want)
		}
	}
}

// place counts rows as a terminal fills them: a character of two columns
// that does not fit in what is left of a row starts the next one.
func TestPlace(t *testing.T) {
	tests := []struct {
		text     string
		cols     int
		row, col int
	}{
		{"", 10, 0, 0},
		{"abc", 10, 0, 3},
		{"abcdefghij", 10, 0, 10}, // full: the cursor waits at the edge
		{"abcdefghijk", 10, 1, 1},
		{"? メモ： あいう", 10, 1, 6}, // "? メモ： " is 9 columns; あ cannot fit in the 10th
		{"あいうえお", 10, 0, 10},
		{"あいうえおか", 10, 1, 2},
		{"aあいうえお", 10, 1, 2}, // the fifth wide one leaves a gap
		{"one\ntwo", 10, 1, 3},
		{"a" + "あいうえお", 0, 0, 11}, // width unknown: nothing wraps
	}
	for _, tt := range tests {
		if row, col := place(tt.text, tt.cols); row != tt.row || col != tt.col {
			t.Errorf("place(%q, %d) = %d, %d; want %d, %d", tt.text, tt.cols, row, col, tt.row, tt.col)
		}
	}
}

func TestHintWhole(t *testing.T) {
	const hint = "Use arrows to move, Enter to choose"
	if got := HintWhole("What now?", hint, 100); got != "What now?" {
		t.Errorf("short question changed: %q", got)
	}
	long := "Did you follow a link in an email or text message and enter your details on the page it opened?"
	if got := HintWhole(long, hint, 100); got != long+"\n" {
		t.Errorf("the hint would be broken, yet no line break: %q", got)
	}
	if got := HintWhole("どうしますか？", "↑↓で選んで Enter", 20); got != "どうしますか？\n" {
		t.Errorf("wide question: %q", got)
	}
}
