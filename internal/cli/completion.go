package cli

import (
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/internal/visible"
)

// completeIncidentNumbers completes the first argument with the number of
// every incident in the state file, described as incidentCompletions
// does.
func completeIncidentNumbers(f *Factory) cobra.CompletionFunc {
	return func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return incidentCompletions(f, c, false), cobra.ShellCompDirectiveNoFileComp
	}
}

// incidentCompletions offers the incidents (the open ones only, when
// onlyOpen) as "N<TAB>description": the playbook's title, when it was
// opened, and whether it is closed, so that two incidents of the same
// playbook can be told apart. Each is described in its own language
// unless the environment chose one.
func incidentCompletions(f *Factory, c *cobra.Command, onlyOpen bool) []string {
	file, err := completionState(f, c)
	if err != nil {
		return nil
	}
	var incs []*state.Incident
	for i := range file.Incidents {
		if inc := &file.Incidents[i]; !onlyOpen || inc.ClosedAt == nil {
			incs = append(incs, inc)
		}
	}
	now := f.Now()
	titles := map[string]*playbook.Playbook{}
	var out []string
	for _, inc := range incs {
		l := incidentLang(f.langOrEnv(), false, inc.Lang)
		p, seen := titles[inc.Playbook]
		if !seen {
			if e, err := f.Catalogue().Get(inc.Playbook); err == nil {
				p = e.Playbook
			}
			titles[inc.Playbook] = p
		}
		out = append(out, strconv.Itoa(inc.ID)+"\t"+describeIncident(l, inc, p, now))
	}
	return out
}

// describeIncident is one line about an incident for a completion menu.
func describeIncident(l i18n.Lang, inc *state.Incident, p *playbook.Playbook, now time.Time) string {
	title := inc.Playbook
	if p != nil {
		title = strings.TrimSpace(p.Title.Get(string(l)))
	}
	d := l.Tf("complete.incident", visible.Line(title), l.Time(inc.OpenedAt.Local(), now))
	if inc.ClosedAt != nil {
		d = l.Tf("complete.incident-closed", d, l.Time(inc.ClosedAt.Local(), now))
	}
	return d
}
