package state

// NoticeKind says what a Notice is about.
type NoticeKind int

const (
	// NoticeWaiting: another acctguard holds the lock, and this one waits
	// for it. It comes once, about a second into the wait.
	NoticeWaiting NoticeKind = iota + 1
	// NoticeTightened: others had access to the state file, its backup,
	// its lock file or its folder, and a save made them private; Changes
	// says which, from what to what. Once done it does not come again.
	NoticeTightened
)

// Notice is something the person should hear of while the store works,
// though nothing went wrong. The cli words it in the person's language.
type Notice struct {
	Kind NoticeKind
	// Path is the state file.
	Path string
	// Changes are the permissions NoticeTightened changed.
	Changes []ModeChange
}

func (s *Store) notify(n Notice) {
	if s.Notify != nil {
		s.Notify(n)
	}
}
