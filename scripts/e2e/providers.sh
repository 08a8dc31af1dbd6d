#!/usr/bin/env bash
# Build the real Terraform providers from Go modules (the Terraform registry is not reachable,
# the Go module proxy is) and lay them out as an unpacked filesystem mirror plus a CLI config.
#
#   bash scripts/e2e/providers.sh            # build (if not cached), lay out the mirror, write the rc
#   export TF_CLI_CONFIG_FILE="$HOME/.cache/govcloud/terraformrc"
#
# Everything lands outside the repository, under ${GOVCLOUD_CACHE:-$HOME/.cache/govcloud}:
#   providers/<go version>/<name>/<module version>/terraform-provider-<name>   built binaries
#   mirror/<host>/hashicorp/<name>/<version>/linux_amd64/terraform-provider-<name>_v<version>
#   terraformrc                                                                CLI config (mirror only)
#   providers.manifest                                                         what was built from what
#
# Version pins: @cdktf/provider-kubernetes 12.1.1 / @cdktf/provider-helm 12.1.2 make cdktf write
# exact pins `version = "2.38.0"` / `"3.1.1"`, so the mirror must offer exactly those versions.
# The release commits are tried first. If the module proxy refuses them (as the proxy on the
# project machines does: "403 This module version is not available") the newest commit the proxy
# does serve is built instead and installed under BOTH its own version and the pinned version,
# with a loud SUBSTITUTE warning — but only when PROVIDERS_ALLOW_SUBSTITUTE=1 is set: by default
# the script refuses, because a substitute offered under the pinned version is not the real part
# (useful for a schema-level `terraform validate`, never as end-to-end evidence).
#
# Idempotent: a binary already in the cache is not rebuilt; mirror files are only rewritten
# when they differ.
set -euo pipefail

CACHE="${GOVCLOUD_CACHE:-$HOME/.cache/govcloud}"
MIRROR="$CACHE/mirror"
RC="$CACHE/terraformrc"
MANIFEST="$CACHE/providers.manifest"
if [[ "${PROVIDERS_ALLOW_SUBSTITUTE:-0}" == 1 ]]; then STRICT=0; else STRICT=1; fi
TARGET="$(go env GOOS)_$(go env GOARCH)"
GO_VERSION="$(go env GOVERSION)"
BUILD_ROOT="$CACHE/providers/$GO_VERSION"
HOSTS=(registry.terraform.io registry.opentofu.org)

# name | pinned provider version | module path | candidate module versions (exact release first,
# then substitutes the proxy is known to serve) | -X variable for the version ("" if it is a const)
PROVIDERS=(
  "kubernetes|2.38.0|github.com/hashicorp/terraform-provider-kubernetes|v1.13.4-0.20250721172020-be88f4427105 be88f44271050f69d52f410bca388834afedfe71 v1.13.4-0.20260821094251-3a33fb6cc605|"
  "helm|3.1.1|github.com/hashicorp/terraform-provider-helm|v1.3.3-0.20251117192655-1cbf08f6a306 1cbf08f6a306ab3cdff6079b87a61c7641b64f3b v1.3.3-0.20260629194918-a4f1c1d8b008|main.Version"
)

log() { printf '[providers] %s\n' "$*" >&2; }
run() { log "+ $*"; "$@"; }

# Go must not fetch another toolchain behind our back; the builds share the module cache.
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
export GOMAXPROCS="${GOMAXPROCS:-2}"

mkdir -p "$BUILD_ROOT" "$MIRROR"
log "cache:  $CACHE"
log "go:     $GO_VERSION ($TARGET), binaries in $BUILD_ROOT"

# resolve_module MODULE VERSION -> prints "canonical-version<TAB>source-dir", or fails
resolve_module() {
  local json
  json="$(go mod download -json "$1@$2" 2>/dev/null)" || return 1
  # go mod download -json prints {"Error": ...} with exit 1 on failure; be defensive anyway
  if grep -q '"Error"' <<<"$json"; then return 1; fi
  local ver dir
  ver="$(sed -n 's/^[[:space:]]*"Version": "\(.*\)",$/\1/p' <<<"$json" | head -n1)"
  dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$json" | head -n1)"
  [[ -n "$ver" && -d "$dir" ]] || return 1
  printf '%s\t%s\n' "$ver" "$dir"
}

# provider_version_of SOURCE_DIR -> release version recorded in the tree (version/VERSION), if any
provider_version_of() {
  if [[ -f "$1/version/VERSION" ]]; then tr -d '[:space:]' <"$1/version/VERSION"; fi
}

