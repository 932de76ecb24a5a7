// Package i18n chooses the language of menus and headings and holds their
// texts in English and Japanese.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a language acctguard's own screens are written in.
type Lang string

const (
	English  Lang = "en"
	Japanese Lang = "ja"
)

// Supported lists the languages of acctguard's screens.
var Supported = []Lang{English, Japanese}

// Parse reads a language code or a locale name such as ja_JP.UTF-8.
func Parse(s string) (Lang, error) {
	code := strings.ToLower(s)
	if i := strings.IndexAny(code, "_-.@"); i >= 0 {
		code = code[:i]
	}
	for _, l := range Supported {
		if code == string(l) {
			return l, nil
		}
	}
	return "", fmt.Errorf("unsupported language %q", s)
}

// FromEnv picks the language from ACCTGUARD_LANG, else from the first of
// LC_ALL, LC_MESSAGES and LANG that is set, else English. A locale in a
// language acctguard does not speak gives English; an unsupported
// ACCTGUARD_LANG is an error, as it was set for acctguard alone.
func FromEnv(getenv func(string) string) (Lang, error) {
	if v := getenv("ACCTGUARD_LANG"); v != "" {
		l, err := Parse(v)
		if err != nil {
			return "", fmt.Errorf("ACCTGUARD_LANG: %w", err)
		}
		return l, nil
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			if l, err := Parse(v); err == nil {
				return l, nil
			}
			return English, nil
		}
	}
	return English, nil
}

// Has reports whether acctguard's screens have a text for key.
func Has(key string) bool { return messages.Has(key) }

// Keys returns every key of acctguard's screens.
func Keys() []string {
	keys := make([]string, 0, len(messages.All()))
	for k := range messages.All() {
		keys = append(keys, k)
	}
	return keys
}

// Inner prepares text to go inside a message's own quotation marks: in
// Japanese, quotes within 「」 are written 『』, so 「「パスワードを…」から
// 再設定する」 reads 「『パスワードを…』から再設定する」.
func (l Lang) Inner(text string) string {
	if l != Japanese {
		return text
	}
	return strings.NewReplacer("「", "『", "」", "』").Replace(text)
}

// T returns the text for key in l, falling back to English.
func (l Lang) T(key string) string { return messages.Get(l, key) }

// Tf formats the text for key in l.
func (l Lang) Tf(key string, args ...any) string {
	return fmt.Sprintf(l.T(key), args...)
}
