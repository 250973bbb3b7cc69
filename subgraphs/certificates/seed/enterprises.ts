import { enterpriseAt } from '../../../samples/synthetic.js';
import { hashSeed, random, type Random } from '../../../platform/random.js';
import type { Certificate } from '../entities.js';
import { later, SAMPLE_DATE } from './dates.js';
import { certificateRow, dayBetween, renewals, renewedRows, someGrade, type Holder } from './rows.js';
import { addYears } from '../../../platform/time.js';

/** The licences of enterprise `index` of the shared synthetic population of `people` people. */
export function enterpriseCertificates(seed: number, index: number, people: number): Certificate[] {
  const enterprise = enterpriseAt(seed, index, people);
  const rng = random(hashSeed(seed, 'certificates-enterprise', index));
  const holder: Holder = { kind: 'ENTERPRISE', id: enterprise.creditCode, serial: index, countyCode: enterprise.regionCode };
  const founded = dayBetween(rng, '1995-01-01', SAMPLE_DATE);
  const rows = [
    certificateRow(rng, holder, {
      type: 'BUSINESS_LICENCE',
      // a business licence shows the unified social credit code as its number
      number: enterprise.creditCode,
      edition: 1,
      issueDate: founded,
      // 营业期限: mostly long-term, otherwise a fixed term
      expiryDate: rng.chance(0.3) ? addYears(founded, rng.pick([10, 20, 30])) : null,
      trustGrade: 'A',
      // 吊销营业执照
      revocation: 0.02,
    }),
  ];
  const catering = enterprise.name.includes('餐饮');
  if (rng.chance(catering ? 0.9 : 0.2)) rows.push(...foodLicence(rng, holder, founded, catering));
  return rows;
}

function foodLicence(rng: Random, holder: Holder, founded: string, catering: boolean): Certificate[] {
  // the food business licence replaced the older permits in October 2015
  const first = dayBetween(rng, later(founded, '2015-10-01'), SAMPLE_DATE);
  const terms = renewals(rng, first, () => 5);
  return renewedRows(
    rng,
    holder,
    terms,
    { type: 'FOOD_BUSINESS_LICENCE', number: foodLicenceNumber(rng, holder, catering), trustGrade: someGrade(rng), revocation: 0.01 },
    0.05,
  );
}

/** JY, business form (1 sales, 2 catering), division code, serial, check digit. */
function foodLicenceNumber(rng: Random, holder: Holder, catering: boolean): string {
  const body = `${catering ? 2 : 1}${holder.countyCode}${String(rng.int(1, 999_999)).padStart(6, '0')}`;
  // a synthetic check digit: the real algorithm is provincial
  const check = [...body].reduce((sum, d, i) => sum + Number(d) * (i + 1), 0) % 10;
  return `JY${body}${check}`;
}
