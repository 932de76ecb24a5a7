package playbook

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/acctguard/acctguard/internal/i18n"
)

// Every problem and hint the decoder writes has its Japanese, quoted the
// Japanese way, and nothing in the table is left over.
func TestEveryProblemHasJapanese(t *testing.T) {
	used := map[string]bool{}
	fs := token.NewFileSet()
	for _, file := range []string{"decode.go", "validate.go"} {
		f, err := parser.ParseFile(fs, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			arg := map[string]int{"errf": 1, "errAt": 1, "hintf": 0}
			i, ok := arg[sel.Sel.Name]
			if !ok || len(call.Args) <= i {
				return true
			}
			lit, ok := call.Args[i].(*ast.BasicLit)
			if !ok {
				if id, ok := call.Args[i].(*ast.Ident); !ok || id.Name != "idHint" && id.Name != "format" {
					t.Errorf("%s: the format is not a literal, so its Japanese cannot be checked", fs.Position(call.Pos()))
				}
				return true
			}
			format, _ := strconv.Unquote(lit.Value)
			used[format] = true
			if _, ok := japanese[format]; !ok {
				t.Errorf("%s: no Japanese for %q", fs.Position(lit.Pos()), format)
			}
			return true
		})
	}
	if len(used) < 80 {
		t.Fatalf("found only %d formats; is the scan still looking at the calls?", len(used))
	}
	for en, ja := range japanese {
		if ja == "" || !jaQuoted(ja) {
			t.Errorf("Japanese of %q is empty or quotes the English way: %q", en, ja)
		}
	}
	for key, m := range texts.All() {
		if m.En == "" || m.Ja == "" || !jaQuoted(m.Ja) {
			t.Errorf("text %q is missing a language or quotes the English way", key)
		}
	}
	for _, c := range []struct {
		t    text
		want string
	}{
		{text{"unknown %s %q", []any{"step", "zz"}}, "「zz」という手順はありません。"},
		{text{"question %s is missing %q", []any{`step "a"`, "question"}}, "質問の手順「a」に「question」がありません。"},
		// The parser's own words are not taken for ours.
		{text{"invalid YAML: %s", []any{yamlWords("found unexpected end of stream")}}, "YAML として読めません：ファイルが途中で終わっています"},
		{text{"invalid YAML: %s", []any{yamlWords("found something new")}}, "YAML として読めません：found something new"},
	} {
		if got := c.t.in(i18n.Japanese, ""); got != c.want {
			t.Errorf("%q: got %q, want %q", c.t.format, got, c.want)
		}
	}
}

// jaQuoted reports whether a Japanese text quotes with 「」.
func jaQuoted(ja string) bool { return !strings.Contains(ja, "%q") && !strings.Contains(ja, `"`) }
