// Command exact is kube-apiserver's own create path for pods and workloads, built to
// WebAssembly (wasip1, c-shared): strict decoding, defaulting, the registry strategy's
// PrepareForCreate/Validate, metadata validation and WarningsOnCreate — the same calls
// rest.BeforeCreate makes, so the answers are the API server's own.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	goruntime "runtime"
	"runtime/debug"
	"sort"
	"sync"
	_ "time/tzdata" // CronJob timeZone is checked against the tz database; wasm has no /usr/share/zoneinfo
	"unsafe"

	"k8s.io/apimachinery/pkg/api/meta"
	genericvalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/api/validation/path"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	kjson "k8s.io/apimachinery/pkg/runtime/serializer/json"
	"k8s.io/apimachinery/pkg/util/validation/field"
	genericapirequest "k8s.io/apiserver/pkg/endpoints/request"
	"k8s.io/apiserver/pkg/registry/rest"
	utilfeature "k8s.io/apiserver/pkg/util/feature"
	"k8s.io/apiserver/pkg/warning"
	"k8s.io/klog/v2"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	api "k8s.io/kubernetes/pkg/apis/core"
	"k8s.io/kubernetes/pkg/capabilities"

	_ "k8s.io/kubernetes/pkg/apis/apps/install"
	_ "k8s.io/kubernetes/pkg/apis/batch/install"
	_ "k8s.io/kubernetes/pkg/apis/core/install"
	"k8s.io/kubernetes/pkg/registry/apps/daemonset"
	"k8s.io/kubernetes/pkg/registry/apps/deployment"
	"k8s.io/kubernetes/pkg/registry/apps/replicaset"
	"k8s.io/kubernetes/pkg/registry/apps/statefulset"
	"k8s.io/kubernetes/pkg/registry/batch/cronjob"
	"k8s.io/kubernetes/pkg/registry/batch/job"
	"k8s.io/kubernetes/pkg/registry/core/pod"
	"k8s.io/kubernetes/pkg/registry/core/podtemplate"
	"k8s.io/kubernetes/pkg/registry/core/replicationcontroller"
)

type target struct {
	strategy rest.RESTCreateStrategy
	resource string
}

var targets = map[schema.GroupVersionKind]target{
	{Group: "", Version: "v1", Kind: "Pod"}:                   {pod.Strategy, "pods"},
	{Group: "", Version: "v1", Kind: "PodTemplate"}:           {podtemplate.Strategy, "podtemplates"},
	{Group: "", Version: "v1", Kind: "ReplicationController"}: {replicationcontroller.Strategy, "replicationcontrollers"},
	{Group: "apps", Version: "v1", Kind: "Deployment"}:        {deployment.Strategy, "deployments"},
	{Group: "apps", Version: "v1", Kind: "StatefulSet"}:       {statefulset.Strategy, "statefulsets"},
	{Group: "apps", Version: "v1", Kind: "DaemonSet"}:         {daemonset.Strategy, "daemonsets"},
	{Group: "apps", Version: "v1", Kind: "ReplicaSet"}:        {replicaset.Strategy, "replicasets"},
	{Group: "batch", Version: "v1", Kind: "Job"}:              {job.Strategy, "jobs"},
	{Group: "batch", Version: "v1", Kind: "CronJob"}:          {cronjob.Strategy, "cronjobs"},
}

// fieldError is field.Error as the API server's Status details carry it, plus its parts.
type fieldError struct {
	Type     string `json:"type"`
	Reason   string `json:"reason"`
	Field    string `json:"field"`
	Detail   string `json:"detail"`
	BadValue string `json:"badValue,omitempty"`
	Origin   string `json:"origin,omitempty"`
	Message  string `json:"message"`
}

type result struct {
	// Stage is where the API server would stop: "decode" (400 BadRequest), "strict" (400,
	// fieldValidation=Strict), "validate" or "metadata" (422 Invalid), or "ok".
	Stage    string       `json:"stage"`
	Kind     string       `json:"kind,omitempty"`
	Message  string       `json:"message,omitempty"`
	Strict   []string     `json:"strict,omitempty"`
	Errors   []fieldError `json:"errors,omitempty"`
	Warnings []string     `json:"warnings,omitempty"`
	// Unsupported: a kind this module does not validate.
	Unsupported bool `json:"unsupported,omitempty"`
}

var strictSerializer = kjson.NewSerializerWithOptions(kjson.DefaultMetaFactory, legacyscheme.Scheme, legacyscheme.Scheme, kjson.SerializerOptions{Strict: true})

