package visible

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscapes(t *testing.T) {
	tests := []struct {
		name              string
		in                string
		text, line, field string
	}{
		{"empty", "", "", "", ""},
		{"plain English", "Called the bank", "Called the bank", "Called the bank", "Called the bank"},
		{"Japanese, full-width space", "カード会社に電話した　済み", "カード会社に電話した　済み", "カード会社に電話した　済み", "カード会社に電話した　済み"},
		{"title sequence and clear screen", "\x1b]0;pwned\a\x1b[2J", `\x1b]0;pwned\x07\x1b[2J`, `\x1b]0;pwned\x07\x1b[2J`, `\x1b]0;pwned\x07\x1b[2J`},
		{"colour", "before\x1b[31mred", `before\x1b[31mred`, `before\x1b[31mred`, `before\x1b[31mred`},
		{"NUL, backspace, DEL", "a\x00b\bc\x7fd", `a\x00b\x08c\x7fd`, `a\x00b\x08c\x7fd`, `a\x00b\x08c\x7fd`},
		{"line break", "one\ntwo", "one\ntwo", `one\ntwo`, `one\ntwo`},
		{"CRLF", "one\r\ntwo", "one\ntwo", `one\r\ntwo`, `one\r\ntwo`},
		{"lone CR writes over the line", "done\rskipped", `done\rskipped`, `done\rskipped`, `done\rskipped`},
		{"CR at the end", "done\r", `done\r`, `done\r`, `done\r`},
		{"tab", "a\tb", "a\tb", `a\tb`, `a\tb`},
		{"forged status line", "x\n1\tcall-card-issuers\tdone", "x\n1\tcall-card-issuers\tdone", `x\n1\tcall-card-issuers\tdone`, `x\n1\tcall-card-issuers\tdone`},
		{"backslash", `C:\x1b`, `C:\x1b`, `C:\x1b`, `C:\\x1b`},
		{"C1 CSI", "a\u009b2Jb", `a\u009b2Jb`, `a\u009b2Jb`, `a\u009b2Jb`},
		{"C1 NEL and end", "\u0085\u0080\u009f", `\u0085\u0080\u009f`, `\u0085\u0080\u009f`, `\u0085\u0080\u009f`},
		{"not C1", "\u00a0\u00a9", "\u00a0\u00a9", "\u00a0\u00a9", "\u00a0\u00a9"},
		{"bidi override", "invoice \u202egpj.exe", `invoice \u202egpj.exe`, `invoice \u202egpj.exe`, `invoice \u202egpj.exe`},
		{"bidi embeddings and isolates", "\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069", `\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069`, `\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069`, `\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069`},
		{"bidi marks", "\u061c\u200e\u200f", `\u061c\u200e\u200f`, `\u061c\u200e\u200f`, `\u061c\u200e\u200f`},
		{"next to the bidi ranges", "\u2029\u202f\u2065\u206a", "\u2029\u202f\u2065\u206a", "\u2029\u202f\u2065\u206a", "\u2029\u202f\u2065\u206a"},
		{"not UTF-8: lone 8-bit CSI", "a\x9b2Jb", `a\x9b2Jb`, `a\x9b2Jb`, `a\x9b2Jb`},
		{"not UTF-8: cut sequence", "カ\xe3\x82", `カ\xe3\x82`, `カ\xe3\x82`, `カ\xe3\x82`},
		{"replacement character as typed", "\uFFFD", "\uFFFD", "\uFFFD", "\uFFFD"},
		{"emoji", "🔒 done", "🔒 done", "🔒 done", "🔒 done"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.text {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.text)
			}
			if got := Line(tt.in); got != tt.line {
				t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.line)
			}
			if got := Field(tt.in); got != tt.field {
				t.Errorf("Field(%q) = %q, want %q", tt.in, got, tt.field)
			}
		})
	}
}

// Every byte and every control character in every position comes out as
// printable, valid UTF-8; Line and Field have no line break or tab left.
func TestNothingRawIsLeft(t *testing.T) {
	var all strings.Builder
	for b := 0; b < 256; b++ {
		all.WriteByte(byte(b))
	}
	for r := rune(0x80); r < 0xa0; r++ {
		all.WriteRune(r)
	}
	for _, r := range "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069" {
		all.WriteRune(r)
	}
	in := all.String()
	for name, f := range map[string]func(string) string{"Text": Text, "Line": Line, "Field": Field} {
		out := f(in)
		if !utf8.ValidString(out) {
			t.Errorf("%s: output is not UTF-8", name)
		}
		for _, r := range out {
			if isControl(r) && !(name == "Text" && (r == '\n' || r == '\t')) {
				t.Errorf("%s: %U left in the output", name, r)
			}
		}
	}
}

// A field can be read back exactly: backslash escapes are unambiguous.
func TestFieldReadsBack(t *testing.T) {
	for _, in := range []string{`a\tb`, "a\tb", `\\`, "\\\n", "x\x1by", `\x1b`, "カ\rナ"} {
		if got := unescapeField(Field(in)); got != in {
			t.Errorf("Field(%q) = %q reads back as %q", in, Field(in), got)
		}
	}
}

// unescapeField reverses Field, as a program reading status would.
func unescapeField(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case '\\':
			b.WriteByte('\\')
		case 'x':
			var v byte
			for _, c := range s[i+1 : i+3] {
				v = v*16 + byte(strings.IndexRune("0123456789abcdef", c))
			}
			b.WriteByte(v)
			i += 2
		case 'u':
			var v rune
			for _, c := range s[i+1 : i+5] {
				v = v*16 + rune(strings.IndexRune("0123456789abcdef", c))
			}
			b.WriteRune(v)
			i += 4
		}
	}
	return b.String()
}

// Clean text, the common case, is returned without a copy.
func TestCleanTextIsNotCopied(t *testing.T) {
	s := strings.Repeat("Called the card issuer; カード会社に電話した。\n", 20)
	if n := testing.AllocsPerRun(100, func() { _ = Text(s) }); n != 0 {
		t.Errorf("Text allocates %v times for clean text", n)
	}
}

func TestJSON(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"reason":"plain, カード"}`, `{"reason":"plain, カード"}`},
		{`{"reason":"\u001b[2J"}`, `{"reason":"\u001b[2J"}`},
		{"{\"reason\":\"a\u009b2Jb\"}", `{"reason":"a\u009b2Jb"}`},
		{"{\"title\":\"\u202egpj.exe\u202c\",\"x\":\"\x7f\"}", `{"title":"\u202egpj.exe\u202c","x":"\u007f"}`},
		{"[\"\u00a0\u2029\"]", "[\"\u00a0\u2029\"]"},
	}
	for _, tt := range tests {
		if got := string(JSON([]byte(tt.in))); got != tt.want {
			t.Errorf("JSON(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// What JSON escapes decodes to the same data.
func TestJSONDecodesTheSame(t *testing.T) {
	in := map[string]string{"reason": "\x1b]0;pwned\a\u009b2J\u202eabc\u2066\x7f\n\tカード"}
	raw, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]string
	if err := json.Unmarshal(JSON(raw), &out); err != nil || out["reason"] != in["reason"] {
		t.Errorf("decoded %q, %v; want %q", out["reason"], err, in["reason"])
	}
	for _, r := range string(JSON(raw)) {
		if isControl(r) {
			t.Errorf("%U left raw in %s", r, JSON(raw))
		}
	}
}
