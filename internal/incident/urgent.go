package incident

import (
	"time"

	"github.com/acctguard/acctguard/internal/playbook"
)

// maxWays bounds how many ways of answering the open questions Urgent
// tries; a playbook with more asks too many questions to say in advance.
const maxWays = 64

// Urgent says how many critical steps the person will be asked, as far as
// the answers given so far tell: the fewest and the most over every way of
// answering the questions still open that decide whether a critical step
// applies (the e-mail playbook has a branch for each provider, so four of
// its critical steps are only ever one). known is false when there are too
// many ways to try; most is then every critical step that may still apply.
func Urgent(p *playbook.Playbook, opened time.Time, events []Event, now time.Time) (fewest, most int, known bool) {
	count := func(v View) int {
		n := 0
		for _, s := range v.Steps {
			if s.Step.Critical && s.State != NotApplicable {
				n++
			}
		}
		return n
	}
	now0 := Derive(p, opened, events, now)
	var open []*playbook.Step
	seen := map[string]bool{}
	ways := 1
	for _, s := range p.Steps {
		if !s.Critical {
			continue
		}
		for _, c := range s.When {
			q, ok := now0.Status(c.Step)
			if !ok || seen[c.Step] || q.State == Done || q.State == NotApplicable || len(q.Step.Options) == 0 {
				continue
			}
			seen[c.Step] = true
			open = append(open, q.Step)
			ways *= len(q.Step.Options)
			if ways > maxWays {
				n := count(now0)
				return n, n, false
			}
		}
	}
	fewest, most = len(p.Steps), 0
	answers := make([]int, len(open))
	for range ways {
		try := append([]Event(nil), events...)
		for i, q := range open {
			try = append(try, Event{Step: q.ID, Action: ActionAnswer, Answer: q.Options[answers[i]].Value, At: now})
		}
		n := count(Derive(p, opened, try, now))
		fewest, most = min(fewest, n), max(most, n)
		// the next way: count in the mixed base of the options
		for i := range answers {
			if answers[i]++; answers[i] < len(open[i].Options) {
				break
			}
			answers[i] = 0
		}
	}
	return fewest, most, true
}
