package lib

// runtime/debug's build information: ReadBuildInfo reads what goro's
// loader recorded as gc's linker would (load/buildinfo.go, kept by the
// compiled-program cache); parsing and printing are the host's
// runtime/debug, over values converted to and from the program's
// BuildInfo, Module and BuildSetting.

import (
	goruntime "runtime"
	hostdebug "runtime/debug"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(map[string]vm.NativeFunc{
		"(*runtime/debug.BuildInfo).String": runtime_debug_BuildInfo_String,
		"runtime/debug.ParseBuildInfo":      runtime_debug_ParseBuildInfo,
		"runtime/debug.ReadBuildInfo":       runtime_debug_ReadBuildInfo,
	})
}

// runtime/debug.ReadBuildInfo: func ReadBuildInfo() (info *BuildInfo, ok bool)
func runtime_debug_ReadBuildInfo(t *vm.Thread, a, r []rt.Value) {
	bi, err := hostdebug.ParseBuildInfo(t.Machine().BuildInfo())
	if err != nil || t.Machine().BuildInfo() == "" {
		r[0], r[1] = rt.Value{}, rt.Value{}
		return
	}
	bi.GoVersion = goruntime.Version() // the toolchain goro runs the program as
	r[0], r[1] = buildInfoValue(t.Machine(), bi), boolV(true)
}

// runtime/debug.ParseBuildInfo: func ParseBuildInfo(data string) (bi *BuildInfo, err error)
func runtime_debug_ParseBuildInfo(t *vm.Thread, a, r []rt.Value) {
	bi, err := hostdebug.ParseBuildInfo(vm.Str(a[0]))
	if err != nil {
		r[0], r[1] = rt.Value{}, errorValue(t, err)
		return
	}
	r[0], r[1] = buildInfoValue(t.Machine(), bi), rt.Value{}
}

// (*runtime/debug.BuildInfo).String: func (bi *BuildInfo) String() string
func runtime_debug_BuildInfo_String(t *vm.Thread, a, r []rt.Value) {
	p := cellOf(t, a[0])
	if p == nil {
		return
	}
	r[0] = rt.Value{R: hostBuildInfo(t.Machine(), *p).String()}
}

// buildInfoValue makes the program's *debug.BuildInfo of bi.
func buildInfoValue(m *vm.Machine, bi *hostdebug.BuildInfo) rt.Value {
	bt := m.LookupType("runtime/debug", "BuildInfo")
	v := bt.Zero()
	set := func(name string, x rt.Value) { v.R.([]rt.Value)[vm.FieldIndex(bt, name)] = x }
	set("GoVersion", rt.Value{R: bi.GoVersion})
	set("Path", rt.Value{R: bi.Path})
	set("Main", moduleValue(m, &bi.Main))
	var deps []rt.Value
	for _, d := range bi.Deps {
		c := new(rt.Value)
		*c = moduleValue(m, d)
		deps = append(deps, rt.Value{R: c})
	}
	if deps != nil {
		set("Deps", rt.Value{R: deps})
	}
	st := m.LookupType("runtime/debug", "BuildSetting")
	var settings []rt.Value
	for _, s := range bi.Settings {
		sv := st.Zero()
		sv.R.([]rt.Value)[vm.FieldIndex(st, "Key")] = rt.Value{R: s.Key}
		sv.R.([]rt.Value)[vm.FieldIndex(st, "Value")] = rt.Value{R: s.Value}
		settings = append(settings, sv)
	}
	if settings != nil {
		set("Settings", rt.Value{R: settings})
	}
	c := new(rt.Value)
	*c = v
	return rt.Value{R: c}
}

// moduleValue makes the program's debug.Module of mod.
func moduleValue(m *vm.Machine, mod *hostdebug.Module) rt.Value {
	mt := m.LookupType("runtime/debug", "Module")
	v := mt.Zero()
	fs := v.R.([]rt.Value)
	fs[vm.FieldIndex(mt, "Path")] = rt.Value{R: mod.Path}
	fs[vm.FieldIndex(mt, "Version")] = rt.Value{R: mod.Version}
	fs[vm.FieldIndex(mt, "Sum")] = rt.Value{R: mod.Sum}
	if mod.Replace != nil {
		c := new(rt.Value)
		*c = moduleValue(m, mod.Replace)
		fs[vm.FieldIndex(mt, "Replace")] = rt.Value{R: c}
	}
	return v
}

// hostBuildInfo reads the program's debug.BuildInfo value v.
func hostBuildInfo(m *vm.Machine, v rt.Value) *hostdebug.BuildInfo {
	bt := m.LookupType("runtime/debug", "BuildInfo")
	fs, _ := v.R.([]rt.Value)
	if len(fs) == 0 {
		return &hostdebug.BuildInfo{}
	}
	field := func(name string) rt.Value { return fs[vm.FieldIndex(bt, name)] }
	bi := &hostdebug.BuildInfo{GoVersion: vm.Str(field("GoVersion")), Path: vm.Str(field("Path"))}
	bi.Main = *hostModule(m, field("Main"))
	deps, _ := field("Deps").R.([]rt.Value)
	for _, d := range deps {
		if p, _ := d.R.(*rt.Value); p != nil {
			bi.Deps = append(bi.Deps, hostModule(m, *p))
		} else {
			bi.Deps = append(bi.Deps, nil)
		}
	}
	st := m.LookupType("runtime/debug", "BuildSetting")
	settings, _ := field("Settings").R.([]rt.Value)
	for _, s := range settings {
		sf, _ := s.R.([]rt.Value)
		if len(sf) == 0 {
			continue
		}
		bi.Settings = append(bi.Settings, hostdebug.BuildSetting{Key: vm.Str(sf[vm.FieldIndex(st, "Key")]), Value: vm.Str(sf[vm.FieldIndex(st, "Value")])})
	}
	return bi
}

// hostModule reads the program's debug.Module value v.
func hostModule(m *vm.Machine, v rt.Value) *hostdebug.Module {
	mt := m.LookupType("runtime/debug", "Module")
	fs, _ := v.R.([]rt.Value)
	if len(fs) == 0 {
		return &hostdebug.Module{}
	}
	mod := &hostdebug.Module{
		Path:    vm.Str(fs[vm.FieldIndex(mt, "Path")]),
		Version: vm.Str(fs[vm.FieldIndex(mt, "Version")]),
		Sum:     vm.Str(fs[vm.FieldIndex(mt, "Sum")]),
	}
	if p, _ := fs[vm.FieldIndex(mt, "Replace")].R.(*rt.Value); p != nil {
		mod.Replace = hostModule(m, *p)
	}
	return mod
}
