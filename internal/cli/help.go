package cli

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/wrap"
)

// localizeHelp writes every command's help in l: its short and long
// descriptions, its examples, its flags', the usage template's headings,
// and those of the help and completion commands cobra adds. English is
// the commands' own text; other languages come from the i18n package.
func localizeHelp(root *cobra.Command, l i18n.Lang) {
	if l != i18n.Japanese {
		return // cobra's own words, added as it runs
	}
	// What cobra would add only as it runs, added now to be written in l.
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	walkCommands(root, func(c *cobra.Command) { c.InitDefaultHelpFlag() })
	cobra.AddTemplateFunc("localDefaults", func(s string) string {
		def, _ := i18n.HelpJa("usage.default")
		return flagDefault.ReplaceAllStringFunc(s, func(m string) string {
			return fmt.Sprintf(def, strings.Trim(flagDefault.FindStringSubmatch(m)[1], `"`))
		})
	})
	root.SetUsageTemplate(usageTemplate(l))
	walkCommands(root, func(c *cobra.Command) {
		path := helpPath(c)
		if s, ok := i18n.HelpJa(path + ".short"); ok {
			c.Short = s
		}
		if s, ok := i18n.HelpJa(path + ".long"); ok {
			c.Long = s
		}
		if s, ok := i18n.HelpJa(path + ".example"); ok {
			c.Example = s
		}
		c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
			if s, ok := flagHelpJa(path, fl.Name); ok {
				fl.Usage = s
			}
		})
	})
}

// flagDefault is pflag's " (default VALUE)" after a flag's usage.
var flagDefault = regexp.MustCompile(`(?m) \(default ([^()\n]*)\)$`)

// helpPath is the key of a command's help: its path without "acctguard",
// joined with dots, or "root".
func helpPath(c *cobra.Command) string {
	p := strings.TrimSpace(strings.TrimPrefix(c.CommandPath(), c.Root().Name()))
	if p == "" {
		return "root"
	}
	return strings.ReplaceAll(p, " ", ".")
}

// flagHelpJa is the Japanese usage of flag name of the command at path:
// the command's own, else the one every command with that flag shares.
func flagHelpJa(path, name string) (string, bool) {
	if s, ok := i18n.HelpJa(path + ".flag." + name); ok {
		return s, true
	}
	return i18n.HelpJa("flag." + name)
}

func walkCommands(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, s := range c.Commands() {
		walkCommands(s, fn)
	}
}

// usageTemplate is cobra's usage template with its headings in l.
func usageTemplate(l i18n.Lang) string {
	h := func(key string) string { s, _ := i18n.HelpJa("usage." + key); return s }
	return h("usage") + `{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

` + h("aliases") + `
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

` + h("examples") + `
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

` + h("commands") + `{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + h("flags") + `
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces | localDefaults}}{{end}}{{if .HasAvailableInheritedFlags}}

` + h("global-flags") + `
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces | localDefaults}}{{end}}{{if .HasHelpSubCommands}}

` + h("topics") + `{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

` + fmt.Sprintf(h("more"), "{{.CommandPath}}") + `{{end}}
`
}

// langFromArgs is the language --lang gives in args, else fallback. A
// value that is not a language is left for the global flags to refuse.
func langFromArgs(args []string, fallback i18n.Lang) i18n.Lang {
	for i, a := range args {
		var v string
		switch {
		case a == "--":
			return fallback
		case a == "--lang" && i+1 < len(args):
			v = args[i+1]
		case strings.HasPrefix(a, "--lang="):
			v = strings.TrimPrefix(a, "--lang=")
		default:
			continue
		}
		if l, err := i18n.Parse(v); err == nil {
			return l
		}
		return fallback
	}
	return fallback
}

// NewCmdRootIn returns the command tree with its help in l, for tools
// that write the help elsewhere (the manual pages).
func NewCmdRootIn(l i18n.Lang) *cobra.Command {
	f := NewFactory()
	f.Lang = l
	return NewCmdRoot(f)
}

// wrapHelp fits help to the terminal it is shown in: a line wider than
// the terminal wraps by words, its later lines under the description
// (of a flag or a command) where the line has one. Help that goes to a
// file or a pipe is left as cobra writes it.
func wrapHelp(root *cobra.Command, ios *iostreams.IOStreams) {
	help := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		width := ios.WrapWidth() // asked only when help is shown
		if width <= 0 {
			help(c, args)
			return
		}
		var b bytes.Buffer
		long := c.Long
		c.Long = reflow(long)
		c.SetOut(&b)
		help(c, args)
		c.SetOut(ios.Out)
		c.Long = long
		for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
			fmt.Fprintln(ios.Out, strings.Join(hang(line, width), "\n"))
		}
	})
}

// descriptionAt finds where the description of a flag or command line
// starts: after the first run of two or more spaces that follows text.
var descriptionAt = regexp.MustCompile(`^ *\S.*?\S {2,}`)

// hang wraps line at width, the lines after the first indented to where
// its description starts, or to its own indentation.
func hang(line string, width int) []string {
	if wrap.Width(line) <= width || strings.HasPrefix(line, "\t") {
		return []string{line} // a tab-indented line is a command to copy
	}
	col := len(line) - len(strings.TrimLeft(line, " "))
	if m := descriptionAt.FindString(line); m != "" && len(m) <= width/2 {
		col = len(m)
	}
	parts := wrap.Wrap(line[col:], width-col)
	out := make([]string, len(parts))
	for i, p := range parts {
		if i == 0 {
			out[i] = line[:col] + p
		} else {
			out[i] = strings.Repeat(" ", col) + p
		}
	}
	return out
}

// reflow joins the lines of each paragraph of a description, written
// broken for 80 columns, so that it can be wrapped at the terminal's
// width: with a space between words, with none between Japanese
// characters. A paragraph with an indented line (a command to copy) is
// left as it is.
func reflow(text string) string {
	paras := strings.Split(text, "\n\n")
	for i, p := range paras {
		lines := strings.Split(p, "\n")
		if slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") }) {
			continue
		}
		joined := lines[0]
		for _, l := range lines[1:] {
			last, _ := utf8.DecodeLastRuneInString(joined)
			first, _ := utf8.DecodeRuneInString(l)
			if wrap.RuneWidth(last) == 2 && wrap.RuneWidth(first) == 2 {
				joined += l
			} else {
				joined += " " + l
			}
		}
		paras[i] = joined
	}
	return strings.Join(paras, "\n\n")
}
