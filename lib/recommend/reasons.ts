import type { Audience, Localized, PurchasableOffer, ReplacementPlan, RetiredOffer } from '@/lib/catalog/schema';

/**
 * Every sentence the picker shows a sales agent, in English and Korean, in one place so the two
 * languages stay in step. Korean sentences put a noun (요금제, 제품, 라이선스, 명, 개) after every
 * inserted name or number, so no particle has to agree with a value only known at run time.
 */

const l = (en: string, ko: string): Localized => ({ en, ko });

const AUDIENCE: Record<Audience, Localized> = {
  commercial: l('commercial', '상업용'),
  faculty: l('faculty', '교직원용'),
  student: l('student', '학생용'),
  government: l('government-priced', '정부 가격'),
};

/** How an English sentence says who a retired offer was sold to. */
const PRICED: Record<Audience, string> = {
  commercial: 'a commercial offer',
  faculty: 'priced for faculty',
  student: 'priced for students',
  government: 'government-priced',
};

type Family = ReplacementPlan['family'];
const FAMILY: Record<Family, Localized> = {
  business: l('Business', '비즈니스'),
  frontline: l('Frontline', '프런트라인'),
  enterprise: l('Enterprise', '엔터프라이즈'),
  education: l('Education', '교육용'),
  dynamics: l('Dynamics 365', 'Dynamics 365'),
};

const STATUS_KO: Record<string, string> = {
  none: '없음',
  active: '활성',
  pending: '보류 중',
  suspended: '일시 중단됨',
  expired: '만료됨',
  disabled: '사용 안 함',
  deleted: '삭제됨',
};

const list = (names: string[]): string => names.join(', ');
// Counts can be 1 (one user, a minimum of one seat); Korean needs no plural.
const seatsEn = (n: number): string => (n === 1 ? '1 seat' : `${n} seats`);
const usersEn = (n: number): string => (n === 1 ? '1 user' : `${n} users`);
const band = (o: PurchasableOffer): string =>
  o.seatBand ? (o.seatBand.max === undefined ? `${o.seatBand.min}+` : `${o.seatBand.min}-${o.seatBand.max}`) : '';

// Bad input: each says what is wrong and what to do, never guesses.
export const fail = {
  noMatch: (): Localized =>
    l(
      "This subscription's offer is not in the retirement catalog, so no replacement can be suggested.",
      '이 구독의 제품은 사용 중지 카탈로그에 없으므로 대체 요금제를 제안할 수 없습니다.',
    ),
  offerMismatch: (): Localized =>
    l(
      'The matched offer does not belong to the matched retirement, so the catalog match cannot be trusted.',
      '일치한 제품이 해당 사용 중지 항목에 속하지 않으므로 카탈로그 일치 결과를 신뢰할 수 없습니다.',
    ),
  missingCustomer: (): Localized =>
    l(
      "The customer's details are missing, so commercial, education or government prices cannot be chosen. Reload the customer.",
      '고객 정보가 없어 상업용, 교육용, 정부 가격 중 어느 것을 적용할지 정할 수 없습니다. 고객 정보를 다시 불러오세요.',
    ),
  notActive: (status: string): Localized => {
    const s = status.trim().toLowerCase() || 'none';
    return l(
      `The subscription's status is "${s}"; only an active subscription can be migrated.`,
      `이 구독은 '${STATUS_KO[s] ?? s}' 상태입니다. 활성 구독만 마이그레이션할 수 있습니다.`,
    );
  },
  invalidQuantity: (q: number): Localized =>
    l(
      `The subscription's quantity is ${q}; it must be a whole number of at least 1.`,
      `구독 수량이 ${q}개로 표시됩니다. 수량은 1 이상의 정수여야 합니다.`,
    ),
  noLicenseData: (retired: RetiredOffer): Localized =>
    l(
      `The customer's licenses do not show ${retired.name.en}, so the users to move cannot be counted. Reload the customer's licenses.`,
      `고객의 라이선스 목록에 ${retired.name.ko} 라이선스가 없어 옮길 사용자 수를 셀 수 없습니다. 고객의 라이선스 정보를 다시 불러오세요.`,
    ),
  badCounts: (name: string, total: number, consumed: number): Localized =>
    l(
      `The license counts of ${name} are not valid (${seatsEn(total)}, ${consumed} assigned). Reload the customer's licenses.`,
      `${name} 라이선스 수가 올바르지 않습니다(라이선스 ${total}개, 할당 ${consumed}개). 고객의 라이선스 정보를 다시 불러오세요.`,
    ),
  poolBelowSubscription: (name: string, total: number, q: number): Localized =>
    l(
      `The tenant shows ${seatsEn(total)} of ${name}, fewer than the ${q} of this subscription alone. Reload the data before buying.`,
      `테넌트의 ${name} 라이선스는 ${total}개로 이 구독 하나의 수량 ${q}개보다 적습니다. 구매 전에 데이터를 다시 불러오세요.`,
    ),
  moreUsersThanSeats: (name: string, users: number, total: number): Localized =>
    l(
      `${users} users hold ${name}, but the tenant has only ${seatsEn(total)} of it. Reload the data before buying.`,
      `${name} 라이선스를 가진 사용자는 ${users}명인데 테넌트의 라이선스는 ${total}개뿐입니다. 구매 전에 데이터를 다시 불러오세요.`,
    ),
  badOtherQuantity: (offerName: string, q: number): Localized =>
    l(
      `Another subscription of the same license, ${offerName}, shows an invalid quantity (${q}). Reload the subscriptions.`,
      `같은 라이선스의 다른 구독인 ${offerName} 구독의 수량(${q}개)이 올바르지 않습니다. 구독 정보를 다시 불러오세요.`,
    ),
  noReplacement: (audience: Audience): Localized =>
    l(
      `No replacement plan in the catalog has a ${AUDIENCE[audience].en} or commercial offer this customer can buy.`,
      `카탈로그의 대체 요금제 중 이 고객이 구매할 수 있는 ${AUDIENCE[audience].ko} 또는 상업용 제품이 없습니다.`,
    ),
};

