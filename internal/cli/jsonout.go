package cli

import (
	"encoding/json"
	"io"

	"github.com/acctguard/acctguard/internal/visible"
)

// printJSON writes v as JSON indented by two spaces, as every --json
// output is, with the control characters encoding/json leaves raw (C1,
// bidirectional) escaped too, so that the output is safe on a terminal
// and decodes to the same data.
func printJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(visible.JSON(b), '\n'))
	return err
}
