// Shared by the end-to-end test and the UI benchmark: build the app, serve it on localhost, start Debian's chromium.

import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type BrowserServer, type Download, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = resolve(import.meta.dirname, '../..');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** Build the web app with the project's vite config into `outDir` (absolute). */
export async function buildApp(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.map': 'application/json',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serve `dir` on 127.0.0.1 at a free port (GET only, no directory listing). */
export async function serveDir(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile directory (removed on close). */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'hotcarrier-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1400, height: 1000 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface OpenApp {
  server: StaticServer;
  browser: Browser;
  page: Page;
  /** Uncaught errors the page raised. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Newest modification time (ms) of the files under `path` (or of `path` itself). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let t = 0;
  for (const name of readdirSync(path)) t = Math.max(t, newestMtime(join(path, name)));
  return t;
}

/** A build lock older than this (ms) is left over from a killed run and is taken over. */
const STALE_LOCK_MS = 180_000;

/**
 * One build of the app shared by the browser test files: test-results/e2e-app, rebuilt only when a file under
 * web/, src/ or workers/ (or vite.config.ts) is newer than the build. A lock directory (mkdir is atomic) keeps two
 * files running at once from building into it together; the second waits for the first's build, then reuses it.
 */
export async function sharedBuild(): Promise<string> {
  const results = join(ROOT, 'test-results');
  mkdirSync(results, { recursive: true });
  const dist = join(results, 'e2e-app');
  const stamp = join(results, 'e2e-app.built-from');
  const lock = join(results, 'e2e-app.lock');
  const newest = Math.max(...['web', 'src', 'workers', 'vite.config.ts'].map((p) => newestMtime(join(ROOT, p))));
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else if (held) await new Promise((r) => setTimeout(r, 250)); // another file is building: poll its lock
    }
  }
  try {
    const built = existsSync(stamp) && existsSync(join(dist, 'index.html')) ? Number(readFileSync(stamp, 'utf8')) : 0;
    if (!(built >= newest)) {
      await buildApp(dist);
      writeFileSync(stamp, String(newest));
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return dist;
}

/** What the global setup (test/global-setup.ts) hands the browser files: a chromium per vitest worker and one server
 *  of the shared build for the whole run, so that each file opens a browser context (milliseconds) instead of
 *  starting chromium (a second or two of a core) and serving the build itself. One chromium per worker rather than
 *  one for all: two files at once in one chromium share its compositor, and measured slower (two pages' loads,
 *  edits and screenshots at once: 15.0–16.0 s wall in one chromium, 13.9–14.2 s in two). */
export interface SharedBrowser {
  /** playwright's websocket endpoints of the chromiums the global setup started, one per vitest worker. */
  wsEndpoints: string[];
  /** The shared build of the app, served on localhost. */
  url: string;
}

/** Start `count` chromiums (playwright browser servers) and serve the shared build; `close` stops them all. */
export async function startSharedBrowser(count: number): Promise<SharedBrowser & { close(): Promise<void> }> {
  const launches = Array.from({ length: Math.max(1, count) }, () =>
    chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }));
  const [server, ...browsers]: [StaticServer, ...BrowserServer[]] = await Promise.all([sharedBuild().then(serveDir), ...launches]);
  return {
    wsEndpoints: browsers.map((b) => b.wsEndpoint()),
    url: server.url,
    async close() {
      await Promise.all(browsers.map((b) => b.close()));
      await server.close();
    },
  };
}

/** The options every browser test file's context is opened with (as the persistent context of launchChromium). */
const CONTEXT = { acceptDownloads: true, viewport: { width: 1400, height: 1000 } } as const;

/** The shared chromium and server when the global setup started them (vitest's inject); null otherwise (a file
 *  run on its own by a command the setup did not recognise as including the browser files, or outside vitest). */
async function sharedBrowser(): Promise<SharedBrowser | null> {
  try {
    const { inject } = await import('vitest');
    return (inject as (key: string) => SharedBrowser | null | undefined)('hotcarrierBrowser') ?? null;
  } catch {
    return null;
  }
}

/**
 * Open the app in a fresh chromium page of a browser context of its own: in the run's shared chromium, on the shared
 * server, when the global setup started them; else in a chromium and on a server of this file's own. (The first
 * argument, once the build folder of each test file, is kept for the callers; every file uses the same build.)
 * `initScript` runs in the page before its own scripts on every load.
 */
export async function openApp(_distName?: string, options: { initScript?: () => void } = {}): Promise<OpenApp> {
  const shared = await sharedBrowser();
  let server: StaticServer;
  let browser: Browser;
  if (shared) {
    // This worker's chromium (VITEST_POOL_ID runs from 1 to maxWorkers): files running at once use different ones.
    const worker = Math.max(1, Number(process.env.VITEST_POOL_ID) || 1);
    const remote = await chromium.connect(shared.wsEndpoints[(worker - 1) % shared.wsEndpoints.length]);
    const context = await remote.newContext(CONTEXT);
    server = { url: shared.url, close: async () => {} };
    browser = {
      context,
      async close() {
        await context.close();
        await remote.close(); // the connection; the shared chromium stays for the other files
      },
    };
  } else {
    server = await serveDir(await sharedBuild());
    browser = await launchChromium();
  }
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  if (options.initScript) await page.addInitScript(options.initScript); // before the page's own scripts, from the first load
  await page.goto(server.url);
  return {
    server, browser, page, pageErrors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A download's bytes. (Download.path() is not available from a browser reached over playwright's websocket, as
 *  the shared chromium is; the stream is, and works for a local browser too.) */
export async function downloaded(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The part of the page's test hook (window.hotcarrier, set by web/) that every browser test file waits on. */
export interface PageHook {
  inputSeq: number;
  drawnSeq: number;
  curves: number;
}

/** The helpers every browser test file uses, typed with that file's view of the hook:
 *  `const { hook, settled, curves } = pageHelpers<Hook>();`. */
export function pageHelpers<H extends PageHook>() {
  /** A copy of the page's test hook as it is now. */
  const hook = (page: Page): Promise<H> => page.evaluate(() => ({ ...(window as unknown as { hotcarrier: H }).hotcarrier }));
  /** Wait until the chart has drawn the result of the latest control change; the hook then. */
  const settled = async (page: Page): Promise<H> => {
    try {
      await page.waitForFunction(() => {
        const h = (window as unknown as { hotcarrier?: PageHook }).hotcarrier;
        return h !== undefined && h.drawnSeq >= 1 && h.drawnSeq === h.inputSeq;
      }, null, { timeout: 20_000 });
    } catch (error) {
      // Say what the page says, so a failing engine is told apart from a slow one.
      const status = await page.locator('#status').textContent().catch(() => '(no status)');
      throw new Error(`the chart did not catch up with the controls: status "${status}"; ${(error as Error).message}`);
    }
    return hook(page);
  };
  /** Wait until the chart holds `n` curves. */
  const curves = (page: Page, n: number) =>
    page.waitForFunction((k) => (window as unknown as { hotcarrier?: PageHook }).hotcarrier?.curves === k, n, { timeout: 20_000 });
  return { hook, settled, curves, frames };
}

/** Wait for `n` animation frames of the page (2 by default): a handler the last change scheduled for the next frame
 *  (the resize redraw) has then run. An event to wait on rather than a fixed sleep. */
export function frames(page: Page, n = 2): Promise<void> {
  return page.evaluate((k) => new Promise<void>((done) => {
    const step = (left: number) => (left === 0 ? done() : requestAnimationFrame(() => step(left - 1)));
    step(k);
  }), n);
}
