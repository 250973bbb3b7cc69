/**
 * Word lists for the population's synthetic records: ethnic groups by
 * province, street and village names, mobile number prefixes.
 */

/** 汉族 is about 91% nationally; each province's minorities are those actually living there in numbers. */
export const MINORITIES: Record<string, { share: number; groups: readonly string[] }> = {
  '11': { share: 0.05, groups: ['满族', '回族', '蒙古族', '朝鲜族'] },
  '31': { share: 0.02, groups: ['回族', '满族', '土家族', '苗族'] },
  '33': { share: 0.03, groups: ['畲族', '土家族', '苗族', '回族'] },
  '44': { share: 0.04, groups: ['壮族', '瑶族', '土家族', '苗族', '畲族'] },
  '51': { share: 0.07, groups: ['彝族', '藏族', '羌族', '回族', '苗族'] },
  '62': { share: 0.1, groups: ['回族', '藏族', '东乡族', '土族', '裕固族', '保安族'] },
};
export const DEFAULT_MINORITIES = { share: 0.08, groups: ['壮族', '回族', '满族', '维吾尔族', '苗族', '彝族', '土家族', '藏族', '蒙古族'] };

export const STREETS = [
  '人民路', '解放路', '中山路', '建设路', '和平路', '新华路', '文化路', '胜利路', '幸福路', '友谊路',
  '长江路', '黄河路', '光明街', '朝阳街', '青年路', '东风路', '迎宾大道', '滨河路', '学府路', '康宁街',
];
export const COMMUNITIES = ['花园', '小区', '家园', '新村', '公寓', '苑'];
export const COMMUNITY_NAMES = ['阳光', '锦绣', '金桥', '翠湖', '碧水', '东方', '明珠', '丽景', '华庭', '龙湾'];
export const TOWNS = ['城关镇', '河西堡镇', '新城子镇', '朱王堡镇', '东寨镇', '水源镇', '红山窑镇', '焦家庄镇'];
export const VILLAGES = ['东村', '西村', '南庄', '北沟', '杨家湾', '李家庄', '新建村', '红星村', '团结村', '上坝村'];

/** Prefixes of the three carriers' mobile numbers (China Mobile, Unicom, Telecom; 19x new ranges). */
export const MOBILE_PREFIXES = [
  '134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '157', '158', '159', '178', '182', '183', '184', '187', '188', '198',
  '130', '131', '132', '145', '155', '156', '166', '175', '176', '185', '186', '196',
  '133', '149', '153', '173', '177', '180', '181', '189', '191', '193', '199',
];
