import { describe, expect, it } from 'vitest';
import { divisions } from './divisions.js';
import { ageBand, ageOn, ECONOMIC_REGIONS, economicRegion, residenceType, urbanDistricts } from './divide.js';

describe('age bands', () => {
  it('counts full years, a birthday on its day', () => {
    expect(ageOn('1996-06-15', '2026-06-14')).toBe(29);
    expect(ageOn('1996-06-15', '2026-06-15')).toBe(30);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
  });
  it('bands at 30 and 60', () => {
    expect(ageBand('1996-06-16', '2026-06-15')).toBe('UNDER_30');
    expect(ageBand('1996-06-15', '2026-06-15')).toBe('FROM_30_TO_59');
    expect(ageBand('1966-06-16', '2026-06-15')).toBe('FROM_30_TO_59');
    expect(ageBand('1966-06-15', '2026-06-15')).toBe('SIXTY_AND_OVER');
  });
});

describe('urban districts and counties (GB/T 2260)', () => {
  it('classifies by the handling division', () => {
    expect(residenceType('110105')).toBe('URBAN_DISTRICT'); // 北京 朝阳区
    expect(residenceType('500151')).toBe('URBAN_DISTRICT'); // 重庆 铜梁区: a district whose number is past 20
    expect(residenceType('230751')).toBe('URBAN_DISTRICT'); // 伊春 金林区: a 林区 that is a 市辖区
    expect(residenceType('620321')).toBe('COUNTY'); // 金昌 永昌县
    expect(residenceType('440106')).toBe('URBAN_DISTRICT'); // 广州 天河区
    expect(residenceType('330182')).toBe('COUNTY'); // 杭州 建德市 (县级市)
    expect(residenceType('152923')).toBe('COUNTY'); // 阿拉善 额济纳旗
    expect(residenceType('429021')).toBe('COUNTY'); // 神农架林区, under the province
    expect(residenceType('520203')).toBe('COUNTY'); // 六枝特区
    expect(residenceType('232761')).toBe('COUNTY'); // 大兴安岭地区 加格达奇区
    expect(residenceType('440100')).toBe('ABOVE_COUNTY');
    expect(residenceType('440000')).toBe('ABOVE_COUNTY');
  });
  it('finds about as many 市辖区 as GB/T 2260 has', () => {
    const counties = divisions().filter((d) => d.level === 'COUNTY');
    expect(urbanDistricts().size).toBeGreaterThan(900);
    expect(urbanDistricts().size).toBeLessThan(counties.length / 2);
    for (const code of urbanDistricts()) expect(divisions().find((d) => d.code === code)?.name).toMatch(/区$/);
  });
});

describe('economic regions', () => {
  it('holds each of the 31 provinces once', () => {
    const provinces = divisions().filter((d) => d.level === 'PROVINCE' && Number(d.code.slice(0, 2)) < 70);
    expect(provinces).toHaveLength(31);
    for (const p of provinces) expect(economicRegion(p.code), p.name).not.toBeNull();
    expect(Object.values(ECONOMIC_REGIONS).flat()).toHaveLength(31);
  });
  it('places a division by its province', () => {
    expect(economicRegion('440106')).toBe('EAST');
    expect(economicRegion('420100')).toBe('CENTRE');
    expect(economicRegion('620103')).toBe('WEST');
    expect(economicRegion('210000')).toBe('NORTHEAST');
    expect(economicRegion('810000')).toBeNull();
  });
});
