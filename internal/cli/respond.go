package cli

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/cardnum"
	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/money"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/prompt"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/internal/visible"
	"github.com/acctguard/acctguard/internal/wrap"
)

// respondPrompter is what respond asks with: menus, and a line of text
// for a reason or a note.
type respondPrompter interface {
	Select(message string, options []string, defaultIndex int) (int, error)
	Input(message, help string) (string, error)
	InputEdit(message, help, text string) (string, error)
}

type respondOptions struct {
	IO        *iostreams.IOStreams
	Store     stateStore
	Prompter  respondPrompter
	Catalogue *playbook.Catalogue
	Now       func() time.Time
	Lang      i18n.Lang
	// LangFromFlag is set when --lang chose Lang; otherwise an incident's
	// screens are in the language it was recorded in.
	LangFromFlag bool
	// PrompterIn, when set, gives a prompter whose own words are in
	// another language, for an incident recorded in it.
	PrompterIn func(i18n.Lang) respondPrompter
	Guard      interruptGuard

	PlaybookID string
	New        bool
	Incident   int
	Critical   bool
}

// NewCmdRespond returns "acctguard respond".
func NewCmdRespond(f *Factory, runF func(*respondOptions) error) *cobra.Command {
	opts := &respondOptions{}
	cmd := &cobra.Command{
		Use:   "respond [PLAYBOOK]",
		Short: "Walk through the response, one step at a time",
		Long: `Walk through the steps of a playbook, one at a time. Every answer is saved
at once: stop whenever you like (Ctrl-C is fine) and run it again to carry
on where you left off.`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completePlaybookIDs(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Store, opts.Prompter, opts.Catalogue, opts.Now, opts.Lang = f.IO, f.Store(), f.Prompter(), f.Catalogue(), f.Now, f.Lang
			opts.LangFromFlag = f.LangFromFlag
			opts.PrompterIn = func(l i18n.Lang) respondPrompter { return f.PrompterIn(l) }
			if len(args) == 1 {
				opts.PlaybookID = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runRespond(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.New, "new", false, "start a new incident even if one is open")
	cmd.Flags().BoolVar(&opts.Critical, "critical", false, "only the steps of the first hour")
	incidentFlag(cmd, f, &opts.Incident)
	return cmd
}

func runRespond(opts *respondOptions) error {
	if !opts.IO.CanPrompt() {
		return usage(i18n.Errorf("error.respond.terminal"), i18n.M("error.respond.terminal.hint"))
	}
	r := &responder{respondOptions: opts, cs: opts.IO.ColorScheme(), l: opts.Lang}
	if opts.Guard == nil {
		opts.Guard = guardSignals(int(os.Stdin.Fd()), r.printStopped)
	}
	defer opts.Guard.Stop()

	file, err := loadState(opts.Store)
	if err != nil {
		return err
	}
	if err := r.start(file); err != nil {
		return r.stopped(err)
	}
	return r.stopped(r.walk())
}

// responder holds one run of respond.
type responder struct {
	*respondOptions
	cs *iostreams.ColorScheme
	l  i18n.Lang

	p  *playbook.Playbook
	id int // the incident's id
	// inc is the incident as last saved.
	inc *state.Incident
	// putOff holds the steps put off in this run, not asked again until
	// the next one.
	putOff map[string]bool
	// from lists the playbooks of the incidents this walk came from (an
	// Amazon takeover, then its e-mail account): none is offered again.
	from []string
	// quit is set once the person has chosen to stop for now.
	quit bool
}

func (r *responder) printf(format string, args ...any) { fmt.Fprintf(r.IO.Out, format, args...) }

// say prints text as lines that fit the terminal, each in color when one
// is given: a line the terminal breaks itself is cut in mid-word.
func (r *responder) say(color func(string) string, text string) {
	for _, line := range wrap.Wrap(text, r.IO.WrapWidth()) {
		if color != nil {
			line = color(line)
		}
		fmt.Fprintln(r.IO.Out, line)
	}
}

// resumeHint says how to carry on. The command is never broken across
// lines: where the sentence and the command do not fit on one line, the
// command goes on the next, to be copied whole.
func (r *responder) resumeHint() string {
	cmd := r.resumeCommand()
	line := r.l.Tf("respond.resume-hint", cmd)
	if width := r.IO.WrapWidth(); width <= 0 || wrap.Width(line) <= width {
		return line
	}
	return strings.TrimSpace(r.l.Tf("respond.resume-hint", "")) + "\n  " + cmd
}

// stopped turns Ctrl-C at a prompt into the same ending as a signal.
func (r *responder) stopped(err error) error {
	if errors.Is(err, prompt.ErrCancelled) {
		r.printStopped()
		return &exitError{code: exitCancelled, err: err, quiet: true}
	}
	return err
}

func (r *responder) printStopped() {
	fmt.Fprintf(r.IO.ErrOut, "\n%s\n%s\n", r.l.T("respond.stopped"), r.resumeHint())
}

func (r *responder) resumeCommand() string {
	cmd := "acctguard respond"
	if r.inc != nil && r.LangFromFlag && string(r.l) != r.inc.Lang {
		// Without it, the next run would speak the incident's language.
		cmd = fmt.Sprintf("acctguard --lang %s respond", r.l)
	}
	if r.id != 0 {
		if file, err := loadState(r.Store); err == nil && len(file.Open()) > 1 {
			cmd += fmt.Sprintf(" --incident %d", r.id)
		}
	}
	return cmd
}

// start finds the incident to work on, or opens a new one.
func (r *responder) start(file *state.File) error {
	if r.Incident != 0 {
		inc, err := pickIncident(file, r.Incident)
		if err != nil {
			return err
		}
		if inc.ClosedAt != nil {
			return hinted(i18n.Errorf("error.incident.closed", inc.ID), i18n.M("error.incident.closed.hint"))
		}
		return r.resume(inc)
	}
	id := r.PlaybookID
	if id == "" && !r.New {
		inc, err := r.chooseOpenIncident(file)
		if err != nil || inc != nil {
			if err != nil {
				return err
			}
			return r.resume(inc)
		}
	}
	// beside are the playbooks the triage found to go with the first (the
	// card, when money was taken), opened with it and linked to it.
	var beside []string
	canSignIn := ""
	if id == "" {
		t, err := r.triage()
		if err != nil {
			return err
		}
		id, beside, canSignIn = t.playbooks[0], t.playbooks[1:], t.canSignIn
	}
	var newest *state.Incident
	for _, inc := range file.Open() {
		if inc.Playbook == id {
			newest = inc
		}
	}
	// related is the incident of the same playbook the person said this
	// one is not part of: the two are shown together.
	related := 0
	switch {
	case newest != nil && !r.New:
		return r.resume(newest)
	case newest != nil:
		// A second alert while the first incident is open is most often
		// the same attack: two unlinked incidents would split its record.
		now := r.Now()
		options := []string{r.l.Tf("respond.same-open-yes", newest.ID), r.l.T("respond.same-open-no")}
		i, err := r.Prompter.Select(r.l.Tf("respond.same-open", newest.ID, r.l.Time(newest.OpenedAt.Local(), now)), options, 0)
		if err != nil {
			return err
		}
		if i == 0 {
			p, err := incidentPlaybook(r.Catalogue, newest, r.IO.ErrOut, r.l)
			if err != nil {
				return err
			}
			r.use(p, newest)
			r.header()
			return r.again()
		}
		related = newest.ID
	default:
		inc, closed, err := r.recurrence(file, id)
		if err != nil || inc != nil {
			if err != nil {
				return err
			}
			return r.resume(inc)
		}
		related = closed
	}
	p, err := usablePlaybook(r.Catalogue, id, r.IO.ErrOut, r.l)
	if err != nil {
		return err
	}
	r.p = p
	var others []*playbook.Playbook
	for _, other := range beside {
		op, err := usablePlaybook(r.Catalogue, other, r.IO.ErrOut, r.l)
		if err != nil {
			return err
		}
		others = append(others, op)
	}
	answer, prefill := prefillAnswer(p, canSignIn)
	var created *state.Incident
	var alongside []int
	err = r.Guard.Saving(func() error {
		alongside = alongside[:0]
		saved, err := updateState(r.Store, func(f *state.File) error {
			now := r.Now()
			created = f.NewIncident(p.ID, p.Version, p.Digest, string(r.l), now)
			if _, ok := f.Incident(related); ok {
				created.Related = related
			}
			if prefill {
				// Asked already in the first questions: not asked twice.
				created.Events = append(created.Events, state.Event{Step: canSignInStep, Action: state.ActionAnswer, Answer: answer, At: now})
			}
			first := created.ID
			for _, op := range others {
				inc := f.NewIncident(op.ID, op.Version, op.Digest, string(r.l), now)
				inc.Related = first
				alongside = append(alongside, inc.ID)
			}
			created, _ = f.Incident(first)
			return nil
		})
		if err == nil {
			created, _ = saved.Incident(created.ID)
		}
		return err
	})
	if err != nil {
		return err
	}
	r.id, r.inc = created.ID, created
	r.header()
	r.say(nil, r.l.T("respond.new"))
	for i, id := range alongside {
		r.say(nil, r.l.Tf("respond.alongside", id, r.text(others[i].Title)))
	}
	if prefill {
		s, _ := p.Step(canSignInStep)
		for _, o := range s.Options {
			if o.Value == answer {
				r.say(r.cs.Green, r.l.Tf("respond.saved-answer", r.text(o.Label)))
			}
		}
	}
	r.intro()
	return nil
}

// intro orients a person on the first screen of a new incident: what this
// is, how much is urgent, that stopping loses nothing, and that no
// password is ever asked for.
func (r *responder) intro() {
	fewest, most, known := incident.Urgent(r.p, r.inc.OpenedAt, events(r.inc), r.Now())
	r.printf("\n")
	r.say(nil, r.l.Tf("respond.intro", r.text(r.p.Title)))
	if most > 0 {
		key, args := "respond.intro-urgent", []any{most}
		switch {
		case !known:
			key, args = key+"-some", nil
		case fewest < most:
			key, args = key+"-range", []any{fewest, most}
		case most == 1:
			key, args = key+"-1", nil
		}
		if !r.p.CriticalTime.IsZero() {
			key, args = key+"-in", append(args, humanDuration(r.l, r.p.CriticalTime))
		}
		r.say(nil, r.l.Tf(key, args...))
	}
	r.say(nil, r.l.T("respond.intro-stop"))
	r.say(nil, r.l.T("respond.intro-password"))
}

// recurrenceWindow is how recently an incident of the same playbook may
// have been closed for a new alert to be asked about as its return: in the
// founding story the second intrusion came a week after the first.
const recurrenceWindow = 30 * 24 * time.Hour

// recurrence asks, when an incident of the playbook was closed recently,
// whether this is the same attack coming back; if so it reopens that
// incident, keeping its history, and returns it. For a new incident it
// returns nil, and the id of the recent one the person said was something
// else (zero when none was asked about).
func (r *responder) recurrence(file *state.File, playbookID string) (*state.Incident, int, error) {
	if r.New {
		return nil, 0, nil
	}
	now := r.Now()
	var recent *state.Incident
	for i := range file.Incidents {
		inc := &file.Incidents[i]
		if inc.Playbook == playbookID && inc.ClosedAt != nil && now.Sub(*inc.ClosedAt) <= recurrenceWindow {
			if recent == nil || inc.ClosedAt.After(*recent.ClosedAt) {
				recent = inc
			}
		}
	}
	if recent == nil {
		return nil, 0, nil
	}
	options := []string{
		r.l.Tf("respond.same-attack", recent.ID, r.l.Time(recent.ClosedAt.Local(), now)),
		r.l.T("respond.new-attack"),
	}
	i, err := r.Prompter.Select(r.l.Tf("respond.recurrence", r.l.Time(recent.ClosedAt.Local(), now)), options, 0)
	if err != nil {
		return nil, 0, err
	}
	if i == 1 {
		return nil, recent.ID, nil
	}
	id := recent.ID
	p, err := incidentPlaybook(r.Catalogue, recent, r.IO.ErrOut, r.l)
	if err != nil {
		return nil, 0, err
	}
	// The intruder got in again, so locking them out and cleaning up must
	// be done again (see attackAgain); the follow-ups start again too.
	again, reopened, err := r.saveAttackAgain(id, p, now, "")
	if err != nil {
		return nil, 0, err
	}
	if len(again) == 0 {
		r.say(nil, r.l.Tf("reopen.done", id))
	} else {
		r.say(nil, r.l.Tf("respond.reopened", id, len(again)))
	}
	return reopened, 0, nil
}

// chooseOpenIncident returns the open incident to resume when no playbook
// was named: the only one, or the one the person picks. It returns nil
// when none is open.
func (r *responder) chooseOpenIncident(file *state.File) (*state.Incident, error) {
	open := file.Open()
	switch len(open) {
	case 0:
		return nil, nil
	case 1:
		return open[0], nil
	}
	labels := make([]string, len(open))
	for i, inc := range open {
		title := inc.Playbook
		if e, err := r.Catalogue.Get(inc.Playbook); err == nil && e.Playbook != nil {
			title = e.Playbook.Title.Get(inc.Lang)
		}
		labels[i] = r.l.Tf("incident.header", inc.ID, title, r.l.Time(inc.OpenedAt.Local(), r.Now()))
	}
	i, err := r.Prompter.Select(r.l.T("respond.choose-incident"), labels, len(labels)-1)
	if err != nil {
		return nil, err
	}
	return open[i], nil
}

// choosePlaybook returns the only playbook, or the one the person picks.
func (r *responder) choosePlaybook() (string, error) {
	entries, _ := r.Catalogue.List()
	var usable []playbook.Entry
	for _, e := range entries {
		if !e.Broken() {
			usable = append(usable, e)
		}
	}
	switch len(usable) {
	case 0:
		return "", hinted(i18n.Errorf("error.respond.no-playbook"), i18n.M("error.respond.no-playbook.hint"))
	case 1:
		return usable[0].ID, nil
	}
	labels := make([]string, len(usable))
	for i, e := range usable {
		labels[i] = e.Playbook.Title.Get(string(r.l))
	}
	i, err := r.Prompter.Select(r.l.T("respond.choose"), labels, 0)
	if err != nil {
		return "", err
	}
	return usable[i].ID, nil
}

// use makes inc, which follows p, the incident this run works on, and
// speaks its language from then on (see incidentLang).
func (r *responder) use(p *playbook.Playbook, inc *state.Incident) {
	r.p, r.id, r.inc = p, inc.ID, inc
	if l := incidentLang(r.Lang, r.LangFromFlag, inc.Lang); l != r.l {
		r.l = l
		if r.PrompterIn != nil {
			r.Prompter = r.PrompterIn(l)
		}
	}
}

func (r *responder) resume(inc *state.Incident) error {
	p, err := incidentPlaybook(r.Catalogue, inc, r.IO.ErrOut, r.l)
	if err != nil {
		return err
	}
	r.use(p, inc)
	r.header()
	r.say(nil, r.l.Tf("respond.resume", inc.ID))
	return r.askAnythingNew()
}

// newsAfter is how long without an answer before respond asks, on
// resuming, whether the attack has come back: a person back the next
// evening may have had a second email in between.
const newsAfter = 6 * time.Hour

// askAnythingNew asks, when nothing was recorded for a while, whether
// something new has happened; yes brings back the lock-out steps.
func (r *responder) askAnythingNew() error {
	now := r.Now()
	last := lastActivity(r.inc)
	if now.Sub(last) < newsAfter {
		return nil
	}
	options := []string{r.l.T("respond.nothing-new"), r.l.T("respond.something-new")}
	i, err := r.Prompter.Select(r.l.Tf("respond.anything-new", r.l.Time(last.Local(), now)), options, 0)
	if err != nil || i == 0 {
		return err
	}
	return r.again()
}

// again records that the attack came back, asking when and what, and
// says what is asked again.
func (r *responder) again() error {
	i, err := r.Prompter.Select(r.l.T("respond.again-when"), []string{r.l.T("respond.time-now"), r.l.T("respond.time-earlier")}, 0)
	if err != nil {
		return err
	}
	when := r.Now()
	if i == 1 {
		t, ok, err := r.askMoment()
		if err != nil || !ok {
			return err
		}
		when = t
	}
	what, err := r.inputNote(r.l.T("respond.again-what"), r.l.T("respond.again-help"))
	if err != nil {
		return err
	}
	again, inc, err := r.saveAttackAgain(r.id, r.p, when, what)
	if err != nil {
		return err
	}
	r.inc = inc
	r.say(r.cs.Green, r.l.Tf("respond.again-done", r.l.Time(when.Local(), r.Now()), len(again)))
	// The urgent steps skipped the first time are the ones the attack may
	// have come back through: say in one sentence why each matters now.
	for _, s := range again {
		if s.Step.Critical && (s.State == incident.Skipped || !s.SkippedAt.IsZero()) {
			r.say(r.cs.Yellow, r.l.Tf("respond.again-urgent", r.l.Inner(r.text(s.Step.Title)), firstSentence(r.text(s.Step.Why))))
		}
	}
	return nil
}

// saveAttackAgain records, under the signal guard, that the attack on
// incident id came back at when, and returns the steps asked again and the
// incident as saved.
func (r *responder) saveAttackAgain(id int, p *playbook.Playbook, when time.Time, what string) ([]incident.Status, *state.Incident, error) {
	var again []incident.Status
	var saved *state.Incident
	err := r.Guard.Saving(func() error {
		file, err := updateState(r.Store, func(f *state.File) error {
			var err error
			again, err = attackAgain(f, id, p, when, r.Now(), what)
			return err
		})
		if err == nil {
			saved, _ = file.Incident(id)
		}
		return err
	})
	return again, saved, err
}

// text returns a playbook text in the incident's language, with control
// characters made visible: a playbook may come from anyone.
// text is t in the language of the screens: the incident's, unless
// --lang chose another (see use).
func (r *responder) text(t playbook.Text) string {
	return visible.Text(strings.TrimSpace(t.Get(string(r.l))))
}

func (r *responder) header() {
	now := r.Now()
	v := derive(r.p, r.inc, now)
	finished, total := v.Progress()
	r.say(r.cs.Bold, r.l.Tf("incident.header", r.inc.ID, r.text(r.p.Title), r.l.Time(r.inc.OpenedAt.Local(), now)))
	r.say(r.cs.Dim, r.l.Tf("incident.progress", finished, total))
}

// walk asks about each due step until none is left. When an answer makes
// a step wait for a time, it says at once when that step opens, so a
// person is never left wondering where the step they expected went.
func (r *responder) walk() error {
	r.putOff = map[string]bool{}
	var before *incident.View
	for {
		v := derive(r.p, r.inc, r.Now())
		if before != nil {
			r.announceOpenings(before, &v)
		}
		before = &v
		var next *incident.Status
		for _, s := range v.Ask(r.Critical) {
			if !r.putOff[s.Step.ID] {
				next = s
				break
			}
		}
		if next == nil {
			var err error
			if next, err = r.offerEarly(v); err != nil {
				return err
			}
		}
		if next == nil {
			if len(r.from) > 0 {
				finished, total := v.Progress()
				r.printf("\n")
				r.say(nil, r.l.Tf("respond.nested-done", r.id, finished, total))
				return nil
			}
			r.summary(v)
			return nil
		}
		quit, err := r.ask(next)
		if err != nil || quit {
			if quit && !r.quit {
				r.quit = true
				r.printWaiting(derive(r.p, r.inc, r.Now()))
				r.printf("\n%s\n", r.resumeHint())
			}
			return err
		}
	}
}

// offerEarly asks, once nothing else is due, whether to try now a step
// whose wait the playbook calls advice (early: true). It returns the step
// to ask, or nil; each step is offered once a run.
func (r *responder) offerEarly(v incident.View) (*incident.Status, error) {
	var needed map[string]bool
	if r.Critical {
		needed = v.CriticalNeeds()
	}
	for i := range v.Steps {
		s := &v.Steps[i]
		if !s.Step.Early || !timeGated(s) || r.putOff[s.Step.ID] || (r.Critical && !needed[s.Step.ID]) {
			continue
		}
		r.putOff[s.Step.ID] = true
		options := []string{r.l.T("respond.early-wait"), r.l.T("respond.early-try")}
		question := r.l.Tf("respond.early", r.opensArgs(s)...)
		r.printf("\n")
		i, err := r.Prompter.Select(question, options, 0)
		if err != nil || i == 0 {
			return nil, err
		}
		return s, nil
	}
	return nil, nil
}

// timeGated reports whether a step waits only for a time to come, and is
// part of tonight's response rather than a follow-up days away.
func timeGated(s *incident.Status) bool {
	return s.State == incident.Waiting && len(s.WaitingFor) == 0 && s.Step.Phase != playbook.PhaseFollowUp
}

// announceOpenings says when each step that has just started waiting for
// a time opens.
func (r *responder) announceOpenings(before, after *incident.View) {
	for i := range after.Steps {
		s := &after.Steps[i]
		if timeGated(s) && !timeGated(&before.Steps[i]) {
			r.say(r.cs.Cyan, r.opens(s))
		}
	}
}

// printWaiting lists, on stopping, the steps that wait for a time.
func (r *responder) printWaiting(v incident.View) {
	for i := range v.Steps {
		if s := &v.Steps[i]; timeGated(s) {
			r.say(nil, r.opens(s))
		}
	}
}

func (r *responder) opens(s *incident.Status) string {
	return r.l.Tf("respond.opens", r.opensArgs(s)...)
}

// opensArgs are the step's title, when it opens and how long until then.
func (r *responder) opensArgs(s *incident.Status) []any {
	now := r.Now()
	return []any{r.l.Inner(r.text(s.Step.Title)), r.l.Time(s.AvailableAt.Local(), now), r.l.Until(s.AvailableAt, now)}
}

// ask shows one step and records what the person chooses. It returns
// quit when they stop for now.
func (r *responder) ask(st *incident.Status) (quit bool, err error) {
	step := st.Step
	lang := i18n.Lang(r.inc.Lang)
	w := &showWriter{w: r.IO.Out, cs: r.cs, l: r.l, p: r.p, width: r.IO.WrapWidth(), lang: lang}
	title := r.l.Tf("respond.step-title", st.Index+1, len(r.p.Steps), r.l.T("phase."+string(step.Phase)), r.text(step.Title))
	type tag struct {
		color func(string) string
		text  string
	}
	var tags []tag
	if step.Critical {
		tags = append(tags, tag{r.cs.Yellow, "★ " + r.l.T("show.critical")})
	}
	if step.Repeat != nil {
		tags = append(tags, tag{r.cs.Dim, r.l.Tf("respond.repeat", st.Completions+1, step.Repeat.Times)})
	}
	if st.State == incident.Overdue && isFollowUp(st) {
		// A follow-up done late still counts; saying when it was planned
		// for tells the person why it is asked now.
		tags = append(tags, tag{r.cs.Yellow, r.l.Tf("respond.late", r.l.Time(st.AvailableAt.Local(), r.Now()))})
	}
	// The title wraps at the terminal's width; each mark after it goes on
	// the title's last line while it fits there, else on a line of its own.
	width := r.IO.WrapWidth()
	lines := wrap.Wrap(title, width)
	shown := make([]string, len(lines))
	for i, line := range lines {
		shown[i] = r.cs.Bold(line)
	}
	last := wrap.Width(lines[len(lines)-1])
	for _, tg := range tags {
		w := wrap.Width(tg.text)
		if width > 0 && last+2+w > width {
			shown = append(shown, tg.color(tg.text))
			last = w
			continue
		}
		shown[len(shown)-1] += "  " + tg.color(tg.text)
		last += 2 + w
	}
	if r.inc.Cover == nil && (step.Phase == playbook.PhaseReport || step.Records(playbook.RecordContact) || len(step.Contacts) > 0) {
		// Before the first call or report: who the reports and letters
		// are from, asked once, all of it optional.
		if err := r.cover(); err != nil {
			return false, err
		}
	}
	r.printf("\n%s\n", strings.Join(shown, "\n"))
	if !st.SkippedAt.IsZero() {
		reason := visible.Line(st.Reason)
		if reason == "" {
			reason = r.l.T("status.no-reason")
		}
		r.say(r.cs.Yellow, r.l.Tf("respond.skipped-back", r.l.Time(st.SkippedAt.Local(), r.Now()), reason))
	}
	w.body(step, false)
	r.printf("\n")

	// The other plan the step opens, read once: nothing in this menu but
	// opening it changes whether it is open already.
	guide := r.guideOption(step)
	for {
		// The menu's entries and, beside them, what each one does; a
		// question's answers come first.
		var options []string
		var actions []menuItem
		message := r.l.T("respond.what-now")
		switch step.Kind {
		case playbook.KindQuestion:
			message = r.text(step.Question)
			for _, o := range step.Options {
				options, actions = append(options, r.text(o.Label)), append(actions, menuAnswer)
			}
			options, actions = append(options, r.l.T("respond.answer-later")), append(actions, menuLater)
		case playbook.KindTime:
			message = r.text(step.Question)
			options = append(options, r.l.T("respond.time-now"), r.l.T("respond.time-earlier"), r.l.T("respond.time-unknown"), r.l.T("respond.answer-later"))
			actions = append(actions, menuTimeNow, menuTimeEarlier, menuTimeUnknown, menuLater)
		default:
			options = append(options, r.l.T("respond.done"), r.l.T("respond.skip"), r.l.T("respond.later"))
			actions = append(actions, menuDone, menuSkip, menuLater)
		}
		if step.Records(playbook.RecordCharges) {
			options, actions = append(options, r.l.T("respond.charge")), append(actions, menuCharge)
			if len(outstanding(r.inc)) > 0 {
				options, actions = append(options, r.l.T("respond.refund")), append(actions, menuRefund)
			}
		}
		if guide != "" {
			options, actions = append(options, guide), append(actions, menuGuide)
		}
		options = append(options, r.l.T("respond.note"), r.l.T("respond.menu-again"), r.l.T("respond.quit"))
		actions = append(actions, menuNote, menuAgain, menuQuit)
		choice, err := r.Prompter.Select(message, options, 0)
		if err != nil {
			return false, err
		}
		switch actions[choice] {
		case menuAnswer:
			o := step.Options[choice]
			return false, r.save(state.Event{Step: step.ID, Action: state.ActionAnswer, Answer: o.Value}, r.l.Tf("respond.saved-answer", r.text(o.Label)))
		case menuTimeNow:
			return false, r.saveTime(step, r.Now())
		case menuTimeEarlier:
			t, ok, err := r.askMoment()
			if err != nil {
				return false, err
			}
			if ok {
				return false, r.saveTime(step, t)
			}
		case menuTimeUnknown:
			return false, r.save(state.Event{Step: step.ID, Action: state.ActionSkip, Reason: r.l.T("respond.time-no-reason")}, r.l.T("respond.saved-skip"))
		case menuDone:
			return false, r.save(state.Event{Step: step.ID, Action: state.ActionDone}, r.l.T("respond.saved-done"))
		case menuSkip:
			if step.Critical {
				// The story's main lesson: the 2-step verification left
				// "for later" was how the intruder came back.
				if why := firstSentence(r.text(step.Why)); why != "" {
					r.say(r.cs.Yellow, r.l.Tf("respond.skip-critical", why))
				}
			}
			reason, err := r.inputText(r.l.T("respond.reason"), "", "respond.reason-refused")
			if err != nil {
				return false, err
			}
			return false, r.save(state.Event{Step: step.ID, Action: state.ActionSkip, Reason: reason}, r.l.T("respond.saved-skip"))
		case menuLater:
			r.putOff[step.ID] = true
			return false, r.save(state.Event{Step: step.ID, Action: state.ActionLater}, r.l.T("respond.saved-later"))
		case menuNote:
			if err := r.note(step.ID); err != nil {
				return false, err
			}
		case menuCharge:
			if err := r.charge(); err != nil {
				return false, err
			}
		case menuRefund:
			if err := r.refund(); err != nil {
				return false, err
			}
		case menuGuide:
			return r.openGuide(step)
		case menuAgain:
			return false, r.again()
		case menuQuit:
			return true, nil
		}
	}
}

// firstSentence returns the first sentence of s, in English or Japanese.
func firstSentence(s string) string {
	s = strings.TrimSpace(s)
	for i, r := range s {
		switch {
		case r == '。':
			return s[:i+len("。")]
		case r == '.' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n'):
			return s[:i+1]
		}
	}
	return s
}

// menuItem is what an entry of a step's menu does.
type menuItem int

const (
	menuAnswer menuItem = iota
	menuDone
	menuSkip
	menuLater
	menuNote
	menuQuit
	menuTimeNow
	menuTimeEarlier
	menuTimeUnknown
	menuAgain
	menuCharge
	menuRefund
	menuGuide
)

// askMoment asks when something happened until the answer is a time that
// has come; ok is false when the person leaves it empty to go back.
func (r *responder) askMoment() (t time.Time, ok bool, err error) {
	t, _, ok, err = r.askTime(r.l.T("respond.time-prompt"), r.l.T("respond.time-help"), func(text string, now time.Time) (time.Time, bool, error) {
		t, err := incident.ParseMoment(text, now)
		return t, false, err
	})
	return t, ok, err
}

// askTime asks message until the answer is empty (ok is false) or parse
// reads it as a time that has come (day when only the date was given),
// saying each time what is wrong with the answer.
func (r *responder) askTime(message, help string, parse func(text string, now time.Time) (time.Time, bool, error)) (t time.Time, day, ok bool, err error) {
	for {
		text, err := r.Prompter.Input(message, help)
		if err != nil || strings.TrimSpace(text) == "" {
			return time.Time{}, false, false, err
		}
		t, day, err := parse(text, r.Now().Local())
		if err == nil {
			return t, day, true, nil
		}
		key := "respond.time-bad"
		if errors.Is(err, incident.ErrMomentFuture) {
			key = "respond.time-future"
		}
		r.say(r.cs.Red, r.l.Tf(key, visible.Line(strings.TrimSpace(text))))
	}
}

// saveTime records t as the answer to a time step.
func (r *responder) saveTime(step *playbook.Step, t time.Time) error {
	e := state.Event{Step: step.ID, Action: state.ActionAnswer, Answer: t.Format(time.RFC3339)}
	return r.save(e, r.l.Tf("respond.saved-time", r.l.Time(t.Local(), r.Now())))
}

// charge asks for a charge the person did not make, one short question at
// a time, and records it; an empty amount goes back to the menu. Only the
// amount is needed: what they do not know they leave empty.
func (r *responder) charge() error {
	var amount money.Amount
	for {
		text, err := r.Prompter.Input(r.l.T("respond.charge-amount"), r.l.T("respond.charge-amount-help"))
		if err != nil || strings.TrimSpace(text) == "" {
			return err
		}
		if amount, err = parseAmount(text, currencyOf(r.inc)); err == nil {
			break
		}
		r.say(r.cs.Red, r.l.Tf("respond.charge-amount-bad", visible.Line(strings.TrimSpace(text))))
	}
	c := state.Charge{Amount: amount.Minor, Currency: amount.Currency}
	var err error
	if c.At, c.DateOnly, _, err = r.askTime(r.l.T("respond.charge-when"), r.l.T("respond.charge-when-help"), incident.ParseDay); err != nil {
		return err
	}
	if c.Merchant, err = r.inputNote(r.l.T("respond.charge-where"), ""); err != nil {
		return err
	}
	if c.Order, err = r.inputNote(r.l.T("respond.charge-order"), ""); err != nil {
		return err
	}
	for {
		if c.Card, err = r.inputNote(r.l.T("respond.charge-card"), r.l.T("respond.charge-card-help")); err != nil {
			return err
		}
		if !moreDigits().MatchString(c.Card) {
			break
		}
		r.say(r.cs.Red, r.l.T("respond.charge-card-refused"))
	}
	c.RecordedAt = r.Now()
	err = r.Guard.Saving(func() error {
		saved, inc, err := addCharge(r.Store, r.id, c)
		if err == nil {
			c, r.inc = saved, inc
		}
		return err
	})
	if err != nil {
		return err
	}
	r.say(r.cs.Green, r.l.Tf("respond.saved-charge", c.ID, chargeLine(r.l, c, r.Now())))
	return nil
}

// cover asks, once for an incident, who the reports and letters are
// from: a name, how to reach them, the account's email address. Each may
// be left empty, and an empty answer is kept as asked, not asked again.
func (r *responder) cover() error {
	r.printf("\n")
	r.say(nil, r.l.T("respond.cover-intro"))
	c := state.Cover{}
	var err error
	if c.Name, err = r.inputNote(r.l.T("respond.cover-name"), ""); err != nil {
		return err
	}
	if c.Contact, err = r.inputNote(r.l.T("respond.cover-contact"), r.l.T("respond.cover-contact-help")); err != nil {
		return err
	}
	if c.AccountEmail, err = r.inputNote(r.l.T("respond.cover-email"), ""); err != nil {
		return err
	}
	c.AskedAt = r.Now()
	err = r.Guard.Saving(func() error {
		inc, err := updateIncident(r.Store, r.id, func(inc *state.Incident) error {
			if inc.Cover == nil { // set meanwhile by incident details: keep those
				inc.Cover = &c
			}
			return nil
		})
		if err == nil {
			r.inc = inc
		}
		return err
	})
	if err != nil {
		return err
	}
	if c.Name != "" || c.Contact != "" || c.AccountEmail != "" {
		r.say(r.cs.Green, r.l.T("respond.cover-saved"))
	}
	return nil
}

// outstanding returns the charges of inc not yet refunded in full.
func outstanding(inc *state.Incident) []state.Charge {
	var out []state.Charge
	for _, c := range inc.ActiveCharges() {
		if c.Amount-c.Refunded() > 0 {
			out = append(out, c)
		}
	}
	return out
}

// refund asks which charge was refunded, how much (all that is left
// unless the person says less), whether to the card or as store credit,
// and when, and records it; "back" or an empty answer to the first
// question records nothing.
func (r *responder) refund() error {
	open := outstanding(r.inc)
	now := r.Now()
	leftOf := func(c state.Charge) string {
		return money.Amount{Minor: c.Amount - c.Refunded(), Currency: c.Currency}.Format(string(r.l))
	}
	labels := make([]string, 0, len(open)+1)
	for _, c := range open {
		labels = append(labels, r.l.Tf("respond.refund-item", c.ID, chargeLine(r.l, c, now), leftOf(c)))
	}
	labels = append(labels, r.l.T("respond.back"))
	i, err := r.Prompter.Select(r.l.T("respond.refund-which"), labels, 0)
	if err != nil || i == len(open) {
		return err
	}
	c := open[i]
	var amount string
	for {
		text, err := r.Prompter.Input(r.l.Tf("respond.refund-amount", leftOf(c)), r.l.T("respond.refund-amount-help"))
		if err != nil {
			return err
		}
		amount = strings.TrimSpace(text)
		probe := c
		probe.Refunds = slices.Clone(c.Refunds) // a trial: nothing is kept
		if _, err := refundCharge(&state.Incident{Lang: r.inc.Lang, Charges: []state.Charge{probe}}, c.ID, amount, state.Refund{}); err != nil {
			r.say(r.cs.Red, visible.Text(i18n.Message(err, r.l)))
			continue
		}
		break
	}
	kind, err := r.Prompter.Select(r.l.T("respond.refund-kind"), []string{r.l.T("respond.refund-card"), r.l.T("respond.refund-credit")}, 0)
	if err != nil {
		return err
	}
	refund := state.Refund{At: now, Credit: kind == 1, RecordedAt: now}
	at, day, ok, err := r.askTime(r.l.T("respond.refund-when"), r.l.T("respond.charge-when-help"), incident.ParseDay)
	if err != nil {
		return err
	}
	if ok {
		refund.At, refund.DateOnly = at, day
	}
	var saved state.Charge
	err = r.Guard.Saving(func() error {
		inc, err := updateIncident(r.Store, r.id, func(inc *state.Incident) error {
			var err error
			saved, err = refundCharge(inc, c.ID, amount, refund)
			return err
		})
		if err == nil {
			r.inc = inc
		}
		return err
	})
	if err != nil {
		return err
	}
	last := saved.Refunds[len(saved.Refunds)-1]
	r.say(r.cs.Green, r.l.Tf("respond.saved-refund", saved.ID, money.Amount{Minor: last.Amount, Currency: saved.Currency}.Format(string(r.l)), leftOf(saved)))
	return nil
}

// note asks for a note until it holds no card number, then saves it. An
// empty note saves nothing.
func (r *responder) note(stepID string) error {
	text, err := r.inputNote(r.l.T("respond.note-prompt"), r.l.T("respond.note-help"))
	if err != nil || text == "" {
		return err
	}
	return r.save(state.Event{Step: stepID, Action: state.ActionNote, Note: text}, r.l.T("respond.saved-note"))
}

// inputNote asks for a note to keep; see inputText.
func (r *responder) inputNote(message, help string) (string, error) {
	return r.inputText(message, help, "respond.card-refused")
}

// inputText asks for a line of text to keep until it holds no full card
// number, and returns it trimmed; empty means the person wrote nothing.
// A refused line is said so with the message refused and offered again
// as typed, for the person to correct rather than type again.
func (r *responder) inputText(message, help, refused string) (string, error) {
	text, err := r.Prompter.Input(message, help)
	for {
		if err != nil {
			return "", err
		}
		text = strings.TrimSpace(text)
		found, ok := cardnum.Find(text)
		if !ok {
			return text, nil
		}
		r.say(r.cs.Red, r.l.Tf(refused, lastDigits(found, 4)))
		text, err = r.Prompter.InputEdit(message, help, text)
	}
}

// save appends one event under the lock and says so. The prompt after it
// is only shown once the answer is on disk.
func (r *responder) save(e state.Event, saved string) error {
	e.At = r.Now()
	err := r.Guard.Saving(func() error {
		inc, err := appendEvent(r.Store, r.id, e)
		if err == nil {
			r.inc = inc
		}
		return err
	})
	if err != nil {
		return err
	}
	r.say(r.cs.Green, saved)
	return nil
}

// summary says where things stand once nothing is left to ask.
func (r *responder) summary(v incident.View) {
	now := r.Now()
	finished, total := v.Progress()
	r.printf("\n%s\n", r.cs.Bold(r.l.T(map[bool]string{false: "respond.all-clear", true: "respond.critical-clear"}[r.Critical])))
	r.say(nil, r.l.Tf("respond.summary", finished, total))

	type dated struct {
		at   time.Time
		line string
	}
	var waiting, putOff []string
	var coming []dated
	var next time.Time
	for i := range v.Steps {
		s := &v.Steps[i]
		switch {
		case s.State == incident.Waiting && len(s.WaitingFor) == 0:
			at := r.l.Tf("respond.available", r.l.Clock(s.AvailableAt.Local(), now), r.l.Until(s.AvailableAt, now))
			line := r.l.Tf("respond.item", r.text(s.Step.Title), at)
			if s.Step.Phase == playbook.PhaseFollowUp {
				coming = append(coming, dated{s.AvailableAt, r.l.Tf("respond.item", r.text(s.Step.Title), r.l.Time(s.AvailableAt.Local(), now))})
			} else {
				waiting = append(waiting, line)
			}
			if next.IsZero() || s.AvailableAt.Before(next) {
				next = s.AvailableAt
			}
		case s.State == incident.Later:
			putOff = append(putOff, "  "+r.text(s.Step.Title))
		case s.State == incident.Skipped && s.Step.Critical:
			// It comes back: say when, or the person would think it gone.
			back := s.SkippedAt.Add(incident.SkippedCriticalBack)
			coming = append(coming, dated{back, r.l.Tf("respond.item", r.l.Tf("respond.skipped-returns", r.text(s.Step.Title)), r.l.Time(back.Local(), now))})
			if next.IsZero() || back.Before(next) {
				next = back
			}
		}
	}
	slices.SortStableFunc(coming, func(a, b dated) int { return a.at.Compare(b.at) })
	var comingLines []string
	for _, c := range coming {
		comingLines = append(comingLines, c.line)
	}
	for _, group := range []struct {
		key   string
		lines []string
	}{{"respond.waiting", waiting}, {"respond.follow-ups", comingLines}, {"respond.put-off", putOff}} {
		if len(group.lines) > 0 {
			r.printf("\n%s\n%s\n", r.cs.Bold(r.l.T(group.key)), strings.Join(group.lines, "\n"))
		}
	}
	r.printf("\n")
	switch {
	case r.Critical:
		r.say(nil, r.l.Tf("respond.next-rest", "acctguard respond", "acctguard status"))
	case len(putOff) > 0:
		r.say(nil, r.l.Tf("respond.next", "acctguard status"))
	case !next.IsZero():
		r.say(nil, r.l.Tf("respond.next-at", "acctguard respond", r.l.Time(next.Local(), now), "acctguard status"))
	default:
		r.say(nil, r.l.Tf("respond.next", "acctguard status"))
	}
}
