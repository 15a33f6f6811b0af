// A fresh Node process as a Lambda cold start sees it: import one bundle, serve one event.
// Plain JavaScript on purpose: no loader may run before the bundle is imported.
// Prints one line: `BENCH {...}` with process.hrtime.bigint() stamps (ns, the monotonic clock
// the parent shares) at the start of the import and after the response.
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
process.stdout.write(
  `BENCH ${JSON.stringify({
    importStart: String(importStart),
    imported: String(imported),
    responded: String(responded),
    bootMs,
    status: result.statusCode,
    // Peak resident set of the whole process, in KiB (getrusage's ru_maxrss).
    maxRssKiB: process.resourceUsage().maxRSS,
    // CPU time of the process until the response (all threads), in µs: less sensitive than the
    // wall clock to other processes on a busy machine.
    cpuUs: cpu.user + cpu.system,
  })}\n`,
);
process.exit(0);