# place SRC DEST: copy SRC to DEST (0755) unless identical already
place() {
  local src="$1" dest="$2"
  mkdir -p "$(dirname "$dest")"
  if [[ -f "$dest" ]] && cmp -s "$src" "$dest"; then
    log "  up to date: $dest"
  else
    # a hard link when the cache is on one filesystem (no extra 80 MB per copy), else a copy
    ln -f "$src" "$dest.tmp.$$" 2>/dev/null || install -m 0755 "$src" "$dest.tmp.$$"
    chmod 0755 "$dest.tmp.$$"
    mv -f "$dest.tmp.$$" "$dest"
    log "  installed:  $dest"
  fi
}

: >"$MANIFEST.tmp"
includes=()
for spec in "${PROVIDERS[@]}"; do
  IFS='|' read -r name pinned module candidates xvar <<<"$spec"
  bin_name="terraform-provider-$name"
  log "== $name (pinned $pinned) from $module"

  resolved="" resolved_ver="" src_dir="" substitute=0 idx=0
  for cand in $candidates; do
    idx=$((idx + 1))
    if out="$(resolve_module "$module" "$cand")"; then
      resolved="$cand"
      resolved_ver="${out%%$'\t'*}"
      src_dir="${out#*$'\t'}"
      break
    fi
    log "  proxy does not serve $module@$cand"
  done
  if [[ -z "$resolved" ]]; then
    log "ERROR: none of the candidate versions of $module is available from $(go env GOPROXY)"
    exit 1
  fi

  actual="$(provider_version_of "$src_dir")"
  actual="${actual:-$pinned}"
  if [[ "$actual" != "$pinned" ]]; then
    substitute=1
    log "  SUBSTITUTE: $name $pinned is not available; using $module@$resolved_ver"
    log "  SUBSTITUTE: that tree says version $actual; it will ALSO be offered as $pinned"
    if [[ "$STRICT" == 1 ]]; then
      log "ERROR: the pinned release is not available from the module proxy; set PROVIDERS_ALLOW_SUBSTITUTE=1 to build the newest served commit instead (schema checks only)"
      exit 1
    fi
  else
    log "  resolved $module@$resolved_ver (release $actual)"
  fi

  gobin="$BUILD_ROOT/$name/$resolved_ver"
  bin="$gobin/$bin_name"
  if [[ -x "$bin" ]]; then
    log "  cached build: $bin ($(du -h "$bin" | cut -f1))"
  else
    mkdir -p "$gobin"
    ldflags="-s -w"
    [[ -n "$xvar" ]] && ldflags="$ldflags -X $xvar=$actual"
    log "  building (this takes many minutes on 2 cores)..."
    start=$(date +%s)
    # One `go install mod@version` per provider: each gets its own module graph (never both in
    # one wrapper module: MVS would mix helm's k8s.io versions into the kubernetes provider).
    run env GOBIN="$gobin" go install -trimpath -p "${BUILD_PARALLELISM:-2}" -ldflags "$ldflags" \
      "$module@$resolved_ver"
    log "  built $bin in $(($(date +%s) - start))s ($(du -h "$bin" | cut -f1))"
  fi

  versions=("$pinned")
  [[ "$substitute" == 1 ]] && versions+=("$actual")
  for host in "${HOSTS[@]}"; do
    for v in "${versions[@]}"; do
      place "$bin" "$MIRROR/$host/hashicorp/$name/$v/$TARGET/${bin_name}_v$v"
    done
    includes+=("$host/hashicorp/$name")
  done
  printf '%s\tpinned=%s\tmodule=%s@%s\tsource-version=%s\tsubstitute=%s\tgo=%s\tbinary=%s\tsha256=%s\n' \
    "$name" "$pinned" "$module" "$resolved_ver" "$actual" "$substitute" "$GO_VERSION" "$bin" \
    "$(sha256sum "$bin" | cut -d' ' -f1)" >>"$MANIFEST.tmp"
done
mv -f "$MANIFEST.tmp" "$MANIFEST"

include_list=""
for i in "${includes[@]}"; do include_list+="${include_list:+, }\"$i\""; done
rc_new="$(cat <<EOF
# Written by scripts/e2e/providers.sh: install providers only from the local filesystem mirror
# (no direct block: the registries are not reachable). See $MANIFEST.
disable_checkpoint = true

provider_installation {
  filesystem_mirror {
    path    = "$MIRROR"
    include = [$include_list]
  }
}
EOF
)"
if [[ -f "$RC" ]] && [[ "$(cat "$RC")" == "$rc_new" ]]; then
  log "up to date: $RC"
else
  printf '%s\n' "$rc_new" >"$RC"
  log "wrote $RC"
fi

log "manifest ($MANIFEST):"
sed 's/^/[providers]   /' "$MANIFEST" >&2
echo "export TF_CLI_CONFIG_FILE=$RC"
