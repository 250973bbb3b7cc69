import { EntitySchema } from '@mikro-orm/core';

export type HolderKind = 'PERSON' | 'ENTERPRISE';
export type TrustGrade = 'A' | 'B' | 'C' | 'D';

/** One e-certificate. Its status is not stored: it is computed from the dates at read time (status.ts). */
export interface Certificate {
  id: string;
  /** a CertificateType value */
  type: string;
  /** the number printed on it (证照编号) */
  number: string;
  holderKind: HolderKind;
  /** resident identity number of a person, credit code of an enterprise */
  holderId: string;
  /** credit code of the issuing agency (a catalog Department) */
  departmentCode: string;
  trustGrade: TrustGrade;
  /** YYYY-MM-DD kept as text: a SQL date comes back from some drivers as a zoned JS Date */
  issueDate: string;
  /** YYYY-MM-DD, null = does not expire */
  expiryDate: string | null;
  /** YYYY-MM-DD, null = not revoked */
  revocationDate: string | null;
}

/** A Person by key only (population owns the rest). */
export interface PersonRef {
  id: string;
}

/** An Enterprise by key only (market owns the rest). */
export interface EnterpriseRef {
  creditCode: string;
}

/** A catalog Department by key only. */
export interface DepartmentRef {
  code: string;
}

export const CertificateEntity = new EntitySchema<Certificate>({
  name: 'Certificate',
  tableName: 'certificate',
  properties: {
    id: { type: 'string', primary: true, length: 24 },
    type: { type: 'string' },
    number: { type: 'string' },
    holderKind: { type: 'string', fieldName: 'holder_kind' },
    holderId: { type: 'string', fieldName: 'holder_id' },
    departmentCode: { type: 'string', fieldName: 'department_code' },
    trustGrade: { type: 'string', fieldName: 'trust_grade' },
    issueDate: { type: 'string', fieldName: 'issue_date' },
    expiryDate: { type: 'string', nullable: true, fieldName: 'expiry_date' },
    revocationDate: { type: 'string', nullable: true, fieldName: 'revocation_date' },
  },
});

/** What the gateway brings for a data-runs check (@requires): the applicant and the item's materials. */
export interface Application {
  applicantKind: HolderKind;
  applicantId: string;
  item: { code: string; materials: { name: string; required: boolean; certificateType?: string | null }[] };
}

/** One material of an application, checked against the certificates the applicant holds today. */
export interface MaterialCheck {
  name: string;
  required: boolean;
  certificateType: string | null;
  satisfiedBy: Certificate | null;
  mustSubmit: boolean;
}

/** The once-only preview of a draft: what a submission would use, and its fingerprint. */
export interface DataRunPreview {
  uses: DataRunOffer[];
  digest: string;
}

export interface DataRunOffer {
  material: string;
  certificate: Certificate;
}

/** A certificate use a case recorded at submission, as the gateway brings it (@requires). */
export interface CertificateUseRef {
  caseId: string;
  material: string;
  certificateId: string;
  certificateType: string;
  number: string;
  applicantKind: HolderKind;
  applicantId: string;
  usedOn: string;
}
