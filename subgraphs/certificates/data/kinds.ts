import { CERTIFICATE_TYPE_NAMES as REFERENCE_NAMES } from '../../../reference/service-types.js';
import type { CertificateHolderKind, CertificateType, DepartmentKind, RegionLevel } from '../generated/resolvers.js';

/** Chinese names of the certificate types: the national reference list every department shares. */
export const CERTIFICATE_TYPE_NAMES: Record<CertificateType, string> = REFERENCE_NAMES;

/** Every type, in the order of the CertificateType enum. */
export const CERTIFICATE_TYPES = Object.keys(CERTIFICATE_TYPE_NAMES) as CertificateType[];

export interface CertificateKind {
  /** pinyin initials of the name, the first part of a certificate id */
  abbreviation: string;
  holderKind: CertificateHolderKind;
  /** mirrors the catalog's CERTIFICATE_ISSUERS */
  issuer: DepartmentKind;
  /** the issuer's level relative to the holder's county (every issuer kind here exists at all three) */
  level: RegionLevel;
  typicalValidityYears: number | null;
  validityRule: string;
}

const NO_EXPIRY = '长期有效';

/** How each type is issued and how long it lasts. */
export const CERTIFICATE_KINDS: Record<CertificateType, CertificateKind> = {
  RESIDENT_ID_CARD: {
    abbreviation: 'JMSFZ',
    holderKind: 'PERSON',
    issuer: 'PUBLIC_SECURITY',
    level: 'COUNTY',
    typicalValidityYears: null,
    validityRule: '按申领时年龄：未满十六周岁五年，十六至二十五周岁十年，二十六至四十五周岁二十年，四十六周岁以上长期（居民身份证法第五条）',
  },
  HOUSEHOLD_REGISTER: { abbreviation: 'JMHKB', holderKind: 'PERSON', issuer: 'PUBLIC_SECURITY', level: 'COUNTY', typicalValidityYears: null, validityRule: NO_EXPIRY },
  RESIDENCE_PERMIT: {
    abbreviation: 'JZZ',
    holderKind: 'PERSON',
    issuer: 'PUBLIC_SECURITY',
    level: 'COUNTY',
    typicalValidityYears: 1,
    validityRule: '每年签注一次，未签注的失效（居住证暂行条例第十四条）',
  },
  BUSINESS_LICENCE: {
    abbreviation: 'YYZZ',
    holderKind: 'ENTERPRISE',
    issuer: 'MARKET_REGULATION',
    level: 'COUNTY',
    typicalValidityYears: null,
    validityRule: '营业期限为长期或执照载明的期限',
  },
  MARRIAGE_CERTIFICATE: { abbreviation: 'JHZ', holderKind: 'PERSON', issuer: 'CIVIL_AFFAIRS', level: 'COUNTY', typicalValidityYears: null, validityRule: NO_EXPIRY },
  DEGREE_CERTIFICATE: { abbreviation: 'XWZS', holderKind: 'PERSON', issuer: 'EDUCATION', level: 'PROVINCE', typicalValidityYears: null, validityRule: NO_EXPIRY },
  ACADEMIC_CERTIFICATE: { abbreviation: 'XLZS', holderKind: 'PERSON', issuer: 'EDUCATION', level: 'PROVINCE', typicalValidityYears: null, validityRule: NO_EXPIRY },
  BIRTH_MEDICAL_CERTIFICATE: { abbreviation: 'CSYXZM', holderKind: 'PERSON', issuer: 'HEALTH', level: 'COUNTY', typicalValidityYears: null, validityRule: NO_EXPIRY },
  SOCIAL_SECURITY_CARD: {
    abbreviation: 'SHBZK',
    holderKind: 'PERSON',
    issuer: 'HUMAN_RESOURCES_SOCIAL_SECURITY',
    level: 'PREFECTURE',
    typicalValidityYears: 10,
    validityRule: '第三代社会保障卡有效期十年',
  },
  DRIVING_LICENCE: {
    abbreviation: 'JDCJSZ',
    holderKind: 'PERSON',
    issuer: 'PUBLIC_SECURITY',
    level: 'PREFECTURE',
    typicalValidityYears: 6,
    validityRule: '初次申领六年；期满换证十年；再次换证长期（机动车驾驶证申领和使用规定）',
  },
  VEHICLE_REGISTRATION_CERTIFICATE: {
    abbreviation: 'JDCDJZS',
    holderKind: 'PERSON',
    issuer: 'PUBLIC_SECURITY',
    level: 'PREFECTURE',
    typicalValidityYears: null,
    validityRule: '随机动车注销而失效',
  },
  REAL_ESTATE_CERTIFICATE: {
    abbreviation: 'BDCQZS',
    holderKind: 'PERSON',
    issuer: 'NATURAL_RESOURCES',
    level: 'COUNTY',
    typicalValidityYears: null,
    validityRule: '长期有效；土地使用期限以证书记载为准',
  },
  CONSTRUCTION_PROJECT_PLANNING_PERMIT: {
    abbreviation: 'JSGCGHXKZ',
    holderKind: 'ENTERPRISE',
    issuer: 'NATURAL_RESOURCES',
    level: 'COUNTY',
    typicalValidityYears: null,
    validityRule: '以许可证载明的期限为准',
  },
  FOOD_BUSINESS_LICENCE: {
    abbreviation: 'SPJYXKZ',
    holderKind: 'ENTERPRISE',
    issuer: 'MARKET_REGULATION',
    level: 'COUNTY',
    typicalValidityYears: 5,
    validityRule: '有效期五年（食品经营许可管理办法）',
  },
  DISABILITY_CERTIFICATE: {
    abbreviation: 'CJRZ',
    holderKind: 'PERSON',
    issuer: 'DISABLED_PERSONS_FEDERATION',
    level: 'COUNTY',
    typicalValidityYears: 10,
    validityRule: '第二代残疾人证有效期十年',
  },
};
