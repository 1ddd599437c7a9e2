/**
 * The replacement picker's words (lib/recommend chooses which apply and fills them in). Korean
 * sentences put a noun (요금제, 제품, 라이선스, 명, 개) after every inserted name or number, so no
 * particle has to agree with a value known only at run time. English plurals that change a verb or an
 * article have their own key ("…One"), because {placeholders} cannot choose a word.
 */
export const pickEn = {
  // Pieces other sentences are built from.
  pickSeatOne: '1 seat',
  pickSeats: '{count} seats',
  pickUserOne: '1 user',
  pickUsers: '{count} users',
  pickAudienceCommercial: 'commercial',
  pickAudienceFaculty: 'faculty',
  pickAudienceStudent: 'student',
  pickAudienceGovernment: 'government-priced',
  pickPricedCommercial: 'a commercial offer',
  pickPricedFaculty: 'priced for faculty',
  pickPricedStudent: 'priced for students',
  pickPricedGovernment: 'government-priced',
  pickFamilyBusiness: 'Business',
  pickFamilyFrontline: 'Frontline',
  pickFamilyEnterprise: 'Enterprise',
  pickFamilyEducation: 'Education',
  pickFamilyDynamics: 'Dynamics 365',
  pickStatusNone: 'none',
  pickStatusActive: 'active',
  pickStatusPending: 'pending',
  pickStatusSuspended: 'suspended',
  pickStatusExpired: 'expired',
  pickStatusDisabled: 'disabled',
  pickStatusDeleted: 'deleted',

  // Bad input: each says what is wrong and what to do, never guesses.
  pickNoMatch: "This subscription's offer is not in the retirement catalog, so no replacement can be suggested.",
  pickOfferMismatch:
    'The matched offer does not belong to the matched retirement, so the catalog match cannot be trusted.',
  pickMissingCustomer:
    "The customer's details are missing, so commercial, education or government prices cannot be chosen. Reload the customer.",
  pickNotActive: 'The subscription\'s status is "{status}"; only an active subscription can be migrated.',
  pickInvalidQuantity: "The subscription's quantity is {quantity}; it must be a whole number of at least 1.",
  pickNoLicenseData:
    "The customer's licenses do not show {retired}, so the users to move cannot be counted. Reload the customer's licenses.",
  pickBadCounts:
    "The license counts of {name} are not valid ({seats}, {consumed} assigned). Reload the customer's licenses.",
  pickPoolBelowSubscription:
    'The tenant shows {seats} of {name}, fewer than the {quantity} of this subscription alone. Reload the data before buying.',
  pickMoreUsersThanSeats:
    '{users} users hold {name}, but the tenant has only {seats} of it. Reload the data before buying.',
  pickBadOtherQuantity:
    'Another subscription of the same license, {offer}, shows an invalid quantity ({quantity}). Reload the subscriptions.',
  pickNoReplacement: 'No replacement plan in the catalog has a {audience} or commercial offer this customer can buy.',

  // How many users move.
  pickNobody:
    'Nobody holds a {retired} license, so nothing needs to be bought or reassigned: just suspend the old subscription.',
  pickAllStay:
    'The {users} holding this license fit in the {seats} of the subscriptions that stay, so nobody needs to move: just suspend the old subscription.',
  pickPooledOne: '1 user holds this license and other subscriptions of it keep {seats}, so {move} must move.',
  pickPooled: '{holders} users hold this license and other subscriptions of it keep {seats}, so {move} must move.',
  pickSimpleOne: '1 user holds a {retired} license and must move.',
  pickSimple: '{move} users hold a {retired} license and must move.',

  // Users who already have the service through another product.
  pickCoveredUserOne:
    'The user to move already has the service through {products}, so no purchase is needed: remove their {retired} license and suspend the old subscription.',
  pickCoveredUsers:
    'All {move} users to move already have the service through {products}, so no purchase is needed: remove their {retired} license and suspend the old subscription.',
  pickCoveredByCount:
    '{product} is assigned to {assigned}, at least the {move} who must move, so no purchase is needed: remove the {retired} license and suspend the old subscription. This is judged from license counts; check the users\' licenses to be sure.',
  pickCoveredSome:
    '{covered} of the {move} users to move already have the service through {products}; only {seats} need to be bought.',

  // Which prices apply.
  pickEducationAPlans: 'The customer is an education institution, so faculty A plans are recommended.',
  pickEducationOffers: 'The customer is an education institution, so faculty-priced offers are recommended.',
  pickRetiredVariant: 'The retired offer was {priced}, so {audience} offers are recommended.',
  pickGovernmentCustomer:
    'The customer is qualified for Government Community Cloud, so government-priced offers are recommended.',
  pickNoneInGuide: 'The guide lists no {audience} plan to replace {retired}, so the options are commercial offers.',
  pickNoGovernmentQualification:
    'The customer has no approved Government Community Cloud qualification; Partner Center may refuse government-priced offers until it is approved.',
  pickNoEducationQualification:
    'The customer has no approved Education qualification; Partner Center may refuse {audience} offers until it is approved.',
  pickEducationPlansHidden:
    'Education (A) plans are sold only to qualified education customers, so they are not listed.',
  pickPlanHidden: '{plan} has no {audience} or commercial offer, so it is not listed.',

  // Ranking, said once for the whole list.
  pickAffinity: 'The customer already buys {owned}, so {families} plans come first.',
  pickLarge: "{need} users need a seat, more than the Business plans' limit of {cap}, so Enterprise plans come first.",
  pickNoneEligible: 'No offer sells {need} seats in one subscription; check the limits with Microsoft before buying.',

  // One option's own reasons.
  pickFallback: 'This plan has no {audience} offer, so this is its commercial offer.',
  pickServesWorkload: 'Like-for-like replacement for the retired offer.',
  pickAlternative: "Alternative: it does not replace the retired offer's features one for one.",
  pickOverMax: '{plan} allows at most {max} in one subscription, but {need} need one.',
  pickBelowMin: "The offer's minimum is {min}, more than the {need} needed.",
  pickTierOne: 'Volume tier for {band} seats, the band that 1 seat falls in.',
  pickTier: 'Volume tier for {band} seats, the band that {need} seats fall in.',
  pickSameSku: 'Grants the same license as the retired offer: users keep their license, no reassignment needed.',

  // The agent edits the quantity.
  pickQuantityNotWhole: 'Enter a whole number of seats.',
  pickQuantityBelowMin: '{offer} needs at least {min}.',
  pickQuantityAboveMax: '{offer} allows at most {max} in one subscription.',
  pickQuantityOutsideBand: '{offer} is the volume tier for {band} seats; pick the tier that fits this quantity.',
  pickQuantityFewerThanUsers: '{need} users need a seat; {seats} would leave {short} of them without a license.',
} as const;

