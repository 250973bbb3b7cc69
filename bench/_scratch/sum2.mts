import { readFileSync } from 'node:fs';
import { summariseProfile } from '../profile.js';
const f = process.argv[2]!;
const p = JSON.parse(readFileSync(f, 'utf8'));
const s = summariseProfile(f, [p.endTime - 16e6, p.endTime - 1e6]);
console.log(s.busyMs, s.wholeProfile);
for (const ph of s.phases) console.log(ph.percent.toFixed(1).padStart(5), ph.name);
