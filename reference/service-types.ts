/**
 * Types of the reference data on government service items (政务服务事项), their
 * service guides (办事指南) and the kinds of agency that implement them.
 *
 * Every union is UPPER_SNAKE because it becomes a GraphQL enum. Each union has a
 * matching readonly array (in declaration order) so schemas, seeders and tests
 * can enumerate the values without repeating them.
 */

/** Levels at which an item is implemented or an agency exists (national items are implemented locally). */
export type ImplementationLevel = 'PROVINCE' | 'PREFECTURE' | 'COUNTY';

export const IMPLEMENTATION_LEVELS = ['PROVINCE', 'PREFECTURE', 'COUNTY'] as const satisfies readonly ImplementationLevel[];

/**
 * Type of a government service item (GB/T 39554.1-2020 and the national
 * basic-catalogue rules). Only the kinds a citizen or enterprise applies for
 * are listed; penalties, coercion and inspection are not service items.
 */
export type ItemType =
  | 'ADMINISTRATIVE_LICENSING' // 行政许可
  | 'ADMINISTRATIVE_PAYMENT' // 行政给付
  | 'ADMINISTRATIVE_CONFIRMATION' // 行政确认
  | 'ADMINISTRATIVE_AWARD' // 行政奖励
  | 'ADMINISTRATIVE_ADJUDICATION' // 行政裁决
  | 'ADMINISTRATIVE_EXPROPRIATION' // 行政征收
  | 'PUBLIC_SERVICE' // 公共服务
  | 'OTHER'; // 其他行政权力 / 其他

export const ITEM_TYPES = [
  'ADMINISTRATIVE_LICENSING',
  'ADMINISTRATIVE_PAYMENT',
  'ADMINISTRATIVE_CONFIRMATION',
  'ADMINISTRATIVE_AWARD',
  'ADMINISTRATIVE_ADJUDICATION',
  'ADMINISTRATIVE_EXPROPRIATION',
  'PUBLIC_SERVICE',
  'OTHER',
] as const satisfies readonly ItemType[];

/** The two-letter type code that starts an item's basic code, e.g. XK-000101-001. */
export const ITEM_TYPE_PREFIX: Record<ItemType, string> = {
  ADMINISTRATIVE_LICENSING: 'XK',
  ADMINISTRATIVE_PAYMENT: 'JF',
  ADMINISTRATIVE_CONFIRMATION: 'QR',
  ADMINISTRATIVE_AWARD: 'JL',
  ADMINISTRATIVE_ADJUDICATION: 'CJ',
  ADMINISTRATIVE_EXPROPRIATION: 'ZS',
  PUBLIC_SERVICE: 'GG',
  OTHER: 'QT',
};

/** Chinese names of the item types, as printed on service guides. */
export const ITEM_TYPE_NAMES: Record<ItemType, string> = {
  ADMINISTRATIVE_LICENSING: '行政许可',
  ADMINISTRATIVE_PAYMENT: '行政给付',
  ADMINISTRATIVE_CONFIRMATION: '行政确认',
  ADMINISTRATIVE_AWARD: '行政奖励',
  ADMINISTRATIVE_ADJUDICATION: '行政裁决',
  ADMINISTRATIVE_EXPROPRIATION: '行政征收',
  PUBLIC_SERVICE: '公共服务',
  OTHER: '其他',
};

/** Basic item code: type prefix, 6-digit main item, 3-digit sub item. */
export const ITEM_CODE_PATTERN = /^(XK|JF|QR|JL|CJ|ZS|GG|QT)-(\d{6})-(\d{3})$/;

/** Where an item can be applied for or handled. */
export type Channel =
  | 'WEB_PORTAL' // 网上办事大厅 / 政务服务网
  | 'MOBILE_APP' // 移动端 (app, mini programme)
  | 'SERVICE_HALL' // 政务服务大厅窗口
  | 'SELF_SERVICE_TERMINAL' // 自助终端
  | 'HOTLINE' // 服务热线
  | 'POST'; // 邮寄

