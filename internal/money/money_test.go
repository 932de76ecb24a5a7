package money

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in, def string
		want    Amount
	}{
		{"2925", "JPY", Amount{2925, "JPY"}},
		{"2,925", "JPY", Amount{2925, "JPY"}},
		{"¥2,925", "", Amount{2925, "JPY"}},
		{"￥２，９２５", "", Amount{2925, "JPY"}},
		{"2,925円", "", Amount{2925, "JPY"}},
		{" 3520 円 ", "", Amount{3520, "JPY"}},
		{"$12.50", "JPY", Amount{1250, "USD"}},
		{"US$12.5", "", Amount{1250, "USD"}},
		{"12.50 USD", "", Amount{1250, "USD"}},
		{"eur 9.99", "", Amount{999, "EUR"}},
		{"£5", "", Amount{500, "GBP"}},
		{"1,234,567", "JPY", Amount{1234567, "JPY"}},
		{"2925.00", "JPY", Amount{2925, "JPY"}},
		{"7.125 KWD", "", Amount{7125, "KWD"}},
	} {
		got, err := Parse(c.in, c.def)
		if err != nil || got != c.want {
			t.Errorf("Parse(%q, %q) = %v, %v; want %v", c.in, c.def, got, err, c.want)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, c := range []struct {
		in, def string
		want    error
	}{
		{"", "JPY", ErrFormat},
		{"abc", "JPY", ErrFormat},
		{"2925", "", ErrNoCurrency},
		{"29,25", "JPY", ErrFormat},
		{"2,9250", "JPY", ErrFormat},
		{",925", "JPY", ErrFormat},
		{"2925.", "JPY", ErrFormat},
		{"-5", "JPY", ErrFormat},
		{"0", "JPY", ErrNotPositive},
		{"2925.5", "JPY", ErrDecimals},
		{"12.505 USD", "", ErrDecimals},
		{"12 XYZ", "", ErrCurrency},
		{"99999999999999999999", "JPY", ErrTooLarge},
		{"1e5", "JPY", ErrFormat},
	} {
		got, err := Parse(c.in, c.def)
		if !errors.Is(err, c.want) {
			t.Errorf("Parse(%q, %q) = %v, %v; want %v", c.in, c.def, got, err, c.want)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, c := range []struct {
		a      Amount
		en, ja string
	}{
		{Amount{2925, "JPY"}, "¥2,925", "2,925円"},
		{Amount{9371, "JPY"}, "¥9,371", "9,371円"},
		{Amount{0, "JPY"}, "¥0", "0円"},
		{Amount{-525, "JPY"}, "-¥525", "-525円"},
		{Amount{1250, "USD"}, "$12.50", "$12.50"},
		{Amount{5, "USD"}, "$0.05", "$0.05"},
		{Amount{123456789, "EUR"}, "€1,234,567.89", "€1,234,567.89"},
		{Amount{1250, "CHF"}, "12.50 CHF", "12.50 CHF"},
	} {
		if got := c.a.Format("en"); got != c.en {
			t.Errorf("%v.Format(en) = %q, want %q", c.a, got, c.en)
		}
		if got := c.a.Format("ja"); got != c.ja {
			t.Errorf("%v.Format(ja) = %q, want %q", c.a, got, c.ja)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"¥2,925", "12.50 USD", "2,925円", "1,234,567"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Parse(s, "JPY")
		if err != nil {
			return
		}
		if a.Minor <= 0 || a.Minor > maxMinor {
			t.Fatalf("Parse(%q) = %v, out of range", s, a)
		}
		// What is written back reads as the same amount.
		for _, lang := range []string{"en", "ja"} {
			back, err := Parse(a.Format(lang), "")
			if err != nil || back != a {
				t.Fatalf("Parse(%q) = %v, written %q, read back %v, %v", s, a, a.Format(lang), back, err)
			}
		}
	})
}
