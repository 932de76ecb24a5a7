package playbook

// Text is a string for people: either one plain string used for every
// language, or one string per language code.
type Text struct {
	plain  string
	byLang map[string]string
	langs  []string // in the order the file gives them
}

// PlainText returns a Text that reads the same in every language.
func PlainText(s string) Text { return Text{plain: s} }

// LocalText returns a Text with one string per language, in the given order
// of language codes and strings: LocalText("en", "Hello", "ja", "こんにちは").
func LocalText(pairs ...string) Text {
	var t Text
	for i := 0; i+1 < len(pairs); i += 2 {
		t.set(pairs[i], pairs[i+1])
	}
	return t
}

func (t *Text) set(lang, s string) {
	if t.byLang == nil {
		t.byLang = map[string]string{}
	}
	if _, ok := t.byLang[lang]; !ok {
		t.langs = append(t.langs, lang)
	}
	t.byLang[lang] = s
}

// IsZero reports whether the text holds nothing.
func (t Text) IsZero() bool { return t.plain == "" && len(t.langs) == 0 }

// IsPlain reports whether the text is one string for every language.
func (t Text) IsPlain() bool { return t.plain != "" }

// Has reports whether the text can be read in lang without falling back.
func (t Text) Has(lang string) bool {
	if t.plain != "" {
		return true
	}
	_, ok := t.byLang[lang]
	return ok
}

// Langs returns the language codes of a per-language text, in file order.
func (t Text) Langs() []string { return append([]string(nil), t.langs...) }

// Get returns the text in lang, else in English, else in the first
// language the text has.
func (t Text) Get(lang string) string {
	if t.plain != "" {
		return t.plain
	}
	if s, ok := t.byLang[lang]; ok {
		return s
	}
	if s, ok := t.byLang["en"]; ok {
		return s
	}
	if len(t.langs) > 0 {
		return t.byLang[t.langs[0]]
	}
	return ""
}
