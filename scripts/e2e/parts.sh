#!/usr/bin/env bash
# The real parts of the end-to-end suite, built or installed by the project itself and cached
# outside the repository. Builds what is missing, reuses what is there, and says which.
#
#   bash scripts/e2e/parts.sh [all|system|providers|kube|tofu|velero|seaweedfs|local-path]...   # default: all
#   . "${GOVCLOUD_CACHE:-$HOME/.cache/govcloud}/parts.env"           # then: paths of every part
#
# Parts (versions are the project's decision, see docs/operations.md):
#   system     Debian: etcd-server (etcd 3.4), postgresql-15, openssl, and for the nodes containerd,
#              runc, containernetworking-plugins, conntrack, iptables, ipset, jq, docker-registry
#              (CNCF distribution), and what the lab's images are made of: busybox-static (probe),
#              squid (the gateways), dnsmasq-base (the lab's DNS)              (apt-get, as root)
#   providers  hashicorp/kubernetes 3.2.1, hashicorp/helm 3.2.0 from their Go modules, laid out as a
#              filesystem mirror for registry.terraform.io and registry.opentofu.org + a CLI config
#   kube       kube-apiserver, kube-controller-manager, kube-scheduler, kubelet, kube-proxy, kubectl
#              v1.34.4: one build of the k8s.io/kubernetes module
#   kube-router  kube-router v2.1.0 from its Go module: the nodes' NetworkPolicy engine (firewall only;
#              the only release the module proxy serves here; it runs in the test lab only)
#   tofu       OpenTofu v1.11.14 from its Go module
#   velero     Velero from its Go module (the server, velero-helper, velero-restore-helper) and its
#              CRDs (config/crd/*/bases), installed on every e2e API server; the AWS/S3 object-store
#              plugin and its cp-plugin from the velero-plugin-for-aws module. The lab makes images
#              of them (test/e2e/harness/images.ts) and every cluster runs Velero from them
#   seaweedfs  SeaweedFS (`weed`) from its Go module: each site's S3-compatible object store in the
#              lab, with versioning and object lock (the backups' retention), one identity per cluster
#   local-path Rancher's local-path provisioner from its Go module: the lab clusters' storage (local
#              volumes on each node), so that tenants' PersistentVolumeClaims get volumes
#
# Cache layout, keyed on the Go version and the module version (a new Go or a new pin builds anew):
#   $CACHE/parts/<go version>/<part>/<module version>/<binaries>
#   $CACHE/mirror/<host>/hashicorp/<name>/<version>/linux_amd64/terraform-provider-<name>_v<version>
#   $CACHE/parts/<go version>/velero/<velero version>/crds/*.yaml   (the CRDs beside the build)
#   $CACHE/terraformrc   $CACHE/parts.env   $CACHE/logs/build-<part>.log
# Only finished builds land under their key (built in a .tmp folder, then renamed), so a killed
# build is simply built again next time.
set -euo pipefail

CACHE="${GOVCLOUD_CACHE:-$HOME/.cache/govcloud}"
LOGS="$CACHE/logs"
mkdir -p "$CACHE/parts" "$LOGS"

