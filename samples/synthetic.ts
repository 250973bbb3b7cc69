import { servedDivisions, type Division } from '../reference/divisions.js';
import { makeCreditCode, makeResidentId } from '../platform/identifiers/index.js';
import { hashSeed, random } from '../platform/random.js';

/**
 * The synthetic population every department's sample data agrees on. Each
 * record is a pure function of (seed, index), so population, market,
 * certificates, cases … derive the same identity numbers and credit codes
 * without importing each other or sharing a database. Never a real person.
 */

export const HOUSEHOLD_SIZE = 3;
/** one enterprise for every ten people */
export const PEOPLE_PER_ENTERPRISE = 10;

export interface SyntheticPerson {
  index: number;
  id: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  /** YYYY-MM-DD, the one embedded in the id */
  birthDate: string;
  /** county of household registration, the one embedded in the id */
  regionCode: string;
  /** household number: people 3k, 3k+1, 3k+2 live together, 3k is the head */
  household: number;
}

export interface SyntheticEnterprise {
  index: number;
  creditCode: string;
  name: string;
  regionCode: string;
  /** index of the legal representative, an adult among the people */
  representative: number;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN = {
  MALE: '伟强磊军洋勇杰涛明超刚建国志东海文博宇轩子豪浩然思远俊天佑鹏飞'.split(''),
  FEMALE: '芳娜秀英敏静丽艳娟兰霞桂玉燕晓梓涵欣怡雨桐嘉佳琪一诺若曦婷'.split(''),
};
const BIRTH_FROM = Date.UTC(1945, 0, 1);
/** a prime number of days (about 80 years) so index -> birth day is a bijection */
const BIRTH_DAYS = 29_209;
const DAY_STEP = 7_919; // prime, coprime with BIRTH_DAYS: consecutive households get spread-out birthdays
/** birth-day offset of household members from the head: a spouse about 2 years younger, a child 28 */
const MEMBER_OFFSET = [0, 2 * 365 + 40, 28 * 365 + 100];

let counties: Division[] | undefined;
/** the counties people are registered in: those of the sample divisions, same order everywhere */
export function residenceCounties(): Division[] {
  counties ??= servedDivisions().filter((d) => d.level === 'COUNTY');
  return counties;
}

/** Person number `index` of the population generated from `seed`. */
export function personAt(seed: number, index: number): SyntheticPerson {
  const rng = random(hashSeed(seed, 'person', index));
  const places = residenceCounties();
  const household = Math.floor(index / HOUSEHOLD_SIZE);
  const region = places[household % places.length]!;
  // (county, birth day, sequence) is unique per index: the county comes from the household;
  // within a county, household h' and member m map to day (h'·STEP + offset[m]) mod D and
  // sequence block ⌊h'/D⌋·3 + m, which is invertible; the gender bit of the sequence stays free
  const member = index % HOUSEHOLD_SIZE;
  const local = Math.floor(household / places.length);
  const day = ((((local % BIRTH_DAYS) * DAY_STEP) % BIRTH_DAYS) + MEMBER_OFFSET[member]!) % BIRTH_DAYS;
  // spouses are of the other gender than the head
  const gender = member === 1 ? (personAt(seed, index - 1).gender === 'MALE' ? 'FEMALE' : 'MALE') : rng.chance(0.5) ? 'MALE' : 'FEMALE';
  const sequence = (Math.floor(local / BIRTH_DAYS) * HOUSEHOLD_SIZE + member) * 2 + (gender === 'MALE' ? 1 : 0);
  if (sequence > 999) throw new RangeError(`population too large for ${places.length} counties: index ${index}`);
  const birthDate = new Date(BIRTH_FROM + day * 86_400_000).toISOString().slice(0, 10);
  const given = GIVEN[gender];
  const name = rng.pick(SURNAMES) + rng.pick(given) + (rng.chance(0.6) ? rng.pick(given) : '');
  return { index, id: makeResidentId(region.code, birthDate.replaceAll('-', ''), sequence), name, gender, birthDate, regionCode: region.code, household };
}

const TRADES = ['科技', '商贸', '餐饮', '建筑', '物流', '农业', '文化传媒', '医药', '电子', '服装'];
/**
 * Legal forms by name ending, weighted, with the GB 32100 registration authority
 * (9 = market regulation) and entity type: 1 enterprise, 2 individual business,
 * 3 farmers' cooperative.
 */
const FORMS: readonly { suffix: string; type: string; weight: number }[] = [
  { suffix: '有限公司', type: '1', weight: 40 },
  { suffix: '有限责任公司', type: '1', weight: 15 },
  { suffix: '股份有限公司', type: '1', weight: 5 },
  { suffix: '个人独资企业', type: '1', weight: 5 },
  { suffix: '（普通合伙）', type: '1', weight: 3 },
  { suffix: '个体工商户', type: '2', weight: 27 },
  { suffix: '农民专业合作社', type: '3', weight: 5 },
];
const FORM_TOTAL = FORMS.reduce((sum, f) => sum + f.weight, 0);

/** Enterprise number `index`; its representative is an adult among `peopleCount` people. */
export function enterpriseAt(seed: number, index: number, peopleCount: number): SyntheticEnterprise {
  const rng = random(hashSeed(seed, 'enterprise', index));
  const places = residenceCounties();
  const region = places[index % places.length]!;
  let pick = rng.next() * FORM_TOTAL;
  const form = FORMS.find((f) => (pick -= f.weight) < 0) ?? FORMS[0]!;
  // organisation codes are made unique by the index itself
  const body = String(10_000_000 + index).slice(-8);
  const creditCode = makeCreditCode('9', form.type, region.code, body);
  let representative = Math.floor(rng.next() * peopleCount);
  for (let tries = 0; tries < peopleCount && !isAdult(personAt(seed, representative)); tries++) representative = (representative + 1) % peopleCount;
  const name = `${region.name.replace(/[区县市]$/, '')}${rng.pick(SURNAMES)}${rng.pick(GIVEN.MALE)}${rng.pick(TRADES)}${form.suffix}`;
  return { index, creditCode, name, regionCode: region.code, representative };
}

function isAdult(person: SyntheticPerson): boolean {
  return person.birthDate <= '2005-12-31';
}

/** How many enterprises a population of `people` has. */
export function enterpriseCount(people: number): number {
  return Math.max(1, Math.floor(people / PEOPLE_PER_ENTERPRISE));
}
