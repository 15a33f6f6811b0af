// A fresh Node process as a Lambda cold start sees it: import one bundle, serve one event.
// Plain JavaScript on purpose: no loader may run before the bundle is imported.
// Prints one line: `BENCH {...}` with process.hrtime.bigint() stamps (ns, the monotonic clock
// the parent shares) at the start of the import and after the response.
import { readFileSync } from 'node:fs';

const importStart = process.hrtime.bigint();
const bootMs = performance.now();
const { handler } = await import(process.argv[2]);
const imported = process.hrtime.bigint();
const event = JSON.parse(process.env.BENCH_EVENT);
const context = {
  awsRequestId: event.requestContext.requestId,
  functionName: 'bench',
  getRemainingTimeInMillis: () => 10_000,
};
const result = await handler(event, context);
const responded = process.hrtime.bigint();
const cpu = process.cpuUsage();
// Peak RSS of this process image, in KiB: VmHWM where there is /proc. ru_maxrss (the fallback)
// keeps the parent's peak from before exec on Linux, which is the benchmark's when it is larger.
function peakRssKiB() {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]) || process.resourceUsage().maxRSS;
  } catch {
    return process.resourceUsage().maxRSS;
  }
}
process.stdout.write(
  `BENCH ${JSON.stringify({
    importStart: String(importStart),
    imported: String(imported),
    responded: String(responded),
    bootMs,
    status: result.statusCode,
    maxRssKiB: peakRssKiB(),
    // CPU time of the process until the response (all threads), in µs: less sensitive than the
    // wall clock to other processes on a busy machine.
    cpuUs: cpu.user + cpu.system,
  })}\n`,
);
process.exit(0);
