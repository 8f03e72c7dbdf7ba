// A first Hearts bot: "keep out of trouble". Copy this file, change a rule, and
// see what it does to the score (README.md beside it says how).
//
// A bot gets its seat's view (what a player in that seat may know, nothing
// more), the moves that are legal now, and a seeded random generator
// (rng.pick(list), rng.int(n)); it returns one of those moves. Cards are
// numbers 0-51: suit = Math.floor(card / 13) (0 clubs, 1 diamonds, 2 spades,
// 3 hearts), rank = card % 13 + 2 (2 .. 14, the ace).
const suit = (card) => Math.floor(card / 13);
const rank = (card) => (card % 13) + 2;
const QUEEN_OF_SPADES = 36;
const danger = (card) => (card === QUEEN_OF_SPADES ? 100 : suit(card) === 3 ? 20 + rank(card) : rank(card));

export default {
  id: 'keep-out',
  name: 'Keep out of trouble',
  choose(view, legalMoves) {
    const first = legalMoves[0];
    if (first.type === 'continue') return first; // between hands, the only move
    if (first.type === 'pass') {
      // 286 ways to pass three cards: pass the three most dangerous ones.
      const worst = [...view.private.hand].sort((a, b) => danger(b) - danger(a)).slice(0, 3);
      return legalMoves.find((move) => worst.every((card) => move.cards.includes(card)));
    }
    const cards = legalMoves.map((move) => move.card);
    const play = (card) => legalMoves.find((move) => move.card === card);
    const { trick, leader } = view.public; // one card per seat, -1 where nobody has played
    const led = trick[leader];
    if (led >= 0 && suit(cards[0]) === suit(led)) {
      // Following suit: the highest card that still loses the trick, else the lowest.
      const high = Math.max(...trick.filter((card) => card >= 0 && suit(card) === suit(led)).map(rank));
      const losers = cards.filter((card) => rank(card) < high);
      return play(losers.length > 0 ? Math.max(...losers) : Math.min(...cards));
    }
    // Leading: the safest card. Unable to follow suit: dump the most dangerous one.
    const byDanger = [...cards].sort((a, b) => danger(a) - danger(b));
    return play(led < 0 ? byDanger[0] : byDanger[byDanger.length - 1]);
  },
};
