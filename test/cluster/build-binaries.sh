#!/usr/bin/env bash
# Builds the local cluster's binaries from the Go module proxy, once per version.
# Output: $PODSCOPE_BIN (default ${XDG_CACHE_HOME:-~/.cache}/podscope/k8s-<ver>/bin). Re-running with every binary
# present does nothing, so warm starts cost nothing.
set -euo pipefail
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
K8S=${K8S_VERSION:-v1.36.1}
STG=v0.${K8S#v1.}
MINOR=$(echo "$K8S" | cut -d. -f2)
ETCD=${ETCD_VERSION:-v3.6.10}
KWOK=${KWOK_VERSION:-v0.8.0}
METRICS_SERVER=${METRICS_SERVER_VERSION:-v0.8.0}
OUT=${PODSCOPE_BIN:-${XDG_CACHE_HOME:-$HOME/.cache}/podscope/k8s-$K8S-etcd-$ETCD-kwok-$KWOK/bin}
mkdir -p "$OUT"
log() { echo "[build-binaries] $*" >&2; }

have() { for b in "$@"; do [ -x "$OUT/$b" ] || return 1; done; }

build_k8s() {
  have kube-apiserver kube-controller-manager kube-scheduler kubectl && return 0
  log "building Kubernetes $K8S (measured cold: about 4 min on 2 cores, plus ~1.1 GB of modules)"
  local w; w=$(mktemp -d)
  (
    cd "$w"
    printf 'module local/k8sbins\n\ngo 1.26\n' > go.mod
    local gomod
    gomod=$(go mod download -json "k8s.io/kubernetes@$K8S" | sed -n 's/.*"GoMod": *"\([^"]*\)".*/\1/p')
    grep -E '^godebug' "$gomod" >> go.mod || true
    { echo 'replace ('
      sed -n 's#^[[:space:]]*\(k8s\.io/[A-Za-z0-9._-]*\) => \./staging/src/.*#\t\1 => \1 '"$STG"'#p' "$gomod"
      echo ')'; } >> go.mod
    go get -tool "k8s.io/kubernetes/cmd/kube-apiserver@$K8S" "k8s.io/kubernetes/cmd/kube-controller-manager@$K8S" \
      "k8s.io/kubernetes/cmd/kube-scheduler@$K8S" "k8s.io/kubernetes/cmd/kubectl@$K8S"
    local ldf="-s -w -X k8s.io/component-base/version.gitVersion=$K8S -X k8s.io/component-base/version.gitMajor=1 \
 -X k8s.io/component-base/version.gitMinor=$MINOR -X k8s.io/component-base/version.gitTreeState=clean \
 -X k8s.io/client-go/pkg/version.gitVersion=$K8S -X k8s.io/client-go/pkg/version.gitMajor=1 \
 -X k8s.io/client-go/pkg/version.gitMinor=$MINOR"
    for c in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
      [ -x "$OUT/$c" ] && continue
      log "go build $c"
      go build -trimpath -ldflags "$ldf" -o "$OUT/$c.tmp" "k8s.io/kubernetes/cmd/$c"
      mv "$OUT/$c.tmp" "$OUT/$c"
    done
  )
  rm -rf "$w"
}

build_etcd() {
  have etcd && return 0
  log "building etcd $ETCD"
  local w; w=$(mktemp -d)
  ( cd "$w"; printf 'module local/etcdbin\n\ngo 1.26\n' > go.mod
    go get -tool "go.etcd.io/etcd/server/v3@$ETCD"
    go build -trimpath -ldflags "-s -w" -o "$OUT/etcd.tmp" go.etcd.io/etcd/server/v3 && mv "$OUT/etcd.tmp" "$OUT/etcd" )
  rm -rf "$w"
}

build_kwok() {
  have kwok kwokctl && return 0
  log "building kwok $KWOK"
  GOBIN="$OUT" GOFLAGS= go install "sigs.k8s.io/kwok/cmd/kwok@$KWOK" "sigs.k8s.io/kwok/cmd/kwokctl@$KWOK"
}

# Served by kwokctl itself (enableMetricsServer); without a local binary kwokctl would download one.
# Not part of the directory name: a cache built before metrics existed gains just this binary.
build_metrics_server() {
  have metrics-server && return 0
  log "building metrics-server $METRICS_SERVER (measured cold: about 6 min on 2 shared cores, plus ~300 MB of modules)"
  # The version stamp its Makefile sets, so `metrics-server --version` (which kwokctl reads) names the release.
  GOBIN="$OUT" GOFLAGS= go install -trimpath -ldflags "-s -w -X k8s.io/client-go/pkg/version.gitVersion=$METRICS_SERVER" \
    "sigs.k8s.io/metrics-server/cmd/metrics-server@$METRICS_SERVER"
}

# Without a Go toolchain (or with one older than the go.mod files here ask for) nothing below can work: say exactly
# what to install instead of failing deep inside `go get`.
need_go() {
  local v
  if ! v=$(go env GOVERSION 2>/dev/null); then
    log "Go is not installed: install Go 1.26 or newer (the 'go' command on PATH; the Go module proxy must be reachable), then run: npm run cluster:build"
    exit 3
  fi
  case "$v" in
    go1.2[6-9]*|go1.[3-9][0-9]*|go[2-9]*) ;;
    *) log "$v is too old: install Go 1.26 or newer, then run: npm run cluster:build"; exit 3 ;;
  esac
}
[ "${1:-all}" = path ] || have etcd kwok kwokctl metrics-server kube-apiserver kube-controller-manager kube-scheduler kubectl || need_go

# Two builds into one $OUT would race on the same files: builds queue on a lock; `path` never waits.
if [ "${1:-all}" != path ] && command -v flock >/dev/null; then
  exec 9>"$OUT/.build.lock"
  flock -n 9 || { log "another build is running; waiting for it"; flock 9; }
fi

case "${1:-all}" in
  k8s) build_k8s ;;
  etcd) build_etcd ;;
  kwok) build_kwok ;;
  metrics-server) build_metrics_server ;;
  all) build_etcd; build_kwok; build_metrics_server; build_k8s ;;
  path) ;;
  *) echo "usage: $0 [all|k8s|etcd|kwok|metrics-server|path]" >&2; exit 2 ;;
esac
echo "$OUT"
