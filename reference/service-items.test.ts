import { describe, it, expect } from 'vitest';
import { ITEMS } from './service-items.js';
import {
  CERTIFICATE_ISSUERS,
  CERTIFICATE_TYPE_NAMES,
  CHANNELS,
  DEPARTMENT_KINDS,
  IMPLEMENTATION_LEVELS,
  ITEM_CODE_PATTERN,
  ITEM_TYPES,
  ITEM_TYPE_PREFIX,
  MATERIAL_FORMS,
  ONLINE_DEPTHS,
  REMOTE_CHANNELS,
  SERVICE_OBJECTS,
  onlineDepthRank,
  type CertificateType,
  type Channel,
  type DepartmentKind,
} from './service-types.js';

const hasDuplicates = (values: readonly unknown[]): boolean => new Set(values).size !== values.length;

describe('catalog vocabularies', () => {
  it('gives every item type a distinct two-letter prefix that the code pattern accepts', () => {
    const prefixes = ITEM_TYPES.map((type) => ITEM_TYPE_PREFIX[type]);
    expect(hasDuplicates(prefixes)).toBe(false);
    for (const prefix of prefixes) {
      expect(prefix).toMatch(/^[A-Z]{2}$/);
      expect(`${prefix}-000101-001`).toMatch(ITEM_CODE_PATTERN);
    }
    expect(Object.keys(ITEM_TYPE_PREFIX).sort()).toEqual([...ITEM_TYPES].sort());
  });

  it('gives department kinds distinct codes, Chinese names and valid levels', () => {
    const kinds = Object.values(DEPARTMENT_KINDS);
    expect(hasDuplicates(kinds.map((k) => k.codePart))).toBe(false);
    for (const kind of kinds) {
      expect(kind.codePart).toMatch(/^[A-Z]{2,3}$/);
      expect(kind.name).toMatch(/\p{Script=Han}/u);
      expect(kind.provincialName).toMatch(/\p{Script=Han}/u);
      expect(kind.levels.length).toBeGreaterThan(0);
      expect(hasDuplicates(kind.levels)).toBe(false);
      for (const level of kind.levels) expect(IMPLEMENTATION_LEVELS).toContain(level);
    }
  });

  it('keeps the certificate list short, named in Chinese, with a known issuer each', () => {
    const types = Object.keys(CERTIFICATE_TYPE_NAMES) as CertificateType[];
    expect(types.length).toBeLessThanOrEqual(16);
    for (const type of types) {
      expect(CERTIFICATE_TYPE_NAMES[type]).toMatch(/\p{Script=Han}/u);
      expect(DEPARTMENT_KINDS).toHaveProperty(CERTIFICATE_ISSUERS[type]);
    }
  });

  it('orders online depths from information only to fully online', () => {
    expect(onlineDepthRank('INFORMATION_ONLY')).toBe(0);
    expect(onlineDepthRank('FULLY_ONLINE')).toBe(ONLINE_DEPTHS.length - 1);
  });
});

