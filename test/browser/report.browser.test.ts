/**
 * The HTML report in a real browser (headless Chromium, Debian's package): the example city and the
 * violations city are opened from file: URLs as an assessor would open them from a USB stick.
 * Asserts on the DOM as rendered (every tenant, every failing rule), on what the page tried to fetch
 * (nothing but itself, with a control page proving the recorder sees a request), and on the
 * topology as laid out by the browser: not empty, every drawn element inside the viewBox (text as
 * really measured, not as estimated), the picture inside its frame. Screenshots of the topology go
 * to a temporary folder; GOVCLOUD_UPDATE_DOCS=1 writes the example city's to docs/topology.png.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Browser, Page } from './chromium';
import { REPO, tmpDir } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');
const OUT = tmpDir('browser');

interface ReportJson {
  tenants: { name: string; findings: { rule: string; status: string }[] }[];
}

/** The city's HTML and JSON reports, written by the CLI as users run it. */
function reports(env: string, lang: string): { html: string; json: ReportJson } {
  const base = path.join(OUT, `${path.basename(env)}-${lang}`);
  for (const format of ['html', 'json']) {
    const r = spawnSync(
      process.execPath,
      [CLI, 'check', '--env', env, '--format', format, '--out', `${base}.${format}`, '--today', '2026-11-23', '--lang', lang],
      {
        cwd: REPO,
        encoding: 'utf8',
      },
    );
    if (r.status !== 0 && r.status !== 1) throw new Error(`check --format ${format} failed: ${r.stderr}`);
  }
  return { html: `${base}.html`, json: JSON.parse(fs.readFileSync(`${base}.json`, 'utf8')) as ReportJson };
}

interface Layout {
  viewBox: { width: number; height: number };
  content: { x: number; y: number; width: number; height: number };
  outside: string[];
  drawn: number;
  svgRect: { left: number; right: number; top: number; bottom: number };
  frameRect: { left: number; right: number; top: number; bottom: number; top0: number };
  frameScroll: { scrollWidth: number; clientWidth: number };
}

/** Every drawn element's box in the SVG's own units (getBBox: as the browser measured it) against the viewBox. */
const LAYOUT = `(() => {
  const svg = document.querySelector('#topology-svg');
  const vb = svg.viewBox.baseVal;
  const outside = [];
  const shapes = [...svg.querySelectorAll('rect, text, path, line')].filter((e) => !e.closest('marker'));
  for (const e of shapes) {
    const b = e.getBBox();
    if (b.x < vb.x - 0.5 || b.y < vb.y - 0.5 || b.x + b.width > vb.x + vb.width + 0.5 || b.y + b.height > vb.y + vb.height + 0.5)
      outside.push(e.tagName + ' ' + (e.textContent || e.getAttribute('class')) + ' ' + [b.x, b.y, b.width, b.height].map(Math.round).join(','));
  }
  const c = svg.getBBox();
  const r = (el) => { const x = el.getBoundingClientRect(); return { left: x.left, right: x.right, top: x.top, bottom: x.bottom, top0: x.top + window.scrollY }; };
  const frame = document.querySelector('#topology-frame');
  return { viewBox: { width: vb.width, height: vb.height }, content: { x: c.x, y: c.y, width: c.width, height: c.height }, outside, drawn: shapes.length,
    svgRect: r(svg), frameRect: r(frame), frameScroll: { scrollWidth: frame.scrollWidth, clientWidth: frame.clientWidth } };
})()`;

const DOM = `(() => ({
  sections: [...document.querySelectorAll('section.tenant')].map((s) => s.dataset.tenant),
  drawn: [...document.querySelectorAll('#topology-svg a.tenant-link')].map((a) => a.dataset.tenant),
  failing: [...document.querySelectorAll('section.tenant tr.finding[data-status="fail"]')]
    .filter((tr) => tr.getBoundingClientRect().height > 0)
    .map((tr) => tr.closest('section').dataset.tenant + '/' + tr.dataset.rule),
  verdict: document.querySelector('.verdict').dataset.blocking,
  lang: document.documentElement.lang,
  stylesheets: document.styleSheets.length,
}))()`;

