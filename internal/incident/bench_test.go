package incident

import (
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/playbooks"
)

// BenchmarkDerive works out one incident of the built-in playbook with 40
// events, as status does for each open incident.
func BenchmarkDerive(b *testing.B) {
	src, err := playbooks.FS.ReadFile("amazon-takeover.yaml")
	if err != nil {
		b.Fatal(err)
	}
	p, err := playbook.Parse("amazon-takeover.yaml", src)
	if err != nil {
		b.Fatal(err)
	}
	var events []Event
	for j := range 40 {
		s := p.Steps[j%len(p.Steps)]
		e := Event{Step: s.ID, Action: ActionDone, At: t0.Add(time.Duration(j) * time.Minute)}
		if s.Kind == playbook.KindQuestion {
			e.Action, e.Answer = ActionAnswer, s.Options[0].Value
		}
		events = append(events, e)
	}
	now := t0.Add(30 * time.Hour)
	for b.Loop() {
		Derive(p, t0, events, now)
	}
}