describe('ITEMS', () => {
  it('has between 40 and 60 items', () => {
    expect(ITEMS.length).toBeGreaterThanOrEqual(40);
    expect(ITEMS.length).toBeLessThanOrEqual(60);
  });

  it('has unique, well-formed codes whose prefix matches the item type', () => {
    expect(hasDuplicates(ITEMS.map((i) => i.code))).toBe(false);
    for (const item of ITEMS) {
      const match = ITEM_CODE_PATTERN.exec(item.code);
      expect(match, item.code).not.toBeNull();
      expect(match?.[1], item.code).toBe(ITEM_TYPE_PREFIX[item.type]);
    }
  });

  it('keeps sub items of one main item with the same type and department kind', () => {
    const byMain = new Map<string, { type: string; departmentKind: DepartmentKind }>();
    for (const item of ITEMS) {
      const main = item.code.slice(3, 9);
      const seen = byMain.get(main);
      if (seen) expect({ type: item.type, departmentKind: item.departmentKind }, item.code).toEqual(seen);
      else byMain.set(main, { type: item.type, departmentKind: item.departmentKind });
    }
  });

  it('has unique names', () => {
    expect(hasDuplicates(ITEMS.map((i) => i.name))).toBe(false);
  });

  it('promises no more than the statutory limit, in whole working days', () => {
    for (const item of ITEMS) {
      expect(Number.isInteger(item.statutoryLimitDays), item.code).toBe(true);
      expect(Number.isInteger(item.promisedLimitDays), item.code).toBe(true);
      expect(item.promisedLimitDays, item.code).toBeGreaterThanOrEqual(0);
      expect(item.promisedLimitDays, item.code).toBeLessThanOrEqual(item.statutoryLimitDays);
    }
  });

  it('gives every item a complete guide: materials, channels, steps, conditions, legal basis', () => {
    for (const item of ITEMS) {
      expect(item.materials.length, item.code).toBeGreaterThan(0);
      expect(item.channels.length, item.code).toBeGreaterThan(0);
      expect(item.steps.length, item.code).toBeGreaterThan(0);
      expect(item.conditions.length, item.code).toBeGreaterThan(0);
      expect(item.legalBasis.length, item.code).toBeGreaterThan(0);
      expect(item.levels.length, item.code).toBeGreaterThan(0);
      expect(hasDuplicates(item.channels), item.code).toBe(false);
      expect(hasDuplicates(item.levels), item.code).toBe(false);
      for (const channel of item.channels) expect(CHANNELS).toContain(channel);
      expect(SERVICE_OBJECTS).toContain(item.serviceObject);
      expect(ONLINE_DEPTHS).toContain(item.onlineDepth);
      for (const basis of item.legalBasis) expect(basis, item.code).toMatch(/《.+》/);
    }
  });

  it('needs no visit when fully online', () => {
    for (const item of ITEMS) {
      if (item.onlineDepth === 'FULLY_ONLINE') expect(item.inPersonVisits, item.code).toBe(0);
    }
  });

  it('offers a way in that matches the number of visits', () => {
    const remote: readonly Channel[] = REMOTE_CHANNELS;
    for (const item of ITEMS) {
      if (item.inPersonVisits === 0) {
        expect(onlineDepthRank(item.onlineDepth), item.code).toBeGreaterThanOrEqual(onlineDepthRank('ONLINE_SUBMISSION'));
        expect(
          item.channels.some((c) => remote.includes(c)),
          item.code,
        ).toBe(true);
      } else {
        expect(
          item.channels.some((c) => c === 'SERVICE_HALL' || c === 'SELF_SERVICE_TERMINAL'),
          item.code,
        ).toBe(true);
      }
    }
  });

  it('describes materials properly and references only known certificate types', () => {
    for (const item of ITEMS) {
      for (const material of item.materials) {
        expect(material.name.length, item.code).toBeGreaterThan(0);
        expect(MATERIAL_FORMS).toContain(material.form);
        expect(Number.isInteger(material.copies) && material.copies >= 1, `${item.code} ${material.name}`).toBe(true);
        if (material.certificateType !== null) {
          expect(CERTIFICATE_TYPE_NAMES, `${item.code} ${material.name}`).toHaveProperty(material.certificateType);
        }
      }
    }
  });

  it('uses every certificate type at least once', () => {
    const used = new Set(ITEMS.flatMap((i) => i.materials.map((m) => m.certificateType)));
    for (const type of Object.keys(CERTIFICATE_TYPE_NAMES)) expect(used, type).toContain(type);
  });

  it('is implemented by existing department kinds at levels where they exist', () => {
    for (const item of ITEMS) {
      const kind = DEPARTMENT_KINDS[item.departmentKind];
      expect(kind, item.code).toBeDefined();
      for (const level of item.levels) expect(kind.levels, item.code).toContain(level);
    }
  });

  it('gives every department kind and every item type at least one item', () => {
    const kinds = new Set(ITEMS.map((i) => i.departmentKind));
    for (const kind of Object.keys(DEPARTMENT_KINDS)) expect(kinds, kind).toContain(kind);
    const types = new Set(ITEMS.map((i) => i.type));
    for (const type of ITEM_TYPES) expect(types, type).toContain(type);
  });

  it('serves both citizens and enterprises, with a mix of visits and online depths', () => {
    const objects = new Set(ITEMS.map((i) => i.serviceObject));
    expect(objects).toContain('PERSON');
    expect(objects).toContain('ENTERPRISE');
    expect(new Set(ITEMS.map((i) => i.inPersonVisits))).toEqual(new Set([0, 1, 2]));
    expect(new Set(ITEMS.map((i) => i.onlineDepth)).size).toBe(ONLINE_DEPTHS.length);
  });

  it('asks enterprises for their business licence through the certificate hub', () => {
    for (const item of ITEMS.filter((i) => i.serviceObject === 'ENTERPRISE')) {
      expect(
        item.materials.some((m) => m.certificateType === 'BUSINESS_LICENCE'),
        item.code,
      ).toBe(true);
    }
  });

  it('states fees with a non-negative amount and a basis', () => {
    for (const item of ITEMS) {
      for (const fee of item.fees) {
        expect(fee.amountYuan, `${item.code} ${fee.name}`).toBeGreaterThanOrEqual(0);
        expect(fee.basis.length, `${item.code} ${fee.name}`).toBeGreaterThan(0);
      }
    }
  });

  it('gives enquiry phones as digits only', () => {
    for (const item of ITEMS) if (item.enquiryPhone !== undefined) expect(item.enquiryPhone, item.code).toMatch(/^\d{3,12}$/);
  });
});
