package cardnum

import "testing"

func TestFind(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"card 4111111111111111 stopped", "4111111111111111"},
		{"card 4111 1111 1111 1111", "4111 1111 1111 1111"},
		{"card 4111-1111-1111-1111.", "4111-1111-1111-1111"},
		{"amex 3782 822463 10005", "3782 822463 10005"},
		{"ends in 1111", ""},
		{"called 0120-899-543 at 21:30", ""},
		{"4111111111111112 fails luhn", ""},
		{"order 250-1234567-1234567", ""},
		{"reference 12345678901234567890123", ""},
		{"カード番号4111111111111111を伝えた", "4111111111111111"},
		{"two spaces 4111  1111 1111 1111", ""},
		{"card 4111 1111 1111 1111 then 12", "4111 1111 1111 1111"},
		{"jcb 3530111333300000", "3530111333300000"},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := Find(tt.text)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Find(%q) = %q, %v; want %q", tt.text, got, ok, tt.want)
		}
	}
}