func check(body []byte) (res result) {
	defer func() {
		if r := recover(); r != nil {
			res = result{Stage: "internal", Message: fmt.Sprintf("validator panic: %v", r)}
		}
	}()
	var tm metav1.TypeMeta
	if err := json.Unmarshal(body, &tm); err != nil {
		return result{Stage: "decode", Message: err.Error()}
	}
	gvk := tm.GroupVersionKind()
	t, ok := targets[gvk]
	if !ok {
		return result{Stage: "ok", Unsupported: true}
	}
	res.Kind = gvk.Kind
	versioned, err := legacyscheme.Scheme.New(gvk)
	if err != nil {
		return result{Stage: "internal", Message: err.Error()}
	}
	_, _, err = strictSerializer.Decode(body, &gvk, versioned)
	if err != nil {
		if se, isStrict := runtime.AsStrictDecodingError(err); isStrict {
			for _, e := range se.Errors() {
				res.Strict = append(res.Strict, e.Error())
			}
		} else {
			res.Stage = "decode"
			res.Message = fmt.Sprintf("%s in version %q cannot be handled as a %s: %v", gvk.Kind, gvk.Version, gvk.Kind, err)
			return res
		}
	}
	legacyscheme.Scheme.Default(versioned)
	internal, err := legacyscheme.Scheme.ConvertToVersion(versioned, schema.GroupVersion{Group: gvk.Group, Version: runtime.APIVersionInternal})
	if err != nil {
		res.Stage = "decode"
		res.Message = err.Error()
		return res
	}
	objMeta, err := meta.Accessor(internal)
	if err != nil {
		return result{Stage: "internal", Message: err.Error()}
	}
	ns := objMeta.GetNamespace()
	if ns == "" {
		ns = metav1.NamespaceDefault
		objMeta.SetNamespace(ns)
	}
	ctx := genericapirequest.WithNamespace(context.Background(), ns)
	ctx = genericapirequest.WithRequestInfo(ctx, &genericapirequest.RequestInfo{
		IsResourceRequest: true, Verb: "create", APIGroup: gvk.Group, APIVersion: gvk.Version,
		Namespace: ns, Resource: t.resource, Name: objMeta.GetName(),
	})
	admitServiceAccount(internal)
	// Some warnings are not returned but recorded on the request (a Pod's AppArmor annotations
	// in applyAppArmorVersionSkew); the API server sends both kinds as Warning headers.
	recorder := &warnings{}
	ctx = warning.WithWarningRecorder(ctx, recorder)
	rest.FillObjectMetaSystemFields(objMeta)
	if len(objMeta.GetGenerateName()) > 0 && len(objMeta.GetName()) == 0 {
		objMeta.SetName(t.strategy.GenerateName(objMeta.GetGenerateName()))
	}
	t.strategy.PrepareForCreate(ctx, internal)
	if errs := t.strategy.Validate(ctx, internal); len(errs) > 0 {
		res.Stage = "validate"
		res.Errors = convert(errs)
	} else if errs := genericvalidation.ValidateObjectMetaAccessor(objMeta, t.strategy.NamespaceScoped(), path.ValidatePathSegmentName, field.NewPath("metadata")); len(errs) > 0 {
		res.Stage = "metadata"
		res.Errors = convert(errs)
	} else {
		for _, w := range t.strategy.WarningsOnCreate(ctx, internal) {
			recorder.AddWarning("", w)
		}
	}
	res.Warnings = recorder.list
	if res.Stage == "" {
		if len(res.Strict) > 0 {
			res.Stage = "strict"
		} else {
			res.Stage = "ok"
		}
	}
	return res
}

// admitServiceAccount is the part of the ServiceAccount admission plugin (enabled by default, run
// before the strategy) that needs no cluster state: a pod without a service account gets
// "default", which validation then sees (a projected serviceAccountToken volume requires one).
// Whether the account exists is cluster state, and is left to "Validate Against the Cluster".
// Since 1.37 the internal PodSpec also carries DeprecatedServiceAccount, which the plugin sets
// alike and validation compares; reflection keeps one source for every version.
func admitServiceAccount(obj runtime.Object) {
	p, ok := obj.(*api.Pod)
	if !ok || p.Spec.ServiceAccountName != "" {
		return
	}
	p.Spec.ServiceAccountName = "default"
	if f := reflect.ValueOf(&p.Spec).Elem().FieldByName("DeprecatedServiceAccount"); f.IsValid() && f.CanSet() && f.Kind() == reflect.String {
		f.SetString("default")
	}
}

// warnings records what the create path adds to the request, deduplicated as the API server's
// recorder does.
type warnings struct {
	mu   sync.Mutex
	list []string
}

