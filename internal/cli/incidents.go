package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/internal/suggest"
	"github.com/acctguard/acctguard/internal/visible"
)

// loadIncident reads the state file and returns the incident a command is
// about (see pickIncident) with the playbook it follows; the problems of a
// broken playbook file are written to w.
func loadIncident(store stateStore, cat *playbook.Catalogue, id int, w io.Writer) (*state.Incident, *playbook.Playbook, error) {
	file, err := loadState(store)
	if err != nil {
		return nil, nil, err
	}
	inc, err := pickIncident(file, id)
	if err != nil {
		return nil, nil, err
	}
	p, err := incidentPlaybook(cat, inc, w, i18n.Lang(inc.Lang))
	if err != nil {
		return nil, nil, err
	}
	return inc, p, nil
}

// pickIncident returns the incident a command is about: the one --incident
// names, else the only open one. With several open and none named it
// fails as wrong usage and lists them.
func pickIncident(file *state.File, id int) (*state.Incident, error) {
	if id != 0 {
		inc, ok := file.Incident(id)
		if !ok {
			return nil, usage(i18n.Errorf("error.incident.none", id), i18n.M("error.incident.none.hint-status"))
		}
		return inc, nil
	}
	open := file.Open()
	switch len(open) {
	case 0:
		return nil, hinted(i18n.Errorf("error.incident.none-open"), i18n.M("error.incident.none-open.hint"))
	case 1:
		return open[0], nil
	}
	var list []string
	for _, inc := range open {
		list = append(list, fmt.Sprintf("%d (%s)", inc.ID, inc.Playbook))
	}
	return nil, &exitError{code: exitUsage, err: &severalOpenError{open: list}}
}

// severalOpenError is a command that needs one incident finding several
// open. Its hint depends on how the command takes an incident — some as
// --incident N, some as an argument — so Run asks it with the command.
type severalOpenError struct {
	open []string // "1 (amazon-takeover)"
}

func (e *severalOpenError) Error() string { return e.In(i18n.English) }

// In says how many are open in l.
func (e *severalOpenError) In(l i18n.Lang) string {
	return i18n.M("error.incident.several-open", len(e.open)).In(l)
}

// hint says how to name one with cmd.
func (e *severalOpenError) hint(cmd *cobra.Command) i18n.Localized {
	list := strings.Join(e.open, ", ")
	if cmd != nil && cmd.Flags().Lookup("incident") == nil && strings.Contains(cmd.Use, "[N]") {
		return i18n.M("error.several-open.name-one", cmd.CommandPath(), list)
	}
	return i18n.M("error.several-open.flag", list)
}

// events turns the stored log into the engine's events.
func events(inc *state.Incident) []incident.Event {
	out := make([]incident.Event, len(inc.Events))
	for i, e := range inc.Events {
		out[i] = incident.Event{Step: e.Step, Action: incident.Action(e.Action), At: e.At, Answer: e.Answer, Reason: e.Reason, Note: e.Note}
	}
	return out
}

// incidentPlaybook returns the playbook an incident follows, as it is now
// in the catalogue (a user's edit shows in open incidents). The problems of
// a broken playbook file are written to w.
func incidentPlaybook(cat *playbook.Catalogue, inc *state.Incident, w io.Writer, lang i18n.Lang) (*playbook.Playbook, error) {
	p, err := usablePlaybook(cat, inc.Playbook, w, lang)
	if err != nil {
		return nil, i18n.Errorf("error.incident.of", inc.ID, err)
	}
	return p, nil
}

// derive works out every step of an incident at now.
func derive(p *playbook.Playbook, inc *state.Incident, now time.Time) incident.View {
	return incident.Derive(p, inc.OpenedAt, events(inc), now)
}

// findStep returns the step with the given id, failing as wrong usage
// with a suggestion when there is none.
func findStep(p *playbook.Playbook, id string) (*playbook.Step, error) {
	if s, ok := p.Step(id); ok {
		return s, nil
	}
	ids := make([]string, len(p.Steps))
	for i, s := range p.Steps {
		ids[i] = s.ID
	}
	hint := i18n.M("error.playbook.no-step.hint", p.ID)
	if s := suggest.Closest(id, ids); s != "" {
		hint = i18n.M("error.usage.did-you-mean", s)
	}
	return nil, usage(i18n.Errorf("error.playbook.no-step", p.ID, id), hint)
}

