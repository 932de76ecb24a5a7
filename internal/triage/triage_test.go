package triage

import (
	"slices"
	"testing"
)

func TestPropose(t *testing.T) {
	tests := []struct {
		name string
		in   Answers
		want []string
	}{
		{"amazon, signed in, no money", Answers{Amazon, Yes, No}, []string{"amazon-takeover"}},
		{"amazon, locked out, money taken: Amazon first", Answers{Amazon, No, Yes}, []string{"amazon-takeover", "card-fraud"}},
		{"amazon, not sure about money", Answers{Amazon, Yes, NotSure}, []string{"amazon-takeover", "card-fraud"}},
		{"my gmail", Answers{Email, No, No}, []string{"email-takeover"}},
		{"my LINE account was taken", Answers{LINE, No, No}, []string{"line-takeover"}},
		{"LINE, friends asked for money", Answers{LINE, No, Yes}, []string{"line-takeover", "card-fraud"}},
		{"apple", Answers{Apple, NotSure, No}, []string{"apple-account"}},
		{"instagram", Answers{Meta, No, ""}, []string{"meta-account"}},
		{"a card, no follow-up questions", Answers{Service: Card}, []string{"card-fraud"}},
		{"a card with money yes is still one plan", Answers{Card, "", Yes}, []string{"card-fraud"}},
		{"another service", Answers{Other, No, No}, []string{"any-account"}},
		{"another service and a card typed", Answers{Other, Yes, Yes}, []string{"any-account", "card-fraud"}},
		{"an unknown answer proposes nothing", Answers{Service: "bank"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Propose(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Propose(%+v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestEveryServiceHasAPlaybook(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Services {
		p := Playbook(s)
		if p == "" || seen[p] {
			t.Errorf("service %q has playbook %q (empty or shared)", s, p)
		}
		seen[p] = true
	}
	if Services[0] != Amazon {
		t.Errorf("the first answer offered is %q; Amazon comes first", Services[0])
	}
	if AsksAboutAccount(Card) || !AsksAboutAccount(LINE) {
		t.Error("the account questions are asked for a service, not for a card")
	}
}
