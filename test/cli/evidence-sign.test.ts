/**
 * A signed evidence package (issue 23): the manifest records who made it from what (govcloud's version
 * and commit, the rule pack, the producer, the day) and is signed with SM2/SM3 through OpenSSL;
 * `govcloud evidence verify` passes the package as written and fails an edited byte, an added file, a
 * package whose sums were recomputed after an edit, and a signer other than the trusted one.
 */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { REPO, tmpDir } from '../helpers/env';
import { RULES } from '../../policies/registry';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

function govcloud(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** An SM2 key and its self-signed certificate (SM3), as a city's CA would issue one. */
function sm2Signer(dir: string, cn: string): { key: string; cert: string } {
  const key = path.join(dir, `${cn}.key`);
  const cert = path.join(dir, `${cn}.crt`);
  execFileSync('openssl', ['genpkey', '-algorithm', 'SM2', '-out', key], { stdio: 'ignore' });
  execFileSync('openssl', ['req', '-new', '-x509', '-key', key, '-sm3', '-subj', `/CN=${cn}/O=example-city`, '-days', '30', '-out', cert], { stdio: 'ignore' });
  return { key, cert };
}

describe('signed evidence packages', () => {
  const dir = tmpDir('evidence-sign');
  const keys = fs.mkdtempSync(path.join(dir, 'keys-'));
  const city = sm2Signer(keys, 'evidence-signer');
  const other = sm2Signer(keys, 'someone-else');
  const pkg = path.join(dir, 'pkg');
  const made = govcloud(['evidence', '--out', pkg, '--sign-key', city.key, '--sign-cert', city.cert, '--by', '张工', '--today', '2026-11-23']);
  const copy = (name: string) => {
    const to = path.join(dir, name);
    fs.cpSync(pkg, to, { recursive: true });
    return to;
  };

  it('signs the manifest with SM2/SM3 and records the provenance in it; the private key never goes in', () => {
    expect([made.code, made.err]).toEqual([0, '']);
    expect(made.out).toMatch(/Signed manifest\.json \(SM2-SM3\) as O=example-city,CN=evidence-signer/);
    const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'manifest.json'), 'utf8'));
    expect(manifest.signature).toEqual({ file: 'manifest.json.sig', algorithm: 'SM2-SM3', signer: 'O=example-city,CN=evidence-signer' });
    expect(manifest.provenance).toEqual({
      tool: 'govcloud',
      version: JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version,
      commit: expect.stringMatching(/^([0-9a-f]{40}(-dirty)?|unknown)$/),
      rules: { count: RULES.length, digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
      producer: '张工',
      producedOn: '2026-11-23',
    });
    expect(fs.readFileSync(path.join(pkg, 'signer.pem'), 'utf8')).toBe(fs.readFileSync(city.cert, 'utf8'));
    const all = fs.readdirSync(pkg, { recursive: true }).map(String);
    for (const f of all) {
      const file = path.join(pkg, f);
      if (fs.statSync(file).isFile()) expect([f, fs.readFileSync(file, 'utf8').includes('PRIVATE KEY')]).toEqual([f, false]);
    }
  });

  it('verifies as written, against the certificate the assessor trusts', () => {
    const r = govcloud(['evidence', 'verify', '--package', pkg, '--cert', city.cert]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(
      /Verified .*: every file as listed, signed by O=example-city,CN=evidence-signer; made by govcloud \S+ \(\S+\), \d+ rules, by 张工 on 2026-11-23/,
    );
  });

  it('fails for another signer, an edited byte, an added file, and sums recomputed after an edit', () => {
    expect(govcloud(['evidence', 'verify', '--package', pkg, '--cert', other.cert])).toEqual({
      code: 1,
      out: '',
      err: expect.stringMatching(/signature of manifest\.json does not verify/),
    });

    const edited = copy('edited');
    const report = path.join(edited, 'report.json');
    fs.writeFileSync(report, fs.readFileSync(report, 'utf8').replace('"blocking": 0', '"blocking": 0 '));
    expect(govcloud(['evidence', 'verify', '--package', edited, '--cert', city.cert]).err).toContain('changed: report.json');

    const added = copy('added');
    fs.writeFileSync(path.join(added, 'note.txt'), 'trust me\n');
    expect(govcloud(['evidence', 'verify', '--package', added, '--cert', city.cert]).err).toContain('added: note.txt');

    // an editor who recomputes every sum: the files agree with the manifest again, the signature does not
    const forged = copy('forged');
    const html = path.join(forged, 'report', 'index.html');
    fs.appendFileSync(html, '<!-- 通过 -->');
    const m = JSON.parse(fs.readFileSync(path.join(forged, 'manifest.json'), 'utf8'));
    for (const f of m.files)
      f.sha256 = createHash('sha256')
        .update(fs.readFileSync(path.join(forged, f.path)))
        .digest('hex');
    fs.writeFileSync(path.join(forged, 'manifest.json'), JSON.stringify(m, null, 2));
    fs.writeFileSync(path.join(forged, 'SHA256SUMS'), m.files.map((f: { sha256: string; path: string }) => `${f.sha256}  ${f.path}\n`).join(''));
    expect(spawnSync('sha256sum', ['-c', '--strict', '--quiet', 'SHA256SUMS'], { cwd: forged }).status).toBe(0);
    const r = govcloud(['evidence', 'verify', '--package', forged, '--cert', city.cert]);
    expect([r.code, r.err]).toEqual([1, expect.stringMatching(/does not verify/)]);
  });

  it("refuses a key that is not the certificate's, or one of the two alone, before writing anything", () => {
    const out = path.join(dir, 'mismatch');
    const r = govcloud(['evidence', '--out', out, '--sign-key', other.key, '--sign-cert', city.cert]);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('does not belong to the certificate')]);
    expect(fs.existsSync(out)).toBe(false);
    expect(govcloud(['evidence', '--out', out, '--sign-key', city.key]).code).toBe(2);
    expect(govcloud(['evidence', 'verify', '--package', pkg]).code).toBe(2);
  });
});
