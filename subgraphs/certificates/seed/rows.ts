import type { Random } from '../../../platform/random.js';
import { CERTIFICATE_KINDS } from '../data/kinds.js';
import type { Certificate, HolderKind, TrustGrade } from '../entities.js';
import type { CertificateType } from '../generated/resolvers.js';
import { SAMPLE_DATE } from './dates.js';
import { issuingAgency } from './issuers.js';
import { addDays, addYears, fromDay, toDay } from '../../../platform/time.js';

/** One issue of a certificate: a holder renews it as a new edition. */
export interface Term {
  issueDate: string;
  expiryDate: string | null;
}

/**
 * The editions a holder has had up to SAMPLE_DATE, from the first issue on.
 * A holder renews 1–45 days after expiry, so an edition has always expired
 * before the next one is issued.
 *
 * @param validity years of the n-th edition (0-based) issued on a date; null = no expiry
 */
export function renewals(rng: Random, first: string, validity: (edition: number, issueDate: string) => number | null): Term[] {
  const terms: Term[] = [];
  for (let issueDate = first; issueDate <= SAMPLE_DATE;) {
    const years = validity(terms.length, issueDate);
    const expiryDate = years === null ? null : addYears(issueDate, years);
    terms.push({ issueDate, expiryDate });
    if (expiryDate === null) break;
    issueDate = addDays(expiryDate, rng.int(1, 45));
  }
  return terms;
}

/** A uniformly random day from `from` to `to` (inclusive). */
export function dayBetween(rng: Random, from: string, to: string): string {
  return fromDay(rng.int(toDay(from), Math.max(toDay(from), toDay(to))));
}

/** Mostly A; a share only verified (B), uploaded (C) or pledged (D). */
export function someGrade(rng: Random): TrustGrade {
  const r = rng.next();
  return r < 0.85 ? 'A' : r < 0.93 ? 'B' : r < 0.98 ? 'C' : 'D';
}

export interface Holder {
  kind: HolderKind;
  id: string;
  /** the serial in certificate ids: the person's or enterprise's index */
  serial: number;
  countyCode: string;
}

export interface Issue extends Term {
  type: CertificateType;
  number: string;
  edition: number;
  trustGrade: TrustGrade;
  /** probability that the issuer revoked it between issue and SAMPLE_DATE */
  revocation?: number;
}

/** The certificate row for one issue, with its id and issuing agency. */
export function certificateRow(rng: Random, holder: Holder, issue: Issue): Certificate {
  const kind = CERTIFICATE_KINDS[issue.type];
  let revocationDate: string | null = null;
  if (issue.revocation && rng.chance(issue.revocation)) {
    const end = issue.expiryDate && issue.expiryDate < SAMPLE_DATE ? issue.expiryDate : SAMPLE_DATE;
    revocationDate = dayBetween(rng, addDays(issue.issueDate, 1), end);
  }
  return {
    id: `${kind.abbreviation}-${String(holder.serial).padStart(9, '0')}-${String(issue.edition).padStart(2, '0')}`,
    type: issue.type,
    number: issue.number,
    holderKind: holder.kind,
    holderId: holder.id,
    departmentCode: issuingAgency(kind.issuer, kind.level, holder.countyCode),
    trustGrade: issue.trustGrade,
    issueDate: issue.issueDate,
    expiryDate: issue.expiryDate,
    revocationDate,
  };
}

/**
 * The rows for a renewable certificate: the current edition, unless the holder
 * let it lapse (then the previous, expired one is the latest), and sometimes
 * the previous edition as history.
 */
export function renewedRows(rng: Random, holder: Holder, terms: Term[], issue: Omit<Issue, keyof Term | 'edition'>, lapse: number): Certificate[] {
  const held = terms.length >= 2 && rng.chance(lapse) ? terms.length - 1 : terms.length;
  const rows: Certificate[] = [];
  const history = held >= 2 && rng.chance(0.15);
  for (let i = history ? held - 2 : held - 1; i >= 0 && i < held; i++) {
    const { issueDate, expiryDate } = terms[i]!;
    const revocation = i === held - 1 ? issue.revocation : 0;
    rows.push(
      certificateRow(rng, holder, { type: issue.type, number: issue.number, trustGrade: issue.trustGrade, issueDate, expiryDate, edition: i + 1, revocation }),
    );
  }
  return rows;
}
