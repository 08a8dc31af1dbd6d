/** The kubeconfig of a network for commands on the live clusters: KUBE_CONFIG_PATH_<NETWORK>, else KUBE_CONFIG_PATH. */
export function kubeconfigFor(network: string): string | undefined {
  const v = process.env[`KUBE_CONFIG_PATH_${network.toUpperCase()}`] ?? process.env.KUBE_CONFIG_PATH;
  return v === undefined || v.trim() === '' ? undefined : v;
}
