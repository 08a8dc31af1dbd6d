/**
 * The HTML report of a large city in headless Chromium: a generated city of 1,000 tenants
 * (bench/generate.ts), checked by the CLI as users run it (`check --format html --out DIR`), its
 * index opened from a file: URL. The index must be open — loaded, styled, laid out — within
 * LIMIT_MS, measured in a browser already started from the navigation to the end of a forced
 * layout of the whole page; the
 * figure measured on the 2 shared cores this was written on is in the test's name. It fetches
 * nothing but itself, draws departments per zone, and every link leads to a page of the folder; a
 * tenant's page opens with its own topology inside its frame.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Browser } from './chromium';
import { generateCity, BENCH_TODAY } from '../../bench/generate';
import { REPO, tmpDir } from '../helpers/env';

const TENANTS = 1000;
const LIMIT_MS = 3000;
const CLI = path.join(REPO, 'dist', 'cli', 'main.js');
const WORK = tmpDir('browser-scale');
const SITE = path.join(WORK, 'report');

/** What the index shows once laid out; reading the bottom of the page forces the layout of all of it. */
const INDEX = `(() => {
  const footer = document.querySelector('footer').getBoundingClientRect().bottom;
  const svg = document.querySelector('#topology-svg');
  return {
    footer,
    aggregated: svg.classList.contains('aggregated'),
    boxes: svg.querySelectorAll('a.group-link').length,
    tenants: [...svg.querySelectorAll('a.group-link')].reduce((s, a) => s + Number(a.dataset.tenants), 0),
    lines: svg.querySelectorAll('path.flow').length,
    links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
    loadMs: performance.getEntriesByType('navigation')[0].loadEventEnd,
  };
})()`;

interface IndexDom {
  footer: number;
  aggregated: boolean;
  boxes: number;
  tenants: number;
  lines: number;
  links: string[];
  loadMs: number;
}

describe(`the HTML report of a generated city of ${TENANTS.toLocaleString('en')} tenants in headless Chromium`, () => {
  let browser: Browser;

  beforeAll(() => {
    generateCity(path.join(WORK, 'city'), TENANTS);
    const r = spawnSync(process.execPath, [CLI, 'check', '--env', path.join(WORK, 'city'), '--format', 'html', '--out', SITE, '--today', BENCH_TODAY], {
      cwd: REPO,
      encoding: 'utf8',
    });
    if (r.status !== 0 && r.status !== 1) throw new Error(`check --format html failed: ${r.stderr}`);
    browser = new Browser();
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(WORK, { recursive: true, force: true });
  });

  // measured at 0.4 s (load event at 0.1 s) on 2 cores shared with other work at a load average of 16: a margin of 7 times
  it(`opens the index in at most ${LIMIT_MS / 1000} s (measured 0.4 s), fetching nothing but itself`, async () => {
    const url = pathToFileURL(path.join(SITE, 'index.html')).href;
    // the browser's own start (its first page) is not the report's: warm it on an empty page
    await browser.open('about:blank');
    const began = Date.now();
    const page = await browser.open(url);
    const dom = await page.evaluate<IndexDom>(INDEX);
    const ms = Date.now() - began;
    process.stderr.write(
      `index of ${TENANTS} tenants: ${fs.statSync(path.join(SITE, 'index.html')).size} bytes, open and laid out in ${ms} ms (load event at ${Math.round(dom.loadMs)} ms)\n`,
    );
    expect(ms).toBeLessThanOrEqual(LIMIT_MS);
    expect(dom.footer).toBeGreaterThan(0);
    expect(page.log.requests).toEqual([url]);
    expect(page.log.messages).toEqual([]);
    // departments per zone, holding every tenant; every link leads to a page of the folder
    expect(dom.aggregated).toBe(true);
    expect(dom.tenants).toBe(TENANTS);
    expect(dom.boxes).toBeGreaterThan(20);
    expect(dom.lines).toBeGreaterThan(20);
    for (const href of dom.links) {
      const file = href.split('#')[0];
      if (file !== '') expect([href, fs.existsSync(path.join(SITE, file))]).toEqual([href, true]);
    }
  });

  it('opens a tenant page with its own topology inside its frame', async () => {
    const tenants = fs.readdirSync(path.join(SITE, 'tenants')).sort();
    expect(tenants).toHaveLength(TENANTS);
    const page = await browser.open(pathToFileURL(path.join(SITE, 'tenants', tenants[0])).href);
    const l = await page.evaluate<{ svg: number[]; frame: number[]; self: string }>(`(() => {
      const r = (e) => { const b = e.getBoundingClientRect(); return [b.left, b.right, b.top, b.bottom]; };
      return { svg: r(document.querySelector('#topology-svg')), frame: r(document.querySelector('#topology-frame')),
        self: document.querySelector('#topology-svg g.self').dataset.tenant };
    })()`);
    expect(`${l.self}.html`).toBe(tenants[0]);
    expect(l.svg[0]).toBeGreaterThanOrEqual(l.frame[0]);
    expect(l.svg[1]).toBeLessThanOrEqual(l.frame[1]);
    expect(l.svg[3]).toBeLessThanOrEqual(l.frame[3]);
    expect(page.log.messages).toEqual([]);
  });
});
