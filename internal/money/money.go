// Package money reads an amount as a person types it ("¥2,925",
// "2,925円", "$12.50", "12.50 USD") and writes it back for a report. An
// amount is kept exactly, as a whole number of the currency's smallest
// unit (yen, cents): no floating point ever touches money. The currencies
// and their decimal places are the ISO 4217 ones that golang.org/x/text
// knows.
package money

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/currency"
	"golang.org/x/text/width"
)

// Amount is a sum of money: Minor units of Currency (an ISO 4217 code).
type Amount struct {
	Minor    int64
	Currency string
}

// Why an amount was refused.
var (
	ErrFormat      = errors.New("not an amount")
	ErrCurrency    = errors.New("unknown currency")
	ErrNoCurrency  = errors.New("no currency")
	ErrDecimals    = errors.New("too many decimal places")
	ErrTooLarge    = errors.New("too large")
	ErrNotPositive = errors.New("not more than zero")
)

// maxMinor bounds an amount: far above any charge, far below overflow
// when amounts are added up.
const maxMinor = 1_000_000_000_000_000

// symbols are the signs people type for a currency, before or after the
// number.
var symbols = []struct{ sign, code string }{
	{"US$", "USD"},
	{"¥", "JPY"},
	{"円", "JPY"},
	{"$", "USD"},
	{"€", "EUR"},
	{"£", "GBP"},
}

// Parse reads an amount. Without a currency sign or code the amount is in
// def (an ISO 4217 code), when def is not empty. Full-width digits and
// signs are read as their narrow forms; digits may be grouped with commas
// (2,925) and have as many decimals as the currency has (12.50 USD, not
// 2925.5 JPY). The amount must be more than zero.
func Parse(s, def string) (Amount, error) {
	s = strings.TrimSpace(width.Fold.String(s))
	// width.Fold turns ￥ into ¥ and full-width digits into digits.
	code := ""
	for _, sym := range symbols {
		if rest, ok := strings.CutPrefix(s, sym.sign); ok {
			code, s = sym.code, strings.TrimSpace(rest)
			break
		}
		if rest, ok := strings.CutSuffix(s, sym.sign); ok {
			code, s = sym.code, strings.TrimSpace(rest)
			break
		}
	}
	if code == "" {
		if f := strings.Fields(s); len(f) == 2 {
			switch {
			case isCode(f[0]):
				code, s = f[0], f[1]
			case isCode(f[1]):
				code, s = f[1], f[0]
			}
		}
	}
	if code == "" {
		code = def
	}
	if code == "" {
		return Amount{}, ErrNoCurrency
	}
	code = strings.ToUpper(code)
	scale, ok := Scale(code)
	if !ok {
		return Amount{}, fmt.Errorf("%w %q", ErrCurrency, code)
	}
	minor, err := parseNumber(s, scale)
	if err != nil {
		return Amount{}, err
	}
	return Amount{Minor: minor, Currency: code}, nil
}

func isCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, c := range s {
		if (c < 'A' || c > 'Z') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}

// Scale returns how many decimal places code has (0 for JPY, 2 for USD),
// and false for a code that is not a currency.
func Scale(code string) (int, bool) {
	if !isCode(code) || strings.ToUpper(code) != code {
		return 0, false
	}
	u, err := currency.ParseISO(code)
	if err != nil {
		return 0, false
	}
	scale, _ := currency.Standard.Rounding(u)
	return scale, true
}

// parseNumber reads "2,925" or "12.50" as a count of 10^-scale units.
func parseNumber(s string, scale int) (int64, error) {
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" || hasFrac && frac == "" {
		return 0, ErrFormat
	}
	// Commas group thousands: 2,925 and 1,234,567, not 29,25.
	if strings.Contains(whole, ",") {
		groups := strings.Split(whole, ",")
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return 0, ErrFormat
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, ErrFormat
			}
		}
		whole = strings.Join(groups, "")
	}
	if !digits(whole) || hasFrac && !digits(frac) {
		return 0, ErrFormat
	}
	if len(frac) > scale {
		// 12.50 in a currency of two places is fine; 12.500 too, when
		// the places past the currency's are zeros.
		if strings.Trim(frac[scale:], "0") != "" {
			return 0, ErrDecimals
		}
		frac = frac[:scale]
	}
	frac += strings.Repeat("0", scale-len(frac))
	if len(whole) > 18 {
		return 0, ErrTooLarge
	}
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil || n > maxMinor {
		return 0, ErrTooLarge
	}
	if n <= 0 {
		return 0, ErrNotPositive
	}
	return n, nil
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Format writes a for a person reading lang ("en" or "ja"): ¥2,925 in
// English and 2,925円 in Japanese, $12.50, €9.99, £5.00, and 12.50 CHF
// for a currency without a sign here.
func (a Amount) Format(lang string) string {
	scale, ok := Scale(a.Currency)
	if !ok {
		scale = 0
	}
	n := a.Minor
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	s := strconv.FormatInt(n, 10)
	if len(s) <= scale {
		s = strings.Repeat("0", scale-len(s)+1) + s
	}
	whole, frac := s[:len(s)-scale], s[len(s)-scale:]
	num := group(whole)
	if frac != "" {
		num += "." + frac
	}
	switch a.Currency {
	case "JPY":
		if lang == "ja" {
			return sign + num + "円"
		}
		return sign + "¥" + num
	case "USD":
		return sign + "$" + num
	case "EUR":
		return sign + "€" + num
	case "GBP":
		return sign + "£" + num
	}
	return sign + num + " " + a.Currency
}

// group puts a comma between each three digits from the right.
func group(s string) string {
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
