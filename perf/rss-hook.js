// Preloaded with `node -r` by the benchmarks: reports the process's peak resident memory on exit.
process.on('exit', () => {
  process.stderr.write(`\n@@maxrss_kb=${process.resourceUsage().maxRSS}\n`);
});
