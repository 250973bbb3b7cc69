/**
 * Why an officer reads personal data (x-purpose). A purpose means something only
 * when it can be checked: either a case the officer's agency handles
 * (`case:<case id>`) or a legal basis registered here in advance
 * (`basis:<code>`), each with the law that allows it and how long what is
 * processed for it is kept. The register of processing activities
 * (schema/tools/inventory.ts) lists this register; the data tracker shows
 * the citizen the purpose in these words. `withheld until <date>:` before a purpose
 * hides the access from its subject until then (platform/audit/withholding.ts), not from auditors.
 */

import { jurisdictionOf } from './identifiers/jurisdiction.js';

export interface LegalBasis {
  /** what an officer writes after `basis:` */
  code: string;
  /** the purpose in words, as the data subject reads it */
  title: string;
  /** the law and article that allow the processing */
  law: string;
  /** how long data processed for this purpose is kept, in words (this register's policy) */
  retention: string;
}

export const LEGAL_BASES: readonly LegalBasis[] = [
  {
    code: 'hukou',
    title: '户口登记管理',
    law: '《中华人民共和国户口登记条例》第三条',
    retention: '随户籍档案长期保存',
  },
  {
    code: 'licensing-review',
    title: '行政许可申请审查',
    law: '《中华人民共和国行政许可法》第三十四条',
    retention: '办结后 5 年',
  },
  {
    code: 'statutory-duty',
    title: '履行法定职责所必需',
    law: '《中华人民共和国个人信息保护法》第十三条第一款第三项、第三十四条',
    retention: '履行职责所必需的最短时间，至多 3 年',
  },
  {
    code: 'compliance-audit',
    title: '个人信息处理合规审计',
    law: '《中华人民共和国个人信息保护法》第五十四条',
    retention: '审计结束后 3 年',
  },
  {
    code: 'criminal-investigation',
    title: '刑事案件调查取证',
    law: '《中华人民共和国刑事诉讼法》第五十四条',
    retention: '随案卷保存',
  },
];

const BY_CODE = new Map(LEGAL_BASES.map((b) => [b.code, b]));

/** Case numbers as the cases department issues them: its province (jurisdictionOf), C, the submission date, a serial (digits and capitals). */
const CASE_ID = /^\d{2}C\d{8}[0-9A-Z]{1,16}$/;
/** The withholding request (platform/audit/withholding.ts) before a purpose: the purpose after it is what is checked. */
const WITHHELD = /^withheld until \d{4}-\d{2}-\d{2}:\s*/;

export type StatedPurpose =
  | { kind: 'CASE'; caseId: string }
  | { kind: 'BASIS'; basis: LegalBasis }
  /** a case: or basis: purpose that names nothing valid */
  | { kind: 'INVALID'; problem: string }
  /** anything else: allowed in development only */
  | { kind: 'FREE_TEXT'; text: string };

/** How to state a purpose, for refusals a person can act on. */
export const HOW_TO_STATE_A_PURPOSE =
  'state it in x-purpose as case:<case id> (a case your agency handles, e.g. case:11C2026010800000005) ' +
  `or basis:<code>, a registered legal basis: ${LEGAL_BASES.map((b) => `basis:${b.code} (${b.title}, ${b.law})`).join('; ')}`;

/** Reads a stated purpose; a `withheld until <date>:` request before it is looked through. */
export function parsePurpose(text: string): StatedPurpose {
  const purpose = text.replace(WITHHELD, '').trim();
  if (purpose.startsWith('case:')) {
    const caseId = purpose.slice('case:'.length).trim();
    return CASE_ID.test(caseId) && jurisdictionOf(caseId)
      ? { kind: 'CASE', caseId }
      : {
          kind: 'INVALID',
          problem: `${JSON.stringify(caseId.slice(0, 40))} is not a case number (the province's 2 digits, C, the 8-digit submission date, a serial)`,
        };
  }
  if (purpose.startsWith('basis:')) {
    const code = purpose.slice('basis:'.length).trim();
    const basis = BY_CODE.get(code);
    return basis ? { kind: 'BASIS', basis } : { kind: 'INVALID', problem: `${JSON.stringify(code.slice(0, 40))} is not a registered legal basis` };
  }
  return { kind: 'FREE_TEXT', text: purpose };
}

/** The purpose in words, as the data tracker shows it to the data subject. */
export function describePurpose(text: string): string {
  const stated = parsePurpose(text);
  switch (stated.kind) {
    case 'CASE':
      return `办理办件 ${stated.caseId}`;
    case 'BASIS':
      return `${stated.basis.title}（依据${stated.basis.law}）`;
    default:
      // free text reaches the log only in development; shown as written, marked as unregistered
      return `未登记的目的：${text}`;
  }
}
