package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/prompt"
	"github.com/acctguard/acctguard/internal/state"
)

const commentedPlaybook = `# My plan for a stolen card.
schema: 1
id: card
title: {en: Card stolen, ja: カードの不正利用}
languages: [en, ja]

steps:
  # Do these first.
  - id: look
    title: {en: Look at the statement, ja: 明細を見る}
    phase: verify

  - id: call-issuer
    title: {en: Call the card issuer, ja: カード会社に電話する}
    phase: contain   # the most important one
    critical: true

  - id: alexa
    title: {en: Turn off Alexa purchasing, ja: Alexaの購入をオフにする}
    phase: recover
`

func TestInteractiveEditKeepsCommentsAndLayout(t *testing.T) {
	dir := t.TempDir()
	user := filepath.Join(dir, "playbooks")
	if err := os.MkdirAll(user, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(user, "card.yaml")
	if err := os.WriteFile(path, []byte(commentedPlaybook), 0o600); err != nil {
		t.Fatal(err)
	}
	ios, _, out, _ := iostreams.Test()
	ios.SetTTY(true, true)
	opts := &playbookEditOptions{
		IO:        ios,
		Store:     state.New(filepath.Join(dir, "state.json")),
		Catalogue: &playbook.Catalogue{UserDir: user},
		Getenv:    func(string) string { return "" },
		Now:       func() time.Time { return time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC) },
		Lang:      i18n.English,
		ID:        "card",
		Prompter: &prompt.Fake{Out: out, Answers: []string{
			"Add a step", "Contain — stop further damage", "Call my bank", "銀行に電話する",
			"Only the bank can stop a debit card.", "", "Call the number on the back of the card.\nAsk for a new card.", "",
			"2. Call the card issuer",
			"Move a step", "3. Call my bank", "1. Look at the statement",
			"Mark a step as one of the first hour, or not", "2. Call my bank",
			"Remove a step", "4. Turn off Alexa purchasing", "yes",
			"Save and finish", "yes",
		}},
		Interactive: true,
	}
	if err := runPlaybookEdit(opts); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := `# My plan for a stolen card.
schema: 1
id: card
title: {en: Card stolen, ja: カードの不正利用}
languages: [en, ja]

steps:
  # Do these first.
  - id: look
    title: {en: Look at the statement, ja: 明細を見る}
    phase: verify

  - id: call-my-bank
    title:
      en: Call my bank
      ja: 銀行に電話する
    phase: contain
    critical: true
    why:
      en: Only the bank can stop a debit card.
      ja: Only the bank can stop a debit card.
    how:
      en: |
        Call the number on the back of the card.
        Ask for a new card.
      ja: |
        Call the number on the back of the card.
        Ask for a new card.

  - id: call-issuer
    title: {en: Call the card issuer, ja: カード会社に電話する}
    phase: contain   # the most important one
    critical: true
`
	if string(got) != want {
		t.Errorf("saved:\n%s\nwant:\n%s", got, want)
	}
	for _, line := range []string{
		"✓ added \"Call my bank\" (call-my-bank) as step 3; the Japanese reason is copied from the English; the Japanese how-to text is copied from the English\n",
		"This playbook is written in Japanese too: write it in Japanese as well, or press Enter to use the same text.\n? Why is it needed, in Japanese?",
		"✓ moved \"Call my bank\" to step 2\n",
		"Changes:\n  - added \"Call my bank\" (call-my-bank) as step 3; the Japanese reason is copied from the English; the Japanese how-to text is copied from the English\n  - moved",
		"✓ \"Call my bank\" is now one of the first hour",
		"✓ removed \"Turn off Alexa purchasing\"",
		"saved " + path,
	} {
		if !strings.Contains(out.String(), line) {
			t.Errorf("screen lacks %q:\n%s", line, out)
		}
	}
}

// In Japanese, a step added to a playbook in both languages is asked for
// in English too; Enter copies the Japanese, which the change says. The
// file keeps both languages, and the id comes from the phase since the
// title has no Latin letters. A move goes to the chosen place at once.
func TestInteractiveEditInJapaneseKeepsBothLanguages(t *testing.T) {
	dir := t.TempDir()
	user := filepath.Join(dir, "playbooks")
	if err := os.MkdirAll(user, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(user, "card.yaml")
	if err := os.WriteFile(path, []byte(commentedPlaybook), 0o600); err != nil {
		t.Fatal(err)
	}
	ios, _, out, _ := iostreams.Test()
	ios.SetTTY(true, true)
	opts := &playbookEditOptions{
		IO:        ios,
		Store:     state.New(filepath.Join(dir, "state.json")),
		Catalogue: &playbook.Catalogue{UserDir: user},
		Getenv:    func(string) string { return "" },
		Now:       func() time.Time { return time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC) },
		Lang:      i18n.Japanese,
		ID:        "card",
		Prompter: &prompt.Fake{Out: out, Answers: []string{
			"手順を追加する", "被害の拡大を防ぐ — 相手を締め出し、被害を止める", "銀行に電話する", "",
			"", "", "（先頭に入れる）",
			"手順を移動する", "4. Alexaの購入をオフにする", "1. 銀行に電話する",
			"保存して終わる", "yes",
		}},
		Interactive: true,
	}
	if err := runPlaybookEdit(opts); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := `# My plan for a stolen card.
schema: 1
id: card
title: {en: Card stolen, ja: カードの不正利用}
languages: [en, ja]

steps:
  - id: contain-step
    title:
      ja: 銀行に電話する
      en: 銀行に電話する
    phase: contain

  - id: alexa
    title: {en: Turn off Alexa purchasing, ja: Alexaの購入をオフにする}
    phase: recover

  # Do these first.
  - id: look
    title: {en: Look at the statement, ja: 明細を見る}
    phase: verify

  - id: call-issuer
    title: {en: Call the card issuer, ja: カード会社に電話する}
    phase: contain   # the most important one
    critical: true
`
	if string(got) != want {
		t.Errorf("saved:\n%s\nwant:\n%s", got, want)
	}
	for _, line := range []string{
		"? タイトル（日本語）： 銀行に電話する\nこの手順書は英語でも書かれています。英語でも書くか、Enter を押して同じ文を使ってください。\n? タイトル（英語）： \n",
		"✓ 「銀行に電話する」（contain-step）を1番目の手順として追加しました。英語のタイトルは日本語と同じ文にしました。\n",
		"✓ 「Alexaの購入をオフにする」を2番目に移動しました。\n",
		"変更内容：\n  - 「銀行に電話する」（contain-step）を1番目の手順として追加しました。英語のタイトルは日本語と同じ文にしました。\n  - 「Alexaの購入をオフにする」を2番目に移動しました。\n",
	} {
		if !strings.Contains(out.String(), line) {
			t.Errorf("screen lacks %q:\n%s", line, out)
		}
	}
}
