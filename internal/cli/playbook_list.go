package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/visible"
	"github.com/acctguard/acctguard/internal/wrap"
)

type playbookListOptions struct {
	IO        *iostreams.IOStreams
	Catalogue *playbook.Catalogue
	Lang      i18n.Lang

	JSON bool
}

// NewCmdPlaybookList returns "acctguard playbook list".
func NewCmdPlaybookList(f *Factory, runF func(*playbookListOptions) error) *cobra.Command {
	opts := &playbookListOptions{}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the built-in playbooks and your own",
		Args:  exactArgs(0, "args.none"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO, opts.Catalogue, opts.Lang = f.IO, f.Catalogue(), f.Lang
			if runF != nil {
				return runF(opts)
			}
			return runPlaybookList(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON (the shape is documented in the README)")
	return cmd
}

// playbookJSON is one playbook in "playbook list --json". The shape is
// documented in the README; add fields, never change them.
type playbookJSON struct {
	ID               string   `json:"id"`
	Title            string   `json:"title"`
	Origin           string   `json:"origin"`
	OverridesBuiltin bool     `json:"overrides_builtin"`
	Path             *string  `json:"path"`
	Version          string   `json:"version"`
	Languages        []string `json:"languages"`
	Steps            int      `json:"steps"`
	// For is what the playbook is for (see playbook.Purposes), or null.
	For    *string `json:"for"`
	Broken bool    `json:"broken"`
	Error  *string `json:"error"`
}

func runPlaybookList(opts *playbookListOptions) error {
	entries, dirErr := opts.Catalogue.List()
	if dirErr != nil {
		fmt.Fprintf(opts.IO.ErrOut, "acctguard: warning: %s\n", visible.Text(dirErr.Error()))
	}
	if opts.JSON {
		return printPlaybookJSON(opts, entries)
	}
	if len(entries) == 0 {
		fmt.Fprintln(opts.IO.ErrOut, opts.Lang.T("list.none"))
		return nil
	}
	if !opts.IO.IsStdoutTTY() {
		for _, e := range entries {
			title, steps, status := "", "", "ok"
			if e.Playbook != nil {
				title, steps = e.Playbook.Title.Get(string(opts.Lang)), strconv.Itoa(len(e.Playbook.Steps))
			} else {
				status = "broken: " + e.FirstError()
			}
			origin := string(e.Origin)
			if e.Overrides {
				origin = "user-override"
			}
			fmt.Fprintf(opts.IO.Out, "%s\t%s\t%s\t%s\t%s\n", visible.Field(e.ID), visible.Field(strings.TrimSpace(title)), origin, steps, visible.Field(status))
		}
		return nil
	}
	cs := opts.IO.ColorScheme()
	l := opts.Lang
	// One table, its columns lined up across the groups, each group under
	// a heading that says what its playbooks are for.
	header := []string{l.T("list.id"), l.T("list.title"), l.T("list.origin"), l.T("list.steps")}
	groups := map[string][][]string{}
	all := [][]string{header}
	var problems []string
	for _, e := range entries {
		origin := l.T("list.built-in")
		switch {
		case e.Overrides:
			origin = l.T("list.override")
		case e.Origin == playbook.User:
			origin = l.T("list.user")
		}
		var row []string
		group := "other"
		if e.Playbook == nil {
			row = []string{visible.Line(e.ID), cs.Red(l.T("list.broken")), origin, "-"}
			problems = append(problems, visible.Line(e.FirstError()))
		} else {
			row = []string{visible.Line(e.ID), visible.Line(strings.TrimSpace(e.Playbook.Title.Get(string(l)))), origin, strconv.Itoa(len(e.Playbook.Steps))}
			if e.Playbook.For != "" {
				group = e.Playbook.For
			}
		}
		groups[group] = append(groups[group], row)
		all = append(all, row)
	}
	widths := columnWidths(all)
	line := func(r []string, style func(string) string) {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(style(c))
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-wrap.Width(stripANSI(c))+2))
			}
		}
		fmt.Fprintln(opts.IO.Out, strings.TrimRight(b.String(), " "))
	}
	// On a terminal too narrow for the table, each playbook is its id on
	// one line and the rest, wrapped, under it: a row the terminal breaks
	// itself is cut in mid-word.
	width := opts.IO.WrapWidth()
	narrow := width > 0 && tableWidth(all) > width
	entry := func(r []string) {
		if !narrow {
			line(r, func(s string) string { return s })
			return
		}
		fmt.Fprintln(opts.IO.Out, r[0])
		rest := r[1] + l.T("sep") + r[2]
		switch n, err := strconv.Atoi(r[3]); {
		case err == nil && n == 1:
			rest += l.T("sep") + l.T("show.steps-1")
		case err == nil:
			rest += l.T("sep") + l.Tf("show.steps", n)
		}
		for _, w := range wrap.Wrap(rest, width-2) {
			fmt.Fprintln(opts.IO.Out, "  "+w)
		}
	}
	if !narrow {
		line(header, cs.Bold)
	}
	first := narrow // nothing above the first heading to keep apart from
	for _, purpose := range playbook.Purposes {
		if len(groups[purpose]) == 0 {
			continue
		}
		if len(groups) > 1 { // a heading over everything says nothing
			if !first {
				fmt.Fprintln(opts.IO.Out)
			}
			fmt.Fprintln(opts.IO.Out, cs.Bold(l.T("list.for."+purpose)))
			first = false
		}
		for _, r := range groups[purpose] {
			entry(r)
		}
	}
	if len(problems) > 0 {
		fmt.Fprintln(opts.IO.Out)
		for _, p := range problems {
			fmt.Fprintln(opts.IO.Out, cs.Red(p))
		}
	}
	return nil
}

func printPlaybookJSON(opts *playbookListOptions, entries []playbook.Entry) error {
	out := struct {
		Playbooks []playbookJSON `json:"playbooks"`
	}{Playbooks: []playbookJSON{}}
	for _, e := range entries {
		j := playbookJSON{ID: e.ID, Origin: string(e.Origin), OverridesBuiltin: e.Overrides, Languages: []string{}}
		if e.Path != "" {
			j.Path = &e.Path
		}
		if p := e.Playbook; p != nil {
			j.Title, j.Version, j.Steps = p.Title.Get(string(opts.Lang)), p.Version, len(p.Steps)
			j.Languages = append(j.Languages, p.Languages...)
			if p.For != "" {
				j.For = &p.For
			}
		} else {
			msg := e.FirstError()
			j.Broken, j.Error = true, &msg
		}
		out.Playbooks = append(out.Playbooks, j)
	}
	return printJSON(opts.IO.Out, out)
}
