/**
 * What a player's name and a chat line may hold. Shared so the web can say
 * why before asking and the server refuses the same things.
 *
 * A name must read as what it is: no invisible characters (zero-width
 * joiners, direction overrides, Hangul fillers), no control characters, no
 * characters Unicode has not assigned, no private-use glyphs and no broken
 * UTF-16 (a lone surrogate). Names are stored NFKC-normalised, so full-width
 * or styled letters (`Ｈｏｓｔ`, `𝐇𝐨𝐬𝐭`) become plain ones. Whether a name reads
 * the same as another at the same table is the table's check (the server's
 * `nameSkeleton`).
 */
import { ErrorCode, Limits } from './codes';
import type { Parsed } from './messages';

/** Control characters, including line and paragraph separators. */
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;
/** A surrogate not paired: broken text that each side may render differently. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Characters with no meaning yet (unassigned) or only a private one. */
const UNASSIGNED = /[\p{Cn}\p{Co}]/u;
/**
 * Format characters and default-ignorable code points render as nothing:
 * bidi overrides and isolates, zero-width space/joiners, word joiner, BOM,
 * Hangul fillers, tag characters. Emoji presentation selectors (U+FE0E,
 * U+FE0F) are allowed: they only choose how an emoji looks.
 */
const INVISIBLE = /(?![\uFE0E\uFE0F])[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

function badName(message: string): Parsed<string> {
  return { ok: false, error: { code: ErrorCode.BadName, message } };
}

/** The name as stored (NFKC, spaces collapsed, trimmed), or why it is refused. */
export function parseName(input: unknown): Parsed<string> {
  if (typeof input !== 'string') return badName('The name must be text.');
  if (LONE_SURROGATE.test(input)) return badName('The name contains a broken character: type it again.');
  if (CONTROL.test(input)) return badName('The name cannot contain control characters (tabs, line breaks).');
  const normal = input.normalize('NFKC');
  // Before spaces are collapsed: JavaScript counts U+FEFF as a space.
  if (INVISIBLE.test(normal)) {
    return badName('The name cannot contain invisible characters (zero-width joiners, direction marks and the like).');
  }
  const name = normal.replace(/\s+/gu, ' ').trim();
  if (UNASSIGNED.test(name)) return badName('The name contains a character without a standard meaning.');
  const length = [...name].length;
  if (length < Limits.nameMin || length > Limits.nameMax) {
    return badName(`The name must be ${Limits.nameMin} to ${Limits.nameMax} characters long.`);
  }
  return { ok: true, value: name };
}

/** A zero-width joiner inside an emoji sequence (👩‍💻) is part of the emoji; elsewhere it is invisible. */
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)\u200D(?=\p{Extended_Pictographic})/gu;
const EMOJI_JOINER_MARK = '\u{F0000}';

/**
 * Chat text as the table shows it: control characters become spaces, and
 * invisible characters (direction overrides, zero-width characters) are
 * dropped, so a line cannot reorder or hide what others read. Lone
 * surrogates become U+FFFD. Emoji sequences keep their joiners.
 */
export function cleanChatText(raw: string): string {
  // A private-use mark holds the emoji joiners while the other invisible characters go.
  const held = raw.replace(/\p{Cs}/gu, '\uFFFD').replace(/\p{Co}/gu, '').replace(EMOJI_JOINER, EMOJI_JOINER_MARK);
  return held
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/(?![\uFE0E\uFE0F\u{F0000}])[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '')
    .replaceAll(EMOJI_JOINER_MARK, '\u200D')
    .trim();
}
