#!/usr/bin/env node
// Runs the compiled `egov` command without checking the build (used by `npm run dev`).
const { main } = await import('../dist/cli/main.js');
await main(process.argv);
