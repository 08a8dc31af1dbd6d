#!/usr/bin/env bash
# Finds e2e labs left on the host by a run that no longer lives (the machine restarted, or the runner
# was killed with SIGKILL, so no teardown ran) and takes them down, so that the next run starts on a
# clean host instead of refusing a lab range "this machine uses".
#
#   bash scripts/e2e/stale-labs.sh [--list] [DIR]    DIR: where run folders live (default: $TMPDIR or /tmp)
#
# A run folder is DIR/govcloud-e2e-*; its lab is up while RUN/lab/lab.json exists. The run lives while
# any process names the run folder in its command line or its environment (GOVCLOUD_E2E_RUN), or
# works in it. A live run is never touched: the script exits 3 and names it (two suites cannot share
# the lab's addresses). --list prints the stale runs and changes nothing.
set -uo pipefail
list=0
[[ "${1:-}" == --list ]] && { list=1; shift; }
DIR="${1:-${TMPDIR:-/tmp}}"

lives() {
  local run="$1" p pid
  for p in /proc/[0-9]*; do
    pid="${p#/proc/}"
    [[ "$pid" == "$$" || "$pid" == "$BASHPID" ]] && continue
    if tr '\0' '\n' <"$p/environ" 2>/dev/null | grep -qxF "GOVCLOUD_E2E_RUN=$run"; then return 0; fi
    if tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -qF "$run/"; then return 0; fi
    if [[ "$(readlink "$p/cwd" 2>/dev/null)/" == "$run/"* ]]; then return 0; fi
  done
  return 1
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
code=0
for lab in "$DIR"/govcloud-e2e-*/lab/lab.json; do
  [[ -f "$lab" ]] || continue
  run="${lab%/lab/lab.json}"
  if lives "$run"; then
    echo "[e2e] another e2e run is using the lab: $run (wait for it, or stop it and run: bash scripts/e2e/lab-down.sh $run)" >&2
    code=3
    continue
  fi
  if [[ $list == 1 ]]; then
    echo "$run"
    continue
  fi
  echo "[e2e] taking down the lab of a run that no longer lives: $run" >&2
  bash "$here/lab-down.sh" "$run" && rm -rf "$run"
done
exit "$code"
