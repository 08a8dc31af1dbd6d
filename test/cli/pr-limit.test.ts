/**
 * A pull-request summary longer than the forge's comment limit (workflow/pr-limit.ts): cut at a
 * line, with what the cut left open closed, a note in both languages naming the file with the whole
 * summary, and that file written; a summary that fits is left as it is.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { COMMENT_LIMITS, fitComment, truncationNote } from '../../workflow/pr-limit';
import { baseRepo, REPO } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

function pr(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'pr', '--base', 'HEAD', '--env', 'env', '--lang', 'en', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GOVCLOUD_TODAY: '2026-11-23' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('fitComment', () => {
  const summary = [
    '### govcloud pull-request summary — ✅ Ready for approval',
    '',
    '<details><summary>Validation (3)</summary>',
    '',
    '```',
    ...Array.from({ length: 200 }, (_, i) => `env/tenants/north/t${i}.yaml:1:1 metadata.name: 问题 ${i}`),
    '```',
    '</details>',
    '',
    '<sub>base 0123456789ab</sub>',
    '',
  ].join('\n');

  it('leaves a summary that fits as it is', () => {
    expect(fitComment(summary, summary.length, 'full.md')).toEqual({ text: summary, truncated: false });
  });

  it.each([1000, 2000, 5000])('cuts a longer one at a line, within %i characters, closing the code fence and the folded section', (limit) => {
    const r = fitComment(summary, limit, 'pr-summary.full.md', 'github');
    expect(r.truncated).toBe(true);
    expect(r.text.length).toBeLessThanOrEqual(limit);
    const lines = r.text.split('\n');
    const note = truncationNote(limit, 'pr-summary.full.md', 'github');
    expect(r.text.endsWith(`\n\n${note}\n`)).toBe(true);
    // every line kept is a whole line of the summary
    const body = r.text.slice(0, r.text.length - note.length - 3).split('\n');
    const cut = body.slice(0, -2);
    expect(summary.startsWith(cut.join('\n'))).toBe(true);
    expect(body.slice(-2)).toEqual(['```', '</details>']);
    expect(lines[0]).toBe('### govcloud pull-request summary — ✅ Ready for approval');
    // used as much of the room as a whole line allows
    expect(r.text.length + 60).toBeGreaterThan(limit);
  });

  it('says so in both languages, naming the file and the limit of the forge', () => {
    const note = truncationNote(COMMENT_LIMITS.github, 'out/pr-summary.full.md', 'github');
    expect(note).toContain('GitHub comment limit (65,536 characters) and was cut here; the full summary is the file `out/pr-summary.full.md`');
    expect(note).toContain('本摘要超过GitHub评论长度上限（65,536 个字符），已在此处截断；完整摘要见文件 `out/pr-summary.full.md`');
    expect(COMMENT_LIMITS.gitlab).toBe(1000000);
  });
});

describe('govcloud pr with a small comment limit', () => {
  const dir = baseRepo('pr-limit');
  // a new tenant: dozens of resources added, a summary of several thousand characters
  const src = fs.readFileSync(path.join(dir, 'env/tenants/north/relief.yaml'), 'utf8');
  fs.writeFileSync(path.join(dir, 'env/tenants/north/records.yaml'), src.replace('name: relief', 'name: records').replace('tier: none', 'tier: backup'));
  spawnSync(process.execPath, [CLI, 'pools', '--write', '--env', 'env'], { cwd: dir });
  const whole = pr(dir, ['--format', 'md']);

  it('cuts the comment, with the note, and writes the whole summary beside --out', () => {
    expect(whole.code).toBe(0);
    expect(whole.out.length).toBeGreaterThan(2000);
    const r = pr(dir, ['--format', 'md', '--comment-limit', '2000', '--out', 'pr-summary.md']);
    expect([r.code, r.err]).toEqual([0, '']);
    const comment = fs.readFileSync(path.join(dir, 'pr-summary.md'), 'utf8');
    expect(comment.length).toBeLessThanOrEqual(2000);
    expect(comment).toContain('comment limit (2,000 characters) and was cut here; the full summary is the file `pr-summary.full.md`');
    expect(comment).toContain('✅ Ready for approval');
    expect(fs.readFileSync(path.join(dir, 'pr-summary.full.md'), 'utf8')).toBe(whole.out);
  });

  it('takes the limit of the forge: the summary fits GitHub and GitLab whole', () => {
    for (const forge of ['github', 'gitlab']) {
      const out = `${forge}.md`;
      expect(pr(dir, ['--format', 'md', '--forge', forge, '--out', out]).code).toBe(0);
      expect(fs.readFileSync(path.join(dir, out), 'utf8')).toBe(whole.out);
      expect(fs.existsSync(path.join(dir, `${forge}.full.md`))).toBe(false);
    }
  });

  it('refuses a limit that is not a whole number of at least 1000 characters (usage error)', () => {
    for (const bad of ['999', '2k', '-5']) {
      const r = pr(dir, ['--comment-limit', bad]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--comment-limit must be a whole number of characters from 1000 to 100000000, got "${bad}"`);
    }
  });
});
