import type { Lang } from '@/lib/i18n/overlay';

/**
 * One plain message when the page or the API is not as expected; shown once, never blocking the
 * page. It sits in the page's flow (the host puts it first), so it pushes the portal down and covers
 * none of it.
 */
export function PageNotice({ lang, text }: { lang: Lang; text: string }) {
  return (
    <p class="notice" role="status" aria-live="polite" lang={lang}>
      {text}
    </p>
  );
}
