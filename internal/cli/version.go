package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/iostreams"
)

type versionOptions struct {
	IO        *iostreams.IOStreams
	BuildInfo func() (*debug.BuildInfo, bool)
}

// NewCmdVersion returns "acctguard version".
func NewCmdVersion(f *Factory, runF func(*versionOptions) error) *cobra.Command {
	opts := &versionOptions{IO: f.IO, BuildInfo: debug.ReadBuildInfo}
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of acctguard",
		Args:  exactArgs(0, "args.none"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runVersion(opts)
		},
	}
}

func runVersion(opts *versionOptions) error {
	version, details := "(unknown)", ""
	if info, ok := opts.BuildInfo(); ok {
		version = info.Main.Version
		var rev, when, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					modified = ", modified"
				}
			}
		}
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if rev != "" {
			details = fmt.Sprintf(" (commit %s, %s%s)", rev, when, modified)
		}
	}
	fmt.Fprintf(opts.IO.Out, "acctguard %s%s\n", version, details)
	fmt.Fprintf(opts.IO.Out, "built with %s for %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
