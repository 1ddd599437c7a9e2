/**
 * The portal's own visible labels (contract §1 "Pages and labels"), English and Korean, with every
 * spelling seen across portal versions kept together. Our UI's words are elsewhere (lib/i18n/).
 * Matching ignores case and surrounding or repeated whitespace; add a variant here when the portal
 * introduces one, and nothing else has to change.
 */
export const LABELS = {
  customers: { en: ['Customers'], ko: ['고객'] },
  subscriptions: { en: ['Subscriptions'], ko: ['구독'] },
  addSubscription: { en: ['Add subscription', 'Add subscriptions'], ko: ['구독 추가'] },
  usersAndLicenses: { en: ['Users and licenses'], ko: ['사용자 및 라이선스'] },
  manageLicenses: { en: ['Manage licenses'], ko: ['라이선스 관리'] },
  selectedUsers: { en: ['Selected users'], ko: ['선택한 사용자'] },
  search: { en: ['Search'], ko: ['검색'] },
  onlineServices: { en: ['Online Services'], ko: ['온라인 서비스'] },
  addToCart: { en: ['Add to cart'], ko: ['카트에 추가'] },
  review: { en: ['Review'], ko: ['검토'] },
  submit: { en: ['Submit'], ko: ['제출'] },
  save: { en: ['Save'], ko: ['저장'] },
  status: { en: ['Status'], ko: ['상태'] },
  active: { en: ['Active'], ko: ['활성'] },
  suspended: { en: ['Suspended'], ko: ['일시 중단됨'] },
  quantity: { en: ['Quantity'], ko: ['수량'] },
  availableLicenses: { en: ['Available licenses'], ko: ['사용할 수 있는 라이선스'] },
  assigned: { en: ['Assigned'], ko: ['할당됨'] },
  buyMore: { en: ['Buy more'], ko: ['추가 구매'] },
  licensesUpdated: { en: ['Licenses updated'], ko: ['라이선스가 업데이트됨'] },
  // The "... page" spellings are ASSUMED (icon-only pagers name their buttons so).
  first: { en: ['First', 'First page'], ko: ['첫 번째', '첫 페이지', '첫 번째 페이지'] },
  previous: { en: ['Previous', 'Previous page'], ko: ['이전', '이전 페이지'] },
  next: { en: ['Next', 'Next page'], ko: ['다음', '다음 페이지'] },
  last: { en: ['Last', 'Last page'], ko: ['마지막', '마지막 페이지'] },
} as const satisfies Record<string, { en: readonly string[]; ko: readonly string[] }>;

export type LabelKey = keyof typeof LABELS;

/** Status texts with a date in them: "Auto renews on {date}" / "{date}에 자동 갱신". */
export const STATUS_TEXT = {
  autoRenewsOn: { en: /^auto renews on (.+)$/i, ko: /^(.+)에 자동 갱신$/ },
  expiresOn: { en: /^expires on (.+)$/i, ko: /^(.+)에 만료$/ },
} as const;

export const normalizeLabel = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

const INDEX = new Map<LabelKey, Set<string>>(
  (Object.keys(LABELS) as LabelKey[]).map((key) => [
    key,
    new Set([...LABELS[key].en, ...LABELS[key].ko].map(normalizeLabel)),
  ]),
);

/** Whether a visible text is the label, in either language and any known spelling. */
export function isLabel(key: LabelKey, text: string | null | undefined): boolean {
  return text != null && (INDEX.get(key)?.has(normalizeLabel(text)) ?? false);
}

/** The label's first spelling in a language, for messages that tell the agent what was looked for. */
export function labelText(key: LabelKey, lang: 'en' | 'ko'): string {
  return LABELS[key][lang][0];
}

/**
 * Words the portal shows inside longer texts (confirmations, per-user results, the de-provisioning
 * note), found as part of a text rather than as a whole label: English from a word start ignoring
 * case ("de-provision" finds "de-provisioned"), Korean ignoring spaces (Microsoft's Korean spacing
 * varies: "프로 비전 해제"). ASSUMED, every one: the contract fixes none of these texts.
 */
export const PHRASES = {
  /** Near the order id on the purchase confirmation ("Order ID", "Order number", "주문 ID"). */
  order: { en: ['order'], ko: ['주문'] },
  /** The purchase went through. */
  orderConfirmed: {
    en: [
      'order submitted',
      'order placed',
      'order has been submitted',
      'order has been placed',
      'order was submitted',
      'order was placed',
      'order confirmation',
      'thank you for your order',
    ],
    ko: ['주문이 제출됨', '주문이 제출되었습니다', '주문을 제출했습니다', '주문 완료', '주문이 완료', '주문 확인'],
  },
  /** The subscription detail page saved a change. */
  subscriptionUpdated: {
    en: ['subscription updated', 'subscription has been updated', 'subscription was updated'],
    ko: ['구독이 업데이트됨', '구독이 업데이트되었습니다', '구독을 업데이트했습니다'],
  },
  /** Under Suspended: when the suspended subscription will be removed (the seeds: after 120 days). */
  deprovision: {
    en: ['de-provision', 'deprovision'],
    ko: ['프로비전 해제', '프로비전이 해제', '프로비저닝 해제', '프로비저닝이 해제'],
  },
  /** A per-user line that did not succeed. */
  failed: {
    en: ['error', 'failed', 'failure', 'denied', 'forbidden', 'not permitted', 'not allowed', 'unable', 'could not'],
    ko: ['오류', '실패', '거부', '권한이 없', '할 수 없'],
  },
} as const satisfies Record<string, { en: readonly string[]; ko: readonly string[] }>;

export type PhraseKey = keyof typeof PHRASES;

/** Whether a string names one of the portal's labels (own keys only, not inherited names). */
export function isLabelKey(value: string): value is LabelKey {
  return Object.hasOwn(LABELS, value);
}
