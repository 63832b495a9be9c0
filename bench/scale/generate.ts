/**
 * The bundled policies multiplied into a folder, for trying the commands at scale by hand:
 *
 *   pnpm tsx --conditions=@vot/source bench/scale/generate.ts <empty folder> <copies>
 *   pnpm vot check <folder>
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { multiplyPolicies } from './multiply.js';

const [target, copies] = process.argv.slice(2);
if (!target || !copies) throw new Error('usage: generate.ts <empty folder> <copies>');
const bundled = fileURLToPath(new URL('../../policies', import.meta.url));
console.log(JSON.stringify(await multiplyPolicies(join(bundled), target, Number(copies))));
