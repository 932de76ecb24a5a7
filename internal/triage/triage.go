// Package triage turns a frightened person's two or three answers about
// what happened into the built-in playbooks that fit, without their
// having to know what a playbook is.
package triage

// What the first question offers, in the order it shows them: the
// service that was taken over, or a card used without the person.
const (
	Amazon = "amazon"
	Email  = "email"
	LINE   = "line"
	Apple  = "apple"
	Meta   = "meta"
	Card   = "card"
	Other  = "other"
)

// Services lists the answers to the first question in the order they are
// offered: Amazon first, the service acctguard began with.
var Services = []string{Amazon, Email, LINE, Apple, Meta, Card, Other}

// playbooks maps each answer to the first question to its playbook.
var playbooks = map[string]string{
	Amazon: "amazon-takeover",
	Email:  "email-takeover",
	LINE:   "line-takeover",
	Apple:  "apple-account",
	Meta:   "meta-account",
	Card:   "card-fraud",
	Other:  "any-account",
}

// Answers to the follow-up questions.
const (
	Yes     = "yes"
	No      = "no"
	NotSure = "not-sure"
)

// Answers are what the person said. CanSignIn and Money are Yes, No,
// NotSure, or "" when not asked.
type Answers struct {
	Service   string
	CanSignIn string
	Money     string
}

// AsksAboutAccount reports whether the follow-up questions (can you sign
// in, was money taken) are asked after this answer to the first: for a
// card used without the person, there is no account to sign in to, and
// money is what the card plan is about.
func AsksAboutAccount(service string) bool { return service != Card && service != "" }

// Playbook returns the playbook for an answer to the first question, or
// "" for an answer it does not know.
func Playbook(service string) string { return playbooks[service] }

// Propose returns the playbooks that fit, the one to walk first at the
// front. Money taken, or card details typed somewhere (or not being sure
// of it), adds the card plan: the card must be stopped the same day.
func Propose(a Answers) []string {
	first := playbooks[a.Service]
	if first == "" {
		return nil
	}
	out := []string{first}
	if first != playbooks[Card] && (a.Money == Yes || a.Money == NotSure) {
		out = append(out, playbooks[Card])
	}
	return out
}
