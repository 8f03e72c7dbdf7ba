/**
 * Whether two names read the same, for the table's rule that no two people
 * at one table go by names a reader cannot tell apart.
 *
 * The skeleton is the name NFKC-normalised, case-folded, without format
 * characters and with spaces collapsed, then with every character replaced
 * by its prototype in Unicode's confusables table (the UTS #39 skeleton, by
 * unhomoglyph, which is generated from that table): "Host", "HOST", "H0st",
 * "Ноѕт" in Cyrillic letters and "Ｈｏｓｔ" all read as one name. The table is
 * Unicode's own list, so it also catches look-alikes within one script ("rn"
 * and "m", "l" and "I"), which a mixed-script rule would miss.
 */
import unhomoglyph from 'unhomoglyph';

/**
 * Latin small capitals read as their letter once case no longer counts, but
 * neither NFKC nor the confusables table folds them (Cyrillic "н" maps to "ʜ").
 */
const SMALL_CAPITALS: Readonly<Record<string, string>> = {
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm',
  ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
};

/** One pass: prototypes of the confusables table, then case and small capitals folded. */
function fold(text: string): string {
  const lower = unhomoglyph(text.normalize('NFD')).toLowerCase();
  return [...lower].map((char) => SMALL_CAPITALS[char] ?? char).join('');
}

function plainName(name: string): string {
  return name.normalize('NFKC').replace(/\p{Cf}/gu, '').replace(/\s+/gu, ' ').trim();
}

export function nameSkeleton(name: string): string {
  // Twice: folding case can make a character that the table maps again (a Cyrillic capital's small form).
  return fold(fold(plainName(name))).normalize('NFD');
}

/**
 * The skeleton, and the skeleton of the name in small letters: the table
 * maps a capital "I" to "l", so "CYRIL" and "Cyril" differ in the first
 * (cyrll, cyril) and agree in the second.
 */
function skeletons(name: string): string[] {
  return [nameSkeleton(name), fold(fold(plainName(name).toLowerCase())).normalize('NFD')];
}

export interface NamedPerson {
  readonly playerId: string;
  readonly name: string;
}

/** The name of someone else at the table whose name reads the same as `name`, or null. */
export function nameClash(name: string, playerId: string, others: Iterable<NamedPerson>): string | null {
  const mine = skeletons(name);
  for (const other of others) {
    if (other.playerId !== playerId && other.name !== '' && skeletons(other.name).some((skeleton) => mine.includes(skeleton))) return other.name;
  }
  return null;
}
