// zh-Hant/zh-Hans detection (electron/engine/parse/chineseScript.ts): `npm run bench -- chineseScript`.
// Ground truth by conversion: every Chinese text of the shared corpus and seeds is converted by OpenCC
// (opencc-js) to Simplified, Hong Kong and Taiwan Traditional; windows of 20..400 Han characters are
// classified. Prints right / undecided / wrong per length and script, and CPU per 4,000-char sample.
// (Measured against the hand-written 135-pair table it replaced: see the commit that added this file.)

import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { chineseScriptOf } from '../electron/engine/parse/chineseScript';
import { seededRandom } from '../electron/engine/testing/seededRandom';

const roots = ['../shared/corpus', '../shared/seeds', 'electron/engine/library/fixtures'].filter(existsSync);
const files = execSync(`find ${roots.join(' ')} -type f -name '*.*'`)
  .toString()
  .trim()
  .split('\n');
const HAN = /[\u4e00-\u9fff]/;
const hanCount = (s: string) => (s.match(/[\u4e00-\u9fff]/g) ?? []).length;
const texts = files.map((f) => readFileSync(f, 'utf8')).filter((t) => hanCount(t) > 300);
const hkToS = OpenCC.Converter({ from: 'hk', to: 'cn' });
const twToS = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const simplified = texts.map((t) => twToS(hkToS(t)));
const sets: [string, 'zh-Hans' | 'zh-Hant', string[]][] = [
  ['Simplified', 'zh-Hans', simplified],
  ['HK Traditional', 'zh-Hant', simplified.map(toHk)],
  ['TW Traditional', 'zh-Hant', simplified.map(toTw)],
];
console.log(`${texts.length} Chinese texts (${roots.join(', ')}), each converted by OpenCC`);
const SAMPLES = 400;
const random = seededRandom(3);
for (const len of [20, 50, 100, 400]) {
  for (const [name, truth, set] of sets) {
    const counts = [0, 0, 0];
    for (let k = 0; k < SAMPLES; k++) {
      const t = set[Math.floor(random() * set.length)]!;
      const at = Math.floor(random() * Math.max(1, t.length - len * 2));
      let sample = '';
      for (let i = at, n = 0; i < t.length && n < len; i++) {
        sample += t[i];
        if (HAN.test(t[i]!)) n++;
      }
      const got = chineseScriptOf(sample);
      counts[got === truth ? 0 : got === undefined ? 1 : 2]!++;
    }
    console.log(
      `${String(len).padStart(3)} Han chars, ${name.padEnd(15)} right ${counts[0]}/${SAMPLES}, undecided ${counts[1]}, wrong ${counts[2]}`,
    );
  }
}
const long = sets.flatMap(([, , set]) => set.map((t) => t.slice(0, 4000)));
for (const t of long) chineseScriptOf(t);
const started = process.cpuUsage();
let calls = 0;
for (let rep = 0; rep < 20; rep++) {
  for (const t of long) {
    chineseScriptOf(t);
    calls++;
  }
}
const used = process.cpuUsage(started);
console.log(`${((used.user + used.system) / calls).toFixed(1)} µs cpu per 4,000-character sample`);
