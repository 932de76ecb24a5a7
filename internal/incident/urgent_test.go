package incident

import (
	"fmt"
	"strings"
	"testing"

	"github.com/acctguard/acctguard/internal/playbook"
)

// Urgent counts the critical steps the person will be asked: a branch for
// each provider is one step, not four, and an answer given narrows it.
func TestUrgent(t *testing.T) {
	p, err := playbook.Parse("t.yaml", []byte(`schema: 1
id: t
title: T
steps:
  - {id: evidence, title: Evidence, phase: verify, critical: true}
  - id: provider
    title: Provider
    phase: verify
    critical: true
    kind: question
    question: Which?
    options: [{value: google, label: Google}, {value: yahoo, label: Yahoo}, {value: other, label: Other}]
  - id: can-sign-in
    title: Sign in
    phase: verify
    kind: question
    question: Can you sign in?
    options: [{value: "yes", label: "Yes"}, {value: "no", label: "No"}]
  - {id: recover-google, title: G, phase: contain, critical: true, when: {provider: google, can-sign-in: "no"}}
  - {id: recover-yahoo, title: Y, phase: contain, critical: true, when: {provider: yahoo, can-sign-in: "no"}}
  - {id: google-events, title: GE, phase: contain, critical: true, when: {provider: google}}
  - {id: change-password, title: C, phase: contain, critical: true, when: {can-sign-in: "yes"}}
  - {id: forwarding, title: F, phase: recover}
`))
	if err != nil {
		t.Fatal(err)
	}
	answer := func(step, value string) Event { return Event{Step: step, Action: ActionAnswer, Answer: value, At: t0} }
	for _, tt := range []struct {
		name         string
		events       []Event
		fewest, most int
	}{
		// other + no: evidence and provider; google + no: evidence,
		// provider, recover-google and google-events.
		{"nothing answered", nil, 2, 4},
		{"can sign in", []Event{answer("can-sign-in", "yes")}, 3, 4},
		{"locked out", []Event{answer("can-sign-in", "no")}, 2, 4},
		{"locked out of Yahoo", []Event{answer("can-sign-in", "no"), answer("provider", "yahoo")}, 3, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fewest, most, known := Urgent(p, t0, tt.events, at(0))
			if fewest != tt.fewest || most != tt.most || !known {
				t.Errorf("Urgent = %d, %d, %v; want %d, %d, true", fewest, most, known, tt.fewest, tt.most)
			}
		})
	}
}

// Beyond 64 ways of answering, Urgent does not try them: it counts every
// critical step that may still apply, and says the count is not exact.
func TestUrgentTooManyWays(t *testing.T) {
	var b strings.Builder
	b.WriteString("schema: 1\nid: t\ntitle: T\nsteps:\n")
	for i := range 7 {
		fmt.Fprintf(&b, "  - {id: q%d, title: Q, phase: verify, kind: question, question: \"Q?\", options: [{value: a, label: A}, {value: b, label: B}]}\n", i)
		fmt.Fprintf(&b, "  - {id: s%d, title: S, phase: contain, critical: true, when: {q%d: a}}\n", i, i)
	}
	p, err := playbook.Parse("t.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	fewest, most, known := Urgent(p, t0, nil, at(0))
	if known || fewest != 7 || most != 7 {
		t.Errorf("Urgent = %d, %d, %v; want 7, 7, false", fewest, most, known)
	}
}

// A question asked only after another answer decides a critical step too:
// the fewest counts the first answer that leaves it unasked.
func TestUrgentThroughAQuestionAskedLater(t *testing.T) {
	p, err := playbook.Parse("t.yaml", []byte(`schema: 1
id: t
title: T
steps:
  - id: can-sign-in
    title: Sign in
    phase: verify
    kind: question
    question: Can you sign in?
    options: [{value: "yes", label: "Yes"}, {value: "no", label: "No"}]
  - id: back-in
    title: Back in
    phase: contain
    kind: question
    question: Are you back in?
    options: [{value: "yes", label: "Yes"}, {value: "no", label: "No"}]
    when: {can-sign-in: "no"}
  - {id: while-locked-out, title: W, phase: contain, critical: true, when: {back-in: "no"}}
`))
	if err != nil {
		t.Fatal(err)
	}
	fewest, most, known := Urgent(p, t0, nil, at(0))
	if fewest != 0 || most != 1 || !known {
		t.Errorf("Urgent = %d, %d, %v; want 0, 1, true", fewest, most, known)
	}
}
