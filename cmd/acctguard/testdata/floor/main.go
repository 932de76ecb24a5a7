// floor is hello-world linked with everything acctguard is: it starts
// every package acctguard starts, then does nothing else. The benchmark
// times it to show what starting costs before any acctguard code runs.
package main

import (
	"fmt"

	_ "github.com/acctguard/acctguard/internal/cli"
)

func main() {
	fmt.Println("hello, world")
}
