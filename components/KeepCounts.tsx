/**
 * A count and the Korean counter word after it ("12개", "25명", "120일"). Korean text may break
 * between any two characters, so a button could wrap as "…Basic 12 / 개 구매"; the number and its
 * counter are one word to the reader and must stay on one line.
 */
const COUNT_WITH_COUNTER = /(\d[\d,.]*(?:개월|개|명|일|건|번|회))/;

/** `text` as it reads, with every count and its counter kept on one line (the words are unchanged). */
export function KeepCounts({ text }: { text: string }) {
  // split() with a capturing group puts each count at an odd index, the text between at even ones.
  const parts = text.split(COUNT_WITH_COUNTER);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} class="nowrap">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
