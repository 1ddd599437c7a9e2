import { fill, type Lang } from './lang';

/**
 * The customer list's badges and its link to the worklist: their words ship with the script that draws them
 * (entrypoints/customer-badges), loaded on the customer list only. Korean is typed against English.
 */
const badgeEn = {
  worklistLink: 'Worklist: every customer with a retiring subscription',
  badge: '{count} retiring',
  badgeLabel: '{customer}: {count} retiring subscriptions',
  badgeOne: '1 retiring · {when}',
  badgeMany: '{count} retiring · first {when}',
  badgeLabelOne: '{customer}: 1 retiring subscription, which {when}',
  badgeLabelMany: '{customer}: {count} retiring subscriptions, the first {when}',
  badgeEndsIn: 'ends {date} ({days} days left)',
  badgeEndsInOne: 'ends {date} (1 day left)',
  badgeEndsToday: 'ends today ({date})',
  badgeEnded: 'ended {date}',
} as const;

export type BadgeKey = keyof typeof badgeEn;

const badgeKo: Record<BadgeKey, string> = {
  worklistLink: '작업 목록: 사용 중지 예정 구독이 있는 모든 고객',
  badge: '사용 중지 예정 구독 {count}개',
  badgeLabel: '{customer}: 사용 중지 예정 구독 {count}개',
  badgeOne: '사용 중지 예정 구독 1개 · {when}',
  badgeMany: '사용 중지 예정 구독 {count}개 · 가장 먼저 {when}',
  badgeLabelOne: '{customer}: 사용 중지 예정 구독 1개, {when}',
  badgeLabelMany: '{customer}: 사용 중지 예정 구독 {count}개, 가장 먼저 {when}',
  badgeEndsIn: '{date} 종료({days}일 남음)',
  badgeEndsInOne: '{date} 종료(내일)',
  badgeEndsToday: '오늘({date}) 종료',
  badgeEnded: '{date}에 종료됨',
};

export function tBadge(lang: Lang, key: BadgeKey, params: Record<string, string | number> = {}): string {
  return fill((lang === 'ko' ? badgeKo : badgeEn)[key], params);
}
