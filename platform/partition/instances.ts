import { provinceOfDivision, type Province } from './jurisdiction.js';

/** `cases@44`, `cases@national`: an instance's name, the audience of the tokens it accepts. */
export function instanceName(department: string, province: Province | null): string {
  return `${department}@${province ?? 'national'}`;
}

/**
 * Whether an instance holds a division's records: a province's instance its own province; the national
 * instance every division no provincial instance claims.
 */
export function holdsFor(province: Province | null, provincial: readonly Province[]): (divisionCode: string) => boolean {
  return (code) => {
    const of = provinceOfDivision(code);
    return province === null ? of === null || !provincial.includes(of) : of === province;
  };
}
