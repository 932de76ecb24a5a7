// Command acctguard guides a person through the days after an online
// account is taken over.
package main

import (
	"os"

	"github.com/acctguard/acctguard/internal/cli"
)

func main() {
	os.Exit(cli.Main())
}
