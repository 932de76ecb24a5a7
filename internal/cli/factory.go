package cli

import (
	"os"
	"path/filepath"
	"time"

	"github.com/adrg/xdg"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/prompt"
	"github.com/acctguard/acctguard/playbooks"
)

// Factory holds what commands depend on. Global flags fill in Lang,
// StatePath and colour before a command runs.
type Factory struct {
	IO     *iostreams.IOStreams
	Getenv func(string) string
	Now    func() time.Time

	// Catalogue returns the playbooks, built-in and the user's own.
	Catalogue func() *playbook.Catalogue

	// Lang is the language of acctguard's own screens.
	Lang i18n.Lang
	// LangFromFlag is set when --lang chose Lang; reports then use it
	// instead of the incident's language.
	LangFromFlag bool
	// StateFile is where incidents are kept.
	StateFile string
}

// NewFactory returns the dependencies of a real run.
func NewFactory() *Factory {
	f := &Factory{
		IO:     iostreams.System(os.Getenv),
		Getenv: os.Getenv,
	}
	f.Now = func() time.Time { return clock(f.Getenv) }
	f.Catalogue = func() *playbook.Catalogue {
		return &playbook.Catalogue{
			Builtin: playbooks.FS,
			UserDir: filepath.Join(xdg.ConfigHome, "acctguard", "playbooks"),
		}
	}
	return f
}

// Prompter returns the real prompter, in the language of the screens. It
// touches the terminal only when it asks something.
func (f *Factory) Prompter() prompt.Prompter { return f.PrompterIn(f.Lang) }

// PrompterIn returns the real prompter with its own words in l.
func (f *Factory) PrompterIn(l i18n.Lang) prompt.Prompter {
	return prompt.NewSurvey(os.Stdin, os.Stdout, os.Stderr, f.IO.ColorEnabled(), prompt.Texts{
		SelectHint:    l.T("prompt.select-hint"),
		MoreHelp:      l.T("prompt.more-help"),
		MultilineHint: l.T("prompt.multiline-hint"),
		Filtering:     l.T("prompt.filtering"),
		NoMatch:       l.T("prompt.no-match"),
		Yes:           l.T("prompt.yes"),
		No:            l.T("prompt.no"),
		YesNo:         l.T("prompt.yes-no"),
		NoYes:         l.T("prompt.no-yes"),
	})
}

// incidentLang is the language of the screens about an incident recorded
// in recorded: the one --lang chose, else the incident's own, so that its
// steps and acctguard's words around them never mix; else lang.
func incidentLang(lang i18n.Lang, fromFlag bool, recorded string) i18n.Lang {
	if fromFlag {
		return lang
	}
	if l, err := i18n.Parse(recorded); err == nil && recorded != "" {
		return l
	}
	return lang
}

// clock returns ACCTGUARD_NOW when it is set to an RFC 3339 time, else the
// current time.
func clock(getenv func(string) string) time.Time {
	if v := getenv("ACCTGUARD_NOW"); v != "" {
		if t, err := time.Parse(time.RFC3339, v); err == nil {
			return t
		}
	}
	return time.Now()
}

// resolveStateFile returns the state file: --state, else ACCTGUARD_STATE,
// else the per-user state directory.
func (f *Factory) resolveStateFile(flag string) string {
	switch {
	case flag != "":
		return flag
	case f.Getenv("ACCTGUARD_STATE") != "":
		return f.Getenv("ACCTGUARD_STATE")
	}
	return filepath.Join(xdg.StateHome, "acctguard", "state.json")
}

// langOrEnv is Lang, or the environment's choice where global flags were
// not applied (shell completion runs without them).
func (f *Factory) langOrEnv() i18n.Lang {
	if f.Lang != "" {
		return f.Lang
	}
	if l, err := i18n.FromEnv(f.Getenv); err == nil {
		return l
	}
	return i18n.English
}
