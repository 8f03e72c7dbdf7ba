import type { WireValue } from '@deckhand/rules';

/**
 * Typed reads of the game's public and private view records. The records are
 * mirrored field by field from the rules' views, so a field can be missing for
 * a moment (before the first patch) but never of another type.
 */
type Fields = Readonly<Record<string, WireValue>> | null | undefined;

const NO_NUMBERS: readonly number[] = Object.freeze([]);
const NO_FLAGS: readonly boolean[] = Object.freeze([]);

export function num(fields: Fields, key: string, fallback = -1): number {
  const value = fields?.[key];
  return typeof value === 'number' ? value : fallback;
}

export function str(fields: Fields, key: string, fallback = ''): string {
  const value = fields?.[key];
  return typeof value === 'string' ? value : fallback;
}

export function flag(fields: Fields, key: string): boolean {
  return fields?.[key] === true;
}

export function nums(fields: Fields, key: string): readonly number[] {
  const value = fields?.[key];
  return Array.isArray(value) && (value.length === 0 || typeof value[0] === 'number') ? (value as readonly number[]) : NO_NUMBERS;
}

export function flags(fields: Fields, key: string): readonly boolean[] {
  const value = fields?.[key];
  return Array.isArray(value) && (value.length === 0 || typeof value[0] === 'boolean') ? (value as readonly boolean[]) : NO_FLAGS;
}
