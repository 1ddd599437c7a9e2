/**
 * Offer names as a canonical key. Partner Center, Microsoft's guides and their Korean machine
 * translations spell one offer in several ways: case, spacing, punctuation, "Add-On" / "Add on",
 * the "(Qualified Offer)" marker present or not, and the audience marker (for Faculty, for Students,
 * (Government Pricing)) standing anywhere in the name. Those differences are erased here; every
 * other word is kept, because look-alike offers that are NOT retired differ by one product word
 * ("Professional" for "Enterprise Edition", "CRMOL" for "CRM"). Keys are compared for equality only.
 */

// After punctuation has become spaces and whitespace is collapsed, a "word" is bounded by a
// single space or an end. \b cannot be used: it only knows ASCII word characters, not Hangul.
const phrase = (forms: readonly string[]): RegExp => new RegExp(`(?<=^| )(?:${forms.join('|')})(?= |$)`, 'gu');

/** "(Qualified Offer)" in English, and the Korean guide's two translations of it. */
const QUALIFIED = phrase(['qualified offers?', '자격 ?을? ?갖춘된? ?(?:제품|제공)']);
const ADD_ON = phrase(['add ?on']);

/**
 * Audience markers, in the order their tags are appended. Longer forms come first so that
 * "for faculty" is taken whole rather than leaving a stray "for". The Korean forms are the
 * guide's ("교직원에 대 한", "교직원 용", "학생 들을 위한", "정부 가격") with its spacing optional.
 */
const MARKERS: ReadonlyArray<readonly [tag: string, pattern: RegExp]> = [
  ['faculty', phrase(['for faculty', '교직원 ?에 ?대 ?한', '교직원 ?용', 'faculty', '교직원'])],
  ['student', phrase(['for students?', '학생 ?에 ?대 ?한', '학생 ?들을 ?위한', 'students?', '학생'])],
  ['government', phrase(['government pricing', '정부 ?가격'])],
];

const SCRIPT_BOUNDARY = /(?<=[a-z0-9])(?=\p{Script=Hangul})|(?<=\p{Script=Hangul})(?=[a-z0-9])/gu;

const squash = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/**
 * The canonical key of an offer name, or '' when nothing identifying is left (an empty name, or
 * one made only of markers). Audience tags follow the product words as " #faculty", " #student",
 * " #government"; '#' cannot occur in the product words, which have lost all punctuation.
 */
export function normalizeOfferName(name: string): string {
  // NFKC would turn "™" into the letters "TM", which would then count as a product word.
  let s = name
    .replace(/[™®©℠]/gu, ' ')
    .normalize('NFKC')
    .toLowerCase();
  s = s.replace(/[\p{P}\p{S}]/gu, ' ');
  // Korean particles attach to the word before them: "CRM Basic에" and "(자격 갖춘된 제품)에"
  // with the marker dropped ("CRM Basic 에") must agree, so Latin and Hangul are split apart.
  s = squash(s.replace(SCRIPT_BOUNDARY, ' '));
  s = squash(s.replace(ADD_ON, 'addon').replace(QUALIFIED, ' '));
  const tags: string[] = [];
  for (const [tag, pattern] of MARKERS) {
    const without = s.replace(pattern, ' ');
    if (without !== s) tags.push(tag);
    s = squash(without);
  }
  if (s === '') return '';
  return [s, ...tags.map((t) => `#${t}`)].join(' ');
}
