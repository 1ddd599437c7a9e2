// The simulated portal's own label dictionary (English and Korean). It is written independently of
// the extension's dictionary on purpose: if both read one file, a wrong label would cancel out.
// Korean strings for the contract's labels are the contract's (Microsoft's machine-translated docs);
// the rest are this simulator's own translations of labels the contract does not fix.

export type Language = 'en' | 'ko';
export type Family = 'v2' | 'commerce2' | 'commerce';

interface Entry {
  en: string;
  ko: string;
  /** English spellings that differ by path family (the live portal changed them between versions). */
  variants?: Partial<Record<Family, string>>;
}

const LABELS = {
  // ---- the contract's table (section 1) ----
  Customers: { en: 'Customers', ko: '고객' },
  Subscriptions: { en: 'Subscriptions', ko: '구독' },
  'Add subscription': {
    en: 'Add subscription',
    ko: '구독 추가',
    variants: { commerce2: 'Add Subscription', commerce: 'Add subscriptions' },
  },
  'Users and licenses': {
    en: 'Users and licenses',
    ko: '사용자 및 라이선스',
    variants: { commerce2: 'Users and Licenses' },
  },
  'Manage licenses': { en: 'Manage licenses', ko: '라이선스 관리', variants: { commerce2: 'Manage Licenses' } },
  'Selected users': {
    en: 'Selected users',
    ko: '선택한 사용자',
    variants: { commerce2: 'Selected Users', commerce: 'Selected Users' },
  },
  Search: { en: 'Search', ko: '검색' },
  'Online Services': { en: 'Online Services', ko: '온라인 서비스' },
  'Add to cart': { en: 'Add to cart', ko: '카트에 추가', variants: { commerce: 'Add to Cart' } },
  Review: { en: 'Review', ko: '검토' },
  Submit: { en: 'Submit', ko: '제출' },
  Save: { en: 'Save', ko: '저장' },
  Status: { en: 'Status', ko: '상태' },
  Active: { en: 'Active', ko: '활성' },
  Suspended: { en: 'Suspended', ko: '일시 중단됨' },
  Quantity: { en: 'Quantity', ko: '수량' },
  'Auto renews on {date}': { en: 'Auto renews on {date}', ko: '{date}에 자동 갱신' },
  'Expires on {date}': { en: 'Expires on {date}', ko: '{date}에 만료' },
  'Available licenses': { en: 'Available licenses', ko: '사용할 수 있는 라이선스' },
  Assigned: { en: 'Assigned', ko: '할당됨' },
  'Buy more': { en: 'Buy more', ko: '추가 구매' },
  'Licenses updated': { en: 'Licenses updated', ko: '라이선스가 업데이트됨' },
  First: { en: 'First', ko: '첫 번째' },
  Previous: { en: 'Previous', ko: '이전' },
  Next: { en: 'Next', ko: '다음' },
  Last: { en: 'Last', ko: '마지막' },

  // ---- labels the contract does not fix (this simulator's own wording) ----
  'Partner Center': { en: 'Partner Center', ko: '파트너 센터' },
  'Customer menu': { en: 'Customer menu', ko: '고객 메뉴' },
  Account: { en: 'Account', ko: '계정' },
  'Company name': { en: 'Company name', ko: '회사 이름' },
  Domain: { en: 'Domain', ko: '도메인' },
  'Microsoft ID': { en: 'Microsoft ID', ko: 'Microsoft ID' },
  Country: { en: 'Country', ko: '국가' },
  Language: { en: 'Language', ko: '언어' },
  Qualification: { en: 'Qualification', ko: '자격' },
  Relationship: { en: 'Relationship', ko: '관계' },
  Name: { en: 'Name', ko: '이름' },
  Offer: { en: 'Offer', ko: '제품' },
  Renewal: { en: 'Renewal', ko: '갱신' },
  'Subscription details': { en: 'Subscription details', ko: '구독 세부 정보' },
  'Auto-renew': { en: 'Auto-renew', ko: '자동 갱신' },
  'Billing cycle': { en: 'Billing cycle', ko: '청구 주기' },
  'Subscription ID': { en: 'Subscription ID', ko: '구독 ID' },
  'De-provisioned on {date}': {
    en: 'This subscription will be de-provisioned on {date}',
    ko: '이 구독은 {date}에 프로비전 해제됩니다',
  },
  'Subscription updated': { en: 'Subscription updated', ko: '구독이 업데이트됨' },
  Pending: { en: 'Pending', ko: '보류 중' },
  Disabled: { en: 'Disabled', ko: '사용 안 함' },
  Deleted: { en: 'Deleted', ko: '삭제됨' },
  Expired: { en: 'Expired', ko: '만료됨' },
  Software: { en: 'Software', ko: '소프트웨어' },
  Category: { en: 'Category', ko: '범주' },
  'All categories': { en: 'All categories', ko: '모든 범주' },
  Enterprise: { en: 'Enterprise', ko: '엔터프라이즈' },
  'Small business': { en: 'Small business', ko: '소규모 비즈니스' },
  Education: { en: 'Education', ko: '교육' },
  Government: { en: 'Government', ko: '정부' },
  Nonprofit: { en: 'Nonprofit', ko: '비영리' },
  Other: { en: 'Other', ko: '기타' },
  'Select {name}': { en: 'Select {name}', ko: '{name} 선택' },
  'Quantity range {min}–{max}': { en: '{min}–{max} licenses', ko: '라이선스 {min}–{max}개' },
  Cart: { en: 'Cart', ko: '카트' },
  'Your cart is empty': { en: 'Your cart is empty', ko: '카트가 비어 있습니다' },
  Remove: { en: 'Remove', ko: '제거' },
  Back: { en: 'Back', ko: '뒤로' },
  'Order submitted': { en: 'Order submitted', ko: '주문이 제출됨' },
  'Order ID': { en: 'Order ID', ko: '주문 ID' },
  'Order status': { en: 'Order status', ko: '주문 상태' },
  'No offers in this tab': { en: 'No offers in this tab', ko: '이 탭에는 제품이 없습니다' },
  'No results': { en: 'No results', ko: '결과 없음' },
  'Page {page} of {pages}': { en: 'Page {page} of {pages}', ko: '{pages}페이지 중 {page}페이지' },
  'Page {page}': { en: 'Page {page}', ko: '{page}페이지' },
  Pagination: { en: 'Pagination', ko: '페이지 매김' },
  Loading: { en: 'Loading', ko: '로드 중' },
  'Display name': { en: 'Display name', ko: '표시 이름' },
  Username: { en: 'Username', ko: '사용자 이름' },
  Licenses: { en: 'Licenses', ko: '라이선스' },
  'Select all users on this page': { en: 'Select all users on this page', ko: '이 페이지의 모든 사용자 선택' },
  Product: { en: 'Product', ko: '제품' },
  'Selected users count': { en: '{count} selected', ko: '{count}명 선택됨' },
  'No changes': { en: 'No changes', ko: '변경 내용 없음' },
  Updated: { en: 'Updated', ko: '업데이트됨' },
  Failed: { en: 'Failed', ko: '실패' },
  'Something went wrong.': { en: 'Something went wrong.', ko: '문제가 발생했습니다.' },
  'Try again': { en: 'Try again', ko: '다시 시도' },
  'Page not found': { en: 'Page not found', ko: '페이지를 찾을 수 없음' },
  'No users selected': { en: 'No users selected', ko: '선택한 사용자가 없습니다' },
  On: { en: 'On', ko: '켜기' },
  Off: { en: 'Off', ko: '끄기' },
  Monthly: { en: 'Monthly', ko: '매월' },
  Annual: { en: 'Annual', ko: '매년' },
  'Saving…': { en: 'Saving…', ko: '저장하는 중…' },
  'Submitting…': { en: 'Submitting…', ko: '제출하는 중…' },
  Provisioning: { en: 'Provisioning', ko: '프로비전 중' },
  Provisioned: { en: 'Provisioned', ko: '프로비전됨' },
} satisfies Record<string, Entry>;

export type LabelKey = keyof typeof LABELS;

/** Picks one label for the page's language and path family, after the test's overrides. */
export class Labels {
  constructor(
    readonly language: Language,
    readonly family: Family,
    private readonly overrides: Record<string, string>,
  ) {}

  /** The label, with `{name}` placeholders filled from `values`. */
  t(key: LabelKey, values: Record<string, string | number> = {}): string {
    const entry: Entry = LABELS[key];
    const natural = this.language === 'ko' ? entry.ko : (entry.variants?.[this.family] ?? entry.en);
    // A test changes a label by its key (the English canonical form) or by the text it would show, so
    // {'Add subscription': 'Buy subscription'} and {'구독 추가': '구독 구매'} both work.
    const text = this.overrides[key] ?? this.overrides[natural] ?? natural;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : String(value);
    });
  }
}
