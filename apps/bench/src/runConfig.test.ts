import { describe, expect, it } from 'vitest';
import { FULL, capacityStepsBetween } from './runConfig';

describe('capacity steps chosen on the command line', () => {
  it('[bench-steps] --min-tables and --max-tables keep the steps between them, ends included', () => {
    expect(capacityStepsBetween(FULL.capacitySteps, '800', '1250')).toEqual([800, 1000, 1250]);
    expect(capacityStepsBetween(FULL.capacitySteps, '1250', '1250')).toEqual([1250]);
    expect(capacityStepsBetween(FULL.capacitySteps, undefined, '50')).toEqual([25, 50]);
    expect(capacityStepsBetween(FULL.capacitySteps, undefined, undefined)).toEqual(FULL.capacitySteps);
  });

  it('[bench-steps] a range with no step in it is refused, naming the steps, instead of measuring nothing', () => {
    expect(() => capacityStepsBetween(FULL.capacitySteps, '900', '900')).toThrow(
      'no capacity step from 900 to 900 tables; the steps are 25, 50, 100, 150, 200, 300, 400, 500, 600, 700, 800, 1000, 1250',
    );
  });

  it('[bench-steps] a bound that is not a whole number of tables is refused', () => {
    expect(() => capacityStepsBetween(FULL.capacitySteps, 'many', undefined)).toThrow('--min-tables must be a whole number of tables, not "many"');
    expect(() => capacityStepsBetween(FULL.capacitySteps, undefined, '')).toThrow('--max-tables must be a whole number of tables, not ""');
    expect(() => capacityStepsBetween(FULL.capacitySteps, '-5', undefined)).toThrow('--min-tables');
  });
});
