#!/usr/bin/env bash
# Takes the e2e data plane down and puts the host back as it was before the suite, from what the
# suite recorded in RUN/lab/ (lab.json: the lab's names; before.json: sysctls and folders before).
# Safe to run twice, and after a crash or Ctrl-C: what is not there is skipped.
#
#   bash scripts/e2e/lab-down.sh RUN
#
# Order (real-parts.md §9): every process of the run (node programs, control plane) → the
# containers' processes, found by the nodes' cgroups → mounts under the run folder and the lab's
# network namespaces → host firewall chains, routes, links, namespaces → cgroup folders → sysctls
# (ip_forward first) → folders the kubelet, containerd and CNI made that were not there before.
set -uo pipefail
RUN="${1:?usage: lab-down.sh RUN}"
LAB="$RUN/lab"
[[ -f "$LAB/lab.json" ]] || exit 0
id="$(jq -r .id "$LAB/lab.json")"
[[ "$id" =~ ^[a-z0-9]{4}$ ]] || { echo "[lab-down] bad lab id in $LAB/lab.json" >&2; exit 1; }

# 1. processes of the run: recorded pids, then anything naming the run folder (containerd shims)
for f in "$RUN"/pids/*.pid; do [[ -f "$f" ]] && kill -TERM "$(cat "$f")" 2>/dev/null; done
sleep 1
for p in /proc/[0-9]*; do
  pid="${p#/proc/}"
  [[ "$pid" == "$$" ]] && continue
  if tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -qF "$RUN/"; then kill -KILL "$pid" 2>/dev/null; fi
done
for f in "$RUN"/pids/*.pid; do [[ -f "$f" ]] && kill -KILL "$(cat "$f")" 2>/dev/null; done

# 2. the containers' processes, by the cgroups of the nodes' kubelets
cgroups() { find /sys/fs/cgroup/*/ -maxdepth 1 -type d -name "govcloud-$id-*" 2>/dev/null; }
for round in 1 2 3; do
  left=0
  while read -r dir; do
    while read -r procs; do
      while read -r pid; do [[ -n "$pid" ]] && { kill -KILL "$pid" 2>/dev/null; left=1; }; done <"$procs"
    done < <(find "$dir" -name cgroup.procs 2>/dev/null)
  done < <(cgroups)
  [[ $left == 0 ]] && break
  sleep 1
done

# 3. mounts: everything under the run folder and the lab's namespaces, deepest first
for round in 1 2 3; do
  mapfile -t mounts < <(awk '{print $5}' /proc/self/mountinfo | grep -E "^($RUN/|/run/netns/gv-$id-|/run/containerd/io.containerd.grpc.v1.cri/sandboxes/)" | sort -r)
  [[ ${#mounts[@]} -eq 0 ]] && break
  for m in "${mounts[@]}"; do umount -l "$m" 2>/dev/null; done
done

# 4. host firewall, routes, links, namespaces
for pair in GVLAB-IN:INPUT GVLAB-FWD:FORWARD; do
  chain="${pair%%:*}" hook="${pair##*:}"
  while iptables -D "$hook" -j "$chain" 2>/dev/null; do :; done
  iptables -F "$chain" 2>/dev/null; iptables -X "$chain" 2>/dev/null
done
jq -r '.routes[]?' "$LAB/lab.json" | while read -r r; do ip route del $r 2>/dev/null; done
ip -o route show | awk '/ via 10\.250\.[0-9]+\.2 /{print $1}' | while read -r dst; do ip route del "$dst" 2>/dev/null; done
ip route del 198.51.100.0/24 2>/dev/null
for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E "^gv-$id-"); do ip netns del "$ns" 2>/dev/null; done
# the pods' own namespaces (containerd's CRI makes them in /run/netns as cni-<uuid>), those not there before
for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E '^cni-'); do
  if ! jq -e --arg n "$ns" '.netns | index($n)' "$LAB/before.json" >/dev/null 2>&1; then ip netns del "$ns" 2>/dev/null; fi
done
# the lab's host addresses: 10.250.0.1 (API servers, registries) and the sites' object stores (10.250.0.11, …)
for a in $(ip -o -4 addr show dev lo 2>/dev/null | awk '{print $4}' | grep -E '^10\.250\.0\.[0-9]+/32$'); do ip addr del "$a" dev lo 2>/dev/null; done
ip addr del 198.51.100.20/32 dev lo 2>/dev/null
for l in $(ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1 | grep -E "^gv$id"); do ip link del "$l" 2>/dev/null; done

# 5. cgroup folders, deepest first
while read -r dir; do find "$dir" -depth -type d -exec rmdir {} \; 2>/dev/null; done < <(cgroups)

# 6. sysctls as they were (ip_forward first: turning it off resets every conf.*.forwarding)
if [[ -f "$LAB/before.json" ]]; then
  for key in net/ipv4/ip_forward $(jq -r '.sysctls | keys[]' "$LAB/before.json" | grep -v '^net/ipv4/ip_forward$'); do
    want="$(jq -r --arg k "$key" '.sysctls[$k]' "$LAB/before.json")"
    [[ -n "$want" && -w "/proc/sys/$key" ]] && [[ "$(cat "/proc/sys/$key")" != "$want" ]] && echo "$want" >"/proc/sys/$key"
  done
  # 7. folders that were not there before
  for d in $(jq -r '.hostDirs[]' "$LAB/before.json"); do
    if ! jq -e --arg d "$d" '.dirs | index($d)' "$LAB/before.json" >/dev/null; then
      if mountpoint -q /run/netns 2>/dev/null && [[ "$d" == /run/netns ]]; then umount /run/netns 2>/dev/null; fi
      rm -rf "$d"
    fi
  done
fi
rm -f "$LAB/lab.json"
echo "[lab-down] lab $id taken down" >&2
