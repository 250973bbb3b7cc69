import type { Random } from '../../../platform/random.js';
import type { AppealCategory, AppealKind } from '../data/reference.js';

/** What appeals of each category are about, as an operator would summarise them. */
const TOPICS: Record<AppealCategory, readonly string[]> = {
  SOCIAL_SECURITY: ['养老金领取资格认证', '城乡居民养老保险缴费', '失业保险金申领', '最低生活保障申请', '社保关系跨省转移接续'],
  HEALTH: ['异地就医备案和医保报销', '乡镇卫生院看病排队', '慢性病门诊用药', '家庭医生签约服务', '疫苗接种预约'],
  EDUCATION: ['小学入学划片', '幼儿园学位不足', '校外培训机构退费', '学生资助申请', '校车接送安全'],
  HOUSING: ['公租房申请', '老旧小区改造进度', '物业服务收费', '房屋漏水维修', '住房公积金提取'],
  TRANSPORT: ['公交线路调整', '道路破损', '出租车拒载', '停车位不足', '农村客运班次减少'],
  MARKET_REGULATION: ['预付卡商家跑路', '食品安全', '商品价格欺诈', '网购退换货纠纷', '餐馆卫生问题'],
  URBAN_MANAGEMENT: ['占道经营', '夜间施工噪音扰民', '垃圾清运不及时', '路灯不亮', '违章搭建'],
  ENVIRONMENT: ['企业排放异味', '河道污染', '建筑扬尘', '绿地被占用', '油烟扰民'],
  HOUSEHOLD_REGISTRATION: ['新生儿落户', '身份证异地换领', '居住证办理', '户口迁移', '临时身份证明'],
  ENTERPRISE_SERVICES: ['营业执照变更', '惠企政策申报', '工程款拖欠', '企业开办一网通办', '中小企业融资'],
  GOVERNMENT_SERVICES: ['办事指南与实际要求不一致', '网上办事系统无法登录', '窗口排队时间长', '证明材料重复提交', '自助终端故障'],
};

const FRAMES: Record<AppealKind, (topic: string) => string> = {
  COMPLAINT: (t) => `投诉${t}问题，已多次反映仍未解决，要求相关部门依法依规处理并答复。`,
  HELP_REQUEST: (t) => `${t}遇到困难，本人不熟悉网上办理，请求相关部门帮助协调解决。`,
  SUGGESTION: (t) => `关于${t}，建议简化流程、增加办理渠道并提供适老化服务。`,
  CONSULTATION: (t) => `咨询${t}需要哪些材料、在哪里办理、多长时间能办好。`,
  PRAISE: (t) => `在办理${t}时工作人员服务热情、主动帮办，特此表扬。`,
};

/** The operator's summary of an appeal. */
export function appealText(rng: Random, category: AppealCategory, kind: AppealKind): string {
  return FRAMES[kind](rng.pick(TOPICS[category]));
}

const RESPONSES: Record<AppealKind, string> = {
  COMPLAINT: '经核实，反映问题属实，已责令整改并将处理结果告知诉求人。',
  HELP_REQUEST: '已安排工作人员联系诉求人，上门协助办理完毕。',
  SUGGESTION: '感谢建议，已纳入下一步工作改进计划。',
  CONSULTATION: '已电话告知诉求人所需材料、办理地点和办理时限。',
  PRAISE: '已将表扬转达相关工作人员，我们将继续改进服务。',
};

/** The department's response, signed with its name. */
export function responseText(kind: AppealKind, departmentName: string): string {
  return `${departmentName}：${RESPONSES[kind]}`;
}

/** Why a department returns an appeal that is not theirs (退单理由). */
export function returnReason(rightDepartment: string): string {
  return `该诉求不属于本单位职责范围，建议转${rightDepartment}办理。`;
}
