package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
)

func TestErrorsAreWrittenInTheirLanguage(t *testing.T) {
	tbl := NewTable(func() map[string]Text {
		return map[string]Text{
			"outer": {En: "playbook %q cannot be used: %w", Ja: "手順書「%s」は使えません：%w"},
			"inner": {En: "%d problems", Ja: "問題が%d件"},
			"hint":  {En: "run %s", Ja: "%sを実行してください。"},
		}
	})
	inner := tbl.Errorf("inner", 3)
	err := tbl.Errorf("outer", "amazn", inner)
	if got, want := err.Error(), `playbook "amazn" cannot be used: 3 problems`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := Message(err, Japanese), "手順書「amazn」は使えません：問題が3件"; got != want {
		t.Errorf("Message(ja) = %q, want %q", got, want)
	}
	if !errors.Is(err, inner) {
		t.Error("errors.Is does not see the wrapped error")
	}
	// A system error keeps its words; the sentence around it is the
	// person's.
	sys := tbl.Errorf("outer", "x", &fs.PathError{Op: "open", Path: "/p", Err: fs.ErrPermission})
	if got, want := Message(sys, Japanese), "手順書「x」は使えません：open /p: permission denied"; got != want {
		t.Errorf("Message(ja) = %q, want %q", got, want)
	}
	var pe *fs.PathError
	if !errors.As(sys, &pe) {
		t.Error("errors.As does not see the wrapped error")
	}
	// A hint built of a message in a message.
	if got, want := tbl.M("hint", tbl.M("inner", 2)).In(Japanese), "問題が2件を実行してください。"; got != want {
		t.Errorf("M.In(ja) = %q, want %q", got, want)
	}
	// fmt.Errorf around a localised error adds English words: the whole
	// message stays English rather than mixing.
	mixed := fmt.Errorf("incident 1: %w", err)
	if got, want := Message(mixed, Japanese), `incident 1: playbook "amazn" cannot be used: 3 problems`; got != want {
		t.Errorf("Message(ja) = %q, want %q", got, want)
	}
	// A wrapper that adds no words is seen through.
	if got, want := Message(quietWrap{err}, Japanese), "手順書「amazn」は使えません：問題が3件"; got != want {
		t.Errorf("Message(ja) = %q, want %q", got, want)
	}
}

type quietWrap struct{ err error }

func (q quietWrap) Error() string { return q.err.Error() }
func (q quietWrap) Unwrap() error { return q.err }

func TestATableWithAKeyTwicePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	one := func() map[string]Text { return map[string]Text{"a": {En: "a", Ja: "あ"}} }
	NewTable(one, one).All()
}