// incidentFlag adds --incident N to a command, with completion of the
// open incidents.
func incidentFlag(cmd *cobra.Command, f *Factory, target *int) {
	cmd.Flags().IntVar(target, "incident", 0, "the incident to act on (default: the only open one)")
	_ = cmd.RegisterFlagCompletionFunc("incident", func(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		return incidentCompletions(f, c, true), cobra.ShellCompDirectiveNoFileComp
	})
}

// completionState reads the state file for shell completion, which runs
// without the global flags applied.
func completionState(f *Factory, c *cobra.Command) (*state.File, error) {
	flag, _ := c.Flags().GetString("state")
	return state.New(f.resolveStateFile(flag)).Load()
}

// reopen opens incident id again, with an event that says so: from
// "incident reopen", or when respond hears the same attack has come back.
func reopen(f *state.File, id int, now time.Time) error {
	inc, ok := f.Incident(id)
	switch {
	case !ok:
		return usage(i18n.Errorf("error.incident.none", id), i18n.M("error.incident.none.hint-list"))
	case inc.ClosedAt == nil:
		return hinted(i18n.Errorf("error.incident.open-already", id), i18n.M("error.incident.open-already.hint"))
	}
	inc.ClosedAt, inc.DropFollowUps = nil, false
	inc.Events = append(inc.Events, state.Event{Action: state.ActionReopen, At: now})
	return nil
}

// incidentNumberArg reads the incident number a command may be given (or,
// with required, must be given) into target.
func incidentNumberArg(target *int, required bool) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) > 1:
			return usage(i18n.Errorf("error.incident.number-one", cmd.CommandPath()), i18n.M("error.usage.line", cmd.UseLine()))
		case len(args) == 0 && required:
			return usage(i18n.Errorf("error.incident.number-needed", cmd.CommandPath()), i18n.M("error.incident.number-needed.hint"))
		case len(args) == 1:
			n, err := strconv.Atoi(args[0])
			if err != nil || n < 1 {
				return usage(i18n.Errorf("error.incident.not-number", args[0]), i18n.M("error.usage.line", cmd.UseLine()))
			}
			*target = n
		}
		return nil
	}
}

// togetherWithRelated orders incidents so that each one linked to an
// earlier one (state.Incident.Related) comes right after it, and the rest
// keep their order: related incidents are read together.
func togetherWithRelated(incs []*state.Incident) []*state.Incident {
	present := make(map[int]bool, len(incs))
	for _, inc := range incs {
		present[inc.ID] = true
	}
	anchor := func(inc *state.Incident) int {
		if inc.Related != 0 && inc.Related < inc.ID && present[inc.Related] {
			return inc.Related
		}
		return inc.ID
	}
	out := make([]*state.Incident, 0, len(incs))
	placed := make(map[int]bool, len(incs))
	for _, inc := range incs {
		if placed[inc.ID] || anchor(inc) != inc.ID {
			continue
		}
		out = append(out, inc)
		placed[inc.ID] = true
		for _, other := range incs {
			if !placed[other.ID] && anchor(other) == inc.ID {
				out = append(out, other)
				placed[other.ID] = true
			}
		}
	}
	for _, inc := range incs { // links that go round in a hand-edited file
		if !placed[inc.ID] {
			out = append(out, inc)
			placed[inc.ID] = true
		}
	}
	return out
}

// relatedLine says which incidents are linked to inc, for the line under
// its heading; "" when none are.
// An incident of another playbook (the e-mail account opened from the
// Amazon one) is named by its title.
func relatedLine(l i18n.Lang, cat *playbook.Catalogue, file *state.File, inc *state.Incident, now time.Time) string {
	var parts []string
	for _, id := range file.Related(inc.ID) {
		other, _ := file.Incident(id)
		if other.Playbook != inc.Playbook {
			parts = append(parts, l.Tf("incidents.related-other", id, playbookTitle(cat, other.Playbook, l), l.Time(other.OpenedAt.Local(), now)))
			continue
		}
		parts = append(parts, l.Tf("incidents.related-one", id, l.Time(other.OpenedAt.Local(), now)))
	}
	if len(parts) == 0 {
		return ""
	}
	return l.Tf("incidents.related", strings.Join(parts, l.T("incidents.related-sep")))
}

// playbookTitle is the title of playbook id in l, with control characters
// made visible, or the id itself when the playbook cannot be read.
func playbookTitle(cat *playbook.Catalogue, id string, l i18n.Lang) string {
	if e, err := cat.Get(id); err == nil && e.Playbook != nil {
		return visible.Line(strings.TrimSpace(e.Playbook.Title.Get(string(l))))
	}
	return visible.Line(id)
}