// How many users move (rule 8).
export const seats = {
  nobody: (retired: RetiredOffer): Localized =>
    l(
      `Nobody holds a ${retired.name.en} license, so nothing needs to be bought or reassigned: just suspend the old subscription.`,
      `${retired.name.ko} 라이선스를 가진 사용자가 없으므로 구매나 재할당이 필요 없습니다. 이전 구독만 일시 중단하면 됩니다.`,
    ),
  allStay: (holders: number, staying: number): Localized =>
    l(
      `The ${usersEn(holders)} holding this license fit in the ${seatsEn(staying)} of the subscriptions that stay, so nobody needs to move: just suspend the old subscription.`,
      `이 라이선스를 가진 사용자 ${holders}명은 유지되는 다른 구독의 라이선스 ${staying}개로 충분하므로 옮길 사용자가 없습니다. 이전 구독만 일시 중단하면 됩니다.`,
    ),
  pooled: (holders: number, staying: number, move: number): Localized =>
    l(
      `${usersEn(holders)} ${holders === 1 ? 'holds' : 'hold'} this license and other subscriptions of it keep ${seatsEn(staying)}, so ${usersEn(move)} must move.`,
      `이 라이선스를 가진 사용자는 ${holders}명이고 다른 구독에 라이선스 ${staying}개가 유지되므로 ${move}명을 옮겨야 합니다.`,
    ),
  simple: (retired: RetiredOffer, move: number): Localized =>
    l(
      `${usersEn(move)} ${move === 1 ? 'holds' : 'hold'} a ${retired.name.en} license and must move.`,
      `${retired.name.ko} 라이선스를 가진 사용자 ${move}명을 옮겨야 합니다.`,
    ),
};

// Users who already have the service through another product (rule 4).
export const coverage = {
  allByUser: (retired: RetiredOffer, move: number, products: string[]): Localized =>
    l(
      `${move === 1 ? 'The user' : `All ${move} users`} to move already have the service through ${list(products)}, so no purchase is needed: remove their ${retired.name.en} license and suspend the old subscription.`,
      `옮길 사용자 ${move}명 모두 이미 ${list(products)} 제품을 통해 같은 서비스를 사용하고 있으므로 구매할 필요가 없습니다. ${retired.name.ko} 라이선스를 회수하고 이전 구독을 일시 중단하세요.`,
    ),
  allByCount: (retired: RetiredOffer, move: number, product: string, assigned: number): Localized =>
    l(
      `${product} is assigned to ${usersEn(assigned)}, at least the ${move} who must move, so no purchase is needed: remove the ${retired.name.en} license and suspend the old subscription. This is judged from license counts; check the users' licenses to be sure.`,
      `${product} 제품이 ${assigned}명에게 할당되어 있어 옮길 사용자 ${move}명보다 많거나 같으므로 구매할 필요가 없습니다. ${retired.name.ko} 라이선스를 회수하고 이전 구독을 일시 중단하세요. 라이선스 수로 판단한 결과이므로 사용자별 라이선스를 확인하세요.`,
    ),
  some: (move: number, covered: number, buy: number, products: string[]): Localized =>
    l(
      `${covered} of the ${move} users to move already have the service through ${list(products)}; only ${seatsEn(buy)} need to be bought.`,
      `옮길 사용자 ${move}명 중 ${covered}명은 이미 ${list(products)} 제품을 통해 같은 서비스를 사용하고 있으므로 ${buy}개만 구매하면 됩니다.`,
    ),
};