# --- the pins: one place -----------------------------------------------------------------------
# The provider versions here must equal PROVIDER_PINS in stacks/providers.ts (a test checks it).
K8S_PROVIDER_VERSION=3.2.1
K8S_PROVIDER_MODULE=github.com/hashicorp/terraform-provider-kubernetes@v1.13.4-0.20260821094251-3a33fb6cc605
HELM_PROVIDER_VERSION=3.2.0
HELM_PROVIDER_MODULE=github.com/hashicorp/terraform-provider-helm@v1.3.3-0.20260629194918-a4f1c1d8b008
KUBE_VERSION=v1.34.4
# the control plane and a node's programs, all from one build of the one wrapper module
KUBE_PROGRAMS="kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubectl"
TOFU_VERSION=v1.11.14
KUBE_ROUTER_MODULE=github.com/cloudnativelabs/kube-router/v2
KUBE_ROUTER_VERSION=v2.1.0
# must equal the tags of images.velero and images.veleroPluginForAws in the example cities'
# platform.yaml (a test checks it). v1.18.3 with plugin v1.14.3 (built against velero v1.18): the
# newest pair in Velero's compatibility table that the module proxy here serves (it serves no
# velero-plugin-for-aws v1.12 or v1.13, so not the older v1.16 server either)
VELERO_VERSION=v1.18.3
VELERO_AWS_PLUGIN_VERSION=v1.14.3
VELERO_PROGRAMS="velero velero-helper velero-restore-helper"
# Velero v1.18.3 requires the Kubernetes libraries at v0.33.12, some of which the module proxy here
# does not serve (k8s.io/cli-runtime, k8s.io/apimachinery): the next patch release, v0.33.13, of all
# of them together (a patch release of the same minor: no API change)
VELERO_K8S_LIBS="api apiextensions-apiserver apimachinery cli-runtime client-go kube-aggregator metrics"
VELERO_K8S_LIBS_VERSION=v0.33.13
# SeaweedFS: a pseudo-version, the only one the module proxy here serves (4.x line, Nov 2026)
SEAWEEDFS_VERSION=v0.0.0-20261109003541-7506e5f91cd6
# Rancher's local-path provisioner (Apache-2.0), the lab clusters' storage
LOCAL_PATH_VERSION=v0.0.30
TOFU_HCL_REPLACE='github.com/hashicorp/hcl/v2@v2.20.1=github.com/opentofu/hcl/v2@v2.20.2-0.20251021132045-587d123c2828'