export const CHANNELS = ['WEB_PORTAL', 'MOBILE_APP', 'SERVICE_HALL', 'SELF_SERVICE_TERMINAL', 'HOTLINE', 'POST'] as const satisfies readonly Channel[];

/**
 * Channels that are applying online (网上办): the supply figures' online share counts cases
 * submitted through these. Self-service terminals and the hotline are neither online nor the hall.
 */
export const ONLINE_CHANNELS = ['WEB_PORTAL', 'MOBILE_APP'] as const satisfies readonly Channel[];

/** The channel that is applying in the hall (窗口办): the supply figures' hall share, and a trip in person (timeline.ts). */
export const HALL_CHANNEL = 'SERVICE_HALL' satisfies Channel;

/** Channels through which an applicant can act without coming in person. */
export const REMOTE_CHANNELS = ['WEB_PORTAL', 'MOBILE_APP', 'HOTLINE', 'POST'] as const satisfies readonly Channel[];

/** How far online an item is, from least to most (网上办理深度). */
export type OnlineDepth =
  | 'INFORMATION_ONLY' // 仅公开办事指南
  | 'DOWNLOAD_FORMS' // 可下载表格
  | 'ONLINE_PRE_CHECK' // 网上预约、预审
  | 'ONLINE_SUBMISSION' // 网上申报，线下核验或领取
  | 'FULLY_ONLINE'; // 全程网办

/** In order: a later entry is deeper than an earlier one. */
export const ONLINE_DEPTHS = [
  'INFORMATION_ONLY',
  'DOWNLOAD_FORMS',
  'ONLINE_PRE_CHECK',
  'ONLINE_SUBMISSION',
  'FULLY_ONLINE',
] as const satisfies readonly OnlineDepth[];

/** Position of a depth in ONLINE_DEPTHS, for comparisons. */
export function onlineDepthRank(depth: OnlineDepth): number {
  return ONLINE_DEPTHS.indexOf(depth);
}

/** E-certificates (电子证照) that can satisfy a material, so the applicant submits nothing. */
export type CertificateType =
  | 'RESIDENT_ID_CARD'
  | 'HOUSEHOLD_REGISTER'
  | 'RESIDENCE_PERMIT'
  | 'BUSINESS_LICENCE'
  | 'MARRIAGE_CERTIFICATE'
  | 'DEGREE_CERTIFICATE'
  | 'ACADEMIC_CERTIFICATE'
  | 'BIRTH_MEDICAL_CERTIFICATE'
  | 'SOCIAL_SECURITY_CARD'
  | 'DRIVING_LICENCE'
  | 'VEHICLE_REGISTRATION_CERTIFICATE'
  | 'REAL_ESTATE_CERTIFICATE'
  | 'CONSTRUCTION_PROJECT_PLANNING_PERMIT'
  | 'FOOD_BUSINESS_LICENCE'
  | 'DISABILITY_CERTIFICATE';

export const CERTIFICATE_TYPE_NAMES: Record<CertificateType, string> = {
  RESIDENT_ID_CARD: '居民身份证',
  HOUSEHOLD_REGISTER: '居民户口簿',
  RESIDENCE_PERMIT: '居住证',
  BUSINESS_LICENCE: '营业执照',
  MARRIAGE_CERTIFICATE: '结婚证',
  DEGREE_CERTIFICATE: '学位证书',
  ACADEMIC_CERTIFICATE: '学历证书（毕业证书）',
  BIRTH_MEDICAL_CERTIFICATE: '出生医学证明',
  SOCIAL_SECURITY_CARD: '社会保障卡',
  DRIVING_LICENCE: '机动车驾驶证',
  VEHICLE_REGISTRATION_CERTIFICATE: '机动车登记证书',
  REAL_ESTATE_CERTIFICATE: '不动产权证书',
  CONSTRUCTION_PROJECT_PLANNING_PERMIT: '建设工程规划许可证',
  FOOD_BUSINESS_LICENCE: '食品经营许可证',
  DISABILITY_CERTIFICATE: '中华人民共和国残疾人证',
};

