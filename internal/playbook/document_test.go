package playbook

import (
	"os"
	"strings"
	"testing"
)

func TestDocumentRoundTripKeepsTheFile(t *testing.T) {
	src, err := os.ReadFile("../../playbooks/amazon-takeover.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := OpenDocument("amazon-takeover.yaml", "amazon-takeover", src)
	if err != nil {
		t.Fatal(err)
	}
	out, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != string(src) {
		a, b := strings.Split(string(src), "\n"), strings.Split(string(out), "\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("line %d differs:\n%q\n%q", i+1, a[i], b[i])
			}
		}
		t.Fatalf("lengths differ: %d vs %d lines", len(a), len(b))
	}
}