export type PickKey = keyof typeof pickEn;

export const pickKo: Record<PickKey, string> = {
  // 한국어는 단수와 복수를 구분하지 않으므로 "…One" 키도 같은 문장입니다.
  pickSeatOne: '1개',
  pickSeats: '{count}개',
  pickUserOne: '1명',
  pickUsers: '{count}명',
  pickAudienceCommercial: '상업용',
  pickAudienceFaculty: '교직원용',
  pickAudienceStudent: '학생용',
  pickAudienceGovernment: '정부 가격',
  pickPricedCommercial: '상업용',
  pickPricedFaculty: '교직원용',
  pickPricedStudent: '학생용',
  pickPricedGovernment: '정부 가격',
  pickFamilyBusiness: '비즈니스',
  pickFamilyFrontline: '프런트라인',
  pickFamilyEnterprise: '엔터프라이즈',
  pickFamilyEducation: '교육용',
  pickFamilyDynamics: 'Dynamics 365',
  pickStatusNone: '없음',
  pickStatusActive: '활성',
  pickStatusPending: '보류 중',
  pickStatusSuspended: '일시 중단됨',
  pickStatusExpired: '만료됨',
  pickStatusDisabled: '사용 안 함',
  pickStatusDeleted: '삭제됨',

  pickNoMatch: '이 구독의 제품은 사용 중지 카탈로그에 없으므로 대체 요금제를 제안할 수 없습니다.',
  pickOfferMismatch: '일치한 제품이 해당 사용 중지 항목에 속하지 않으므로 카탈로그 일치 결과를 신뢰할 수 없습니다.',
  pickMissingCustomer:
    '고객 정보가 없어 상업용, 교육용, 정부 가격 중 어느 것을 적용할지 정할 수 없습니다. 고객 정보를 다시 불러오세요.',
  pickNotActive: "이 구독은 '{status}' 상태입니다. 활성 구독만 마이그레이션할 수 있습니다.",
  pickInvalidQuantity: '구독 수량이 {quantity}개로 표시됩니다. 수량은 1 이상의 정수여야 합니다.',
  pickNoLicenseData:
    '고객의 라이선스 목록에 {retired} 라이선스가 없어 옮길 사용자 수를 셀 수 없습니다. 고객의 라이선스 정보를 다시 불러오세요.',
  pickBadCounts:
    '{name} 라이선스 수가 올바르지 않습니다(라이선스 {seats}, 할당 {consumed}개). 고객의 라이선스 정보를 다시 불러오세요.',
  pickPoolBelowSubscription:
    '테넌트의 {name} 라이선스는 {seats}로 이 구독 하나의 수량 {quantity}개보다 적습니다. 구매 전에 데이터를 다시 불러오세요.',
  pickMoreUsersThanSeats:
    '{name} 라이선스를 가진 사용자는 {users}명인데 테넌트의 라이선스는 {seats}뿐입니다. 구매 전에 데이터를 다시 불러오세요.',
  pickBadOtherQuantity:
    '같은 라이선스의 다른 구독인 {offer} 구독의 수량({quantity}개)이 올바르지 않습니다. 구독 정보를 다시 불러오세요.',
  pickNoReplacement: '카탈로그의 대체 요금제 중 이 고객이 구매할 수 있는 {audience} 또는 상업용 제품이 없습니다.',

  pickNobody:
    '{retired} 라이선스를 가진 사용자가 없으므로 구매나 재할당이 필요 없습니다. 이전 구독만 일시 중단하면 됩니다.',
  pickAllStay:
    '이 라이선스를 가진 사용자 {users}은 유지되는 다른 구독의 라이선스 {seats}로 충분하므로 옮길 사용자가 없습니다. 이전 구독만 일시 중단하면 됩니다.',
  pickPooledOne:
    '이 라이선스를 가진 사용자는 1명이고 다른 구독에 라이선스 {seats}가 유지되므로 {move}을 옮겨야 합니다.',
  pickPooled:
    '이 라이선스를 가진 사용자는 {holders}명이고 다른 구독에 라이선스 {seats}가 유지되므로 {move}을 옮겨야 합니다.',
  pickSimpleOne: '{retired} 라이선스를 가진 사용자 1명을 옮겨야 합니다.',
  pickSimple: '{retired} 라이선스를 가진 사용자 {move}명을 옮겨야 합니다.',

  pickCoveredUserOne:
    '옮길 사용자 1명은 이미 {products} 제품을 통해 같은 서비스를 사용하고 있으므로 구매할 필요가 없습니다. {retired} 라이선스를 회수하고 이전 구독을 일시 중단하세요.',
  pickCoveredUsers:
    '옮길 사용자 {move}명 모두 이미 {products} 제품을 통해 같은 서비스를 사용하고 있으므로 구매할 필요가 없습니다. {retired} 라이선스를 회수하고 이전 구독을 일시 중단하세요.',
  pickCoveredByCount:
    '{product} 제품이 {assigned}에게 할당되어 있어 옮길 사용자 {move}명보다 많거나 같으므로 구매할 필요가 없습니다. {retired} 라이선스를 회수하고 이전 구독을 일시 중단하세요. 라이선스 수로 판단한 결과이므로 사용자별 라이선스를 확인하세요.',
  pickCoveredSome:
    '옮길 사용자 {move}명 중 {covered}명은 이미 {products} 제품을 통해 같은 서비스를 사용하고 있으므로 {seats}만 구매하면 됩니다.',

  pickEducationAPlans: '교육 기관 고객이므로 교직원용 A 요금제를 권장합니다.',
  pickEducationOffers: '교육 기관 고객이므로 교직원용 가격의 제품을 권장합니다.',
  pickRetiredVariant: '사용 중지되는 제품이 {priced} 제품이므로 {audience} 제품을 권장합니다.',
  pickGovernmentCustomer: '고객이 GCC(Government Community Cloud) 자격을 갖추었으므로 정부 가격 제품을 권장합니다.',
  pickNoneInGuide: '가이드에 {retired} 제품을 대체할 {audience} 요금제가 없으므로 상업용 제품을 제시합니다.',
  pickNoGovernmentQualification:
    '고객에게 승인된 GCC 자격이 없습니다. 승인되기 전에는 파트너 센터에서 정부 가격 제품 구매가 거부될 수 있습니다.',
  pickNoEducationQualification:
    '고객에게 승인된 교육 기관 자격이 없습니다. 승인되기 전에는 파트너 센터에서 {audience} 제품 구매가 거부될 수 있습니다.',
  pickEducationPlansHidden: '교육용(A) 요금제는 자격을 갖춘 교육 기관만 구매할 수 있으므로 목록에서 제외했습니다.',
  pickPlanHidden: '{plan} 요금제에는 {audience} 제품도 상업용 제품도 없으므로 목록에서 제외했습니다.',

  pickAffinity: '고객이 이미 {owned} 요금제를 구매하고 있으므로 {families} 요금제를 먼저 제시합니다.',
  pickLarge:
    '라이선스가 필요한 사용자가 {need}명으로 비즈니스 요금제 한도인 {cap}명을 넘으므로 엔터프라이즈 요금제를 먼저 제시합니다.',
  pickNoneEligible: '구독 하나로 {need}개 라이선스를 구매할 수 있는 제품이 없습니다. 구매 전에 Microsoft에 한도를 확인하세요.',

  pickFallback: '이 요금제에는 {audience} 제품이 없어 상업용 제품을 제시합니다.',
  pickServesWorkload: '사용 중지되는 제품을 그대로 대체하는 요금제입니다.',
  pickAlternative: '대안: 사용 중지되는 제품의 기능을 그대로 대체하지는 않습니다.',
  pickOverMax: '{plan} 요금제는 구독 하나에 최대 {max}까지 구매할 수 있는데, 라이선스가 필요한 사용자는 {need}입니다.',
  pickBelowMin: '이 제품의 최소 구매 수량은 {min}로, 필요한 {need}보다 많습니다.',
  pickTierOne: '1개가 속하는 {band}개 구간의 볼륨 가격 제품입니다.',
  pickTier: '{need}개가 속하는 {band}개 구간의 볼륨 가격 제품입니다.',
  pickSameSku: '사용 중지되는 제품과 같은 라이선스이므로 사용자는 라이선스를 그대로 유지하며 재할당이 필요 없습니다.',

  pickQuantityNotWhole: '라이선스 수는 정수로 입력하세요.',
  pickQuantityBelowMin: '{offer} 제품은 최소 {min} 이상 구매해야 합니다.',
  pickQuantityAboveMax: '{offer} 제품은 구독 하나에 최대 {max}까지 구매할 수 있습니다.',
  pickQuantityOutsideBand: '{offer} 제품은 {band}개 구간의 볼륨 가격 제품입니다. 이 수량에 맞는 구간의 제품을 선택하세요.',
  pickQuantityFewerThanUsers:
    '라이선스가 필요한 사용자는 {need}명이므로 {seats}로는 {short}명이 라이선스를 받지 못합니다.',
};
