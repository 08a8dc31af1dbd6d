/**
 * The GOVCLOUD_CDKTF_SHORTCUTS setting, apart from stacks/cdktf-edge.ts so that the CLI can refuse a
 * bad value before anything loads cdktf (most commands never need it).
 */
export const SHORTCUTS_ENV = 'GOVCLOUD_CDKTF_SHORTCUTS';

const OFF = new Set(['off', '0', 'false', 'no']);
const ON = new Set(['', 'on', '1', 'true', 'yes']);

/** The setting an environment variable value stands for (`undefined`: unset, i.e. on). */
export function shortcutsSetting(value: string | undefined): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (ON.has(v)) return true;
  if (OFF.has(v)) return false;
  throw new Error(
    `${SHORTCUTS_ENV}=${JSON.stringify(value)} is not a setting (allowed: on, off) / ${SHORTCUTS_ENV}=${JSON.stringify(value)} 不是有效取值（可选：on、off）`,
  );
}
