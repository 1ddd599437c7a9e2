import type { Lang } from '@/lib/i18n';

/** One plain message when the page or the API is not as expected; shown once, never blocking the page. */
export function PageNotice({ lang, text }: { lang: Lang; text: string }) {
  return (
    <p class="notice notice--floating" role="status" aria-live="polite" lang={lang}>
      {text}
    </p>
  );
}
