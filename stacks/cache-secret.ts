/**
 * The secret that signs synth-cache entries and up-to-date records, so that only a process holding it
 * can write one that is believed. A content hash alone proves nothing: whoever can rewrite an entry
 * can rewrite its hash with it. The secret is kept outside the cache folder —
 * `GOVCLOUD_CACHE_SECRET` (at least 32 characters; CI runners that share a cache share it as a CI
 * secret), else `$XDG_CONFIG_HOME/govcloud/cache-secret` or `~/.config/govcloud/cache-secret`, made
 * on first use with mode 0600 — so a cache folder restored, shared or written by another user is
 * checked, never trusted: an entry it cannot verify is built again.
 */
import { createHmac, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readRegularFile } from '../config/regular-file';

/** Shortest GOVCLOUD_CACHE_SECRET accepted (a shorter one is ignored for the file). */
export const MIN_SECRET_CHARS = 32;

let cached: { readonly where: string; readonly secret: Buffer } | undefined;

/** Where the secret file is, for a given environment. */
export function secretFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : path.join(os.homedir(), '.config');
  return path.join(base, 'govcloud', 'cache-secret');
}

function loadSecret(env: NodeJS.ProcessEnv): Buffer | undefined {
  const fromEnv = env.GOVCLOUD_CACHE_SECRET;
  if (fromEnv !== undefined && fromEnv.length >= MIN_SECRET_CHARS) return Buffer.from(fromEnv, 'utf8');
  const file = secretFile(env);
  const read = () => {
    const bytes = readRegularFile(file, 4096);
    return Buffer.isBuffer(bytes) && bytes.length >= MIN_SECRET_CHARS ? bytes : undefined;
  };
  const existing = read();
  if (existing) return existing;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, randomBytes(32).toString('hex'), { mode: 0o600 });
    // link, not rename: of two processes making it at once, the first wins and both use its secret
    try {
      fs.linkSync(tmp, file);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  } catch {
    // made by another process meanwhile, or no place to keep it: read what is there
  }
  return read();
}

/** The signature of `parts` with this user's cache secret, or undefined when there is no secret (nothing is then trusted). */
export function sign(parts: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const where = `${env.GOVCLOUD_CACHE_SECRET ?? ''}\0${secretFile(env)}`;
  if (cached?.where !== where) {
    const secret = loadSecret(env);
    if (secret === undefined) return undefined;
    cached = { where, secret };
  }
  const mac = createHmac('sha256', cached.secret);
  for (const p of parts) mac.update(p).update('\0');
  return mac.digest('hex');
}
