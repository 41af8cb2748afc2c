// Benchmark helper, loaded with `node --require` (through NODE_OPTIONS) when
// /usr/bin/time is missing: every node process of the measured command appends
// its pid and peak resident set size (KiB) to $BENCH_MAX_RSS_FILE on exit.
'use strict';
const fs = require('node:fs');

const file = process.env.BENCH_MAX_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      fs.appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`);
    } catch {
      // A report that cannot be written leaves the memory column empty; the run itself is unaffected.
    }
  });
}
