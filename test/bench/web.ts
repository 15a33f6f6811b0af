/**
 * `npm run bench:web`: the task board's first-load JavaScript (gzipped, as served) and the time
 * the browser takes to render a page of 50 tasks, from the list's response to the 50th list item.
 * Prints figures; asserts nothing. Targets: at most 100 KB of JS, under 100 ms.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createTaskApiClient } from '../../sdk/src/index.js';
import { launchBrowser } from '../support/browser.js';
import { createUser, startTestStack } from '../support/stack.js';

const RUNS = 7;
const TASKS = 50;

const outDir = await mkdtemp(join(tmpdir(), 'bench-web-'));
const stack = await startTestStack({ web: { mode: 'built', outDir } });
const browser = await launchBrowser();
try {
  // First load: every script index.html pulls in (Vite emits the app as one entry chunk).
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  let raw = 0;
  let gzipped = 0;
  for (const file of [...scripts, ...preloads]) {
    const bytes = await readFile(join(outDir, file));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  const allJs = (await readdir(join(outDir, 'assets'))).filter((f) => f.endsWith('.js')).length;

  const user = await createUser(stack);
  const api = createTaskApiClient({ baseUrl: stack.apiUrl, getToken: () => user.idToken });
  for (let i = 1; i <= TASKS; i++)
    await api.createTask({ title: `Task ${i}`, description: 'x'.repeat(80) });

  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.addInitScript((count: number) => {
    const w = window as unknown as { renderedAt?: number };
    new MutationObserver(() => {
      if (
        w.renderedAt === undefined &&
        document.querySelectorAll('ul.tasks > li').length >= count
      ) {
        w.renderedAt = performance.now();
      }
    }).observe(document, { childList: true, subtree: true });
  }, TASKS);
  await page.goto(stack.webUrl as string);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'My tasks' }).waitFor();

  const renders: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { renderedAt?: number }).renderedAt);
    renders.push(
      await page.evaluate(() => {
        const list = performance
          .getEntriesByType('resource')
          .filter((e) => /\/tasks\?/.test(e.name)) as PerformanceResourceTiming[];
        const answered = list.at(-1)?.responseEnd ?? 0;
        return (window as unknown as { renderedAt: number }).renderedAt - answered;
      }),
    );
  }
  renders.sort((a, b) => a - b);
  const median = renders[Math.floor(RUNS / 2)] as number;

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`
task board (web/), built by Vite, in ${browser.context.browser()?.version() ?? 'Chromium'}
  first-load JS      ${kb(gzipped)} gzipped (${kb(raw)} raw, ${scripts.length + preloads.length} of ${allJs} JS files)   target <= 100 KB
  render 50 tasks    median ${median.toFixed(1)} ms of ${RUNS} reloads (min ${renders[0]?.toFixed(1)}, max ${renders.at(-1)?.toFixed(1)})   target < 100 ms
                     from the list's response end to the 50th <li> in the DOM
`);
} finally {
  await browser.close();
  await stack.stop();
  await rm(outDir, { recursive: true, force: true });
}
