import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export type Gender = 'MALE' | 'FEMALE';
export type HouseholdRelation = 'HEAD' | 'SPOUSE' | 'CHILD' | 'PARENT' | 'OTHER';

export const HouseholdEntity = defineEntity({
  name: 'Household',
  tableName: 'household',
  properties: {
    /** division code + household number */
    id: p.string().length(15).primary(),
    number: p.string().length(9),
    regionCode: p.string().length(6),
    address: p.string(),
  },
  indexes: [{ properties: ['regionCode', 'id'] }],
});
export type Household = InferEntity<typeof HouseholdEntity>;

/** A resident of the household register; the row carries its relation to the head of its household. */
export const PersonEntity = defineEntity({
  name: 'Person',
  tableName: 'person',
  properties: {
    id: p.string().length(18).primary(),
    name: p.string().length(64),
    /** first character of the name, so a name prefix search is an equality any collation agrees on */
    nameInitial: p.string().length(4),
    gender: p.string().length(8).$type<Gender>(),
    /** YYYY-MM-DD, the one embedded in the id; text, as a date column would come back as an instant and shift a day in some time zone */
    birthDate: p.string().length(10),
    ethnicity: p.string().length(16),
    /** county of registration, the one embedded in the id */
    regionCode: p.string().length(6),
    address: p.string(),
    phone: p.string().length(11).strictNullable(),
    // a foreign key to the household, read as the plain id
    householdId: p.manyToOne(HouseholdEntity).mapToPk().name('household_id'),
    relation: p.string().length(8).$type<HouseholdRelation>(),
  },
  // the filters of Query.people (keyset on id) and Household.members. A name prefix filters on its
  // first character: LIKE cannot use a plain index in SQLite (it needs NOCASE) nor in PostgreSQL (it
  // needs text_pattern_ops or the C collation)
  indexes: [{ properties: ['regionCode', 'id'] }, { properties: ['nameInitial', 'id'] }, { properties: ['birthDate'] }, { properties: ['householdId'] }],
});
export type Person = InferEntity<typeof PersonEntity>;

/** A HouseholdMember: its own object, so access verdicts on it never stand in for the Person's. */
export interface Member {
  person: Person;
}
