import { ensureBuilt } from '../../scripts/build-if-stale.js';

/** Tests that run the `egov` command need dist/; build it once before the workers start. */
export default function setup(): void {
  ensureBuilt();
}
