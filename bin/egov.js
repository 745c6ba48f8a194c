#!/usr/bin/env node
// The `egov` command. Runs the compiled code in dist/, compiling first when dist/ is
// missing or older than the sources, so that `npm start` works on a fresh clone.
import { ensureBuilt } from '../scripts/build-if-stale.js';

ensureBuilt();
const { main } = await import('../dist/cli/main.js');
await main(process.argv);
