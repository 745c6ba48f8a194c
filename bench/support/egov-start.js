// Runs `egov start` from a compiled tree (the folder given as the first argument): the
// system under test of P7, without bin/egov.js's build checks (the runner builds first).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const distDir = process.argv[2];
if (!distDir) throw new Error('usage: node egov-start.js <compiled dist folder>');
const { main } = await import(pathToFileURL(join(distDir, 'cli', 'main.js')).href);
await main([process.argv[0] ?? 'node', 'egov', 'start']);
