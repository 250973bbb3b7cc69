/** A share 0..1 as a percentage with one decimal; a dash when there is nothing to share. */
export const percent = (share: number | null | undefined) => (share == null ? '—' : `${(share * 100).toFixed(1)}%`);

export const number = (value: number | null | undefined, digits = 0) => (value == null ? '—' : value.toFixed(digits));

/** Chinese names of the values the console shows. */
export const STATUS: Record<string, string> = {
  SUBMITTED: '已提交',
  ACCEPTED: '已受理',
  NOT_ACCEPTED: '不予受理',
  UNDER_REVIEW: '审查中',
  SUSPENDED: '已中止',
  APPROVED: '已办结（准予）',
  REFUSED: '已办结（不予）',
  DELIVERED: '已送达',
  WITHDRAWN: '已撤回',
};

export const ROLE: Record<string, string> = {
  CITIZEN: '市民',
  ENTERPRISE: '企业',
  OFFICER: '工作人员',
  SUPERVISOR: '督查',
  AUDITOR: '审计',
  ANONYMOUS: '匿名',
};

export const CHANNEL: Record<string, string> = {
  WEB_PORTAL: '网上办',
  MOBILE_APP: '掌上办',
  SERVICE_HALL: '窗口办',
  SELF_SERVICE_TERMINAL: '自助终端',
  HOTLINE: '热线',
  POST: '邮寄',
};

/** The groups of the digital-divide breakdowns (Region.digitalDivide). */
export const DIVIDE_GROUP: Record<string, string> = {
  UNDER_30: '30岁以下',
  FROM_30_TO_59: '30–59岁',
  SIXTY_AND_OVER: '60岁及以上',
  URBAN_DISTRICT: '市辖区',
  COUNTY: '县／县级市',
  ABOVE_COUNTY: '市级及以上办理',
  EAST: '东部',
  CENTRE: '中部',
  WEST: '西部',
  NORTHEAST: '东北',
};

export const DIVIDE_MEASURE: Record<string, string> = {
  ONLINE_SHARE: '网办占比',
  FULLY_ONLINE_SHARE: '全程网办占比',
  AGENT_ASSISTED_SHARE: '帮代办占比',
  VISITS_PER_CASE: '件均跑动次数',
  ON_TIME_RATE: '按时办结率',
  AVERAGE_WORKING_DAYS: '平均办理工作日',
};

/** The parts of a "supply first" score (SupplyFactor). */
export const SUPPLY_FACTOR: Record<string, string> = {
  CASES: '办件量',
  APPEALS: '12345诉求',
  ONLINE_DEPTH: '网办深度不足',
  VISITS_PER_CASE: '跑动次数',
  OVER_PROMISED_VISITS: '超承诺跑动',
  OVERDUE: '逾期',
  BAD_REVIEWS: '差评',
};
