/**
 * Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: file
 * descriptors 3 and 4, one JSON message per NUL-terminated line), so that the browser tests need no
 * library and no port. The browser is Debian's `chromium`, installed by scripts/browser/chromium.sh
 * when missing. One page per `open`; every request the page makes and every console or security
 * message it logs is recorded.
 */
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable, Writable } from 'stream';

const REPO = path.resolve(__dirname, '..', '..');

/** The browser's path: installs it (apt-get, as root) when missing. */
export function chromiumPath(): string {
  return execFileSync('bash', [path.join(REPO, 'scripts', 'browser', 'chromium.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly sessionId?: string;
  readonly params?: Record<string, unknown>;
  readonly result?: Record<string, unknown>;
  readonly error?: { readonly message: string };
}

export interface PageLog {
  /** URLs of every request the page started. */
  readonly requests: string[];
  /** Console and browser log entries (a CSP violation is one). */
  readonly messages: string[];
}

export class Browser {
  private readonly proc: ChildProcess;
  private readonly out: Writable;
  private next = 1;
  private buffer = '';
  private readonly waiting = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((m: Message) => void)[] = [];
  private readonly profile: string;

  constructor(executable: string = chromiumPath()) {
    this.profile = fs.mkdtempSync(path.join(os.tmpdir(), 'govcloud-chromium-'));
    const args = [
      '--headless',
      '--remote-debugging-pipe',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${this.profile}`,
      'about:blank',
    ];
    // Chromium's sandbox refuses to start as root (CI runs as root)
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    this.proc = spawn(executable, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    this.out = this.proc.stdio[3] as Writable;
    (this.proc.stdio[4] as Readable).on('data', (chunk: Buffer) => this.receive(chunk.toString('utf8')));
    this.proc.on('exit', () => {
      for (const w of this.waiting.values()) w.reject(new Error('chromium exited'));
      this.waiting.clear();
    });
  }

  private receive(text: string): void {
    this.buffer += text;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const m = JSON.parse(this.buffer.slice(0, end)) as Message;
      this.buffer = this.buffer.slice(end + 1);
      if (m.id !== undefined) {
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.error) w?.reject(new Error(m.error.message));
        else w?.resolve(m.result ?? {});
      } else for (const l of [...this.listeners]) l(m);
    }
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.out.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  /** Resolves on the first event `method` of the session. */
  private once(method: string, sessionId: string): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      const l = (m: Message) => {
        if (m.method === method && m.sessionId === sessionId) {
          this.listeners.splice(this.listeners.indexOf(l), 1);
          resolve(m.params ?? {});
        }
      };
      this.listeners.push(l);
    });
  }

  /** Opens `url` in a new page of the given size and waits for its load event. */
  async open(url: string, width = 1400, height = 1000): Promise<Page> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const log: PageLog = { requests: [], messages: [] };
    this.listeners.push((m) => {
      if (m.sessionId !== sessionId || !m.params) return;
      const p = m.params as { request?: { url: string }; entry?: { text: string; source: string }; args?: { value?: unknown }[]; type?: string };
      if (m.method === 'Network.requestWillBeSent' && p.request) log.requests.push(p.request.url);
      if (m.method === 'Log.entryAdded' && p.entry) log.messages.push(`${p.entry.source}: ${p.entry.text}`);
      if (m.method === 'Runtime.consoleAPICalled') log.messages.push(`console.${p.type ?? ''}: ${(p.args ?? []).map((a) => String(a.value)).join(' ')}`);
    });
    for (const domain of ['Network', 'Page', 'Log', 'Runtime']) await this.send(`${domain}.enable`, {}, sessionId);
    await this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, sessionId);
    const loaded = this.once('Page.loadEventFired', sessionId);
    await this.send('Page.navigate', { url }, sessionId);
    await loaded;
    return new Page(this, sessionId, log);
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.proc.once('exit', resolve));
    await this.send('Browser.close').catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
    clearTimeout(timer);
    if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
    for (const s of [this.proc.stdio[3], this.proc.stdio[4]]) (s as Readable | Writable | null)?.destroy();
    fs.rmSync(this.profile, { recursive: true, force: true });
  }
}

export class Page {
  constructor(
    private readonly browser: Browser,
    private readonly sessionId: string,
    readonly log: PageLog,
  ) {}

  /** The value of a JavaScript expression in the page (returned by value: plain data). */
  async evaluate<T>(expression: string): Promise<T> {
    const r = (await this.browser.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, this.sessionId)) as {
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  }

  /**
   * A PNG of a region of the page, in CSS pixels from the top of the document. The viewport is made
   * tall enough to hold the region (capturing beyond the viewport is slow on a long page).
   */
  async screenshot(clip: { x: number; y: number; width: number; height: number }, viewportWidth: number): Promise<Buffer> {
    const height = Math.ceil(clip.y + clip.height) + 1;
    await this.browser.send('Emulation.setDeviceMetricsOverride', { width: viewportWidth, height, deviceScaleFactor: 1, mobile: false }, this.sessionId);
    await this.evaluate('window.scrollTo(0, 0)');
    const r = (await this.browser.send('Page.captureScreenshot', { format: 'png', clip: { ...clip, scale: 1 } }, this.sessionId)) as { data: string };
    return Buffer.from(r.data, 'base64');
  }
}
