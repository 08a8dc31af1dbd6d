#!/usr/bin/env bash
# Run `init -backend=false` + `validate` with the real providers on every synthesized stack.
#
#   bash scripts/e2e/validate-stacks.sh [OUT_DIR]        # default OUT_DIR=cdktf.out
#   ENGINE=tofu bash scripts/e2e/validate-stacks.sh      # OpenTofu instead of Terraform (if on PATH)
#
# Providers come from the offline filesystem mirror built by scripts/e2e/parts.sh (called
# here when the mirror or CLI config is missing). Provider binaries are shared through
# TF_PLUGIN_CACHE_DIR under the cache; `.terraform/` and `.terraform.lock.hcl` land in the stack
# folders under OUT_DIR (git-ignored). Full per-stack logs: $CACHE/validate-logs/.
# Prints one line per stack; exits 1 if any stack fails, 2 on a setup problem.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT_DIR="${1:-cdktf.out}"
ENGINE="${ENGINE:-terraform}"
CACHE="${GOVCLOUD_CACHE:-$HOME/.cache/govcloud}"
RC="$CACHE/terraformrc"
MIRROR="$CACHE/mirror"
LOGS="$CACHE/validate-logs"

log() { printf '[validate] %s\n' "$*" >&2; }

case "$ENGINE" in
  terraform | tofu) ;;
  *) log "ENGINE must be terraform or tofu, not '$ENGINE'"; exit 2 ;;
esac
if ! command -v "$ENGINE" >/dev/null 2>&1; then
  log "$ENGINE is not on PATH"; exit 2
fi
if [[ ! -d "$OUT_DIR" ]]; then
  log "no $OUT_DIR: run \`node dist/cli/main.js synth\` first"; exit 2
fi
OUT_DIR="$(cd "$OUT_DIR" && pwd)"

# Providers: build / lay out the mirror when anything is missing (cheap when cached).
if [[ ! -f "$RC" || ! -d "$MIRROR/registry.terraform.io/hashicorp/kubernetes" || ! -d "$MIRROR/registry.terraform.io/hashicorp/helm" ]]; then
  log "provider mirror missing: running $HERE/parts.sh providers"
  bash "$HERE/parts.sh" providers
fi

export TF_CLI_CONFIG_FILE="$RC"
export TF_PLUGIN_CACHE_DIR="$CACHE/plugin-cache/$ENGINE"
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
unset TF_DATA_DIR TF_WORKSPACE
mkdir -p "$TF_PLUGIN_CACHE_DIR" "$LOGS"
log "engine: $($ENGINE version | head -n1), TF_CLI_CONFIG_FILE=$RC"
log "plugin cache: $TF_PLUGIN_CACHE_DIR; logs: $LOGS"

shopt -s nullglob
stacks=("$OUT_DIR"/extranet/stacks/*/cdk.tf.json "$OUT_DIR"/intranet/stacks/*/cdk.tf.json)
if [[ ${#stacks[@]} -eq 0 ]]; then
  log "no stacks under $OUT_DIR/{extranet,intranet}/stacks/*/cdk.tf.json"; exit 2
fi

# first_error LOGFILE -> a one-line summary of the first "Error: ..." diagnostic
first_error() {
  local line
  local line where
  line="$(grep -m1 -E '^(│ )?Error: ' "$1" || true)"
  line="${line#│ }"
  # the location line that follows it ("on cdk.tf.json line 12, in resource.x.y.spec:")
  where="$(awk '/^(│ )?Error: /{e=1} e && /^(│ )? *on .* line [0-9]+/{sub(/^(│ )? */, ""); print; exit}' "$1")"
  printf '%s%s' "${line:-see $1}" "${where:+ ($where)}"
}

pass=0 fail=0 warned=0
failed_names=()
for json in "${stacks[@]}"; do
  dir="$(dirname "$json")"
  name="${dir#"$OUT_DIR"/}"; name="${name/\/stacks\//\/}"   # e.g. extranet/city-platform
  logf="$LOGS/${name//\//__}.log"
  : >"$logf"
  status=ok
  start=$(date +%s)
  (
    cd "$dir"
    echo "### [init] $ENGINE init -backend=false -input=false  (in $dir)"
    "$ENGINE" init -backend=false -input=false -no-color
  ) >>"$logf" 2>&1 || status=init
  if [[ "$status" == init ]] && grep -qE "checksums previously recorded|doesn't match any of the checksums" "$logf"; then
    # A lock file from an earlier build of the providers (another Go version or commit): it is
    # generated and git-ignored, so drop it and let init record the current build.
    echo "### stale .terraform.lock.hcl (provider rebuilt): removing it and retrying" >>"$logf"
    rm -f "$dir/.terraform.lock.hcl"
    status=ok
    (cd "$dir" && echo "### [init] retry" && "$ENGINE" init -backend=false -input=false -no-color) >>"$logf" 2>&1 || status=init
  fi
  if [[ "$status" == ok ]]; then
    (
      cd "$dir"
      echo "### [validate] $ENGINE validate -no-color"
      "$ENGINE" validate -no-color
    ) >>"$logf" 2>&1 || status=validate
  fi
  secs=$(($(date +%s) - start))
  # warnings from validate only (init always warns about the locally computed lock checksums)
  nwarn="$(awk 'index($0, "### ") == 1 { v = (index($0, "### [validate]") == 1) } v && /^(│ )?Warning: /' "$logf" | wc -l)"
  [[ "$nwarn" -gt 0 ]] && warned=$((warned + 1))
  if [[ "$status" == ok ]]; then
    pass=$((pass + 1))
    printf 'ok      %-45s (%ss%s)\n' "$name" "$secs" "$([[ "$nwarn" -gt 0 ]] && echo ", $nwarn warning(s), see $logf")"
  else
    fail=$((fail + 1))
    failed_names+=("$name")
    printf 'FAILED  %-45s %s failed: %s\n' "$name" "$status" "$(first_error "$logf")"
    # the diagnostics verbatim (everything after the failing command's header)
    awk -v s="### [$status]" 'index($0, "### ") == 1 { show = (index($0, s) == 1) } show' "$logf" | sed 's/^/        /'
  fi
done

echo "---"
echo "$pass ok, $fail failed ($((pass + fail)) stacks; $warned with warnings; engine $ENGINE; logs in $LOGS)"
if [[ $fail -gt 0 ]]; then
  printf 'failed: %s\n' "${failed_names[@]}"
  exit 1
fi
