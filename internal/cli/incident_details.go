package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/internal/visible"
)

type incidentDetailsOptions struct {
	IO           *iostreams.IOStreams
	Store        stateStore
	Now          func() time.Time
	Lang         i18n.Lang
	LangFromFlag bool

	ID      int
	Name    string
	Contact string
	Email   string
	set     map[string]bool
}

// NewCmdIncidentDetails returns "acctguard incident details [N]": who the
// reports and letters are from.
func NewCmdIncidentDetails(f *Factory) *cobra.Command {
	opts := &incidentDetailsOptions{}
	cmd := &cobra.Command{
		Use:   "details [N] [--name TEXT] [--contact TEXT]",
		Short: "Give your name, a contact and the account's e-mail for the reports",
		Long: `Give the name, a phone number or e-mail to reach you, and the e-mail
address of the account taken over, for the first lines of the report and
the letters. Each is optional; an empty value removes it. Nothing is sent
anywhere. Without flags, shows what is kept.`,
		Args:              incidentNumberArg(&opts.ID, false),
		ValidArgsFunction: completeIncidentNumbers(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Store, opts.Now = f.IO, f.Store(), f.Now
			opts.Lang, opts.LangFromFlag = f.Lang, f.LangFromFlag
			opts.set = map[string]bool{}
			for _, name := range []string{"name", "contact", "account-email"} {
				opts.set[name] = cmd.Flags().Changed(name)
			}
			return runIncidentDetails(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Name, "name", "", "your name")
	cmd.Flags().StringVar(&opts.Contact, "contact", "", "a phone number or e-mail to reach you")
	cmd.Flags().StringVar(&opts.Email, "account-email", "", "the e-mail address of the account taken over")
	return cmd
}

func runIncidentDetails(opts *incidentDetailsOptions) error {
	for _, s := range []string{opts.Name, opts.Contact, opts.Email} {
		if err := checkText("detail", s); err != nil {
			return err
		}
	}
	file, err := loadState(opts.Store)
	if err != nil {
		return err
	}
	inc, err := pickIncident(file, opts.ID)
	if err != nil {
		return err
	}
	id := inc.ID
	if opts.set["name"] || opts.set["contact"] || opts.set["account-email"] {
		inc, err = updateIncident(opts.Store, id, func(inc *state.Incident) error {
			if inc.Cover == nil {
				inc.Cover = &state.Cover{}
			}
			inc.Cover.AskedAt = opts.Now()
			if opts.set["name"] {
				inc.Cover.Name = strings.TrimSpace(opts.Name)
			}
			if opts.set["contact"] {
				inc.Cover.Contact = strings.TrimSpace(opts.Contact)
			}
			if opts.set["account-email"] {
				inc.Cover.AccountEmail = strings.TrimSpace(opts.Email)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	l := incidentLang(opts.Lang, opts.LangFromFlag, inc.Lang)
	c := state.Cover{}
	if inc.Cover != nil {
		c = *inc.Cover
	}
	value := func(s string) string {
		if s == "" {
			return l.T("details.none")
		}
		return visible.Line(s)
	}
	rows := [][]string{
		{l.T("details.name"), value(c.Name)},
		{l.T("details.contact"), value(c.Contact)},
		{l.T("details.email"), value(c.AccountEmail)},
	}
	fmt.Fprintln(opts.IO.Out, l.Tf("details.of", id))
	for _, r := range rows {
		fmt.Fprintf(opts.IO.Out, "  %s%s%s\n", r[0], l.T("details.colon"), r[1])
	}
	return nil
}
