#!/usr/bin/env bash
# npm run test:e2e — the end-to-end suite: the example city deployed with `govcloud plan` / `apply` on
# four real API servers (kube-apiserver + kube-controller-manager per cluster, etcd), state in
# PostgreSQL, with terraform and with OpenTofu. Builds or reuses the parts first (scripts/e2e/parts.sh).
#
#   npm run test:e2e [-- JEST ARGS]        e.g. -- -t 'quota'
#   GOVCLOUD_E2E_KEEP=1 npm run test:e2e   keep the run folder (logs, kubeconfigs) afterwards
#
# Every process the suite starts is stopped on success, failure and Ctrl-C, and the host is put back as
# it was (network namespaces, links, routes, iptables, mounts, cgroups, sysctls, folders): the suite
# does it in its teardown, and this script runs scripts/e2e/lab-down.sh and stops whatever is left from
# the run folder's pid files and any process still working in the run folder. A lab left by a run that
# was killed outright (machine restart, SIGKILL: no teardown ran) is taken down before the next run
# starts (scripts/e2e/stale-labs.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if ! command -v go >/dev/null 2>&1; then
  echo "[e2e] SKIPPED: Go is not installed, and the parts (providers, kube-apiserver, OpenTofu) are built from Go modules."
  exit 0
fi

started=$SECONDS
bash scripts/e2e/parts.sh all
parts_s=$((SECONDS - started))
npx tsc -p tsconfig.json
# a lab left by a run that was killed outright (no teardown ran) is taken down first; a live one stops us
bash scripts/e2e/stale-labs.sh

RUN="$(mktemp -d "${TMPDIR:-/tmp}/govcloud-e2e-XXXXXX")"
export GOVCLOUD_E2E_RUN="$RUN"

stop_left() {
  local f pid p left=()
  for f in "$RUN"/pids/*.pid; do
    [[ -f "$f" ]] || continue
    pid="$(cat "$f")"
    kill -TERM "$pid" 2>/dev/null && left+=("$pid")
  done
  # anything else still working in the run folder (an engine, a provider plugin)
  for p in /proc/[0-9]*; do
    pid="${p#/proc/}"
    [[ "$pid" == "$$" ]] && continue
    if [[ "$(readlink "$p/cwd" 2>/dev/null)" == "$RUN"* ]] || { tr '\0' ' ' <"$p/cmdline" | grep -qF "$RUN"; } 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null && left+=("$pid")
    fi
  done
  if [[ ${#left[@]} -gt 0 ]]; then
    echo "[e2e] stopping ${#left[@]} process(es) left behind: ${left[*]}" >&2
    sleep 5
    for pid in "${left[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  fi
}
cleanup() {
  local code=$?
  # the data plane first (containers, mounts, namespaces, firewall, routes, sysctls), while RUN/lab says what it made
  bash scripts/e2e/lab-down.sh "$RUN" || true
  stop_left
  if [[ "${GOVCLOUD_E2E_KEEP:-0}" == 1 ]]; then
    echo "[e2e] run folder kept: $RUN" >&2
  else
    rm -rf "$RUN"
  fi
  echo "[e2e] parts ${parts_s}s, total $((SECONDS - started))s" >&2
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

npx jest -c jest.e2e.config.js --runInBand "$@"
