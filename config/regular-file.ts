/**
 * Reads a file only if it is a regular file, without following a symbolic link: a pipe (FIFO), a
 * device such as /dev/zero, a socket or a link is refused at once with an error code, never read,
 * so no input govcloud reads (overrides, a synth output read back, the synth cache) can hang it or
 * make it read a file outside the folder it was given. `maxBytes` bounds what is read.
 */
import * as fs from 'fs';
import { NOT_REGULAR, SYMLINK } from './files';

/** Error code of a file larger than the bound given to readRegularFile. */
export const TOO_LARGE = 'EFBIG';

/** The bytes of a regular file, or an error code (`ESYMLINK`, `ENOTREG`, `EFBIG`, or the system's). */
export function readRegularFile(file: string, maxBytes: number = Number.MAX_SAFE_INTEGER): Buffer | { readonly error: string } {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a pipe with no writer would otherwise wait for one
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { error: NOT_REGULAR };
    if (st.size > maxBytes) return { error: TOO_LARGE };
    const buf = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = fs.readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    // a file that grew while read is read to the size it had: never past the bound
    return read === st.size ? buf : buf.subarray(0, read);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    // O_NOFOLLOW on a link: ELOOP (Linux), EMLINK (FreeBSD), EFTYPE (macOS)
    return { error: code === 'ELOOP' || code === 'EMLINK' || code === 'EFTYPE' ? SYMLINK : code };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Whether a path is a FIFO, device or socket (not followed through a link); false when absent. */
export function isSpecialFile(p: string): boolean {
  try {
    const st = fs.lstatSync(p);
    return !st.isFile() && !st.isDirectory() && !st.isSymbolicLink();
  } catch {
    return false;
  }
}