describe('the HTML report in headless Chromium', () => {
  let browser: Browser;
  const cities = [
    { env: 'environments/example-city', lang: 'zh', name: 'example-city' },
    { env: 'environments/example-city-violations', lang: 'en', name: 'violations' },
  ];
  const pages = new Map<string, { page: Page; json: ReportJson; html: string }>();

  beforeAll(async () => {
    browser = new Browser();
    for (const c of cities) {
      const r = reports(c.env, c.lang);
      pages.set(c.name, { page: await browser.open(pathToFileURL(r.html).href), json: r.json, html: r.html });
    }
  }, 300000);

  afterAll(async () => {
    await browser?.close();
  });

  it('records a request when a page makes one (the control for the tests below)', async () => {
    const control = path.join(OUT, 'control.html');
    fs.writeFileSync(control, '<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/control.png"></body></html>');
    const page = await browser.open(pathToFileURL(control).href);
    expect(page.log.requests).toContain('http://127.0.0.1:9/control.png');
  });

  describe.each(cities)('$name ($lang)', (c) => {
    const get = () => {
      const p = pages.get(c.name);
      if (!p) throw new Error('page not opened');
      return p;
    };

    it('fetches nothing but itself, and logs no security or console message', () => {
      const { page, html } = get();
      expect(page.log.requests).toEqual([pathToFileURL(html).href]);
      expect(page.log.messages).toEqual([]);
    });

    it('shows a section and a topology entry for every tenant of the report', async () => {
      const { page, json } = get();
      const dom = await page.evaluate<{ sections: string[]; drawn: string[]; lang: string; stylesheets: number }>(DOM);
      const names = json.tenants.map((t) => t.name);
      expect(names.length).toBeGreaterThan(0);
      expect(dom.sections).toEqual(names);
      expect([...dom.drawn].sort()).toEqual([...names].sort());
      expect(dom.lang).toBe(c.lang === 'zh' ? 'zh-CN' : 'en');
      expect(dom.stylesheets).toBe(1);
    });

    it('shows every failing rule of every tenant', async () => {
      const { page, json } = get();
      const dom = await page.evaluate<{ failing: string[]; verdict: string }>(DOM);
      const failing = json.tenants.flatMap((t) => t.findings.filter((f) => f.status === 'fail').map((f) => `${t.name}/${f.rule}`));
      expect([...dom.failing].sort()).toEqual([...failing].sort());
      if (c.name === 'violations') expect(failing.length).toBeGreaterThan(0);
      expect(Number(dom.verdict) > 0).toBe(c.name === 'violations');
    });

    it('draws a topology that is not empty and stays inside its viewBox and its frame', async () => {
      const { page } = get();
      const l = await page.evaluate<Layout>(LAYOUT);
      expect(l.drawn).toBeGreaterThan(20);
      expect(l.content.width).toBeGreaterThan(l.viewBox.width / 2);
      expect(l.content.height).toBeGreaterThan(l.viewBox.height / 2);
      expect(l.outside).toEqual([]);
      expect(l.content.x).toBeGreaterThanOrEqual(0);
      expect(l.content.y).toBeGreaterThanOrEqual(0);
      expect(l.content.x + l.content.width).toBeLessThanOrEqual(l.viewBox.width);
      expect(l.content.y + l.content.height).toBeLessThanOrEqual(l.viewBox.height);
      // the picture inside its frame, which does not scroll
      expect(l.svgRect.left).toBeGreaterThanOrEqual(l.frameRect.left);
      expect(l.svgRect.right).toBeLessThanOrEqual(l.frameRect.right);
      expect(l.svgRect.bottom).toBeLessThanOrEqual(l.frameRect.bottom);
      expect(l.frameScroll.scrollWidth).toBeLessThanOrEqual(l.frameScroll.clientWidth);
    });

    it('takes a screenshot of the topology', async () => {
      const { page } = get();
      const l = await page.evaluate<Layout>(LAYOUT);
      const f = l.frameRect;
      const png = await page.screenshot({ x: f.left, y: f.top0, width: f.right - f.left, height: f.bottom - f.top }, 1400);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // width and height from the PNG header: the frame as laid out
      expect(png.readUInt32BE(16)).toBe(Math.ceil(f.right - f.left));
      expect(png.length).toBeGreaterThan(20000);
      fs.writeFileSync(path.join(OUT, `${c.name}-topology.png`), png);
      if (c.name === 'example-city' && process.env.GOVCLOUD_UPDATE_DOCS === '1') fs.writeFileSync(path.join(REPO, 'docs', 'topology.png'), png);
    });
  });
});