export const CERTIFICATE_TYPES = Object.keys(CERTIFICATE_TYPE_NAMES) as CertificateType[];

/** Form in which a material is handed in. */
export type MaterialForm = 'ORIGINAL' | 'COPY' | 'ELECTRONIC' | 'ORIGINAL_AND_COPY';

export const MATERIAL_FORMS = ['ORIGINAL', 'COPY', 'ELECTRONIC', 'ORIGINAL_AND_COPY'] as const satisfies readonly MaterialForm[];

/** Who an item serves (服务对象). */
export type ServiceObject = 'PERSON' | 'ENTERPRISE' | 'BOTH';

export const SERVICE_OBJECTS = ['PERSON', 'ENTERPRISE', 'BOTH'] as const satisfies readonly ServiceObject[];

/** Kinds of agency that implement service items. */
export type DepartmentKind =
  | 'PUBLIC_SECURITY'
  | 'MARKET_REGULATION'
  | 'CIVIL_AFFAIRS'
  | 'HUMAN_RESOURCES_SOCIAL_SECURITY'
  | 'HOUSING_URBAN_RURAL'
  | 'HOUSING_PROVIDENT_FUND'
  | 'NATURAL_RESOURCES'
  | 'HEALTH'
  | 'MEDICAL_SECURITY'
  | 'EDUCATION'
  | 'TRANSPORT'
  | 'TAXATION'
  | 'ADMINISTRATIVE_APPROVAL'
  | 'DISABLED_PERSONS_FEDERATION';

export interface DepartmentKindInfo {
  /** Chinese name suffix at city and county level, e.g. 公安局 (北京市公安局, 东城区公安局…) */
  name: string;
  /** Chinese name suffix at provincial level, e.g. 公安厅 */
  provincialName: string;
  /** levels at which this kind of agency exists */
  levels: ImplementationLevel[];
  /** 2–3 letter code used to build department codes like MR-110000 */
  codePart: string;
}

