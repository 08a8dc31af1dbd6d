/**
 * What the README says about the HTML report and the evidence package that no other test holds:
 * the browser suite is a command CI runs, and the topology picture it shows is in docs/. (The
 * behaviour it describes is tested in test/policies/report-html.test.ts, report-site.test.ts,
 * report-site-scale.test.ts, judged-flows.test.ts, test/cli/check-html.test.ts,
 * test/cli/evidence.test.ts and test/browser/.)
 */
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from '../helpers/env';
import { COMMANDS } from '../../cli/options';
import { AGGREGATE_ABOVE } from '../../policies/report/html/city-view';

const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');

describe('the README on the HTML report', () => {
  it('shows docs/topology.png, a PNG screenshot that is there', () => {
    expect(readme).toContain('](docs/topology.png)');
    const png = fs.readFileSync(path.join(REPO, 'docs', 'topology.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(800);
  });

  it('names npm run test:browser, which package.json defines and .ci/run runs', () => {
    expect(readme).toContain('npm run test:browser');
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['test:browser']).toContain('jest.browser.config.js');
    expect(fs.readFileSync(path.join(REPO, '.ci', 'run'), 'utf8')).toMatch(/^npm run test:browser$/m);
    expect(fs.readFileSync(path.join(REPO, 'scripts', 'browser', 'chromium.sh'), 'utf8')).toContain('apt-get install -y -q --no-install-recommends chromium');
  });

  it('lists the commands with the formats and options the CLI has', () => {
    expect(readme).toContain('check --format html --out report       # a folder');
    expect(readme).toContain('check --format html --out report.html');
    expect(readme).toContain('evidence --out evidence');
  });

  it('names the --live options evidence has, and the end-to-end test that runs them on the deployed city', () => {
    const evidence = COMMANDS.find((c) => c.name === 'evidence')!;
    for (const o of ['live', 'apiserver-cmdline', 'audit-log', 'probe-result']) {
      expect(readme).toContain(`--${o}`);
      expect(evidence.options.map((x) => x.name)).toContain(o);
    }
    expect(readme).toContain('The end-to-end suite runs it on the deployed city');
    expect(fs.readFileSync(path.join(REPO, 'test', 'e2e', '01e-evidence-live.e2e.test.ts'), 'utf8')).toContain("'--live'");
  });

  it('states the threshold above which the index aggregates, and the sizes and times the tests measure', () => {
    expect(readme).toContain(`Above ${AGGREGATE_ABOVE}\ntenants the index draws one box per department per zone`);
    const scale = fs.readFileSync(path.join(REPO, 'test', 'policies', 'report-site-scale.test.ts'), 'utf8');
    expect(readme).toContain('at 10,000 tenants the index stays under 2 MB');
    expect(scale).toMatch(/const N = 10000;[^]*const MB2 = 2_000_000;/);
    expect(readme).toContain("a 1,000-tenant city's index\nopens in headless Chromium in under 3 s");
    const browser = fs.readFileSync(path.join(REPO, 'test', 'browser', 'report-scale.browser.test.ts'), 'utf8');
    expect(browser).toMatch(/const TENANTS = 1000;[^]*const LIMIT_MS = 3000;/);
  });
});
