/** What evaluators write: a few sample phrases, so comments read like the real ones. */
export const GOOD_COMMENTS = [
  '办理速度快，工作人员态度很好',
  '一次就办成了，不用来回跑',
  '网上提交很方便，进度随时能查',
  '窗口人员耐心讲解，点赞',
  '材料比以前少多了，好评',
  '帮办代办服务很贴心',
] as const;

export const BAD_COMMENTS = [
  '办事指南写的材料和窗口要求不一致，多跑了一趟',
  '超过承诺时限才办结，也没有人通知进度',
  '网上系统反复提示上传失败',
  '窗口排队时间太长，工作人员态度生硬',
  '不予受理的理由没有说清楚',
  '电话一直打不通，无法咨询',
] as const;

export const CALLBACK_SUMMARIES = {
  verified: ['已电话回访，申请人反映情况属实，已致歉并说明整改措施', '回访核实：确因窗口告知不一次性导致多跑一次'],
  unverified: ['回访核实：申请人误将其他事项的体验评价到本办件', '回访时申请人表示评价系误操作，问题不属实'],
} as const;

export const RESULTS = [
  '已修订办事指南材料清单，并对窗口人员开展一次性告知培训',
  '已优化网上申报系统上传功能，并安排专人跟踪办理进度',
  '已调整窗口设置、增加高峰时段人员，申请人表示满意',
] as const;

export const DISMISSAL_REASONS = ['经回访核实，该评价系误评，与本办件办理情况不符', '经核实，该评价内容与办件无关，属恶意差评'] as const;
