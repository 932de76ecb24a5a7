package cardnum

import "testing"

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // the number found, digits as ASCII; "" for none
	}{
		// Written the way cards print them.
		{"together", "card 4111111111111111 stopped", "4111111111111111"},
		{"4-4-4-4 with spaces", "card 4111 1111 1111 1111", "4111 1111 1111 1111"},
		{"4-4-4-4 with dashes, full stop after", "card 4111-1111-1111-1111.", "4111-1111-1111-1111"},
		{"American Express 4-6-5", "amex 3782 822463 10005", "3782 822463 10005"},
		{"American Express together", "378282246310005", "378282246310005"},
		{"Diners Club 4-6-4", "3056 930902 5904", "3056 930902 5904"},
		{"JCB", "jcb 3530111333300000", "3530111333300000"},
		{"Mastercard", "5500-0055-5555-5559", "5500-0055-5555-5559"},
		{"Visa, 13 digits", "4222222222222", "4222222222222"},
		{"19 digits, 4-4-4-4-3", "4111 1111 1111 1111 110", "4111 1111 1111 1111 110"},
		{"inside Japanese text", "カード番号4111111111111111を伝えた", "4111111111111111"},
		{"a longer run holds the card", "card 4111 1111 1111 1111 then 12", "4111 1111 1111 1111"},
		{"the card after a phone number", "電話 0120-899-543. 4111 1111 1111 1111", "4111 1111 1111 1111"},

		// What a Japanese keyboard and copying from a statement produce.
		{"full-width digits", "カード４１１１１１１１１１１１１１１１", "4111111111111111"},
		{"full-width digits and ideographic spaces", "４１１１　１１１１　１１１１　１１１１", "4111 1111 1111 1111"},
		{"full-width dashes", "４１１１－１１１１－１１１１－１１１１", "4111-1111-1111-1111"},
		{"katakana long-vowel mark as dash", "4111ー1111ー1111ー1111", "4111ー1111ー1111ー1111"},
		{"hyphen and minus signs", "4111‐1111−1111–1111", "4111‐1111−1111–1111"},
		{"no-break spaces", "4111\u00a01111\u00a01111\u00a01111", "4111 1111 1111 1111"},
		{"tabs", "4111\t1111\t1111\t1111", "4111\t1111\t1111\t1111"},
		{"double spaces", "two spaces 4111  1111 1111 1111", "4111  1111 1111 1111"},
		{"spaced dashes", "4111 - 1111 - 1111 - 1111", "4111 - 1111 - 1111 - 1111"},
		{"dots", "4111.1111.1111.1111", "4111.1111.1111.1111"},
		{"middle dots", "4111・1111・1111・1111", "4111・1111・1111・1111"},
		{"slashes", "4111/1111/1111/1111", "4111/1111/1111/1111"},
		{"8-8", "41111111 11111111", "41111111 11111111"},
		{"full-width 8-8", "４１１１１１１１　１１１１１１１１", "41111111 11111111"},
		{"zero-width space inside", "4111\u200b1111\u200b1111\u200b1111", "4111\u200b1111\u200b1111\u200b1111"},
		{"split over lines in groups", "カード\n4111 1111\n1111 1111", "4111 1111\n1111 1111"},
		{"split over lines anywhere", "番号 4111111111\n111111 です", "4111111111\n111111"},
		{"split over lines, CRLF and indent", "4111 1111 11\r\n  11 1111", "4111 1111 11\r\n  11 1111"},

		// Not card numbers.
		{"last four digits", "ends in 1111", ""},
		{"empty", "", ""},
		{"fails the Luhn check", "4111111111111112 fails luhn", ""},
		{"too long", "reference 12345678901234567890123", ""},
		{"phone number", "called 0120-899-543 at 21:30", ""},
		{"mobile number", "090-1234-5678", ""},
		{"mobile number, international", "+81 90-1234-5678", ""},
		{"two phone numbers", "03-1234-5678 / 090-1234-5678", ""},
		{"phone number and a card-length run from 0", "08123456789012340", ""},
		{"IMEI", "IMEI 490154203237518", ""},
		{"IMEI from 35, as JCB numbers start", "IMEI: 352099001761481", ""},
		{"IMEI full-width", "ＩＭＥＩ　３５２０９９００１７６１４８１", ""},
		{"Amazon order number", "order 249-1234567-1234561", ""},
		{"Amazon order number without dashes", "注文番号 24912345671234561", ""},
		{"Amazon order number with spaces", "503 1234567 1234562", ""},
		{"Amazon order number full-width", "２４９－１２３４５６７－１２３４５６１", ""},
		{"groups too far apart", "4111 1111      1111 1111", ""},
		{"a blank line between", "4111 1111\n\n1111 1111", ""},
		{"a comma is no separator", "4111,1111,1111,1111", ""},
		{"3-digit groups", "411 111 111 111 1111", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Find(tt.text)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("Find(%q) = %q, %v; want %q", tt.text, got, ok, tt.want)
			}
		})
	}
}

func TestLuhn(t *testing.T) {
	for _, n := range []string{"4111111111111111", "378282246310005", "6011111111111117", "490154203237518"} {
		if !luhn([]byte(n)) {
			t.Errorf("luhn(%s) = false", n)
		}
	}
	if luhn([]byte("4111111111111112")) {
		t.Error("luhn(4111111111111112) = true")
	}
}

// Find never panics, and what it finds is a card-length number that
// passes the Luhn check.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"4111 1111 1111 1111", "４１１１　１１１１", "4111\n1111\r\n1111", "249-1234567-1234561", "\xff4111", "0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		found, ok := Find(text)
		if !ok {
			return
		}
		var digits []byte
		for _, r := range found {
			if isDigit(r) {
				digits = append(digits, byte(r))
			}
		}
		if len(digits) < 13 || len(digits) > 19 || !luhn(digits) {
			t.Errorf("Find(%q) = %q", text, found)
		}
	})
}
