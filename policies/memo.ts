/**
 * A pure function of a text, computed once per distinct text: the audit rules judge the same few
 * cluster files (one policy and one flags file per cluster) for every tenant the cluster hosts, and
 * parsing that YAML again for each of 10,000 tenants took seconds. Holds at most `limit` texts.
 */
export function memoByText<T>(f: (text: string) => T, limit = 64): (text: string) => T {
  const known = new Map<string, T>();
  return (text: string) => {
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as T;
    const value = f(text);
    if (known.size >= limit) known.clear();
    known.set(text, value);
    return value;
  };
}
