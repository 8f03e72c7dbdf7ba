import type { OptionSpec, OptionValue, OptionsError, Result } from './game';

/**
 * Validates host-supplied options against a game's choice specs. Missing keys
 * take the defaults; every problem is listed, not just the first one.
 */
export function parseChoiceOptions<Options extends Record<string, OptionValue>>(
  specs: readonly OptionSpec[],
  defaults: Options,
  input: unknown,
): Result<Options, OptionsError> {
  if (input === undefined || input === null) return { ok: true, value: { ...defaults } };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return optionsError(['options must be an object of option names to values']);
  }
  const problems: string[] = [];
  const result: Record<string, OptionValue> = { ...defaults };
  const known = new Set(specs.map((spec) => spec.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) problems.push(`unknown option "${key}" (known: ${[...known].join(', ')})`);
  }
  for (const spec of specs) {
    const value = (input as Record<string, unknown>)[spec.key];
    if (value === undefined) continue;
    if (spec.choices.some((choice) => choice.value === value)) {
      result[spec.key] = value as OptionValue;
    } else {
      const allowed = spec.choices.map((choice) => JSON.stringify(choice.value)).join(', ');
      problems.push(`${spec.key} must be one of ${allowed} (got ${JSON.stringify(value)})`);
    }
  }
  if (problems.length > 0) return optionsError(problems);
  return { ok: true, value: result as Options };
}

function optionsError(problems: string[]): { ok: false; error: OptionsError } {
  return {
    ok: false,
    error: { code: 'INVALID_OPTIONS', message: `Invalid options: ${problems.join('; ')}.`, problems },
  };
}