log() { printf '[parts] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# --- system packages ------------------------------------------------------------------------------
system_part() {
  local missing=()
  command -v etcd >/dev/null 2>&1 || missing+=(etcd-server)
  [[ -x /usr/lib/postgresql/15/bin/postgres ]] || missing+=(postgresql-15)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  local pkg bin
  for pkg in containerd:containerd runc:runc containernetworking-plugins:/usr/lib/cni/bridge conntrack:conntrack iptables:iptables ipset:ipset jq:jq docker-registry:docker-registry busybox-static:/bin/busybox dnsmasq-base:/usr/sbin/dnsmasq squid:/usr/sbin/squid; do
    bin="${pkg#*:}"
    if [[ "$bin" == /* ]]; then [[ -x "$bin" ]] || missing+=("${pkg%%:*}"); else command -v "$bin" >/dev/null 2>&1 || missing+=("${pkg%%:*}"); fi
  done
  # busybox-static: a static busybox (Debian's dynamic busybox cannot run in an image without libc)
  if [[ -x /bin/busybox ]] && ldd /bin/busybox >/dev/null 2>&1; then missing+=(busybox-static); fi
  if [[ ${#missing[@]} -eq 0 ]]; then
    log "reused   system: $(etcd --version 2>/dev/null | head -n1), postgres $(/usr/lib/postgresql/15/bin/postgres --version | awk '{print $3}'), $(containerd --version | awk '{print $1, $3}')"
    return
  fi
  [[ "$(id -u)" == 0 ]] || die "need root to apt-get install ${missing[*]} (or install them yourself)"
  command -v apt-get >/dev/null 2>&1 || die "no apt-get: install ${missing[*]} yourself"
  log "install  system: ${missing[*]} (apt-get)"
  local start=$SECONDS
  {
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  } >"$LOGS/build-system.log" 2>&1 || die "apt-get install ${missing[*]} failed: see $LOGS/build-system.log"
  log "installed system in $((SECONDS - start))s"
}

# --- Go builds ------------------------------------------------------------------------------------
need_go() {
  command -v go >/dev/null 2>&1 || die "Go is not installed: the parts are built from Go modules"
  export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-trimpath
  GO_VERSION="$(go env GOVERSION)"
}

# built PART VERSION -> the cache folder of that build (may not exist yet)
built() { printf '%s/parts/%s/%s/%s' "$CACHE" "$GO_VERSION" "$1" "$2"; }

# go_part PART VERSION BINARIES FUNCTION: run FUNCTION TMPDIR unless every binary is cached
go_part() {
  local part="$1" version="$2" bins="$3" fn="$4" dir tmp b ok=1
  dir="$(built "$part" "$version")"
  for b in $bins; do [[ -x "$dir/$b" ]] || ok=0; done
  if [[ $ok == 1 ]]; then
    log "reused   $part $version ($GO_VERSION) from $dir"
    return
  fi
  tmp="$dir.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  log "building $part $version with $GO_VERSION (minutes on a cold cache; log: $LOGS/build-$part.log)"
  local start=$SECONDS
  if ! "$fn" "$tmp" >"$LOGS/build-$part.log" 2>&1; then
    rm -rf "$tmp"
    tail -n 20 "$LOGS/build-$part.log" | sed 's/^/[parts]   /' >&2
    die "building $part failed: see $LOGS/build-$part.log"
  fi
  for b in $bins; do [[ -x "$tmp/$b" ]] || { rm -rf "$tmp"; die "building $part did not produce $b: see $LOGS/build-$part.log"; }; done
  rm -rf "$dir"; mv "$tmp" "$dir"
  log "built    $part $version in $((SECONDS - start))s"
}

build_provider_kubernetes() { GOBIN="$1" go install -ldflags "-s -w" "$K8S_PROVIDER_MODULE"; }
build_provider_helm() { GOBIN="$1" go install -ldflags "-s -w -X main.Version=$HELM_PROVIDER_VERSION" "$HELM_PROVIDER_MODULE"; }

build_kube() {
  local out="$1" w="$1/src" gomod line mod minor
  mkdir -p "$w"
  minor="${KUBE_VERSION#v1.}"; minor="${minor%%.*}"
  (
    cd "$w"
    printf 'module govcloud.local/kube\n\ngo 1.24.0\n\ngodebug default=go1.24\n\nrequire k8s.io/kubernetes %s\n' "$KUBE_VERSION" >go.mod
    # the staging modules: every `k8s.io/X => ./staging/...` replace of the module's own go.mod
    gomod="$(go mod download -json "k8s.io/kubernetes@$KUBE_VERSION" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p')"
    [[ -f "$gomod" ]] || { echo "no go.mod for k8s.io/kubernetes@$KUBE_VERSION"; exit 1; }
    grep -E '^[[:space:]]*(replace[[:space:]]+)?k8s\.io/[^ ]+ => \./staging/' "$gomod" | while read -r line; do
      mod="$(sed -E 's/^[[:space:]]*(replace[[:space:]]+)?(k8s\.io\/[^ ]+) =>.*/\2/' <<<"$line")"
      go mod edit "-replace=$mod=$mod@v0.${KUBE_VERSION#v1.}"
    done
    for b in $KUBE_PROGRAMS; do go mod edit "-tool=k8s.io/kubernetes/cmd/$b"; done
    go mod tidy
    go build -ldflags "-s -w -X k8s.io/component-base/version.gitVersion=$KUBE_VERSION -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor -X k8s.io/component-base/version.gitTreeState=clean" \
      -o "$out/" $(printf 'k8s.io/kubernetes/cmd/%s ' $KUBE_PROGRAMS)
  )
  rm -rf "$w"
}

build_tofu() {
  local out="$1" w="$1/src"
  mkdir -p "$w"
  (
    cd "$w"
    printf 'module govcloud.local/tofu\n\ngo 1.25.13\n\nrequire github.com/opentofu/opentofu %s\n' "$TOFU_VERSION" >go.mod
    go mod edit "-replace=$TOFU_HCL_REPLACE" -tool=github.com/opentofu/opentofu/cmd/tofu
    go mod tidy
    go build -ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" -o "$out/" github.com/opentofu/opentofu/cmd/tofu
  )
  rm -rf "$w"
}

# place SRC DEST: hard link (or copy) SRC to DEST unless it is that file already
place() {
  mkdir -p "$(dirname "$2")"
  if [[ -f "$2" ]] && cmp -s "$1" "$2"; then return; fi
  ln -f "$1" "$2.tmp.$$" 2>/dev/null || install -m 0755 "$1" "$2.tmp.$$"
  mv -f "$2.tmp.$$" "$2"
}

providers_part() {
  need_go
  local kdir hdir host
  go_part provider-kubernetes "${K8S_PROVIDER_MODULE#*@}" terraform-provider-kubernetes build_provider_kubernetes
  go_part provider-helm "${HELM_PROVIDER_MODULE#*@}" terraform-provider-helm build_provider_helm
  kdir="$(built provider-kubernetes "${K8S_PROVIDER_MODULE#*@}")"
  hdir="$(built provider-helm "${HELM_PROVIDER_MODULE#*@}")"
  for host in registry.terraform.io registry.opentofu.org; do
    place "$kdir/terraform-provider-kubernetes" "$CACHE/mirror/$host/hashicorp/kubernetes/$K8S_PROVIDER_VERSION/linux_amd64/terraform-provider-kubernetes_v$K8S_PROVIDER_VERSION"
    place "$hdir/terraform-provider-helm" "$CACHE/mirror/$host/hashicorp/helm/$HELM_PROVIDER_VERSION/linux_amd64/terraform-provider-helm_v$HELM_PROVIDER_VERSION"
  done
  cat >"$CACHE/terraformrc.tmp" <<EOF
# Written by scripts/e2e/parts.sh: providers only from the local filesystem mirror (the registries
# are not reachable; there is no direct block).
disable_checkpoint = true

provider_installation {
  filesystem_mirror {
    path    = "$CACHE/mirror"
    include = ["registry.terraform.io/hashicorp/*", "registry.opentofu.org/hashicorp/*"]
  }
}
EOF
  mv -f "$CACHE/terraformrc.tmp" "$CACHE/terraformrc"
}

# module_source MODULE@VERSION DEST: a writable copy of a module's own source (its go.mod and go.sum
# kept: Velero's go.mod replaces kopia, which `go install module@version` refuses)
module_source() {
  local src
  src="$(go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  [[ -d "$src" ]] || { echo "go mod download $1 gave no source folder"; return 1; }
  mkdir -p "$2" && cp -r "$src"/. "$2"/ && chmod -R u+w "$2"
}

# (go_part runs these under `if !`, where set -e does not hold: every step stops the function itself)
build_velero() {
  local out="$1" w="$1/src" pkg=github.com/vmware-tanzu/velero
  module_source "$pkg@$VELERO_VERSION" "$w" || return 1
  (
    set -e
    cd "$w"
    go get $(printf "k8s.io/%s@$VELERO_K8S_LIBS_VERSION " $VELERO_K8S_LIBS)
    go build -ldflags "-s -w -X $pkg/pkg/buildinfo.Version=$VELERO_VERSION -X $pkg/pkg/buildinfo.GitTreeState=clean" \
      -o "$out/" $(printf './cmd/%s ' $VELERO_PROGRAMS)
  ) || return 1
  # its CRDs, every API version (v1 and v2alpha1: DataUploads, DataDownloads), beside the binaries
  mkdir -p "$out/crds" && cp "$w"/config/crd/*/bases/velero.io_*.yaml "$out/crds/" && chmod 0644 "$out"/crds/*.yaml || return 1
  rm -rf "$w"
}

build_velero_plugin_for_aws() {
  local out="$1" w="$1/src"
  module_source "github.com/vmware-tanzu/velero-plugin-for-aws@$VELERO_AWS_PLUGIN_VERSION" "$w" || return 1
  (cd "$w" && go build -ldflags "-s -w" -o "$out/" ./velero-plugin-for-aws ./hack/cp-plugin) || return 1
  rm -rf "$w"
}

velero_part() {
  need_go
  go_part velero "$VELERO_VERSION" "$VELERO_PROGRAMS" build_velero
  go_part velero-plugin-for-aws "$VELERO_AWS_PLUGIN_VERSION" "velero-plugin-for-aws cp-plugin" build_velero_plugin_for_aws
}

# SeaweedFS's go.mod replaces modules too, so it is built from a copy of its own source
build_seaweedfs() {
  local out="$1" w="$1/src"
  module_source "github.com/seaweedfs/seaweedfs@$SEAWEEDFS_VERSION" "$w" || return 1
  (cd "$w" && go build -ldflags "-s -w" -o "$out/weed" ./weed) || return 1
  rm -rf "$w"
}
seaweedfs_part() { need_go; go_part seaweedfs "$SEAWEEDFS_VERSION" weed build_seaweedfs; }

# the module ships an incomplete vendor folder: built from its go.mod and go.sum instead, static (its image has no libc)
build_local_path() {
  local out="$1" w="$1/src"
  module_source "github.com/rancher/local-path-provisioner@$LOCAL_PATH_VERSION" "$w" || return 1
  rm -rf "$w/vendor"
  (cd "$w" && CGO_ENABLED=0 go build -mod=mod -ldflags "-s -w" -o "$out/local-path-provisioner" .) || return 1
  rm -rf "$w"
}
local_path_part() { need_go; go_part local-path "$LOCAL_PATH_VERSION" local-path-provisioner build_local_path; }

kube_part() { need_go; go_part kube "$KUBE_VERSION" "$KUBE_PROGRAMS" build_kube; }
tofu_part() { need_go; go_part tofu "$TOFU_VERSION" tofu build_tofu; }

build_kube_router() {
  GOBIN="$1" go install -ldflags "-s -w -X $KUBE_ROUTER_MODULE/pkg/version.Version=$KUBE_ROUTER_VERSION" "$KUBE_ROUTER_MODULE/cmd/kube-router@$KUBE_ROUTER_VERSION"
}
kube_router_part() { need_go; go_part kube-router "$KUBE_ROUTER_VERSION" kube-router build_kube_router; }

write_env() {
  need_go
  local kube tofu
  kube="$(built kube "$KUBE_VERSION")"
  tofu="$(built tofu "$TOFU_VERSION")"
  cat >"$CACHE/parts.env.tmp" <<EOF
# Written by scripts/e2e/parts.sh: where the parts of the end-to-end suite are.
export TF_CLI_CONFIG_FILE='$CACHE/terraformrc'
export GOVCLOUD_KUBE_APISERVER='$kube/kube-apiserver'
export GOVCLOUD_KUBE_CONTROLLER_MANAGER='$kube/kube-controller-manager'
export GOVCLOUD_KUBE_SCHEDULER='$kube/kube-scheduler'
export GOVCLOUD_KUBELET='$kube/kubelet'
export GOVCLOUD_KUBE_PROXY='$kube/kube-proxy'
export GOVCLOUD_KUBECTL='$kube/kubectl'
export GOVCLOUD_KUBE_ROUTER='$(built kube-router "$KUBE_ROUTER_VERSION")/kube-router'
export GOVCLOUD_REGISTRY='$(command -v docker-registry || true)'
export GOVCLOUD_TOFU='$tofu/tofu'
export GOVCLOUD_ETCD='$(command -v etcd || true)'
export GOVCLOUD_PG_BIN='/usr/lib/postgresql/15/bin'
export GOVCLOUD_PROVIDER_KUBERNETES='$(built provider-kubernetes "${K8S_PROVIDER_MODULE#*@}")/terraform-provider-kubernetes'
export GOVCLOUD_VELERO_CRDS='$(built velero "$VELERO_VERSION")/crds'
export GOVCLOUD_VELERO='$(built velero "$VELERO_VERSION")/velero'
export GOVCLOUD_VELERO_PLUGIN_FOR_AWS='$(built velero-plugin-for-aws "$VELERO_AWS_PLUGIN_VERSION")/velero-plugin-for-aws'
export GOVCLOUD_VELERO_CP_PLUGIN='$(built velero-plugin-for-aws "$VELERO_AWS_PLUGIN_VERSION")/cp-plugin'
export GOVCLOUD_WEED='$(built seaweedfs "$SEAWEEDFS_VERSION")/weed'
export GOVCLOUD_LOCAL_PATH='$(built local-path "$LOCAL_PATH_VERSION")/local-path-provisioner'
export GOVCLOUD_PROVIDER_HELM='$(built provider-helm "${HELM_PROVIDER_MODULE#*@}")/terraform-provider-helm'
EOF
  mv -f "$CACHE/parts.env.tmp" "$CACHE/parts.env"
}

parts=("$@")
[[ ${#parts[@]} -eq 0 ]] && parts=(all)
started=$SECONDS
for p in "${parts[@]}"; do
  case "$p" in
    all) system_part; providers_part; kube_part; kube_router_part; tofu_part; velero_part; seaweedfs_part; local_path_part ;;
    system) system_part ;;
    providers) providers_part ;;
    kube) kube_part ;;
    tofu) tofu_part ;;
    velero) velero_part ;;
    seaweedfs) seaweedfs_part ;;
    local-path) local_path_part ;;
    kube-router) kube_router_part ;;
    *) die "unknown part '$p' (known: all system providers kube kube-router tofu velero seaweedfs local-path)" ;;
  esac
done
if command -v go >/dev/null 2>&1; then write_env; fi
log "parts ready in $((SECONDS - started))s; paths in $CACHE/parts.env"