// Which prices apply (rules 1 and 2).
export const audience = {
  educationCustomer: (aPlans: boolean): Localized =>
    aPlans
      ? l(
          'The customer is an education institution, so faculty A plans are recommended.',
          '교육 기관 고객이므로 교직원용 A 요금제를 권장합니다.',
        )
      : l(
          'The customer is an education institution, so faculty-priced offers are recommended.',
          '교육 기관 고객이므로 교직원용 가격의 제품을 권장합니다.',
        ),
  retiredVariant: (a: Audience): Localized =>
    l(
      `The retired offer was ${PRICED[a]}, so ${AUDIENCE[a].en} offers are recommended.`,
      `사용 중지되는 제품이 ${AUDIENCE[a].ko} 제품이므로 ${AUDIENCE[a].ko} 제품을 권장합니다.`,
    ),
  governmentCustomer: (): Localized =>
    l(
      'The customer is qualified for Government Community Cloud, so government-priced offers are recommended.',
      '고객이 GCC(Government Community Cloud) 자격을 갖추었으므로 정부 가격 제품을 권장합니다.',
    ),
  noneInGuide: (retired: RetiredOffer, a: Audience): Localized =>
    l(
      `The guide lists no ${AUDIENCE[a].en} plan to replace ${retired.name.en}, so the options are commercial offers.`,
      `가이드에 ${retired.name.ko} 제품을 대체할 ${AUDIENCE[a].ko} 요금제가 없으므로 상업용 제품을 제시합니다.`,
    ),
  missingQualification: (a: Audience): Localized =>
    a === 'government'
      ? l(
          'The customer has no approved Government Community Cloud qualification; Partner Center may refuse government-priced offers until it is approved.',
          '고객에게 승인된 GCC 자격이 없습니다. 승인되기 전에는 파트너 센터에서 정부 가격 제품 구매가 거부될 수 있습니다.',
        )
      : l(
          `The customer has no approved Education qualification; Partner Center may refuse ${AUDIENCE[a].en} offers until it is approved.`,
          `고객에게 승인된 교육 기관 자격이 없습니다. 승인되기 전에는 파트너 센터에서 ${AUDIENCE[a].ko} 제품 구매가 거부될 수 있습니다.`,
        ),
  educationPlansHidden: (): Localized =>
    l(
      'Education (A) plans are sold only to qualified education customers, so they are not listed.',
      '교육용(A) 요금제는 자격을 갖춘 교육 기관만 구매할 수 있으므로 목록에서 제외했습니다.',
    ),
  planHidden: (plan: ReplacementPlan, a: Audience): Localized =>
    l(
      `${plan.name.en} has no ${AUDIENCE[a].en} or commercial offer, so it is not listed.`,
      `${plan.name.ko} 요금제에는 ${AUDIENCE[a].ko} 제품도 상업용 제품도 없으므로 목록에서 제외했습니다.`,
    ),
};

// Ranking (rules 5 and 6) and the top option.
export const rank = {
  workload: (plan: ReplacementPlan): Localized =>
    l(
      `${plan.name.en} is the like-for-like replacement for the retired offer; the other plans are alternatives.`,
      `${plan.name.ko} 요금제가 사용 중지되는 제품을 그대로 대체하며, 나머지 요금제는 대안입니다.`,
    ),
  affinity: (owned: ReplacementPlan[]): Localized => {
    const families = [...new Set(owned.map((p) => p.family))];
    return l(
      `The customer already buys ${list(owned.map((p) => p.name.en))}, so ${list(families.map((f) => FAMILY[f].en))} plans come first.`,
      `고객이 이미 ${list(owned.map((p) => p.name.ko))} 요금제를 구매하고 있으므로 ${list(families.map((f) => FAMILY[f].ko))} 요금제를 먼저 제시합니다.`,
    );
  },
  large: (need: number, cap: number): Localized =>
    l(
      `${need} users need a seat, more than the Business plans' limit of ${cap}, so Enterprise plans come first.`,
      `라이선스가 필요한 사용자가 ${need}명으로 비즈니스 요금제 한도인 ${cap}명을 넘으므로 엔터프라이즈 요금제를 먼저 제시합니다.`,
    ),
  sameSku: (plan: ReplacementPlan, buy: number): Localized =>
    l(
      `${plan.name.en} grants the same license as the retired offer, so users keep their license: buy ${seatsEn(buy)}, then suspend the old subscription.`,
      `${plan.name.ko} 요금제는 사용 중지되는 제품과 같은 라이선스를 부여하므로 사용자는 라이선스를 그대로 유지합니다. ${buy}개를 구매한 뒤 이전 구독을 일시 중단하세요.`,
    ),
  noneEligible: (need: number): Localized =>
    l(
      `No offer sells ${need} seats in one subscription; check the limits with Microsoft before buying.`,
      `구독 하나로 ${need}개 라이선스를 구매할 수 있는 제품이 없습니다. 구매 전에 Microsoft에 한도를 확인하세요.`,
    ),
};

