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
