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
