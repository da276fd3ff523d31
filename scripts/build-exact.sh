#!/usr/bin/env bash
# Builds the exact validator (server/exact, kube-apiserver's create path) to WebAssembly for
# one Kubernetes version, from the Go module proxy, as test/cluster/build-binaries.sh builds
# the cluster: a wrapper module whose replaces turn each ./staging/src/k8s.io/X into
# k8s.io/X v0.N.x. Cache: $PODSCOPE_EXACT_CACHE/<version>/<source hash>/exact.wasm.gz (default
# ${XDG_CACHE_HOME:-~/.cache}/podscope/exact), so checkouts of different sources never overwrite
# each other's modules and warm builds cost nothing.
# Usage: build-exact.sh [--dest DIR] v1.36.1 [v1.37.2 ...]   (--dest: copy to DIR/<version>/exact.wasm.gz)
set -euo pipefail
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
HERE=$(cd "$(dirname "$0")/.." && pwd)
SRC=$HERE/server/exact
CACHE=${PODSCOPE_EXACT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/podscope/exact}
log() { echo "[build-exact] $*" >&2; }

command -v go >/dev/null || { log "Go is not installed: skipping the exact validator (the engine alone will check manifests)"; exit 3; }

srchash() { cat "$SRC"/*.go "$0" "$HERE/scripts/preinit-wasm.ts" "$HERE/server/src/exact/preinitClock.ts" | sha256sum | cut -c1-16; }

# The registry strategies (the API server's own create path) live in packages that also wire
# storage and kubelet connections, which pull etcd, gRPC and OpenTelemetry into the module
# (100 MB, and two etcd files do not compile for wasip1). A local copy of k8s.io/apiserver
# drops the two storage-wiring files of pkg/registry/generic (the strategies use only its
# field matchers) and reduces pkg/server/egressselector to the types the kubelet client
# names; neither is ever called while validating. Result: 38 MB instead of 100 MB.
patch_apiserver() {
  local dir
  dir=$(GOOS=wasip1 GOARCH=wasm go list -m -f '{{.Dir}}' k8s.io/apiserver)
  rm -rf patched; mkdir -p patched
  cp -r "$dir" patched/apiserver; chmod -R u+w patched/apiserver
  rm patched/apiserver/pkg/registry/generic/options.go patched/apiserver/pkg/registry/generic/storage_decorator.go
  rm patched/apiserver/pkg/server/egressselector/*.go
  cat > patched/apiserver/pkg/server/egressselector/egress_selector.go <<'GO'
// Package egressselector, reduced: the types the kubelet client names, no dialers.
package egressselector

import utilnet "k8s.io/apimachinery/pkg/util/net"

type EgressType int

const (
	ControlPlane EgressType = iota
	Etcd
	Cluster
)

type NetworkContext struct{ EgressSelectionName EgressType }

func (s EgressType) AsNetworkContext() NetworkContext { return NetworkContext{EgressSelectionName: s} }

type Lookup func(networkContext NetworkContext) (utilnet.DialFunc, error)
GO
  # Since 1.37 admission's LazyObject can hand admission CEL a reflection-based value, which
  # imports cel-go's compiler, parser and protobuf descriptors (9 MB, and the slowest package
  # inits); the create path never asks admission for a CEL value, so that branch is dropped.
  perl -0pi -e 's/\n\t"k8s.io\/apiserver\/pkg\/cel\/common"//; s/\tif l\.UseSchemalessTypeRef \{\n\t\tl\.celVal = common\.SchemalessTypedToVal\(l\.object\)\n\t\treturn l\.celVal, nil\n\t\}\n//' \
    patched/apiserver/pkg/admission/conversion.go
  if grep -q 'apiserver/pkg/cel/common"' patched/apiserver/pkg/admission/conversion.go; then
    log "admission still imports CEL (its LazyObject changed): the module carries cel-go"
  fi
  go mod edit -replace k8s.io/apiserver=./patched/apiserver
}

build_one() {
  local K=$1 STG=v0.${1#v1.} out hash
  hash=$(srchash)
  out=$CACHE/$1/$hash
  if [ -f "$out/exact.wasm.gz" ]; then
    log "$K: cached ($out)"; copy_out "$K" "$out"; return 0
  fi
  mkdir -p "$out"
  exec 9>"$out/.build.lock"
  flock -n 9 || { log "$K: another build is running; waiting for it"; flock 9; }
  local w=$out/work start=$SECONDS
  rm -rf "$w"; mkdir -p "$w"
  cp "$SRC"/*.go "$w/"
  (
    cd "$w"
    printf 'module podscope.local/exact\n\ngo 1.26\n' > go.mod
    local gomod
    gomod=$(go mod download -json "k8s.io/kubernetes@$K" | sed -n 's/.*"GoMod": *"\([^"]*\)".*/\1/p')
    grep -E '^godebug' "$gomod" >> go.mod || true
    { echo 'replace ('
      sed -n 's#^[[:space:]]*\(k8s\.io/[A-Za-z0-9._-]*\) => \./staging/src/.*#\t\1 => \1 '"$STG"'#p' "$gomod"
      echo ')'; } >> go.mod
    go get "k8s.io/kubernetes@$K" >/dev/null 2>&1
    GOOS=wasip1 GOARCH=wasm go mod tidy >/dev/null 2>&1 || go mod tidy
    patch_apiserver
    log "$K: go build (wasip1/wasm)"
    GOOS=wasip1 GOARCH=wasm go build -trimpath -buildmode=c-shared \
      -ldflags "-s -w -X main.kubernetesVersion=$K -X k8s.io/component-base/version.gitVersion=$K" -o exact.wasm .
  )
  # Init runs once here instead of at every start (see scripts/preinit-wasm.ts).
  (cd "$HERE" && node --import tsx scripts/preinit-wasm.ts "$w/exact.wasm" "$w/exact.pre.wasm") 2> >(grep -v -e ExperimentalWarning -e 'trace-warnings' >&2)
  mv "$w/exact.pre.wasm" "$w/exact.wasm"
  gzip -9 -c "$w/exact.wasm" > "$out/exact.wasm.gz.tmp"
  mv "$out/exact.wasm.gz.tmp" "$out/exact.wasm.gz"
  log "$K: built in $((SECONDS - start)) s: $(stat -c %s "$w/exact.wasm") bytes, $(stat -c %s "$out/exact.wasm.gz") gzipped"
  rm -rf "$w"
  copy_out "$K" "$out"
}

DEST=
copy_out() {
  [ -n "$DEST" ] || return 0
  mkdir -p "$DEST/$1"
  cp "$2/exact.wasm.gz" "$DEST/$1/exact.wasm.gz.tmp" && mv "$DEST/$1/exact.wasm.gz.tmp" "$DEST/$1/exact.wasm.gz"
}

if [ "${1:-}" = --dest ]; then DEST=$2; shift 2; fi
[ $# -gt 0 ] || set -- v1.36.1
for v in "$@"; do build_one "$v"; done
echo "$CACHE"
