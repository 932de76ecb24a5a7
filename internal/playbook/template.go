package playbook

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Template returns a small, valid, commented playbook to start from, with
// its comments in lang ("en" or "ja").
func Template(id, lang string) []byte {
	t := templateEN
	if lang == "ja" {
		t = templateJA
	}
	return []byte(strings.ReplaceAll(t, "ID", id))
}

const templateEN = `# A playbook: the steps acctguard walks you through. Check it with
# "acctguard playbook validate ID"; see "acctguard playbook show
# amazon-takeover" for a complete one.
schema: 1
id: ID
title: My plan
# languages: [en, ja]   # uncomment to require every text in both
steps:
  # Each step needs an id, a title and a phase: verify, contain, recover,
  # report or follow-up. why and how are what you will read when you do it.
  - id: call-my-bank
    title: Call my bank
    phase: contain
    critical: true          # one of the first things to do
    why: Only the bank can stop the card.
    how: |
      - Call the number on the back of the card.
      - Ask them to stop the card and send a new one.
  # A follow-up comes back after a delay: 30m, 5h, 7d, 2w.
  - id: check-statement
    title: Check the next statement
    phase: follow-up
    after: [call-my-bank]
    delay: 7d
`

const templateJA = `# プレイブック：acctguard が順に案内する手順の一覧です。
# 「acctguard playbook validate ID」で確認できます。完全な例は
# 「acctguard playbook show amazon-takeover」で見られます。
schema: 1
id: ID
title: 自分用の手順
# languages: [en, ja]   # 英語と日本語の両方を必須にするときは、行頭の # を外します
steps:
  # 各手順には id、title、phase（verify、contain、recover、report、follow-up の
  # どれか）が必要です。why と how は、実際に手順を行うときに表示されます。
  - id: call-my-bank
    title: 銀行に電話する
    phase: contain
    critical: true          # 最初にやること
    why: カードを止められるのは銀行だけです。
    how: |
      - カードの裏にある番号に電話します。
      - カードの停止と再発行を依頼します。
  # 時間をおいて確認する手順：30m、5h、7d、2w のように書きます。
  - id: check-statement
    title: 次の明細を確認する
    phase: follow-up
    after: [call-my-bank]
    delay: 7d
`

// WithID returns src with the playbook's id changed to id. Only that one
// value changes; comments and the rest of the text stay as they were. An
// id written in a way that cannot be replaced where it stands, such as a
// block scalar, is changed in the YAML tree and the file written out again.
func WithID(src []byte, id string) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("reading the playbook: %w", err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("the playbook is not a map")
	}
	top := doc.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if k.Value != "id" || v.Kind != yaml.ScalarNode {
			continue
		}
		if out, ok := replaceScalar(src, v, id); ok && hasID(out, id) {
			return out, nil
		}
		v.Value, v.Style, v.Tag = id, 0, "!!str"
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(&doc); err != nil {
			return nil, fmt.Errorf("writing the playbook: %w", err)
		}
		if err := enc.Close(); err != nil {
			return nil, fmt.Errorf("writing the playbook: %w", err)
		}
		return b.Bytes(), nil
	}
	return nil, errors.New("the playbook has no id")
}

// replaceScalar puts text in place of the scalar v where it is written in
// src: plain, or in quotes, on the line and at the column YAML gives. It
// reports false when v is not written so there.
func replaceScalar(src []byte, v *yaml.Node, text string) ([]byte, bool) {
	lines := newSource(src)
	if v.Line < 1 || v.Line > lines.lines() {
		return nil, false
	}
	line := lines.line(v.Line)
	at, col := 0, 1
	for col < v.Column && at < len(line) {
		_, size := utf8.DecodeRuneInString(line[at:])
		at, col = at+size, col+1
	}
	written := v.Value
	switch v.Style {
	case 0:
	case yaml.DoubleQuotedStyle:
		written = `"` + v.Value + `"`
	case yaml.SingleQuotedStyle:
		written = "'" + v.Value + "'"
	default:
		return nil, false
	}
	if col != v.Column || !strings.HasPrefix(line[at:], written) {
		return nil, false
	}
	start := lines.starts[v.Line-1] + at
	return slices.Concat(src[:start], []byte(text), src[start+len(written):]), true
}

// hasID reports whether src is a YAML map whose id is id.
func hasID(src []byte, id string) bool {
	var p struct{ ID string }
	return yaml.Unmarshal(src, &p) == nil && p.ID == id
}
