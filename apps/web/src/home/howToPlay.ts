/** A few lines per game for the home page; the full rules live in each game's RULES.md. */
export const HOW_TO_PLAY: Readonly<Record<string, readonly string[]>> = {
  hearts: [
    'Four players, 13 cards each. Before each hand pass 3 cards (left, right, across, then no pass).',
    'The two of clubs leads the first trick. Follow suit if you can; the highest card of the led suit takes the trick.',
    'Each heart is 1 point and the queen of spades 13. Hearts cannot be led until one has been played.',
    'Take all the points to "shoot the moon". The game ends at the target score; the lowest score wins.',
  ],
  'crazy-eights': [
    'Two to six players. Play a card that matches the top of the discard pile by suit or rank.',
    'Eights are wild: play one at any time and name the suit the next player must follow.',
    'If you cannot play, draw from the stock (and pass when the option allows).',
    'The first to empty their hand scores the cards left in the others\' hands. First to the target wins.',
  ],
};
