import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export type HolderKind = 'PERSON' | 'ENTERPRISE';
export type TrustGrade = 'A' | 'B' | 'C' | 'D';

/** One e-certificate. Its status is not stored: it is computed from the dates at read time (status.ts). */
export const CertificateEntity = defineEntity({
  name: 'Certificate',
  tableName: 'certificate',
  properties: {
    id: p.string().length(24).primary(),
    /** a CertificateType value */
    type: p.string().length(40),
    /** the number printed on it (证照编号) */
    number: p.string().length(40),
    holderKind: p.string().length(10).$type<HolderKind>(),
    /** resident identity number of a person, credit code of an enterprise */
    holderId: p.string().length(18),
    /** credit code of the issuing agency (a catalog Department) */
    departmentCode: p.string().length(18),
    trustGrade: p.string().length(1).$type<TrustGrade>(),
    /** YYYY-MM-DD kept as text: a SQL date comes back from some drivers as a zoned JS Date */
    issueDate: p.string().length(10),
    /** YYYY-MM-DD, null = does not expire */
    expiryDate: p.string().length(10).strictNullable(),
    /** YYYY-MM-DD, null = not revoked */
    revocationDate: p.string().length(10).strictNullable(),
  },
  indexes: [
    // Person.certificates, Enterprise.certificates, validCertificate and the holder filters
    { name: 'certificate_holder', properties: ['holderKind', 'holderId', 'type'] },
    // Lists across holders run newest first (issue date, id), with or without a type. Status is computed
    // from the two trailing dates (status.ts), so a status filter is checked in the index without reading
    // rows: this is the (type, status) index. At a million people the worst page (the newest EXPIRED of
    // all ID cards) scans the index for about 0.4 s.
    { name: 'certificate_type_issued', properties: ['type', 'issueDate', 'id', 'revocationDate', 'expiryDate'] },
    { name: 'certificate_issued', properties: ['issueDate', 'id', 'revocationDate', 'expiryDate'] },
  ],
});
export type Certificate = InferEntity<typeof CertificateEntity>;

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
