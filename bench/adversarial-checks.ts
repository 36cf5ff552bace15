/**
 * Child process of `npm run bench` (see bench/lib/adversarial.ts): times every pure check on
 * every adversarial family and prints the timings as JSON on its last line. Run with
 * `--expose-gc`, so each sample starts from a collected heap.
 *
 *   node --expose-gc --import tsx bench/adversarial-checks.ts --samples=5
 */
import { measureAdversarialChecks } from './lib/adversarial';

const samples = Number(process.argv.find((arg) => arg.startsWith('--samples='))?.split('=')[1] ?? 5);
const timings = await measureAdversarialChecks({ samples, log: (line) => process.stderr.write(`${line}\n`) });
process.stdout.write(`${JSON.stringify(timings)}\n`);
