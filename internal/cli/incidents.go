package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/internal/suggest"
)

// stateError adds what to do to the store's errors: a damaged file names
// the last good copy, and is never written over.
func stateError(err error) error {
	var damaged *state.DamagedError
	if errors.As(err, &damaged) {
		hint := "the file was left exactly as it is; repair it by hand, or move it away to start afresh"
		if damaged.Backup != "" {
			hint = fmt.Sprintf("the last good copy is %s; the damaged file was left exactly as it is", damaged.Backup)
		}
		return withHint(err, hint)
	}
	var newer *state.NewerSchemaError
	if errors.As(err, &newer) {
		return withHint(err, "use the newer acctguard that wrote it")
	}
	return err
}

// loadState reads the state file without taking the lock.
func loadState(f *Factory) (*state.File, error) {
	file, err := state.New(f.StateFile).Load()
	if err != nil {
		return nil, stateError(err)
	}
	return file, nil
}

// updateState applies change under the lock and saves it.
func updateState(f *Factory, change func(*state.File) error) (*state.File, error) {
	file, err := state.New(f.StateFile).Update(change)
	if err != nil {
		return nil, stateError(err)
	}
	return file, nil
}

// appendEvent records e in incident id under the lock, and returns the
// incident as saved.
func appendEvent(f *Factory, id int, e state.Event) (*state.Incident, error) {
	file, err := updateState(f, func(file *state.File) error {
		inc, ok := file.Incident(id)
		if !ok {
			return fmt.Errorf("incident %d no longer exists; was it deleted in another window?", id)
		}
		inc.Events = append(inc.Events, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	inc, _ := file.Incident(id)
	return inc, nil
}

// loadIncident reads the state file and returns the incident a command is
// about (see pickIncident) with the playbook it follows; the problems of a
// broken playbook file are written to w.
func loadIncident(f *Factory, cat *playbook.Catalogue, id int, w io.Writer) (*state.Incident, *playbook.Playbook, error) {
	file, err := loadState(f)
	if err != nil {
		return nil, nil, err
	}
	inc, err := pickIncident(file, id)
	if err != nil {
		return nil, nil, err
	}
	p, err := incidentPlaybook(cat, inc, w)
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
			return nil, usageError(`"acctguard status --all" lists the incidents`, "no incident %d", id)
		}
		return inc, nil
	}
	open := file.Open()
	switch len(open) {
	case 0:
		return nil, withHint(errors.New("no incident is open"), `start one with "acctguard respond" or "acctguard incident new PLAYBOOK"`)
	case 1:
		return open[0], nil
	}
	var list []string
	for _, inc := range open {
		list = append(list, fmt.Sprintf("%d (%s)", inc.ID, inc.Playbook))
	}
	return nil, usageError("add --incident N; open incidents: "+strings.Join(list, ", "), "%d incidents are open", len(open))
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
func incidentPlaybook(cat *playbook.Catalogue, inc *state.Incident, w io.Writer) (*playbook.Playbook, error) {
	p, err := usablePlaybook(cat, inc.Playbook, w)
	if err != nil {
		return nil, fmt.Errorf("incident %d: %w", inc.ID, err)
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
	hint := fmt.Sprintf(`"acctguard playbook show %s" lists the steps`, p.ID)
	if s := suggest.Closest(id, ids); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	}
	return nil, usageError(hint, "playbook %q has no step %q", p.ID, id)
}

// incidentFlag adds --incident N to a command, with completion of the
// open incidents.
func incidentFlag(cmd *cobra.Command, f *Factory, target *int) {
	cmd.Flags().IntVar(target, "incident", 0, "the incident to act on (default: the only open one)")
	_ = cmd.RegisterFlagCompletionFunc("incident", func(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		// Completion runs without the global flags applied.
		flag, _ := c.Flags().GetString("state")
		file, err := state.New(f.resolveStateFile(flag)).Load()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		for _, inc := range file.Open() {
			out = append(out, strconv.Itoa(inc.ID)+"\t"+inc.Playbook)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// incidentNumberArg reads the incident number a command may be given (or,
// with required, must be given) into target.
func incidentNumberArg(target *int, required bool) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) > 1:
			return usageError("usage: "+cmd.UseLine(), "%s takes one incident number", cmd.CommandPath())
		case len(args) == 0 && required:
			return usageError(`"acctguard incident list --all" shows the numbers`, "%s needs an incident number", cmd.CommandPath())
		case len(args) == 1:
			n, err := strconv.Atoi(args[0])
			if err != nil || n < 1 {
				return usageError("usage: "+cmd.UseLine(), "%q is not an incident number", args[0])
			}
			*target = n
		}
		return nil
	}
}
