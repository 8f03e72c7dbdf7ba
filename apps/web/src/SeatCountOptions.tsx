import type { AnyGame } from '@deckhand/rules';

/** The `<option>`s of a player-count picker: every table size the game allows. */
export function SeatCountOptions({ game }: { game: AnyGame }) {
  const counts = Array.from({ length: game.maxSeats - game.minSeats + 1 }, (_, i) => game.minSeats + i);
  return (
    <>
      {counts.map((count) => (
        <option key={count} value={count}>
          {count} players
        </option>
      ))}
    </>
  );
}
