// Command hello is the yardstick for acctguard's start-up time: the
// smallest Go program that prints a line.
package main

import "fmt"

func main() { fmt.Println("hello") }