// One option's own reasons.
export const option = {
  fallback: (a: Audience): Localized =>
    l(
      `This plan has no ${AUDIENCE[a].en} offer, so this is its commercial offer.`,
      `이 요금제에는 ${AUDIENCE[a].ko} 제품이 없어 상업용 제품을 제시합니다.`,
    ),
  servesWorkload: (): Localized =>
    l('Like-for-like replacement for the retired offer.', '사용 중지되는 제품을 그대로 대체하는 요금제입니다.'),
  alternative: (): Localized =>
    l(
      "Alternative: it does not replace the retired offer's features one for one.",
      '대안: 사용 중지되는 제품의 기능을 그대로 대체하지는 않습니다.',
    ),
  overMax: (plan: ReplacementPlan, max: number, need: number): Localized =>
    l(
      `${plan.name.en} allows at most ${seatsEn(max)} in one subscription, but ${usersEn(need)} need one.`,
      `${plan.name.ko} 요금제는 구독 하나에 최대 ${max}개까지 구매할 수 있는데, 라이선스가 필요한 사용자는 ${need}명입니다.`,
    ),
  belowMin: (min: number, need: number): Localized =>
    l(
      `The offer's minimum is ${seatsEn(min)}, more than the ${need} needed.`,
      `이 제품의 최소 구매 수량은 ${min}개로, 필요한 ${need}개보다 많습니다.`,
    ),
  tier: (offer: PurchasableOffer, need: number): Localized =>
    l(
      `Volume tier for ${band(offer)} seats, the band that ${need === 1 ? '1 seat falls' : `${need} seats fall`} in.`,
      `${need}개가 속하는 ${band(offer)}개 구간의 볼륨 가격 제품입니다.`,
    ),
  sameSku: (): Localized =>
    l(
      'Grants the same license as the retired offer: users keep their license, no reassignment needed.',
      '사용 중지되는 제품과 같은 라이선스이므로 사용자는 라이선스를 그대로 유지하며 재할당이 필요 없습니다.',
    ),
  owned: (): Localized => l('The customer already buys this plan.', '고객이 이미 이 요금제를 구매하고 있습니다.'),
  sameFamily: (owned: ReplacementPlan): Localized =>
    l(
      `Same family as the customer's ${owned.name.en}.`,
      `고객이 사용 중인 ${owned.name.ko} 요금제와 같은 제품군입니다.`,
    ),
  enterpriseForLarge: (cap: number): Localized =>
    l(`Enterprise plans have no ${cap}-seat limit.`, `엔터프라이즈 요금제에는 ${cap}명 한도가 없습니다.`),
};

// validateQuantity (the agent edits the quantity).
export const quantity = {
  notWhole: (): Localized => l('Enter a whole number of seats.', '라이선스 수는 정수로 입력하세요.'),
  belowMin: (offer: PurchasableOffer): Localized =>
    l(
      `${offer.name} needs at least ${seatsEn(offer.minQuantity)}.`,
      `${offer.name} 제품은 최소 ${offer.minQuantity}개 이상 구매해야 합니다.`,
    ),
  aboveMax: (offer: PurchasableOffer): Localized =>
    l(
      `${offer.name} allows at most ${seatsEn(offer.maxQuantity)} in one subscription.`,
      `${offer.name} 제품은 구독 하나에 최대 ${offer.maxQuantity}개까지 구매할 수 있습니다.`,
    ),
  outsideBand: (offer: PurchasableOffer): Localized =>
    l(
      `${offer.name} is the volume tier for ${band(offer)} seats; pick the tier that fits this quantity.`,
      `${offer.name} 제품은 ${band(offer)}개 구간의 볼륨 가격 제품입니다. 이 수량에 맞는 구간의 제품을 선택하세요.`,
    ),
  fewerThanUsers: (q: number, need: number): Localized =>
    l(
      `${need} users need a seat; ${seatsEn(q)} would leave ${need - q} of them without a license.`,
      `라이선스가 필요한 사용자는 ${need}명이므로 ${q}개로는 ${need - q}명이 라이선스를 받지 못합니다.`,
    ),
};
