/** Temporary folders for fuzz cases, removed after each case; and the fixed day the checks judge against. */
import * as fs from 'fs';
import { tmpDir } from '../../helpers/env';

/** The day waivers and approval dates are judged against, so that a run does not depend on the calendar. */
export const TODAY = '2026-11-23';

/** Runs `body` with a fresh temporary folder, removed afterwards whatever happens. */
export async function inTmp<T>(prefix: string, body: (dir: string) => Promise<T>): Promise<T> {
  const dir = tmpDir(`fuzz-${prefix}`);
  try {
    return await body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Sets GOVCLOUD_TODAY for the file's tests (call in describe). */
export function fixedToday(): void {
  let before: string | undefined;
  beforeAll(() => {
    before = process.env.GOVCLOUD_TODAY;
    process.env.GOVCLOUD_TODAY = TODAY;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.GOVCLOUD_TODAY;
    else process.env.GOVCLOUD_TODAY = before;
  });
}
