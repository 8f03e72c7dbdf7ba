import { Suit, suitName } from '@deckhand/rules';

// Drawn paths rather than text glyphs: the shapes stay the same whatever fonts
// the device has, and the shape (not only the colour) tells the suits apart.
const CLUB = (
  <>
    <circle cx="50" cy="27" r="21" />
    <circle cx="26" cy="59" r="21" />
    <circle cx="74" cy="59" r="21" />
    <circle cx="50" cy="52" r="12" />
    <path d="M46 58 C45 78 40 90 31 98 L69 98 C60 90 55 78 54 58 Z" />
  </>
);
const DIAMOND = <path d="M50 0 L88 50 L50 100 L12 50 Z" />;
const SPADE = (
  <path d="M50 2 C80 30 100 45 100 63 C100 79 88 87 75 87 C65 87 57 82 53 75 C54 85 58 92 67 98 L33 98 C42 92 46 85 47 75 C43 82 35 87 25 87 C12 87 0 79 0 63 C0 45 20 30 50 2 Z" />
);
const HEART = (
  <path d="M50 92 C20 68 0 48 0 29 C0 12 12 2 27 2 C38 2 46 9 50 19 C54 9 62 2 73 2 C88 2 100 12 100 29 C100 48 80 68 50 92 Z" />
);

function shape(suit: Suit) {
  switch (suit) {
    case Suit.Clubs:
      return CLUB;
    case Suit.Diamonds:
      return DIAMOND;
    case Suit.Spades:
      return SPADE;
    case Suit.Hearts:
      return HEART;
    default: {
      const never: never = suit;
      throw new Error(`unknown suit ${String(never)}`);
    }
  }
}

/** A suit mark in the suit's colour; decorative unless given a label. */
export function SuitIcon({ suit, size = '1em', label }: { suit: Suit; size?: string; label?: string }) {
  return (
    <svg
      className={`suit-icon suit-${suitName(suit)}`}
      viewBox="0 0 100 100"
      width={size}
      height={size}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      {shape(suit)}
    </svg>
  );
}

/** Inline form for use inside an SVG card face. */
export function SuitShape({ suit, x, y, size }: { suit: Suit; x: number; y: number; size: number }) {
  return (
    <svg x={x} y={y} width={size} height={size} viewBox="0 0 100 100" aria-hidden="true">
      {shape(suit)}
    </svg>
  );
}