export const DEPARTMENT_KINDS: Record<DepartmentKind, DepartmentKindInfo> = {
  PUBLIC_SECURITY: { name: '公安局', provincialName: '公安厅', levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'], codePart: 'PS' },
  MARKET_REGULATION: {
    name: '市场监督管理局',
    provincialName: '市场监督管理局',
    levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'],
    codePart: 'MR',
  },
  CIVIL_AFFAIRS: { name: '民政局', provincialName: '民政厅', levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'], codePart: 'CA' },
  HUMAN_RESOURCES_SOCIAL_SECURITY: {
    name: '人力资源和社会保障局',
    provincialName: '人力资源和社会保障厅',
    levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'],
    codePart: 'HRS',
  },
  HOUSING_URBAN_RURAL: {
    name: '住房和城乡建设局',
    provincialName: '住房和城乡建设厅',
    levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'],
    codePart: 'HUR',
  },
  // Managed at the level of the city with districts; county offices are its branches (管理部).
  HOUSING_PROVIDENT_FUND: {
    name: '住房公积金管理中心',
    provincialName: '省直住房资金管理中心',
    levels: ['PREFECTURE'],
    codePart: 'HPF',
  },
  NATURAL_RESOURCES: {
    name: '自然资源和规划局',
    provincialName: '自然资源厅',
    levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'],
    codePart: 'NR',
  },
  HEALTH: {
    name: '卫生健康委员会',
    provincialName: '卫生健康委员会',
    levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'],
    codePart: 'HC',
  },
  MEDICAL_SECURITY: {
    name: '医疗保障局',
    provincialName: '医疗保障局',
    levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'],
    codePart: 'MS',
  },
  EDUCATION: { name: '教育局', provincialName: '教育厅', levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'], codePart: 'ED' },
  TRANSPORT: {
    name: '交通运输局',
    provincialName: '交通运输厅',
    levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'],
    codePart: 'TR',
  },
  // Vertically managed: 国家税务总局××省税务局, ××市税务局, ××县税务局.
  TAXATION: { name: '税务局', provincialName: '税务局', levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'], codePart: 'TX' },
  // Relatively concentrated licensing (相对集中行政许可权) exists in cities and counties, not provinces.
  ADMINISTRATIVE_APPROVAL: {
    name: '行政审批局',
    provincialName: '政务服务管理局',
    levels: ['PREFECTURE', 'COUNTY'],
    codePart: 'AA',
  },
  DISABLED_PERSONS_FEDERATION: {
    name: '残疾人联合会',
    provincialName: '残疾人联合会',
    levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'],
    codePart: 'DPF',
  },
};

export const DEPARTMENT_KIND_LIST = Object.keys(DEPARTMENT_KINDS) as DepartmentKind[];

/** The kind of agency that issues each certificate type (the holder the data is fetched from). */
export const CERTIFICATE_ISSUERS: Record<CertificateType, DepartmentKind> = {
  RESIDENT_ID_CARD: 'PUBLIC_SECURITY',
  HOUSEHOLD_REGISTER: 'PUBLIC_SECURITY',
  RESIDENCE_PERMIT: 'PUBLIC_SECURITY',
  BUSINESS_LICENCE: 'MARKET_REGULATION',
  MARRIAGE_CERTIFICATE: 'CIVIL_AFFAIRS',
  DEGREE_CERTIFICATE: 'EDUCATION',
  ACADEMIC_CERTIFICATE: 'EDUCATION',
  BIRTH_MEDICAL_CERTIFICATE: 'HEALTH',
  SOCIAL_SECURITY_CARD: 'HUMAN_RESOURCES_SOCIAL_SECURITY',
  DRIVING_LICENCE: 'PUBLIC_SECURITY',
  VEHICLE_REGISTRATION_CERTIFICATE: 'PUBLIC_SECURITY',
  REAL_ESTATE_CERTIFICATE: 'NATURAL_RESOURCES',
  CONSTRUCTION_PROJECT_PLANNING_PERMIT: 'NATURAL_RESOURCES',
  FOOD_BUSINESS_LICENCE: 'MARKET_REGULATION',
  DISABILITY_CERTIFICATE: 'DISABLED_PERSONS_FEDERATION',
};

/** One required material of a service guide (申请材料). */
export interface MaterialSeed {
  name: string;
  form: MaterialForm;
  /** number of copies (份数) */
  copies: number;
  required: boolean;
  /** a certificate another department holds that satisfies it, so the applicant submits nothing */
  certificateType: CertificateType | null;
  note?: string;
}

/** One fee of a service guide (收费项目). */
export interface FeeSeed {
  name: string;
  amountYuan: number;
  /** 收费依据 */
  basis: string;
}

/** A service item as defined once in the catalogue, with its guide. */
export interface ItemSeed {
  /** basic code: `<type prefix>-<6-digit main item>-<3-digit sub item>` */
  code: string;
  name: string;
  type: ItemType;
  serviceObject: ServiceObject;
  departmentKind: DepartmentKind;
  /** levels where it is implemented */
  levels: ImplementationLevel[];
  /** 受理条件 */
  conditions: string[];
  /** 申请材料 */
  materials: MaterialSeed[];
  /** 办理流程 */
  steps: string[];
  /** 法定办结时限, working days */
  statutoryLimitDays: number;
  /** 承诺办结时限, working days; <= statutory; 0 = on the spot (即办) */
  promisedLimitDays: number;
  fees: FeeSeed[];
  /** 设定依据 */
  legalBasis: string[];
  channels: Channel[];
  /** 到现场次数: 0 = 全程网办 or by post, 1 = 最多跑一次 */
  inPersonVisits: 0 | 1 | 2;
  onlineDepth: OnlineDepth;
  /** 咨询电话 */
  enquiryPhone?: string;
}