func (w *warnings) AddWarning(_, text string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, seen := range w.list {
		if seen == text {
			return
		}
	}
	w.list = append(w.list, text)
}

func convert(errs field.ErrorList) []fieldError {
	out := make([]fieldError, 0, len(errs))
	for _, e := range errs {
		fe := fieldError{
			Type: string(e.Type), Reason: e.Type.String(), Field: e.Field, Detail: e.Detail,
			Origin: e.Origin, Message: e.Error(),
		}
		if e.BadValue != nil && e.Type != field.ErrorTypeRequired && e.Type != field.ErrorTypeForbidden {
			fe.BadValue = badValue(e.BadValue)
		}
		out = append(out, fe)
	}
	return out
}

// badValue prints a field error's value as field.Error's message does: through pointers (a
// CronJob's timeZone is a *string), never the pointer's address.
func badValue(v any) string {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return "null"
		}
		rv = rv.Elem()
	}
	return fmt.Sprintf("%v", rv.Interface())
}

type request struct {
	Object       json.RawMessage `json:"object"`
	FeatureGates map[string]bool `json:"featureGates,omitempty"`
}

type info struct {
	Version      string          `json:"version"`
	Kinds        []string        `json:"kinds"`
	FeatureGates map[string]bool `json:"featureGates"`
}

func describe() info {
	kinds := make([]string, 0, len(targets))
	for gvk := range targets {
		kinds = append(kinds, gvk.GroupVersion().String()+"/"+gvk.Kind)
	}
	sort.Strings(kinds)
	gates := map[string]bool{}
	for name := range utilfeature.DefaultMutableFeatureGate.GetAll() {
		gates[string(name)] = utilfeature.DefaultFeatureGate.Enabled(name)
	}
	return info{Version: kubernetesVersion, Kinds: kinds, FeatureGates: gates}
}

// kubernetesVersion is set by the build (-ldflags -X main.kubernetesVersion=v1.36.1).
var kubernetesVersion = "unknown"

// Buffers handed to the host stay reachable here until the host frees them; Go's
// collector does not move objects, so their addresses stay valid.
var pinned = map[uint32][]byte{}

func pin(b []byte) uint32 {
	if len(b) == 0 {
		b = make([]byte, 1)
	}
	p := uint32(uintptr(unsafe.Pointer(&b[0])))
	pinned[p] = b
	return p
}

//go:wasmexport exact_alloc
func exactAlloc(size uint32) uint32 { return pin(make([]byte, size)) }

//go:wasmexport exact_free
func exactFree(ptr uint32) { delete(pinned, ptr) }

func reply(v any) uint64 {
	out, err := json.Marshal(v)
	if err != nil {
		out, _ = json.Marshal(result{Stage: "internal", Message: err.Error()})
	}
	return uint64(pin(out))<<32 | uint64(len(out))
}

//go:wasmexport exact_info
func exactInfo() uint64 { return reply(describe()) }

// exact_set_feature_gates takes {"Gate": true, ...}, as --feature-gates does for the API server.
//
//go:wasmexport exact_set_feature_gates
func exactSetFeatureGates(ptr, size uint32) uint64 {
	in := unsafe.Slice((*byte)(unsafe.Pointer(uintptr(ptr))), size)
	var gates map[string]bool
	if err := json.Unmarshal(in, &gates); err != nil {
		return reply(map[string]string{"error": err.Error()})
	}
	if err := utilfeature.DefaultMutableFeatureGate.SetFromMap(gates); err != nil {
		return reply(map[string]string{"error": err.Error()})
	}
	return reply(map[string]string{})
}

// exact_gc collects garbage now. The host calls it when idle, so a collection (tens of ms over the
// scheme's heap, which wasm cannot mark concurrently) does not land inside a request.
//
//go:wasmexport exact_gc
func exactGC() { goruntime.GC() }

//go:wasmexport exact_validate
func exactValidate(ptr, size uint32) uint64 {
	in := unsafe.Slice((*byte)(unsafe.Pointer(uintptr(ptr))), size)
	return reply(check(in))
}

func init() {
	klog.SetLogger(nilLogger())
	// kube-apiserver calls capabilities.Setup(--allow-privileged, ...); kubeadm, kind, kwok and the
	// managed clusters all run with --allow-privileged=true, so privileged containers validate.
	capabilities.Setup(true, 0)
	// Collections mostly happen at idle (exact_gc); a target of 100% leaves room for a burst of
	// requests without collecting in between, while wasm memory (which never shrinks) stays near
	// twice the live heap.
	debug.SetGCPercent(100)
}

func main() {}
