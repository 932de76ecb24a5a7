// Package keycheck finds the message keys a package's code names, so that
// a test can hold every one to the message tables: a key missing from a
// table would otherwise show up only on the screen that uses it.
package keycheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
)

// Use is a key named in the code. A key built at run time, such as
// "phase."+string(p)+".about", is given with * for each part that is not a
// literal: "phase.*.about".
type Use struct {
	Key string
	Pos string // file:line
}

// Uses returns the keys named in the non-test Go files of dir: the first
// argument of every call to one of funcs, and every other string literal
// that starts with one of namespaces followed by a dot.
func Uses(dir string, funcs, namespaces []string) ([]Use, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var uses []Use
	add := func(key string, pos token.Pos) {
		p := fset.Position(pos)
		uses = append(uses, Use{Key: key, Pos: filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)})
	}
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			return nil, err
		}
		seen := map[*ast.BasicLit]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 || !isOneOf(callee(call), funcs) {
				return true
			}
			if key, ok := pattern(call.Args[0], seen); ok {
				add(key, call.Args[0].Pos())
			}
			return true
		})
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING || seen[lit] {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			for _, ns := range namespaces {
				if strings.HasPrefix(s, ns+".") && !strings.ContainsAny(s, " /%\"") {
					add(s, lit.Pos())
					break
				}
			}
			return true
		})
	}
	return uses, nil
}

func callee(call *ast.CallExpr) string {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		return fn.Name
	case *ast.SelectorExpr:
		if x, ok := fn.X.(*ast.Ident); ok {
			return x.Name + "." + fn.Sel.Name
		}
		return fn.Sel.Name
	}
	return ""
}

// isOneOf reports whether the function called is one of names: a bare
// name ("T") matches a method or function of that name wherever it is
// from, a qualified one ("i18n.Errorf") only that package's.
func isOneOf(name string, names []string) bool {
	_, bare, _ := strings.Cut(name, ".")
	if bare == "" {
		bare = name
	}
	for _, n := range names {
		if n == name || n == bare {
			return true
		}
	}
	return false
}

// pattern returns the key an argument names, with * for what is not a
// literal; ok is false when no part of it is a literal (a key passed in
// from elsewhere, found where it is written).
func pattern(e ast.Expr, seen map[*ast.BasicLit]bool) (key string, ok bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		if err != nil {
			return "", false
		}
		seen[e] = true
		return s, true
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		l, lok := pattern(e.X, seen)
		r, rok := pattern(e.Y, seen)
		if !lok && !rok {
			return "", false
		}
		if !lok {
			l = "*"
		}
		if !rok {
			r = "*"
		}
		return l + r, true
	case *ast.ParenExpr:
		return pattern(e.X, seen)
	}
	return "", false
}
